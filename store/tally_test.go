package store

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// scanTallies reconciles the tallies from a listing of every figure, as
// the store would without its tally keyspace.
func scanTallies(t *testing.T, db *DB) []*graph.Tally {
	t.Helper()
	l, err := db.Figures(ctx, graph.FigureFilter{Page: graph.Page{First: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	return graph.TallyFigures(l.Items)
}

// withReports fills each tally's reports from TallyReports, two a page
// (so that the pages' cursors are used), and returns the tallies.
func withReports(t *testing.T, db *DB, ts []*graph.Tally) []*graph.Tally {
	t.Helper()
	for _, tl := range ts {
		if tl.Reports != nil {
			t.Fatalf("tally %s read from its summary has reports", tl.ID)
		}
		after := ""
		for {
			l, err := db.TallyReports(ctx, tl.ID, graph.Page{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if l.TotalCount != tl.Count {
				t.Fatalf("tally %s: %d reports, its summary says %d", tl.ID, l.TotalCount, tl.Count)
			}
			for _, r := range l.Items {
				tl.Reports = append(tl.Reports, *r)
			}
			if !l.HasNextPage {
				break
			}
			after = l.EndCursor()
		}
	}
	return ts
}

// checkTotals fails unless the stored tallies and FigureTotals equal those
// reconciled from a scan of the figures.
func checkTotals(t *testing.T, db *DB) {
	t.Helper()
	want := scanTallies(t, db)
	l, err := db.Tallies(ctx, graph.TallyFilter{Page: graph.Page{First: graph.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	got := withReports(t, db, slices.Clone(l.Items))
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	if len(got) == 0 {
		got = []*graph.Tally{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Tallies:\n got %s\nwant %s", jsonOf(got), jsonOf(want))
	}
	// Each measure's ranking lists the same tallies, the most reported
	// first.
	byMeasure := map[string][]*graph.Tally{}
	for _, w := range want {
		byMeasure[w.Measure] = append(byMeasure[w.Measure], w)
	}
	for m, ws := range byMeasure {
		l, err := db.Tallies(ctx, graph.TallyFilter{Measure: m, Page: graph.Page{First: graph.MaxPageSize}})
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != len(ws) || !slices.IsSortedFunc(l.Items, func(a, b *graph.Tally) int { return b.Count - a.Count }) {
			t.Fatalf("Tallies(%s): %d, %s", m, l.TotalCount, jsonOf(l.Items))
		}
		got := withReports(t, db, slices.Clone(l.Items))
		sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
		if !reflect.DeepEqual(got, ws) {
			t.Fatalf("Tallies(%s):\n got %s\nwant %s", m, jsonOf(got), jsonOf(ws))
		}
	}
	totals, err := db.FigureTotals(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if wantTotals := graph.TotalTallies(want, nil); !reflect.DeepEqual(totals, wantTotals) {
		t.Fatalf("FigureTotals:\n got %s\nwant %s", jsonOf(totals), jsonOf(wantTotals))
	}
}

// killedIn returns document id, published on date, reporting value killed
// (with qualifier q) about the Syrian civil war, in Syria.
func killedIn(id, date, q string, value float64) *graph.Extraction {
	text := "In Syria " + q + " 7 people have been killed in the Syrian civil war."
	x := extraction(id, text,
		ent{id: "syria", typ: graph.Place, name: "Syria", surfaces: []string{"Syria"}},
		ent{id: "war", typ: graph.Event, name: "Syrian civil war", surfaces: []string{"Syrian civil war"}})
	x.Document.Published = date
	v := value
	ev := evidenceOf(x, "7 people")
	x.Figures = []*graph.Figure{{ID: id + "/f", Value: &v, Qualifier: q, Measure: graph.Killed, Counted: "people", Kind: graph.KindToll,
		About: "war", Place: "syria", Text: ev.Text, Evidence: ev, Confidence: 0.8}}
	return x
}

func TestTallies(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db,
		killedIn("later", "2017-11-21", "", 450000),
		killedIn("earlier", "2016-04-23T10:00:00Z", "more than", 400000))
	checkTotals(t, db)
	const war = "event/syrian-civil-war"
	l, err := db.Tallies(ctx, graph.TallyFilter{Measure: graph.Killed})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 1 {
		t.Fatalf("tallies = %s, want one", jsonOf(l.Items))
	}
	tl := withReports(t, db, l.Items)[0]
	if tl.About != war || tl.Place != "place/syria" || len(tl.Reports) != 2 || tl.Agreement != graph.AgreementAgree {
		t.Fatalf("tally = %s", jsonOf(tl))
	}
	if r := tl.Reports[0]; r.Document != "earlier" || r.AsOf != "2016-04-23" || r.Qualifier != "more than" || *r.Value != 400000 {
		t.Errorf("first report = %s", jsonOf(r))
	}
	if r := tl.LatestReport(); r.Document != "later" || r.AsOf != "2017-11-21" || *r.Value != 450000 {
		t.Errorf("latest = %s", jsonOf(r))
	}
	if tl.Low != 400000 || tl.High != 450000 {
		t.Errorf("range = %v–%v", tl.Low, tl.High)
	}
	totals, err := db.FigureTotals(ctx, graph.Killed, "")
	if err != nil || len(totals) != 1 || *totals[0].Sum != 450000 || totals[0].Count != 2 || totals[0].Tallies != 1 {
		t.Fatalf("totals = %s, %v; want one toll summed once (450000)", jsonOf(totals), err)
	}

	for _, tc := range []struct {
		name string
		f    graph.TallyFilter
		want int
	}{
		{"About", graph.TallyFilter{About: war}, 1},
		{"Place", graph.TallyFilter{Place: "place/syria"}, 1},
		{"Entity", graph.TallyFilter{Entity: "place/syria"}, 1},
		{"EntityOtherMeasure", graph.TallyFilter{Entity: war, Measure: graph.Injured}, 0},
		{"Since", graph.TallyFilter{Since: "2017-01-01"}, 1},
		{"SinceAfterAll", graph.TallyFilter{Since: "2018"}, 0},
		{"Until", graph.TallyFilter{Until: "2016-04-23"}, 1},
		{"UntilBeforeAll", graph.TallyFilter{Until: "2015"}, 0},
		{"OtherPlace", graph.TallyFilter{Place: "place/iraq"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := db.Tallies(ctx, tc.f)
			if err != nil || len(l.Items) != tc.want || l.TotalCount != tc.want {
				t.Fatalf("tallies = %s, %v; want %d", jsonOf(l.Items), err, tc.want)
			}
		})
	}

	t.Run("SameDayDisagrees", func(t *testing.T) {
		mustIngest(t, db, killedIn("sameday", "2017-11-21", "", 300000))
		checkTotals(t, db)
		l, err := db.Tallies(ctx, graph.TallyFilter{About: war})
		if err != nil || len(l.Items) != 1 {
			t.Fatalf("tallies = %s, %v", jsonOf(l.Items), err)
		}
		tl := withReports(t, db, l.Items)[0]
		if tl.Agreement != graph.AgreementDisagree {
			t.Fatalf("agreement = %s", tl.Agreement)
		}
		// 300,000 contradicts 450,000 of the same day, and the running
		// toll of more than 400,000 a year before (tolls do not fall).
		want := map[string]int{"earlier": 1, "later": 1, "sameday": 2}
		for _, r := range tl.Reports {
			if len(r.Conflicts) != want[r.Document] {
				t.Errorf("report of %s conflicts %v", r.Document, r.Conflicts)
			}
		}
	})
	t.Run("Delete", func(t *testing.T) {
		for _, doc := range []string{"sameday", "later"} {
			if err := db.DeleteDocument(ctx, doc); err != nil {
				t.Fatal(err)
			}
			checkTotals(t, db)
		}
		l, err := db.Tallies(ctx, graph.TallyFilter{})
		if err != nil || len(l.Items) != 1 || l.Items[0].Count != 1 || l.Items[0].Agreement != graph.AgreementSingle {
			t.Fatalf("tallies = %s, %v", jsonOf(l.Items), err)
		}
		if err := db.DeleteDocument(ctx, "earlier"); err != nil {
			t.Fatal(err)
		}
		if l, err := db.Tallies(ctx, graph.TallyFilter{}); err != nil || len(l.Items) != 0 {
			t.Fatalf("tallies = %s, %v; want none", jsonOf(l.Items), err)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		if _, err := db.Tallies(ctx, graph.TallyFilter{Measure: "deaths"}); graph.ErrorCode(err) != graph.EINVALID {
			t.Fatalf("err = %v, want EINVALID", err)
		}
	})
}

func TestTallies_Paging(t *testing.T) {
	db := MustOpenDB(t)
	var xs []*graph.Extraction
	for i, place := range []string{"Aleppo", "Homs", "Hama", "Idlib", "Daraa"} {
		for j := 0; j <= i; j++ {
			id := fmt.Sprintf("%s-%d", place, j)
			x := extraction(id, "In "+place+" 7 people were killed.", ent{id: "p", typ: graph.Place, name: place, surfaces: []string{place}})
			x.Document.Published = fmt.Sprintf("2016-01-%02d", j+1)
			v := float64(7 + j)
			ev := evidenceOf(x, "7 people")
			x.Figures = []*graph.Figure{{ID: id + "/f", Value: &v, Measure: graph.Killed, Place: "p", Text: ev.Text, Evidence: ev}}
			xs = append(xs, x)
		}
	}
	mustIngest(t, db, xs...)
	var got []string
	after := ""
	for page := 0; page < 10; page++ {
		l, err := db.Tallies(ctx, graph.TallyFilter{Measure: graph.Killed, Page: graph.Page{First: 2, After: after}})
		if err != nil || l.TotalCount != 5 {
			t.Fatalf("page %d: %d, %v", page, l.TotalCount, err)
		}
		for _, tl := range l.Items {
			got = append(got, fmt.Sprintf("%s:%d", tl.About, tl.Count))
		}
		if !l.HasNextPage {
			break
		}
		after = l.EndCursor()
	}
	want := []string{"place/daraa:5", "place/idlib:4", "place/hama:3", "place/homs:2", "place/aleppo:1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("pages = %v, want %v", got, want)
	}
}

func TestAppendF64_Order(t *testing.T) {
	vals := []float64{math.Inf(-1), -1e300, -2.5, -1, -0.0001, 0, 1e-300, 0.5, 1, 3, 450000, 1e300, math.Inf(1)}
	for i := range vals {
		if i > 0 && string(appendF64(nil, vals[i-1])) >= string(appendF64(nil, vals[i])) {
			t.Errorf("%v does not sort before %v", vals[i-1], vals[i])
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestTallies_SummaryExact adds, replaces and deletes documents whose
// figures share a few tallies, in a random order, and after each step
// checks that every tally's summary (count, range, latest and its
// conflicts, place, agreement) and its paged reports equal those
// reconciled from a scan of the figures.
func TestTallies_SummaryExact(t *testing.T) {
	db := MustOpenDB(t)
	rng := rand.New(rand.NewPCG(1, 2))
	quals := []string{"", "", "more than", "about", "at least", "nearly"}
	places := []string{"aleppo", "homs"}
	doc := func(i, version int) *graph.Extraction {
		id := fmt.Sprintf("d%d", i)
		text := "In Aleppo and Homs 7 people were killed in the Syrian civil war, and 9 were hurt."
		x := extraction(id, text,
			ent{id: "aleppo", typ: graph.Place, name: "Aleppo", surfaces: []string{"Aleppo"}},
			ent{id: "homs", typ: graph.Place, name: "Homs", surfaces: []string{"Homs"}},
			ent{id: "war", typ: graph.Event, name: "Syrian civil war", surfaces: []string{"Syrian civil war"}})
		x.Document.Published = fmt.Sprintf("2016-01-%02d", 1+rng.IntN(4))
		for j := range 1 + rng.IntN(3) {
			v := float64(10 * (1 + rng.IntN(8)))
			measure, kind := graph.Killed, graph.KindIncident
			if rng.IntN(4) == 0 {
				measure = graph.Money
			}
			if rng.IntN(2) == 0 {
				kind = graph.KindToll
			}
			ev := evidenceOf(x, "7 people")
			f := &graph.Figure{ID: fmt.Sprintf("%s/v%d/f%d", id, version, j), Value: &v, Qualifier: quals[rng.IntN(len(quals))],
				Measure: measure, Kind: kind, About: "war", Place: places[rng.IntN(2)], Text: ev.Text, Evidence: ev, Confidence: 0.8}
			if measure == graph.Money {
				f.Currency = "USD"
			}
			if rng.IntN(3) == 0 {
				f.AsOf = fmt.Sprintf("2015-12-%02d", 1+rng.IntN(3))
			}
			x.Figures = append(x.Figures, f)
		}
		return x
	}
	const docs = 12
	for step := range 60 {
		i := rng.IntN(docs)
		if rng.IntN(3) == 0 {
			if err := db.DeleteDocument(ctx, fmt.Sprintf("d%d", i)); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Fatal(err)
			}
		} else {
			mustIngest(t, db, doc(i, step))
		}
		checkTotals(t, db)
	}
	// A jsonl dump has no tally records: restoring it rebuilds every
	// tally, its summary and its reports exactly.
	restored := MustOpenDB(t)
	if err := restored.Restore(ctx, jsonRecords(dumpJSON(t, db, graph.DumpFilter{}))); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, restored)
	all := func(db *DB) []*graph.Tally {
		l, err := db.Tallies(ctx, graph.TallyFilter{Page: graph.Page{First: graph.MaxPageSize}})
		if err != nil {
			t.Fatal(err)
		}
		return withReports(t, db, l.Items)
	}
	if got, want := all(restored), all(db); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("tallies after restore:\n got %s\nwant %s", jsonOf(got), jsonOf(want))
	}
}

// TestTallies_RemovalReadsOnce checks that taking a report out of a tally
// reads the tally's other reports at most once, and not at all for a
// report of money that was neither the latest nor at an end of the range.
func TestTallies_RemovalReadsOnce(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db,
		killedIn("a", "2016-01-01", "", 300000),
		killedIn("b", "2016-06-01", "more than", 400000),
		killedIn("c", "2017-01-01", "", 410000),
		killedIn("d", "2017-11-21", "", 450000))
	scans := func(step func()) int64 {
		before := db.tallyReads.scans.Load()
		step()
		return db.tallyReads.scans.Load() - before
	}
	del := func(id string) func() {
		return func() {
			if err := db.DeleteDocument(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	// "d" is the latest and the high end: the summary is rebuilt from
	// one read.
	if n := scans(del("d")); n != 1 {
		t.Errorf("removing the latest report read its tally %d times, want 1", n)
	}
	checkTotals(t, db)
	if n := scans(del("b")); n != 1 {
		t.Errorf("removing a middle report of a killed tally read it %d times, want 1", n)
	}
	checkTotals(t, db)

	money := func(id, date string, v float64) *graph.Extraction {
		x := killedIn(id, date, "", v)
		x.Figures[0].Measure, x.Figures[0].Currency, x.Figures[0].Kind = graph.Money, "USD", graph.KindIncident
		return x
	}
	mustIngest(t, db, money("m1", "2016-01-01", 10), money("m2", "2016-02-01", 20), money("m3", "2016-03-01", 30))
	if n := scans(del("m2")); n != 0 {
		t.Errorf("removing a middle money report read its tally %d times, want 0", n)
	}
	checkTotals(t, db)
}

// TestFigureTotals_PlaceReadsItsTallies checks that FigureTotals of one
// place reads the report keys of that place's tallies only.
func TestFigureTotals_PlaceReadsItsTallies(t *testing.T) {
	db := MustOpenDB(t)
	var xs []*graph.Extraction
	for i, place := range []string{"Aleppo", "Homs"} {
		for j := range 1 + 9*i {
			id := fmt.Sprintf("%s-%d", place, j)
			x := extraction(id, "In "+place+" 7 people were killed.", ent{id: "p", typ: graph.Place, name: place, surfaces: []string{place}})
			x.Document.Published = fmt.Sprintf("2016-01-%02d", j+1)
			v := float64(7 + j)
			ev := evidenceOf(x, "7 people")
			x.Figures = []*graph.Figure{{ID: id + "/f", Value: &v, Measure: graph.Killed, Place: "p", Text: ev.Text, Evidence: ev}}
			xs = append(xs, x)
		}
	}
	mustIngest(t, db, xs...)
	before := db.tallyReads.keys.Load()
	got, err := db.FigureTotals(ctx, graph.Killed, "place/aleppo")
	if err != nil {
		t.Fatal(err)
	}
	if n := db.tallyReads.keys.Load() - before; n != 1 {
		t.Errorf("FigureTotals of Aleppo read %d report keys, want its 1", n)
	}
	if len(got) != 1 || got[0].Place != "place/aleppo" || got[0].Count != 1 || got[0].Documents != 1 {
		t.Fatalf("FigureTotals of Aleppo = %s", jsonOf(got))
	}
	checkTotals(t, db)
}
