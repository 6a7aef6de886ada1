package schema

import (
	"context"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/factgraph/factgraph/graph"
)

// Full-text search: `search(query: "\"chemical weapons\" Syria")` lists the
// documents whose title or text holds every word and quoted phrase of the
// query, best match first, each with a snippet in which the matched words
// are marked « like this ». The store ranks and pages the hits
// (DocumentSearcher); an empty query or one over graph.MaxSearchQuery bytes
// is an INVALID error here, before the store is asked.

// DocumentSearcher is implemented by stores with a full-text index of
// their documents; the search field needs it.
type DocumentSearcher interface {
	// SearchDocuments returns a page of the documents matching query, best
	// first. EINVALID for a query without words or too long, or a bad
	// cursor.
	SearchDocuments(ctx context.Context, query string, p graph.Page) (graph.List[*graph.SearchHit], error)
}

// searchField is Query.search.
func (b *builder) searchField() *graphql.Field {
	hit := graphql.NewObject(graphql.ObjectConfig{
		Name:        "SearchHit",
		Description: "A document found by a full-text search.",
		Fields: graphql.Fields{
			"document": get(graphql.NewNonNull(b.document), "The document.",
				func(h *graph.SearchHit) any { return h.Document }),
			"score": get(graphql.NewNonNull(graphql.Float), "Its BM25 score for the query (k1 1.2, b 0.75); higher is better.",
				func(h *graph.SearchHit) any { return h.Score }),
			"snippet": getString(graphql.NewNonNull(graphql.String), "A passage of its title or text around the first match, with the matched words marked « like this ».",
				func(h *graph.SearchHit) *string { return &h.Snippet }),
		},
	})
	return &graphql.Field{
		Type: graphql.NewNonNull(b.connectionType(hit, "search hit")),
		Description: "Documents whose title or text contains every word and \"quoted phrase\" of the query, best BM25 score first. " +
			"Words match regardless of case, diacritics and English inflection (weapons finds weapon).",
		Args: withArgs(pageArgs(20), graphql.FieldConfigArgument{
			"query": {Type: graphql.NewNonNull(graphql.String), Description: "Words, all of which must occur, and \"quoted phrases\", whose words must occur in that order."},
		}),
		Resolve: resolver(func(p graphql.ResolveParams) (any, error) {
			q := p.Args["query"].(string)
			switch {
			case strings.TrimSpace(q) == "":
				return nil, invalidf("`query` must not be empty.")
			case len(q) > graph.MaxSearchQuery:
				return nil, invalidf("`query` is %d bytes long; at most %d are allowed.", len(q), graph.MaxSearchQuery)
			}
			s, ok := b.svc.Documents.(DocumentSearcher)
			if !ok {
				return nil, &apiError{code: CodeInvalid, message: "This store has no full-text index."}
			}
			pg, first, err := b.page(p)
			if err != nil {
				return nil, err
			}
			l, err := s.SearchDocuments(reqCtx(p.Context), q, pg)
			if err != nil {
				return nil, err
			}
			return newConnection(l, first), nil
		}),
	}
}
