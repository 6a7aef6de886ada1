package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// TestQueriesReadOneSnapshot queries the store's counts twice in one
// response, through stats and through documents' totalCount, over a real
// server on loopback while a writer ingests beside it: the two must agree
// in every response (before each request read its own state per field,
// and 82 of 3,500 responses disagreed).
func TestQueriesReadOneSnapshot(t *testing.T) {
	db, s := serveStore(t, schema.Config{ResultCacheBytes: -1})
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the writer
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			x, err := ex.Extract(ctx, graph.Document{ID: fmt.Sprint("d", i), Text: fmt.Sprintf("Vladimir Putin met Angela Merkel in Sochi on day %d.", i)})
			if err == nil {
				_, err = db.Ingest(ctx, []*graph.Extraction{x})
			}
			if err != nil && ctx.Err() == nil {
				t.Errorf("ingest: %v", err)
				return
			}
		}
	}()
	body, _ := json.Marshal(map[string]string{"query": `{ a: stats { documents } documents(first: 1) { totalCount } b: stats { documents mentions } }`})
	disagree := 0
	for i := range 400 {
		resp, err := http.Post(s.url+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Data struct {
				A         struct{ Documents int }
				Documents struct{ TotalCount int }
				B         struct{ Documents, Mentions int }
			}
			Errors []any
		}
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil || len(got.Errors) > 0 {
			t.Fatalf("request %d: %v %v", i, err, got.Errors)
		}
		d := got.Data
		if d.A.Documents != d.Documents.TotalCount || d.A.Documents != d.B.Documents {
			disagree++
			t.Errorf("request %d: stats say %d and %d documents, totalCount %d", i, d.A.Documents, d.B.Documents, d.Documents.TotalCount)
		}
	}
	cancel()
	wg.Wait()
	if st, _ := db.Stats(context.Background()); st.Documents < 10 {
		t.Errorf("the writer stored only %d documents during the queries", st.Documents)
	}
}
