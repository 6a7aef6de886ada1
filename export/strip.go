package export

import (
	"slices"

	"github.com/factgraph/factgraph/graph"
)

// Strip says what a dump leaves out, to make it smaller for tools that do
// not need everything: the co-occurrence relations are 97% of a news
// graph's relations, and texts and mentions most of the rest of its bytes.
type Strip struct {
	Predicates        []string // only relations with these predicates; nil for all
	ExcludePredicates []string // no relations with these predicates
	NoText            bool     // documents without their text
	NoMentions        bool     // no mention records
}

// Omitted names what s leaves out, as the flags of `factgraph export`
// name it; nil if s leaves out nothing.
func (s Strip) Omitted() []string {
	var out []string
	if s.Predicates != nil {
		out = append(out, "relations other than --predicates")
	}
	if len(s.ExcludePredicates) > 0 {
		out = append(out, "--exclude-predicates relations")
	}
	if s.NoText {
		out = append(out, "texts (--no-text)")
	}
	if s.NoMentions {
		out = append(out, "mentions (--no-mentions)")
	}
	return out
}

// Stripped returns an encoder that leaves out of enc's dump what s says,
// or enc itself if s leaves out nothing. A jsonl dump's header lists what
// was left out, and import refuses such a dump: it cannot restore a store.
func Stripped(enc Encoder, s Strip) Encoder {
	omitted := s.Omitted()
	if omitted == nil {
		return enc
	}
	if j, ok := enc.(*JSONLEncoder); ok {
		j.omitted = omitted
	}
	return &stripper{enc: enc, s: s}
}

type stripper struct {
	enc Encoder
	s   Strip
}

func (st *stripper) Encode(r *graph.Record) error {
	switch {
	case r.Kind == graph.RecordMention && st.s.NoMentions:
		return nil
	case r.Kind == graph.RecordRelation && r.Relation != nil:
		p := r.Relation.Predicate
		if (st.s.Predicates != nil && !slices.Contains(st.s.Predicates, p)) || slices.Contains(st.s.ExcludePredicates, p) {
			return nil
		}
	case r.Kind == graph.RecordDocument && r.Document != nil && st.s.NoText:
		d := *r.Document
		d.Text = ""
		r = &graph.Record{Kind: r.Kind, Document: &d}
	}
	return st.enc.Encode(r)
}

func (st *stripper) Close() error { return st.enc.Close() }
