package store

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// docOverlap has two entities on one span and a third on a longer span
// starting at the same place, so that text order needs End and Entity.
func docOverlap() *graph.Extraction {
	return extraction("d", "New York City Hall hosted New York officials.",
		ent{id: "place/new-york", typ: graph.Place, name: "New York", surfaces: []string{"New York"}},
		ent{id: "organization/new-york", typ: graph.Organization, name: "New York", surfaces: []string{"New York"}},
		ent{id: "place/new-york-city", typ: graph.Place, name: "New York City", surfaces: []string{"New York City"}},
	)
}

// pos renders mentions as "start-end entity text" for comparison.
func pos(ms []graph.Mention) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d-%d %s %s", m.Start, m.End, m.Entity, m.Text))
	}
	return out
}

func TestDocumentMentions(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB(), docC(), docOverlap())
	for _, tc := range []struct {
		name string
		doc  string
		want []string
	}{
		// "Putin" joined person/vladimir-putin when document b arrived.
		{"OK", "a", []string{
			"0-5 person/vladimir-putin Putin",
			"10-25 person/bashar-al-assad Bashar al-Assad",
			"29-34 place/sochi Sochi",
			"48-53 person/vladimir-putin Putin",
		}},
		{"ByEndThenEntity", "d", []string{
			"0-8 organization/new-york New York",
			"0-8 place/new-york New York",
			"0-13 place/new-york-city New York City",
			"26-34 organization/new-york New York",
			"26-34 place/new-york New York",
		}},
		{"UnknownDocument", "nope", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := db.DocumentMentions(ctx, tc.doc, graph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			if got := pos(l.Items); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if l.TotalCount != len(tc.want) || l.HasNextPage || len(l.Cursors) != len(l.Items) {
				t.Errorf("total %d, next %v, %d cursors; want total %d, no next page, one cursor per item",
					l.TotalCount, l.HasNextPage, len(l.Cursors), len(tc.want))
			}
			for _, m := range l.Items {
				if m.Document != tc.doc {
					t.Errorf("mention %+v: document %q, want %q", m, m.Document, tc.doc)
				}
			}
			// The mentions are those a one-document dump gives, which is
			// what the GraphQL API reads without DocumentMentions.
			if got, want := l.Items, dumpedMentions(t, db, tc.doc); !reflect.DeepEqual(got, want) && len(want)+len(got) > 0 {
				t.Errorf("got %+v, dump has %+v", got, want)
			}
		})
	}
	t.Run("Paging", func(t *testing.T) {
		for _, doc := range []string{"a", "d"} {
			all, err := db.DocumentMentions(ctx, doc, graph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			var got []graph.Mention
			p := graph.Page{First: 2}
			for pages := 0; ; pages++ {
				if pages > len(all.Items) {
					t.Fatalf("document %s: paging does not end", doc)
				}
				l, err := db.DocumentMentions(ctx, doc, p)
				if err != nil {
					t.Fatal(err)
				}
				if len(l.Items) > 2 || len(l.Cursors) != len(l.Items) || l.TotalCount != all.TotalCount {
					t.Fatalf("document %s page %d: %d items, %d cursors, total %d (want ≤2 items, total %d)",
						doc, pages, len(l.Items), len(l.Cursors), l.TotalCount, all.TotalCount)
				}
				got = append(got, l.Items...)
				if !l.HasNextPage {
					break
				}
				p.After = l.Cursors[len(l.Cursors)-1]
			}
			if !reflect.DeepEqual(got, all.Items) {
				t.Errorf("document %s: pages give %q, want %q", doc, pos(got), pos(all.Items))
			}
		}
	})
	t.Run("BadCursor", func(t *testing.T) {
		ms, err := db.Mentions(ctx, "place/sochi", graph.Page{})
		if err != nil || len(ms.Cursors) == 0 {
			t.Fatalf("entity mentions: %+v, %v", ms, err)
		}
		for _, c := range []string{"!!", "bQ", ms.Cursors[0]} {
			_, err := db.DocumentMentions(ctx, "a", graph.Page{After: c})
			wantCode(t, err, graph.EINVALID)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := db.DocumentMentions(cctx, "a", graph.Page{}); err == nil {
			t.Fatal("cancelled context: no error")
		}
	})
}

func TestDocumentMentionsAfterWrites(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, docA(), docB(), docC())
	first, err := db.DocumentMentions(ctx, "a", graph.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Merge", func(t *testing.T) {
		if _, err := db.MergeEntities(ctx, []string{"place/sochi"}, "place/moscow"); err != nil {
			t.Fatal(err)
		}
		l, err := db.DocumentMentions(ctx, "a", graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"0-5 person/vladimir-putin Putin",
			"10-25 person/bashar-al-assad Bashar al-Assad",
			"29-34 place/moscow Sochi",
			"48-53 person/vladimir-putin Putin",
		}
		if got := pos(l.Items); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("CursorStable", func(t *testing.T) {
		l, err := db.DocumentMentions(ctx, "a", graph.Page{After: first.Cursors[1]})
		if err != nil {
			t.Fatal(err)
		}
		if got := pos(l.Items); len(got) != 2 || !strings.HasPrefix(got[0], "29-34 ") || l.TotalCount != 4 {
			t.Errorf("after the second mention: %q (total %d)", got, l.TotalCount)
		}
	})
	t.Run("DeletedDocument", func(t *testing.T) {
		if err := db.DeleteDocument(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		l, err := db.DocumentMentions(ctx, "a", graph.Page{})
		if err != nil || len(l.Items) != 0 || l.TotalCount != 0 || l.HasNextPage {
			t.Errorf("deleted document: %+v, %v", l, err)
		}
	})
}

// dumpedMentions returns the mentions of doc in a one-document dump, in
// text order.
func dumpedMentions(tb testing.TB, db *DB, doc string) []graph.Mention {
	tb.Helper()
	var ms []graph.Mention
	err := db.Dump(ctx, graph.DumpFilter{Documents: []string{doc}}, func(r *graph.Record) error {
		if r.Kind == graph.RecordMention && r.Mention.Document == doc {
			ms = append(ms, *r.Mention)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.SortFunc(ms, func(a, b graph.Mention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.Entity, b.Entity))
	})
	return ms
}
