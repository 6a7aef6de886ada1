package figure_test

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/figure"
	"github.com/factgraph/factgraph/extract/token"
)

func ExampleFind() {
	text := "More than 450,000 people have been killed and 11 million have been displaced. Profits rose 76% to $1.13bn."
	toks := token.Tokenize(text)
	for _, f := range figure.Find(text, toks, token.Sentences(text, toks)) {
		fmt.Printf("%s: %g %s %s %q\n", f.Text, *f.Value, f.Measure, f.Currency, f.Counted)
	}
	// Output:
	// More than 450,000 people: 450000 killed  "people"
	// 11 million: 1.1e+07 displaced  "people"
	// 76%: 76 percent  ""
	// $1.13bn: 1.13e+09 money USD ""
}
