package store

import (
	"bytes"
	"container/heap"
	"context"
	"encoding/base64"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// defaultPage is the page size when Page.First is 0.
const defaultPage = 50

// Cursors are the URL-safe base64 of the key an item was listed by: an
// index key for index scans, a sort key for lists sorted in memory. They
// stay valid across writes: a page resumes after the key, wherever it now
// falls.
func encodeCursor(k []byte) string { return base64.RawURLEncoding.EncodeToString(k) }

func decodeCursor(c string) ([]byte, error) {
	if c == "" {
		return nil, nil
	}
	k, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(k) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "invalid cursor %q", c)
	}
	return k, nil
}

// scan lists the items under one or more key prefixes, in key order.
type scan[T any] struct {
	prefixes [][]byte // sorted, disjoint
	// match decides from the key and, if needsValue, the value whether an
	// item is listed; nil lists every key.
	match      func(k, v []byte) (bool, error)
	needsValue bool
	// build makes the item of a listed key.
	build func(k, v []byte) (T, error)
	// total, when not negative, is the known number of items; otherwise the
	// whole range is scanned to count them.
	total int
	// ctx ends a long scan when it is cancelled (set by run).
	ctx context.Context
}

// run returns the page of s after cursor p.After.
func (s *scan[T]) run(ctx context.Context, txn *badger.Txn, p graph.Page) (graph.List[T], error) {
	var out graph.List[T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
	}
	if after != nil && !hasAnyPrefix(after, s.prefixes) {
		return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	s.ctx = ctx
	limit := p.Limit(defaultPage)
	count := 0
	prefetch := 64
	if s.total >= 0 && s.match == nil {
		prefetch = min(limit+1, prefetch)
	}
	for _, prefix := range s.prefixes {
		if end := prefixEnd(prefix); after != nil && end != nil && bytes.Compare(after, end) >= 0 && s.total >= 0 {
			continue // the page starts in a later prefix; the count is known
		}
		// One iterator per prefix, with Prefix set, so that Badger only
		// opens the tables whose key range overlaps it.
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: s.needsValue, PrefetchSize: prefetch})
		done, err := s.runPrefix(it, prefix, after, limit, &count, &out)
		it.Close()
		if err != nil || done {
			return out, err
		}
	}
	out.TotalCount = count
	if s.total >= 0 {
		out.TotalCount = s.total
	}
	return out, nil
}

// runPrefix lists the items under one prefix into out; done says the page
// is full and the total known.
func (s *scan[T]) runPrefix(it *badger.Iterator, prefix, after []byte, limit int, count *int, out *graph.List[T]) (done bool, err error) {
	{
		start := prefix
		if after != nil && s.total >= 0 && bytes.Compare(after, prefix) > 0 {
			// Nothing before the cursor needs counting: start after it.
			start = after
		}
		n := 0
		for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
			if n++; s.ctx != nil && n%256 == 0 {
				if err := s.ctx.Err(); err != nil {
					return false, err
				}
			}
			item := it.Item()
			k := item.Key()
			var v []byte
			if s.needsValue {
				if v, err = item.ValueCopy(nil); err != nil {
					return false, err
				}
			}
			if s.match != nil {
				ok, err := s.match(k, v)
				if err != nil {
					return false, err
				}
				if !ok {
					continue
				}
			}
			*count++
			if after != nil && bytes.Compare(k, after) <= 0 {
				continue
			}
			if len(out.Items) == limit {
				out.HasNextPage = true
				if s.total >= 0 {
					out.TotalCount = s.total
					return true, nil
				}
				continue
			}
			if v == nil && !s.needsValue {
				if v, err = item.ValueCopy(nil); err != nil {
					return false, err
				}
			}
			x, err := s.build(item.KeyCopy(nil), v)
			if err != nil {
				return false, err
			}
			out.Items = append(out.Items, x)
			out.Cursors = append(out.Cursors, encodeCursor(k))
		}
	}
	return false, nil
}

