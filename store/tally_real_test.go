package store_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// TestTallies_RealStories stores the three Reuters-21578 stories of March
// 1987 on Afghan air raids into Pakistan, published over two days, and
// compares the tallies of the killed with testdata/tallies_pakistan.golden.json
// (rewrite it with -update and review the diff): the reports of each toll
// in time order, the latest, the range and the disagreements.
func TestTallies_RealStories(t *testing.T) {
	ids := []string{"8660", "9179", "9221"}
	f, err := os.Open(testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var xs []*graph.Extraction
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() && len(xs) < len(ids) {
		var rec struct {
			Newid             json.Number
			Title, Body, Date string
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(ids, rec.Newid.String()) {
			continue
		}
		published, err := graph.NormalizePublished(rec.Date)
		if err != nil {
			t.Fatal(err)
		}
		x, err := ex.Extract(ctx, graph.Document{ID: rec.Newid.String(), Title: rec.Title, Text: rec.Body, Published: published})
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	if len(xs) != len(ids) {
		t.Fatalf("found %d of the stories %v", len(xs), ids)
	}
	db := store.MustOpenDB(t)
	if _, err := db.Ingest(ctx, xs); err != nil {
		t.Fatal(err)
	}
	l, err := db.Tallies(ctx, graph.TallyFilter{Measure: graph.Killed})
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range l.Items {
		rs, err := db.TallyReports(ctx, tl.ID, graph.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs.Items {
			tl.Reports = append(tl.Reports, *r)
		}
	}
	got, err := json.MarshalIndent(l.Items, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const path = "testdata/tallies_pakistan.golden.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tallies differ from %s (run with -update and review the diff):\n%s", path, diffLines(string(want), string(got)))
	}
	// Whatever the extractor's places, the stories' toll of the raids is
	// reported on both days, and its latest report is of the later day.
	for _, tl := range l.Items {
		if tl.Count > 1 && tl.LatestReport().AsOf < tl.Reports[0].AsOf {
			t.Errorf("%s: latest %s is older than the first report %s", tl.ID, tl.LatestReport().AsOf, tl.Reports[0].AsOf)
		}
	}
}

// diffLines lists the first lines where a and b differ.
func diffLines(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	var out bytes.Buffer
	for i, n := 0, 0; i < max(len(al), len(bl)) && n < 10; i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			fmt.Fprintf(&out, "line %d:\n-%s\n+%s\n", i+1, x, y)
			n++
		}
	}
	return out.String()
}
