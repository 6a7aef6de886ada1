package extract_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// auditRow is one finding of an analyst's audit of the BBC store (issue
// 13), checked in the one document it was read in: the entity, its type,
// the aliases it must not have and the entities that must not stand
// beside it.
type auditRow struct {
	Doc        string   `json:"doc"`
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	NotAliases []string `json:"not_aliases"`
	NotIDs     []string `json:"not_ids"`
}

// TestAuditBBC extracts the BBC articles that testdata/audit_bbc.json
// names and checks each of its rows.
func TestAuditBBC(t *testing.T) {
	b, err := os.ReadFile("testdata/audit_bbc.json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []auditRow
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, r := range rows {
		want[r.Doc] = true
	}
	f, err := os.Open(testenv.Shared(t, "data/news_raw_bbc2225/bbc2225.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := mustExtractor(t)
	got := map[string]*graph.Extraction{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var doc struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if !want[doc.ID] {
			continue
		}
		ex, err := x.Extract(context.Background(), graph.Document{ID: doc.ID, Text: doc.Text})
		if err != nil {
			t.Fatal(err)
		}
		got[doc.ID] = ex
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Run(r.Doc+"/"+r.ID, func(t *testing.T) {
			ex := got[r.Doc]
			if ex == nil {
				t.Fatalf("no document %s", r.Doc)
			}
			e := entity(ex, r.ID)
			if e == nil {
				t.Fatalf("no %s in %v", r.ID, ids(ex))
			}
			if string(e.Type) != r.Type {
				t.Errorf("type %s, want %s", e.Type, r.Type)
			}
			for _, a := range r.NotAliases {
				if slices.Contains(e.Aliases, a) {
					t.Errorf("has alias %q", a)
				}
			}
			for _, id := range r.NotIDs {
				if entity(ex, id) != nil {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
}
