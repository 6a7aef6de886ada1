package schema_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/schema"
)

// BenchmarkServer measures the server's own overhead on the in-memory test
// graph: 32 concurrent clients over loopback, against a plain net/http
// handler returning the same bytes. The end-to-end benchmark on a real
// store is BenchmarkServe in cmd/factgraph.
func BenchmarkServer(b *testing.B) {
	ts := newTestServer(b, schema.Config{MaxConcurrent: 256})
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}}
	queries := []struct{ name, query string }{
		{"a-entity-by-name", `query A { entities(name: "Putin", first: 1) { edges { node { id name type aliases mentionCount roles { title of { id name } }
			relations(first: 20) { totalCount edges { node { predicate weight confidence subject { id name } object { id name }
			evidence(first: 3) { start end text document { id title } } } } } } } } }`},
		{"b-two-hop", `query B { entity(id: "person/vladimir-putin") { id name neighbors(first: 20) { id name type neighbors(first: 20) { id name type } } } }`},
		{"c-figure-totals", `query C { figureTotals { measure count sum min max documents place { id name } } }`},
		{"d-path", `query D { path(from: "person/bashar-al-assad", to: "place/russia", maxHops: 4) { predicate subject { name } object { name } evidence(first: 1) { text } } }`},
	}
	var plainBody []byte
	for i, q := range queries {
		body, _ := json.Marshal(map[string]any{"query": q.query})
		if i == 0 {
			res, err := client.Post(ts.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			plainBody, _ = io.ReadAll(res.Body)
			res.Body.Close()
		}
		b.Run(q.name, func(b *testing.B) { loadtest.Post(b, client, ts.URL+"/graphql", body, false) })
		b.Run(q.name+"-nocache", func(b *testing.B) { loadtest.Post(b, client, ts.URL+"/graphql", body, true) })
	}
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(plainBody)
	}))
	defer plain.Close()
	body, _ := json.Marshal(map[string]any{"query": queries[0].query})
	b.Run("plain-net-http", func(b *testing.B) { loadtest.Post(b, client, plain.URL, body, false) })
}

// BenchmarkHandler measures the CPU cost of one request without the
// network: query (a) through Server.ServeHTTP on one goroutine.
func BenchmarkHandler(b *testing.B) {
	ts := newTestServer(b, schema.Config{})
	body, _ := json.Marshal(map[string]any{"query": `query A { entities(name: "Putin", first: 1) { edges { node { id name type aliases mentionCount roles { title of { id name } }
		relations(first: 20) { totalCount edges { node { predicate weight confidence subject { id name } object { id name }
		evidence(first: 3) { start end text document { id title } } } } } } } } }`})
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Cache-Control", "no-cache")
		w := httptest.NewRecorder()
		ts.srv.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Body.String())
		}
	}
}

// BenchmarkRejected measures how long the server takes to refuse abusive
// queries (the issue asks for well under 50 ms), over real HTTP.
func BenchmarkRejected(b *testing.B) {
	ts := newTestServer(b, schema.Config{})
	queries := map[string]string{
		"depth-50":  nested(50),
		"brackets":  strings.Repeat("{a", 5000) + strings.Repeat("}", 5000),
		"aliases":   "{" + strings.Repeat(" stats { documents }", 200) + " }",
		"first-big": `{ entities(first: 100000) { totalCount } }`,
	}
	for name, q := range queries {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if status, _ := ts.post(b, q, nil, ""); status != 400 {
					b.Fatalf("status %d", status)
				}
			}
		})
	}
}
