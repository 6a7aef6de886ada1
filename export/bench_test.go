package export_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// syntheticGraph builds a graph shaped like a news corpus: per document a
// 2 KB text, 12 entities' worth of mentions, relations with evidence,
// figures, an event and a quote. Records are built once, so that the
// benchmarks measure the encoders alone.
func syntheticGraph(docs int) []*graph.Record {
	var rs []*graph.Record
	text := ""
	for len(text) < 2000 {
		text += "President Vladimir Putin met Syria's Bashar al-Assad in Sochi on Tuesday, the Kremlin said. "
	}
	types := []graph.EntityType{graph.Person, graph.Place, graph.Organization, graph.Event}
	entities := docs * 3
	for d := range docs {
		rs = append(rs, &graph.Record{Kind: graph.RecordDocument, Document: &graph.Document{
			ID: fmt.Sprintf("reuters-%06d", d), Title: "Putin meets Assad", Published: "1987-03-12",
			Text: text, Place: "place/sochi"}})
	}
	for i := range entities {
		rs = append(rs, &graph.Record{Kind: graph.RecordEntity, Entity: &graph.Entity{
			ID: fmt.Sprintf("%s/entity-%06d", types[i%4], i), Type: types[i%4], Name: fmt.Sprintf("Entity Number %d", i),
			Aliases: []string{fmt.Sprintf("E%d", i)}, MentionCount: 4}})
	}
	span := func(d, i int) graph.Mention {
		return graph.Mention{Document: fmt.Sprintf("reuters-%06d", d), Sentence: i, Start: i * 40, End: i*40 + 15, Text: "Vladimir Putin"}
	}
	for d := range docs {
		for i := range 12 {
			m := span(d, i)
			m.Entity = fmt.Sprintf("%s/entity-%06d", types[(d+i)%4], (d*3+i)%entities)
			rs = append(rs, &graph.Record{Kind: graph.RecordMention, Mention: &m})
		}
	}
	for d := range docs {
		for i := range 6 {
			rs = append(rs, &graph.Record{Kind: graph.RecordRelation, Relation: &graph.Relation{
				ID: fmt.Sprintf("rel-%06d-%d", d, i), Subject: fmt.Sprintf("person/entity-%06d", d), Predicate: graph.MentionedWith,
				Object: fmt.Sprintf("place/entity-%06d", (d+i)%entities), Symmetric: true, Confidence: 0.5, Weight: 2,
				Evidence: []graph.Mention{span(d, i), span((d+1)%docs, i)}}})
		}
	}
	for d := range docs {
		v := float64(d * 10)
		rs = append(rs, &graph.Record{Kind: graph.RecordFigure, Figure: &graph.Figure{
			ID: fmt.Sprintf("fig-%06d", d), Value: &v, Qualifier: "at least", Measure: graph.Killed, Counted: "people",
			Place: "place/sochi", Text: "at least 10 people", Evidence: span(d, 3), Confidence: 0.8}})
	}
	for d := range docs {
		rs = append(rs, &graph.Record{Kind: graph.RecordEvent, Event: &graph.EventFact{
			ID: fmt.Sprintf("ev-%06d", d), Kind: "meeting", Name: "meeting of A and B",
			Participants: []string{"person/a", "person/b"}, Place: "place/sochi", Date: "1987-03-10",
			Evidence: []graph.Mention{span(d, 1)}, Confidence: 0.7}})
		rs = append(rs, &graph.Record{Kind: graph.RecordQuote, Quote: &graph.Quote{
			ID: fmt.Sprintf("q-%06d", d), Text: "We will not back down", Speaker: "person/a",
			Evidence: span(d, 2), Confidence: 0.9}})
	}
	return rs
}

// BenchmarkNQuads measures N-Quads export on one core:
//
//	go test ./export/ -run '^$' -bench NQuads -benchmem -cpu 1
//
// statements/s is the figure to compare with the 1,000,000/s target.
func BenchmarkNQuads(b *testing.B) {
	rs := syntheticGraph(1000)
	var statements int64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		enc := export.NewNQuadsEncoder(io.Discard, export.NQuadsOptions{})
		if err := export.Export(context.Background(), fakeDumper(rs), graph.DumpFilter{}, enc); err != nil {
			b.Fatal(err)
		}
		statements += enc.Statements()
	}
	b.ReportMetric(float64(statements)/b.Elapsed().Seconds(), "statements/s")
	b.ReportMetric(float64(statements)/float64(b.N), "statements/op")
}

// BenchmarkFormats compares the other encoders on the same graph.
func BenchmarkFormats(b *testing.B) {
	rs := syntheticGraph(1000)
	for _, tt := range []struct {
		name string
		enc  func() export.Encoder
	}{
		{"jsonld", func() export.Encoder { return export.NewJSONLDEncoder(io.Discard) }},
		{"graphml", func() export.Encoder { return export.NewGraphMLEncoder(io.Discard) }},
		{"csv", func() export.Encoder { return export.NewCSVEncoder(io.Discard, io.Discard) }},
		{"jsonl", func() export.Encoder { return export.NewJSONLEncoder(io.Discard) }},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := export.Export(context.Background(), fakeDumper(rs), graph.DumpFilter{}, tt.enc()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rs))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
