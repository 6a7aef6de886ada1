package export_test

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// TestTallies_RDF exports two reports of one toll that contradict each
// other (355 and 684 dead on one day, in two documents), with no record
// after the figures, and checks the tally node and fg:contradicts in
// N-Quads and JSON-LD, and that the Dgraph dialect has none.
func TestTallies_RDF(t *testing.T) {
	v1, v2 := 355.0, 684.0
	fig := func(id, doc string, v *float64) *graph.Record {
		return &graph.Record{Kind: graph.RecordFigure, Figure: &graph.Figure{ID: id, Value: v, Measure: graph.Killed,
			About: "event/quake", AsOf: "2015-04-26", Kind: graph.KindToll, Text: "dead", Confidence: 0.8,
			Evidence: graph.Mention{Document: doc, Start: 0, End: 4, Text: "dead"}}}
	}
	rs := []*graph.Record{fig("f1", "d1", &v1), fig("f2", "d2", &v2)}
	nq := string(encodeAll(t, "nquads", rs)["fixture.nq"])
	tally := "<" + export.IDBase + "tally/killed%7Cevent/quake%7C%7C> "
	for _, want := range []string{
		tally + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + export.NS + "Tally> .",
		tally + "<" + export.NS + "agreement> \"disagree\" .",
		tally + "<" + export.NS + "reportCount> \"2\"^^<http://www.w3.org/2001/XMLSchema#int> .",
		tally + "<" + export.NS + "latest> <" + export.IDBase + "figure/f2> .",
		tally + "<" + export.NS + "report> <" + export.IDBase + "figure/f1> .",
		"<" + export.IDBase + "figure/f1> <" + export.NS + "contradicts> <" + export.IDBase + "figure/f2> .",
		"<" + export.IDBase + "figure/f2> <" + export.NS + "contradicts> <" + export.IDBase + "figure/f1> .",
	} {
		if !strings.Contains(nq, want+"\n") {
			t.Errorf("N-Quads lack\n%s\nin\n%s", want, nq)
		}
	}
	if dg := string(encodeAll(t, "dgraph", rs)["fixture.dgraph.rdf"]); strings.Contains(dg, "Tally") {
		t.Errorf("the Dgraph dialect has a tally:\n%s", dg)
	}
	ld := string(encodeAll(t, "jsonld", rs)["fixture.jsonld"])
	for _, want := range []string{`"@type":["fg:Tally"]`, `"agreement":"disagree"`, `"contradicts":["` + export.IDBase + `figure/f2"]`} {
		if !strings.Contains(ld, want) {
			t.Errorf("JSON-LD lacks %s in\n%s", want, ld)
		}
	}
}
