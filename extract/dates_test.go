package extract_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestDatesBelongToTheirDocument checks the IDs of date entities: a date
// with a value is keyed by it (the day "today" stands for in a dated
// document), one without by its document, so that two stories never
// share "today".
func TestDatesBelongToTheirDocument(t *testing.T) {
	x := mustExtractor(t)
	tests := []struct {
		name      string
		doc       graph.Document
		want      []string // date entity IDs, in order of first mention
		noAliases []string // names no date entity may have as alias
	}{
		{
			name: "Undated",
			doc:  graph.Document{ID: "bbc/business 446", Text: "Shares fell today. Sales rose last year, and on Wednesday the firm said so."},
			want: []string{"date/today@bbc-business-446", "date/last-year@bbc-business-446", "date/wednesday@bbc-business-446"},
		},
		{
			name:      "Dated",
			doc:       graph.Document{ID: "d", Published: "2004-12-01", Text: "Shares fell today. Sales rose last year, and on Wednesday the firm said so."},
			want:      []string{"date/2004-12-01", "date/2003"},
			noAliases: []string{"today", "last year", "Wednesday"},
		},
		{
			name: "Absolute",
			doc:  graph.Document{ID: "e", Text: "In December 2003 the firm was sold; on 5 March 2004 it closed."},
			want: []string{"date/2003-12", "date/2004-03-05"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.Extract(context.Background(), tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got.Entities {
				if e.Type != graph.Date {
					continue
				}
				ids = append(ids, e.ID)
				for _, a := range e.Aliases {
					if slices.Contains(tt.noAliases, a) {
						t.Errorf("%s has alias %q", e.ID, a)
					}
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("date entities %q, want %q", ids, tt.want)
			}
		})
	}
}
