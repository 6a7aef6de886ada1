package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/factgraph/factgraph/web"
)

// The explorer is mounted at "/" next to the GraphQL API it calls.
func ExampleHandler() {
	mux := http.NewServeMux()
	mux.Handle("/", web.Handler())
	mux.Handle("/graphql", http.NotFoundHandler()) // the API, from package schema

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"))
	// Output: 200 text/html; charset=utf-8 no-cache
}
