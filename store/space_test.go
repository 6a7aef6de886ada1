package store

import (
	"math/rand"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestDiskFull refuses writes while the file system reports less free
// space than the store keeps, with an ENOSPACE error and nothing of the
// refused batch stored; reads go on; once space is back the same ingest
// finishes with the counts of a store that never ran out.
func TestDiskFull(t *testing.T) {
	var free atomic.Uint64
	free.Store(1 << 40)
	db := MustOpenDB(t, func(c *config) {
		c.freeSpace = func(string) (uint64, error) { return free.Load(), nil }
	})
	ref := MustOpenDB(t)
	var docs []*graph.Extraction
	for i := range 12 {
		docs = append(docs, benchExtraction(rand.New(rand.NewSource(int64(i))), "doc"+string(rune('a'+i))))
	}
	mustIngest(t, db, docs[:4]...)
	before := mustStats(t, db)

	free.Store(defaultMinFree - 1)
	res, err := db.Ingest(ctx, docs[4:])
	if graph.ErrorCode(err) != graph.ENOSPACE {
		t.Fatalf("ingest on a full disk: %v, want %s", err, graph.ENOSPACE)
	}
	if res.Added != 0 {
		t.Errorf("ingest on a full disk reports %d documents added", res.Added)
	}
	if got := mustStats(t, db); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused ingest changed the store:\n%+v\nwas\n%+v", got, before)
	}
	if _, err := db.Document(ctx, docs[0].Document.ID); err != nil {
		t.Errorf("read on a full disk: %v", err)
	}
	if err := db.DeleteDocument(ctx, docs[0].Document.ID); graph.ErrorCode(err) != graph.ENOSPACE {
		t.Errorf("delete on a full disk: %v, want %s", err, graph.ENOSPACE)
	}

	free.Store(1 << 40)
	mustIngest(t, db, docs[4:]...)
	mustIngest(t, ref, docs...)
	if got, want := mustStats(t, db), mustStats(t, ref); !reflect.DeepEqual(got, want) {
		t.Errorf("after space came back: %+v, uninterrupted run: %+v", got, want)
	}
}

// TestMinFreeSpaceOff: WithMinFreeSpace(0) never refuses a write.
func TestMinFreeSpaceOff(t *testing.T) {
	db := MustOpenDB(t, WithMinFreeSpace(0), func(c *config) {
		c.freeSpace = func(string) (uint64, error) { return 0, nil }
	})
	mustIngest(t, db, benchExtraction(rand.New(rand.NewSource(1)), "doc"))
}

// TestFigureWithoutID: a figure ingested without an ID gets one (the
// store's, from its document and span), as before Figure.Validate.
func TestFigureWithoutID(t *testing.T) {
	db := MustOpenDB(t)
	x := extraction("d", "Officials said 12 people were killed.")
	v := 12.0
	ev := evidenceOf(x, "12 people")
	x.Figures = []*graph.Figure{{Value: &v, Measure: graph.Killed, Text: ev.Text, Evidence: ev, Confidence: 0.9}}
	mustIngest(t, db, x)
	figs, err := db.Figures(ctx, graph.FigureFilter{Measure: graph.Killed})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs.Items) != 1 || figs.Items[0].ID == "" {
		t.Fatalf("figures %+v, want one with an ID", figs.Items)
	}
}
