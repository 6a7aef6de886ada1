package schema

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime/debug"
	"sort"

	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

// builder builds the GraphQL schema over a set of services. Types refer to
// each other in cycles (an Entity has Relations whose subject is an
// Entity), so object fields are thunks, filled in once every type exists.
type builder struct {
	svc Services
	cfg *Config

	entityTypeEnum, directionEnum, entityOrderEnum *graphql.Enum

	pageInfo, entity, role, geoPoint, relation, figure, figureTotal *graphql.Object
	tally, tallyReport, tallyConn                                   *graphql.Object
	event, quote, mention, document, stats, typeCount, ingestResult *graphql.Object
	term, vocabulary                                                *graphql.Object

	entityConn, relationConn, figureConn, eventConn, quoteConn, mentionConn, documentConn *graphql.Object
}

// get returns a field that reads a value from a source of type S. The
// source assertion cannot fail for a correct schema; if it does, the field
// reports an internal error instead of panicking.
func get[S any](typ graphql.Output, desc string, fn func(S) any) *graphql.Field {
	return &graphql.Field{Type: typ, Description: desc, Resolve: func(p graphql.ResolveParams) (any, error) {
		s, ok := p.Source.(S)
		if !ok {
			return nil, errInternal
		}
		return fn(s), nil
	}}
}

// getString is get for a String or ID field, whose fn returns a pointer
// to the source's string. graphql-go serializes a *string as the string
// it points to, and any other value with fmt.Sprintf("%v"), which would
// cost a formatting and two allocations for each string of a response. A
// nil pointer reads as null.
func getString[S any](typ graphql.Output, desc string, fn func(S) *string) *graphql.Field {
	return &graphql.Field{Type: typ, Description: desc, Resolve: func(p graphql.ResolveParams) (any, error) {
		s, ok := p.Source.(S)
		if !ok {
			return nil, errInternal
		}
		if v := fn(s); v != nil {
			return v, nil
		}
		return nil, nil
	}}
}

// optString returns nil for a pointer to "", so that it reads as null.
func optString(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}

// resolver wraps a resolver that calls services: errors become apiErrors,
// internal ones are reported for the log, panics are recovered, and thunks
// get the same treatment when they run.
func resolver(fn graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (v any, err error) {
		defer func() {
			if r := recover(); r != nil {
				report(p.Context, panicError{r, debug.Stack()})
				v, err = nil, errInternal
			}
		}()
		v, err = fn(p)
		if err != nil {
			return nil, apiErr(p.Context, err)
		}
		if t, ok := v.(thunk); ok {
			return func() (x any, err error) {
				defer func() {
					if r := recover(); r != nil {
						report(p.Context, panicError{r, debug.Stack()})
						x, err = nil, errInternal
					}
				}()
				x, err = t()
				if err != nil {
					return nil, apiErr(p.Context, err)
				}
				return x, nil
			}, nil
		}
		return v, nil
	}
}

// apiErr converts err for the client and reports internal errors.
func apiErr(ctx context.Context, err error) error {
	ae := toAPIError(err)
	if ae.code == CodeInternal {
		report(ctx, err)
	}
	return ae
}

// panicError is a recovered panic, with its stack for the log.
type panicError struct {
	v     any
	stack []byte
}

func (e panicError) Error() string { return fmt.Sprintf("panic in resolver: %v\n%s", e.v, e.stack) }

// optional returns nil for an empty string, so that it reads as null.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optFloat returns nil for a nil pointer, so that it reads as null.
func optFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// Non-null scalar types, named once.
var (
	nnID     = graphql.NewNonNull(graphql.ID)
	nnString = graphql.NewNonNull(graphql.String)
	nnInt    = graphql.NewNonNull(graphql.Int)
	nnFloat  = graphql.NewNonNull(graphql.Float)
	nnBool   = graphql.NewNonNull(graphql.Boolean)
)

