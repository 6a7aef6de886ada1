package store

import (
	"context"

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
func rankEntities(ctx context.Context, txn *badger.Txn, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	var items []sorted[string]
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}, PrefetchValues: true, PrefetchSize: 256})
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				it.Close()
				return graph.List[*graph.Entity]{}, err
			}
		}
		item := it.Item()
		var typ, name string
		var mentions int
		err := item.Value(func(v []byte) error {
			// The head of an entityRec: type, name, mention count.
			d := decoder{b: v}
			typ, name, mentions = d.str(), d.str(), int(d.uint())
			return d.err
		})
		if err != nil {
			it.Close()
			return graph.List[*graph.Entity]{}, err
		}
		if f.Type != "" && typ != string(f.Type) {
			continue
		}
		id, err := lastStr(item.Key())
		if err != nil {
			it.Close()
			return graph.List[*graph.Entity]{}, err
		}
		items = append(items, sorted[string]{orderKey(f.OrderBy, name, mentions, id), id})
	}
	it.Close()
	ids, err := pageSorted(items, f.Page, isOrderKey(f.OrderBy))
	if err != nil {
		return graph.List[*graph.Entity]{}, err
	}
	return loadPage(ids, func(id string) (*graph.Entity, error) {
		rec, err := getEntity(txn, id)
		if err != nil || rec == nil {
			return nil, errCorrupt
		}
		return render(txn, id, rec)
	})
}

// orderKey is the sort key of an entity in order o: rankKey for
// ByMentions, the encoded NameKey of its name then its ID for ByName.
func orderKey(o graph.EntityOrder, name string, mentions int, id string) []byte {
	if o == graph.ByName {
		return append(appendStr(nil, graph.NameKey(name)), id...)
	}
	return rankKey(mentions, id)
}

// isOrderKey returns the check that a cursor can be an orderKey of o.
func isOrderKey(o graph.EntityOrder) func([]byte) bool {
	if o != graph.ByName {
		return isRankKey
	}
	return func(k []byte) bool {
		rest, ok := skipStr(k)
		return ok && isEntityIDKey(rest)
	}
}
