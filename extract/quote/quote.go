package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Candidate is an entity mention that may be a speaker: tokens
// toks[First:Last] (Last exclusive) name the entity Key of type Type.
type Candidate struct {
	First, Last int
	Key         string
	Type        graph.EntityType
}

// Quote is a quotation. Text is exactly as written between the quotation
// marks, without them; Start and End are its code-point span, and First
// and Last its token span (Last exclusive).
type Quote struct {
	Start, End  int
	First, Last int
	Text        string
	// Sentence is the index of the sentence where the quotation opens.
	Sentence int
	// Speaker is the Key of the candidate who said it, "" if unresolved.
	Speaker string
	// SpeakerStart and SpeakerEnd span the words that name the speaker in
	// this context: the candidate mention, or the pronoun ("he") that refers
	// to it. Both are 0 when Speaker is "".
	SpeakerStart, SpeakerEnd int
	// Confidence in [0, 1] that Speaker said Text.
	Confidence float64
}

// speechVerbs introduce or close a quotation.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"stated": true, "states": true, "asked": true, "asks": true, "explained": true, "explains": true,
	"warned": true, "warns": true, "declared": true, "insisted": true, "insists": true, "noted": true,
	"notes": true, "argued": true, "argues": true, "claimed": true, "claims": true, "wrote": true,
	"writes": true, "tweeted": true, "commented": true, "announced": true, "continued": true,
	"replied": true, "acknowledged": true, "admitted": true, "urged": true, "stressed": true,
	"emphasised": true, "emphasized": true, "recalled": true, "observed": true, "remarked": true,
	"concluded": true, "suggested": true, "quoted": true, "predicted": true, "vowed": true,
	"pledged": true, "promised": true, "reiterated": true, "conceded": true, "confirmed": true,
	"denied": true, "responded": true, "exclaimed": true, "shouted": true, "complained": true,
	"maintained": true, "contended": true, "agreed": true, "according": true, "thinks": true,
	"believes": true, "describes": true, "described": true, "called": true, "calls": true,
	"recounted": true, "testified": true, "announces": true, "cautioned": true, "boasted": true,
	"added,": true, "saying": true, "telling": true, "adding": true, "warning": true,
	"chanted": true, "yelled": true, "screamed": true,
	"affirmed": true, "asserted": true, "lamented": true, "revealed": true, "highlighted": true, "underlined": true, "assured": true, "indicated": true, "affirms": true, "asserts": true, "reveals": true, "assures": true, "confirms": true,
}

// pronouns refer back to the last person named.
var pronouns = map[string]bool{"he": true, "she": true}

// tok is a token with what Find needs precomputed.
type tok struct {
	text, lower string
	start, end  int
	b, be       int
	upper       bool
	para        bool // starts a paragraph
}

// mark is the kind of a quotation mark token.
type mark int

const (
	noMark mark = iota
	openMark
	closeMark
	straightMark
)

func markOf(s string) mark {
	switch s {
	case "“", "«", "„":
		return openMark
	case "”", "»":
		return closeMark
	case "\"":
		return straightMark
	}
	return noMark
}

// span is a quotation's content toks[first:last], opened at open and
// closed at close (-1 when it runs to the end of its paragraph).
type span struct{ open, first, last, close int }

// Find returns the quotations of text in order, each attributed to one of
// cands where the text says who spoke. toks and sents are the output of
// token.Tokenize and token.Sentences over text; cands may be in any order.
func Find(text string, toks []token.Token, sents []token.Sentence, cands []Candidate) []Quote {
	if len(toks) == 0 {
		return nil
	}
	if !slices.ContainsFunc(toks, func(t token.Token) bool { return markOf(t.Text) != noMark }) {
		return nil
	}
	tt := make([]tok, len(toks))
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		tt[i] = tok{text: t.Text, lower: strings.ToLower(t.Text), start: t.Start, end: t.End,
			b: t.Byte, be: t.ByteEnd, upper: unicode.IsUpper(r), para: t.BlankLineBefore}
	}
	spans := pair(tt)
	if len(spans) == 0 {
		return nil
	}
	d := newDoc(tt, sents, cands, spans)
	out := make([]Quote, 0, len(spans))
	prevSpeaker, prevSent := -1, -10
	for _, sp := range spans {
		q := Quote{First: sp.first, Last: sp.last, Start: tt[sp.first].start, End: tt[sp.last-1].end}
		if b, e := tt[sp.first].b, tt[sp.last-1].be; b <= e && e <= len(text) {
			q.Text = text[b:e]
		}
		q.Sentence = d.sentOf(sp.first)
		c, at, conf := d.attribute(sp, prevSpeaker, prevSent)
		if c >= 0 {
			if at[0] != cands[c].First || at[1] != cands[c].Last {
				// named by a pronoun or a description: less sure
				conf *= 0.8
			}
			q.Speaker, q.Confidence = cands[c].Key, conf
			q.SpeakerStart, q.SpeakerEnd = tt[at[0]].start, tt[at[1]-1].end
			prevSpeaker = c
		} else {
			q.Confidence = 0.3
			prevSpeaker = -1
		}
		prevSent = d.sentOf(sp.last - 1)
		if sp.close >= 0 {
			prevSent = d.closeSent(sp)
		}
		out = append(out, q)
	}
	// A quotation that runs to the end of its paragraph and goes on in a
	// quotation opening the next is one speech, attributed at its end:
	// "This year … house. ¶ "Some exhibitors …," said Mr Joseph.
	for i := len(out) - 2; i >= 0; i-- {
		if out[i].Speaker == "" && out[i+1].Speaker != "" && spans[i].close < 0 && spans[i+1].open == spans[i].last {
			out[i].Speaker, out[i].Confidence = out[i+1].Speaker, out[i+1].Confidence*0.8
			out[i].SpeakerStart, out[i].SpeakerEnd = out[i+1].SpeakerStart, out[i+1].SpeakerEnd
		}
	}
	return out
}

