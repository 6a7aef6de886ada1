package schema

import (
	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

func (b *builder) factObjects() {
	b.relation = graphql.NewObject(graphql.ObjectConfig{
		Name: "Relation",
		Description: "A directed, typed edge between two entities, such as Vladimir Putin president_of Russia. " +
			"A relation stated in several documents is one relation with a larger weight.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id": getString(nnID, "Stable ID derived from the relation's content.", func(r *graph.Relation) *string { return &r.ID }),
				"predicate": getString(nnString, "What the relation says: a position (\"president_of\", \"foreign_minister_of\") or one of located_in, met, participant_in, citizen_of, mentioned_with.",
					func(r *graph.Relation) *string { return &r.Predicate }),
				"subject": {Type: graphql.NewNonNull(b.entity), Description: "The entity the relation goes from.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Relation).Subject), nil
					})},
				"object": {Type: graphql.NewNonNull(b.entity), Description: "The entity the relation goes to.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Relation).Object), nil
					})},
				"role":       getString(graphql.String, "For a position, the role as written (\"President\").", func(r *graph.Relation) *string { return optString(&r.Role) }),
				"symmetric":  get(nnBool, "Whether the relation holds both ways (met, mentioned_with).", func(r *graph.Relation) any { return r.Symmetric }),
				"confidence": get(nnFloat, "How sure the extractor is, in [0,1].", func(r *graph.Relation) any { return r.Confidence }),
				"weight":     get(nnInt, "The number of statements (sentences) supporting the relation.", func(r *graph.Relation) any { return r.Weight }),
				"evidence": {
					Type:        nnList(b.mention),
					Description: "Spans that state the relation, in document order: the first of each document, or with `all` every one the store keeps with the relation (its first 20).",
					Args: graphql.FieldConfigArgument{
						"first": {Type: graphql.Int, DefaultValue: 5, Description: "The number of spans to return, at most 1000."},
						"all":   {Type: graphql.Boolean, DefaultValue: false, Description: "Every span, several per document where a document states the relation more than once."},
					},
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						n, err := b.limit(p)
						if err != nil {
							return nil, err
						}
						ev := p.Source.(*graph.Relation).Evidence
						if all, _ := p.Args["all"].(bool); !all {
							ev = firstPerDocument(ev)
						}
						return mentions(ev, n), nil
					}),
				},
			}
		}),
	})
	b.figure = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Figure",
		Description: "A count a document reports: \"more than 450,000 people have been killed\" is value 450000, qualifier \"more than\", measure killed, counted people.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        getString(nnID, "Stable ID derived from the figure's content and evidence.", func(f *graph.Figure) *string { return &f.ID }),
				"value":     get(graphql.Float, "The number; null for vague amounts (\"hundreds\").", func(f *graph.Figure) any { return optFloat(f.Value) }),
				"low":       get(graphql.Float, "Lower bound, for ranges and vague amounts.", func(f *graph.Figure) any { return optFloat(f.Low) }),
				"high":      get(graphql.Float, "Upper bound, for ranges and vague amounts.", func(f *graph.Figure) any { return optFloat(f.High) }),
				"qualifier": getString(graphql.String, "The qualifier as written (\"more than\", \"at least\"), if any.", func(f *graph.Figure) *string { return optString(&f.Qualifier) }),
				"measure":   getString(nnString, "What is measured: killed, injured, displaced, refugees, arrested, kidnapped, missing, evacuated, affected, money or percent.", func(f *graph.Figure) *string { return &f.Measure }),
				"currency":  getString(graphql.String, "ISO 4217 currency code, for money.", func(f *graph.Figure) *string { return optString(&f.Currency) }),
				"counted":   getString(graphql.String, "What is counted (\"people\", \"civilians\"), if stated.", func(f *graph.Figure) *string { return optString(&f.Counted) }),
				"text":      getString(nnString, "The figure as written in the document.", func(f *graph.Figure) *string { return &f.Text }),
				"about": {Type: b.entity, Description: "The event or place the figure concerns, if resolved.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Figure).About), nil
					})},
				"place": {Type: b.entity, Description: "Where the counted things happened, if stated.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Figure).Place), nil
					})},
				"date":       getString(graphql.String, "When, ISO 8601, possibly partial.", func(f *graph.Figure) *string { return optString(&f.Date) }),
				"confidence": get(nnFloat, "How sure the extractor is, in [0,1].", func(f *graph.Figure) any { return f.Confidence }),
				"evidence":   get(graphql.NewNonNull(b.mention), "The span of `text` in its document.", func(f *graph.Figure) any { return &f.Evidence }),
			}
		}),
	})
	b.figureTotal = graphql.NewObject(graphql.ObjectConfig{
		Name:        "FigureTotal",
		Description: "The tallies of one measure, place and currency, summed by the tally rules: the latest report of each toll counts once (never the sum of its reports), money only within one currency, percentages never. Forecasts, additions and figures about no event or place are not counted.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"measure": getString(nnString, "The measure aggregated.", func(t *graph.FigureTotal) *string { return &t.Measure }),
				"place": {Type: b.entity, Description: "The place; null for figures with no place.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.FigureTotal).Place), nil
					})},
				"currency":  getString(graphql.String, "ISO 4217, for money.", func(t *graph.FigureTotal) *string { return optString(&t.Currency) }),
				"count":     get(nnInt, "The number of reports.", func(t *graph.FigureTotal) any { return t.Count }),
				"tallies":   get(nnInt, "The number of tolls (tallies).", func(t *graph.FigureTotal) any { return t.Tallies }),
				"sum":       get(graphql.Float, "The sum of each toll's latest report (a vague one counts its least); null for percentages.", func(t *graph.FigureTotal) any { return optFloat(t.Sum) }),
				"min":       get(nnFloat, "The smallest amount reported.", func(t *graph.FigureTotal) any { return t.Min }),
				"max":       get(nnFloat, "The largest amount reported.", func(t *graph.FigureTotal) any { return t.Max }),
				"documents": get(nnInt, "The number of documents the reports come from.", func(t *graph.FigureTotal) any { return t.Documents }),
			}
		}),
	})
	b.event = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Event",
		Description: "Something that happened, with its participants: a meeting of Vladimir Putin and Bashar Al Assad in Sochi.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":   getString(nnID, "Stable ID derived from the event's content and evidence.", func(e *graph.EventFact) *string { return &e.ID }),
				"kind": getString(nnString, "What kind of event: meeting, visit, talks, attack, war, …", func(e *graph.EventFact) *string { return &e.Kind }),
				"name": getString(nnString, "A readable name (\"meeting of Vladimir Putin and Bashar Al Assad\").", func(e *graph.EventFact) *string { return &e.Name }),
				"participants": {Type: nnList(b.entity), Description: "Who took part.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entities(p.Source.(*graph.EventFact).Participants), nil
					})},
				"place": {Type: b.entity, Description: "Where it happened, if known.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.EventFact).Place), nil
					})},
				"entity": {Type: b.entity, Description: "The named event entity this is part of (a war), if any.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.EventFact).Entity), nil
					})},
				"date":       getString(graphql.String, "When, ISO 8601, possibly partial; null when unresolved.", func(e *graph.EventFact) *string { return optString(&e.Date) }),
				"dateText":   getString(graphql.String, "The date as written (\"Thursday\").", func(e *graph.EventFact) *string { return optString(&e.DateText) }),
				"confidence": get(nnFloat, "How sure the extractor is, in [0,1].", func(e *graph.EventFact) any { return e.Confidence }),
				"evidence": get(nnList(b.mention), "The spans that report the event.",
					func(e *graph.EventFact) any { return mentions(e.Evidence, len(e.Evidence)) }),
			}
		}),
	})
	b.quote = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Quote",
		Description: "A direct or partial quotation, exactly as written.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":   getString(nnID, "Stable ID derived from the quote's content and evidence.", func(q *graph.Quote) *string { return &q.ID }),
				"text": getString(nnString, "The quoted words.", func(q *graph.Quote) *string { return &q.Text }),
				"speaker": {Type: b.entity, Description: "Who said it, if resolved.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).Entity(p.Source.(*graph.Quote).Speaker), nil
					})},
				"confidence": get(nnFloat, "How sure the extractor is of the attribution, in [0,1].", func(q *graph.Quote) any { return q.Confidence }),
				"evidence":   get(graphql.NewNonNull(b.mention), "The span of the quote in its document.", func(q *graph.Quote) any { return &q.Evidence }),
				"about": {Type: nnList(b.entity), Description: "The entities the quote names, in text order, then the subject of its sentence where the quote is part of one (the first person or organization named before the quote opens, not who was told or who speaks); its speaker left out.",
					Resolve: resolver(b.quoteAbout)}, // document_facts.go
			}
		}),
	})
}

