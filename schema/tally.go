package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/factgraph/factgraph/graph"
)

// The tally types: every report of one toll side by side (graph.Tally),
// and the query and entity fields that list them. A tally is reconciled by
// the service; this file only shows it.

// tallyObjects builds Tally, TallyReport and their connections.
func (b *builder) tallyObjects() {
	entity := func(id func(p graphql.ResolveParams) string) graphql.FieldResolveFn {
		return resolver(func(p graphql.ResolveParams) (any, error) { return loaderFrom(p.Context).Entity(id(p)), nil })
	}
	b.tallyReport = graphql.NewObject(graphql.ObjectConfig{
		Name:        "TallyReport",
		Description: "One figure as its tally lists it: what a document said the toll was, as of which date and according to whom.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"figureId": getString(nnID, "The ID of the figure.", func(r *graph.Report) *string { return &r.Figure }),
				"document": {Type: b.document, Description: "The document that reports it.",
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						return loaderFrom(p.Context).DocumentHeadValue(p.Source.(*graph.Report).Document), nil
					})},
				"value":     get(graphql.Float, "The number; null for vague amounts.", func(r *graph.Report) any { return optFloat(r.Value) }),
				"low":       get(graphql.Float, "Lower bound, for ranges and vague amounts.", func(r *graph.Report) any { return optFloat(r.Low) }),
				"high":      get(graphql.Float, "Upper bound, for ranges and vague amounts.", func(r *graph.Report) any { return optFloat(r.High) }),
				"qualifier": getString(graphql.String, "The qualifier as written (\"more than\"), if any.", func(r *graph.Report) *string { return optString(&r.Qualifier) }),
				"source": {Type: b.entity, Description: "Who reports the number, if the document says.",
					Resolve: entity(func(p graphql.ResolveParams) string { return p.Source.(*graph.Report).Source })},
				"asOf": getString(graphql.String, "The ISO 8601 date the count holds for: an explicit one, else the publication date.", func(r *graph.Report) *string { return optString(&r.AsOf) }),
				"kind": getString(graphql.String, "toll (a running toll), incident or forecast; null when the extractor could not tell (read as an incident).", func(r *graph.Report) *string { return optString(&r.Kind) }),
				"place": {Type: b.entity, Description: "Where the figure says it happened.",
					Resolve: entity(func(p graphql.ResolveParams) string { return p.Source.(*graph.Report).Place })},
				"conflicts": get(graphql.NewNonNull(graphql.NewList(nnID)), "The figure IDs of the reports this one contradicts (same day, incompatible amounts; or a running toll that fell).",
					func(r *graph.Report) any { return nonNil(r.Conflicts) }),
			}
		}),
	})
	reportConn := b.connectionType(b.tallyReport, "report")
	b.tally = graphql.NewObject(graphql.ObjectConfig{
		Name: "Tally",
		Description: "Every report of one toll: the figures with the same measure about the same event or place, of the same counted group and currency, " +
			"in time order, with the latest, the range and whether they agree. Its reports are never summed.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":      getString(nnID, "measure|about|counted|currency.", func(t *graph.Tally) *string { return &t.ID }),
				"measure": getString(nnString, "What is measured.", func(t *graph.Tally) *string { return &t.Measure }),
				"about": {Type: b.entity, Description: "The event or place the toll concerns.",
					Resolve: entity(func(p graphql.ResolveParams) string { return p.Source.(*graph.Tally).About })},
				"place": {Type: b.entity, Description: "The place most reports give.",
					Resolve: entity(func(p graphql.ResolveParams) string { return p.Source.(*graph.Tally).Place })},
				"counted":   getString(graphql.String, "The counted group (\"civilians\"); null for people in general.", func(t *graph.Tally) *string { return optString(&t.Counted) }),
				"currency":  getString(graphql.String, "ISO 4217, for money.", func(t *graph.Tally) *string { return optString(&t.Currency) }),
				"latest":    get(graphql.NewNonNull(b.tallyReport), "The latest report.", func(t *graph.Tally) any { return t.LatestReport() }),
				"low":       get(nnFloat, "The smallest amount reported.", func(t *graph.Tally) any { return t.Low }),
				"high":      get(nnFloat, "The largest amount reported.", func(t *graph.Tally) any { return t.High }),
				"agreement": getString(nnString, "single, agree, or disagree (some reports contradict others: see TallyReport.conflicts).", func(t *graph.Tally) *string { return &t.Agreement }),
				"reports": {Type: graphql.NewNonNull(reportConn), Description: "The reports in time order.", Args: pageArgs(100),
					Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
						pg, first, err := b.page(p)
						if err != nil {
							return nil, err
						}
						t := p.Source.(*graph.Tally)
						if t.Reports == nil {
							// A tally from a store's summary: its
							// reports are paged apart, in one batch
							// for the tallies of a level.
							read := loaderFrom(p.Context).TallyReports(t.ID, pg)
							return func() (any, error) {
								l, err := read()
								if err != nil {
									return nil, err
								}
								return newConnection(l, first), nil
							}, nil
						}
						return newConnection(pageReports(t.Reports, pg), first), nil
					})},
			}
		}),
	})
	b.tallyConn = b.connectionType(b.tally, "tally")
}

// pageReports returns the page of reports after the report of figure
// pg.After.
func pageReports(rs []graph.Report, pg graph.Page) graph.List[*graph.Report] {
	l := graph.List[*graph.Report]{TotalCount: len(rs)}
	i := 0
	if pg.After != "" {
		for i < len(rs) && rs[i].Figure != pg.After {
			i++
		}
		i++
	}
	n := pg.Limit(100)
	for ; i < len(rs); i++ {
		if len(l.Items) == n {
			l.HasNextPage = true
			break
		}
		l.Items = append(l.Items, &rs[i])
		l.Cursors = append(l.Cursors, rs[i].Figure)
	}
	return l
}

// talliesArgs are the filters of the tallies fields.
func talliesArgs() graphql.FieldConfigArgument {
	return withArgs(pageArgs(20), graphql.FieldConfigArgument{
		"measure": {Type: graphql.String, Description: "Only this measure (killed, displaced, money, …); INVALID for an unknown one."},
		"about":   {Type: graphql.ID, Description: "Only tallies about this event or place."},
		"place":   {Type: graphql.ID, Description: "Only tallies at this place."},
		"since":   {Type: graphql.String, Description: "Only tallies with a report on or after this ISO 8601 date."},
		"until":   {Type: graphql.String, Description: "Only tallies with a report on or before this ISO 8601 date."},
	})
}

// talliesField lists tallies; entity, when set, gives the entity whose
// tallies they are.
func (b *builder) talliesField(desc string, entity func(p graphql.ResolveParams) string) *graphql.Field {
	return &graphql.Field{
		Type: graphql.NewNonNull(b.tallyConn), Description: desc, Args: talliesArgs(),
		Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
			pg, first, err := b.page(p)
			if err != nil {
				return nil, err
			}
			f := graph.TallyFilter{Page: pg}
			f.Measure, _ = p.Args["measure"].(string)
			f.About, _ = p.Args["about"].(string)
			f.Place, _ = p.Args["place"].(string)
			f.Since, _ = p.Args["since"].(string)
			f.Until, _ = p.Args["until"].(string)
			if entity != nil {
				f.Entity = entity(p)
			}
			l, err := b.svc.Figures.Tallies(reqCtx(p.Context), f)
			if err != nil {
				return nil, err
			}
			return newConnection(l, first), nil
		}),
	}
}
