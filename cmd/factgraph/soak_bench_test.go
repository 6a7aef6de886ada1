package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/internal/testenv"
	"github.com/factgraph/factgraph/schema"
	"github.com/factgraph/factgraph/store"
)

// BenchmarkSoak serves the store at $FACTGRAPH_SOAK_DB (which it writes
// to: give it a copy) for $FACTGRAPH_SOAK (default 1m) to 32 clients
// cycling through the query shapes of BenchmarkServe, uncached, while a
// writer sends ingest mutations of BBC articles; it reports each shape's
// p50/p99, the errors (any failed request), and every 30 s the highs of
// the process's Go heap and anonymous memory over those 30 s, so that
// growth after warm-up shows.
//
//	cp -r /tmp/news.db /tmp/soak.db
//	FACTGRAPH_SOAK_DB=/tmp/soak.db FACTGRAPH_SOAK=10m go test ./cmd/factgraph -run '^$' -bench Soak -benchtime 1x -timeout 30m
func BenchmarkSoak(b *testing.B) {
	path := os.Getenv("FACTGRAPH_SOAK_DB")
	if path == "" {
		b.Skip("set FACTGRAPH_SOAK_DB to a copy of a store to soak")
	}
	dur := time.Minute
	if s := os.Getenv("FACTGRAPH_SOAK"); s != "" {
		var err error
		if dur, err = time.ParseDuration(s); err != nil {
			b.Fatalf("FACTGRAPH_SOAK=%q: %v", s, err)
		}
	}
	bbc := testenv.Shared(b, "data/news_raw_bbc2225/bbc2225.jsonl")
	limitHeap(&Env{Getenv: os.Getenv}) // as serve does
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ex, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	api, err := schema.New(schema.Services{
		Documents: db, Entities: db, Relations: db, Figures: db, Events: db, Quotes: db, Stats: db,
		Ingester: db, Extractor: ex, Dumper: db, Snapshots: db,
	}, schema.Config{MaxConcurrent: 256, Token: e2eToken})
	if err != nil {
		b.Fatal(err)
	}
	url, stop := benchListen(b, api)
	defer stop()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}}
	qs := benchQueries(b, client, url)

	deadline := time.Now().Add(dur)
	lat := make([][]time.Duration, len(qs))
	var mu sync.Mutex
	var failures, writes atomic.Int64
	var firstFailure atomic.Value
	fail := func(what string) {
		if failures.Add(1) == 1 {
			firstFailure.Store(what)
		}
	}
	var wg sync.WaitGroup
	b.ResetTimer()
	for c := range loadtest.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var own [][]time.Duration = make([][]time.Duration, len(qs))
			for i := c; time.Now().Before(deadline); i++ {
				q := qs[i%len(qs)]
				req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(q.body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Cache-Control", "no-cache")
				t0 := time.Now()
				res, err := client.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				out, _ := io.ReadAll(res.Body)
				res.Body.Close()
				own[i%len(qs)] = append(own[i%len(qs)], time.Since(t0))
				if res.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
					fail(fmt.Sprintf("%s: %d %.200s", q.name, res.StatusCode, out))
				}
			}
			mu.Lock()
			for k := range own {
				lat[k] = append(lat[k], own[k]...)
			}
			mu.Unlock()
		}()
	}
	wg.Add(1)
	go func() { // the writer: BBC articles, ten per mutation, new IDs each pass
		defer wg.Done()
		f, err := os.Open(bbc)
		if err != nil {
			fail(err.Error())
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var batch []map[string]any
		for pass := 0; time.Now().Before(deadline); {
			if !sc.Scan() {
				f.Seek(0, io.SeekStart)
				sc = bufio.NewScanner(f)
				sc.Buffer(make([]byte, 1<<20), 1<<24)
				pass++
				continue
			}
			var d map[string]any
			if json.Unmarshal(sc.Bytes(), &d) != nil {
				continue
			}
			batch = append(batch, map[string]any{"id": fmt.Sprintf("soak-%d-%v", pass, d["id"]), "text": d["text"]})
			if len(batch) < 10 {
				continue
			}
			body, _ := json.Marshal(map[string]any{"query": `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`, "variables": map[string]any{"d": batch}})
			batch = batch[:0]
			req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+e2eToken)
			res, err := client.Do(req)
			if err != nil {
				fail(err.Error())
				continue
			}
			out, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
				fail(fmt.Sprintf("ingest: %d %.200s", res.StatusCode, out))
			}
			writes.Add(10)
		}
	}()
	// Memory every 30 s: the Go heap in use and the anonymous resident
	// memory (RssAnon), which leave out the store's file pages.
	// Memory, sampled every second and logged every 30 s as the highs of
	// the last 30 s (what a limit must hold) and the Go heap live after
	// the last collection (where a leak would show).
	// $FACTGRAPH_SOAK_HEAPPROFILE=P writes heap profiles P-warm.pprof after
	// the first 30 s and P-end.pprof at the end, for
	// `go tool pprof -base P-warm.pprof P-end.pprof`.
	prof, warmProfiled := os.Getenv("FACTGRAPH_SOAK_HEAPPROFILE"), false
	memDone := make(chan struct{})
	go func() {
		sample := time.NewTicker(time.Second)
		defer sample.Stop()
		start, last := time.Now(), time.Now()
		var rssHigh, heapHigh uint64
		for {
			select {
			case <-memDone:
				return
			case <-sample.C:
			}
			rss, heap, live := memNow()
			rssHigh, heapHigh = max(rssHigh, rss), max(heapHigh, heap)
			if time.Since(last) < 30*time.Second {
				continue
			}
			last = time.Now()
			b.Logf("t=%3.0fs highs: RssAnon %d MiB, Go heap in use %d MiB; Go heap live %d MiB; documents written %d",
				time.Since(start).Seconds(), rssHigh>>20, heapHigh>>20, live>>20, writes.Load())
			rssHigh, heapHigh = 0, 0
			if prof != "" && !warmProfiled {
				warmProfiled = true
				writeHeapProfile(b, prof+"-warm.pprof")
			}
		}
	}()
	wg.Wait()
	close(memDone)
	b.StopTimer()
	if prof != "" {
		writeHeapProfile(b, prof+"-end.pprof")
	}
	for k, q := range qs {
		l := lat[k]
		slices.Sort(l)
		if len(l) == 0 {
			continue
		}
		p := func(f float64) float64 { return float64(l[int(f*float64(len(l)-1))].Microseconds()) / 1e3 }
		b.Logf("%-18s %6d requests, p50 %7.1f ms, p99 %7.1f ms", q.name, len(l), p(0.5), p(0.99))
		b.ReportMetric(p(0.99), q.name[:1]+"-p99-ms")
	}
	b.ReportMetric(float64(failures.Load()), "errors")
	b.ReportMetric(float64(writes.Load()), "docs-written")
	if n := failures.Load(); n > 0 {
		b.Errorf("%d failed requests; the first: %v", n, firstFailure.Load())
	}
}

// memNow returns the process's anonymous resident memory (RssAnon in
// /proc/self/status, 0 if unknown, which leaves out the store's file
// pages), the Go heap in use (live objects and garbage not yet collected)
// and the heap live after the last collection.
func memNow() (rssAnon, heap, live uint64) {
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssAnon:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				rssAnon = kb << 10
			}
		}
	}
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(samples)
	return rssAnon, samples[0].Value.Uint64(), samples[1].Value.Uint64()
}

// writeHeapProfile writes a heap profile after a collection, so that it
// shows live memory.
func writeHeapProfile(b *testing.B, path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		b.Error(err)
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Error(err)
	}
}
