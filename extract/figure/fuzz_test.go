package figure

import (
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// FuzzFind checks that Find never panics and that every figure points at
// its own text, in code points, with a known measure and an amount.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"More than 450,000 people have been killed and 11 million have been displaced.",
		"Thirteen inmates were killed and two others injured.",
		"Profits jumped 76% to $1.13bn (£600m), between $3.18-$3.81.",
		"Between 10 and 12 million, hundreds of thousands of 7¾ per cent",
		"a\xffb 12 killed", "“Rupak (28) died” — 10:30, Feb 26, 1987", "$", "1-", "between 5 and",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Tokenize(text)
		for _, fig := range Find(text, toks, token.Sentences(text, toks)) {
			if got := graph.Slice(text, fig.Start, fig.End); got != fig.Text || fig.Text == "" {
				t.Fatalf("figure [%d,%d) is %q, Text %q", fig.Start, fig.End, got, fig.Text)
			}
			if fig.First < 0 || fig.Last > len(toks) || fig.First >= fig.Last {
				t.Fatalf("bad token span [%d,%d) of %d", fig.First, fig.Last, len(toks))
			}
			if !slices.Contains(graph.Measures, fig.Measure) {
				t.Fatalf("unknown measure %q", fig.Measure)
			}
			if fig.Value == nil && (fig.Low == nil || fig.High == nil) {
				t.Fatalf("figure %q has neither value nor range", fig.Text)
			}
		}
	})
}
