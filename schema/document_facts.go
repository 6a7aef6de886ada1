package schema

import (
	"context"
	"errors"

	"github.com/graphql-go/graphql"

	"github.com/factgraph/factgraph/graph"
)

// A document's facts: Document.relations, figures, events and quotes list
// what one document states, so that a reader of the explorer's document
// page sees the facts beside the text, and Quote.about the entities a quote
// names. They are read from a one-document graph.Dumper dump, which
// carries the relations the document supports with only that document's
// weight and evidence; a store that indexes its documents' facts makes
// them cheap through DocumentFactLister.

// DocumentFactLister is implemented by stores that index the facts of
// each document. The Document fields use it when the DocumentService has
// it, and otherwise read a one-document dump, which may scan the facts.
type DocumentFactLister interface {
	// DocumentFacts returns the relation, figure, event or quote records
	// (kind is a graph.Record kind) that document docID supports, sorted
	// by ID; relations carry only that document's weight and evidence.
	DocumentFacts(ctx context.Context, docID, kind string) ([]*graph.Record, error)
}

// documentFacts returns the records of kind that document docID supports.
func (b *builder) documentFacts(ctx context.Context, docID, kind string) ([]*graph.Record, error) {
	if l, ok := b.svc.Documents.(DocumentFactLister); ok {
		return l.DocumentFacts(ctx, docID, kind)
	}
	if b.svc.Dumper == nil {
		return nil, &apiError{code: CodeInternal, message: "A document's facts are not available from this store."}
	}
	var out []*graph.Record
	past := false // the dump has reached kind
	err := b.svc.Dumper.Dump(ctx, graph.DumpFilter{Documents: []string{docID}}, func(r *graph.Record) error {
		if r.Kind == kind {
			past = true
			out = append(out, r)
			return nil
		}
		if past {
			return errStopDump // the dump emits one kind after another
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopDump) {
		return nil, err
	}
	return out, nil
}

// documentFactFields are the Document fields that list its facts.
func (b *builder) documentFactFields() graphql.Fields {
	list := func(t *graphql.Object, kind, desc string, pick func(*graph.Record) any) *graphql.Field {
		return &graphql.Field{
			Type:        nnList(t),
			Description: desc,
			Args: graphql.FieldConfigArgument{
				"first": {Type: graphql.Int, DefaultValue: 100, Description: "The number of facts to return, at most 1000."},
			},
			Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
				d := p.Source.(*graph.Document)
				n, err := b.limit(p)
				if err != nil || n == 0 {
					return []any{}, err
				}
				rs, err := b.documentFacts(reqCtx(p.Context), d.ID, kind)
				if err != nil {
					return nil, err
				}
				out := make([]any, 0, min(n, len(rs)))
				for _, r := range rs[:min(n, len(rs))] {
					out = append(out, pick(r))
				}
				return out, nil
			}),
		}
	}
	return graphql.Fields{
		"relations": list(b.relation, graph.RecordRelation,
			"The relations the document states, by ID, each with this document's weight and evidence only.",
			func(r *graph.Record) any { return r.Relation }),
		"figures": list(b.figure, graph.RecordFigure, "The figures the document reports, by ID.",
			func(r *graph.Record) any { return r.Figure }),
		"events": list(b.event, graph.RecordEvent, "The events the document tells of, by ID, each with this document's evidence only.",
			func(r *graph.Record) any { return r.Event }),
		"quotes": list(b.quote, graph.RecordQuote, "The quotes in the document, by ID.",
			func(r *graph.Record) any { return r.Quote }),
	}
}

// quoteAbout resolves Quote.about: the entities named inside the quote's
// span, in text order, then the subject of the sentence around it
// (quoteSubject), each once, the speaker left out. It reads one page of
// the document's mentions (graph.MaxPageSize, the most a store returns).
func (b *builder) quoteAbout(p graphql.ResolveParams) (any, error) {
	q := p.Source.(*graph.Quote)
	ev := q.Evidence
	ctx := reqCtx(p.Context)
	ms, err := b.documentMentions(ctx, ev.Document, graph.Page{First: graph.MaxPageSize})
	if err != nil {
		return nil, err
	}
	l := loaderFrom(p.Context)
	d, err := l.loadDocument(ev.Document)
	if err != nil {
		return nil, err
	}
	var text []rune
	sentStart := ev.Start
	if d != nil {
		text = l.text(d)
		sentStart, _, _ = sentenceSpan(text, ev.Start, ev.End)
	}
	var inside, ids []string   // entity IDs inside the quote, and those to load
	var before []graph.Mention // named before the quote in its sentence
	for _, m := range ms.Items {
		switch {
		case m.Start >= ev.Start && m.End <= ev.End:
			inside = append(inside, m.Entity)
		case m.Start >= sentStart && m.End <= ev.Start:
			before = append(before, m)
		default:
			continue
		}
		ids = append(ids, m.Entity)
	}
	es, err := b.svc.Entities.EntitiesByID(ctx, dedupe(ids, func(string) bool { return true }))
	if err != nil {
		return nil, err
	}
	byID := map[string]*graph.Entity{}
	for _, e := range es {
		if e != nil {
			byID[e.ID] = e
		}
	}
	var out []*graph.Entity
	seen := map[string]bool{q.Speaker: true}
	add := func(id string) {
		if e := byID[id]; e != nil && !seen[e.ID] && !seen[id] {
			seen[id], seen[e.ID] = true, true
			out = append(out, e)
		}
	}
	for _, id := range inside {
		add(id)
	}
	add(quoteSubject(text, before, ev.Start, q.Speaker, func(id string) graph.EntityType {
		if e := byID[id]; e != nil {
			return e.Type
		}
		return ""
	}))
	loaderFrom(p.Context).prime(out...)
	return out, nil
}
