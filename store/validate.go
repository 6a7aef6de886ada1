package store

import (
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// validate checks an extraction before anything of it is written: the
// document, every entity, every reference to a document-local entity, and
// every mention's offsets against the text. Errors are EINVALID and name
// the document.
func validate(x *graph.Extraction) error {
	if x == nil {
		return graph.Errorf(graph.EINVALID, "nil extraction")
	}
	doc := &x.Document
	if err := doc.Validate(); err != nil {
		return err
	}
	bad := func(format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "document %q: "+format, append([]any{doc.ID}, args...)...)
	}
	text := newRuneText(doc.Text)
	checkMention := func(what string, m *graph.Mention) error {
		if m.Document != "" && m.Document != doc.ID {
			return bad("%s: mention of document %q", what, m.Document)
		}
		if m.Sentence < 0 {
			return bad("%s: negative sentence index", what)
		}
		if m.Start < 0 || m.End < m.Start {
			return bad("%s: mention %q has bad offsets [%d,%d)", what, m.Text, m.Start, m.End)
		}
		if got, ok := text.slice(m.Start, m.End); !ok || got != m.Text {
			return bad("%s: mention [%d,%d) is %q, not %q", what, m.Start, m.End, got, m.Text)
		}
		return nil
	}
	local := map[string]bool{}
	for i, e := range x.Entities {
		if e == nil {
			return bad("entity %d is nil", i)
		}
		if err := e.Validate(); err != nil {
			return bad("%s", graph.ErrorMessage(err))
		}
		if local[e.ID] {
			return bad("duplicate entity %q", e.ID)
		}
		local[e.ID] = true
	}
	ref := func(what, id string) error {
		if id != "" && !local[id] {
			return bad("%s refers to unknown entity %q", what, id)
		}
		return nil
	}
	if err := ref("dateline place", doc.Place); err != nil {
		return err
	}
	for _, e := range x.Entities {
		for i := range e.Mentions {
			m := &e.Mentions[i]
			if m.Entity != "" && m.Entity != e.ID {
				return bad("entity %q has a mention of %q", e.ID, m.Entity)
			}
			if err := checkMention("entity "+e.ID, m); err != nil {
				return err
			}
		}
		for _, r := range e.Roles {
			if err := ref("role of "+e.ID, r.Of); err != nil {
				return err
			}
		}
	}
	for i, r := range x.Relations {
		if r == nil {
			return bad("relation %d is nil", i)
		}
		if err := r.Validate(); err != nil {
			return bad("%s", graph.ErrorMessage(err))
		}
		if err := ref("relation "+r.Predicate, r.Subject); err != nil {
			return err
		}
		if err := ref("relation "+r.Predicate, r.Object); err != nil {
			return err
		}
		if r.Weight < 0 {
			return bad("relation %s: negative weight", r.Predicate)
		}
		for j := range r.Evidence {
			if err := checkMention("relation "+r.Predicate, &r.Evidence[j]); err != nil {
				return err
			}
		}
	}
	for i, f := range x.Figures {
		switch {
		case f == nil:
			return bad("figure %d is nil", i)
		}
		if err := f.Validate(); err != nil {
			return bad("%s", graph.ErrorMessage(err))
		}
		for _, r := range []string{f.About, f.Place} {
			if err := ref("figure "+f.Text, r); err != nil {
				return err
			}
		}
		if err := checkMention("figure "+f.Text, &f.Evidence); err != nil {
			return err
		}
	}
	for i, e := range x.Events {
		switch {
		case e == nil:
			return bad("event %d is nil", i)
		case e.Kind == "":
			return bad("event %q: kind required", e.Name)
		case e.Confidence < 0 || e.Confidence > 1:
			return bad("event %q: confidence %v outside [0,1]", e.Name, e.Confidence)
		}
		for _, r := range append([]string{e.Place, e.Entity}, e.Participants...) {
			if err := ref("event "+e.Name, r); err != nil {
				return err
			}
		}
		for j := range e.Evidence {
			if err := checkMention("event "+e.Name, &e.Evidence[j]); err != nil {
				return err
			}
		}
	}
	for i, q := range x.Quotes {
		switch {
		case q == nil:
			return bad("quote %d is nil", i)
		case q.Text == "":
			return bad("quote %d: text required", i)
		case q.Confidence < 0 || q.Confidence > 1:
			return bad("quote %q: confidence %v outside [0,1]", q.Text, q.Confidence)
		}
		if err := ref("quote", q.Speaker); err != nil {
			return err
		}
		if err := checkMention("quote", &q.Evidence); err != nil {
			return err
		}
	}
	return nil
}

// runeText slices a string by code point offsets in near-constant time: it
// remembers the byte offset of every 64th code point, so validating the
// hundreds of mentions of a long document stays linear.
type runeText struct {
	s     string
	n     int     // code points
	marks []int32 // byte offset of code point 64*i
}

const runeStride = 64

func newRuneText(s string) *runeText {
	t := &runeText{s: s, marks: make([]int32, 0, len(s)/runeStride+1)}
	for i := range s {
		if t.n%runeStride == 0 {
			t.marks = append(t.marks, int32(i))
		}
		t.n++
	}
	if t.n%runeStride == 0 {
		t.marks = append(t.marks, int32(len(s)))
	}
	return t
}

// offset returns the byte offset of code point cp (cp == n is the end).
func (t *runeText) offset(cp int) (int, bool) {
	if cp < 0 || cp > t.n {
		return 0, false
	}
	b := int(t.marks[cp/runeStride])
	for i := cp % runeStride; i > 0; i-- {
		_, size := utf8.DecodeRuneInString(t.s[b:])
		b += size
	}
	return b, true
}

func (t *runeText) slice(start, end int) (string, bool) {
	b, ok1 := t.offset(start)
	e, ok2 := t.offset(end)
	if !ok1 || !ok2 || e < b {
		return "", false
	}
	return t.s[b:e], true
}
