package quote

import (
	"testing"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// FuzzFind checks that Find never panics, that every quote points at its own
// text in code points, and that speakers come from the candidates.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`“We will win,” Putin said. He added: "It is over." According to Peskov, “yes”.`,
		"“unclosed\n\n“next” he said", `"a" "b" "`, "a\xff“b c”", "“", `Putin said: "`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Tokenize(text)
		// Every capitalized token is a person candidate, to exercise
		// attribution with arbitrary spans.
		var cands []Candidate
		for i, tk := range toks {
			if tk.Text != "" && tk.Text[0] >= 'A' && tk.Text[0] <= 'Z' {
				cands = append(cands, Candidate{First: i, Last: i + 1, Key: tk.Text, Type: graph.Person})
			}
		}
		cands = append(cands, Candidate{First: -1, Last: 1000000, Key: "bad"}) // out of range: ignored
		for _, q := range Find(text, toks, token.Sentences(text, toks), cands) {
			if got := graph.Slice(text, q.Start, q.End); got != q.Text || q.Text == "" {
				t.Fatalf("quote [%d,%d) is %q, Text %q", q.Start, q.End, got, q.Text)
			}
			if q.Speaker == "bad" {
				t.Fatalf("speaker from an out-of-range candidate")
			}
			if q.Speaker != "" && graph.Slice(text, q.SpeakerStart, q.SpeakerEnd) == "" {
				t.Fatalf("speaker span [%d,%d) empty", q.SpeakerStart, q.SpeakerEnd)
			}
			if q.Confidence < 0 || q.Confidence > 1 {
				t.Fatalf("confidence %v", q.Confidence)
			}
		}
	})
}
