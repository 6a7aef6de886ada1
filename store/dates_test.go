package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// TestDatesBelongToTheirDocument stores extracted documents and checks
// which date entities they share: two undated stories that both say
// "today" share none, and two stories published on the same day share
// the day their "today" stands for.
func TestDatesBelongToTheirDocument(t *testing.T) {
	tests := []struct {
		name string
		docs []graph.Document
		want []string // the store's date entities, by ID
	}{
		{
			name: "Undated",
			docs: []graph.Document{
				{ID: "a", Text: "Shares in the firm fell today."},
				{ID: "b", Text: "The minister resigned today."},
			},
			want: []string{"date/today@a", "date/today@b"},
		},
		{
			name: "SameDay",
			docs: []graph.Document{
				{ID: "a", Published: "2004-12-01", Text: "Shares in the firm fell today."},
				{ID: "b", Published: "2004-12-01T09:30:00Z", Text: "The minister resigned today."},
			},
			want: []string{"date/2004-12-01"},
		},
		{
			name: "OneDated",
			docs: []graph.Document{
				{ID: "a", Published: "2004-12-01", Text: "Shares in the firm fell today."},
				{ID: "b", Text: "The minister resigned today."},
			},
			want: []string{"date/2004-12-01", "date/today@b"},
		},
	}
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := store.MustOpenDB(t)
			var xs []*graph.Extraction
			for _, doc := range tt.docs {
				x, err := ex.Extract(ctx, doc)
				if err != nil {
					t.Fatal(err)
				}
				xs = append(xs, x)
			}
			if _, err := db.Ingest(ctx, xs); err != nil {
				t.Fatal(err)
			}
			got, err := db.Entities(ctx, graph.EntityFilter{Type: graph.Date, Page: graph.Page{First: 100}})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got.Items {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("date entities %q, want %q", ids, tt.want)
			}
		})
	}
}