// mentions returns pointers to the first n mentions of ms.
// firstPerDocument keeps the first span of each document of ms, which
// lists each document's spans together. It returns ms itself when no
// document has two.
func firstPerDocument(ms []graph.Mention) []graph.Mention {
	for i := 1; i < len(ms); i++ {
		if ms[i].Document != ms[i-1].Document {
			continue
		}
		out := append([]graph.Mention(nil), ms[:i]...)
		for _, m := range ms[i+1:] {
			if m.Document != out[len(out)-1].Document {
				out = append(out, m)
			}
		}
		return out
	}
	return ms
}

func mentions(ms []graph.Mention, n int) []*graph.Mention {
	n = min(n, len(ms))
	out := make([]*graph.Mention, n)
	for i := range out {
		out[i] = &ms[i]
	}
	return out
}

func (b *builder) statsObjects() {
	b.typeCount = graphql.NewObject(graphql.ObjectConfig{
		Name:        "TypeCount",
		Description: "The number of entities of one type.",
		Fields: graphql.Fields{
			"type":  get(graphql.NewNonNull(b.entityTypeEnum), "The entity type.", func(t typeCount) any { return t.typ }),
			"count": get(nnInt, "How many entities have it.", func(t typeCount) any { return t.n }),
		},
	})
	b.stats = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Stats",
		Description: "Exact counts of what the graph holds, read without scanning.",
		Fields: graphql.Fields{
			"documents": get(nnInt, "Documents.", func(s *graph.Stats) any { return s.Documents }),
			"entities":  get(nnInt, "Entities, after merges.", func(s *graph.Stats) any { return s.Entities }),
			"mentions":  get(nnInt, "Entity mentions.", func(s *graph.Stats) any { return s.Mentions }),
			"relations": get(nnInt, "Relations.", func(s *graph.Stats) any { return s.Relations }),
			"figures":   get(nnInt, "Figures.", func(s *graph.Stats) any { return s.Figures }),
			"events":    get(nnInt, "Events.", func(s *graph.Stats) any { return s.Events }),
			"quotes":    get(nnInt, "Quotes.", func(s *graph.Stats) any { return s.Quotes }),
			"byType": get(nnList(b.typeCount), "Entities by type, every type listed.", func(s *graph.Stats) any {
				out := make([]typeCount, len(graph.EntityTypes))
				for i, t := range graph.EntityTypes {
					out[i] = typeCount{t, s.ByType[t]}
				}
				return out
			}),
		},
	})
	b.ingestResult = graphql.NewObject(graphql.ObjectConfig{
		Name:        "IngestResult",
		Description: "What an ingest changed.",
		Fields: graphql.Fields{
			"added":     get(nnInt, "New documents.", func(r *ingestResult) any { return r.Added }),
			"replaced":  get(nnInt, "Documents whose text, title, URL or date changed; their old facts were replaced.", func(r *ingestResult) any { return r.Replaced }),
			"unchanged": get(nnInt, "Documents already stored exactly so.", func(r *ingestResult) any { return r.Unchanged }),
			"documents": get(nnList(graphql.ID), "The IDs of the documents, in input order (generated from the text where none was given).",
				func(r *ingestResult) any { return r.ids }),
		},
	})
}

type typeCount struct {
	typ graph.EntityType
	n   int
}

type ingestResult struct {
	graph.IngestResult
	ids []string
}