func nnList(t graphql.Type) graphql.Output {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

func (b *builder) enums() {
	values := graphql.EnumValueConfigMap{}
	descs := map[graph.EntityType]string{
		graph.Person:       "A person.",
		graph.Place:        "A country, region, city or other location.",
		graph.Organization: "A company, government body, party, agency or other organization.",
		graph.Event:        "A named event such as a war or a summit.",
		graph.Date:         "A date or period, with its normalized value.",
		graph.Other:        "Anything else with a name.",
	}
	for _, t := range graph.EntityTypes {
		values[enumName(t)] = &graphql.EnumValueConfig{Value: t, Description: descs[t]}
	}
	b.entityTypeEnum = graphql.NewEnum(graphql.EnumConfig{
		Name: "EntityType", Description: "The kind of thing an entity is.", Values: values,
	})
	b.directionEnum = graphql.NewEnum(graphql.EnumConfig{
		Name:        "Direction",
		Description: "Which relations of an entity to follow, by orientation.",
		Values: graphql.EnumValueConfigMap{
			"OUT":  {Value: graph.Out, Description: "Relations whose subject is the entity."},
			"IN":   {Value: graph.In, Description: "Relations whose object is the entity."},
			"BOTH": {Value: graph.Both, Description: "Relations in either direction."},
		},
	})
	b.entityOrderEnum = graphql.NewEnum(graphql.EnumConfig{
		Name:        "EntityOrder",
		Description: "The order of an entity listing.",
		Values: graphql.EnumValueConfigMap{
			"MENTIONS": {Value: graph.ByMentions, Description: "Most mentioned first, then by ID."},
			"NAME":     {Value: graph.ByName, Description: "By name, ignoring case and diacritics, then by ID."},
		},
	})
	// Enums build their lookup maps lazily, on first use, without a lock;
	// use them once here so that concurrent requests only read them.
	for _, e := range []*graphql.Enum{b.entityTypeEnum, b.directionEnum, b.entityOrderEnum} {
		e.Serialize(e.Values()[0].Value)
		e.ParseValue(e.Values()[0].Name)
	}
}

func enumName(t graph.EntityType) string {
	switch t {
	case graph.Person:
		return "PERSON"
	case graph.Place:
		return "PLACE"
	case graph.Organization:
		return "ORGANIZATION"
	case graph.Event:
		return "EVENT"
	case graph.Date:
		return "DATE"
	}
	return "OTHER"
}

func (b *builder) entityObject() {
	b.entity = graphql.NewObject(graphql.ObjectConfig{
		Name: "Entity",
		Description: "A node of the graph: a person, place, organization, named event or date, " +
			"resolved across documents (\"Putin\" and \"Vladimir Putin\" are one entity).",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id": getString(nnID, "Stable, readable ID: the type, a slash and a slug of the name (\"person/vladimir-putin\"). IDs of merged entities keep resolving.",
					func(e *graph.Entity) *string { return &e.ID }),
				"type": get(graphql.NewNonNull(b.entityTypeEnum), "What kind of thing the entity is.",
					func(e *graph.Entity) any { return e.Type }),
				"name": getString(nnString, "The canonical name, without titles (\"Vladimir Putin\").",
					func(e *graph.Entity) *string { return &e.Name }),
				"aliases": get(nnList(graphql.String), "Other names the entity is called by in the documents (\"Putin\"), without `name`.",
					func(e *graph.Entity) any { return nonNil(e.Aliases) }),
				"roles": get(nnList(b.role), "Titles the entity holds (\"President\" of Russia).",
					func(e *graph.Entity) any { return nonNil(e.Roles) }),
				"location": get(b.geoPoint, "Coordinates of a place the gazetteer knows; null otherwise.",
					func(e *graph.Entity) any {
						if e.Location == nil {
							return nil
						}
						return e.Location
					}),
				"value": getString(graphql.String, "For a date: its normalized ISO 8601 value, partial where the text is (\"2015-09\"); null when unresolved or not a date.",
					func(e *graph.Entity) *string { return optString(&e.Value) }),
				"mentionCount": get(nnInt, "The number of mentions across all documents.",
					func(e *graph.Entity) any { return e.MentionCount }),
				"mentions": {
					Type:        graphql.NewNonNull(b.mentionConn),
					Description: "Where the entity is mentioned, in document order, optionally in documents published within since and until.",
					Args:        withArgs(pageArgs(20), dateArgs("mentions in documents")),
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						pg, first, err := b.page(p)
						if err != nil {
							return nil, err
						}
						l, err := b.mentions(p, e.ID, pg)
						if err != nil {
							return nil, err
						}
						return newConnection(mentionPointers(l), first), nil
					}),
				},
				"relations": {
					Type:        graphql.NewNonNull(b.relationConn),
					Description: "Relations that touch the entity, strongest first: by weight, then confidence. With since or until, only relations stated by documents published in the range, with those documents' weight, confidence and evidence.",
					Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
						"predicate": predicatesArg("Only relations with one of these predicates (\"president_of\", [\"member_of\", \"employee_of\"])."),
						"direction": {Type: b.directionEnum, DefaultValue: graph.Both, Description: "OUT for relations where the entity is the subject, IN where it is the object."},
					}, dateArgs("relations stated by documents")),
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						pg, first, err := b.page(p)
						if err != nil {
							return nil, err
						}
						dir, _ := p.Args["direction"].(graph.Direction)
						preds := stringList(p.Args["predicate"])
						l, err := b.svc.Relations.Relations(reqCtx(p.Context), graph.RelationFilter{Entity: e.ID, Direction: dir, Predicates: preds, DateRange: dateRange(p), Page: pg})
						if err != nil {
							return nil, err
						}
						return newConnection(l, first), nil
					}),
				},
				"neighbors": {
					Type:        nnList(b.entity),
					Description: "Entities related to this one by any relation, most strongly connected first: by the summed weight of their relations, then the highest confidence among them.",
					Args: graphql.FieldConfigArgument{
						"type":  {Type: b.entityTypeEnum, Description: "Only neighbors of this type."},
						"first": {Type: graphql.Int, DefaultValue: 20, Description: "The number of neighbors to return, at most 1000."},
					},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						n, err := b.limit(p)
						if err != nil || n == 0 {
							return []*graph.Entity{}, err
						}
						typ, _ := p.Args["type"].(graph.EntityType)
						es, err := b.svc.Entities.Neighbors(reqCtx(p.Context), e.ID, typ, n)
						if err != nil {
							return nil, err
						}
						loaderFrom(p.Context).prime(es...)
						return es, nil
					}),
				},
				"figures": {
					Type:        nnList(b.figure),
					Description: "Figures about the entity or placed at it.",
					Args:        graphql.FieldConfigArgument{"first": {Type: graphql.Int, DefaultValue: 20, Description: "The number of figures to return, at most 1000."}},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						n, err := b.limit(p)
						if err != nil || n == 0 {
							return []*graph.Figure{}, err
						}
						l, err := b.svc.Figures.Figures(reqCtx(p.Context), graph.FigureFilter{Entity: e.ID, Page: graph.Page{First: n}})
						return l.Items, err
					}),
				},
				"tallies": b.talliesField("The tallies about the entity or placed at it, the most reported first.",
					func(p graphql.ResolveParams) string { return p.Source.(*graph.Entity).ID }),
				"events": {
					Type:        nnList(b.event),
					Description: "Events the entity took part in, or, for a place, events that happened there.",
					Args:        graphql.FieldConfigArgument{"first": {Type: graphql.Int, DefaultValue: 20, Description: "The number of events to return, at most 1000."}},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						n, err := b.limit(p)
						if err != nil || n == 0 {
							return []*graph.EventFact{}, err
						}
						f := graph.EventFilter{Participant: e.ID, Page: graph.Page{First: n}}
						if e.Type == graph.Place {
							f = graph.EventFilter{Place: e.ID, Page: graph.Page{First: n}}
						}
						l, err := b.svc.Events.Events(reqCtx(p.Context), f)
						return l.Items, err
					}),
				},
				"quotes": {
					Type:        nnList(b.quote),
					Description: "What the entity said, as quoted.",
					Args:        graphql.FieldConfigArgument{"first": {Type: graphql.Int, DefaultValue: 20, Description: "The number of quotes to return, at most 1000."}},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						n, err := b.limit(p)
						if err != nil || n == 0 {
							return []*graph.Quote{}, err
						}
						l, err := b.svc.Quotes.Quotes(reqCtx(p.Context), graph.QuoteFilter{Speaker: e.ID, Page: graph.Page{First: n}})
						return l.Items, err
					}),
				},
				"documents": {
					Type:        graphql.NewNonNull(b.documentConn),
					Description: "Documents that mention the entity, newest first, optionally by publication date.",
					Args:        withArgs(pageArgs(20), dateArgs("documents")),
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						e := p.Source.(*graph.Entity)
						pg, first, err := b.page(p)
						if err != nil {
							return nil, err
						}
						l, err := b.svc.Documents.Documents(reqCtx(p.Context), graph.DocumentFilter{Entity: e.ID, DateRange: dateRange(p), Page: pg})
						if err != nil {
							return nil, err
						}
						return newConnection(l, first), nil
					}),
				},
			}
		}),
	})
	b.role = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Role",
		Description: "A title an entity holds, optionally of another entity: \"President\" of Russia.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"title": getString(nnString, "The title as written (\"President\", \"Chancellor\").",
					func(r graph.Role) *string { return &r.Title }),
				"of": {Type: b.entity, Description: "What the title is of (Russia), if stated.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(graph.Role).Of), nil
					})},
			}
		}),
	})
	b.geoPoint = graphql.NewObject(graphql.ObjectConfig{
		Name:        "GeoPoint",
		Description: "A place's coordinates, from the gazetteer.",
		Fields: graphql.Fields{
			"lat":         get(nnFloat, "Latitude in degrees, WGS 84.", func(g *graph.GeoPoint) any { return g.Lat }),
			"lon":         get(nnFloat, "Longitude in degrees, WGS 84.", func(g *graph.GeoPoint) any { return g.Lon }),
			"countryCode": getString(graphql.String, "ISO 3166-1 alpha-2 code of the country the place is in.", func(g *graph.GeoPoint) *string { return optString(&g.CountryCode) }),
		},
	})
}

