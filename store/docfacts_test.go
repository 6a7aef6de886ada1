package store

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// factKinds are the record kinds DocumentFacts lists.
var factKinds = []string{graph.RecordRelation, graph.RecordFigure, graph.RecordEvent, graph.RecordQuote}

// TestDocumentFacts: after random ingests, new versions, deletions and
// merges, every document's facts of every kind are those of a dump
// filtered to that document, and an unknown kind is EINVALID.
func TestDocumentFacts(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			db := MustOpenDB(t)
			listed := map[string]int{}
			for step := 0; step < 40; step++ {
				switch op := rng.Intn(10); {
				case op < 7:
					id := fmt.Sprintf("d%d", rng.Intn(12))
					if _, err := db.Ingest(ctx, []*graph.Extraction{synthetic(rng, id)}); err != nil {
						t.Fatal(err)
					}
				case op < 9:
					if err := db.DeleteDocument(ctx, fmt.Sprintf("d%d", rng.Intn(12))); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
						t.Fatal(err)
					}
				default:
					l, err := db.Entities(ctx, graph.EntityFilter{Type: graph.Place})
					if err != nil {
						t.Fatal(err)
					}
					if len(l.Items) >= 2 {
						if _, err := db.MergeEntities(ctx, []string{l.Items[0].ID}, l.Items[1].ID); err != nil {
							t.Fatal(err)
						}
					}
				}
				for i := 0; i < 13; i++ { // d12 never exists
					checkDocumentFacts(t, db, fmt.Sprintf("d%d", i), listed)
				}
			}
			for _, kind := range factKinds {
				if listed[kind] == 0 {
					t.Errorf("no document listed a %s", kind)
				}
			}
		})
	}
	t.Run("ErrInvalid", func(t *testing.T) {
		_, err := MustOpenDB(t).DocumentFacts(ctx, "d0", graph.RecordMention)
		wantCode(t, err, graph.EINVALID)
	})
}

// checkDocumentFacts compares doc's DocumentFacts with a dump filtered to
// doc, kind by kind, and adds how many facts of each kind it listed to
// listed.
func checkDocumentFacts(tb testing.TB, db *DB, doc string, listed map[string]int) {
	tb.Helper()
	want := map[string][]*graph.Record{}
	err := db.Dump(ctx, graph.DumpFilter{Documents: []string{doc}}, func(r *graph.Record) error {
		want[r.Kind] = append(want[r.Kind], r)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, kind := range factKinds {
		got, err := db.DocumentFacts(ctx, doc, kind)
		if err != nil {
			tb.Fatal(err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want[kind])
		if len(got) == 0 && len(want[kind]) == 0 {
			continue
		}
		if string(g) != string(w) {
			tb.Fatalf("%s %ss:\n got %s\nwant %s", doc, kind, g, w)
		}
		listed[kind] += len(got)
	}
}
