package export

import (
	"bufio"
	"io"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/jsonstr"
)

// NQuadsOptions configures an NQuadsEncoder.
type NQuadsOptions struct {
	// Dgraph writes the dialect that Dgraph's bulk and live loaders read
	// with schema/dgraph.schema: no graph labels (Dgraph reads the fourth
	// term as a namespace number), short predicate names ("name",
	// "weight", relation predicates as "rel.president_of") instead of
	// IRIs, dgraph.type values instead of rdf:type, and no language tags
	// (Dgraph's @lang does not combine with list predicates such as
	// alternateName). Subjects keep their IRIs, which the loaders map to
	// UIDs. Provenance stays in the evidence spans, which name their
	// document.
	Dgraph bool
}

// NQuadsEncoder writes a dump as RDF 1.1 N-Quads.
//
// Entities, relations and events, which merge what many documents say, are
// described in the default graph; what one document says (the document
// itself, its mentions, figures and quotes, and each span of evidence) is in
// the named graph of that document, whose name is the document's IRI. A
// relation's edge, <subject> rel:predicate <object>, is stated once in the
// graph of every document that supports it.
type NQuadsEncoder struct {
	w   *bufio.Writer
	opt NQuadsOptions

	pred     [numTerms][]byte
	class    [numClasses][]byte
	typePred []byte

	s, g, o, line []byte
	seen          map[string]bool
	rels          map[string][]byte
	n             int64
	tallies       tallies
	spans         spanSet
	prov          *Provenance // written before the first record; nil for none
}

// NewNQuadsEncoder returns an encoder writing N-Quads to w.
func NewNQuadsEncoder(w io.Writer, opt NQuadsOptions) *NQuadsEncoder {
	e := &NQuadsEncoder{w: bufio.NewWriterSize(w, 256<<10), opt: opt, seen: map[string]bool{}, rels: map[string][]byte{}, spans: newSpanSet()}
	for t := range e.pred {
		if opt.Dgraph {
			e.pred[t] = []byte("<" + terms[t].name + ">")
		} else {
			e.pred[t] = []byte("<" + terms[t].iri + ">")
		}
	}
	for c := range e.class {
		if opt.Dgraph {
			e.class[c] = []byte(`"` + classes[c].dgraph + `"`)
		} else {
			e.class[c] = []byte("<" + classes[c].iri + ">")
		}
	}
	if opt.Dgraph {
		e.typePred = []byte("<dgraph.type>")
	} else {
		e.typePred = []byte("<" + rdfType + ">")
	}
	return e
}

// Statements returns the number of statements written so far.
func (e *NQuadsEncoder) Statements() int64 { return e.n }

// Close writes the tallies if no record after the figures came, and
// flushes the output.
func (e *NQuadsEncoder) Close() error {
	e.writeProvenance()
	e.writeTallies("")
	if !e.opt.Dgraph {
		preds := make([]string, 0, len(e.rels))
		for p := range e.rels {
			preds = append(preds, p)
		}
		e.statements(predicateStatements(preds))
	}
	return e.w.Flush()
}

func (e *NQuadsEncoder) describe(p *Provenance) {
	if !e.opt.Dgraph {
		e.prov = p
	}
}

// writeProvenance states the dump's provenance in the default graph, once,
// before anything else.
func (e *NQuadsEncoder) writeProvenance() {
	if e.prov == nil {
		return
	}
	e.statements(e.prov.statements())
	e.prov = nil
}

// statements writes sts in the default graph.
func (e *NQuadsEncoder) statements(sts []rdfStatement) {
	e.inGraph("")
	for _, st := range sts {
		e.s = append(append(append(e.s[:0], '<'), st.s...), '>')
		e.o = appendProvObject(e.o[:0], st)
		e.quad([]byte("<"+st.p+">"), e.o)
	}
}

// appendProvObject appends the object of st in N-Quads syntax.
func appendProvObject(b []byte, st rdfStatement) []byte {
	if st.iri != "" {
		return append(append(append(b, '<'), st.iri...), '>')
	}
	b = append(b, '"')
	b = append(jsonstr.Append(b, st.lit), '"')
	if st.typ == "" {
		return append(b, "@en"...)
	}
	return append(append(append(b, "^^<"...), st.typ...), '>')
}

