package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

type testServer struct {
	*httptest.Server
	g   *memGraph
	srv *schema.Server
}

const testToken = "s3cret-token"

func newTestServer(t testing.TB, cfg schema.Config) *testServer {
	t.Helper()
	g := newFixture(t)
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	srv, err := schema.New(schema.Services{
		Documents: g, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g,
		Ingester: g, Extractor: wordExtractor{},
	}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(srv), g: g, srv: srv}
	t.Cleanup(ts.Close)
	return ts
}

// testWriter sends the server's log to the test's log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends a query as a JSON POST, with a bearer token if token != "".
func (ts *testServer) post(t testing.TB, query string, vars map[string]any, token string) (int, *gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return ts.do(t, req)
}

func (ts *testServer) get(t testing.TB, query string) (int, *gqlResponse) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/graphql?query="+url.QueryEscape(query), nil)
	return ts.do(t, req)
}

func (ts *testServer) do(t testing.TB, req *http.Request) (int, *gqlResponse) {
	t.Helper()
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response is not JSON: %v: %s", err, b)
	}
	return res.StatusCode, &r
}

// mustData runs a query that must succeed and decodes its data into v.
func (ts *testServer) mustData(t testing.TB, query string, vars map[string]any, v any) {
	t.Helper()
	status, r := ts.post(t, query, vars, "")
	if status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("status %d, errors %+v", status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}

func TestEntityByName(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	var got struct {
		Entities struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID, Name, Type string
					Aliases        []string
					Roles          []struct {
						Title string
						Of    struct{ Name string }
					}
					Relations struct {
						Edges []struct {
							Node struct {
								Predicate string
								Subject   struct{ Name string }
								Object    struct{ Name string }
								Evidence  []struct {
									Text, Sentence string
									Start, End     int
									Document       struct{ Text string }
								}
							}
						}
					}
				}
			}
		}
	}
	ts.mustData(t, `query Putin($n: String) { entities(name: $n) { totalCount edges { node {
		id name type aliases roles { title of { name } }
		relations(direction: OUT) { edges { node { predicate subject { name } object { name }
			evidence { text sentence start end document { text } } } } } } } } }`, map[string]any{"n": "PUTIN"}, &got)
	if got.Entities.TotalCount != 1 || len(got.Entities.Edges) != 1 {
		t.Fatalf("want one entity, got %+v", got.Entities)
	}
	e := got.Entities.Edges[0].Node
	if e.ID != "person/vladimir-putin" || e.Name != "Vladimir Putin" || e.Type != "PERSON" || len(e.Aliases) != 1 {
		t.Fatalf("entity = %+v", e)
	}
	if len(e.Roles) != 1 || e.Roles[0].Title != "President" || e.Roles[0].Of.Name != "Russia" {
		t.Errorf("roles = %+v", e.Roles)
	}
	preds := map[string]string{}
	for _, ed := range e.Relations.Edges {
		r := ed.Node
		preds[r.Predicate] = r.Object.Name
		if r.Subject.Name != "Vladimir Putin" {
			t.Errorf("OUT relation with subject %q", r.Subject.Name)
		}
		for _, m := range r.Evidence {
			if got := string([]rune(m.Document.Text)[m.Start:m.End]); got != m.Text {
				t.Errorf("evidence [%d,%d) selects %q, not %q", m.Start, m.End, got, m.Text)
			}
			if !strings.Contains(m.Sentence, m.Text) || strings.Contains(m.Sentence, "\n") {
				t.Errorf("sentence %q does not hold %q", m.Sentence, m.Text)
			}
		}
	}
	if preds["president_of"] != "Russia" || preds["met"] != "Bashar Al Assad" {
		t.Errorf("relations = %v", preds)
	}
}

