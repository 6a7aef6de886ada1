package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/schema"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

// BenchmarkServe measures the GraphQL server end to end: a real HTTP server
// on loopback, 32 concurrent clients ($FACTGRAPH_BENCH_CLIENTS sets another
// number), each request a JSON POST, for five
// analyst queries (the fifth: the tallies of the most-reported measure) (each three times: answered from the response cache,
// executed with Cache-Control: no-cache, and executed for one client at a
// time, which measures the time a request takes with no queue), and a plain net/http handler that returns the bytes of
// query (a) for comparison. b.N is the total number of requests; each
// sub-benchmark reports p50 and p99 latency, requests per second, and the
// fraction of requests that failed or returned errors (errors/op).
//
// With FACTGRAPH_BENCH_DB it runs on that store, opened read-only (for
// example one with Reuters-21578 and BBC ingested); otherwise on a fresh
// store holding the seed article. FACTGRAPH_BENCH_NAME picks the entity of
// query (a) (default "Putin", else the most-mentioned person found by
// search). Example:
//
//	FACTGRAPH_BENCH_DB=/tmp/news.db go test ./cmd/factgraph -run '^$' -bench Serve -benchtime 20000x
func BenchmarkServe(b *testing.B) {
	db := benchStore(b)
	api, err := schema.New(schema.Services{
		Documents: db, Entities: db, Relations: db, Figures: db, Events: db, Quotes: db, Stats: db, Dumper: db,
	}, schema.Config{MaxConcurrent: 256})
	if err != nil {
		b.Fatal(err)
	}
	url, stop := benchListen(b, api)
	defer stop()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}}

	qs := benchQueries(b, client, url)
	plainBody := post(b, client, url, qs[0].body)
	plainURL, stopPlain := benchListen(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(plainBody)
	}))
	defer stopPlain()

	for _, q := range qs {
		b.Run(q.name, func(b *testing.B) { load(b, client, url, q.body, false) })
		b.Run(q.name+"-nocache", func(b *testing.B) { load(b, client, url, q.body, true) })
		b.Run(q.name+"-nocache-1client", func(b *testing.B) {
			loadtest.PostFrom(b, 1, client, url+"/graphql", q.body, true)
		})
	}
	b.Run("plain-net-http", func(b *testing.B) { load(b, client, plainURL, qs[0].body, false) })
}

// benchStore opens $FACTGRAPH_BENCH_DB, or a temporary store with the seed
// article ingested.
func benchStore(b *testing.B) *store.DB {
	if path := os.Getenv("FACTGRAPH_BENCH_DB"); path != "" {
		db, err := store.Open(path, store.WithReadOnly())
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return db
	}
	text := testenv.ReadShared(b, "seed/article.txt")
	db, err := store.Open(filepath.Join(b.TempDir(), "db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	ex, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	id, body, _ := strings.Cut(string(text), "\n")
	x, err := ex.Extract(context.Background(), graph.Document{ID: strings.TrimSpace(id), Text: body})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Ingest(context.Background(), []*graph.Extraction{x}); err != nil {
		b.Fatal(err)
	}
	return db
}

func benchListen(b *testing.B, h http.Handler) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }
}

type benchQuery struct {
	name string
	body []byte
}

// benchQueries builds the four queries, finding their arguments through
// the API itself.
func benchQueries(b *testing.B, client *http.Client, url string) []benchQuery {
	body := func(q string, vars map[string]any) []byte {
		buf, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		return buf
	}
	name := os.Getenv("FACTGRAPH_BENCH_NAME")
	if name == "" {
		name = "Putin"
	}
	var found struct {
		Data struct {
			ByName, Top struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}
	}
	decode(b, post(b, client, url, body(`query($n: String) {
		byName: entities(name: $n, first: 1) { edges { node { id name } } }
		top: entities(type: PERSON, search: "a", first: 1) { edges { node { id name } } } }`, map[string]any{"n": name})), &found)
	edges := found.Data.ByName.Edges
	if len(edges) == 0 {
		edges = found.Data.Top.Edges
	}
	if len(edges) == 0 {
		b.Fatalf("no entity named %q and no person to benchmark", name)
	}
	from := edges[0].Node
	name = from.Name

	// The target of the path query: a neighbor of a neighbor, if any.
	type neighbor struct {
		ID        string
		Neighbors []struct{ ID string }
	}
	var hood struct {
		Data struct {
			Entity struct{ Neighbors []neighbor }
		}
	}
	decode(b, post(b, client, url, body(`query($id: ID!) { entity(id: $id) { neighbors(first: 20) { id neighbors(first: 20) { id } } } }`,
		map[string]any{"id": from.ID})), &hood)
	to := from.ID
	for _, n := range hood.Data.Entity.Neighbors {
		to = n.ID
		for _, nn := range n.Neighbors {
			if nn.ID != from.ID && !slices.ContainsFunc(hood.Data.Entity.Neighbors, func(x neighbor) bool { return x.ID == nn.ID }) {
				to = nn.ID
			}
		}
	}
	// The tallies of the most-reported measure: the longest scan of the
	// tally keyspace.
	var vocab struct {
		Data struct {
			Vocabulary struct{ Measures []struct{ Term string } }
		}
	}
	decode(b, post(b, client, url, body(`{ vocabulary { measures { term } } }`, nil)), &vocab)
	measure := graph.Killed
	if ms := vocab.Data.Vocabulary.Measures; len(ms) > 0 {
		measure = ms[0].Term
	}
	b.Logf("benchmarking entity %q (%s), path to %s, tallies of %s", name, from.ID, to, measure)
	return []benchQuery{
		{"a-entity-by-name", body(`query EntityByName($name: String!) { entities(name: $name, first: 1) { edges { node {
			id name type aliases mentionCount roles { title of { id name } }
			relations(first: 20) { totalCount edges { node { predicate weight confidence subject { id name } object { id name }
				evidence(first: 3) { start end text document { id title } } } } } } } } }`, map[string]any{"name": name})},
		{"b-two-hop", body(`query TwoHop($id: ID!) { entity(id: $id) { id name neighbors(first: 20) { id name type neighbors(first: 20) { id name type } } } }`,
			map[string]any{"id": from.ID})},
		{"c-figure-totals", body(`query Totals { figureTotals { measure count sum min max documents place { id name } } }`, nil)},
		{"d-path", body(`query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { predicate subject { name } object { name } evidence(first: 1) { text } } }`,
			map[string]any{"from": from.ID, "to": to})},
		{"e-tallies", body(`query Tallies($m: String) { tallies(measure: $m, first: 20) { totalCount edges { node {
			id measure counted currency about { id name } place { id name } low high agreement latest { value qualifier asOf }
			reports(first: 10) { totalCount edges { node { value low high qualifier asOf kind source { name } conflicts document { id title } } } } } } } }`,
			map[string]any{"m": measure})},
	}
}

func post(b *testing.B, client *http.Client, url string, body []byte) []byte {
	res, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
		b.Fatalf("status %d, %v: %s", res.StatusCode, err, out)
	}
	return out
}

func decode(b *testing.B, data []byte, v any) {
	if err := json.Unmarshal(data, v); err != nil {
		b.Fatal(err)
	}
}

// load runs loadtest.Post against the server's /graphql endpoint (url may
// already name it).
func load(b *testing.B, client *http.Client, url string, body []byte, noCache bool) {
	if !strings.HasSuffix(url, "/graphql") {
		url += "/graphql"
	}
	loadtest.Post(b, client, url, body, noCache)
}
