package store

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestDateRange: documents, figures, events and quotes listed with since
// and until are those of the documents published in the range, through
// the primary keyspaces and through the indexes; a bad date is EINVALID.
func TestDateRange(t *testing.T) {
	dates := []string{"", "1987-02-26T15:01:01", "2004", "2004-03", "2004-03-15", "2004-03-15T10:00:00Z", "2004-04-01", "2005-01-01"}
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(1))
	published := map[string]string{}
	var xs []*graph.Extraction
	for i := 0; i < 3*len(dates); i++ {
		id := fmt.Sprintf("d%02d", i)
		x := synthetic(rng, id)
		x.Document.Published = dates[i%len(dates)]
		x.Figures[0].Measure = graph.Killed
		published[id] = x.Document.Published
		xs = append(xs, x)
	}
	mustIngest(t, db, xs...)
	all := graph.Page{First: 100}
	// docs returns the sorted document IDs of the fact IDs ("d03/f").
	docs := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, strings.Split(id, "/")[0])
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		name string
		r    graph.DateRange
		want []string // the dates of the documents in range, when checked by hand
	}{
		{"Year", graph.DateRange{Since: "2004", Until: "2004"}, []string{"2004", "2004-03", "2004-03-15", "2004-03-15T10:00:00Z", "2004-04-01"}},
		{"UntilMonth", graph.DateRange{Until: "2004-03"}, []string{"1987-02-26T15:01:01", "2004", "2004-03", "2004-03-15", "2004-03-15T10:00:00Z"}},
		{"SinceDay", graph.DateRange{Since: "2004-03-15"}, []string{"2004-03-15", "2004-03-15T10:00:00Z", "2004-04-01", "2005-01-01"}},
		{"Day", graph.DateRange{Since: "1987-02-26", Until: "1987-02-26"}, []string{"1987-02-26T15:01:01"}},
		{"None", graph.DateRange{Since: "1990", Until: "2003-12-31"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for id, pub := range published {
				if slices.Contains(tc.want, pub) {
					want = append(want, id)
				}
				if slices.Contains(tc.want, pub) != tc.r.Contains(pub) {
					t.Fatalf("%+v: Contains(%q) disagrees with the table", tc.r, pub)
				}
			}
			slices.Sort(want)
			dl, err := db.Documents(ctx, graph.DocumentFilter{DateRange: tc.r, Page: all})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range dl.Items {
				got = append(got, d.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("documents %v, want %v", got, want)
			}
			lists := map[string]func() ([]string, error){
				"figures": func() ([]string, error) {
					l, err := db.Figures(ctx, graph.FigureFilter{DateRange: tc.r, Page: all})
					return ids(l.Items, func(f *graph.Figure) string { return f.ID }), err
				},
				"figuresByMeasure": func() ([]string, error) {
					l, err := db.Figures(ctx, graph.FigureFilter{Measure: graph.Killed, DateRange: tc.r, Page: all})
					return ids(l.Items, func(f *graph.Figure) string { return f.ID }), err
				},
				"events": func() ([]string, error) {
					l, err := db.Events(ctx, graph.EventFilter{DateRange: tc.r, Page: all})
					return ids(l.Items, func(e *graph.EventFact) string { return e.ID }), err
				},
				"eventsByKind": func() ([]string, error) {
					l, err := db.Events(ctx, graph.EventFilter{Kind: "meeting", DateRange: tc.r, Page: all})
					return ids(l.Items, func(e *graph.EventFact) string { return e.ID }), err
				},
				"quotes": func() ([]string, error) {
					l, err := db.Quotes(ctx, graph.QuoteFilter{DateRange: tc.r, Page: all})
					return ids(l.Items, func(q *graph.Quote) string { return q.ID }), err
				},
			}
			for name, list := range lists {
				got, err := list()
				if err != nil {
					t.Fatal(err)
				}
				if got := docs(got); !slices.Equal(got, want) {
					t.Errorf("%s of documents %v, want %v", name, got, want)
				}
			}
		})
	}
	// With 24 quotes, 1987-02-26 (3 documents) reads the documents' ID
	// lists, 2004 on (15) scans the quotes (docListCost 5).
	for _, r := range []graph.DateRange{{Since: "2004"}, {Since: "1987-02-26", Until: "1987-02-26"}} {
		t.Run("Pages"+r.Since, func(t *testing.T) { pagesInRange(t, db, r) })
	}
	t.Run("ErrInvalid", func(t *testing.T) {
		bad := graph.DateRange{Since: "2004-13"}
		for name, call := range map[string]func() error{
			"documents": func() error { _, err := db.Documents(ctx, graph.DocumentFilter{DateRange: bad}); return err },
			"figures":   func() error { _, err := db.Figures(ctx, graph.FigureFilter{DateRange: bad}); return err },
			"events":    func() error { _, err := db.Events(ctx, graph.EventFilter{DateRange: bad}); return err },
			"quotes":    func() error { _, err := db.Quotes(ctx, graph.QuoteFilter{DateRange: bad}); return err },
		} {
			t.Run(name, func(t *testing.T) { wantCode(t, call(), graph.EINVALID) })
		}
	})
}

// ids returns the IDs of items.
func ids[T any](items []T, id func(T) string) []string {
	out := []string{}
	for _, x := range items {
		out = append(out, id(x))
	}
	return out
}

// pagesInRange checks that quotes in r paged two at a time are the whole
// listing, and that a cursor of another list is EINVALID.
func pagesInRange(t *testing.T, db *DB, r graph.DateRange) {
	all := graph.Page{First: 100}
	whole, err := db.Quotes(ctx, graph.QuoteFilter{DateRange: r, Page: all})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	after := ""
	for {
		l, err := db.Quotes(ctx, graph.QuoteFilter{DateRange: r, Page: graph.Page{First: 2, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != len(whole.Items) {
			t.Fatalf("totalCount %d, want %d", l.TotalCount, len(whole.Items))
		}
		paged = append(paged, ids(l.Items, func(q *graph.Quote) string { return q.ID })...)
		if !l.HasNextPage {
			break
		}
		after = l.Cursors[len(l.Cursors)-1]
	}
	if want := ids(whole.Items, func(q *graph.Quote) string { return q.ID }); !slices.Equal(paged, want) || len(want) < 3 {
		t.Errorf("pages of 2 give %v, one page %v", paged, want)
	}
	figs, err := db.Figures(ctx, graph.FigureFilter{Page: graph.Page{First: 1}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Quotes(ctx, graph.QuoteFilter{DateRange: r, Page: graph.Page{After: figs.Cursors[0]}})
	wantCode(t, err, graph.EINVALID)
}
