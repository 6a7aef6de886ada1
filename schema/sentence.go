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
// The split is a heuristic and may differ from the extractor's ("U.S.
// officials" ends a sentence here); Mention.sentenceIndex has the
// extractor's numbering.
func sentenceAt(r []rune, start, end int, fallback string) string {
	if start < 0 || end < start || end > len(r) {
		return fallback
	}
	s := start
	for s > 0 && !endsBefore(r, s) {
		s--
	}
	e := end
	for e < len(r) && !endsBefore(r, e) {
		e++
	}
	return strings.TrimSpace(string(r[s:e]))
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
	return strings.ContainsRune(".!?", r[j])
}
