package schema

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/factgraph/factgraph/graph"
)

// Time: documents, figures, events, quotes, relations, Entity.documents,
// Entity.mentions and Entity.relations take `since` and `until`, ISO 8601 dates that may be
// partial ("2004", "2004-03", "2004-03-15"), each holding at its own
// precision, and select by the publication date of the document that
// states the fact (graph.DateRange); a relation, stated by many, keeps
// what the documents in the range state. A date that is not
// one is an INVALID error naming the argument, from the store's
// DateRange.Validate, so every service checks it the same way.

// dateArgs are the since and until arguments; what says what they select.
func dateArgs(what string) graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"since": {Type: graphql.String, Description: "Only " + what + " published on or after this ISO 8601 date; partial dates allowed (2004, 2004-03, 2004-03-15)."},
		"until": {Type: graphql.String, Description: "Only " + what + " published on or before this ISO 8601 date, at its precision: 2004-03 takes the whole of March."},
	}
}

// dateRange reads since and until.
func dateRange(p graphql.ResolveParams) graph.DateRange {
	var r graph.DateRange
	r.Since, _ = p.Args["since"].(string)
	r.Until, _ = p.Args["until"].(string)
	return r
}

// MentionRangeLister is implemented by stores that can list an entity's
// mentions by the publication date of their documents; Entity.mentions
// with since or until needs it.
type MentionRangeLister interface {
	// MentionsInRange returns a page of entity entityID's mentions, ordered
	// as EntityService.Mentions, in documents published within r.
	// EINVALID for a bad range, ENOTFOUND for an unknown entity.
	MentionsInRange(ctx context.Context, entityID string, r graph.DateRange, p graph.Page) (graph.List[graph.Mention], error)
}

// mentions lists an entity's mentions, within the date range of p's
// since and until.
func (b *builder) mentions(p graphql.ResolveParams, entityID string, pg graph.Page) (graph.List[graph.Mention], error) {
	r := dateRange(p)
	if r.IsZero() {
		return b.svc.Entities.Mentions(reqCtx(p.Context), entityID, pg)
	}
	l, ok := b.svc.Entities.(MentionRangeLister)
	if !ok {
		return graph.List[graph.Mention]{}, &apiError{code: CodeInvalid, message: "This store cannot select mentions by date."}
	}
	return l.MentionsInRange(reqCtx(p.Context), entityID, r, pg)
}