// mentionPointers turns a page of mentions into a page of pointers to
// them, the source type of Mention's fields.
func mentionPointers(l graph.List[graph.Mention]) graph.List[*graph.Mention] {
	ms := graph.List[*graph.Mention]{Cursors: l.Cursors, HasNextPage: l.HasNextPage, TotalCount: l.TotalCount}
	ms.Items = make([]*graph.Mention, len(l.Items))
	for i := range l.Items {
		ms.Items[i] = &l.Items[i]
	}
	return ms
}

// nonNil returns an empty slice for nil, so that a non-null list reads as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (b *builder) documentObjects() {
	b.mention = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Mention",
		Description: "A span of a document's text: where an entity is named or a fact is stated. Offsets are Unicode code points, end exclusive.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"document": {Type: graphql.NewNonNull(b.document), Description: "The document the span is in.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).DocumentHeadValue(p.Source.(*graph.Mention).Document), nil
					})},
				"start": get(nnInt, "Offset of the first code point of the span in the document's text.", func(m *graph.Mention) any { return m.Start }),
				"end":   get(nnInt, "Offset just past the last code point of the span.", func(m *graph.Mention) any { return m.End }),
				"text":  getString(nnString, "The span's text, exactly as in the document.", func(m *graph.Mention) *string { return &m.Text }),
				"sentenceIndex": get(nnInt, "0-based index of the sentence in the document, as the extractor split it.",
					func(m *graph.Mention) any { return m.Sentence }),
				"sentence": {Type: nnString, Description: "The sentence that contains the span, for context.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						m := p.Source.(*graph.Mention)
						l := loaderFrom(p.Context)
						doc := l.Document(m.Document)
						return thunk(func() (any, error) {
							d, err := doc()
							if err != nil || d == nil {
								return m.Text, err
							}
							return sentenceAt(l.text(d.(*graph.Document)), m.Start, m.End, m.Text), nil
						}), nil
					})},
				"sentenceStart": {Type: nnInt, Description: "Offset in the document's text of the first code point of `sentence`, so that the span lies at `start - sentenceStart` in it.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						m := p.Source.(*graph.Mention)
						l := loaderFrom(p.Context)
						doc := l.Document(m.Document)
						return thunk(func() (any, error) {
							d, err := doc()
							if err != nil || d == nil {
								return m.Start, err
							}
							s, _, _ := sentenceSpan(l.text(d.(*graph.Document)), m.Start, m.End)
							return s, nil
						}), nil
					})},
				"entity": {Type: b.entity, Description: "For a mention of an entity, the entity (after merges); null for the evidence of a fact.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Mention).Entity), nil
					})},
			}
		}),
	})
	b.document = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Document",
		Description: "A news article.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			fields := b.documentFactFields() // document_facts.go
			maps.Copy(fields, graphql.Fields{
				"id":        getString(nnID, "The document's ID, as given when it was ingested.", func(d *graph.Document) *string { return &d.ID }),
				"title":     getString(graphql.String, "The headline, if known.", func(d *graph.Document) *string { return optString(&d.Title) }),
				"url":       getString(graphql.String, "Where the article was published, if known.", func(d *graph.Document) *string { return optString(&d.URL) }),
				"published": getString(graphql.String, "Publication date or date-time, ISO 8601 as given.", func(d *graph.Document) *string { return optString(&d.Published) }),
				"text": {Type: nnString, Description: "The full text. Mention offsets index into it in Unicode code points.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						d := p.Source.(*graph.Document)
						if d.Text != "" {
							return d.Text, nil
						}
						// Read without its text (loader.DocumentHeadValue):
						// the whole document, once per request.
						full := loaderFrom(p.Context).Document(d.ID)
						return thunk(func() (any, error) {
							v, err := full()
							if err != nil || v == nil {
								return "", err
							}
							return v.(*graph.Document).Text, nil
						}), nil
					})},
				"place": {Type: b.entity, Description: "The place named by the dateline (\"Sochi: …\"), if any.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Document).Place), nil
					})},
				"mentions": {
					Type:        graphql.NewNonNull(b.mentionConn),
					Description: "Every entity mention in the document, in text order (by start, then end), each with its `entity`.",
					Args:        pageArgs(100),
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						d := p.Source.(*graph.Document)
						pg, first, err := b.page(p)
						if err != nil {
							return nil, err
						}
						l, err := b.documentMentions(reqCtx(p.Context), d.ID, pg)
						if err != nil {
							return nil, err
						}
						return newConnection(mentionPointers(l), first), nil
					}),
				},
				"entities": {
					Type:        nnList(b.entity),
					Description: "Entities the document mentions, most-mentioned first.",
					Args: graphql.FieldConfigArgument{
						"type":  {Type: b.entityTypeEnum, Description: "Only entities of this type."},
						"first": {Type: graphql.Int, DefaultValue: 50, Description: "The number of entities to return, at most 1000."},
					},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						d := p.Source.(*graph.Document)
						n, err := b.limit(p)
						if err != nil || n == 0 {
							return []*graph.Entity{}, err
						}
						typ, _ := p.Args["type"].(graph.EntityType)
						es, err := b.documentEntities(reqCtx(p.Context), d.ID, typ, n)
						if err != nil {
							return nil, err
						}
						loaderFrom(p.Context).prime(es...)
						return es, nil
					}),
				},
			})
			return fields
		}),
	})
}

