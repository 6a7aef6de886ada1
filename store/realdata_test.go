package store_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// TestRealIngest extracts and stores the JSON Lines corpus named by
// $FACTGRAPH_REAL (Reuters-21578 field names: newid, title, body), one
// document at a time, timing extraction and storage separately, and
// reports the store's share of the time, peak RSS and size. Skipped unless
// the variable is set.
func TestRealIngest(t *testing.T) {
	path := os.Getenv("FACTGRAPH_REAL")
	if path == "" {
		t.Skip("set FACTGRAPH_REAL=corpus.jsonl")
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
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
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
		mid := time.Now()
		if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
			t.Fatalf("document %s: %v", doc.ID, err)
		}
		tExtract += mid.Sub(start)
		tStore += time.Since(mid)
		n++
	}
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
