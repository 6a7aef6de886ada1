package store

import (
	"bytes"
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Date ranges have no index of their own. Documents in a range come from
// the keys of the date index ('D', newest first), which hold each
// document's date, so a range never reads a document's record and text.
// A listing of facts with no other filter then reads the ID lists of
// those documents ('x' doc kind) rather than the whole fact keyspace;
// with another filter the facts of that filter's index are kept when their
// document is in range.

// docsInRange returns the documents published within r, from the keys of
// the date index. The scan starts at r.Until: the complemented Until is a
// prefix of the keys of every date that starts with it, and the keys of
// later dates sort before it. It stops at the first date before r.Since.
func docsInRange(txn *badger.Txn, r graph.DateRange) (map[string]bool, error) {
	in := map[string]bool{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pDocDate}})
	defer it.Close()
	start := []byte{pDocDate}
	for i := 0; i < len(r.Until); i++ {
		start = append(start, ^r.Until[i])
	}
	for it.Seek(start); it.Valid(); it.Next() {
		pub, id, err := parseDocDateKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if pub == "" || r.Since != "" && pub < r.Since {
			break // older, or undated: outside r
		}
		if r.Contains(pub) {
			in[id] = true
		}
	}
	return in, nil
}

// inRange returns a function that reports whether document doc was
// published within r, collecting the documents in range on its first call.
func inRange(txn *badger.Txn, r graph.DateRange) func(doc string) (bool, error) {
	var in map[string]bool
	return func(doc string) (bool, error) {
		if in == nil {
			var err error
			if in, err = docsInRange(txn, r); err != nil {
				return false, err
			}
		}
		return in[doc], nil
	}
}

// docListCost is what reading one document's ID list costs against
// checking one fact of a keyspace scan: on the Reuters + BBC store a list
// took about 10 µs of CPU and a figure 2 µs (BENCHMARKS.md).
const docListCost = 5

// listFactsInRange lists, by ID, the facts of kind k stated by documents
// published within r. With few documents in range against the facts of
// the store it reads the documents' ID lists, so its cost follows the
// documents in range; otherwise it scans the keyspace, keeping the facts
// of those documents. Cursors are those of listFacts over the primary
// keyspace either way.
func listFactsInRange[T any](ctx context.Context, txn *badger.Txn, k *factKind[T], r graph.DateRange, p graph.Page) (graph.List[*T], error) {
	var out graph.List[*T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return out, err
	}
	if after != nil && !bytes.HasPrefix(after, []byte{k.prefix}) {
		return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	docs, err := docsInRange(txn, r)
	if err != nil {
		return out, err
	}
	facts, err := getCounter(tx(txn), k.counter)
	if err != nil {
		return out, err
	}
	if len(docs)*docListCost >= int(facts) {
		return listFacts(ctx, txn, k, nil, func(doc string, _ *T) (bool, error) { return docs[doc], nil }, -1, p)
	}
	var keys [][]byte
	for doc := range docs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		ids, err := docIDs(tx(txn), doc, k.contrib)
		if err != nil {
			return out, err
		}
		for _, id := range ids {
			keys = append(keys, key(k.prefix, id))
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	from := 0
	if after != nil {
		from, _ = slices.BinarySearchFunc(keys, after, func(k, after []byte) int {
			if c := bytes.Compare(k, after); c != 0 {
				return c
			}
			return -1 // the first key after the cursor
		})
	}
	out.TotalCount = len(keys)
	limit := p.Limit(defaultPage)
	for _, fk := range keys[from:] {
		if len(out.Items) == limit {
			out.HasNextPage = true
			break
		}
		v, ok, err := get(tx(txn), fk)
		if err != nil {
			return out, err
		}
		if !ok {
			return out, errCorrupt
		}
		rec, err := decodeFact[T](v)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, &rec.Fact)
		out.Cursors = append(out.Cursors, encodeCursor(fk))
	}
	return out, nil
}
