package store

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// docHub gives Tony Blair relations of several strengths: Gordon Brown is
// his heaviest tie (weight 3), then Labour and the UK tie on weight 2 with
// Labour the more confident, then the rest, weight 1.
func docHub() *graph.Extraction {
	text := "Tony Blair and Gordon Brown spoke. Labour backed Tony Blair. The UK and Iraq. Reuters reported. Brussels hosted."
	x := extraction("hub", text,
		ent{id: "person/tony-blair", typ: graph.Person, name: "Tony Blair", surfaces: []string{"Tony Blair"}},
		ent{id: "person/gordon-brown", typ: graph.Person, name: "Gordon Brown", surfaces: []string{"Gordon Brown"}},
		ent{id: "organization/labour", typ: graph.Organization, name: "Labour", surfaces: []string{"Labour"}},
		ent{id: "place/uk", typ: graph.Place, name: "UK", surfaces: []string{"UK"}},
		ent{id: "place/iraq", typ: graph.Place, name: "Iraq", surfaces: []string{"Iraq"}},
		ent{id: "organization/reuters", typ: graph.Organization, name: "Reuters", surfaces: []string{"Reuters"}},
		ent{id: "place/brussels", typ: graph.Place, name: "Brussels", surfaces: []string{"Brussels"}},
	)
	rel := func(s, p, o, ev string, w int, conf float64) {
		x.Relations = append(x.Relations, &graph.Relation{Subject: s, Predicate: p, Object: o, Weight: w, Confidence: conf,
			Symmetric: p == graph.MentionedWith, Evidence: []graph.Mention{evidenceOf(x, ev)}})
	}
	blair := "person/tony-blair"
	rel(blair, graph.MentionedWith, "person/gordon-brown", "Gordon Brown", 3, 0.5)
	rel(blair, graph.MemberOf, "organization/labour", "Labour", 2, 0.9)
	rel(blair, graph.CitizenOf, "place/uk", "UK", 2, 0.7)
	rel(blair, graph.MentionedWith, "place/iraq", "Iraq", 1, 0.5)
	rel("organization/reuters", graph.EmployeeOf, blair, "Reuters", 1, 0.6) // inward
	rel("organization/labour", graph.BasedIn, "place/uk", "Labour", 1, 0.8)
	rel("place/uk", graph.MentionedWith, "place/brussels", "Brussels", 1, 0.5)
	return x
}

func relIDs(rs []*graph.Relation) string {
	var out []string
	for _, r := range rs {
		other := r.Object
		if other == "person/tony-blair" {
			other = r.Subject
		}
		out = append(out, other)
	}
	return strings.Join(out, " ")
}

