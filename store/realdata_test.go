package store_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/internal/testenv"
)

// TestRealIngest extracts and stores the JSON Lines corpus named by
// $FACTGRAPH_REAL (Reuters-21578 field names: newid, title, body), one
// document at a time, timing extraction and storage separately, and
// reports the store's share of the time, peak RSS and size;
// $FACTGRAPH_BATCH documents go to each Ingest call (default 1). Without
// FACTGRAPH_REAL it stores the first 100 Reuters-21578 documents of the
// shared data, so that the measurement itself is tested.
func TestRealIngest(t *testing.T) {
	path, limit := os.Getenv("FACTGRAPH_REAL"), 0
	if path == "" {
		path, limit = testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl"), 100
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	db := store.MustOpenDB(t)
	ctx := context.Background()
	var tExtract, tStore time.Duration
	n := 0
	batch, _ := strconv.Atoi(os.Getenv("FACTGRAPH_BATCH"))
	var pending []*graph.Extraction
	flush := func() {
		start := time.Now()
		if _, err := db.Ingest(ctx, pending); err != nil {
			t.Fatal(err)
		}
		tStore += time.Since(start)
		pending = pending[:0]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() && (limit == 0 || n < limit) {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		body, _ := rec["body"].(string)
		if strings.TrimSpace(body) == "" {
			continue
		}
		title, _ := rec["title"].(string)
		doc := graph.Document{ID: fmt.Sprint(rec["newid"]), Title: title, Text: body}
		start := time.Now()
		x, err := ex.Extract(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		tExtract += time.Since(start)
		pending = append(pending, x)
		if len(pending) >= max(batch, 1) {
			flush()
		}
		n++
	}
	flush()
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	status, _ := os.ReadFile("/proc/self/status")
	var rss []string
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM:") || strings.HasPrefix(line, "VmRSS:") {
			rss = append(rss, strings.Join(strings.Fields(line), " "))
		}
	}
	t.Logf("%d documents: extraction %v, store %v (store share %.1f%%), %s, size %.1f MB",
		n, tExtract.Round(time.Millisecond), tStore.Round(time.Millisecond),
		100*tStore.Seconds()/(tStore+tExtract).Seconds(), strings.Join(rss, ", "), float64(s.SizeBytes)/1e6)
	t.Logf("stats: %+v", s)
}

// BenchmarkIngestReal stores extractions of the corpus named by
// $FACTGRAPH_REAL, extracted before timing starts: the store's own cost on
// real extractor output.
func BenchmarkIngestReal(b *testing.B) { benchIngestReal(b) }

// BenchmarkIngestRealTextIndex is BenchmarkIngestReal into a store that
// keeps a full-text index (WithTextIndex): its cost against
// BenchmarkIngestReal's is the index's.
func BenchmarkIngestRealTextIndex(b *testing.B) { benchIngestReal(b, store.WithTextIndex()) }

func benchIngestReal(b *testing.B, opts ...store.Option) {
	path := os.Getenv("FACTGRAPH_REAL")
	if path == "" {
		b.Skip("set FACTGRAPH_REAL=corpus.jsonl")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	ex, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var xs []*graph.Extraction
	for _, line := range strings.Split(string(data), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil {
			continue
		}
		body, _ := rec["body"].(string)
		if strings.TrimSpace(body) == "" {
			continue
		}
		x, err := ex.Extract(ctx, graph.Document{ID: fmt.Sprint(rec["newid"]), Text: body})
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, x)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(b.TempDir(), opts...)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := loadtest.CPUTime()
		for _, x := range xs {
			if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		// Closing flushes the memtables: part of the store's CPU cost,
		// not of the timed wall-clock cost.
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		cpu += loadtest.CPUTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(xs)), "µs/doc")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(xs)), "cpu-µs/doc")
}