// writeTallies writes the tallies of the figures encoded so far, once,
// when a record of kind comes after them or the dump ends (kind "").
func (e *NQuadsEncoder) writeTallies(kind string) {
	if e.opt.Dgraph {
		return
	}
	for _, t := range e.tallies.take(kind) {
		e.inGraph("")
		e.subject(resTally, t.ID)
		e.typ(cTally)
		tallyProps(e, t)
		for i := range t.Reports {
			if r := &t.Reports[i]; len(r.Conflicts) > 0 {
				e.subject(resFigure, r.Figure)
				e.refs(tContradicts, resFigure, r.Conflicts)
			}
		}
	}
}

// Encode writes the statements of one record.
func (e *NQuadsEncoder) Encode(r *graph.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	e.writeProvenance()
	e.writeTallies(r.Kind)
	switch r.Kind {
	case graph.RecordDocument:
		e.document(r.Document)
	case graph.RecordEntity:
		e.entity(r.Entity)
	case graph.RecordMention:
		e.inGraph(r.Mention.Document)
		e.mention(r.Mention)
	case graph.RecordRelation:
		e.relation(r.Relation)
	case graph.RecordFigure:
		e.figure(r.Figure)
	case graph.RecordEvent:
		e.event(r.Event)
	case graph.RecordQuote:
		e.quote(r.Quote)
	case graph.RecordMerge:
		e.inGraph("")
		e.subject(resEntity, r.Merge.From)
		e.ref(tMergedInto, resEntity, r.Merge.Into)
	}
	// bufio.Writer keeps its first error and returns it from every later
	// call; a zero-length write asks for it without writing.
	_, err := e.w.Write(nil)
	return err
}

func (e *NQuadsEncoder) document(d *graph.Document) {
	e.inGraph(d.ID)
	e.subject(resDocument, d.ID)
	e.typ(cDocument)
	documentProps(e, d)
}

func (e *NQuadsEncoder) entity(x *graph.Entity) {
	e.inGraph("")
	e.subject(resEntity, x.ID)
	e.typ(cEntity)
	e.typ(entityClass(x.Type))
	entityProps(e, x)
	for i := range x.Roles {
		e.o = append(e.o[:0], '<')
		e.o = append(appendRoleIRI(e.o, x.ID, i), '>')
		e.quad(e.pred[tHolds], e.o)
	}
	for i, role := range x.Roles {
		e.s = append(e.s[:0], '<')
		e.s = append(appendRoleIRI(e.s, x.ID, i), '>')
		e.typ(cRole)
		roleProps(e, &role)
	}
}

// mention describes a span in the current graph, which the caller has set
// to the span's document, unless an earlier record described it.
func (e *NQuadsEncoder) mention(m *graph.Mention) {
	span, entity := e.spans.add(m)
	if !span && !entity {
		return
	}
	e.s = append(e.s[:0], '<')
	e.s = append(appendMentionIRI(e.s, m), '>')
	if span {
		e.typ(cMention)
	}
	mentionProps(e, m, span, entity, e.opt.Dgraph)
}

// evidence links the fact res/id to a span of evidence and describes the
// span, both in the graph of the span's document; nothing if the fact
// cited the span before. The current subject is lost.
func (e *NQuadsEncoder) evidence(res, id string, m *graph.Mention) {
	if !e.spans.cite(res+id, m) {
		return
	}
	e.inGraph(m.Document)
	e.subject(res, id)
	e.o = append(e.o[:0], '<')
	e.o = append(appendMentionIRI(e.o, m), '>')
	e.quad(e.pred[tEvidence], e.o)
	e.mention(m)
}

func (e *NQuadsEncoder) relation(r *graph.Relation) {
	e.inGraph("")
	e.subject(resRelation, r.ID)
	e.typ(cRelation)
	relationProps(e, r)
	for i := range r.Evidence {
		e.evidence(resRelation, r.ID, &r.Evidence[i])
	}

	// The edge itself, once per supporting document.
	p := e.relPredicate(r.Predicate)
	if len(r.Evidence) == 0 || e.opt.Dgraph {
		e.inGraph("")
		e.edge(r, p)
		return
	}
	clear(e.seen)
	for i := range r.Evidence {
		doc := r.Evidence[i].Document
		if e.seen[doc] {
			continue
		}
		e.seen[doc] = true
		e.inGraph(doc)
		e.edge(r, p)
	}
}

func (e *NQuadsEncoder) edge(r *graph.Relation, p []byte) {
	e.subject(resEntity, r.Subject)
	e.o = append(e.o[:0], '<')
	e.o = append(appendIRI(e.o, resEntity, r.Object), '>')
	e.quad(p, e.o)
}

