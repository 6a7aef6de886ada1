package extract

import (
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
)

// WithRelationReader adds the relations that the trained relation reader
// m (extract/relate; relate.Default is the embedded one) states to those
// the rules read. It is off by default: MODEL.md, "Trained relation
// reader", has its scores against the rules alone.
func WithRelationReader(m *relate.Model) Option { return func(x *Extractor) { x.reader = m } }

// readModel adds the reader's relations between ents, given the rules'
// relations so far; under WithExplain they name the rule "relate".
func (d *docState) readModel(rb *relations, ents []*graph.Entity) {
	for _, f := range d.x.reader.Read(d.doc.Text, ents, rb.list()) {
		s, o := ents[f.Subj].ID, ents[f.Obj].ID
		rb.add(s, f.Predicate, o, "", false, f.Confidence, f.Ev)
		if d.x.explain {
			rb.explain(s, f.Predicate, o, "relate")
		}
	}
}
