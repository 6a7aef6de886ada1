package schema

import (
	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
)

// connection is a resolved Relay connection: one page of nodes with their
// cursors. The cursors are the store's, passed through unchanged; the store
// makes them opaque and stable (a cursor names a position in an index, not
// an offset, so paging is not disturbed by concurrent inserts).
type connection struct {
	edges   []*edge // pointers into one array: graphql-go boxes each list item
	hasNext bool
	endCur  string
	total   int
}

type edge struct {
	cursor string
	node   any
}

// newConnection wraps a page from a service. When the client asked for
// first: 0 the service was asked for one item, to learn whether there is
// any; it is not returned.
func newConnection[T any](l graph.List[T], first int) *connection {
	c := &connection{hasNext: l.HasNextPage, total: l.TotalCount}
	if first == 0 {
		c.hasNext = len(l.Items) > 0
		return c
	}
	es := make([]edge, len(l.Items))
	c.edges = make([]*edge, len(l.Items))
	for i, it := range l.Items {
		es[i] = edge{node: it}
		if i < len(l.Cursors) {
			es[i].cursor = l.Cursors[i]
		}
		c.edges[i] = &es[i]
	}
	c.endCur = l.EndCursor()
	return c
}

// pageArgs are the arguments of a paged field.
func pageArgs(def int) graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: def,
			Description: "The number of items to return, at most 1000. 0 returns only totalCount and hasNextPage."},
		"after": &graphql.ArgumentConfig{Type: graphql.String,
			Description: "Return the items after this cursor (an edge's cursor or pageInfo.endCursor of the previous page)."},
	}
}

// withArgs adds more arguments to a set.
func withArgs(args graphql.FieldConfigArgument, more ...graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	for _, m := range more {
		for k, v := range m {
			args[k] = v
		}
	}
	return args
}

// page reads first and after. first was bounded by the cost analysis before
// execution; it is checked again here for callers that bypass it.
func (b *builder) page(p graphql.ResolveParams) (graph.Page, int, error) {
	first, _ := p.Args["first"].(int)
	after, _ := p.Args["after"].(string)
	switch {
	case first < 0:
		return graph.Page{}, 0, invalidf("`first` must not be negative.")
	case first > b.cfg.MaxFirst:
		return graph.Page{}, 0, limitf("first", "`first` is at most %d.", b.cfg.MaxFirst)
	}
	return graph.Page{First: max(first, 1), After: after}, first, nil
}

// limit reads the first argument of a plain list field.
func (b *builder) limit(p graphql.ResolveParams) (int, error) {
	pg, first, err := b.page(p)
	if err != nil {
		return 0, err
	}
	if first == 0 {
		return 0, nil
	}
	return pg.First, nil
}

func newPageInfoType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "PageInfo",
		Description: "Where a page lies in a connection.",
		Fields: graphql.Fields{
			"hasNextPage": get(graphql.NewNonNull(graphql.Boolean), "Whether there are more items after this page.",
				func(c *connection) any { return c.hasNext }),
			"endCursor": getString(graphql.String, "The cursor of the last item of the page; pass it as `after` for the next page. Null on an empty page.",
				func(c *connection) *string { return optString(&c.endCur) }),
		},
	})
}

// connectionType returns the XConnection type for nodes of type node,
// with its XEdge type.
func (b *builder) connectionType(node *graphql.Object, what string) *graphql.Object {
	name := node.Name()
	edgeType := graphql.NewObject(graphql.ObjectConfig{
		Name:        name + "Edge",
		Description: "One " + what + " in a page, with its cursor.",
		Fields: graphql.Fields{
			"cursor": getString(graphql.NewNonNull(graphql.String), "An opaque, stable cursor naming this item's position; pass it as `after` to continue after it.",
				func(e *edge) *string { return &e.cursor }),
			"node": get(graphql.NewNonNull(node), "The "+what+".", func(e *edge) any { return e.node }),
		},
	})
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        name + "Connection",
		Description: "A page of " + what + "s (a Relay connection).",
		Fields: graphql.Fields{
			"edges": get(graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(edgeType))), "The items of this page, in order.",
				func(c *connection) any { return c.edges }),
			"pageInfo": get(graphql.NewNonNull(b.pageInfo), "Whether there is a next page, and the cursor to get it.",
				func(c *connection) any { return c }),
			"totalCount": get(graphql.NewNonNull(graphql.Int), "The number of items in the whole connection, across all pages.",
				func(c *connection) any { return c.total }),
		},
	})
}
