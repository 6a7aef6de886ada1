package store

import (
	"reflect"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// checkDegrees fails unless, for every entity, direction and predicate,
// the total count of Relations by entity equals a count over every
// relation, and the listing holds that many relations.
func checkDegrees(t *testing.T, db *DB) {
	t.Helper()
	all, err := db.Relations(ctx, graph.RelationFilter{Page: graph.Page{First: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	ents, err := db.Entities(ctx, graph.EntityFilter{Page: graph.Page{First: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	preds := map[string]bool{"": true}
	for _, r := range all.Items {
		preds[r.Predicate] = true
	}
	for _, e := range ents.Items {
		for pred := range preds {
			for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
				want := 0
				for _, r := range all.Items {
					if pred != "" && r.Predicate != pred {
						continue
					}
					out, in := r.Subject == e.ID, r.Object == e.ID
					switch dir {
					case graph.Both:
						if out || in {
							want++
						}
					case graph.Out:
						if out || r.Symmetric && in {
							want++
						}
					case graph.In:
						if in || r.Symmetric && out {
							want++
						}
					}
				}
				l, err := db.Relations(ctx, graph.RelationFilter{Entity: e.ID, Direction: dir, Predicate: pred, Page: graph.Page{First: 1000}})
				if err != nil {
					t.Fatal(err)
				}
				if l.TotalCount != want || len(l.Items) != want {
					t.Fatalf("relations of %s, direction %d, predicate %q: total %d, listed %d, want %d", e.ID, dir, pred, l.TotalCount, len(l.Items), want)
				}
			}
		}
	}
}

// checkEvidence fails unless every relation's evidence, kept with the
// relation, equals the first maxEvidence mentions of its supports in
// document order.
func checkEvidence(t *testing.T, db *DB) {
	t.Helper()
	all, err := db.Relations(ctx, graph.RelationFilter{Page: graph.Page{First: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	err = db.bdb.View(func(txn *badger.Txn) error {
		for _, r := range all.Items {
			var want []graph.Mention
			if err := eachSupport(txn, r.ID, func(_ string, s *supportRec) error {
				want = append(want, s.Evidence...)
				return nil
			}); err != nil {
				return err
			}
			want = want[:min(len(want), maxEvidence)]
			if len(want) == 0 {
				want = nil
			}
			got := r.Evidence
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("relation %s: evidence %v, supports give %v", r.ID, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
