package store

import (
	"fmt"
	"math/rand"
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
				l, err := db.Relations(ctx, graph.RelationFilter{Entity: e.ID, Direction: dir, Predicates: onlyPred(pred), Page: graph.Page{First: 1000}})
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
			if err := eachSupport(tx(txn), r.ID, func(_ string, s *supportRec) error {
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

// A relation stated by many documents with long evidence keeps only the
// start of its evidence in its record; rendering it still gives the first
// maxEvidence mentions, through ingests in any document order and
// deletions.
func TestEvidence_BeyondInline(t *testing.T) {
	db := MustOpenDB(t)
	long := " said the officials in a statement that was long enough to fill the inline evidence of a relation quickly."
	doc := func(i int) *graph.Extraction {
		id := fmt.Sprintf("d%02d", i)
		text := "Putin met Assad" + long
		x := extraction(id, text,
			ent{id: "person/putin", typ: graph.Person, name: "Putin", surfaces: []string{"Putin"}},
			ent{id: "person/assad", typ: graph.Person, name: "Assad", surfaces: []string{"Assad"}})
		withRel(x, "person/putin", graph.Met, "person/assad", "Putin met Assad"+long)
		return x
	}
	rng := rand.New(rand.NewSource(3))
	order := rng.Perm(30)
	for step, i := range order {
		mustIngest(t, db, doc(i))
		checkEvidence(t, db)
		if step%7 == 6 {
			if err := db.DeleteDocument(ctx, fmt.Sprintf("d%02d", order[rng.Intn(step)])); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Fatal(err)
			}
			checkEvidence(t, db)
		}
	}
	l, err := db.Relations(ctx, graph.RelationFilter{Predicates: []string{graph.Met}})
	if err != nil || len(l.Items) != 1 || len(l.Items[0].Evidence) != maxEvidence {
		t.Fatalf("got %+v, %v; want one relation with %d evidence mentions", l.Items, err, maxEvidence)
	}
	next := jsonRecords(dumpJSON(t, db, graph.DumpFilter{}))
	dumped := 0
	for r, err := next(); err == nil; r, err = next() {
		if r.Relation != nil {
			dumped++
			if !reflect.DeepEqual(r.Relation.Evidence, l.Items[0].Evidence) {
				t.Errorf("dumped evidence %v, want %v", r.Relation.Evidence, l.Items[0].Evidence)
			}
		}
	}
	if dumped != 1 {
		t.Errorf("dumped %d relations, want 1", dumped)
	}
}
