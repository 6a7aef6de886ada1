package date_test

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/date"
	"github.com/factgraph/factgraph/extract/token"
)

func ExampleFind() {
	text := "Putin met Assad on Thursday. Russia has been in Syria since September 2015; they last met in December."
	anchor, _ := date.ParseAnchor("2018-05-18")
	toks := token.Tokenize(text)
	for _, d := range date.Find(text, toks, token.Sentences(text, toks), anchor) {
		fmt.Printf("%s = %s\n", d.Text, d.Value)
	}
	// Output:
	// Thursday = 2018-05-17
	// September 2015 = 2015-09
	// December = 2017-12
}
