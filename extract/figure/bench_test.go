package figure

import (
	"testing"

	"github.com/factgraph/factgraph/extract/internal/benchnews"
	"github.com/factgraph/factgraph/extract/token"
)

// BenchmarkFindReuters runs Find over the first 2,000 Reuters stories, which
// are tokenized beforehand; bytes/s is story text per second.
func BenchmarkFindReuters(b *testing.B) {
	docs, size := benchnews.Reuters(b, 2000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchnews.CPUTime()
	defer func() { b.ReportMetric(float64(benchnews.CPUTime()-start)/float64(b.N), "cpu-ns/op") }()
	for range b.N {
		for _, d := range docs {
			Find(d.Text, d.Toks, d.Sents)
		}
	}
}

// BenchmarkTokenizeReuters is the baseline Find is measured against: the
// tokenizing and sentence splitting that every extraction does first.
func BenchmarkTokenizeReuters(b *testing.B) {
	docs, size := benchnews.Reuters(b, 2000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchnews.CPUTime()
	defer func() { b.ReportMetric(float64(benchnews.CPUTime()-start)/float64(b.N), "cpu-ns/op") }()
	for range b.N {
		for _, d := range docs {
			toks := token.Tokenize(d.Text)
			token.Sentences(d.Text, toks)
		}
	}
}
