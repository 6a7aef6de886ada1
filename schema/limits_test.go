package schema_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// nested returns a query nesting entity → neighbors depth times.
func nested(depth int) string {
	return `{ entity(id: "person/vladimir-putin") {` + strings.Repeat(` neighbors(first: 1) {`, depth-2) + ` id` + strings.Repeat(` }`, depth-2) + ` } }`
}

// manyVars returns n variable definitions.
func manyVars(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "$v%d: Int ", i)
	}
	return b.String()
}

// manyArgs returns n arguments.
func manyArgs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%x:1 ", i%4096)
	}
	return b.String()
}

func TestRejected(t *testing.T) {
	ts := newTestServer(t, schema.Config{MaxAliases: 3, MaxRootFields: 4, MaxCost: 5000, MaxBodyBytes: 8192})
	tests := []struct {
		name   string
		query  string
		vars   map[string]any
		status int
		code   string
		limit  string
		msg    string // substring of the message
	}{
		{"Malformed", `{ entity(id: "x") { name }`, nil, 400, "INVALID", "", "Syntax Error"},
		{"Empty", `  `, nil, 400, "INVALID", "", "no query"},
		{"UnknownField", `{ entity(id: "x") { salary } }`, nil, 400, "INVALID", "", `Cannot query field "salary"`},
		{"MissingArgument", `{ entity { name } }`, nil, 400, "INVALID", "", `argument "id"`},
		{"BadEnum", `{ entities(type: ROBOT) { totalCount } }`, nil, 400, "INVALID", "", "ROBOT"},
		{"BadVariable", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": "many"}, 400, "INVALID", "", "Variable $n of type Int: expected a whole number"},
		{"IntAsString", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": "1000"}, 400, "INVALID", "", "expected a whole number"},
		{"IntAsFraction", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": 2.7}, 400, "INVALID", "", "expected a whole number"},
		{"StringAsObject", `query($x: String) { entities(search: $x) { totalCount } }`, map[string]any{"x": map[string]any{"a": 1}}, 400, "INVALID", "", "Variable $x of type String: expected a string"},
		{"BooleanAsString", `query($s: Boolean!) { stats @include(if: $s) { documents } }`, map[string]any{"s": "yes"}, 400, "INVALID", "", "expected true or false"},
		{"FragmentCycle", `{ entity(id: "x") { ...A } } fragment A on Entity { neighbors { ...A } }`, nil, 400, "INVALID", "", "Fragment A spreads itself: A → A"},
		{"FragmentCycleAtRoot", `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, nil, 400, "INVALID", "", "spreads itself: A → B → A"},
		{"UnusedFragmentCycle", `{ stats { documents } } fragment A on Query { ...A }`, nil, 400, "INVALID", "", "spreads itself"},
		{"Variables", "query(" + manyVars(101) + ") { stats { documents } }", nil, 400, "LIMIT", "variables", "101 variables"},
		{"Definitions", "{ stats { documents } }" + strings.Repeat(" fragment F on Query{__typename}", 100), nil, 400, "LIMIT", "definitions", "101 operations and fragments"},
		{"Arguments", "{ stats(" + manyArgs(1001) + ") { documents } }", nil, 400, "LIMIT", "arguments", "1001 arguments"},
		{"Depth50", nested(50), nil, 400, "LIMIT", "depth", "50 levels deep; at most 12"},
		{"Depth13", nested(13), nil, 400, "LIMIT", "depth", "13 levels deep"},
		{"Brackets", strings.Repeat("{a", 200) + strings.Repeat("}", 200), nil, 400, "LIMIT", "depth", "nests brackets"},
		{"Aliases", `{ a: stats { documents } b: stats { documents } c: stats { documents } d: stats { documents } }`, nil, 400, "LIMIT", "aliases", "4 aliases"},
		{"RootFields", `{ stats { documents } figureTotals { count } documents { totalCount } quotes { totalCount } events { totalCount } }`, nil, 400, "LIMIT", "rootFields", "5 root fields"},
		{"FirstTooLarge", `{ entities(first: 1001) { totalCount } }`, nil, 400, "LIMIT", "first", "at most 1000"},
		{"FirstVariableTooLarge", `query($n: Int) { entities(first: $n) { totalCount } }`, map[string]any{"n": 5000}, 400, "LIMIT", "first", "got 5000"},
		{"FirstNegative", `{ entities(first: -1) { totalCount } }`, nil, 400, "INVALID", "", "negative"},
		{"Cost", `{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { id } } } } } } }`, nil, 400, "LIMIT", "cost", "estimated cost"},
		{"MaxHops", `{ path(from: "a", to: "b", maxHops: 50) { id } }`, nil, 400, "LIMIT", "maxHops", "between 1 and 6"},
		{"FragmentBomb", `{ entity(id: "x") { ...A } }
			fragment A on Entity { neighbors { ...B } neighbors { ...B } }
			fragment B on Entity { neighbors { ...C } neighbors { ...C } }
			fragment C on Entity { neighbors { ...D } neighbors { ...D } }
			fragment D on Entity { neighbors { ...E } neighbors { ...E } }
			fragment E on Entity { neighbors { ...F } neighbors { ...F } }
			fragment F on Entity { neighbors { ...G } neighbors { ...G } }
			fragment G on Entity { neighbors { ...H } neighbors { ...H } }
			fragment H on Entity { neighbors { ...I } neighbors { ...I } }
			fragment I on Entity { neighbors { ...J } neighbors { ...J } }
			fragment J on Entity { id name aliases }`, nil, 400, "LIMIT", "fields", "more than 1000 fields"},
		{"NotFound", `{ entity(id: "person/nobody") { name } }`, nil, 200, "NOT_FOUND", "", `entity "person/nobody" not found`},
		{"UnknownOperation", `query A { stats { documents } }`, nil, 200, "", "", ""},
		{"UntypedInlineFragment", `{ stats { ... { documents } } }`, nil, 200, "", "", ""},
		{"BodyTooLarge", `{ entities(name: "` + strings.Repeat("x", 9000) + `") { totalCount } }`, nil, 413, "LIMIT", "body", "larger than 8192 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := ts.g.entCalls.Load() + ts.g.byIDCalls.Load()
			status, r := ts.post(t, tt.query, tt.vars, "")
			if status != tt.status || r.code() != tt.code {
				t.Fatalf("status %d code %q, want %d %q; errors %+v", status, r.code(), tt.status, tt.code, r.Errors)
			}
			if tt.code == "" {
				return
			}
			if got, _ := r.Errors[0].Extensions["limit"].(string); got != tt.limit {
				t.Errorf("limit %q, want %q", got, tt.limit)
			}
			if !strings.Contains(r.Errors[0].Message, tt.msg) {
				t.Errorf("message %q does not contain %q", r.Errors[0].Message, tt.msg)
			}
			// Rejected before execution: no resolver reached the graph.
			// (How fast is measured by BenchmarkRejected.)
			if tt.code == "LIMIT" && ts.g.entCalls.Load()+ts.g.byIDCalls.Load() != calls {
				t.Errorf("a rejected query reached the graph")
			}
		})
	}
}

func TestHTTPErrors(t *testing.T) {
	ts := newTestServer(t, schema.Config{Token: testToken})
	tests := []struct {
		name, method, ctype, body string
		status                    int
		msg                       string
	}{
		{"GetMutation", http.MethodGet, "", "", 405, "POST"},
		{"Put", http.MethodPut, "application/json", `{"query":"{ stats { documents } }"}`, 405, "GET"},
		{"NotJSON", http.MethodPost, "application/json", `query { stats }`, 400, "not valid JSON"},
		{"VariablesAsString", http.MethodPost, "application/json", `{"query":"{ stats { documents } }","variables":"{\"a\":1}"}`, 400, `The request's "variables" must be a JSON object (not a string holding one), not a JSON string.`},
		{"QueryAsNumber", http.MethodPost, "application/json", `{"query":123}`, 400, `The request's "query" must be a string, not a JSON number.`},
		{"WrongContentType", http.MethodPost, "text/plain", `{"query":"{ stats { documents } }"}`, 415, "application/json"},
		{"BadVariables", http.MethodGet, "", "variables=nope", 400, "variables"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ts.URL + "/graphql"
			var req *http.Request
			switch tt.name {
			case "GetMutation":
				req, _ = http.NewRequest(tt.method, u+"?query="+strings.ReplaceAll(`mutation{deleteDocument(id:"x")}`, " ", "%20"), nil)
				req.Header.Set("Authorization", "Bearer "+testToken)
			case "BadVariables":
				req, _ = http.NewRequest(tt.method, u+"?query=%7Bstats%7Bdocuments%7D%7D&"+tt.body, nil)
			default:
				req, _ = http.NewRequest(tt.method, u, strings.NewReader(tt.body))
				req.Header.Set("Content-Type", tt.ctype)
			}
			status, r := ts.do(t, req)
			if status != tt.status || r.code() != "INVALID" || !strings.Contains(r.Errors[0].Message, tt.msg) {
				t.Fatalf("status %d, errors %+v; want %d INVALID %q", status, r.Errors, tt.status, tt.msg)
			}
		})
	}
	t.Run("GetQuery", func(t *testing.T) {
		status, r := ts.get(t, `{ stats { documents } }`)
		if status != 200 || string(r.Data) != `{"stats":{"documents":1}}` {
			t.Fatalf("status %d, %s %+v", status, r.Data, r.Errors)
		}
	})
	t.Run("GetAfterGet", func(t *testing.T) {
		// The second request comes from the query cache.
		status, r := ts.get(t, `{ stats { documents } }`)
		if status != 200 || string(r.Data) != `{"stats":{"documents":1}}` {
			t.Fatalf("status %d, %s %+v", status, r.Data, r.Errors)
		}
	})
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	t.Run("ServiceError", func(t *testing.T) {
		err := fmt.Errorf("badger: open /var/lib/secret/000001.vlog: %w", errors.New("permission denied"))
		ts.g.fail.Store(&err)
		defer ts.g.fail.Store(nil)
		status, r := ts.post(t, `{ stats { documents } }`, nil, "")
		if status != 200 || r.code() != "INTERNAL" || r.Errors[0].Message != "Internal error." {
			t.Fatalf("status %d, errors %+v", status, r.Errors)
		}
	})
	t.Run("ApplicationError", func(t *testing.T) {
		var err error = graph.Errorf(graph.EINVALID, "cursor is stale")
		ts.g.fail.Store(&err)
		defer ts.g.fail.Store(nil)
		_, r := ts.post(t, `{ relations { totalCount } }`, nil, "")
		if r.code() != "INVALID" || r.Errors[0].Message != "cursor is stale" {
			t.Fatalf("errors %+v", r.Errors)
		}
	})
	t.Run("Panic", func(t *testing.T) {
		ts.g.panicNow.Store(true)
		defer ts.g.panicNow.Store(false)
		// The error nulls the nearest nullable parent, entity, and no more.
		status, r := ts.post(t, `{ entity(id: "person/vladimir-putin") { quotes { text } } stats { documents } }`, nil, "")
		if status != 200 || r.code() != "INTERNAL" || r.Errors[0].Message != "Internal error." {
			t.Fatalf("status %d, errors %+v", status, r.Errors)
		}
		if string(r.Data) != `{"entity":null,"stats":{"documents":1}}` {
			t.Errorf("other fields lost: %s", r.Data)
		}
	})
}

