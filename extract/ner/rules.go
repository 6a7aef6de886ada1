package ner

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Rules applied after decoding, on top of consistent. Each one encodes
// knowledge that the sequence model sees too rarely to learn.

// placeBits are the whole-entry gazetteer bits of place lists.
var placeBits = uint32(1)<<(3*gazCity) | 1<<(3*gazCountry) | 1<<(3*gazCapital) |
	1<<(3*gazRegion) | 1<<(3*gazBigCity)

// givenBits are the gazetteer bits of given names, in any position.
const givenBits = uint32(7) << (3 * gazGiven)

// gazPlaceScore is the confidence under which a one-word person that the
// place gazetteer knows, and the given-name list does not, is a place:
// "Jujuy" is a province, not a person, whatever its context suggests.
const gazPlaceScore = 0.6

// gazetteerPlaces retypes unsure one-word persons that are known places.
func gazetteerPlaces(info []tokInfo, spans []Span) {
	for i := range spans {
		s := &spans[i]
		if s.Type != graph.Person || s.Last-s.First != 1 || s.Score >= gazPlaceScore {
			continue
		}
		g := info[s.First].gaz
		if g&placeBits != 0 && g&givenBits == 0 {
			s.Type = graph.Place
		}
	}
}

// acronyms gives a short form defined in parentheses the type of its long
// form, in the whole document: after "National Union of Metalworkers of
// South Africa (Numsa)", every "Numsa" is an organization. The short form
// must spell initials of the long form in order, starting with the first.
func acronyms(toks []token.Token, spans []Span) []Span {
	var defs map[string]graph.EntityType
	n := len(spans)
	for _, s := range spans[:n] {
		if s.Last-s.First < 2 || s.Last+2 >= len(toks) ||
			toks[s.Last].Text != "(" || toks[s.Last+2].Text != ")" {
			continue
		}
		short := toks[s.Last+1].Text
		if !isAcronymOf(short, toks[s.First:s.Last]) {
			continue
		}
		if defs == nil {
			defs = map[string]graph.EntityType{}
		}
		defs[short] = s.Type
		if !slices.ContainsFunc(spans, func(o Span) bool { return o.First == s.Last+1 && o.Last == s.Last+2 }) {
			spans = append(spans, Span{First: s.Last + 1, Last: s.Last + 2, Type: s.Type, Score: s.Score})
		}
	}
	if defs == nil {
		return spans
	}
	for i := range spans {
		s := &spans[i]
		if s.Last-s.First != 1 {
			continue
		}
		if t, ok := defs[toks[s.First].Text]; ok {
			s.Type = t
		}
	}
	if len(spans) > n {
		sort.Slice(spans, func(a, b int) bool { return spans[a].First < spans[b].First })
	}
	return spans
}

// isAcronymOf reports whether short, two to eight letters starting with a
// capital, spells the initials of some of words in order, the first
// word's included ("NUM" or "Numsa" for "National Union of Mineworkers
// … South Africa"); a word in capitals may give all its letters.
func isAcronymOf(short string, words []token.Token) bool {
	n := 0
	for i, r := range short {
		if !unicode.IsLetter(r) || (i == 0 && !unicode.IsUpper(r)) {
			return false
		}
		n++
	}
	if n < 2 || n > 8 {
		return false
	}
	letters := []rune(strings.ToUpper(short))
	k := 0
	for j, w := range words {
		if k == len(letters) {
			break
		}
		rs := []rune(w.Text)
		if unicode.ToUpper(rs[0]) != letters[k] {
			if j == 0 {
				return false
			}
			continue
		}
		k++
		// A word in capitals may give more than its initial ("SA" in
		// "Metalworkers of SA (Numsa)").
		if strings.ToUpper(w.Text) == w.Text {
			for _, r := range rs[1:] {
				if k < len(letters) && r == letters[k] {
					k++
				}
			}
		}
	}
	return k == len(letters)
}

// reutersSignOff drops "Reuter" or "REUTER" standing alone on the last
// line of a wire story: it is the agency's sign-off, not a person.
func reutersSignOff(toks []token.Token, spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Last-s.First == 1 && strings.EqualFold(toks[s.First].Text, "reuter") &&
			(s.First == 0 || toks[s.First].NewlineBefore) &&
			(s.Last == len(toks) || toks[s.Last].NewlineBefore) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// cueHeads retypes a person whose last word is a cue word of one other
// class ("… Charitable Foundation", "… Province"): names of people do not
// end in such words, and the surname rule would otherwise spread the
// error to every "Foundation" of the document.
func cueHeads(info []tokInfo, spans []Span) {
	for i := range spans {
		s := &spans[i]
		if s.Type != graph.Person || s.Last-s.First < 2 {
			continue
		}
		switch info[s.Last-1].cue {
		case 1 << classOrg:
			s.Type = graph.Organization
		case 1 << classLoc:
			s.Type = graph.Place
		}
	}
}

// weekdays are the lower-case hashes of the days of the week.
var weekdays = func() map[uint64]bool {
	out := map[uint64]bool{}
	for _, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		out[fnvString(w)] = true
	}
	return out
}()

// trimWeekdays drops a day of the week from the end of a longer name:
// "in Sha Tin Saturday evening" names the place Sha Tin. Names that end
// in a weekday ("Good Friday", "Super Tuesday") are events, which Tag
// does not return.
func trimWeekdays(info []tokInfo, spans []Span) {
	for i := range spans {
		s := &spans[i]
		if s.Last-s.First >= 2 && s.Type != miscType && weekdays[info[s.Last-1].lower] {
			s.Last--
		}
	}
}
