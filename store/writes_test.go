package store

import (
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// TestWriteCounts: the counts of a store opened WithWriteCounts are the
// keys and values its commits left, key by key: a document ingested into
// an empty store writes exactly what the store then holds (nothing is
// deleted), and a store opened without the option counts nothing.
func TestWriteCounts(t *testing.T) {
	db := MustOpenDB(t, WithWriteCounts())
	x := extraction("doc1", "Angela Merkel met Emmanuel Macron in Paris.",
		ent{id: "person/angela-merkel", typ: graph.Person, name: "Angela Merkel", surfaces: []string{"Angela Merkel"}},
		ent{id: "person/emmanuel-macron", typ: graph.Person, name: "Emmanuel Macron", surfaces: []string{"Emmanuel Macron"}},
		ent{id: "place/paris", typ: graph.Place, name: "Paris", surfaces: []string{"Paris"}})
	withRel(x, "person/angela-merkel", "met", "person/emmanuel-macron", "met")
	mustIngest(t, db, x)
	want := map[string]WriteCount{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if string(k) == string(versionKey()) {
				continue // stamped by Open, not by a commit
			}
			name := string(rune(k[0]))
			if k[0] == pMeta {
				name = "meta"
			}
			c := want[name]
			c.Sets++
			c.KeyBytes += int64(len(k))
			c.ValueBytes += it.Item().ValueSize()
			want[name] = c
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := db.WriteCounts()
	if len(got) != len(want) {
		t.Errorf("counted prefixes %v, want %v", got, want)
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("prefix %q: counted %+v, stored %+v", p, got[p], w)
		}
	}
	if got["R"].Sets != 1 || got["e"].Sets != 3 {
		t.Errorf("counted %d relations and %d entities, want 1 and 3", got["R"].Sets, got["e"].Sets)
	}
	if plain := MustOpenDB(t); plain.WriteCounts() != nil {
		t.Error("a store opened without WithWriteCounts counts writes")
	}
}
