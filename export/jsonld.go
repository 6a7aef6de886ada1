package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/jsonstr"
)

// JSONLDEncoder writes a dump as one JSON-LD document: an @context that
// maps short terms ("name", "weight") to schema.org and factgraph IRIs, and
// a top-level @graph of node objects, one line each. It describes the same
// RDF dataset as the N-Quads export: what one document says is wrapped in a
// named graph object {"@id": document IRI, "@graph": [...]}; JSON-LD merges
// the many objects of one @id.
//
// Integers are JSON numbers; doubles are strings typed xsd:double by the
// context, so that their lexical form is the same as in N-Quads.
type JSONLDEncoder struct {
	w       *bufio.Writer
	b       []byte
	items   int
	nodes   int // nodes in the open named graph
	tallies tallies
	spans   spanSet
	prov    *Provenance     // written as the first nodes; nil for none
	preds   map[string]bool // the predicates of the relations written
}

// NewJSONLDEncoder returns an encoder writing JSON-LD to w.
func NewJSONLDEncoder(w io.Writer) *JSONLDEncoder {
	return &JSONLDEncoder{w: bufio.NewWriterSize(w, 256<<10), spans: newSpanSet(), preds: map[string]bool{}}
}

// Context returns factgraph's JSON-LD @context object.
func Context() map[string]any {
	ctx := map[string]any{
		"fg":     NS,
		"rel":    RelNS,
		"schema": SchemaNS,
		"xsd":    xsdNS,
	}
	for _, t := range terms {
		def := map[string]any{"@id": compact(t.iri)}
		switch t.kind {
		case kindIRI:
			def["@type"] = "@id"
		case kindLang:
			def["@language"] = "en"
		case kindInt:
			def["@type"] = "xsd:int"
		case kindDouble:
			def["@type"] = "xsd:double"
		case kindBool:
			def["@type"] = "xsd:boolean"
		}
		ctx[t.name] = def
	}
	return ctx
}

// compact shortens an IRI of a known namespace to a compact IRI.
func compact(iri string) string {
	for _, ns := range [...]struct{ prefix, iri string }{{"fg:", NS}, {"rel:", RelNS}, {"schema:", SchemaNS}} {
		if strings.HasPrefix(iri, ns.iri) {
			return ns.prefix + iri[len(ns.iri):]
		}
	}
	return iri
}

// Encode writes the node objects of one record. The @context is written
// before the first.
func (e *JSONLDEncoder) Encode(r *graph.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	if e.items == 0 {
		if err := e.header(); err != nil {
			return err
		}
	}
	e.b = e.b[:0]
	e.writeTallies(r.Kind)
	switch r.Kind {
	case graph.RecordDocument:
		e.document(r.Document)
	case graph.RecordEntity:
		e.entity(r.Entity)
	case graph.RecordMention:
		e.beginGraph(r.Mention.Document)
		e.mention(r.Mention)
		e.endGraph()
	case graph.RecordRelation:
		e.relation(r.Relation)
	case graph.RecordFigure:
		e.figure(r.Figure)
	case graph.RecordEvent:
		e.event(r.Event)
	case graph.RecordQuote:
		e.quote(r.Quote)
	case graph.RecordMerge:
		e.item()
		e.begin(resEntity, r.Merge.From)
		e.ref(tMergedInto, resEntity, r.Merge.Into)
		e.end()
	}
	_, err := e.w.Write(e.b)
	return err
}

func (e *JSONLDEncoder) header() error {
	ctx, err := json.Marshal(Context())
	if err != nil {
		return err
	}
	e.w.WriteString(`{"@context":`)
	e.w.Write(ctx)
	_, err = e.w.WriteString(",\n\"@graph\":[")
	if err != nil || e.prov == nil {
		return err
	}
	e.b = e.b[:0]
	e.statements(e.prov.statements())
	_, err = e.w.Write(e.b)
	return err
}

// statements adds sts to e.b, one node object per statement with full
// IRIs: JSON-LD merges the objects of one @id, and the @context stays
// that of the facts.
func (e *JSONLDEncoder) statements(sts []rdfStatement) {
	for _, st := range sts {
		e.item()
		e.b = append(e.b, `{"@id":"`...)
		e.b = append(e.b, st.s...)
		if st.p == rdfType {
			e.b = append(e.b, `","@type":"`...)
			e.b = append(e.b, st.iri...)
			e.b = append(e.b, `"}`...)
			continue
		}
		e.b = append(e.b, `","`...)
		e.b = append(e.b, st.p...)
		e.b = append(e.b, `":{`...)
		if st.iri != "" {
			e.b = append(e.b, `"@id":"`...)
			e.b = append(e.b, st.iri...)
		} else if st.typ == "" {
			e.b = append(e.b, `"@value":"`...)
			e.b = jsonstr.Append(e.b, st.lit)
			e.b = append(e.b, `","@language":"en`...)
		} else {
			e.b = append(e.b, `"@value":"`...)
			e.b = jsonstr.Append(e.b, st.lit)
			e.b = append(e.b, `","@type":"`...)
			e.b = append(e.b, st.typ...)
		}
		e.b = append(e.b, `"}}`...)
	}
}

