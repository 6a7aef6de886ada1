package extract_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/internal/benchnews"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// reuters reads the first n Reuters-21578 records as documents: title,
// blank line, body.
func reuters(b *testing.B, n int) ([]graph.Document, int) {
	b.Helper()
	f, err := os.Open(testenv.Shared(b, "data/news_raw_reuters21578/reuters21578.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []graph.Document
	words := 0
	for sc.Scan() && len(docs) < n {
		var r struct {
			ID    any    `json:"id"`
			Title string `json:"title"`
			Body  string `json:"body"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		body := r.Body
		if body == "" {
			body = r.Text
		}
		text := r.Title + "\n\n" + body
		words += len(strings.Fields(text))
		docs = append(docs, graph.Document{ID: "r" + itoa(len(docs)), Text: text})
	}
	return docs, words
}

func benchmarkExtract(b *testing.B, x *extract.Extractor) {
	docs, words := reuters(b, 2000)
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := benchnews.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := x.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	// On a shared machine wall time depends on the neighbours; CPU time
	// (including the collector's) is the cost of the work itself.
	if cpu := benchnews.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
}

// BenchmarkExtract measures the whole extractor (tokenizing, tagging,
// resolving, facts) over the first 2,000 Reuters-21578 records.
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, mustExtractor(b)) }

// BenchmarkExtractRules measures everything but the statistical tagger,
// with the rule tagger in its place.
func BenchmarkExtractRules(b *testing.B) {
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(extract.WithTagger(extract.NewRuleTagger(g)))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkExtract(b, x)
}

// BenchmarkExtractEntities measures entity extraction alone (names,
// dates, roles), to compare with BenchmarkExtract: the difference is what
// the facts cost.
func BenchmarkExtractEntities(b *testing.B) {
	x, err := extract.New(extract.WithEntitiesOnly())
	if err != nil {
		b.Fatal(err)
	}
	benchmarkExtract(b, x)
}

// BenchmarkExtractRelationReader measures the whole extractor with the
// trained relation reader (extract/relate), to compare with
// BenchmarkExtract.
func BenchmarkExtractRelationReader(b *testing.B) {
	m, err := relate.Default()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(extract.WithRelationReader(m))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkExtract(b, x)
}
