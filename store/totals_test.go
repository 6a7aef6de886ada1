package store

import (
	"encoding/json"
	"math"
	"reflect"
	"sort"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// scanTotals computes the figure totals from a listing of every figure,
// as FigureTotals did before totals were maintained.
func scanTotals(t *testing.T, db *DB) []*graph.FigureTotal {
	t.Helper()
	l, err := db.Figures(ctx, graph.FigureFilter{Page: graph.Page{First: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	groups := map[[2]string]*graph.FigureTotal{}
	docs := map[[2]string]map[string]bool{}
	for _, f := range l.Items {
		if f.Value == nil {
			continue
		}
		k := [2]string{f.Measure, f.Place}
		g := groups[k]
		if g == nil {
			g = &graph.FigureTotal{Measure: f.Measure, Place: f.Place, Min: math.Inf(1), Max: math.Inf(-1)}
			groups[k], docs[k] = g, map[string]bool{}
		}
		g.Count++
		g.Sum += *f.Value
		g.Min, g.Max = math.Min(g.Min, *f.Value), math.Max(g.Max, *f.Value)
		docs[k][f.Evidence.Document] = true
	}
	out := []*graph.FigureTotal{}
	for k, g := range groups {
		g.Documents = len(docs[k])
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.Measure < b.Measure || a.Measure == b.Measure && a.Place < b.Place
	})
	return out
}

// checkTotals fails unless FigureTotals equals a scan of the figures, for
// all groups and filtered by each group's measure and place.
func checkTotals(t *testing.T, db *DB) {
	t.Helper()
	want := scanTotals(t, db)
	got, err := db.FigureTotals(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("FigureTotals:\n got %s\nwant %s", jsonOf(got), jsonOf(want))
	}
	for _, w := range want {
		for _, f := range [][2]string{{w.Measure, ""}, {"", w.Place}, {w.Measure, w.Place}} {
			got, err := db.FigureTotals(ctx, f[0], f[1])
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, g := range got {
				if (f[0] != "" && g.Measure != f[0]) || (f[1] != "" && g.Place != f[1]) {
					t.Fatalf("FigureTotals(%q, %q) returned group %+v", f[0], f[1], g)
				}
				if g.Measure == w.Measure && g.Place == w.Place {
					n++
					if !reflect.DeepEqual(g, w) {
						t.Fatalf("FigureTotals(%q, %q): got %+v, want %+v", f[0], f[1], g, w)
					}
				}
			}
			if n != 1 && !(f[1] == "" && w.Place != "" && f[0] == "") {
				t.Fatalf("FigureTotals(%q, %q): group %q/%q appears %d times", f[0], f[1], w.Measure, w.Place, n)
			}
		}
	}
}

func TestFigureTotals_MinMaxAfterDelete(t *testing.T) {
	db := MustOpenDB(t)
	var docs []*graph.Extraction
	for i, v := range []float64{5, 1, 9, 3} {
		x := extraction(string(rune('a'+i)), "In Aleppo 7 people were killed.", ent{id: "aleppo", typ: graph.Place, name: "Aleppo", surfaces: []string{"Aleppo"}})
		val := v
		ev := evidenceOf(x, "7 people were killed")
		x.Figures = []*graph.Figure{{ID: x.Document.ID + "/f", Value: &val, Measure: graph.Killed, Place: "aleppo", Text: ev.Text, Evidence: ev, Confidence: 0.5}}
		docs = append(docs, x)
	}
	if _, err := db.Ingest(ctx, docs); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, db)
	for _, tc := range []struct {
		name         string
		doc          string
		count        int
		sum, min, mx float64
	}{
		{"DeleteMax", "c", 3, 9, 1, 5},
		{"DeleteMin", "b", 2, 8, 3, 5},
		{"DeleteMiddle", "a", 1, 3, 3, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := db.DeleteDocument(ctx, tc.doc); err != nil {
				t.Fatal(err)
			}
			checkTotals(t, db)
			got, err := db.FigureTotals(ctx, graph.Killed, "place/aleppo")
			if err != nil {
				t.Fatal(err)
			}
			want := []*graph.FigureTotal{{Measure: graph.Killed, Place: "place/aleppo", Count: tc.count, Sum: tc.sum, Min: tc.min, Max: tc.mx, Documents: tc.count}}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("got %s, want %s", jsonOf(got), jsonOf(want))
			}
		})
	}
	t.Run("DeleteLast", func(t *testing.T) {
		if err := db.DeleteDocument(ctx, "d"); err != nil {
			t.Fatal(err)
		}
		got, err := db.FigureTotals(ctx, "", "")
		if err != nil || len(got) != 0 {
			t.Fatalf("got %s, %v; want none", jsonOf(got), err)
		}
	})
}

func TestAppendF64_Order(t *testing.T) {
	vals := []float64{math.Inf(-1), -1e300, -2.5, -1, -0.0001, 0, 1e-300, 0.5, 1, 3, 450000, 1e300, math.Inf(1)}
	for i := range vals {
		if got := readF64(appendF64(nil, vals[i])); got != vals[i] {
			t.Errorf("round trip %v gave %v", vals[i], got)
		}
		if i > 0 && string(appendF64(nil, vals[i-1])) >= string(appendF64(nil, vals[i])) {
			t.Errorf("%v does not sort before %v", vals[i-1], vals[i])
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
