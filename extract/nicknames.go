package extract

import (
	"slices"

	"github.com/factgraph/factgraph/graph"
)

// nicknames joins a person's name around a nickname in quotation marks
// into one span: `Marion "Suge" Knight`, `Earvin "Magic" Johnson`, where
// the tagger found a part of it as a person.
func nicknames(c *chunk, spans []Span) []Span {
	joined := -1
	for k := range spans {
		s := &spans[k]
		if s.Type != graph.Person {
			continue
		}
		for q := max(s.First-3, 1); q < min(s.Last+1, len(c.toks)); q++ {
			f, l, ok := nicknameAt(c, q)
			if !ok || l <= s.First || f >= s.Last {
				continue
			}
			// Left of the mark, the tagger's start stands, or one
			// given name before the nickname ("Rapper Calvin “Snoop”
			// Broadus" is Calvin's).
			if s.First <= q {
				f = s.First
			} else {
				f = max(f, q-1)
			}
			s.First, s.Last = f, max(s.Last, l)
			joined = k
			break
		}
	}
	if joined < 0 {
		return spans
	}
	// Drop what the joined spans now cover, whichever came first.
	slices.SortStableFunc(spans, func(a, b Span) int {
		if a.First != b.First {
			return a.First - b.First
		}
		return b.Last - a.Last
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.First < out[n-1].Last {
			if s.Type == graph.Person && out[n-1].Type != graph.Person && s.Last >= out[n-1].Last {
				out[n-1] = s // the joined name over the part the tagger typed otherwise
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// nicknameAt matches a name with a nickname whose opening quotation mark
// is token q: one or two capitalized words, the mark, one or two
// capitalized words, the closing mark, one or two capitalized words; all
// in one sentence and on one line. It returns the token span of the whole.
func nicknameAt(c *chunk, q int) (first, last int, ok bool) {
	if !isQuoteMark(c.tokText(q)) {
		return 0, 0, false
	}
	capital := func(i int) bool {
		return i >= 0 && i < len(c.toks) && isCap(c.tokText(i)) && hasLetter(c.tokText(i)) && !closedClass[c.lower(i)] && c.sameSentence(i, q) && !c.toks[i].NewlineBefore
	}
	first = q
	for first > q-2 && capital(first-1) {
		first--
	}
	j := q + 1
	for j < q+3 && capital(j) {
		j++
	}
	if first == q || j == q+1 || j >= len(c.toks) || !isQuoteMark(c.tokText(j)) {
		return 0, 0, false
	}
	last = j + 1
	for last < j+3 && capital(last) {
		last++
	}
	return first, last, last > j+1 && !titleCased(c, first, last)
}

// titleCased reports whether most words of the sentence around tokens
// [f, l) are capitalized, as in a headline (`Obama "Deeply Concerned"
// About Syria`).
func titleCased(c *chunk, f, l int) bool {
	s := c.sents[c.sentOf[f]]
	caps, words := 0, 0
	for k := s.First; k < s.Last; k++ {
		if t := c.tokText(k); hasLetter(t) && (k < f || k >= l) {
			words++
			if isCap(t) {
				caps++
			}
		}
	}
	return words == 0 || caps*5 > words*3
}

// isQuoteMark reports whether a token is a double quotation mark.
func isQuoteMark(s string) bool { return s == "\"" || s == "“" || s == "”" }
