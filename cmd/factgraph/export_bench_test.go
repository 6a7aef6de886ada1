package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// exportSynthetic returns the extraction of synthetic document i: six
// sentences naming people, places and organizations drawn from a pool of
// about pool entities (so that entities recur across documents as in
// news), with a meeting, relations with evidence, a figure and a quote.
func exportSynthetic(i, pool int) *graph.Extraction {
	doc := fmt.Sprintf("synthetic-%07d", i)
	var text []byte
	runes := 0
	write := func(s string) {
		text = append(text, s...)
		runes += utf8.RuneCountInString(s)
	}
	byID := map[string]*graph.Entity{}
	var entities []*graph.Entity
	mention := func(typ graph.EntityType, name string, sentence int) string {
		id := graph.EntityID(typ, name)
		m := graph.Mention{Document: doc, Entity: id, Sentence: sentence, Start: runes, End: runes + utf8.RuneCountInString(name), Text: name}
		write(name)
		e := byID[id]
		if e == nil {
			e = &graph.Entity{ID: id, Type: typ, Name: name}
			byID[id] = e
			entities = append(entities, e)
		}
		e.Mentions = append(e.Mentions, m)
		e.MentionCount++
		return id
	}
	person := func(k int) string { return fmt.Sprintf("Person %d", (i*7+k*13)%pool) }
	place := func(k int) string { return fmt.Sprintf("City %d", (i+k)%(pool/10+1)) }
	org := func(k int) string { return fmt.Sprintf("Company %d", (i*3+k)%(pool/5+1)) }

	x := &graph.Extraction{Document: graph.Document{ID: doc, Title: "Synthetic " + doc, Published: fmt.Sprintf("2015-%02d-%02d", i%12+1, i%28+1)}}
	for s := range 4 {
		start, startByte := runes, len(text)
		a := mention(graph.Person, person(s), s)
		write(" met ")
		b := mention(graph.Person, person(s+1), s)
		write(" in ")
		p := mention(graph.Place, place(s), s)
		write(".")
		ev := graph.Mention{Document: doc, Sentence: s, Start: start, End: runes, Text: string(text[startByte:])}
		write(" ")
		if a != b {
			x.Relations = append(x.Relations, &graph.Relation{ID: fmt.Sprintf("met-%s-%d", doc, s), Subject: a, Predicate: graph.Met,
				Object: b, Symmetric: true, Confidence: 0.9, Weight: 1, Evidence: []graph.Mention{ev}})
			x.Events = append(x.Events, &graph.EventFact{ID: fmt.Sprintf("ev-%s-%d", doc, s), Kind: "meeting",
				Name: "meeting", Participants: []string{a, b}, Place: p, Evidence: []graph.Mention{ev}, Confidence: 0.7})
		}
		x.Relations = append(x.Relations, &graph.Relation{ID: fmt.Sprintf("with-%s-%d", doc, s), Subject: a, Predicate: graph.MentionedWith,
			Object: p, Symmetric: true, Confidence: 0.5, Weight: 1, Evidence: []graph.Mention{ev}})
	}
	start, startByte := runes, len(text)
	o := mention(graph.Organization, org(0), 4)
	write(" said ")
	figStart, figByte := runes, len(text)
	write("more than 450 people")
	fig := graph.Mention{Document: doc, Sentence: 4, Start: figStart, End: runes, Text: string(text[figByte:])}
	write(" were killed in ")
	p := mention(graph.Place, place(9), 4)
	write(".")
	v := 450.0
	x.Figures = append(x.Figures, &graph.Figure{ID: "fig-" + doc, Value: &v, Qualifier: "more than", Measure: graph.Killed,
		Counted: "people", Place: p, Text: fig.Text, Evidence: fig, Confidence: 0.8})
	x.Relations = append(x.Relations, &graph.Relation{ID: "org-" + doc, Subject: o, Predicate: graph.MentionedWith, Object: p,
		Confidence: 0.5, Weight: 1, Evidence: []graph.Mention{{Document: doc, Sentence: 4, Start: start, End: runes, Text: string(text[startByte:])}}})
	write(" \"")
	qStart, qByte := runes, len(text)
	write("We will not back down")
	quote := graph.Mention{Document: doc, Sentence: 5, Start: qStart, End: runes, Text: string(text[qByte:])}
	write(",\" ")
	speaker := mention(graph.Person, person(0), 5)
	write(" said.")
	x.Quotes = append(x.Quotes, &graph.Quote{ID: "q-" + doc, Text: quote.Text, Speaker: speaker, Evidence: quote, Confidence: 0.9})
	x.Document.Text = string(text)
	x.Entities = entities
	return x
}

// exportSyntheticStore ingests docs synthetic documents into a new store.
func exportSyntheticStore(tb testing.TB, path string, docs int) {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < docs; i += 100 {
		var xs []*graph.Extraction
		for j := i; j < min(i+100, docs); j++ {
			xs = append(xs, exportSynthetic(j, 5000))
		}
		if _, err := db.Ingest(context.Background(), xs); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkExportNQuads measures N-Quads export from a real store, on one
// core: store read and encoding together.
//
//	go test ./cmd/factgraph/ -run '^$' -bench ExportNQuads -benchmem -cpu 1
//
// It exports a synthetic store of 2,000 documents, or the store named by
// $FACTGRAPH_BENCH_DB (for example the Reuters+BBC graph).
func BenchmarkExportNQuads(b *testing.B) {
	path := os.Getenv("FACTGRAPH_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "db")
		exportSyntheticStore(b, path, 2000)
	}
	db, err := store.Open(path, store.WithReadOnly())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var statements int64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		enc := export.NewNQuadsEncoder(io.Discard, export.NQuadsOptions{})
		if err := export.Export(context.Background(), db, graph.DumpFilter{}, enc); err != nil {
			b.Fatal(err)
		}
		statements += enc.Statements()
	}
	b.ReportMetric(float64(statements)/b.Elapsed().Seconds(), "statements/s")
	b.ReportMetric(float64(statements)/float64(b.N), "statements/op")
}
