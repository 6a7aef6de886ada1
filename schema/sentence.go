package schema

import (
	"strings"
	"unicode"
)

// sentenceAt returns the sentence of text around the code-point span
// [start,end): it widens the span to the nearest sentence ends, where a
// sentence ends at a line break or at ".", "!" or "?" (optionally followed
// by a closing quote or bracket) that is followed by a space. The span
// itself is never cut, even when it contains such a boundary (an evidence
// span may be several sentences), and if the offsets do not fit the text
// the span's own text is returned.
//
// Initials ("J. Smith", "U.S.") and common abbreviations ("Mr.", "Gen.")
// do not end a sentence. The split is a heuristic and may differ from the
// extractor's; Mention.sentenceIndex has the extractor's numbering.
func sentenceAt(r []rune, start, end int, fallback string) string {
	s, e, ok := sentenceSpan(r, start, end)
	if !ok {
		return fallback
	}
	return string(r[s:e])
}

// sentenceSpan returns the code-point offsets [s,e) of the sentence that
// sentenceAt returns, without surrounding white space. If the span does
// not fit the text, ok is false and s, e are start, end.
func sentenceSpan(r []rune, start, end int) (s, e int, ok bool) {
	if start < 0 || end < start || end > len(r) {
		return start, end, false
	}
	s = start
	for s > 0 && !endsBefore(r, s) {
		s--
	}
	e = end
	for e < len(r) && !endsBefore(r, e) {
		e++
	}
	for s < start && unicode.IsSpace(r[s]) {
		s++
	}
	for e > end && unicode.IsSpace(r[e-1]) {
		e--
	}
	return s, e, true
}

// endsBefore reports whether a sentence ends just before position i.
func endsBefore(r []rune, i int) bool {
	if r[i-1] == '\n' || r[i] == '\n' {
		return true
	}
	if !unicode.IsSpace(r[i]) {
		return false
	}
	j := i - 1
	for j > 0 && strings.ContainsRune("\"'”’)]", r[j]) {
		j--
	}
	switch {
	case r[j] == '!' || r[j] == '?':
		return true
	case r[j] != '.':
		return false
	}
	return !abbreviation(r, j)
}

// abbreviations end with a period that does not end a sentence, when a
// capitalized word follows ("Mr. Putin", "Gen. Smith").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true, "jr": true,
	"sr": true, "no": true, "vs": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// abbreviation reports whether the period at r[dot] ends an abbreviation
// or an initial: a single letter ("J. Smith", "U.S."), or a word of
// abbreviations.
func abbreviation(r []rune, dot int) bool {
	k := dot
	for k > 0 && unicode.IsLetter(r[k-1]) {
		k--
	}
	word := strings.ToLower(string(r[k:dot]))
	if len([]rune(word)) == 1 {
		return true
	}
	return abbreviations[word]
}
