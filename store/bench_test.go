package store

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/loadtest"
)

// benchExtraction builds a news-sized extraction: about 3 KB of text, a
// dozen entities drawn from a vocabulary of thousands, a few dozen
// mentions and co-occurrence relations, and some facts.
func benchExtraction(rng *rand.Rand, id string) *graph.Extraction {
	type pick struct {
		typ  graph.EntityType
		name string
	}
	var picks []pick
	for i := 0; i < 6; i++ {
		picks = append(picks, pick{graph.Person, fmt.Sprintf("Firstname%d Lastname%d", rng.Intn(50), rng.Intn(300))})
	}
	for i := 0; i < 4; i++ {
		picks = append(picks, pick{graph.Place, fmt.Sprintf("City%d", rng.Intn(500))})
	}
	for i := 0; i < 2; i++ {
		picks = append(picks, pick{graph.Organization, fmt.Sprintf("Agency%d", rng.Intn(300))})
	}
	x := &graph.Extraction{Document: graph.Document{ID: id, Published: fmt.Sprintf("2015-%02d-%02d", 1+rng.Intn(12), 1+rng.Intn(28))}}
	byID := map[string]*graph.Entity{}
	var sb strings.Builder
	pos := 0
	write := func(s string) { sb.WriteString(s); pos += utf8.RuneCountInString(s) }
	for s := 0; s < 16; s++ {
		a, b := picks[rng.Intn(len(picks))], picks[rng.Intn(len(picks))]
		start := pos
		var ids []string
		for j, p := range []pick{a, b} {
			if j == 1 {
				write(" told reporters about the situation together with ")
			}
			eid := graph.EntityID(p.typ, p.name)
			e := byID[eid]
			if e == nil {
				e = &graph.Entity{ID: eid, Type: p.typ, Name: p.name}
				byID[eid] = e
				x.Entities = append(x.Entities, e)
			}
			e.Mentions = append(e.Mentions, graph.Mention{Sentence: s, Start: pos, End: pos + utf8.RuneCountInString(p.name), Text: p.name})
			write(p.name)
			ids = append(ids, eid)
		}
		write(", officials said on Thursday in a statement released to the press.")
		ev := graph.Mention{Sentence: s, Start: start, End: pos, Text: graph.Slice(sb.String(), start, pos)}
		if ids[0] != ids[1] {
			x.Relations = append(x.Relations, &graph.Relation{Subject: ids[0], Predicate: graph.MentionedWith, Object: ids[1], Confidence: 0.5, Weight: 1, Evidence: []graph.Mention{ev}})
		}
		if s == 3 {
			v := float64(rng.Intn(500))
			x.Figures = append(x.Figures, &graph.Figure{ID: id + "/fig", Value: &v, Measure: graph.Killed, Place: ids[0], Text: ev.Text, Evidence: ev, Confidence: 0.8})
			x.Quotes = append(x.Quotes, &graph.Quote{ID: id + "/quote", Text: ev.Text, Speaker: ids[1], Evidence: ev, Confidence: 0.8})
			x.Events = append(x.Events, &graph.EventFact{ID: id + "/event", Kind: "meeting", Name: "meeting", Participants: ids, Evidence: []graph.Mention{ev}, Confidence: 0.8})
		}
		write(" ")
	}
	x.Document.Text = sb.String()
	return x
}

// BenchmarkIngest measures ingest throughput on news-sized synthetic
// extractions, one document per call (as the CLI does) and in batches.
func BenchmarkIngest(b *testing.B) {
	for _, batch := range []int{1, 32} {
		b.Run(fmt.Sprint("Batch", batch), func(b *testing.B) {
			db := MustOpenDB(b)
			rng := rand.New(rand.NewSource(1))
			pool := make([]*graph.Extraction, 512)
			for i := range pool {
				pool[i] = benchExtraction(rng, fmt.Sprint("pool", i))
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := loadtest.CPUTime()
			for i := 0; i < b.N; i += batch {
				var xs []*graph.Extraction
				for j := i; j < i+batch && j < b.N; j++ {
					x := *pool[j%len(pool)]
					x.Document.ID = fmt.Sprint("doc", j)
					xs = append(xs, &x)
				}
				if _, err := db.Ingest(ctx, xs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e3/float64(b.N), "cpu-µs/doc")
		})
	}
}

// TestIngestScale ingests $FACTGRAPH_SCALE (default 200; 25000 to measure)
// synthetic news-sized documents one per call, then reports throughput, CPU
// per document, peak RSS and size on disk, and checks the counters against
// a scan.
func TestIngestScale(t *testing.T) {
	n := 200
	if s := os.Getenv("FACTGRAPH_SCALE"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			t.Fatalf("FACTGRAPH_SCALE=%q: want a number of documents", s)
		}
	}
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(1))
	start, cpu := time.Now(), loadtest.CPUTime()
	for i := 0; i < n; i++ {
		if _, err := db.Ingest(ctx, []*graph.Extraction{benchExtraction(rng, fmt.Sprint("doc", i))}); err != nil {
			t.Fatal(err)
		}
	}
	elapsed, used := time.Since(start), loadtest.CPUTime()-cpu
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	status, _ := os.ReadFile("/proc/self/status")
	var hwm string
	for _, line := range strings.Split(string(status), "\n") {
		for _, f := range []string{"VmHWM:", "RssAnon:", "RssFile:"} {
			if strings.HasPrefix(line, f) {
				hwm += " " + strings.Join(strings.Fields(line), " ")
			}
		}
	}
	if p := os.Getenv("FACTGRAPH_HEAPPROF"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("Go heap in use %d MB, sys %d MB", ms.HeapInuse>>20, ms.Sys>>20)
	if entries, err := os.ReadDir(db.path); err == nil {
		sizes := map[string]int64{}
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				sizes[filepath.Ext(e.Name())] += fi.Size()
			}
		}
		t.Logf("bytes by file type: %v", sizes)
	}
	t.Logf("%d docs in %v (%.0f docs/s), CPU %v (%.0f µs/doc, generation included), peak RSS %s, size %.1f MB",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), used.Round(time.Millisecond),
		float64(used.Microseconds())/float64(n), hwm, float64(s.SizeBytes)/1e6)
	t.Logf("stats: %+v", s)
	if got := recount(t, db); got.Documents != s.Documents || got.Entities != s.Entities || got.Relations != s.Relations || got.Mentions != s.Mentions {
		t.Errorf("recount %+v differs from stats", got)
	}
}