func (e *JSONLDEncoder) describe(p *Provenance) { e.prov = p }

// Close ends the document and flushes it. A dump without records is still
// a valid JSON-LD document.
func (e *JSONLDEncoder) Close() error {
	if e.items == 0 {
		if err := e.header(); err != nil {
			return err
		}
	}
	e.b = e.b[:0]
	e.writeTallies("")
	preds := make([]string, 0, len(e.preds))
	for p := range e.preds {
		preds = append(preds, p)
	}
	e.statements(predicateStatements(preds))
	e.w.Write(e.b)
	e.w.WriteString("\n]}\n")
	return e.w.Flush()
}

func (e *JSONLDEncoder) document(d *graph.Document) {
	e.beginGraph(d.ID)
	e.begin(resDocument, d.ID)
	e.types(cDocument)
	documentProps(e, d)
	e.end()
	e.endGraph()
}

func (e *JSONLDEncoder) entity(x *graph.Entity) {
	e.item()
	e.begin(resEntity, x.ID)
	e.types(cEntity, entityClass(x.Type))
	entityProps(e, x)
	if len(x.Roles) > 0 {
		e.key(tHolds)
		e.b = append(e.b, '[')
		for i, role := range x.Roles {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, `{"@id":"`...)
			e.b = appendRoleIRI(e.b, x.ID, i)
			e.b = append(e.b, '"')
			e.types(cRole)
			roleProps(e, &role)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.end()
}

// mention writes a span's node object inside an open named graph, unless
// an earlier record described it.
func (e *JSONLDEncoder) mention(m *graph.Mention) {
	span, entity := e.spans.add(m)
	if !span && !entity {
		return
	}
	e.node()
	e.b = append(e.b, `{"@id":"`...)
	e.b = append(appendMentionIRI(e.b, m), '"')
	if span {
		e.types(cMention)
	}
	mentionProps(e, m, span, entity, false)
	e.end()
}

// evidence writes, in the named graph of the span's document, the link from
// the fact res/id to the span and the span itself; nothing if the fact
// cited the span before.
func (e *JSONLDEncoder) evidence(res, id string, m *graph.Mention) {
	if !e.spans.cite(res+id, m) {
		return
	}
	e.beginGraph(m.Document)
	e.node()
	e.begin(res, id)
	e.key(tEvidence)
	e.b = append(e.b, '"')
	e.b = append(appendMentionIRI(e.b, m), '"')
	e.end()
	e.mention(m)
	e.endGraph()
}

func (e *JSONLDEncoder) relation(r *graph.Relation) {
	e.item()
	e.begin(resRelation, r.ID)
	e.types(cRelation)
	relationProps(e, r)
	e.end()
	e.preds[r.Predicate] = true
	for i := range r.Evidence {
		e.evidence(resRelation, r.ID, &r.Evidence[i])
	}
	edge := func() {
		e.node()
		e.begin(resEntity, r.Subject)
		e.b = append(e.b, `,"rel:`...)
		e.b = jsonstr.Append(e.b, predicateLocal(r.Predicate))
		e.b = append(e.b, `":{"@id":"`...)
		e.b = append(appendIRI(e.b, resEntity, r.Object), `"}`...)
		e.end()
	}
	if len(r.Evidence) == 0 {
		e.item()
		e.nodes = 0
		edge()
		return
	}
	docs := distinctDocuments(r.Evidence)
	for _, doc := range docs {
		e.beginGraph(doc)
		edge()
		e.endGraph()
	}
}

// distinctDocuments returns the documents of ms, in order of first use.
func distinctDocuments(ms []graph.Mention) []string {
	var docs []string
	seen := make(map[string]bool, len(ms))
	for i := range ms {
		if d := ms[i].Document; !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	}
	return docs
}

func (e *JSONLDEncoder) figure(f *graph.Figure) {
	e.beginGraph(f.Evidence.Document)
	e.node()
	e.begin(resFigure, f.ID)
	e.types(cFigure)
	figureProps(e, f)
	e.key(tEvidence)
	e.b = append(e.b, '"')
	e.b = append(appendMentionIRI(e.b, &f.Evidence), '"')
	e.end()
	e.mention(&f.Evidence)
	e.endGraph()
	e.tallies.add(f)
}

// writeTallies adds the tallies of the figures encoded so far to e.b,
// once, when a record of kind comes after them or the dump ends (kind
// "").
func (e *JSONLDEncoder) writeTallies(kind string) {
	for _, t := range e.tallies.take(kind) {
		e.item()
		e.begin(resTally, t.ID)
		e.types(cTally)
		tallyProps(e, t)
		e.end()
		for i := range t.Reports {
			if r := &t.Reports[i]; len(r.Conflicts) > 0 {
				e.item()
				e.begin(resFigure, r.Figure)
				e.refs(tContradicts, resFigure, r.Conflicts)
				e.end()
			}
		}
	}
}

func (e *JSONLDEncoder) event(v *graph.EventFact) {
	e.item()
	e.begin(resEvent, v.ID)
	e.types(cEventFact)
	eventProps(e, v)
	e.end()
	for i := range v.Evidence {
		e.evidence(resEvent, v.ID, &v.Evidence[i])
	}
}

func (e *JSONLDEncoder) quote(q *graph.Quote) {
	e.beginGraph(q.Evidence.Document)
	e.node()
	e.begin(resQuote, q.ID)
	e.types(cQuote)
	quoteProps(e, q)
	e.key(tEvidence)
	e.b = append(e.b, '"')
	e.b = append(appendMentionIRI(e.b, &q.Evidence), '"')
	e.end()
	e.mention(&q.Evidence)
	e.endGraph()
}

// item starts a top-level element of @graph.
func (e *JSONLDEncoder) item() {
	if e.items > 0 {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, '\n')
	e.items++
}

// beginGraph starts a top-level named graph object for document doc; a
// document without an ID has its statements in the default graph.
func (e *JSONLDEncoder) beginGraph(doc string) {
	e.item()
	e.nodes = 0
	if doc == "" {
		e.b = append(e.b, `{"@graph":[`...)
		return
	}
	e.b = append(e.b, `{"@id":"`...)
	e.b = append(appendIRI(e.b, resDocument, doc), `","@graph":[`...)
}

func (e *JSONLDEncoder) endGraph() { e.b = append(e.b, "]}"...) }

// node separates node objects inside a named graph.
func (e *JSONLDEncoder) node() {
	if e.nodes > 0 {
		e.b = append(e.b, ',')
	}
	e.nodes++
}

func (e *JSONLDEncoder) begin(res, id string) {
	e.b = append(e.b, `{"@id":"`...)
	e.b = append(appendIRI(e.b, res, id), '"')
}

func (e *JSONLDEncoder) end() { e.b = append(e.b, '}') }

func (e *JSONLDEncoder) types(cs ...class) {
	e.b = append(e.b, `,"@type":[`...)
	for i, c := range cs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, '"')
		e.b = append(e.b, compact(classes[c].iri)...)
		e.b = append(e.b, '"')
	}
	e.b = append(e.b, ']')
}