// DocumentEntityLister is implemented by stores that index the entities of
// each document. Document.entities uses it when the DocumentService has it,
// and otherwise reads the entity records of a one-document dump.
type DocumentEntityLister interface {
	// DocumentEntities returns up to limit entities mentioned in document
	// docID, most-mentioned first; typ "" for any type.
	DocumentEntities(ctx context.Context, docID string, typ graph.EntityType, limit int) ([]*graph.Entity, error)
}

// errStopDump ends a dump early once its entity records have been read.
var errStopDump = errors.New("stop dump")

func (b *builder) documentEntities(ctx context.Context, docID string, typ graph.EntityType, limit int) ([]*graph.Entity, error) {
	if l, ok := b.svc.Documents.(DocumentEntityLister); ok {
		return l.DocumentEntities(ctx, docID, typ, limit)
	}
	if b.svc.Dumper == nil {
		return nil, &apiError{code: CodeInternal, message: "Document.entities is not available from this store."}
	}
	var es []*graph.Entity
	err := b.svc.Dumper.Dump(ctx, graph.DumpFilter{Documents: []string{docID}}, func(r *graph.Record) error {
		switch r.Kind {
		case graph.RecordDocument:
			return nil
		case graph.RecordEntity:
			if typ == "" || r.Entity.Type == typ {
				es = append(es, r.Entity)
			}
			return nil
		}
		return errStopDump
	})
	if err != nil && !errors.Is(err, errStopDump) {
		return nil, err
	}
	// A filtered dump counts only the document's mentions: order by them,
	// then load the entities themselves, with their counts across all
	// documents.
	sort.SliceStable(es, func(i, j int) bool { return es[i].MentionCount > es[j].MentionCount })
	ids := make([]string, 0, min(len(es), limit))
	for _, e := range es[:min(len(es), limit)] {
		ids = append(ids, e.ID)
	}
	full, err := b.svc.Entities.EntitiesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Entity, 0, len(full))
	for _, e := range full {
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}
