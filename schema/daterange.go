package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/factgraph/factgraph/graph"
)

// Time: documents, figures, events and quotes take `since` and `until`,
// ISO 8601 dates that may be partial ("2004", "2004-03", "2004-03-15"),
// each holding at its own precision, and select by the publication date of
// the document that states the fact (graph.DateRange). A date that is not
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