func TestMutationAuth(t *testing.T) {
	const ingest = `mutation Ingest($docs: [DocumentInput!]!) { ingest(documents: $docs) { added replaced unchanged documents } }`
	docs := map[string]any{"docs": []any{map[string]any{"id": "doc-2", "text": "Merkel met Macron in Paris."}}}
	tests := []struct {
		name, serverToken, token string
		code, msg                string
	}{
		{"Disabled", "", testToken, "UNAUTHENTICATED", "disabled"},
		{"Missing", testToken, "", "UNAUTHENTICATED", "Authorization"},
		{"Wrong", testToken, "guess", "UNAUTHENTICATED", "not valid"},
		{"OK", testToken, testToken, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, schema.Config{Token: tt.serverToken})
			status, r := ts.post(t, ingest, docs, tt.token)
			if r.code() != tt.code {
				t.Fatalf("status %d, errors %+v, want %q", status, r.Errors, tt.code)
			}
			if tt.code != "" {
				if status != http.StatusUnauthorized || !strings.Contains(r.Errors[0].Message, tt.msg) {
					t.Errorf("status %d, message %q", status, r.Errors[0].Message)
				}
				if len(ts.g.docs) != 1 {
					t.Error("an unauthorized ingest changed the graph")
				}
				return
			}
			if string(r.Data) != `{"ingest":{"added":1,"documents":["doc-2"],"replaced":0,"unchanged":0}}` {
				t.Errorf("data %s", r.Data)
			}
			_, r = ts.post(t, ingest, docs, tt.token)
			if string(r.Data) != `{"ingest":{"added":0,"documents":["doc-2"],"replaced":0,"unchanged":1}}` {
				t.Errorf("again: data %s", r.Data)
			}
			var got struct{ Entities struct{ TotalCount int } }
			ts.mustData(t, `{ entities(name: "macron") { totalCount } }`, nil, &got)
			if got.Entities.TotalCount != 1 {
				t.Errorf("ingested entity not found: %+v", got)
			}
		})
	}
}

