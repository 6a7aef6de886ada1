package store

import (
	"context"
	"math/rand"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// TestSnapshot: reads under a snapshot see the store as of the snapshot;
// a release during a read waits for it to end before the transaction is
// discarded; reads after the release see the latest state.
func TestSnapshot(t *testing.T) {
	db := MustOpenDB(t)
	doc := func(i int) *graph.Extraction {
		return benchExtraction(rand.New(rand.NewSource(int64(i))), "doc"+string(rune('a'+i)))
	}
	mustIngest(t, db, doc(0))
	sctx, release := db.Snapshot(context.Background())
	mustIngest(t, db, doc(1))
	if st, err := db.Stats(sctx); err != nil || st.Documents != 1 {
		t.Fatalf("stats under the snapshot: %d documents, %v; want 1", st.Documents, err)
	}
	if st := mustStats(t, db); st.Documents != 2 {
		t.Fatalf("stats without the snapshot: %d documents, want 2", st.Documents)
	}
	// Released in the middle of a read with an iterator open: Badger
	// would panic if the transaction were discarded then.
	err := db.view(sctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		release()
		it.Rewind()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	release() // twice is harmless
	if st, err := db.Stats(sctx); err != nil || st.Documents != 2 {
		t.Fatalf("stats after the release: %d documents, %v; want 2", st.Documents, err)
	}
}
