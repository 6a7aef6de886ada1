package store

import (
	"context"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// BenchmarkDocumentFacts reads one document's relations, figures, events
// and quotes from $FACTGRAPH_BENCH_DB, cycling through its 200 newest
// documents: "dump" the way the schema read them before DocumentFacts (a
// dump filtered to the document, which scans every fact), "lister"
// through DocumentFacts. It first checks that both give the same records.
//
//	FACTGRAPH_BENCH_DB=/tmp/news.db go test ./store -run '^$' -bench DocumentFacts -benchtime 20x
func BenchmarkDocumentFacts(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	l, err := db.Documents(ctx, graph.DocumentFilter{Page: graph.Page{First: 200}})
	if err != nil {
		b.Fatal(err)
	}
	var docs []string
	for _, d := range l.Items {
		docs = append(docs, d.ID)
	}
	listed := map[string]int{}
	for _, d := range docs[:5] {
		checkDocumentFacts(b, db, d, listed)
	}
	b.Logf("the first 5 documents list %v", listed)
	for _, tc := range []struct {
		name string
		read func(doc, kind string) error
	}{
		{"dump", func(doc, kind string) error {
			return db.Dump(ctx, graph.DumpFilter{Documents: []string{doc}}, func(*graph.Record) error { return nil })
		}},
		{"lister", func(doc, kind string) error {
			_, err := db.DocumentFacts(ctx, doc, kind)
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				doc := docs[i%len(docs)]
				for _, kind := range factKinds {
					if err := tc.read(doc, kind); err != nil {
						b.Fatal(err)
					}
					if tc.name == "dump" {
						break // one dump gives every kind
					}
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
		})
	}
}
