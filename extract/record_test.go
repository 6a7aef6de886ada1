package extract_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
)

// TestRecordLayout checks the JSON that score.py and "factgraph extract"
// readers depend on: the field names, and lists that are never null.
func TestRecordLayout(t *testing.T) {
	x := mustExtractor(t)
	text := "Sochi: Russian President Vladimir Putin met Angela Merkel on Thursday. “We agreed,” Putin said. More than 450,000 people have been killed."
	got, err := x.Extract(context.Background(), graph.Document{ID: "r1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(extract.NewRecord(got))
	if err != nil {
		t.Fatal(err)
	}
	var r map[string]any
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r["id"] != "r1" || r["place"] != "place/sochi" {
		t.Errorf("id %v, place %v", r["id"], r["place"])
	}
	for _, k := range []string{"entities", "relations", "figures", "events", "quotes", "dates"} {
		if _, ok := r[k].([]any); !ok {
			t.Errorf("%s is %T, want a list", k, r[k])
		}
	}
	span := func(what string, m map[string]any) {
		t.Helper()
		s, ok1 := m["start"].(float64)
		e, ok2 := m["end"].(float64)
		txt, ok3 := m["text"].(string)
		if !ok1 || !ok2 || !ok3 || graph.Slice(text, int(s), int(e)) != txt {
			t.Errorf("%s: bad span %v", what, m)
		}
	}
	for _, e := range r["entities"].([]any) {
		e := e.(map[string]any)
		for _, k := range []string{"id", "type", "name", "mentions"} {
			if _, ok := e[k]; !ok {
				t.Errorf("entity without %q: %v", k, e)
			}
		}
		for _, m := range e["mentions"].([]any) {
			span("mention", m.(map[string]any))
		}
	}
	figs := r["figures"].([]any)
	if len(figs) == 0 {
		t.Fatal("no figures")
	}
	for _, f := range figs {
		f := f.(map[string]any)
		span("figure", f)
		if f["measure"] == "" || f["value"] == nil {
			t.Errorf("figure %v", f)
		}
	}
	for _, q := range r["quotes"].([]any) {
		span("quote", q.(map[string]any))
	}
	for _, d := range r["dates"].([]any) {
		span("date", d.(map[string]any))
	}
	if len(r["dates"].([]any)) == 0 || len(r["quotes"].([]any)) == 0 || len(r["events"].([]any)) == 0 {
		t.Errorf("dates %v, quotes %v, events %v", r["dates"], r["quotes"], r["events"])
	}
	empty, _ := json.Marshal(extract.NewRecord(&graph.Extraction{Document: graph.Document{ID: "e"}}))
	if string(empty) != `{"id":"e","entities":[],"relations":[],"figures":[],"events":[],"quotes":[],"dates":[]}` {
		t.Errorf("empty record %s", empty)
	}
}
