package date

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
)

// Kind tells calendar dates from times of day.
type Kind string

// Kinds of date expressions.
const (
	KindDate Kind = "date" // a day, month, year, week or decade
	KindTime Kind = "time" // a time of day: "10:30 a.m.", "1500 GMT", "noon"
)

// Date is a date or time expression. Start and End are the code-point
// span of Text, First and Last its token span (Last exclusive).
type Date struct {
	Start, End  int
	First, Last int
	Text        string
	// Sentence is the index of the sentence in the sents given to Find.
	Sentence int
	Kind     Kind
	// Value is ISO 8601, partial where the text is partial; "" when the
	// expression needs an anchor and none was given.
	Value string
	// Relative is true for expressions resolved against the anchor
	// ("Thursday", "last year", "December").
	Relative bool
}

// ParseAnchor reads a publication date in one of the common formats: RFC
// 3339 ("2018-05-17T10:00:00Z"), "2006-01-02", "2006-01-02 15:04:05",
// RFC 1123 and 822, Reuters' "26-FEB-1987 15:01:01.79", "January 2, 2006",
// "2 January 2006" and "2006/01/02". It reports false for anything else.
func ParseAnchor(published string) (time.Time, bool) {
	s := strings.TrimSpace(published)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range anchorLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var anchorLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05",
	"2006-01-02 15:04", "2-Jan-2006 15:04:05.00", "2-Jan-2006 15:04:05", "2-Jan-2006",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006", "2006/01/02",
	"Monday, January 2, 2006", "Mon, 2 Jan 2006 15:04:05 MST", "January 2, 2006 15:04",
}

// tok is a token with what Find needs precomputed.
type tok struct {
	text, lower string // lower has an abbreviation's period trimmed
	start, end  int
	b, be       int
	upper       bool
	digit       bool
}

// Find returns the date and time expressions of text, in order. toks and
// sents are the output of token.Tokenize and token.Sentences over text;
// anchor is the publication time, or the zero time if unknown.
func Find(text string, toks []token.Token, sents []token.Sentence, anchor time.Time) []Date {
	if len(toks) == 0 {
		return nil
	}
	pooled := tokPool.Get().(*[]tok)
	tt := slices.Grow((*pooled)[:0], len(toks))[:len(toks)]
	defer func() {
		clear(tt) // drop the strings they hold
		*pooled = tt[:0]
		tokPool.Put(pooled)
	}()
	lowered := token.LowerASCII(text)
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		lower := t.Text
		if t.Byte >= 0 && t.Byte <= t.ByteEnd && t.ByteEnd <= len(lowered) && token.IsASCII(t.Text) {
			lower = lowered[t.Byte:t.ByteEnd]
		} else {
			lower = strings.ToLower(t.Text)
		}
		tt[i] = tok{text: t.Text, lower: strings.TrimSuffix(lower, "."), start: t.Start,
			end: t.End, b: t.Byte, be: t.ByteEnd, upper: unicode.IsUpper(r), digit: r >= '0' && r <= '9'}
	}
	p := parser{tt: tt, anchor: anchor, hasAnchor: !anchor.IsZero()}
	var out []Date
	for si, s := range sents {
		if s.First < 0 || s.Last > len(tt) || s.First >= s.Last {
			continue
		}
		p.setSentence(s.First, s.Last)
		for i := s.First; i < s.Last; {
			d, ok := p.at(i)
			if !ok {
				i++
				continue
			}
			d.Sentence = si
			d.Start, d.End = tt[d.First].start, tt[d.Last-1].end
			b, e := tt[d.First].b, tt[d.Last-1].be
			if strings.HasSuffix(tt[d.Last-1].text, ".") && !isPeriodWord(tt[d.Last-1].lower) {
				// "Feb." keeps the period of the abbreviation, not of the date.
				e--
				d.End--
			}
			if b <= e && e <= len(text) {
				d.Text = text[b:e]
			}
			// A value cut from the lowercased copy of text would keep
			// all of it alive as long as the date.
			d.Value = strings.Clone(d.Value)
			out = append(out, d)
			i = d.Last
		}
	}
	return out
}

// tokPool recycles the prepared tokens between calls; Find keeps none.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

// isPeriodWord reports words whose final period is part of the word in a
// date: "a.m", "p.m" after trimming.
func isPeriodWord(w string) bool { return w == "a.m" || w == "p.m" }
