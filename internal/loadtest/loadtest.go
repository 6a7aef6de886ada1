// Package loadtest drives an HTTP server from concurrent clients in a Go
// benchmark and reports what BENCHMARKS.md records: latency percentiles,
// requests per second and the share of failed requests.
package loadtest

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Clients is the number of concurrent clients.
const Clients = 32

// Post sends b.N JSON POSTs of body to url from Clients goroutines
// ($FACTGRAPH_BENCH_CLIENTS sets another number) and
// reports p50-ms, p99-ms, req/s, errors/op and cpu-ms/op (the process's
// CPU time per request, clients included: steadier than latency on a
// shared machine). A request fails on a
// transport error, a status other than 200, or a GraphQL "errors" array in
// the response; failed requests still count in the latencies. With noCache
// the requests carry Cache-Control: no-cache, so that a caching server
// executes every one.
func Post(b *testing.B, client *http.Client, url string, body []byte, noCache bool) {
	PostFrom(b, clients(b), client, url, body, noCache)
}

// clients is the number of concurrent clients Post runs:
// $FACTGRAPH_BENCH_CLIENTS, or Clients.
func clients(b *testing.B) int {
	s := os.Getenv("FACTGRAPH_BENCH_CLIENTS")
	if s == "" {
		return Clients
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("FACTGRAPH_BENCH_CLIENTS=%q: want a positive number", s)
	}
	return n
}

// PostFrom is Post from the given number of concurrent clients: from one,
// the latencies are the server's time per request with no queue.
func PostFrom(b *testing.B, clients int, client *http.Client, url string, body []byte, noCache bool) {
	var next, failed atomic.Int64
	lat := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	b.ResetTimer()
	start, cpu := time.Now(), CPUTime()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				t0 := time.Now()
				req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if noCache {
					req.Header.Set("Cache-Control", "no-cache")
				}
				res, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				out, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors":[`)) {
					failed.Add(1)
				}
				lat[c] = append(lat[c], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed, used := time.Since(start), CPUTime()-cpu
	b.StopTimer()
	b.ReportMetric(float64(failed.Load())/float64(b.N), "errors/op")
	all := slices.Concat(lat...)
	slices.Sort(all)
	pct := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		return float64(all[min(len(all)-1, int(p*float64(len(all))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(0, "ns/op")
}
