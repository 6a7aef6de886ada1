package store

import (
	"cmp"
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestRelationsInRange: relations listed with since and until are those
// the documents published in the range state, with those documents'
// weight, confidence and evidence, as computed here from the extractions;
// an entity's come strongest first in the range, in every direction, and
// pages of two are the whole list.
func TestRelationsInRange(t *testing.T) {
	dates := []string{"", "1987-02-26T15:01:01", "2004", "2004-03", "2004-03-15", "2004-04-01", "2005-01-01"}
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(7))
	var xs []*graph.Extraction
	for i := 0; i < 6*len(dates); i++ {
		x := synthetic(rng, fmt.Sprintf("d%02d", i))
		x.Document.Published = dates[i%len(dates)]
		xs = append(xs, x)
	}
	mustIngest(t, db, xs...)

	type want struct {
		rel  *graph.Relation
		docs map[string]bool
	}
	// expect computes the relations in r from what each document in it
	// states (DocumentFacts).
	expect := func(r graph.DateRange) map[string]*want {
		out := map[string]*want{}
		for _, x := range xs {
			if !r.Contains(x.Document.Published) {
				continue
			}
			recs, err := db.DocumentFacts(ctx, x.Document.ID, graph.RecordRelation)
			if err != nil {
				t.Fatal(err)
			}
			for _, rec := range recs {
				rel := rec.Relation
				w := out[rel.ID]
				if w == nil {
					w = &want{rel: &graph.Relation{ID: rel.ID, Subject: rel.Subject, Predicate: rel.Predicate, Object: rel.Object}, docs: map[string]bool{}}
					out[rel.ID] = w
				}
				w.rel.Weight += rel.Weight
				w.rel.Confidence = max(w.rel.Confidence, rel.Confidence)
				w.docs[x.Document.ID] = true
			}
		}
		return out
	}
	// list reads every page of two of f.
	list := func(t *testing.T, f graph.RelationFilter) []*graph.Relation {
		t.Helper()
		var got []*graph.Relation
		f.Page = graph.Page{First: 2}
		for {
			l, err := db.Relations(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, l.Items...)
			if !l.HasNextPage {
				return got
			}
			f.After = l.Cursors[len(l.Cursors)-1]
		}
	}
	check := func(t *testing.T, f graph.RelationFilter, all map[string]*want, keep func(*graph.Relation) bool, strongest bool) {
		t.Helper()
		var wants []*want
		for _, w := range all {
			if keep(w.rel) {
				wants = append(wants, w)
			}
		}
		slices.SortFunc(wants, func(a, b *want) int {
			if strongest {
				if c := cmp.Compare(b.rel.Weight, a.rel.Weight); c != 0 {
					return c
				}
				if c := cmp.Compare(b.rel.Confidence, a.rel.Confidence); c != 0 {
					return c
				}
			}
			return cmp.Compare(a.rel.ID, b.rel.ID)
		})
		got := list(t, f)
		if len(got) != len(wants) {
			t.Fatalf("%+v: %d relations, want %d", f, len(got), len(wants))
		}
		for i, g := range got {
			w := wants[i]
			if g.ID != w.rel.ID || g.Weight != w.rel.Weight || g.Confidence != w.rel.Confidence || g.Subject != w.rel.Subject || g.Object != w.rel.Object {
				t.Fatalf("relation %d: %s %s→%s weight %d conf %v, want %s %s→%s weight %d conf %v", i,
					g.ID, g.Subject, g.Object, g.Weight, g.Confidence, w.rel.ID, w.rel.Subject, w.rel.Object, w.rel.Weight, w.rel.Confidence)
			}
			if len(g.Evidence) == 0 {
				t.Errorf("%s has no evidence", g.ID)
			}
			for _, m := range g.Evidence {
				if !w.docs[m.Document] {
					t.Errorf("%s: evidence from %s, outside the range", g.ID, m.Document)
				}
			}
		}
	}
	// The entity with most relations: a narrow range states fewer
	// relations than it has, so its relations there come from the
	// documents' lists rather than its edges.
	degree := map[string]int{}
	for _, r := range list(t, graph.RelationFilter{}) {
		degree[r.Subject]++
		degree[r.Object]++
	}
	hub := ""
	for e, n := range degree {
		if hub == "" || n > degree[hub] || n == degree[hub] && e < hub {
			hub = e
		}
	}
	if degree[hub] <= 6 {
		t.Fatalf("the best-connected entity has %d relations: too few for the narrow ranges to read the documents' lists", degree[hub])
	}
	for _, r := range []graph.DateRange{{Since: "2004"}, {Since: "2004", Until: "2004-03"}, {Since: "1987-02-26", Until: "1987-02-26"}, {Until: "1990"}, {Since: "2006"}} {
		all := expect(r)
		t.Run(r.Since+"_"+r.Until, func(t *testing.T) {
			check(t, graph.RelationFilter{DateRange: r}, all, func(*graph.Relation) bool { return true }, false)
			check(t, graph.RelationFilter{DateRange: r, Predicates: []string{graph.Met, "located_in"}}, all,
				func(x *graph.Relation) bool { return x.Predicate == graph.Met || x.Predicate == "located_in" }, false)
			for _, e := range []string{hub, graph.EntityID(graph.Place, "Aleppo")} {
				touches := func(x *graph.Relation) bool { return x.Subject == e || x.Object == e }
				sym := func(x *graph.Relation) bool { return x.Predicate == graph.Met || x.Predicate == graph.MentionedWith }
				check(t, graph.RelationFilter{Entity: e, DateRange: r}, all, touches, true)
				check(t, graph.RelationFilter{Entity: e, Direction: graph.Out, DateRange: r}, all,
					func(x *graph.Relation) bool { return x.Subject == e || sym(x) && touches(x) }, true)
				check(t, graph.RelationFilter{Object: e, DateRange: r}, all,
					func(x *graph.Relation) bool { return x.Object == e || sym(x) && touches(x) }, true)
				check(t, graph.RelationFilter{Subject: e, Object: hub, DateRange: r}, all,
					func(x *graph.Relation) bool {
						return x.Subject == e && x.Object == hub || sym(x) && x.Subject == hub && x.Object == e
					}, true)
			}
		})
	}
	t.Run("ErrInvalid", func(t *testing.T) {
		_, err := db.Relations(ctx, graph.RelationFilter{DateRange: graph.DateRange{Since: "2004-13"}})
		wantCode(t, err, graph.EINVALID)
		l, err := db.Relations(ctx, graph.RelationFilter{Page: graph.Page{First: 1}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Relations(ctx, graph.RelationFilter{Entity: hub, DateRange: graph.DateRange{Since: "2004"}, Page: graph.Page{After: l.Cursors[0]}})
		wantCode(t, err, graph.EINVALID)
	})
}