func TestMutations(t *testing.T) {
	ts := newTestServer(t, schema.Config{Token: testToken})
	tests := []struct {
		name, query string
		code, want  string
	}{
		{"MergeInvalid", `mutation { mergeEntities(ids: ["place/syria"], into: "person/vladimir-putin") { id } }`, "INVALID", ""},
		{"MergeMissing", `mutation { mergeEntities(ids: ["person/nobody"], into: "person/vladimir-putin") { id } }`, "NOT_FOUND", ""},
		{"Merge", `mutation { mergeEntities(ids: ["person/angela-merkel"], into: "person/vladimir-putin") { id aliases } }`, "",
			`{"mergeEntities":{"aliases":["Putin","Angela Merkel"],"id":"person/vladimir-putin"}}`},
		{"MergedIDResolves", `{ entity(id: "person/angela-merkel") { id } }`, "", `{"entity":{"id":"person/vladimir-putin"}}`},
		{"IngestEmpty", `mutation { ingest(documents: []) { added } }`, "INVALID", ""},
		{"IngestNoID", `mutation { ingest(documents: [{text: "Hello World"}]) { documents } }`, "", `{"ingest":{"documents":["sha256-`},
		{"IngestDuplicateID", `mutation { ingest(documents: [{id: "a", text: "One."}, {id: "a", text: "Two."}]) { documents } }`, "INVALID", ""},
		{"IngestNULInID", `mutation { ingest(documents: [{id: "a\u0000b", text: "One."}]) { documents } }`, "INVALID", ""},
		{"DeleteMissing", `mutation { deleteDocument(id: "nope") }`, "NOT_FOUND", ""},
		{"Delete", `mutation { deleteDocument(id: "1.2223405-2511317925") }`, "", `{"deleteDocument":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := ts.post(t, tt.query, nil, testToken)
			if r.code() != tt.code || !strings.Contains(string(r.Data), tt.want) {
				t.Fatalf("data %s errors %+v; want code %q data %s", r.Data, r.Errors, tt.code, tt.want)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	ts := newTestServer(t, schema.Config{Timeout: 50 * time.Millisecond})
	ts.g.block = make(chan struct{}) // never closed: Relations waits for the deadline
	status, r := ts.post(t, `{ relations { totalCount } }`, nil, "")
	if status != 200 || r.code() != "LIMIT" || r.Errors[0].Extensions["limit"] != "timeout" {
		t.Fatalf("status %d, errors %+v", status, r.Errors)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	ts := newTestServer(t, schema.Config{MaxConcurrent: 1})
	ts.g.block = make(chan struct{})
	ts.g.entered = make(chan struct{}, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, r := ts.post(t, `{ relations { totalCount } }`, nil, ""); len(r.Errors) > 0 {
			t.Errorf("blocked request: %+v", r.Errors)
		}
	}()
	<-ts.g.entered // the first request holds the only slot
	status, r := ts.post(t, `{ stats { documents } }`, nil, "")
	close(ts.g.block)
	wg.Wait()
	if status != http.StatusServiceUnavailable || r.code() != "LIMIT" || r.Errors[0].Extensions["limit"] != "concurrency" {
		t.Fatalf("status %d, errors %+v", status, r.Errors)
	}
	if status, _ := ts.post(t, `{ stats { documents } }`, nil, ""); status != 200 {
		t.Errorf("after the slot is free: status %d", status)
	}
}

// TestSlowBodies: clients that send their bodies a byte at a time hold no
// execution slot, so a fast client is served while all of them trickle,
// and each slow one is answered 408 once its body deadline passes.
func TestSlowBodies(t *testing.T) {
	const slow = 100
	ts := newTestServer(t, schema.Config{MaxConcurrent: 4, BodyTimeout: 2 * time.Second})
	body := []byte(`{"query":"{ stats { documents } }"}`)
	var started, done sync.WaitGroup
	statuses := make(chan int, slow)
	for range slow {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			pr, pw := io.Pipe()
			go func() {
				// One byte, then one every 300 ms: the body needs 10 s.
				for i := range body {
					if _, err := pw.Write(body[i : i+1]); err != nil {
						return
					}
					if i == 0 {
						started.Done()
					}
					time.Sleep(300 * time.Millisecond)
				}
				pw.Close()
			}()
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", pr)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				statuses <- 0 // the server may close the connection instead
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	started.Wait()
	for i := range 20 {
		if status, r := ts.post(t, `{ stats { documents } }`, nil, ""); status != 200 || len(r.Errors) > 0 {
			t.Fatalf("fast request %d while %d bodies trickle: status %d, errors %+v", i, slow, status, r.Errors)
		}
	}
	done.Wait()
	close(statuses)
	for status := range statuses {
		if status != http.StatusRequestTimeout && status != 0 {
			t.Errorf("a slow body got status %d, want %d", status, http.StatusRequestTimeout)
		}
	}
}
