package store

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// manyPlaces is one document naming n places, each mentioned i+1 times
// times so that search ranking is well defined.
func manyPlaces(id string, n int) *graph.Extraction {
	var words []string
	var ents []ent
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Town%c%c", 'A'+i/26, 'a'+i%26)
		for j := 0; j <= i%3; j++ {
			words = append(words, name)
		}
		ents = append(ents, ent{id: graph.EntityID(graph.Place, name), typ: graph.Place, name: name, surfaces: []string{name}})
	}
	return extraction(id, strings.Join(words, " "), ents...)
}

// collect pages through a listing with a small page size and returns the
// IDs it visited.
func collect[T any](t *testing.T, first int, list func(graph.Page) (graph.List[T], error), id func(T) string) ([]string, int) {
	t.Helper()
	var ids []string
	p := graph.Page{First: first}
	total := -1
	for pages := 0; ; pages++ {
		l, err := list(p)
		if err != nil {
			t.Fatal(err)
		}
		if total >= 0 && l.TotalCount != total {
			t.Fatalf("total changed from %d to %d", total, l.TotalCount)
		}
		total = l.TotalCount
		if len(l.Items) > first || len(l.Items) != len(l.Cursors) {
			t.Fatalf("page of %d items, %d cursors", len(l.Items), len(l.Cursors))
		}
		for _, x := range l.Items {
			ids = append(ids, id(x))
		}
		if !l.HasNextPage {
			return ids, total
		}
		if pages > 1000 {
			t.Fatal("paging does not end")
		}
		p.After = l.EndCursor()
	}
}

func checkOnce(t *testing.T, ids []string, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("%s listed twice", id)
		}
		seen[id] = true
	}
	if len(seen) != want {
		t.Errorf("listed %d items, want %d", len(seen), want)
	}
}

