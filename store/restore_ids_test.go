package store

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// A dump whose relation IDs are not derived from their endpoints (written
// by hand or by another tool) restores with its IDs, and later ingests
// still find those relations rather than duplicating them.
func TestRestore_ForeignRelationIDs(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB())
	dump := regexp.MustCompile(`"id":"rel/[0-9a-f]+"`).ReplaceAllStringFunc(dumpJSON(t, db, graph.DumpFilter{}), func(s string) string {
		return `"id":"rel/custom-` + s[10:len(s)-1] + `"`
	})
	restored := MustOpenDB(t)
	if err := restored.Restore(ctx, jsonRecords(dump)); err != nil {
		t.Fatal(err)
	}
	again := func() *graph.Extraction { // docA under another ID: it restates docA's relations
		x := docA()
		x.Document.ID = "a2"
		for _, e := range x.Entities {
			for i := range e.Mentions {
				e.Mentions[i].Document = "a2"
			}
		}
		for _, r := range x.Relations {
			for i := range r.Evidence {
				r.Evidence[i].Document = "a2"
			}
		}
		return x
	}
	mustIngest(t, db, docC(), again())
	mustIngest(t, restored, docC(), again())
	want, got := mustStats(t, db), mustStats(t, restored)
	if got.Relations != want.Relations {
		t.Fatalf("relations after ingest: %d, want %d", got.Relations, want.Relations)
	}
	l, err := restored.Relations(ctx, graph.RelationFilter{Subject: "person/vladimir-putin", Predicates: []string{graph.Met}})
	if err != nil || len(l.Items) != 1 {
		t.Fatalf("met: %v, %v", l.Items, err)
	}
	if id := l.Items[0].ID; len(id) < 11 || id[:11] != "rel/custom-" {
		t.Errorf("relation ID %q, want the restored one", id)
	}
}

// TestRestore_AfterDeletesInSameProcess restores a dump into a store whose
// writer has cached the entities it deleted, then ingests: the store must
// equal a fresh restore plus the same ingest (Restore must not leave the
// writer's caches stale).
func TestRestore_AfterDeletesInSameProcess(t *testing.T) {
	src := MustOpenDB(t)
	mustIngest(t, src, docA(), docB())
	dump := dumpJSON(t, src, graph.DumpFilter{})

	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB())
	for _, id := range []string{"a", "b"} {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Restore(ctx, jsonRecords(dump)); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
		t.Errorf("after restore recount %+v != stats %+v", got, mustStats(t, db))
	}
	mustIngest(t, db, docC())
	want := MustOpenDB(t)
	if err := want.Restore(ctx, jsonRecords(dump)); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, want, docC())
	if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
		t.Errorf("after ingest recount %+v != stats %+v", got, mustStats(t, db))
	}
	if a, b := dumpJSON(t, db, graph.DumpFilter{}), dumpJSON(t, want, graph.DumpFilter{}); a != b {
		t.Errorf("dump differs from fresh restore+ingest:\n%s", lineDiff(b, a))
	}
}

// TestRestore_DanglingReferences: a dump whose facts name documents or
// entities it does not hold is refused, since such facts could never be
// deleted.
func TestRestore_DanglingReferences(t *testing.T) {
	src := MustOpenDB(t)
	mustIngest(t, src, docA())
	dump := dumpJSON(t, src, graph.DumpFilter{})
	tests := []struct {
		name      string
		kind, old string // in the first line of this kind, old (a regexp) becomes new
		new, want string
	}{
		{"relation object", `"kind":"relation"`, `"object":"[^"]*"`, `"object":"person/nobody"`, `unknown entity "person/nobody"`},
		{"relation evidence", `"kind":"relation"`, `"document":"a"`, `"document":"nodoc"`, `unknown document "nodoc"`},
		{"mention document", `"kind":"mention"`, `"document":"a"`, `"document":"nodoc"`, `unknown document "nodoc"`},
		{"mention past the text", `"kind":"mention"`, `"end":[0-9]+`, `"end":100000`, `outside document "a"`},
		{"relation evidence before the text", `"kind":"relation"`, `"start":[0-9]+`, `"start":-1`, `outside document "a"`},
		{"self merge", "", "", `{"kind":"merge","merge":{"from":"person/putin","into":"person/putin"}}`, "merged into itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.SplitAfter(dump, "\n")
			if tt.kind == "" {
				lines = append(lines, tt.new+"\n")
			} else {
				old, done := regexp.MustCompile(tt.old), false
				for i, l := range lines {
					if !done && strings.Contains(l, tt.kind) && old.MatchString(l) {
						lines[i], done = old.ReplaceAllLiteralString(l, tt.new), true
					}
				}
				if !done {
					t.Fatalf("no %s line with %s in the dump", tt.kind, tt.old)
				}
			}
			err := MustOpenDB(t).Restore(ctx, jsonRecords(strings.Join(lines, "")))
			wantCode(t, err, graph.EINVALID)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %s", err, tt.want)
			}
		})
	}
}

// TestRestore_OldDates: a dump written before publication dates were
// normalized on input restores with them in ISO 8601, and without the
// ones that cannot be read.
func TestRestore_OldDates(t *testing.T) {
	dump := `{"kind":"document","document":{"id":"r1","published":"26-FEB-1987 15:01:01.79","text":"Cocoa prices rose."}}` + "\n" +
		`{"kind":"document","document":{"id":"r2","published":"31-MAR-1987 605:12:19.12","text":"Cocoa prices fell."}}` + "\n"
	db := MustOpenDB(t)
	if err := db.Restore(ctx, jsonRecords(dump)); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"r1": "1987-02-26T15:01:01", "r2": ""} {
		d, err := db.Document(ctx, id)
		if err != nil || d.Published != want {
			t.Errorf("document %s = %+v, %v; want published %q", id, d, err, want)
		}
	}
}