func (e *JSONLDEncoder) key(t term) {
	e.b = append(e.b, ',', '"')
	e.b = append(e.b, terms[t].name...)
	e.b = append(e.b, '"', ':')
}

func (e *JSONLDEncoder) str(t term, v string) {
	if v == "" {
		return
	}
	e.key(t)
	e.b = append(e.b, '"')
	e.b = append(jsonstr.Append(e.b, v), '"')
}

func (e *JSONLDEncoder) strs(t term, vs []string) {
	if len(vs) == 0 {
		return
	}
	e.key(t)
	e.b = append(e.b, '[')
	for i, v := range vs {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, '"')
		e.b = append(jsonstr.Append(e.b, v), '"')
	}
	e.b = append(e.b, ']')
}

func (e *JSONLDEncoder) ref(t term, res, id string) {
	if id == "" {
		return
	}
	e.key(t)
	e.b = append(e.b, '"')
	e.b = append(appendIRI(e.b, res, id), '"')
}

func (e *JSONLDEncoder) refs(t term, res string, ids []string) {
	if len(ids) == 0 {
		return
	}
	e.key(t)
	e.b = append(e.b, '[')
	for i, id := range ids {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, '"')
		e.b = append(appendIRI(e.b, res, id), '"')
	}
	e.b = append(e.b, ']')
}

func (e *JSONLDEncoder) int(t term, v int64) {
	e.key(t)
	e.b = appendInt(e.b, v)
}

func (e *JSONLDEncoder) double(t term, v float64) {
	e.key(t)
	e.b = append(e.b, '"')
	e.b = append(appendDouble(e.b, v), '"')
}

func (e *JSONLDEncoder) boolean(t term, v bool) {
	e.key(t)
	if v {
		e.b = append(e.b, "true"...)
	} else {
		e.b = append(e.b, "false"...)
	}
}
