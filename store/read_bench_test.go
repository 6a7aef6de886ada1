package store

import (
	"context"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/loadtest"
)

// benchDB opens $FACTGRAPH_BENCH_DB read-only (for example a store with
// Reuters-21578 and BBC ingested by "factgraph ingest"), or skips.
func benchDB(b *testing.B) *DB {
	path := os.Getenv("FACTGRAPH_BENCH_DB")
	if path == "" {
		b.Skip("set FACTGRAPH_BENCH_DB=/path/to/store")
	}
	db, err := Open(path, WithReadOnly())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// benchNames returns the names of the first n entities of each of the
// person, place and organization listings, a spread of rare and common
// entities; or the comma-separated names in $FACTGRAPH_BENCH_NAME (such as
// the most connected ones, "U.S.,Reuters").
func benchNames(b *testing.B, db *DB, n int) []string {
	if s := os.Getenv("FACTGRAPH_BENCH_NAME"); s != "" {
		return strings.Split(s, ",")
	}
	var names []string
	for _, t := range []graph.EntityType{graph.Person, graph.Place, graph.Organization} {
		l, err := db.Entities(context.Background(), graph.EntityFilter{Type: t, Page: graph.Page{First: n}})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range l.Items {
			names = append(names, e.Name)
		}
	}
	return names
}

// entityQuery makes the store calls of the GraphQL API's query (a): an
// entity by name with its roles, its first 20 relations with both ends,
// and the documents of their first 3 evidence mentions.
func entityQuery(ctx context.Context, db *DB, name string) error {
	l, err := db.Entities(ctx, graph.EntityFilter{Name: name, Page: graph.Page{First: 1}})
	if err != nil || len(l.Items) == 0 {
		return err
	}
	e := l.Items[0]
	var ofs []string
	for _, r := range e.Roles {
		if r.Of != "" {
			ofs = append(ofs, r.Of)
		}
	}
	if len(ofs) > 0 {
		if _, err := db.EntitiesByID(ctx, ofs); err != nil {
			return err
		}
	}
	rels, err := db.Relations(ctx, graph.RelationFilter{Entity: e.ID, Direction: graph.Both, Page: graph.Page{First: 20}})
	if err != nil {
		return err
	}
	var ends, docs []string
	for _, r := range rels.Items {
		ends = append(ends, r.Subject, r.Object)
		for i, m := range r.Evidence {
			if i == 3 {
				break
			}
			docs = append(docs, m.Document)
		}
	}
	if _, err := db.EntitiesByID(ctx, ends); err != nil {
		return err
	}
	if len(docs) > 0 {
		_, err = db.Documents(ctx, graph.DocumentFilter{IDs: docs, Page: graph.Page{First: len(docs)}})
	}
	return err
}

// BenchmarkRead measures the store's read paths on a real store, with 32
// concurrent readers cycling through entity names (so most lookups miss
// the caches a single repeated name would warm).
//
//	FACTGRAPH_BENCH_DB=/tmp/news.db go test ./store -run '^$' -bench Read
func BenchmarkRead(b *testing.B) {
	db := benchDB(b)
	names := benchNames(b, db, 300)
	ctx := context.Background()
	ids := make([]string, 0, len(names))
	for _, n := range names {
		l, err := db.Entities(ctx, graph.EntityFilter{Name: n, Page: graph.Page{First: 1}})
		if err == nil && len(l.Items) > 0 {
			ids = append(ids, l.Items[0].ID)
		}
	}
	parallel := func(b *testing.B, fn func(i int) error) {
		b.ReportAllocs()
		b.SetParallelism(16) // 32 goroutines on 2 cores
		var next atomic.Int64
		cpu := loadtest.CPUTime()
		defer func() { b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/op") }()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := int(next.Add(1))
				if err := fn(i); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	b.Run("EntityQuery", func(b *testing.B) {
		parallel(b, func(i int) error { return entityQuery(ctx, db, names[i%len(names)]) })
	})
	b.Run("EntitiesByName", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Entities(ctx, graph.EntityFilter{Name: names[i%len(names)], Page: graph.Page{First: 1}})
			return err
		})
	})
	b.Run("Relations", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Relations(ctx, graph.RelationFilter{Entity: ids[i%len(ids)], Page: graph.Page{First: 20}})
			return err
		})
	})
	b.Run("EntitiesByID", func(b *testing.B) {
		parallel(b, func(i int) error {
			j := i % len(ids)
			_, err := db.EntitiesByID(ctx, ids[j:min(j+20, len(ids))])
			return err
		})
	})
	b.Run("Mentions", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Mentions(ctx, ids[i%len(ids)], graph.Page{First: 20})
			return err
		})
	})
	docs, err := db.Documents(ctx, graph.DocumentFilter{Page: graph.Page{First: 300}})
	if err != nil || len(docs.Items) == 0 {
		b.Fatalf("documents: %d, %v", len(docs.Items), err)
	}
	b.Run("DocumentMentions", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.DocumentMentions(ctx, docs.Items[i%len(docs.Items)].ID, graph.Page{First: 20})
			return err
		})
	})
	b.Run("DocumentMentionsByDump", func(b *testing.B) {
		// What the GraphQL API did before DocumentMentions: a one-document
		// dump, keeping its mention records.
		parallel(b, func(i int) error {
			_ = dumpedMentions(b, db, docs.Items[i%len(docs.Items)].ID)
			return nil
		})
	})
	b.Run("Neighbors", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Neighbors(ctx, ids[i%len(ids)], "", 20)
			return err
		})
	})
	b.Run("TwoHop", func(b *testing.B) {
		// The GraphQL API's query (b): 20 neighbours, and 20 of each.
		parallel(b, func(i int) error {
			ns, err := db.Neighbors(ctx, ids[i%len(ids)], "", 20)
			for _, n := range ns {
				if err == nil {
					_, err = db.Neighbors(ctx, n.ID, "", 20)
				}
			}
			return err
		})
	})
	b.Run("Path", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Path(ctx, graph.PathFilter{From: ids[i%len(ids)], To: ids[(i+7)%len(ids)], MaxHops: 4})
			if graph.ErrorCode(err) == graph.ELIMIT {
				err = nil
			}
			return err
		})
	})
	b.Run("EntitiesOrderedByMentions", func(b *testing.B) {
		// The explorer's home page: the ten most mentioned of one type.
		types := []graph.EntityType{graph.Person, graph.Organization, graph.Place, graph.Event}
		parallel(b, func(i int) error {
			_, err := db.Entities(ctx, graph.EntityFilter{Type: types[i%len(types)], OrderBy: graph.ByMentions, Page: graph.Page{First: 10}})
			return err
		})
	})
	b.Run("EntitiesOrderedByName", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Entities(ctx, graph.EntityFilter{Type: graph.Organization, OrderBy: graph.ByName, Page: graph.Page{First: 20}})
			return err
		})
	})
	b.Run("Vocabulary", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.Vocabulary(ctx)
			return err
		})
	})
	b.Run("FigureTotals", func(b *testing.B) {
		parallel(b, func(i int) error {
			_, err := db.FigureTotals(ctx, "", "")
			return err
		})
	})
}

// BenchmarkTallies reads the first page of tallies of each measure, the
// most-reported first, and the figure totals, one goroutine at a time.
func BenchmarkTallies(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	v, err := db.Vocabulary(ctx)
	if err != nil || len(v.Measures) == 0 {
		b.Fatalf("vocabulary %+v, %v", v, err)
	}
	for _, m := range v.Measures[:min(3, len(v.Measures))] {
		b.Run(m.Term, func(b *testing.B) {
			cpu := loadtest.CPUTime()
			for b.Loop() {
				if _, err := db.Tallies(ctx, graph.TallyFilter{Measure: m.Term, Page: graph.Page{First: 20}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
		})
	}
	b.Run("FigureTotals", func(b *testing.B) {
		cpu := loadtest.CPUTime()
		for b.Loop() {
			if _, err := db.FigureTotals(ctx, "", ""); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
	})
}
