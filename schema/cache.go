package schema

import (
	"container/list"
	"sync"

	"github.com/graphql-go/graphql/language/ast"
)

// prepared is a query text that was parsed, checked against the static
// limits and validated against the schema. The AST is shared read-only by
// every request that sends the same text.
type prepared struct {
	doc  *ast.Document
	err  *requestError                      // why the query cannot run; nil if it can
	fast map[*ast.OperationDefinition]*plan // compiled query operations, for the fast executor
}

// queryCache is a least-recently-used cache of prepared queries, keyed by
// the query text. Clients send the same few queries over and over; parsing
// and validating them dominates the cost of a small query.
type queryCache struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *cacheEntry, most recently used first
	byKey map[string]*list.Element
}

type cacheEntry struct {
	key string
	val *prepared
}

func newQueryCache(size int) *queryCache {
	return &queryCache{size: size, order: list.New(), byKey: make(map[string]*list.Element, size)}
}

// get returns the prepared query for key, if cached.
func (c *queryCache) get(key string) (*prepared, bool) {
	if c.size <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).val, true
}

// put adds a prepared query, evicting the least recently used one when full.
func (c *queryCache) put(key string, val *prepared) {
	if c.size <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		el.Value.(*cacheEntry).val = val
		c.order.MoveToFront(el)
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key: key, val: val})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*cacheEntry).key)
	}
}

// len returns the number of cached queries.
func (c *queryCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