func hasAnyPrefix(k []byte, prefixes [][]byte) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// sorted is one item of a list sorted in memory, with its sort key.
type sorted[T any] struct {
	key  []byte
	item T
}

// pageSorted returns the page after p.After of items, sorting them by key.
func pageSorted[T any](items []sorted[T], p graph.Page, valid func(key []byte) bool) (graph.List[T], error) {
	var out graph.List[T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
	}
	if after != nil && !valid(after) {
		return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	sort.Slice(items, func(i, j int) bool { return bytes.Compare(items[i].key, items[j].key) < 0 })
	limit := p.Limit(defaultPage)
	out.TotalCount = len(items)
	for _, it := range items {
		if after != nil && bytes.Compare(it.key, after) <= 0 {
			continue
		}
		if len(out.Items) == limit {
			out.HasNextPage = true
			break
		}
		out.Items = append(out.Items, it.item)
		out.Cursors = append(out.Cursors, encodeCursor(it.key))
	}
	return out, nil
}

// loadPage turns a page of IDs, sorted in memory, into a page of the items
// they name, so that only the page's items are loaded.
func loadPage[T any](ids graph.List[string], load func(id string) (T, error)) (graph.List[T], error) {
	out := graph.List[T]{Cursors: ids.Cursors, HasNextPage: ids.HasNextPage, TotalCount: ids.TotalCount}
	out.Items = make([]T, len(ids.Items))
	for i, id := range ids.Items {
		var err error
		if out.Items[i], err = load(id); err != nil {
			return graph.List[T]{}, err
		}
	}
	return out, nil
}

// topKeys chooses one page of a list sorted in memory without keeping the
// whole list: of the keys offered, it keeps the limit+1 smallest after the
// cursor (a max-heap), each with a value, and counts them all. Offering a
// key that does not enter the page costs a comparison and no allocation,
// so a page of an entity with thousands of relations allocates for about
// the page only.
type topKeys struct {
	after []byte
	limit int
	heap  keyHeap
	total int
}

// newTopKeys returns the chooser of page p, checking its cursor with valid.
func newTopKeys(p graph.Page, valid func(key []byte) bool) (*topKeys, error) {
	after, err := decodeCursor(p.After)
	if err != nil {
		return nil, err
	}
	if after != nil && !valid(after) {
		return nil, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	return &topKeys{after: after, limit: p.Limit(defaultPage)}, nil
}

// offer considers key k with its value v; it copies both if it keeps them.
func (t *topKeys) offer(k, v []byte) {
	t.total++
	if t.after != nil && bytes.Compare(k, t.after) <= 0 {
		return
	}
	if len(t.heap) == t.limit+1 {
		top := &t.heap[0]
		if bytes.Compare(k, top.key) >= 0 {
			return
		}
		top.key, top.val = append(top.key[:0], k...), append(top.val[:0], v...)
		heap.Fix(&t.heap, 0)
		return
	}
	heap.Push(&t.heap, keyVal{append([]byte(nil), k...), append([]byte(nil), v...)})
}

// page returns the page's keys and values in order, their cursors, and
// whether more follow; t.total is the length of the whole list.
func (t *topKeys) page() (kvs []keyVal, cursors []string, hasNext bool) {
	kvs = t.heap
	sort.Slice(kvs, func(i, j int) bool { return bytes.Compare(kvs[i].key, kvs[j].key) < 0 })
	if len(kvs) > t.limit {
		kvs, hasNext = kvs[:t.limit], true
	}
	cursors = make([]string, len(kvs))
	for i, kv := range kvs {
		cursors[i] = encodeCursor(kv.key)
	}
	return kvs, cursors, hasNext
}

// keyVal is a key kept by topKeys, with its value.
type keyVal struct{ key, val []byte }

// keyHeap is a max-heap of keys.
type keyHeap []keyVal

func (h keyHeap) Len() int           { return len(h) }
func (h keyHeap) Less(i, j int) bool { return bytes.Compare(h[i].key, h[j].key) > 0 }
func (h keyHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *keyHeap) Push(x any)        { *h = append(*h, x.(keyVal)) }
func (h *keyHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
