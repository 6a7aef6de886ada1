package schema_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/factgraph/factgraph/schema"
)

// TestFastExecutorMatchesGraphQLGo sends each query to a server with the
// fast executor and to one without, and requires the same bytes; "fast"
// says whether the fast executor must have answered it (rather than
// declining and falling back to graphql-go).
func TestFastExecutorMatchesGraphQLGo(t *testing.T) {
	fast := newTestServer(t, schema.Config{})
	slow := newTestServer(t, schema.Config{DisableFastExecutor: true})
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		fast  bool
	}{
		{"EntityByName", `{ entities(name: "Putin", first: 1) { totalCount edges { cursor node { id name type aliases mentionCount
			roles { title of { id name location { lat lon countryCode } } }
			relations(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { predicate weight confidence
				subject { id name } object { id name } evidence(first: 3) { start end text sentence sentenceStart document { id title } } } } } } } } }`, nil, true},
		{"AliasesAndFragments", `query Q { a: entity(id: "person/vladimir-putin") { ...E name } b: entity(id: "place/sochi") { ... on Entity { id n: name } location { lat } } }
			fragment E on Entity { id type __typename mentions(first: 2) { edges { node { text entity { name } } } } }`, nil, true},
		{"MergedFields", `{ entity(id: "person/vladimir-putin") { id neighbors(first: 5) { id } neighbors(first: 5) { name } } }`, nil, true},
		{"Variables", `query V($id: ID!, $t: EntityType, $n: Int = 3) { entity(id: $id) { neighbors(type: $t, first: $n) { id type } } }`,
			map[string]any{"id": "person/vladimir-putin", "t": "PERSON"}, true},
		{"VariableDefaultOverridden", `query V($n: Int = 3) { entities(first: $n) { edges { node { id } } pageInfo { endCursor } } }`,
			map[string]any{"n": 5}, true},
		{"EnumLiteralAndDirection", `{ entity(id: "place/russia") { relations(direction: IN, first: 5) { edges { node { predicate subject { name } } } } } }`, nil, true},
		{"NotFoundError", `{ entity(id: "person/nobody") { id } }`, nil, false},
		{"NullableNulls", `{ entity(id: "person/bashar-al-assad") { location { lat } value roles { title } } }`, nil, true},
		{"Facts", `{ figures(measure: "killed") { edges { node { value low high qualifier measure counted text about { name } place { name } evidence { text sentence } } } }
			figureTotals { measure count sum min max documents place { name } }
			events(participant: "person/vladimir-putin") { edges { node { kind name date participants { name } place { name } evidence { text } } } }
			quotes(speaker: "person/vladimir-putin") { edges { node { text speaker { name } evidence { start } } } }
			path(from: "person/bashar-al-assad", to: "place/russia") { predicate subject { name } object { name } }
			stats { documents entities byType { type count } } }`, nil, true},
		{"Document", `{ document(id: "1.2223405-2511317925") { id title published place { name } entities(first: 3) { id } } }`, nil, true},
		{"PagingError", `{ entities(first: 2, after: "%%%") { edges { node { id } } } }`, nil, false},
		{"MissingDocumentNonNull", `{ entities(first: 1) { edges { node { mentions(first: 1) { edges { node { document { id } } } } } } } }`, nil, true},
		{"Skip", `query($s: Boolean!) { entity(id: "place/sochi") { id name @skip(if: $s) } }`, map[string]any{"s": true}, false},
		{"Introspection", `{ __type(name: "Entity") { name } }`, nil, false},
		{"BadVariable", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": "many"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fastCount(t, fast)
			got := rawPost(t, fast, tt.query, tt.vars)
			want := rawPost(t, slow, tt.query, tt.vars)
			if got != want {
				t.Errorf("fast executor:\n%s\ngraphql-go:\n%s", got, want)
			}
			if ran := fastCount(t, fast) > before; ran != tt.fast {
				t.Errorf("fast executor ran: %v, want %v (response %s)", ran, tt.fast, got)
			}
		})
	}
}

// rawPost returns the status and body of an uncached POST.
func rawPost(t *testing.T, ts *testServer, query string, vars map[string]any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cache-Control", "no-cache")
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return strconv.Itoa(res.StatusCode) + " " + string(b)
}

var fastMetric = regexp.MustCompile(`factgraph_graphql_fast_executions_total\{result="fast"\} (\d+)`)

// fastCount reads how many queries the fast executor answered.
func fastCount(t *testing.T, ts *testServer) int {
	t.Helper()
	res, err := ts.Client().Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	m := fastMetric.FindSubmatch(b)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
