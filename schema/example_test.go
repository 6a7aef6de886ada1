package schema_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// Serve a graph over GraphQL and ask for an entity by one of its names.
// In factgraph the services are a *store.DB; here an in-memory graph.
func ExampleNew() {
	g := newMemGraph()
	g.entities["person/vladimir-putin"] = &graph.Entity{ID: "person/vladimir-putin", Type: graph.Person,
		Name: "Vladimir Putin", Aliases: []string{"Putin"}, MentionCount: 5}

	srv, err := schema.New(schema.Services{
		Documents: g, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g,
	}, schema.Config{Token: "secret"})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	res, err := http.Post(ts.URL+"/graphql", "application/json",
		strings.NewReader(`{"query": "{ entities(name: \"putin\") { totalCount edges { node { id name type } } } }"}`))
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(string(body))
	// Output:
	// {"data":{"entities":{"edges":[{"node":{"id":"person/vladimir-putin","name":"Vladimir Putin","type":"PERSON"}}],"totalCount":1}}}
}
