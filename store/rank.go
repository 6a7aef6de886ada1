package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Entity listings in an order of the caller's choice (graph.EntityOrder):
// most mentioned first, or by name.
//
// No index keeps entities in either order: mention counts change with
// every document, so such an index would cost a delete and a write per
// mentioned entity and document. A listing instead reads the head of
// every entity record (type, name, mention count), sorts their keys and
// renders only the page; BENCHMARKS.md has its cost on a large store.

// rankEntities lists the entities of f.Type (all if "") in f.OrderBy.
// It reads every entity record's head without copying it and keeps only
// the page's keys (topKeys), so that a listing allocates for the page,
// not for every entity.
func rankEntities(ctx context.Context, txn *badger.Txn, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	top, err := newTopKeys(f.Page, isOrderKey(f.OrderBy))
	if err != nil {
		return graph.List[*graph.Entity]{}, err
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}})
	defer it.Close()
	var buf []byte
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return graph.List[*graph.Entity]{}, err
			}
		}
		item := it.Item()
		encID := item.Key()[1:] // the entity ID as appendStr wrote it
		err := item.Value(func(v []byte) error {
			// The head of an entityRec: type, name, mention count.
			d := decoder{b: v}
			typ := d.raw()
			if f.Type != "" && string(typ) != string(f.Type) { // compared without allocating
				return d.err
			}
			name := d.raw()
			mentions := d.uint()
			if d.err != nil {
				return d.err
			}
			if f.OrderBy == graph.ByName {
				buf = appendStr(buf[:0], graph.NameKey(string(name)))
			} else {
				buf = binary.BigEndian.AppendUint64(buf[:0], math.MaxUint64-mentions)
			}
			buf = append(buf, encID...)
			top.offer(buf, nil)
			return nil
		})
		if err != nil {
			return graph.List[*graph.Entity]{}, err
		}
	}
	kvs, cursors, hasNext := top.page()
	out := graph.List[*graph.Entity]{Cursors: cursors, HasNextPage: hasNext, TotalCount: top.total, Items: make([]*graph.Entity, len(kvs))}
	for i, kv := range kvs {
		id, _, err := readStr(orderKeyID(f.OrderBy, kv.key))
		if err != nil {
			return graph.List[*graph.Entity]{}, err
		}
		rec, err := getEntity(tx(txn), id)
		if err != nil || rec == nil {
			return graph.List[*graph.Entity]{}, errCorrupt
		}
		if out.Items[i], err = render(tx(txn), id, rec); err != nil {
			return graph.List[*graph.Entity]{}, err
		}
	}
	return out, nil
}

// The keys that order entity listings (as cursors, they must also survive
// being handed back): for ByMentions the complemented mention count, 8
// bytes, then the encoded ID; for ByName the encoded NameKey of the name,
// then the encoded ID. Searches and ID lists, which sort a few entities,
// use the same keys through orderKey.

// orderKey is the key of an entity in order o.
func orderKey(o graph.EntityOrder, name string, mentions int, id string) []byte {
	var b []byte
	if o == graph.ByName {
		b = appendStr(nil, graph.NameKey(name))
	} else {
		b = binary.BigEndian.AppendUint64(nil, math.MaxUint64-uint64(mentions))
	}
	return appendStr(b, id)
}

// orderKeyID returns the encoded ID at the end of an orderKey of o.
func orderKeyID(o graph.EntityOrder, k []byte) []byte {
	if o == graph.ByName {
		rest, _ := skipStr(k)
		return rest
	}
	return k[8:]
}

// isOrderKey returns the check that a cursor can be an orderKey of o.
func isOrderKey(o graph.EntityOrder) func([]byte) bool {
	return func(k []byte) bool {
		if o != graph.ByName && len(k) < 9 || o == graph.ByName && bytes.IndexByte(k, 0) < 0 {
			return false
		}
		id := orderKeyID(o, k)
		rest, ok := skipStr(id)
		return ok && len(rest) == 0 && isEntityIDKey(id)
	}
}