func TestRelations_StrongestFirst(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub())
	blair := "person/tony-blair"
	all := "person/gordon-brown organization/labour place/uk organization/reuters place/iraq"
	tests := []struct {
		name string
		f    graph.RelationFilter
		want string
	}{
		{"Both", graph.RelationFilter{Entity: blair}, all},
		{"Out", graph.RelationFilter{Entity: blair, Direction: graph.Out}, "person/gordon-brown organization/labour place/uk place/iraq"},
		{"In", graph.RelationFilter{Entity: blair, Direction: graph.In}, "person/gordon-brown organization/reuters place/iraq"},
		{"Subject", graph.RelationFilter{Subject: blair}, "person/gordon-brown organization/labour place/uk place/iraq"},
		{"Object", graph.RelationFilter{Object: blair}, "person/gordon-brown organization/reuters place/iraq"},
		{"Predicates", graph.RelationFilter{Entity: blair, Predicates: []string{graph.MemberOf, graph.EmployeeOf}}, "organization/labour organization/reuters"},
		{"PredicateTwice", graph.RelationFilter{Entity: blair, Predicates: []string{graph.MemberOf, graph.MemberOf}}, "organization/labour"},
		{"PositionUnused", graph.RelationFilter{Entity: blair, Predicates: []string{"prime_minister_of"}}, ""},
		{"NoPredicates", graph.RelationFilter{Entity: blair, Predicates: []string{}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.Relations(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := relIDs(l.Items); got != tt.want {
				t.Errorf("order = %q, want %q", got, tt.want)
			}
			if n := len(strings.Fields(tt.want)); l.TotalCount != n {
				t.Errorf("total = %d, want %d", l.TotalCount, n)
			}
		})
	}
	t.Run("Pages", func(t *testing.T) {
		var got []*graph.Relation
		after := ""
		for i := 0; ; i++ {
			l, err := db.Relations(ctx, graph.RelationFilter{Entity: blair, Page: graph.Page{First: 2, After: after}})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, l.Items...)
			if !l.HasNextPage {
				break
			}
			if i > 5 {
				t.Fatal("pages do not end")
			}
			after = l.EndCursor()
		}
		if relIDs(got) != all {
			t.Errorf("paged order = %q, want %q", relIDs(got), all)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, p := range []string{"memberOf", "member of", ""} {
			_, err := db.Relations(ctx, graph.RelationFilter{Entity: blair, Predicates: []string{graph.Met, p}})
			wantCode(t, err, graph.EINVALID)
			if msg := graph.ErrorMessage(err); !strings.Contains(msg, "member_of") || !strings.Contains(msg, "based_in") {
				t.Errorf("message %q does not list the valid predicates", msg)
			}
		}
		_, err := db.Relations(ctx, graph.RelationFilter{Predicates: []string{"memberOf"}})
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("ErrInvalidCursor", func(t *testing.T) {
		_, err := db.Relations(ctx, graph.RelationFilter{Entity: blair, Page: graph.Page{After: encodeCursor([]byte("x"))}})
		wantCode(t, err, graph.EINVALID)
	})
}

// TestRelations_StrongestFirstOldEdges checks that edges written before
// they kept the relation's confidence still rank by it.
func TestRelations_StrongestFirstOldEdges(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub())
	// Rewrite every edge as the previous layout wrote it: relation,
	// weight, symmetric, and no confidence.
	err := db.bdb.Update(func(txn *badger.Txn) error {
		for _, ks := range []byte{pIn, pOut} {
			for _, k := range scanKeys(tx(txn), []byte{ks}) {
				v, _, err := get(tx(txn), k)
				if err != nil {
					return err
				}
				e, err := decodeEdge(v)
				if err != nil {
					return err
				}
				enc := encoder{}
				enc.str(e.Relation)
				enc.uint(uint64(e.Weight))
				enc.bool(e.Symmetric)
				if err := txn.Set(k, enc.b); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.Relations(ctx, graph.RelationFilter{Entity: "person/tony-blair"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := relIDs(l.Items), "person/gordon-brown organization/labour place/uk organization/reuters place/iraq"; got != want {
		t.Errorf("order = %q, want %q", got, want)
	}
	ns, err := db.Neighbors(ctx, "person/tony-blair", "", 0)
	if err != nil || len(ns) < 3 || ns[1].ID != "organization/labour" {
		t.Errorf("neighbors = %v, %v; want Labour second", ns, err)
	}
}

func TestNeighbors_StrongestFirst(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub())
	ns, err := db.Neighbors(ctx, "person/tony-blair", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ns {
		got = append(got, e.ID)
	}
	// Labour and the UK both weigh 2: Labour's relation is the more confident.
	if want := "person/gordon-brown organization/labour place/uk organization/reuters place/iraq"; strings.Join(got, " ") != want {
		t.Errorf("neighbors = %q, want %q", got, want)
	}
}

func TestPath_Predicates(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docHub())
	tests := []struct {
		name string
		f    graph.PathFilter
		want string // predicates along the path; "-" for none
	}{
		{"Any", graph.PathFilter{From: "person/tony-blair", To: "place/brussels"}, "citizen_of mentioned_with"},
		{"Typed", graph.PathFilter{From: "person/tony-blair", To: "place/uk", ExcludePredicates: []string{graph.MentionedWith, graph.CitizenOf}}, "member_of based_in"},
		{"Only", graph.PathFilter{From: "person/tony-blair", To: "place/uk", Predicates: []string{graph.MemberOf, graph.BasedIn}}, "member_of based_in"},
		{"OnlyAndExcluded", graph.PathFilter{From: "person/tony-blair", To: "place/uk", Predicates: []string{graph.MemberOf, graph.BasedIn}, ExcludePredicates: []string{graph.BasedIn}}, "-"},
		{"NoCoOccurrence", graph.PathFilter{From: "person/tony-blair", To: "place/brussels", ExcludePredicates: []string{graph.MentionedWith}}, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := db.Path(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			got := "-"
			if p != nil {
				var ps []string
				for _, r := range p {
					ps = append(ps, r.Predicate)
				}
				got = strings.Join(ps, " ")
			}
			if got != tt.want {
				t.Errorf("path = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("ErrInvalid", func(t *testing.T) {
		_, err := db.Path(ctx, graph.PathFilter{From: "person/tony-blair", To: "place/uk", ExcludePredicates: []string{"mentionedWith"}})
		wantCode(t, err, graph.EINVALID)
	})
}

func TestVocabulary(t *testing.T) {
	db := MustOpenDB(t)
	v, err := db.Vocabulary(ctx)
	if err != nil || len(v.Predicates)+len(v.Measures)+len(v.EventKinds)+len(v.EntityTypes) != 0 {
		t.Fatalf("empty store: %+v, %v", v, err)
	}
	mustIngest(t, db, docHub(), docA(), docC())
	v, err = db.Vocabulary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	str := func(ts []graph.TermCount) string {
		var out []string
		for _, x := range ts {
			out = append(out, x.Term+":"+strconv.Itoa(x.Count))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		got  []graph.TermCount
		want string
	}{
		{"Predicates", v.Predicates, "mentioned_with:6 based_in:1 citizen_of:1 employee_of:1 member_of:1 met:1"},
		{"Measures", v.Measures, "killed:1"},
		{"EventKinds", v.EventKinds, "visit:1"},
		{"EntityTypes", v.EntityTypes, "place:5 person:4 organization:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := str(tt.got); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFilters_ErrInvalid(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docC())
	tests := []struct {
		name string
		run  func() error
		code string
		list string // a valid value the message must name
	}{
		{"MeasureOK", func() error { _, err := db.Figures(ctx, graph.FigureFilter{Measure: graph.Killed}); return err }, "", ""},
		{"MeasureUnusedOK", func() error { _, err := db.Figures(ctx, graph.FigureFilter{Measure: graph.Refugees}); return err }, "", ""},
		{"Measure", func() error { _, err := db.Figures(ctx, graph.FigureFilter{Measure: "deaths"}); return err }, graph.EINVALID, "killed"},
		{"TotalsMeasure", func() error { _, err := db.FigureTotals(ctx, "deaths", ""); return err }, graph.EINVALID, "injured"},
		{"KindOK", func() error { _, err := db.Events(ctx, graph.EventFilter{Kind: "visit"}); return err }, "", ""},
		{"Kind", func() error { _, err := db.Events(ctx, graph.EventFilter{Kind: "visits"}); return err }, graph.EINVALID, "visit"},
		{"Order", func() error { _, err := db.Entities(ctx, graph.EntityFilter{OrderBy: "size"}); return err }, graph.EINVALID, "mentions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantCode(t, err, tt.code)
			if !strings.Contains(graph.ErrorMessage(err), tt.list) {
				t.Errorf("message %q does not list %q", graph.ErrorMessage(err), tt.list)
			}
		})
	}
}

func TestEntities_OrderBy(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB(), docC())
	ids := func(f graph.EntityFilter) string {
		t.Helper()
		var out []string
		for after := ""; ; {
			f.Page = graph.Page{First: 2, After: after}
			l, err := db.Entities(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range l.Items {
				out = append(out, e.ID)
			}
			if !l.HasNextPage {
				return strings.Join(out, " ")
			}
			after = l.EndCursor()
		}
	}
	tests := []struct {
		name string
		f    graph.EntityFilter
		want string
	}{
		{"MentionsPeople", graph.EntityFilter{Type: graph.Person, OrderBy: graph.ByMentions}, "person/vladimir-putin person/bashar-al-assad"},
		{"NamePlaces", graph.EntityFilter{Type: graph.Place, OrderBy: graph.ByName}, "place/damascus place/moscow place/russia place/sochi"},
		{"SearchByName", graph.EntityFilter{Search: "s", OrderBy: graph.ByName}, "place/sochi"},
		{"IDsByMentions", graph.EntityFilter{IDs: []string{"place/sochi", "person/vladimir-putin"}, OrderBy: graph.ByMentions}, "person/vladimir-putin place/sochi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.f); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("AllByMentions", func(t *testing.T) {
		l, err := db.Entities(ctx, graph.EntityFilter{OrderBy: graph.ByMentions, Page: graph.Page{First: 1000}})
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != mustStats(t, db).Entities || len(l.Items) != l.TotalCount {
			t.Fatalf("listed %d of %d", len(l.Items), l.TotalCount)
		}
		for i := 1; i < len(l.Items); i++ {
			a, b := l.Items[i-1], l.Items[i]
			if a.MentionCount < b.MentionCount || a.MentionCount == b.MentionCount && a.ID > b.ID {
				t.Errorf("%s (%d) before %s (%d)", a.ID, a.MentionCount, b.ID, b.MentionCount)
			}
		}
	})
}
