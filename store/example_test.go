package store_test

import (
	"context"
	"fmt"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// Two articles name Putin differently; the store resolves both to one
// entity, and the short name's ID keeps resolving.
func ExampleDB_Ingest() {
	ctx := context.Background()
	db, err := store.Open("", store.WithInMemory())
	if err != nil {
		panic(err)
	}
	defer db.Close()
	article := func(id, text, local, name string, start int) *graph.Extraction {
		end := start + len(name)
		return &graph.Extraction{
			Document: graph.Document{ID: id, Text: text},
			Entities: []*graph.Entity{{ID: local, Type: graph.Person, Name: name,
				Mentions: []graph.Mention{{Start: start, End: end, Text: name}}}},
		}
	}
	res, err := db.Ingest(ctx, []*graph.Extraction{
		article("a", "Putin arrived in Sochi.", "person/putin", "Putin", 0),
		article("b", "President Vladimir Putin spoke.", "person/vladimir-putin", "Vladimir Putin", 10),
	})
	if err != nil {
		panic(err)
	}
	e, err := db.Entity(ctx, "person/putin")
	if err != nil {
		panic(err)
	}
	s, err := db.Stats(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Added, "documents added")
	fmt.Println(e.ID, e.Name, e.Aliases, e.MentionCount)
	fmt.Println(s.Entities, "entity,", s.Mentions, "mentions")
	// Output:
	// 2 documents added
	// person/vladimir-putin Vladimir Putin [Putin] 2
	// 1 entity, 2 mentions
}
