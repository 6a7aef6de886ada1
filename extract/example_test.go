package extract_test

import (
	"context"
	"fmt"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// An Extractor turns a document into entities and facts. This one uses
// the rule tagger so that the example does not depend on the trained
// model; extract.New() without options loads the model.
func ExampleExtractor_Extract() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	x, err := extract.New(extract.WithTagger(extract.NewRuleTagger(g)))
	if err != nil {
		panic(err)
	}
	doc := graph.Document{ID: "doc-1", Text: "Sochi: German Chancellor Angela Merkel met Russian President Vladimir Putin on Friday."}
	got, err := x.Extract(context.Background(), doc)
	if err != nil {
		panic(err)
	}
	fmt.Println("dateline:", got.Document.Place)
	for _, r := range got.Relations {
		if r.Predicate != graph.MentionedWith {
			fmt.Println(r.Subject, r.Predicate, r.Object)
		}
	}
	for _, e := range got.Events {
		fmt.Println(e.Kind, e.Place, e.Participants)
	}
	// Output:
	// dateline: place/sochi
	// person/angela-merkel chancellor_of place/germany
	// person/angela-merkel citizen_of place/germany
	// person/vladimir-putin president_of place/russia
	// person/vladimir-putin citizen_of place/russia
	// place/sochi located_in place/russia
	// person/angela-merkel met person/vladimir-putin
	// meeting place/sochi [person/angela-merkel person/vladimir-putin]
}
