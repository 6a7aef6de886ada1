package schema

import (
	"container/list"
	"sync"
	"sync/atomic"
)

// resultCache keeps the encoded responses of successful queries, keyed by
// the raw request (see Server.readRaw), up to a budget of bytes.
//
// It is exact, not merely fresh enough: the store is opened by this
// process alone (Badger locks its directory), and every write goes through
// a mutation of this server, which bumps the generation before and after it
// runs. A response is stored only if the generation did not change while
// it was computed, so a query that raced a mutation is never cached. Code
// that changes the graph behind the server's back must call Invalidate.
type resultCache struct {
	gen atomic.Uint64

	mu       sync.Mutex
	maxBytes int64
	used     int64
	order    *list.List // of *resultEntry, most recently used first
	byKey    map[string]*list.Element
}

type resultEntry struct {
	key  string
	body []byte
	op   string // operation label, for metrics
	gen  uint64
}

func newResultCache(maxBytes int64) *resultCache {
	return &resultCache{maxBytes: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *resultCache) enabled() bool { return c.maxBytes > 0 }

// get returns the cached response for key, if it is of the current
// generation.
func (c *resultCache) get(key string) (*resultEntry, bool) {
	if !c.enabled() {
		return nil, false
	}
	gen := c.gen.Load()
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*resultEntry)
	if e.gen != gen {
		c.remove(el)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e, true
}

// put stores a response computed during generation gen, unless the graph
// changed since, or the response is larger than a sixteenth of the budget.
func (c *resultCache) put(key, op string, body []byte, gen uint64) {
	size := int64(len(key) + len(body))
	if !c.enabled() || size > c.maxBytes/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != gen {
		return
	}
	if el, ok := c.byKey[key]; ok {
		c.remove(el)
	}
	c.byKey[key] = c.order.PushFront(&resultEntry{key: key, body: body, op: op, gen: gen})
	c.used += size
	for c.used > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *resultCache) remove(el *list.Element) {
	e := el.Value.(*resultEntry)
	c.order.Remove(el)
	delete(c.byKey, e.key)
	c.used -= int64(len(e.key) + len(e.body))
}

// invalidate makes every cached response stale.
func (c *resultCache) invalidate() {
	c.gen.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.byKey)
	c.used = 0
}
