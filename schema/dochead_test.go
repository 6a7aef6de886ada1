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

// headGraph reads documents without their text, as the store does, and
// counts the reads of each kind.
type headGraph struct {
	*memGraph
	heads, fulls atomic.Int64
}

func (g *headGraph) DocumentHeads(ctx context.Context, ids []string) ([]*graph.Document, error) {
	g.heads.Add(1)
	out := make([]*graph.Document, len(ids))
	for i, id := range ids {
		d, err := g.memGraph.Document(ctx, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		h := *d
		h.Text = ""
		out[i] = &h
	}
	return out, nil
}

func (g *headGraph) Documents(ctx context.Context, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	g.fulls.Add(1)
	return g.memGraph.Documents(ctx, f)
}

// TestDocumentHeads checks that the documents of mentions and tally
// reports are read without their text when the store can, that the
// answers are those of whole documents, and that asking for the text
// reads the whole document.
func TestDocumentHeads(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		fulls   int64 // reads of whole documents
	}{
		{"ReportTitles", `{ tallies(first: 10) { edges { node { reports(first: 5) { edges { node { value document { id title published } } } } } } } }`, 0},
		{"EvidenceTitles", `{ entity(id: "person/vladimir-putin") { relations(first: 20) { edges { node { evidence(first: 3) { start document { id title url } } } } } } }`, 0},
		{"ReportText", `{ tallies(first: 10) { edges { node { reports(first: 5) { edges { node { document { id text } } } } } } } }`, 1},
		{"EvidenceSentence", `{ entity(id: "person/vladimir-putin") { relations(first: 20) { edges { node { evidence(first: 3) { sentence document { title } } } } } } }`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := newTestServer(t, schema.Config{})
			var want any
			plain.mustData(t, tc.q, nil, &want)

			g := &headGraph{memGraph: newFixture(t)}
			srv, err := schema.New(schema.Services{Documents: g, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g}, schema.Config{})
			if err != nil {
				t.Fatal(err)
			}
			ts := &testServer{Server: httptest.NewServer(srv), g: g.memGraph, srv: srv}
			defer ts.Close()
			var got any
			ts.mustData(t, tc.q, nil, &got)
			if !reflect.DeepEqual(got, want) {
				a, _ := json.Marshal(got)
				b, _ := json.Marshal(want)
				t.Fatalf("with document heads:\n got %s\nwant %s", a, b)
			}
			if b, _ := json.Marshal(got); !json.Valid(b) || len(b) < 60 {
				t.Fatalf("the fixture gives too little to compare: %s", b)
			}
			if h, f := g.heads.Load(), g.fulls.Load(); h != 1 || f != tc.fulls {
				t.Errorf("%d reads of heads and %d of whole documents, want 1 and %d", h, f, tc.fulls)
			}
		})
	}
}
