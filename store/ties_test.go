package store

import (
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// TestRelations_RankedAsInMemory checks that reading a page of relations
// from the ordered 'r' keys gives what ranking every edge in memory gives
// (items, cursors, totals, whether more follow), for every entity,
// direction, predicate filter and page size, and that a cursor of one
// continues the other.
func TestRelations_RankedAsInMemory(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub(), docA(), docB(), docC())
	// Retract one document: weights go down and some relations go.
	if err := db.DeleteDocument(ctx, docC().Document.ID); err != nil {
		t.Fatal(err)
	}
	recount(t, db)
	predSets := [][]string{nil, {graph.MentionedWith}, {graph.MemberOf, graph.EmployeeOf}, {graph.Met}, {graph.CitizenOf, graph.CitizenOf}}
	err := db.bdb.View(func(txn *badger.Txn) error {
		var ids []string
		for _, k := range scanKeys(txn, []byte{pEntity}) {
			id, _ := lastStr(k)
			ids = append(ids, id)
		}
		if len(ids) < 5 {
			t.Fatalf("%d entities", len(ids))
		}
		for _, id := range ids {
			for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
				for _, preds := range predSets {
					for _, first := range []int{1, 2, 50} {
						name := fmt.Sprintf("%s/%v/%v/%d", id, dir, preds, first)
						_, total, err := readRanked(txn, id, dir, preds, first)
						if err != nil {
							return err
						}
						var seen int
						for after, i := "", 0; ; i++ {
							p := graph.Page{First: first, After: after}
							a, err := rankedRelations(ctx, txn, id, dir, preds, p, total)
							if err != nil {
								return err
							}
							b, err := rankRelations(ctx, txn, id, dir, preds, "", p)
							if err != nil {
								return err
							}
							if got, want := listString(a), listString(b); got != want {
								t.Errorf("%s page %d: ordered keys give %s, in memory %s", name, i, got, want)
								break
							}
							seen += len(a.Items)
							if !a.HasNextPage || i > 20 {
								break
							}
							after = a.EndCursor()
						}
						if seen != total {
							t.Errorf("%s: listed %d of %d", name, seen, total)
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// listString renders a page with what the two rankings must agree on.
func listString(l graph.List[*graph.Relation]) string {
	s := fmt.Sprintf("total %d next %v:", l.TotalCount, l.HasNextPage)
	for i, r := range l.Items {
		s += fmt.Sprintf(" %s(%d %.2f %s)", r.ID, r.Weight, r.Confidence, l.Cursors[i])
	}
	return s
}

// TestNeighbors_AfterChanges checks the order of neighbours as weights
// change: a document that restates a relation moves its neighbour up, and
// its retraction moves it back.
func TestNeighbors_AfterChanges(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub())
	blair := "person/tony-blair"
	order := func() string {
		t.Helper()
		ns, err := db.Neighbors(ctx, blair, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		s := ""
		for _, e := range ns {
			s += e.ID + " "
		}
		return s
	}
	before := order()
	// A second document states Blair's tie to Iraq three times.
	x := extraction("iraq", "Tony Blair and Iraq.",
		ent{id: "person/tony-blair", typ: graph.Person, name: "Tony Blair", surfaces: []string{"Tony Blair"}},
		ent{id: "place/iraq", typ: graph.Place, name: "Iraq", surfaces: []string{"Iraq"}})
	x.Relations = append(x.Relations, &graph.Relation{Subject: blair, Predicate: graph.MentionedWith, Object: "place/iraq",
		Weight: 3, Confidence: 0.5, Symmetric: true, Evidence: []graph.Mention{evidenceOf(x, "Iraq")}})
	mustIngest(t, db, x)
	recount(t, db)
	if got, want := order(), "place/iraq person/gordon-brown organization/labour place/uk organization/reuters "; got != want {
		t.Errorf("after restating: %q, want %q", got, want)
	}
	ns, err := db.Neighbors(ctx, blair, graph.Place, 1)
	if err != nil || len(ns) != 1 || ns[0].ID != "place/iraq" {
		t.Errorf("first place: %v, %v", ns, err)
	}
	if err := db.DeleteDocument(ctx, "iraq"); err != nil {
		t.Fatal(err)
	}
	recount(t, db)
	if got := order(); got != before {
		t.Errorf("after retracting: %q, want %q", got, before)
	}
}