// pair matches quotation marks into spans. A straight quote opens when it
// is joined to the word after it and not to the word before.
func pair(tt []tok) []span {
	var out []span
	open := -1
	closeAt := func(last, close int) {
		if last > open+1 && words(tt[open+1:last]) >= 2 && (!titled(tt[open+1:last]) || spoken(tt, open, close)) {
			out = append(out, span{open: open, first: open + 1, last: last, close: close})
		}
		open = -1
	}
	for i := range tt {
		if open >= 0 && tt[i].para {
			closeAt(i, -1) // a quotation runs to the end of its paragraph
		}
		m := markOf(tt[i].text)
		if m == straightMark {
			joinedPrev := i > 0 && tt[i-1].end == tt[i].start && !tt[i].para
			joinedNext := i+1 < len(tt) && tt[i+1].start == tt[i].end
			switch {
			case open >= 0 && joinedPrev:
				m = closeMark
			case joinedNext && !joinedPrev:
				m = openMark
			case open >= 0:
				m = closeMark
			default:
				m = openMark
			}
		}
		switch m {
		case openMark:
			if open >= 0 {
				closeAt(i, -1)
			}
			open = i
		case closeMark:
			if open >= 0 {
				closeAt(i, i)
			}
		}
	}
	if open >= 0 {
		closeAt(len(tt), -1)
	}
	return out
}

// titled reports whether ts are a short name or title in quotation marks
// rather than words someone said: at most five words, each capitalized
// ("Insurgency Wiki", "Super District Council"), small joining words
// aside, and no sentence punctuation.
func titled(ts []tok) bool {
	n := 0
	for _, t := range ts {
		r, _ := utf8.DecodeRuneInString(t.text)
		switch {
		case unicode.IsLetter(r) && unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r) && titleJoiners[t.lower]:
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsAny(t.text, ".!?,:;"):
			return false
		}
	}
	return n > 0 && n <= 5
}

// spoken reports whether a quotation's marks sit next to what attributes
// words to someone: a colon or a verb of speech just before the opening
// mark ("told reporters"), or a verb of speech within three words after
// the closing one ("…", Trump said). Verbs that name rather than quote
// ("a page called") do not count.
func spoken(tt []tok, open, close int) bool {
	speech := func(i int) bool { return speechVerbs[tt[i].lower] && !namingVerbs[tt[i].lower] }
	if open > 0 && (tt[open-1].lower == ":" || speech(open-1)) || open > 1 && speech(open-2) && !determiners[tt[open-1].lower] {
		return true
	}
	for j := close + 1; close >= 0 && j < len(tt) && j <= close+3; j++ {
		if speech(j) {
			return true
		}
	}
	return false
}

// determiners before a quotation make it a noun phrase ("said the “Super
// District Council” …"), not words said.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "their": true, "his": true, "her": true}

// namingVerbs are verbs of speech that usually introduce a name in
// quotation marks rather than words said: "the so-called", "a page called".
var namingVerbs = map[string]bool{"called": true, "calls": true, "described": true, "describes": true}

// titleJoiners are the lower-case words a title may hold: "Church of
// Scientology", "Pride and Prejudice".
var titleJoiners = map[string]bool{"of": true, "the": true, "and": true, "on": true, "in": true, "for": true, "a": true, "to": true}

// words counts the word tokens of ts.
func words(ts []tok) int {
	n := 0
	for _, t := range ts {
		r, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// doc holds the lookups attribution needs.
type doc struct {
	tt     []tok
	sents  []token.Sentence
	cands  []Candidate
	candAt []int // token → index of the candidate covering it, -1 if none
	inQ    []bool
}

func newDoc(tt []tok, sents []token.Sentence, cands []Candidate, spans []span) *doc {
	d := &doc{tt: tt, sents: sents, cands: cands, candAt: make([]int, len(tt)), inQ: make([]bool, len(tt))}
	for i := range d.candAt {
		d.candAt[i] = -1
	}
	for ci, c := range cands {
		if c.First < 0 || c.Last > len(tt) || c.First >= c.Last {
			continue
		}
		for k := c.First; k < c.Last; k++ {
			d.candAt[k] = ci
		}
	}
	for _, sp := range spans {
		end := sp.last
		if sp.close >= 0 {
			end = sp.close + 1
		}
		for k := sp.open; k < end; k++ {
			d.inQ[k] = true
		}
	}
	return d
}

// sentOf returns the index of the sentence holding token i.
func (d *doc) sentOf(i int) int {
	k := sort.Search(len(d.sents), func(k int) bool { return d.sents[k].Last > i })
	if k == len(d.sents) {
		return len(d.sents) - 1
	}
	return k
}

// bounds returns the token span of sentence k, or an empty span.
func (d *doc) bounds(k int) (int, int) {
	if k < 0 || k >= len(d.sents) {
		return 0, 0
	}
	s := d.sents[k]
	if s.First < 0 || s.Last > len(d.tt) || s.First > s.Last {
		return 0, 0
	}
	return s.First, s.Last
}