func TestPagingVisitsEachEntityOnce(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	seen := map[string]int{}
	after, pages, total := any(nil), 0, 0
	for {
		var got struct {
			Entities struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct{ ID string }
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		ts.mustData(t, `query Page($after: String) { entities(first: 7, after: $after) {
			totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}, &got)
		pages++
		total = got.Entities.TotalCount
		if len(got.Entities.Edges) > 7 {
			t.Fatalf("page of %d", len(got.Entities.Edges))
		}
		for _, e := range got.Entities.Edges {
			seen[e.Node.ID]++
		}
		if !got.Entities.PageInfo.HasNextPage {
			break
		}
		last := got.Entities.Edges[len(got.Entities.Edges)-1].Cursor
		if got.Entities.PageInfo.EndCursor == nil || *got.Entities.PageInfo.EndCursor != last {
			t.Fatalf("endCursor %v, last edge cursor %q", got.Entities.PageInfo.EndCursor, last)
		}
		after = last
		if pages > 100 {
			t.Fatal("paging does not end")
		}
	}
	if len(seen) != total || total != len(ts.g.entities) {
		t.Errorf("visited %d entities, totalCount %d, store has %d", len(seen), total, len(ts.g.entities))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s visited %d times", id, n)
		}
	}
	if want := (total + 6) / 7; pages != want {
		t.Errorf("%d pages, want %d", pages, want)
	}
}

func TestFacts(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	tests := []struct {
		name, query string
		want        string // the data, compared as JSON values
	}{
		{"EventsByParticipant", `{ events(participant: "person/bashar-al-assad") { edges { node { kind dateText place { name } participants { name } } } } }`,
			`{"events":{"edges":[{"node":{"dateText":"Thursday","kind":"meeting","participants":[{"name":"Vladimir Putin"},{"name":"Bashar Al Assad"}],"place":{"name":"Sochi"}}}]}}`},
		{"FiguresByMeasure", `{ figures(measure: "killed") { totalCount edges { node { value qualifier counted text about { name } evidence { text } } } } }`,
			`{"figures":{"edges":[{"node":{"about":{"name":"Syria"},"counted":"people","evidence":{"text":"More than 450,000 people"},"qualifier":"more than","text":"More than 450,000 people","value":450000}}],"totalCount":1}}`},
		{"FigureTotals", `{ figureTotals(measure: "killed") { measure count sum min max documents place { name } } }`,
			`{"figureTotals":[{"count":1,"documents":1,"max":450000,"measure":"killed","min":450000,"place":{"name":"Syria"},"sum":450000}]}`},
		{"Path", `{ path(from: "person/bashar-al-assad", to: "place/russia") { predicate subject { id } object { id } } }`,
			`{"path":[{"object":{"id":"person/bashar-al-assad"},"predicate":"met","subject":{"id":"person/vladimir-putin"}},{"object":{"id":"place/russia"},"predicate":"president_of","subject":{"id":"person/vladimir-putin"}}]}`},
		{"NoPath", `{ path(from: "person/angela-merkel", to: "place/syria") { id } }`, `{"path":null}`},
		{"Quotes", `{ quotes(speaker: "person/vladimir-putin") { edges { node { text speaker { name } evidence { start end } } } } }`,
			`{"quotes":{"edges":[{"node":{"evidence":{"end":151,"start":95},"speaker":{"name":"Vladimir Putin"},"text":"After the military success, conditions have been created"}}]}}`},
		{"Stats", `{ stats { documents entities relations figures events quotes byType { type count } } }`,
			`{"stats":{"byType":[{"count":3,"type":"PERSON"},{"count":4,"type":"PLACE"},{"count":23,"type":"ORGANIZATION"},{"count":0,"type":"EVENT"},{"count":0,"type":"DATE"},{"count":0,"type":"OTHER"}],"documents":1,"entities":30,"events":1,"figures":1,"quotes":1,"relations":4}}`},
		{"Document", `{ document(id: "1.2223405-2511317925") { title place { name location { lat countryCode } } entities(type: PERSON) { name } } }`,
			`{"document":{"entities":[{"name":"Angela Merkel"},{"name":"Bashar Al Assad"},{"name":"Vladimir Putin"}],"place":{"location":{"countryCode":"RU","lat":43.6},"name":"Sochi"},"title":"Putin meets Assad"}}`},
		{"Search", `{ entities(search: "S", type: PLACE) { edges { node { name } } } }`, `{"entities":{"edges":[{"node":{"name":"Sochi"}},{"node":{"name":"Syria"}}]}}`},
		{"Neighbors", `{ entity(id: "person/vladimir-putin") { neighbors(type: PLACE) { name } } }`, `{"entity":{"neighbors":[{"name":"Russia"}]}}`},
		{"TotalOnly", `{ entities(type: PERSON, first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`,
			`{"entities":{"edges":[],"pageInfo":{"hasNextPage":true},"totalCount":3}}`},
		{"Mentions", `{ entity(id: "place/sochi") { mentionCount mentions(first: 1) { totalCount edges { node { text entity { id } } } } } }`,
			`{"entity":{"mentionCount":2,"mentions":{"edges":[{"node":{"entity":{"id":"place/sochi"},"text":"Sochi"}}],"totalCount":2}}}`},
		{"Documents", `{ documents { totalCount edges { node { id } } } }`, `{"documents":{"edges":[{"node":{"id":"1.2223405-2511317925"}}],"totalCount":1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, r := ts.post(t, tt.query, nil, "")
			if status != http.StatusOK || len(r.Errors) > 0 {
				t.Fatalf("status %d, errors %+v", status, r.Errors)
			}
			var got, want any
			if err := json.Unmarshal(r.Data, &got); err != nil {
				t.Fatalf("data %s: %v", r.Data, err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatalf("want %s: %v", tt.want, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("data %s\nwant %s", r.Data, tt.want)
			}
		})
	}
}

func TestEntityLoadsAreBatched(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	before := ts.g.byIDCalls.Load()
	var got struct {
		Relations struct {
			Edges []struct {
				Node struct{ Subject, Object struct{ Name string } }
			}
		}
	}
	ts.mustData(t, `{ relations(first: 100) { edges { node { subject { name roles { of { name } } } object { name } } } } }`, nil, &got)
	if len(got.Relations.Edges) != 4 {
		t.Fatalf("%d relations", len(got.Relations.Edges))
	}
	// One batch for the subjects and objects of the four relations; the
	// roles name Russia and Germany, which that batch already loaded.
	if n := ts.g.byIDCalls.Load() - before; n != 1 {
		t.Errorf("EntitiesByID called %d times, want 1", n)
	}
	if n := ts.g.entCalls.Load(); n != 0 {
		t.Errorf("Entity called %d times, want 0", n)
	}
}

// documentsOnly hides memGraph's DocumentEntities, so that Document.entities
// falls back to a one-document dump.
type documentsOnly struct{ graph.DocumentService }

func TestDocumentEntitiesFromDump(t *testing.T) {
	g := newFixture(t)
	g.entities["person/vladimir-putin"].MentionCount = 40 // mentions in other documents
	srv, err := schema.New(schema.Services{
		Documents: documentsOnly{g}, Entities: g, Relations: g, Figures: g, Events: g, Quotes: g, Stats: g, Dumper: g,
	}, schema.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(srv), g: g, srv: srv}
	defer ts.Close()
	var got struct {
		Document struct {
			Entities []struct {
				Name         string
				MentionCount int
			}
		}
	}
	ts.mustData(t, `{ document(id: "1.2223405-2511317925") { entities(first: 2) { name mentionCount } } }`, nil, &got)
	// Ordered by mentions in this document (Putin 3, Sochi 2), with the
	// counts across all documents.
	want := `[{Vladimir Putin 40} {Sochi 2}]`
	if s := fmt.Sprint(got.Document.Entities); s != want {
		t.Errorf("entities = %s, want %s", s, want)
	}
}
