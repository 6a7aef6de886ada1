package quote_test

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/quote"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

func ExampleFind() {
	text := `Kremlin spokesperson Dmitry Peskov told reporters that “there were detailed discussions”. “Foreign forces will withdraw,” Putin said.`
	toks := token.Tokenize(text)
	// The entity mentions the pipeline found: "Dmitry Peskov" and "Putin".
	cands := []quote.Candidate{
		{First: 2, Last: 4, Key: "person/dmitry-peskov", Type: graph.Person},
		{First: 21, Last: 22, Key: "person/vladimir-putin", Type: graph.Person},
	}
	for _, q := range quote.Find(text, toks, token.Sentences(text, toks), cands) {
		fmt.Printf("%s: %q\n", q.Speaker, q.Text)
	}
	// Output:
	// person/dmitry-peskov: "there were detailed discussions"
	// person/vladimir-putin: "Foreign forces will withdraw,"
}
