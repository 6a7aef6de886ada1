package schema_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// TestDocumentFacts: over a server on loopback, a document lists the
// relations, figures, events and quotes it states, a fact of another
// document is not among them, and a quote is about the entities named in
// its span and the subject of its sentence, its speaker left out.
func TestDocumentFacts(t *testing.T) {
	g := newFixture(t)
	srv, err := schema.New(schema.Services{
		Documents: g, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g, Dumper: g,
	}, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(srv), g: g, srv: srv}
	defer ts.Close()
	g.mu.Lock()
	g.docs["other"] = &graph.Document{ID: "other", Text: "Elsewhere."}
	g.relations = append(g.relations, &graph.Relation{ID: "rel/elsewhere", Subject: "place/sochi", Predicate: graph.LocatedIn,
		Object: "place/syria", Confidence: 0.5, Weight: 1, Evidence: []graph.Mention{{Document: "other", Start: 0, End: 9, Text: "Elsewhere"}}})
	// A quote whose span names Putin (its speaker), Sochi and Angela Merkel.
	about := span(t, "German Chancellor Angela Merkel will meet Putin in Sochi", 0, "")
	g.quotes = append(g.quotes, &graph.Quote{ID: "quote/2", Text: about.Text, Speaker: "person/vladimir-putin", Evidence: about, Confidence: 0.5})
	// A partial quote, whose sentence names Angela Merkel before it: she
	// is its subject, unless she said it.
	part := span(t, "will meet Putin in Sochi", 0, "")
	g.quotes = append(g.quotes, &graph.Quote{ID: "quote/3", Text: part.Text, Evidence: part, Confidence: 0.5},
		&graph.Quote{ID: "quote/4", Text: part.Text, Speaker: "person/angela-merkel", Evidence: part, Confidence: 0.5})
	g.mu.Unlock()

	var got struct {
		Document struct {
			Relations []struct {
				ID, Predicate string
				Weight        int
			}
			Figures []struct{ ID string }
			Events  []struct{ ID string }
			Quotes  []struct {
				ID    string
				About []struct{ ID string }
			}
			Two []struct{ ID string }
		}
	}
	ts.mustData(t, `query($id: ID!) { document(id: $id) {
		relations { id predicate weight } figures { id } events { id } quotes { id about { id } }
		two: relations(first: 2) { id } } }`, map[string]any{"id": docID}, &got)
	d := got.Document
	var rels []string
	for _, r := range d.Relations {
		rels = append(rels, r.Predicate)
		if r.ID == "rel/elsewhere" {
			t.Errorf("the relation of another document is listed")
		}
	}
	if len(d.Relations) != 4 || len(d.Two) != 2 {
		t.Errorf("relations %q (first 2: %d), want the 4 of the document", rels, len(d.Two))
	}
	if len(d.Figures) != 1 || d.Figures[0].ID != "figure/1" || len(d.Events) != 1 || d.Events[0].ID != "event/1" {
		t.Errorf("figures %v, events %v", d.Figures, d.Events)
	}
	abouts := map[string]string{}
	for _, q := range d.Quotes {
		var ids []string
		for _, e := range q.About {
			ids = append(ids, e.ID)
		}
		abouts[q.ID] = strings.Join(ids, " ")
	}
	want := map[string]string{"quote/1": "", "quote/2": "place/germany person/angela-merkel place/sochi",
		"quote/3": "person/vladimir-putin place/sochi person/angela-merkel", "quote/4": "person/vladimir-putin place/sochi"}
	for id, w := range want {
		if abouts[id] != w {
			t.Errorf("%s is about %q, want %q", id, abouts[id], w)
		}
	}
	if len(abouts) != len(want) {
		t.Errorf("quotes %v, want %d", abouts, len(want))
	}
}
