package schema_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// listedMentions adds schema.DocumentMentionLister to memGraph, from its
// entities' mentions, and counts the calls.
type listedMentions struct {
	*memGraph
	calls atomic.Int64
}

func (g *listedMentions) DocumentMentions(ctx context.Context, docID string, p graph.Page) (graph.List[graph.Mention], error) {
	g.calls.Add(1)
	var ms []graph.Mention
	g.mu.RLock()
	for _, list := range g.mentions {
		for _, m := range list {
			if m.Document == docID {
				ms = append(ms, m)
			}
		}
	}
	g.mu.RUnlock()
	slices.SortFunc(ms, func(a, b graph.Mention) int { return a.Start - b.Start })
	return paginate(ms, func(m graph.Mention) string { return fmt.Sprintf("%08d", m.Start) }, p)
}

// docMention is a Mention of Document.mentions as the tests read it.
type docMention struct {
	Start, End, SentenceStart int
	Text, Sentence            string
	Entity                    struct{ ID string }
}

type mentionPage struct {
	Document struct {
		Mentions struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct {
				Cursor string
				Node   docMention
			}
		}
	}
}

const docMentionsQuery = `query($first: Int, $after: String) { document(id: "1.2223405-2511317925") {
	mentions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
		edges { cursor node { start end text sentence sentenceStart entity { id } } } } } }`

// wantDocMentions returns the fixture's entity mentions in text order.
func wantDocMentions(g *memGraph) []graph.Mention {
	var ms []graph.Mention
	for _, list := range g.mentions {
		ms = append(ms, list...)
	}
	slices.SortFunc(ms, func(a, b graph.Mention) int { return a.Start - b.Start })
	return ms
}

func TestDocumentMentions(t *testing.T) {
	tests := []struct {
		name   string
		lister bool
	}{
		{"FromDump", false},
		{"FromLister", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newFixture(t)
			lg := &listedMentions{memGraph: g}
			var docs graph.DocumentService = documentsOnly{g}
			if tt.lister {
				docs = lg
			}
			srv, err := schema.New(schema.Services{
				Documents: docs, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g, Dumper: g,
			}, schema.Config{})
			if err != nil {
				t.Fatal(err)
			}
			ts := &testServer{Server: httptest.NewServer(srv), g: g, srv: srv}
			defer ts.Close()
			want := wantDocMentions(g)

			// Page through with first: 4; every mention once, in order.
			var got []docMention
			after := any(nil)
			for range len(want) + 1 {
				var page mentionPage
				ts.mustData(t, docMentionsQuery, map[string]any{"first": 4, "after": after}, &page)
				ms := page.Document.Mentions
				if ms.TotalCount != len(want) {
					t.Errorf("totalCount = %d, want %d", ms.TotalCount, len(want))
				}
				for _, e := range ms.Edges {
					got = append(got, e.Node)
				}
				if !ms.PageInfo.HasNextPage {
					break
				}
				after = ms.PageInfo.EndCursor
			}
			if len(got) != len(want) {
				t.Fatalf("paging visited %d mentions, want %d", len(got), len(want))
			}
			text := []rune(docText)
			for i, m := range got {
				w := want[i]
				if m.Start != w.Start || m.End != w.End || m.Text != w.Text || m.Entity.ID != w.Entity {
					t.Errorf("mention %d = %+v, want %+v", i, m, w)
				}
				// sentenceStart places the sentence in the document, and
				// the span inside the sentence.
				sent := []rune(m.Sentence)
				if m.SentenceStart < 0 || m.SentenceStart+len(sent) > len(text) || string(text[m.SentenceStart:m.SentenceStart+len(sent)]) != m.Sentence {
					t.Errorf("mention %q: sentenceStart %d does not locate %q", m.Text, m.SentenceStart, m.Sentence)
					continue
				}
				if at := m.Start - m.SentenceStart; at < 0 || at+len([]rune(m.Text)) > len(sent) || string(sent[at:at+len([]rune(m.Text))]) != m.Text {
					t.Errorf("mention %q is not at %d in its sentence %q", m.Text, at, m.Sentence)
				}
			}
			if tt.lister && lg.calls.Load() == 0 {
				t.Error("DocumentMentionLister was not used")
			}
		})
	}
}

func TestDocumentMentionsErrors(t *testing.T) {
	g := newFixture(t)
	tests := []struct {
		name     string
		svc      schema.Services
		after    string
		wantCode string
	}{
		{"BadCursor", schema.Services{Documents: documentsOnly{g}, Dumper: g}, "not a cursor", "INVALID"},
		{"CursorOfAnotherKind", schema.Services{Documents: documentsOnly{g}, Dumper: g}, "eDoxMg", "INVALID"},
		{"NoListerNoDumper", schema.Services{Documents: documentsOnly{g}}, "", "INTERNAL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc := tt.svc
			svc.Entities, svc.Relations, svc.Figures, svc.Events, svc.Quotes, svc.Stats = g, g, g, g, g, g
			srv, err := schema.New(svc, schema.Config{})
			if err != nil {
				t.Fatal(err)
			}
			ts := &testServer{Server: httptest.NewServer(srv), g: g, srv: srv}
			defer ts.Close()
			vars := map[string]any{"first": 2}
			if tt.after != "" {
				vars["after"] = tt.after
			}
			_, r := ts.post(t, docMentionsQuery, vars, "")
			if r.code() != tt.wantCode {
				t.Errorf("code = %q (%+v), want %s", r.code(), r.Errors, tt.wantCode)
			}
		})
	}
}
