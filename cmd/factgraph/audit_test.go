package main

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/input"
	"github.com/factgraph/factgraph/internal/testenv"
	"github.com/factgraph/factgraph/store"
)

// storeAudit is an analyst's audit of the most-mentioned entities of the
// Reuters-21578 + BBC store (issue 13; testdata/README.md says how it was
// made): the documents that mention them or once gave them a wrong alias,
// and one row per entity.
type storeAudit struct {
	Docs []string   `json:"docs"`
	Rows []auditRow `json:"rows"`
}

// auditRow is one audited entity: its type, the wrong aliases it must not
// have, and the errors still known (listed, not checked). A row with Gone
// is a wrong entity of an older store (a company typed person, a second
// ID of a place): no entity may have its ID now, and Gone says what it was.
type auditRow struct {
	ID                string   `json:"id"`
	Gone              string   `json:"gone"`
	Type              string   `json:"type"`
	NotAliases        []string `json:"not_aliases"`
	KnownWrongAliases []string `json:"known_wrong_aliases"`
	KnownWrong        string   `json:"known_wrong"`
}

// TestAuditStore ingests the audit's documents from ../shared, Reuters
// before BBC as the README's commands do, and checks every row.
func TestAuditStore(t *testing.T) {
	b, err := os.ReadFile("testdata/audit_store.json")
	if err != nil {
		t.Fatal(err)
	}
	var audit storeAudit
	if err := json.Unmarshal(b, &audit); err != nil {
		t.Fatal(err)
	}
	reuters := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	bbc := testenv.Shared(t, "data/news_raw_bbc2225/bbc2225.jsonl")
	want := map[string]bool{}
	for _, d := range audit.Docs {
		want[d] = true
	}
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, src := range []struct {
		path   string
		fields input.Fields
	}{
		{reuters, input.Fields{ID: "newid", Text: "body", Title: "title", URL: "url", Published: "date"}},
		{bbc, input.Fields{ID: "id", Text: "text", Title: "title", URL: "url", Published: "published"}},
	} {
		files, errs := input.List([]string{src.path})
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		items := make(chan input.Item)
		go input.Read(ctx, nil, files, input.Options{MaxDocBytes: 16 << 20, Fields: src.fields}, items)
		var xs []*graph.Extraction
		for it := range items {
			if it.Err != nil || !want[it.Doc.ID] {
				continue // Reuters records without a body, documents not audited
			}
			x, err := ex.Extract(ctx, it.Doc)
			if err != nil {
				t.Fatal(err)
			}
			xs = append(xs, x)
		}
		if _, err := db.Ingest(ctx, xs); err != nil {
			t.Fatal(err)
		}
	}
	right := 0
	for _, r := range audit.Rows {
		if r.Gone != "" {
			t.Run(r.ID, func(t *testing.T) {
				if e, err := db.Entity(ctx, r.ID); err == nil && e.ID == r.ID {
					t.Errorf("is an entity again (%s)", r.Gone)
				} else if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
					t.Fatal(err)
				}
			})
			continue
		}
		if r.KnownWrong == "" && len(r.KnownWrongAliases) == 0 {
			right++
		}
		t.Run(r.ID, func(t *testing.T) {
			e, err := db.Entity(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(e.Type) != r.Type {
				t.Errorf("type %s, want %s", e.Type, r.Type)
			}
			for _, a := range r.NotAliases {
				if slices.Contains(e.Aliases, a) {
					t.Errorf("has the alias %q", a)
				}
			}
		})
	}
	t.Logf("%d of %d audited entities without a known error", right, len(audit.Rows))
}
