package graph

import "unicode/utf8"

// Mention is where something was said: a span of a document's text, in
// Unicode code points with an exclusive end.
type Mention struct {
	Document string `json:"document,omitempty"`
	Entity   string `json:"entity,omitempty"` // the entity mentioned, for entity mentions
	Sentence int    `json:"sentence"`         // 0-based index of the sentence in the document
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Validate checks the mention's offsets against the text of its document.
func (m *Mention) Validate(text string) error {
	if m.Start < 0 || m.End < m.Start {
		return Errorf(EINVALID, "mention %q: bad offsets [%d,%d)", m.Text, m.Start, m.End)
	}
	if got := Slice(text, m.Start, m.End); got != m.Text {
		return Errorf(EINVALID, "mention [%d,%d) is %q, not %q", m.Start, m.End, got, m.Text)
	}
	return nil
}

// Slice returns the code points [start,end) of s, or "" if the range does
// not lie within s.
func Slice(s string, start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	i, b := 0, 0
	for b < len(s) && i < start {
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
		i++
	}
	if i < start {
		return ""
	}
	e := b
	for e < len(s) && i < end {
		_, n := utf8.DecodeRuneInString(s[e:])
		e += n
		i++
	}
	if i < end {
		return ""
	}
	return s[b:e]
}