func TestEntities(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, manyPlaces("p", 23), docA())
	entityID := func(e *graph.Entity) string { return e.ID }
	t.Run("PagingAll", func(t *testing.T) {
		ids, total := collect(t, 4, func(p graph.Page) (graph.List[*graph.Entity], error) {
			return db.Entities(ctx, graph.EntityFilter{Page: p})
		}, entityID)
		checkOnce(t, ids, 26)
		if total != 26 {
			t.Errorf("total = %d", total)
		}
	})
	t.Run("PagingByType", func(t *testing.T) {
		ids, total := collect(t, 3, func(p graph.Page) (graph.List[*graph.Entity], error) {
			return db.Entities(ctx, graph.EntityFilter{Type: graph.Place, Page: p})
		}, entityID)
		checkOnce(t, ids, 24)
		if total != 24 {
			t.Errorf("total = %d", total)
		}
	})
	t.Run("SearchRanked", func(t *testing.T) {
		ids, total := collect(t, 5, func(p graph.Page) (graph.List[*graph.Entity], error) {
			return db.Entities(ctx, graph.EntityFilter{Search: "TOWNA", Page: p})
		}, entityID)
		checkOnce(t, ids, 23)
		if total != 23 || ids[0] != "place/townac" {
			t.Errorf("total %d, first %v", total, ids[:3])
		}
	})
	t.Run("NameExactIgnoresCaseAndDiacritics", func(t *testing.T) {
		l, err := db.Entities(ctx, graph.EntityFilter{Name: "SÓCHI"})
		if err != nil || len(l.Items) != 1 || l.Items[0].ID != "place/sochi" {
			t.Fatalf("got %+v, %v", l.Items, err)
		}
	})
	t.Run("IDs", func(t *testing.T) {
		l, err := db.Entities(ctx, graph.EntityFilter{IDs: []string{"place/sochi", "person/putin", "place/nowhere"}})
		if err != nil || len(l.Items) != 2 {
			t.Fatalf("got %+v, %v", l.Items, err)
		}
		es, err := db.EntitiesByID(ctx, []string{"place/sochi", "place/nowhere"})
		if err != nil || es[0] == nil || es[1] != nil {
			t.Fatalf("EntitiesByID = %v, %v", es, err)
		}
	})
	t.Run("ErrInvalidCursor", func(t *testing.T) {
		_, err := db.Entities(ctx, graph.EntityFilter{Page: graph.Page{After: "!!"}})
		wantCode(t, err, graph.EINVALID)
		_, err = db.Entities(ctx, graph.EntityFilter{Page: graph.Page{After: encodeCursor([]byte("zzz"))}})
		wantCode(t, err, graph.EINVALID)
		// Lists sorted in memory check their cursors too.
		for _, f := range []graph.EntityFilter{{Search: "town"}, {IDs: []string{"place/sochi"}}} {
			f.Page.After = encodeCursor([]byte("foo"))
			_, err = db.Entities(ctx, f)
			wantCode(t, err, graph.EINVALID)
		}
		_, err = db.Documents(ctx, graph.DocumentFilter{Entity: "place/sochi", Page: graph.Page{After: encodeCursor([]byte("foo"))}})
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("SearchBySurname", func(t *testing.T) {
		for _, f := range []graph.EntityFilter{{Search: "ASSAD"}, {Search: "Ass", Type: graph.Person}} {
			l, err := db.Entities(ctx, f)
			if err != nil || len(l.Items) != 1 || l.Items[0].ID != "person/bashar-al-assad" {
				t.Errorf("search %+v: %v, %v", f, l.Items, err)
			}
		}
		l, err := db.Entities(ctx, graph.EntityFilter{Search: "assad", Type: graph.Place})
		if err != nil || len(l.Items) != 0 {
			t.Errorf("surname search outside people: %v, %v", l.Items, err)
		}
	})
	t.Run("SearchOfPunctuationFindsNothing", func(t *testing.T) {
		for _, q := range []string{"!!!", " ", "-", "\ufffd"} {
			l, err := db.Entities(ctx, graph.EntityFilter{Search: q})
			if err != nil || l.TotalCount != 0 || len(l.Items) != 0 {
				t.Errorf("search %q: %d items (total %d), %v", q, len(l.Items), l.TotalCount, err)
			}
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.Entity(ctx, "person/nobody")
		wantCode(t, err, graph.ENOTFOUND)
		_, err = db.Mentions(ctx, "person/nobody", graph.Page{})
		wantCode(t, err, graph.ENOTFOUND)
	})
	t.Run("MentionsPaging", func(t *testing.T) {
		ids, total := collect(t, 2, func(p graph.Page) (graph.List[graph.Mention], error) {
			return db.Mentions(ctx, "place/townac", p)
		}, func(m graph.Mention) string { return fmt.Sprint(m.Start) })
		checkOnce(t, ids, 3)
		if total != 3 {
			t.Errorf("total = %d", total)
		}
	})
}

func TestRelations(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB(), docC())
	putin := "person/vladimir-putin"
	tests := []struct {
		name string
		f    graph.RelationFilter
		want int
	}{
		{"All", graph.RelationFilter{}, 6},
		{"Predicate", graph.RelationFilter{Predicates: []string{graph.MentionedWith}}, 4},
		{"EntityBoth", graph.RelationFilter{Entity: putin}, 5},
		{"EntityOut", graph.RelationFilter{Entity: putin, Direction: graph.Out}, 5}, // symmetric ones count both ways
		{"EntityIn", graph.RelationFilter{Entity: "place/russia", Direction: graph.In}, 1},
		{"EntityInNone", graph.RelationFilter{Entity: putin, Direction: graph.In, Predicates: []string{"president_of"}}, 0},
		{"SubjectObject", graph.RelationFilter{Subject: putin, Object: "place/russia"}, 1},
		{"MergedID", graph.RelationFilter{Subject: "person/putin", Predicates: []string{graph.Met}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.Relations(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Items) != tt.want || l.TotalCount != tt.want {
				t.Errorf("got %d items (total %d), want %d", len(l.Items), l.TotalCount, tt.want)
			}
		})
	}
	t.Run("RoleAndEvidence", func(t *testing.T) {
		l, err := db.Relations(ctx, graph.RelationFilter{Predicates: []string{"president_of"}})
		if err != nil || len(l.Items) != 1 {
			t.Fatal(err)
		}
		r := l.Items[0]
		if r.Role != "President" || r.Weight != 1 || len(r.Evidence) != 1 || r.Evidence[0].Document != "b" {
			t.Errorf("relation = %+v", r)
		}
	})
	t.Run("Path", func(t *testing.T) {
		p, err := db.Path(ctx, graph.PathFilter{From: "place/moscow", To: "place/damascus"})
		if err != nil {
			t.Fatal(err)
		}
		var chain []string
		for _, r := range p {
			chain = append(chain, r.Subject+" "+r.Predicate+" "+r.Object)
		}
		want := []string{
			"person/vladimir-putin mentioned_with place/moscow",
			"person/bashar-al-assad mentioned_with person/vladimir-putin",
			"person/bashar-al-assad mentioned_with place/damascus",
		}
		if len(chain) != 3 || chain[0] != want[0] || chain[2] != want[2] {
			t.Errorf("path = %q", chain)
		}
		for _, r := range p {
			if len(r.Evidence) == 0 {
				t.Errorf("relation %s without evidence", r.ID)
			}
		}
		if p, err := db.Path(ctx, graph.PathFilter{From: "place/moscow", To: "place/damascus", MaxHops: 2}); err != nil || p != nil {
			t.Errorf("2-hop path = %v, %v", p, err)
		}
		_, err = db.Path(ctx, graph.PathFilter{From: "place/moscow", To: "place/nowhere", MaxHops: 3})
		wantCode(t, err, graph.ENOTFOUND)
	})
	t.Run("Neighbors", func(t *testing.T) {
		ns, err := db.Neighbors(ctx, putin, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, n := range ns {
			ids = append(ids, n.ID)
		}
		// Assad: met + mentioned_with (weight 2); the rest weight 1 by ID.
		want := []string{"person/bashar-al-assad", "place/moscow", "place/russia", "place/sochi"}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("neighbors = %q, want %q", ids, want)
		}
		ns, err = db.Neighbors(ctx, putin, graph.Person, 5)
		if err != nil || len(ns) != 1 {
			t.Errorf("person neighbors = %v, %v", ns, err)
		}
	})
}

func TestFactsAndDocuments(t *testing.T) {
	db := MustOpenDB(t)
	c2 := docC()
	c2.Document.ID, c2.Document.Published = "c2", "2015-11-01"
	for _, f := range c2.Figures {
		v := 30.0
		f.Value, f.Evidence.Document = &v, "c2"
	}
	for _, e := range c2.Entities {
		for i := range e.Mentions {
			e.Mentions[i].Document = "c2"
		}
	}
	for _, r := range c2.Relations {
		r.Evidence[0].Document = "c2"
	}
	c2.Events[0].Evidence[0].Document, c2.Quotes[0].Evidence.Document = "c2", "c2"
	mustIngest(t, db, docA(), docB(), docC(), c2)

	t.Run("FactIDCollision", func(t *testing.T) {
		l, err := db.Figures(ctx, graph.FigureFilter{})
		if err != nil || l.TotalCount != 2 || l.Items[0].ID != "c/fig/1" || l.Items[1].ID != "c/fig/1@c2" {
			t.Fatalf("figures = %+v, %v", l.Items, err)
		}
	})
	t.Run("FigureTotals", func(t *testing.T) {
		ts, err := db.FigureTotals(ctx, graph.Killed, "")
		if err != nil {
			t.Fatal(err)
		}
		// Two reports of one toll (the killed in Damascus): the latest
		// counts, never their sum (42).
		sum := 30.0
		want := []*graph.FigureTotal{{Measure: graph.Killed, Place: "place/damascus", Count: 2, Tallies: 1, Sum: &sum, Min: 12, Max: 30, Documents: 2}}
		if !reflect.DeepEqual(ts, want) {
			t.Errorf("totals = %s", jsonOf(ts))
		}
	})
	t.Run("Filters", func(t *testing.T) {
		figs, err := db.Figures(ctx, graph.FigureFilter{Entity: "place/damascus", Measure: graph.Killed})
		if err != nil || figs.TotalCount != 2 {
			t.Errorf("figures by entity = %d, %v", figs.TotalCount, err)
		}
		figs, err = db.Figures(ctx, graph.FigureFilter{About: "place/damascus"})
		if err != nil || figs.TotalCount != 0 {
			t.Errorf("figures about = %d, %v", figs.TotalCount, err)
		}
		evs, err := db.Events(ctx, graph.EventFilter{Participant: "person/bashar-al-assad", Kind: "visit"})
		if err != nil || evs.TotalCount != 2 {
			t.Errorf("events = %d, %v", evs.TotalCount, err)
		}
		qs, err := db.Quotes(ctx, graph.QuoteFilter{Speaker: "person/bashar-al-assad"})
		if err != nil || qs.TotalCount != 2 || qs.Items[0].Text != "We will win" {
			t.Errorf("quotes = %+v, %v", qs.Items, err)
		}
	})
	t.Run("DocumentsNewestFirst", func(t *testing.T) {
		ids, total := collect(t, 1, func(p graph.Page) (graph.List[*graph.Document], error) {
			return db.Documents(ctx, graph.DocumentFilter{Page: p})
		}, func(d *graph.Document) string { return d.ID })
		if !reflect.DeepEqual(ids, []string{"c2", "b", "a", "c"}) || total != 4 {
			t.Errorf("documents = %q (total %d)", ids, total)
		}
		l, err := db.Documents(ctx, graph.DocumentFilter{DateRange: graph.DateRange{Since: "2015-10-22"}})
		if err != nil || l.TotalCount != 3 {
			t.Errorf("since: %d, %v", l.TotalCount, err)
		}
		l, err = db.Documents(ctx, graph.DocumentFilter{Entity: "person/putin"})
		if err != nil || l.TotalCount != 4 || l.Items[0].ID != "c2" {
			t.Errorf("by entity: %d, %v", l.TotalCount, err)
		}
		d, err := db.Document(ctx, "a")
		if err != nil || d.Place != "place/sochi" {
			t.Errorf("document a = %+v, %v", d, err)
		}
	})
}

func TestPath_Shortest(t *testing.T) {
	x := manyPlaces("chain", 6)
	id := func(i int) string { return x.Entities[i].ID }
	name := func(i int) string { return x.Entities[i].Name }
	// A long way round 0-1-2-3-4 and a short one 0-5-4.
	for _, e := range [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 4}} {
		withRel(x, id(e[0]), graph.LocatedIn, id(e[1]), name(e[0]))
	}
	db := MustOpenDB(t)
	mustIngest(t, db, x)
	tests := []struct {
		name     string
		from, to int
		hops     int
		want     int // relations; -1 for none
	}{
		{"Shortcut", 0, 4, 0, 2},
		{"Backwards", 4, 0, 0, 2},
		{"Adjacent", 2, 3, 1, 1},
		{"TooFar", 1, 3, 1, -1},
		{"Itself", 2, 2, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := db.Path(ctx, graph.PathFilter{From: id(tt.from), To: id(tt.to), MaxHops: tt.hops})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(p); (tt.want < 0 && p != nil) || (tt.want >= 0 && got != tt.want) {
				t.Errorf("path of %d relations, want %d", got, tt.want)
			}
			// Consecutive relations share an entity.
			for i := 1; i < len(p); i++ {
				a, b := p[i-1], p[i]
				if a.Subject != b.Subject && a.Subject != b.Object && a.Object != b.Subject && a.Object != b.Object {
					t.Errorf("relations %d and %d are not linked", i-1, i)
				}
			}
		})
	}
	t.Run("ErrLimit", func(t *testing.T) {
		_, err := db.Path(ctx, graph.PathFilter{From: id(0), To: id(4), MaxHops: 50})
		wantCode(t, err, graph.ELIMIT)
	})
}
