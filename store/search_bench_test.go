package store_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

// BenchmarkSearch stores the 2,225 BBC documents of the shared data
// (texts and titles only: search does not read the extracted facts) and
// times executed searches, a mix of common and rare words and phrases, one
// page of 20 hits with snippets each; it reports the p50 and p99 latency
// over all the queries run.
func BenchmarkSearch(b *testing.B) {
	f, err := os.Open(testenv.Shared(b, "data/news_raw_bbc2225/bbc2225.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var xs []*graph.Extraction
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		xs = append(xs, &graph.Extraction{Document: graph.Document{ID: d.ID, Title: d.Title, Text: d.Text}})
	}
	db := store.MustOpenDB(b, store.WithTextIndex())
	ctx := context.Background()
	if _, err := db.Ingest(ctx, xs); err != nil {
		b.Fatal(err)
	}
	queries := []string{
		"government", "the", "said the", `"prime minister"`, `"chemical weapons"`, "oil prices",
		"chelsea mourinho", `"interest rates" bank`, "broadband", `"the company said"`,
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			start := time.Now()
			if _, err := db.SearchDocuments(ctx, q, graph.Page{First: 20}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
