package main

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
	"github.com/factgraph/factgraph/store"
)

// serveStore serves a new store in a temporary directory on loopback, in
// process, with every service the store implements; both close when the
// test ends. opts are the store's.
func serveStore(t testing.TB, cfg schema.Config, opts ...store.Option) (*store.DB, *liveServer) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "db"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	api, err := schema.New(schema.Services{
		Documents: db, Entities: db, Relations: db, Figures: db, Events: db, Quotes: db, Stats: db, Dumper: db, Snapshots: db,
	}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(api)
	t.Cleanup(ts.Close)
	return db, &liveServer{url: ts.URL}
}

// TestServeSearch: over a real server on loopback with a real store,
// search finds the documents holding every word and phrase of the query,
// the one with more occurrences first, each with a marked snippet, and
// pages through them; an empty or too long query is an INVALID error.
func TestServeSearch(t *testing.T) {
	db, s := serveStore(t, schema.Config{}, store.WithTextIndex())
	var xs []*graph.Extraction
	for _, d := range []graph.Document{
		{ID: "once", Title: "Inspectors arrive", Text: "Chemical weapons inspectors arrived in Syria on Monday."},
		{ID: "twice", Text: "The chemical weapons were destroyed. Inspectors said more chemical weapons remain."},
		{ID: "apart", Text: "Weapons of a chemical kind, the inspectors said."},
		{ID: "other", Text: "Oil prices rose on Monday."},
	} {
		xs = append(xs, &graph.Extraction{Document: d})
	}
	if _, err := db.Ingest(context.Background(), xs); err != nil {
		t.Fatal(err)
	}
	type hits struct {
		Search struct {
			Edges []struct {
				Node struct {
					Document struct{ ID string }
					Score    float64
					Snippet  string
				}
			}
			PageInfo   struct{ HasNextPage bool }
			TotalCount int
		}
	}
	ids := func(h hits) string {
		var out []string
		for _, e := range h.Search.Edges {
			out = append(out, e.Node.Document.ID)
		}
		return strings.Join(out, ",")
	}
	const q = `query($q: String!, $first: Int) { search(query: $q, first: $first) {
		edges { node { document { id } score snippet } } pageInfo { hasNextPage } totalCount } }`
	t.Run("Phrase", func(t *testing.T) {
		var h hits
		s.data(t, q, map[string]any{"q": `"chemical weapons"`}, &h)
		if got := ids(h); got != "twice,once" {
			t.Fatalf("got %s, want twice,once", got)
		}
		if got := h.Search.Edges[0].Node.Snippet; !strings.Contains(got, "«chemical» «weapons»") {
			t.Errorf("snippet %q does not mark the phrase", got)
		}
	})
	t.Run("Words", func(t *testing.T) {
		var h hits
		s.data(t, q, map[string]any{"q": "weapon inspector", "first": 2}, &h)
		if h.Search.TotalCount != 3 || !h.Search.PageInfo.HasNextPage || len(h.Search.Edges) != 2 {
			t.Errorf("got %s of %d, next page %v; want 2 of 3 and a next page", ids(h), h.Search.TotalCount, h.Search.PageInfo.HasNextPage)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, bad := range []string{"", "   ", strings.Repeat("x", graph.MaxSearchQuery+1)} {
			status, r := s.query(t, q, map[string]any{"q": bad}, "")
			if status != 200 || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != schema.CodeInvalid {
				t.Errorf("query of %d bytes: status %d, errors %+v; want one INVALID error", len(bad), status, r.Errors)
			}
		}
	})
}
