package quote

import (
	"testing"

	"github.com/factgraph/factgraph/extract/internal/benchnews"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// capitalized stands in for entity mentions: every run of capitalized
// tokens is a person candidate.
func capitalized(toks []token.Token) []Candidate {
	var out []Candidate
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Text != "" && toks[j].Text[0] >= 'A' && toks[j].Text[0] <= 'Z' {
			j++
		}
		if j > i {
			out = append(out, Candidate{First: i, Last: j, Key: toks[i].Text, Type: graph.Person})
			i = j
		} else {
			i++
		}
	}
	return out
}

// BenchmarkFindReuters runs Find over the first 2,000 Reuters stories, which
// are tokenized beforehand; bytes/s is story text per second.
func BenchmarkFindReuters(b *testing.B) {
	docs, size := benchnews.Reuters(b, 2000)
	cands := make([][]Candidate, len(docs))
	for i, d := range docs {
		cands[i] = capitalized(d.Toks)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchnews.CPUTime()
	defer func() { b.ReportMetric(float64(benchnews.CPUTime()-start)/float64(b.N), "cpu-ns/op") }()
	for range b.N {
		for i, d := range docs {
			Find(d.Text, d.Toks, d.Sents, cands[i])
		}
	}
}