// relPredicate returns the property token of a relation predicate. The
// tokens are kept: a corpus has a few hundred predicates at most.
func (e *NQuadsEncoder) relPredicate(pred string) []byte {
	if p, ok := e.rels[pred]; ok {
		return p
	}
	var p []byte
	if e.opt.Dgraph {
		p = []byte("<rel." + predicateLocal(pred) + ">")
	} else {
		p = []byte("<" + RelNS + predicateLocal(pred) + ">")
	}
	e.rels[pred] = p
	return p
}

func (e *NQuadsEncoder) figure(f *graph.Figure) {
	e.inGraph(f.Evidence.Document)
	e.subject(resFigure, f.ID)
	e.typ(cFigure)
	figureProps(e, f)
	e.evidence(resFigure, f.ID, &f.Evidence)
	e.tallies.add(f)
}

func (e *NQuadsEncoder) event(v *graph.EventFact) {
	e.inGraph("")
	e.subject(resEvent, v.ID)
	e.typ(cEventFact)
	eventProps(e, v)
	for i := range v.Evidence {
		e.evidence(resEvent, v.ID, &v.Evidence[i])
	}
}

func (e *NQuadsEncoder) quote(q *graph.Quote) {
	e.inGraph(q.Evidence.Document)
	e.subject(resQuote, q.ID)
	e.typ(cQuote)
	quoteProps(e, q)
	e.evidence(resQuote, q.ID, &q.Evidence)
}

// inGraph makes the named graph of document doc current; "" (or the Dgraph
// dialect) makes it the default graph.
func (e *NQuadsEncoder) inGraph(doc string) {
	e.g = e.g[:0]
	if doc == "" || e.opt.Dgraph {
		return
	}
	e.g = append(e.g, '<')
	e.g = append(appendIRI(e.g, resDocument, doc), '>')
}

func (e *NQuadsEncoder) subject(res, id string) {
	e.s = append(e.s[:0], '<')
	e.s = append(appendIRI(e.s, res, id), '>')
}

// quad writes one statement about the current subject in the current graph.
func (e *NQuadsEncoder) quad(p, o []byte) {
	b := append(e.line[:0], e.s...)
	b = append(b, ' ')
	b = append(b, p...)
	b = append(b, ' ')
	b = append(b, o...)
	if len(e.g) > 0 {
		b = append(b, ' ')
		b = append(b, e.g...)
	}
	b = append(b, " .\n"...)
	e.w.Write(b) // errors are kept by the writer and reported by Encode
	e.line = b
	e.n++
}

// strs states each of vs as a value of t.
func (e *NQuadsEncoder) strs(t term, vs []string) {
	for _, v := range vs {
		e.str(t, v)
	}
}

// refs states each resource res/id of ids as a value of t.
func (e *NQuadsEncoder) refs(t term, res string, ids []string) {
	for _, id := range ids {
		e.ref(t, res, id)
	}
}

func (e *NQuadsEncoder) typ(c class) { e.quad(e.typePred, e.class[c]) }

// ref states that the subject's t is the resource res/id; nothing if id is "".
func (e *NQuadsEncoder) ref(t term, res, id string) {
	if id == "" {
		return
	}
	e.o = append(e.o[:0], '<')
	e.o = append(appendIRI(e.o, res, id), '>')
	e.quad(e.pred[t], e.o)
}

// str states a string value; nothing if v is "".
func (e *NQuadsEncoder) str(t term, v string) {
	if v == "" {
		return
	}
	e.o = append(e.o[:0], '"')
	e.o = append(jsonstr.Append(e.o, v), '"')
	if terms[t].kind == kindLang && !e.opt.Dgraph {
		e.o = append(e.o, "@en"...)
	}
	e.quad(e.pred[t], e.o)
}

func (e *NQuadsEncoder) int(t term, v int64) {
	e.o = append(e.o[:0], '"')
	e.o = append(appendInt(e.o, v), `"^^<`+xsdNS+`int>`...)
	e.quad(e.pred[t], e.o)
}

func (e *NQuadsEncoder) double(t term, v float64) {
	e.o = append(e.o[:0], '"')
	e.o = append(appendDouble(e.o, v), `"^^<`+xsdNS+`double>`...)
	e.quad(e.pred[t], e.o)
}

func (e *NQuadsEncoder) boolean(t term, v bool) {
	if v {
		e.o = append(e.o[:0], `"true"^^<`+xsdNS+`boolean>`...)
	} else {
		e.o = append(e.o[:0], `"false"^^<`+xsdNS+`boolean>`...)
	}
	e.quad(e.pred[t], e.o)
}
