package store

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/internal/testenv"
)

// SharedTexts returns the documents of the shared Reuters-21578 corpus
// that have a body, then the BBC corpus (titles and texts only: search
// reads no extracted fact), as extractions to ingest: 22,004 documents.
func SharedTexts(tb testing.TB) []*graph.Extraction {
	tb.Helper()
	var xs []*graph.Extraction
	for _, c := range []struct{ path, id, text string }{
		{"data/news_raw_reuters21578/reuters21578.jsonl", "newid", "body"},
		{"data/news_raw_bbc2225/bbc2225.jsonl", "id", "text"},
	} {
		eachRecord(tb, testenv.Shared(tb, c.path), func(d map[string]any) bool {
			text, _ := d[c.text].(string)
			if text == "" {
				return true
			}
			title, _ := d["title"].(string)
			xs = append(xs, &graph.Extraction{Document: graph.Document{ID: fmt.Sprint(d[c.id]), Title: title, Text: text}})
			return true
		})
	}
	return xs
}

// eachRecord calls each with the records of the JSON Lines file at path,
// in order, until it returns false.
func eachRecord(tb testing.TB, path string, each func(map[string]any) bool) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		if !each(rec) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
}

// realQueries are word and phrase queries over the news corpora: common
// and rare words, phrases, and both together.
var realQueries = []string{
	"government", "the", "said the", `"prime minister"`, `"chemical weapons"`, "oil prices",
	"chelsea mourinho", `"interest rates" bank`, "broadband", `"the company said"`,
	"cocoa", `"crude oil" opec`, "yen dollar", `"tony blair"`,
}

// TestSearchRealCorpus: on the Reuters and BBC texts, each query finds
// exactly the documents that a plain scan of their titles and texts finds
// with every word's stem and every phrase's stems in a row. The scan
// splits words on its own (runs of letters and digits) and shares only
// the stemmer (stem) with the index.
func TestSearchRealCorpus(t *testing.T) {
	xs := SharedTexts(t)
	db := MustOpenDB(t, WithTextIndex())
	start := time.Now()
	mustIngest(t, db, xs...)
	t.Logf("%d texts stored and indexed in %v", len(xs), time.Since(start).Round(time.Millisecond))
	stemmed := make([][]string, len(xs))
	for i, x := range xs {
		stemmed[i] = scanStems(x.Document.Title + "\n" + x.Document.Text)
	}
	for _, q := range realQueries {
		t.Run(q, func(t *testing.T) {
			var want []string
			for i, x := range xs {
				if scanHas(stemmed[i], q) {
					want = append(want, x.Document.ID)
				}
			}
			slices.Sort(want)
			if len(want) == 0 {
				t.Fatalf("no text has %s: the query checks nothing", q)
			}
			got := allHits(t, db, q)
			if !slices.Equal(got, want) {
				t.Errorf("%s: search finds %d documents, the scan %d; first differences: %v", q, len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

// allHits returns the sorted IDs of every hit of q, a page of the most a
// page may hold at a time.
func allHits(t *testing.T, db *DB, q string) []string {
	t.Helper()
	var ids []string
	p := graph.Page{First: graph.MaxPageSize}
	for {
		l, err := db.SearchDocuments(context.Background(), q, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range l.Items {
			ids = append(ids, h.Document.ID)
		}
		if !l.HasNextPage {
			break
		}
		p.After = l.EndCursor()
	}
	slices.Sort(ids)
	return ids
}

// scanStems splits s into runs of letters and digits and stems each.
func scanStems(s string) []string {
	fs := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, f := range fs {
		fs[i] = stem(f)
	}
	return fs
}

// scanHas reports whether the stemmed text has every word of query q and
// every "quoted phrase" as a run of stems.
func scanHas(text []string, q string) bool {
	parts := strings.Split(q, `"`)
	for i, p := range parts {
		ws := scanStems(p)
		if len(ws) == 0 {
			continue
		}
		if i%2 == 0 { // outside quotes: words in any order
			for _, w := range ws {
				if !slices.Contains(text, w) {
					return false
				}
			}
			continue
		}
		found := false
		for j := 0; j+len(ws) <= len(text) && !found; j++ {
			found = slices.Equal(text[j:j+len(ws)], ws)
		}
		if !found {
			return false
		}
	}
	return true
}

// firstDiff returns up to five IDs in one of a, b and not the other.
func firstDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) && len(out) < 5 {
			out = append(out, "+"+x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) && len(out) < 10 {
			out = append(out, "-"+x)
		}
	}
	return out
}

// BenchmarkSearchReutersBBC times executed searches of realQueries on the
// Reuters and BBC texts, one page of 20 hits with snippets each, and
// reports the p50 and p99 latency over all the queries run.
//
//	go test ./store -run '^$' -bench SearchReutersBBC -benchtime 20x
func BenchmarkSearchReutersBBC(b *testing.B) {
	db := MustOpenDB(b, WithTextIndex())
	mustIngest(b, db, SharedTexts(b)...)
	searchLatency(b, db, realQueries)
}

// searchLatency runs every query of qs b.N times and reports p50 and p99
// of their wall time, and their mean CPU time, which a loaded machine
// inflates less.
func searchLatency(b *testing.B, db *DB, qs []string) {
	ctx := context.Background()
	var lat []float64
	b.ResetTimer()
	cpu := loadtest.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, q := range qs {
			start := time.Now()
			if _, err := db.SearchDocuments(ctx, q, graph.Page{First: 20}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, float64(time.Since(start).Microseconds())/1e3)
		}
	}
	b.ReportMetric(float64(loadtest.CPUTime()-cpu)/1e6/float64(len(lat)), "cpu-ms/query")
	slices.Sort(lat)
	b.ReportMetric(lat[len(lat)/2], "p50-ms")
	b.ReportMetric(lat[len(lat)*99/100], "p99-ms")
}
