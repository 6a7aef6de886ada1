package schema_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/schema"
)

// introspection is the essence of GraphiQL's introspection query, which
// must pass the limits.
const introspection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

func TestSchemaIsDocumented(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	var got struct {
		Schema struct {
			Types []struct {
				Kind, Name, Description string
				Fields                  []struct {
					Name, Description string
					Args              []struct{ Name, Description string }
				}
				InputFields []struct{ Name, Description string }
				EnumValues  []struct{ Name, Description string }
			}
		} `json:"__schema"`
	}
	ts.mustData(t, introspection, nil, &got)
	names := map[string]bool{}
	for _, typ := range got.Schema.Types {
		names[typ.Name] = true
		if strings.HasPrefix(typ.Name, "__") || typ.Kind == "SCALAR" {
			continue
		}
		if typ.Description == "" {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			if f.Description == "" {
				t.Errorf("field %s.%s has no description", typ.Name, f.Name)
			}
			for _, a := range f.Args {
				if a.Description == "" {
					t.Errorf("argument %s.%s(%s) has no description", typ.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range typ.InputFields {
			if f.Description == "" {
				t.Errorf("input field %s.%s has no description", typ.Name, f.Name)
			}
		}
		for _, v := range typ.EnumValues {
			if v.Description == "" {
				t.Errorf("enum value %s.%s has no description", typ.Name, v.Name)
			}
		}
	}
	for _, want := range []string{"Query", "Mutation", "Entity", "EntityType", "Direction", "Role", "GeoPoint", "Relation", "Figure",
		"FigureTotal", "Event", "Quote", "Mention", "Document", "Stats", "TypeCount", "PageInfo", "DocumentInput", "IngestResult",
		"EntityConnection", "EntityEdge", "RelationConnection", "FigureConnection", "EventConnection", "QuoteConnection",
		"MentionConnection", "DocumentConnection", "DocumentEdge"} {
		if !names[want] {
			t.Errorf("schema has no type %s", want)
		}
	}
}

func TestEndpoints(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	ts.mustData(t, `query Putin { entities(name: "Putin") { totalCount } }`, nil, &struct{}{})
	ts.mustData(t, `query Putin { entities(name: "Putin") { totalCount } }`, nil, &struct{}{})
	tests := []struct {
		name, path, ctype string
		want              []string
	}{
		{"Health", "/healthz", "application/json", []string{`"status":"ok"`, `"documents":1`}},
		{"GraphiQL", "/graphiql", "text/html", []string{"graphiql/graphiql.min.js", "graphiql/boot.js"}},
		{"GraphiQLScript", "/graphiql/graphiql.min.js", "text/javascript", []string{"GraphiQL"}},
		{"GraphiQLBoot", "/graphiql/boot.js", "text/javascript", []string{`fetch("graphql"`}},
		{"React", "/graphiql/react.production.min.js", "text/javascript", []string{"React"}},
		{"Licences", "/graphiql/LICENSES.txt", "text/plain", []string{"MIT License"}},
		{"Metrics", "/metrics", "text/plain", []string{
			`factgraph_graphql_requests_total{code="OK",operation="Putin"} 2`,
			`factgraph_graphql_request_duration_seconds_count{operation="Putin"} 2`,
			`factgraph_graphql_result_cache_total{result="hit"} 1`,
			`factgraph_graphql_query_cache_total{result="miss"} 1`,
			`factgraph_store_items{kind="documents"} 1`,
			`factgraph_store_entities_by_type{type="person"} 3`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ts.Client().Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) {
				t.Fatalf("status %d, content type %q", res.StatusCode, res.Header.Get("Content-Type"))
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("body does not contain %q", w)
				}
			}
		})
	}
	t.Run("NoAsset", func(t *testing.T) {
		res, err := ts.Client().Get(ts.URL + "/graphiql/../server.go")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d", res.StatusCode)
		}
	})
	t.Run("HealthFails", func(t *testing.T) {
		var err error = io.ErrUnexpectedEOF
		ts.g.fail.Store(&err)
		defer ts.g.fail.Store(nil)
		res, err := ts.Client().Get(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("status %d", res.StatusCode)
		}
	})
}

// TestConcurrentIngestAndQueries is meant for the race detector: queries
// share cached ASTs and the schema while mutations change the graph.
func TestConcurrentIngestAndQueries(t *testing.T) {
	ts := newTestServer(t, schema.Config{Token: testToken})
	queries := []string{
		`query Putin { entities(name: "Putin") { edges { node { name relations { edges { node { predicate object { name } evidence { text sentence } } } } } } } }`,
		`{ entities(type: PERSON) { edges { node { neighbors { name neighbors { name } } } } } }`,
		`{ figureTotals { measure count place { name } } }`,
		`{ path(from: "person/bashar-al-assad", to: "place/russia") { predicate } }`,
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				if w == 0 {
					docs := map[string]any{"docs": []any{map[string]any{"text": strings.Repeat("Alpha Beta ", i+1)}}}
					if _, r := ts.post(t, `mutation($docs: [DocumentInput!]!) { ingest(documents: $docs) { added } }`, docs, testToken); len(r.Errors) > 0 {
						t.Errorf("ingest: %+v", r.Errors)
					}
					continue
				}
				status, r := ts.post(t, queries[(w+i)%len(queries)], nil, "")
				if status != 200 || len(r.Errors) > 0 {
					t.Errorf("status %d errors %+v", status, r.Errors)
				}
				var v any
				if err := json.Unmarshal(r.Data, &v); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestResultCache(t *testing.T) {
	ts := newTestServer(t, schema.Config{Token: testToken})
	const q = `{ stats { documents } }`
	send := func(noCache bool) (string, string) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": q})
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		if noCache {
			req.Header.Set("Cache-Control", "no-cache")
		}
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b), res.Header.Get("X-Factgraph-Cache")
	}
	steps := []struct {
		name    string
		before  func()
		noCache bool
		want    string
		hit     bool
	}{
		{"Miss", nil, false, `{"data":{"stats":{"documents":1}}}`, false},
		{"Hit", nil, false, `{"data":{"stats":{"documents":1}}}`, true},
		{"NoCacheHeader", nil, true, `{"data":{"stats":{"documents":1}}}`, false},
		{"MutationInvalidates", func() {
			docs := map[string]any{"d": []any{map[string]any{"id": "doc-2", "text": "Hello World"}}}
			if _, r := ts.post(t, `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`, docs, testToken); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}, false, `{"data":{"stats":{"documents":2}}}`, false},
		{"HitAgain", nil, false, `{"data":{"stats":{"documents":2}}}`, true},
		{"InvalidateAfterDirectChange", func() {
			ts.g.mu.Lock()
			delete(ts.g.docs, "doc-2")
			ts.g.mu.Unlock()
			ts.srv.Invalidate()
		}, false, `{"data":{"stats":{"documents":1}}}`, false},
		{"ErrorsNotCached", func() {
			var err error = io.ErrUnexpectedEOF
			ts.g.fail.Store(&err)
			ts.srv.Invalidate()
			send(false)
			ts.g.fail.Store(nil)
		}, false, `{"data":{"stats":{"documents":1}}}`, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.before != nil {
				st.before()
			}
			body, cache := send(st.noCache)
			if body != st.want || (cache == "hit") != st.hit {
				t.Errorf("body %s cache %q; want %s hit %v", body, cache, st.want, st.hit)
			}
		})
	}
}
