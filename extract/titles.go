package extract

import (
	"slices"
	"strings"

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

// lastTitleEnd returns the token after the last title word in [f, l) that
// still leaves a capitalized name after it, or f when there is none:
// "Russian President Vladimir Putin" → the index of "Vladimir".
func (d *docState) lastTitleEnd(c *chunk, f, l int) int {
	end := f
	for i := f; i < l-1; i++ {
		if d.midNameTitle(c, f, i) {
			continue
		}
		for n := maxTitleWords; n >= 1; n-- {
			if i+n > l {
				continue
			}
			if i+n == l {
				// A title to the end of the span ("Chief Executive
				// Officer") leaves no name, and no shorter title in it
				// ("Chief Executive") is stripped.
				if _, ok := titleAt(c, i, n); ok {
					return end
				}
				continue
			}
			// A title that is also a common word or a surname ("King",
			// "Justice", "Major") is one only where it opens the name.
			opens := i == f && isCap(c.tokText(i)) && !companyTitles[c.lower(i)]
			if t, ok := titleAt(c, i, n); ok && opensName(c.toks[i+n].Text) &&
				(t.predicate != "" || honorifics[c.lower(i)] || opens) && (!ambiguousTitles[c.lower(i)] || opens) {
				end = i + n
				break
			}
			// "Minister of Education Stefania Giannini".
			if t, ok := titleAt(c, i, n); ok && t.predicate != "" && c.lower(i+n) == "of" && i+n+3 < l+1 && i+n+2 < l &&
				isCap(c.toks[i+n+1].Text) && isCap(c.toks[i+n+2].Text) && isCap(c.toks[i].Text) {
				end = i + n + 2
				break
			}
		}
	}
	return end
}

// companyTitles open company names as often as people's: "General
// Motors", "General Electric", "Chief Executive".
var companyTitles = set("general", "chief", "head", "director", "member", "leader")

// surnameTitles are titles that are common surnames too.
var surnameTitles = set("king", "bishop", "judge", "major", "cardinal", "prince", "marshal")

// titleArticles before a title make it the title: "the King", "his
// Majesty", "former Judge".
var titleArticles = set("the", "a", "an", "his", "her", "their", "our", "its", "former", "late", "then", "new")

// opensName reports whether a word may begin a name after a title: a
// capitalized word or a particle ("Dr al-Mannai", "Dr de Villiers").
func opensName(w string) bool {
	if isCap(w) {
		return true
	}
	first, _, _ := strings.Cut(lowerKey(w), "-")
	return nameParticles[first]
}

// midNameTitle reports whether the title-like word at i, inside a name
// that starts at f, is part of the name: "Hassan Sheikh Mohamud",
// "Sikandar Sultan Raja". Such words ("Sheikh", "Sultan") are titles
// before a name, but inside one, after a word that is no title, demonym,
// country or organization word, they are the name's own.
func (d *docState) midNameTitle(c *chunk, f, i int) bool {
	if i == f || !nameTitles[c.lower(i)] {
		return false
	}
	prev := c.tokText(i - 1)
	if !isCap(prev) || orgWords[c.lower(i-1)] || d.x.gaz.IsCountryName(prev) {
		return false
	}
	if _, ok := titles[c.lower(i-1)]; ok {
		return false
	}
	_, demonym := d.x.gaz.Demonym(prev)
	return !demonym
}

// nameTitles are titles that are also common parts of names.
var nameTitles = set("sheikh", "sultan", "shah", "raja", "begum", "mirza", "emir", "amir", "pasha", "khan", "malik", "nawab")

// titleEndsAt reports whether a title other than an honorific ends at
// token i.
func titleEndsAt(c *chunk, i int) bool {
	for n := maxTitleWords; n >= 1; n-- {
		if t, ok := titleAt(c, i-n+1, n); ok && t.predicate != "" {
			return true
		}
	}
	return false
}

// titleAt returns the title spelled by tokens [i, i+n).
func titleAt(c *chunk, i, n int) (title, bool) {
	if i < 0 || i+n > len(c.toks) {
		return title{}, false
	}
	if n == 1 {
		t, ok := titles[c.lower(i)]
		return t, ok
	}
	// The key is built on the stack: a lookup with string(bytes) does not
	// allocate.
	var buf [64]byte
	key := append(buf[:0], c.lower(i)...)
	for j := i + 1; j < i+n; j++ {
		key = append(append(key, ' '), c.lower(j)...)
	}
	t, ok := titles[string(key)]
	return t, ok
}

// titledNameAt returns the end of a name that a title introduces and the
// tagger left out ("co-founder Mark Zuckerberg", "team member Rodaba
// Noori"): one to three capitalized words after a title that is not also
// a common verb or noun, or i if there is none.
func titledNameAt(c *chunk, covered, mask []bool, i int) int {
	if i == 0 || !c.sameSentence(i-1, i) || !titleEndsAt(c, i-1) && !honorifics[c.lower(i-1)] {
		return i
	}
	// "team member Rodaba Noori", "Barcelona coach Ronald Koeman", but not
	// "to head Apple".
	if ambiguousTitles[c.lower(i-1)] && (i < 2 || !c.sameSentence(i-2, i) || closedClass[c.lower(i-2)] || !hasLetter(c.toks[i-2].Text)) {
		return i
	}
	// "Chief Executive Officer": the word after "Chief Executive" ends a
	// longer title, and names no one.
	for n := 2; n <= maxTitleWords; n++ {
		if _, ok := titleAt(c, i-n+1, n); ok {
			return i
		}
	}
	j := i
	for j < len(c.toks) && j < i+3 && !covered[j] && !mask[j] && c.sameSentence(i, j) && isNameWord(c.toks[j].Text) &&
		!isDigits(c.toks[j].Text) && !closedClass[c.lower(j)] && !c.toks[j].NewlineBefore {
		if _, ok := titles[c.lower(j)]; ok {
			break
		}
		j++
	}
	// "Premier League", "Chairman Club": a word that ends an
	// organization's name names no one.
	if j == i || isAllUpper(c.spanText(i, j)) || orgWords[c.lower(j-1)] {
		return i
	}
	return j
}
