package schema_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// summaryGraph serves the fixture's tallies as a store does: from their
// summaries, without reports, which TallyReportPages pages apart.
type summaryGraph struct {
	*memGraph
	pages atomic.Int64 // calls of TallyReportPages
}

func (g *summaryGraph) Tallies(ctx context.Context, f graph.TallyFilter) (graph.List[*graph.Tally], error) {
	l, err := g.memGraph.Tallies(ctx, f)
	for i, t := range l.Items {
		s := *t
		s.Reports = nil
		l.Items[i] = &s
	}
	return l, err
}

func (g *summaryGraph) TallyReportPages(ctx context.Context, ids []string, pg graph.Page) ([]graph.List[*graph.Report], error) {
	g.pages.Add(1)
	out := make([]graph.List[*graph.Report], len(ids))
	for i, id := range ids {
		l, err := g.memGraph.TallyReports(ctx, id, pg)
		if err != nil {
			return nil, err
		}
		out[i] = l
	}
	return out, nil
}

// TestTallyReports_OneBatch checks that the report pages of a listing of
// tallies are read in one call of a TallyReportPager, and that they are
// the pages read one tally at a time.
func TestTallyReports_OneBatch(t *testing.T) {
	const q = `{ tallies(first: 10) { totalCount edges { node { id measure
		reports(first: 1) { totalCount pageInfo { hasNextPage } edges { node { figureId value asOf document { id } } } } } } } }`
	// A second tally beside the fixture's killed one.
	displaced := func(g *memGraph) {
		g.figures = append(g.figures, &graph.Figure{ID: "figure/2", Value: ptr(11e6), Measure: graph.Displaced,
			About: "place/syria", Place: "place/syria", Text: "More than 450,000 people",
			Evidence: span(t, "More than 450,000 people", 0, ""), Confidence: 0.9})
	}
	full := newTestServer(t, schema.Config{})
	displaced(full.g)
	var want any
	full.mustData(t, q, nil, &want)

	g := &summaryGraph{memGraph: newFixture(t)}
	displaced(g.memGraph)
	srv, err := schema.New(schema.Services{Documents: g, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g}, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(srv), g: g.memGraph, srv: srv}
	defer ts.Close()
	var got any
	ts.mustData(t, q, nil, &got)
	if !reflect.DeepEqual(got, want) {
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		t.Fatalf("tallies from summaries:\n got %s\nwant %s", a, b)
	}
	var n struct{ Tallies struct{ TotalCount int } }
	ts.mustData(t, `{ tallies { totalCount } }`, nil, &n)
	if n.Tallies.TotalCount < 2 {
		t.Fatalf("the fixture has %d tallies; the test needs two", n.Tallies.TotalCount)
	}
	if c := g.pages.Load(); c != 1 {
		t.Errorf("TallyReportPages called %d times for one listing, want 1", c)
	}
}
