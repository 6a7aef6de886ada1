package export_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

func ExampleNQuadsEncoder() {
	d := fakeDumper{
		{Kind: graph.RecordEntity, Entity: &graph.Entity{ID: "person/vladimir-putin", Type: graph.Person, Name: "Vladimir Putin", MentionCount: 2}},
	}
	enc := export.NewNQuadsEncoder(os.Stdout, export.NQuadsOptions{})
	if err := export.Export(context.Background(), d, graph.DumpFilter{}, enc); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <https://factgraph.dev/id/entity/person/vladimir-putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://factgraph.dev/ns#Entity> .
	// <https://factgraph.dev/id/entity/person/vladimir-putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
	// <https://factgraph.dev/id/entity/person/vladimir-putin> <https://factgraph.dev/ns#id> "person/vladimir-putin" .
	// <https://factgraph.dev/id/entity/person/vladimir-putin> <http://schema.org/name> "Vladimir Putin"@en .
	// <https://factgraph.dev/id/entity/person/vladimir-putin> <https://factgraph.dev/ns#mentionCount> "2"^^<http://www.w3.org/2001/XMLSchema#int> .
}

func ExampleReader() {
	dump := `{"format":"factgraph-dump","version":1}
{"kind":"merge","merge":{"from":"person/putin","into":"person/vladimir-putin"}}
`
	r, err := export.NewReader(strings.NewReader(dump))
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rec.Kind, rec.Merge.From, "→", rec.Merge.Into)
	}
	// Output:
	// merge person/putin → person/vladimir-putin
}
