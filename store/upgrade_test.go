package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// downgradeNames turns a store's name index back into layout 12's, one
// list of IDs per name, and stamps it 12: the store the previous
// factgraph would have written (its lists held the same IDs, sorted).
func downgradeNames(t *testing.T, db *DB) {
	t.Helper()
	lists := map[string][]string{}
	var order []string
	err := db.bdb.View(func(txn *badger.Txn) error {
		return tx(txn).scan([]byte{pName}, false, func(k, _ []byte) error {
			if _, err := parseKey(k, pName, 2); err == nil {
				return nil // a name's key, set again below
			}
			parts, err := parseKey(k, pName, 3)
			if err != nil {
				return err
			}
			lk := string(key(pName, parts[0], parts[1]))
			if lists[lk] == nil {
				order = append(order, lk)
			}
			lists[lk] = append(lists[lk], parts[2])
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	wb := db.bdb.NewWriteBatch()
	for _, lk := range order {
		for _, id := range lists[lk] {
			if err := wb.Delete(memberKey([]byte(lk), id)); err != nil {
				t.Fatal(err)
			}
		}
		if err := wb.Set([]byte(lk), encodeIDs(lists[lk])); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Set(versionKey(), binary.BigEndian.AppendUint32(nil, 12)); err != nil {
		t.Fatal(err)
	}
	if err := wb.Flush(); err != nil {
		t.Fatal(err)
	}
	if len(order) == 0 {
		t.Fatal("no name index to downgrade")
	}
}

// TestNameIndexUpgrade builds a store of Reuters stories, the examples,
// replaced documents, synthetic ones and deletions; a copy of it turned
// into layout 12 (lists of IDs under 'n') is refused read-only, and
// opened for writing is converted to the same store key for key: the
// same dump, the same answers to name lookups and searches, and the same
// store after more documents go into both. A conversion cut short
// (some lists converted, one half) is finished by the next open.
func TestNameIndexUpgrade(t *testing.T) {
	xs := bulkCorpus(t, 300)
	more := xs[len(xs)-20:]
	xs = xs[:len(xs)-20]
	dirA, dirB := t.TempDir(), t.TempDir()
	a, err := Open(dirA)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { a.Close() }()
	ingestBatches(t, a, xs)
	for _, id := range []string{xs[5].Document.ID, xs[40].Document.ID, "syn3"} {
		if err := a.DeleteDocument(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := recount(t, a), mustStats(t, a); !reflect.DeepEqual(got, want) {
		t.Fatalf("scan %+v, counters %+v", got, want)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dirB, os.DirFS(dirA)); err != nil {
		t.Fatal(err)
	}
	if a, err = Open(dirA); err != nil {
		t.Fatal(err)
	}

	b, err := Open(dirB)
	if err != nil {
		t.Fatal(err)
	}
	downgradeNames(t, b)
	// A conversion cut short: one list converted, one half converted.
	err = b.bdb.Update(func(txn *badger.Txn) error {
		n := 0
		return tx(txn).scan([]byte{pName}, true, func(k, v []byte) error {
			if len(v) == 0 {
				return nil // a member
			}
			ids, err := decodeIDs(v)
			if err != nil || len(ids) < 2 || n >= 2 {
				return err
			}
			n++
			if n == 1 {
				err = convertList(txn, bytes.Clone(k), ids)
			} else {
				err = txn.Set(memberKey(bytes.Clone(k), ids[0]), nil)
			}
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dirB, WithReadOnly()); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(err), "opens the store for writing") {
		t.Fatalf("open a layout 12 store read-only: %v, want EINVALID saying it converts when opened for writing", err)
	}
	// Memtables so small that the conversion takes many transactions, and
	// the longest lists several each.
	if b, err = Open(dirB, WithMemTableSize(8<<10)); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = Open(dirB); err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	sameKeys(t, a, b)
	if da, db := dumpJSON(t, a, graph.DumpFilter{}), dumpJSON(t, b, graph.DumpFilter{}); da != db {
		t.Errorf("dumps differ:\n%s", lineDiff(da, db))
	}
	for _, f := range []graph.EntityFilter{
		{Name: "Reuters"}, {Name: "last year", Type: graph.Date}, {Search: "bank"}, {Search: "u"},
		{Name: "United States", Search: "united"}, {Search: "smith", Type: graph.Person},
	} {
		la, err := a.Entities(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		lb, err := b.Entities(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(la, lb) {
			t.Errorf("Entities(%+v): %d items, after the upgrade %d", f, len(la.Items), len(lb.Items))
		}
	}
	ingestBatches(t, a, more)
	ingestBatches(t, b, more)
	sameKeys(t, a, b)
	if got, want := recount(t, b), mustStats(t, b); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded store: scan %+v, counters %+v", got, want)
	}
}
