package store

import (
	"context"
	"os"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/loadtest"
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
			cpu := loadtest.CPUTime()
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
			b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
		})
	}
}

// BenchmarkDateRange lists the first page of documents, figures, events,
// quotes and relations of one day, one month and one year of
// $FACTGRAPH_BENCH_DB, and of an entity's mentions and relations in them ($FACTGRAPH_BENCH_NAME, default
// "Reuters"), to show what a range without an index costs.
//
//	FACTGRAPH_BENCH_DB=/tmp/news.db go test ./store -run '^$' -bench DateRange -benchtime 20x
func BenchmarkDateRange(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	names := benchNames(b, db, 1)
	name := names[0]
	if os.Getenv("FACTGRAPH_BENCH_NAME") == "" {
		name = "Reuters"
	}
	el, err := db.Entities(ctx, graph.EntityFilter{Name: name, Page: graph.Page{First: 1}})
	if err != nil || len(el.Items) == 0 {
		b.Fatalf("no entity %q: %v", name, err)
	}
	entity := el.Items[0].ID
	page := graph.Page{First: 20}
	for _, r := range []struct {
		name string
		r    graph.DateRange
	}{
		{"day", graph.DateRange{Since: "1987-03-02", Until: "1987-03-02"}},
		{"month", graph.DateRange{Since: "1987-03", Until: "1987-03"}},
		{"year", graph.DateRange{Since: "1987", Until: "1987"}},
	} {
		for _, tc := range []struct {
			name string
			list func() (int, error)
		}{
			{"documents", func() (int, error) {
				l, err := db.Documents(ctx, graph.DocumentFilter{DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
			{"figures", func() (int, error) {
				l, err := db.Figures(ctx, graph.FigureFilter{DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
			{"events", func() (int, error) {
				l, err := db.Events(ctx, graph.EventFilter{DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
			{"quotes", func() (int, error) {
				l, err := db.Quotes(ctx, graph.QuoteFilter{DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
			{"mentions", func() (int, error) {
				l, err := db.MentionsInRange(ctx, entity, r.r, page)
				return len(l.Items), err
			}},
			{"relations", func() (int, error) {
				l, err := db.Relations(ctx, graph.RelationFilter{DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
			{"entityRelations", func() (int, error) {
				l, err := db.Relations(ctx, graph.RelationFilter{Entity: entity, DateRange: r.r, Page: page})
				return len(l.Items), err
			}},
		} {
			b.Run(r.name+"/"+tc.name, func(b *testing.B) {
				cpu := loadtest.CPUTime()
				n := 0
				for i := 0; i < b.N; i++ {
					var err error
					if n, err = tc.list(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
				b.ReportMetric(float64(n), "items")
			})
		}
	}
}
