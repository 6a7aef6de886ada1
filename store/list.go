package store

import (
	"bytes"
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
}

// run returns the page of s after cursor p.After.
func (s *scan[T]) run(txn *badger.Txn, p graph.Page) (graph.List[T], error) {
	var out graph.List[T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
	}
	if after != nil && !hasAnyPrefix(after, s.prefixes) {
		return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	limit := p.Limit(defaultPage)
	count := 0
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: s.needsValue, PrefetchSize: 64})
	defer it.Close()
	for _, prefix := range s.prefixes {
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			item := it.Item()
			k := item.Key()
			var v []byte
			if s.needsValue {
				if v, err = item.ValueCopy(nil); err != nil {
					return out, err
				}
			}
			if s.match != nil {
				ok, err := s.match(k, v)
				if err != nil {
					return out, err
				}
				if !ok {
					continue
				}
			}
			count++
			if after != nil && bytes.Compare(k, after) <= 0 {
				continue
			}
			if len(out.Items) == limit {
				out.HasNextPage = true
				if s.total >= 0 {
					out.TotalCount = s.total
					return out, nil
				}
				continue
			}
			if v == nil && !s.needsValue {
				if v, err = item.ValueCopy(nil); err != nil {
					return out, err
				}
			}
			x, err := s.build(item.KeyCopy(nil), v)
			if err != nil {
				return out, err
			}
			out.Items = append(out.Items, x)
			out.Cursors = append(out.Cursors, encodeCursor(k))
		}
	}
	out.TotalCount = count
	if s.total >= 0 {
		out.TotalCount = s.total
	}
	return out, nil
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
func pageSorted[T any](items []sorted[T], p graph.Page) (graph.List[T], error) {
	var out graph.List[T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
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
