package schema

import (
	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

// build returns the schema over b's services.
func (b *builder) build() (graphql.Schema, error) {
	b.pageInfo = newPageInfoType()
	b.enums()
	b.entityObject()
	b.documentObjects()
	b.factObjects()
	b.statsObjects()
	b.tallyObjects()
	b.vocabularyObjects()
	b.entityConn = b.connectionType(b.entity, "entity")
	b.relationConn = b.connectionType(b.relation, "relation")
	b.figureConn = b.connectionType(b.figure, "figure")
	b.eventConn = b.connectionType(b.event, "event")
	b.quoteConn = b.connectionType(b.quote, "quote")
	b.mentionConn = b.connectionType(b.mention, "mention")
	b.documentConn = b.connectionType(b.document, "document")
	return graphql.NewSchema(graphql.SchemaConfig{
		Query:    b.query(),
		Mutation: b.mutation(),
	})
}

func idArg(desc string) *graphql.ArgumentConfig {
	return &graphql.ArgumentConfig{Type: nnID, Description: desc}
}

func (b *builder) query() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Query",
		Description: "Read the knowledge graph.",
		Fields: graphql.Fields{
			"entity": {
				Type:        b.entity,
				Description: "The entity with this ID, following merges. Null, with a NOT_FOUND error, if there is none.",
				Args:        graphql.FieldConfigArgument{"id": idArg("The entity ID (\"person/vladimir-putin\").")},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					e, err := b.svc.Entities.Entity(reqCtx(p.Context), p.Args["id"].(string))
					if err != nil {
						return nil, err
					}
					loaderFrom(p.Context).prime(e)
					return e, nil
				}),
			},
			"entities": {
				Type:        graphql.NewNonNull(b.entityConn),
				Description: "Entities, optionally of one type, by exact name or name prefix. Without name or search they are listed by ID, unless `orderBy` says otherwise.",
				Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
					"orderBy": {Type: b.entityOrderEnum, Description: "MENTIONS for most mentioned first, NAME for alphabetical; by default by ID, or most mentioned first with name or search."},
					"type":    {Type: b.entityTypeEnum, Description: "Only entities of this type."},
					"name":    {Type: graphql.String, Description: "A name or alias, matched exactly but ignoring case and diacritics (\"putin\" finds Vladimir Putin)."},
					"search":  {Type: graphql.String, Description: "A prefix of a name or alias, or of a person's surname, ignoring case and diacritics; most-mentioned first."},
				}),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					f := graph.EntityFilter{Page: pg}
					f.Type, _ = p.Args["type"].(graph.EntityType)
					f.Name, _ = p.Args["name"].(string)
					f.Search, _ = p.Args["search"].(string)
					f.OrderBy, _ = p.Args["orderBy"].(graph.EntityOrder)
					l, err := b.svc.Entities.Entities(reqCtx(p.Context), f)
					if err != nil {
						return nil, err
					}
					loaderFrom(p.Context).prime(l.Items...)
					return newConnection(l, first), nil
				}),
			},
			"relations": {
				Type: graphql.NewNonNull(b.relationConn),
				Description: "Relations by subject, object and predicate. With a subject or an object, strongest first (by weight, then confidence); otherwise every relation, or every relation of the predicates, page by page by ID. " +
					"With since or until, only relations stated by documents published in the range, each with only those documents' weight, confidence and evidence, and ranked by them.",
				Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
					"subject":   {Type: graphql.ID, Description: "Only relations from this entity."},
					"object":    {Type: graphql.ID, Description: "Only relations to this entity."},
					"predicate": predicatesArg("Only relations with one of these predicates."),
				}, dateArgs("relations stated by documents")),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					f := graph.RelationFilter{Page: pg, DateRange: dateRange(p)}
					f.Subject, _ = p.Args["subject"].(string)
					f.Object, _ = p.Args["object"].(string)
					f.Predicates = stringList(p.Args["predicate"])
					l, err := b.svc.Relations.Relations(reqCtx(p.Context), f)
					if err != nil {
						return nil, err
					}
					return newConnection(l, first), nil
				}),
			},
			"figures": {
				Type:        graphql.NewNonNull(b.figureConn),
				Description: "Figures by measure, the entity they are about, and place.",
				Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
					"measure": {Type: graphql.String, Description: "Only figures of this measure (killed, displaced, …)."},
					"about":   {Type: graphql.ID, Description: "Only figures about this entity."},
					"place":   {Type: graphql.ID, Description: "Only figures placed at this entity."},
				}, dateArgs("figures from documents")),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					f := graph.FigureFilter{Page: pg, DateRange: dateRange(p)}
					f.Measure, _ = p.Args["measure"].(string)
					f.About, _ = p.Args["about"].(string)
					f.Place, _ = p.Args["place"].(string)
					l, err := b.svc.Figures.Figures(reqCtx(p.Context), f)
					if err != nil {
						return nil, err
					}
					return newConnection(l, first), nil
				}),
			},
			"tallies": b.talliesField("Tallies: every report of one toll side by side, the most reported first.", nil),
			"figureTotals": {
				Type:        nnList(b.figureTotal),
				Description: "Tallies summed by measure, place and currency: the latest report of each toll counts once, money per currency, percentages never.",
				Args: graphql.FieldConfigArgument{
					"measure": {Type: graphql.String, Description: "Only this measure."},
					"place":   {Type: graphql.ID, Description: "Only this place."},
				},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					measure, _ := p.Args["measure"].(string)
					place, _ := p.Args["place"].(string)
					ts, err := b.svc.Figures.FigureTotals(reqCtx(p.Context), measure, place)
					return nonNil(ts), err
				}),
			},
			"events": {
				Type:        graphql.NewNonNull(b.eventConn),
				Description: "Events by kind, participant and place.",
				Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
					"kind":        {Type: graphql.String, Description: "Only events of this kind (meeting, visit, …)."},
					"participant": {Type: graphql.ID, Description: "Only events this entity took part in."},
					"place":       {Type: graphql.ID, Description: "Only events at this place."},
				}, dateArgs("events from documents")),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					f := graph.EventFilter{Page: pg, DateRange: dateRange(p)}
					f.Kind, _ = p.Args["kind"].(string)
					f.Participant, _ = p.Args["participant"].(string)
					f.Place, _ = p.Args["place"].(string)
					l, err := b.svc.Events.Events(reqCtx(p.Context), f)
					if err != nil {
						return nil, err
					}
					return newConnection(l, first), nil
				}),
			},
			"quotes": {
				Type:        graphql.NewNonNull(b.quoteConn),
				Description: "Quotes, optionally by one speaker.",
				Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
					"speaker": {Type: graphql.ID, Description: "Only quotes of this entity."},
				}, dateArgs("quotes from documents")),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					speaker, _ := p.Args["speaker"].(string)
					l, err := b.svc.Quotes.Quotes(reqCtx(p.Context), graph.QuoteFilter{Speaker: speaker, DateRange: dateRange(p), Page: pg})
					if err != nil {
						return nil, err
					}
					return newConnection(l, first), nil
				}),
			},
			"path": {
				Type: graphql.NewList(graphql.NewNonNull(b.relation)),
				Description: "The shortest chain of relations from one entity to another, each with its evidence; null if there is none within maxHops. " +
					"Unless `predicates` or `excludePredicates` is given, it leaves out mentioned_with, which links any two entities named in one sentence.",
				Args: graphql.FieldConfigArgument{
					"from":              idArg("The entity to start from."),
					"to":                idArg("The entity to reach."),
					"maxHops":           {Type: graphql.Int, DefaultValue: 4, Description: "The longest chain to consider."},
					"predicates":        predicatesArg("Follow only relations with these predicates."),
					"excludePredicates": predicatesArg("Never follow relations with these predicates; [] follows every predicate, mentioned_with included."),
				},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					hops, _ := p.Args["maxHops"].(int)
					if hops < 1 || hops > b.cfg.MaxHops {
						return nil, limitf("maxHops", "`maxHops` must be between 1 and %d.", b.cfg.MaxHops)
					}
					f := graph.PathFilter{From: p.Args["from"].(string), To: p.Args["to"].(string), MaxHops: hops,
						Predicates: stringList(p.Args["predicates"]), ExcludePredicates: stringList(p.Args["excludePredicates"])}
					_, only := p.Args["predicates"]
					if _, ex := p.Args["excludePredicates"]; !only && !ex {
						f.ExcludePredicates = []string{graph.MentionedWith}
					}
					rs, err := b.svc.Relations.Path(reqCtx(p.Context), f)
					if err != nil || rs == nil {
						return nil, err
					}
					return rs, nil
				}),
			},
			"document": {
				Type:        b.document,
				Description: "The document with this ID. Null, with a NOT_FOUND error, if there is none.",
				Args:        graphql.FieldConfigArgument{"id": idArg("The document ID.")},
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					return b.svc.Documents.Document(reqCtx(p.Context), p.Args["id"].(string))
				}),
			},
			"documents": {
				Type:        graphql.NewNonNull(b.documentConn),
				Description: "Documents, newest first, optionally by publication date and by an entity they mention.",
				Args: withArgs(pageArgs(20), dateArgs("documents"), graphql.FieldConfigArgument{
					"mentioning": {Type: graphql.ID, Description: "Only documents that mention this entity (or one merged into it)."},
				}),
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					pg, first, err := b.page(p)
					if err != nil {
						return nil, err
					}
					mentioning, _ := p.Args["mentioning"].(string)
					l, err := b.svc.Documents.Documents(reqCtx(p.Context), graph.DocumentFilter{Page: pg, DateRange: dateRange(p), Entity: mentioning})
					if err != nil {
						return nil, err
					}
					return newConnection(l, first), nil
				}),
			},
			"search":     b.searchField(),
			"vocabulary": b.vocabularyField(),
			"stats": {
				Type:        graphql.NewNonNull(b.stats),
				Description: "Counts of what the graph holds.",
				Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
					s, err := b.svc.Stats.Stats(reqCtx(p.Context))
					if err != nil {
						return nil, err
					}
					return &s, nil
				}),
			},
		},
	})
}
