package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

const e2eToken = "e2e-token"

// liveServer is "factgraph serve --ingest seed" running on 127.0.0.1:0.
type liveServer struct {
	url  string
	db   string
	stop func() error // shuts the server down and returns serve's error
}

func startServe(t *testing.T) *liveServer {
	t.Helper()
	seedArticle := testenv.Shared(t, "seed/article.txt")
	dir := filepath.Join(t.TempDir(), "db")
	var stderr syncBuffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: testGetenv}
	opt, err := parseServeFlags(env, []string{"--db", dir, "--addr", "127.0.0.1:0", "--token", e2eToken, "--workers", "2", "--text-index", "--ingest", seedArticle})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var serveErr error
	go func() {
		defer close(done)
		serveErr = serve(ctx, env, opt, ln)
	}()
	s := &liveServer{url: "http://" + ln.Addr().String(), db: dir}
	s.stop = func() error {
		cancel()
		select {
		case <-done:
			return serveErr
		case <-time.After(30 * time.Second):
			return fmt.Errorf("serve did not stop")
		}
	}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("serve: %v\n%s", err, stderr.String())
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(s.url + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s
			}
		}
		select {
		case <-done:
			t.Fatalf("serve stopped: %v\n%s", serveErr, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy: %v\n%s", err, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type gqlResult struct {
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

func (s *liveServer) query(t testing.TB, q string, vars map[string]any, token string) (int, *gqlResult) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r gqlResult
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, &r
}

func (s *liveServer) data(t testing.TB, q string, vars map[string]any, v any) {
	t.Helper()
	status, r := s.query(t, q, vars, "")
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("status %d errors %+v", status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatal(err)
	}
}

// pageAll runs a paged query (with $a for the cursor) until the
// connection named field has no next page, and returns all its edges.
func (s *liveServer) pageAll(t testing.TB, field, q string) []json.RawMessage {
	t.Helper()
	var all []json.RawMessage
	var after any
	for {
		var page map[string]struct {
			PageInfo struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []json.RawMessage
		}
		s.data(t, q, map[string]any{"a": after}, &page)
		conn := page[field]
		all = append(all, conn.Edges...)
		if !conn.PageInfo.HasNextPage {
			return all
		}
		after = conn.PageInfo.EndCursor
	}
}

type named struct{ ID, Name string }

func TestServeSeed(t *testing.T) {
	s := startServe(t)
	var putin named
	t.Run("PutinIsPresidentOfRussia", func(t *testing.T) {
		var got struct {
			Entities struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						ID, Name, Type string
						Relations      struct {
							Edges []struct{ Node struct{ Object named } }
						}
					}
				}
			}
		}
		s.data(t, `{ entities(name: "Putin") { totalCount edges { node { id name type
			relations(predicate: "president_of", direction: OUT) { edges { node { object { id name } } } } } } } }`, nil, &got)
		if got.Entities.TotalCount != 1 || len(got.Entities.Edges) != 1 {
			t.Fatalf("entities(name: Putin) = %+v", got.Entities)
		}
		n := got.Entities.Edges[0].Node
		putin = named{n.ID, n.Name}
		if n.Name != "Vladimir Putin" || n.Type != "PERSON" {
			t.Errorf("entity = %+v", n)
		}
		found := false
		for _, e := range n.Relations.Edges {
			found = found || e.Node.Object.Name == "Russia"
		}
		if !found {
			t.Errorf("no president_of Russia: %+v", n.Relations)
		}
	})
	t.Run("MeetingWithAssadInSochi", func(t *testing.T) {
		if putin.ID == "" {
			t.Fatal("no Putin to look for: PutinIsPresidentOfRussia did not find him")
		}
		var got struct {
			Events struct {
				Edges []struct {
					Node struct {
						Kind         string
						Participants []named
						Place        *named
					}
				}
			}
		}
		s.data(t, `query($p: ID) { events(participant: $p) { edges { node { kind participants { id name } place { id name } } } } }`,
			map[string]any{"p": putin.ID}, &got)
		found := false
		for _, e := range got.Events.Edges {
			ev := e.Node
			withAssad := false
			for _, p := range ev.Participants {
				withAssad = withAssad || strings.Contains(p.Name, "Assad")
			}
			found = found || ev.Kind == "meeting" && withAssad && ev.Place != nil && ev.Place.Name == "Sochi"
		}
		if !found {
			t.Errorf("no meeting with Assad in Sochi: %+v", got.Events.Edges)
		}
	})
	t.Run("FiguresKilled", func(t *testing.T) {
		var got struct {
			Figures struct {
				Edges []struct {
					Node struct {
						Value     *float64
						Qualifier *string
					}
				}
			}
		}
		s.data(t, `{ figures(measure: "killed") { edges { node { value qualifier } } } }`, nil, &got)
		found := false
		for _, e := range got.Figures.Edges {
			f := e.Node
			found = found || f.Value != nil && *f.Value == 450000 && f.Qualifier != nil && *f.Qualifier == "more than"
		}
		if !found {
			t.Errorf("no 450000 killed (more than): %+v", got.Figures.Edges)
		}
	})
	t.Run("TalliesAboutTheWar", func(t *testing.T) {
		// One tally about the Syrian civil war per measure, in the war's
		// entity and in the query.
		type report struct {
			Value     float64
			Qualifier *string
			AsOf      *string
			Kind      *string
		}
		type tally struct {
			Measure   string
			About     named
			Place     *named
			Agreement string
			Low, High float64
			Latest    report
			Reports   struct{ TotalCount int }
		}
		const fields = `measure about { id name } place { id name } agreement low high latest { value qualifier asOf kind } reports { totalCount }`
		var got struct {
			Tallies struct {
				TotalCount int
				Edges      []struct{ Node tally }
			}
			Entity struct {
				Tallies struct{ Edges []struct{ Node tally } }
			}
		}
		s.data(t, `{ tallies(about: "event/syrian-civil-war") { totalCount edges { node { `+fields+` } } }
			entity(id: "event/syrian-civil-war") { tallies { edges { node { `+fields+` } } } } }`, nil, &got)
		if got.Tallies.TotalCount != 2 || len(got.Entity.Tallies.Edges) != 2 {
			t.Fatalf("tallies = %+v, entity's = %+v; want 2 (killed, displaced)", got.Tallies, got.Entity.Tallies)
		}
		byMeasure := map[string]tally{}
		for _, e := range got.Tallies.Edges {
			byMeasure[e.Node.Measure] = e.Node
		}
		killed, displaced := byMeasure["killed"], byMeasure["displaced"]
		if killed.Latest.Value != 450000 || killed.Latest.Qualifier == nil || *killed.Latest.Qualifier != "more than" ||
			killed.Reports.TotalCount != 1 || killed.Agreement != "single" || killed.Place == nil || killed.Place.Name != "Syria" {
			t.Errorf("killed = %+v", killed)
		}
		if displaced.Latest.Value != 11e6 || displaced.Reports.TotalCount != 1 || displaced.About.ID != "event/syrian-civil-war" {
			t.Errorf("displaced = %+v", displaced)
		}
	})
	t.Run("EvidenceOffsetsSelectText", func(t *testing.T) {
		type mention struct {
			Start, End int
			Text       string
			Document   struct{ Text string }
		}
		// Page through everything, 100 at a time (a page of 1000 relations
		// with their evidence would exceed the cost limit).
		var relations []struct{ Node struct{ Evidence []mention } }
		for _, e := range s.pageAll(t, "relations", `query($a: String) { relations(first: 100, after: $a) {
			pageInfo { hasNextPage endCursor } edges { node { evidence(first: 20) { start end text document { text } } } } } }`) {
			var x struct{ Node struct{ Evidence []mention } }
			json.Unmarshal(e, &x)
			relations = append(relations, x)
		}
		type figure struct {
			Node struct {
				Text     string
				Evidence mention
			}
		}
		var figures []figure
		for _, e := range s.pageAll(t, "figures", `query($a: String) { figures(first: 100, after: $a) {
			pageInfo { hasNextPage endCursor } edges { node { text evidence { start end text document { text } } } } } }`) {
			var x figure
			json.Unmarshal(e, &x)
			figures = append(figures, x)
		}
		var got struct {
			Relations struct {
				Edges []struct{ Node struct{ Evidence []mention } }
			}
			Figures struct{ Edges []figure }
		}
		got.Relations.Edges, got.Figures.Edges = relations, figures
		check := func(what string, m mention) {
			r := []rune(m.Document.Text)
			if m.Start < 0 || m.End > len(r) || m.Start > m.End || string(r[m.Start:m.End]) != m.Text {
				t.Errorf("%s: [%d,%d) does not select %q", what, m.Start, m.End, m.Text)
			}
		}
		if len(got.Relations.Edges) == 0 || len(got.Figures.Edges) == 0 {
			t.Fatalf("%d relations, %d figures", len(got.Relations.Edges), len(got.Figures.Edges))
		}
		for _, e := range got.Relations.Edges {
			if len(e.Node.Evidence) == 0 {
				t.Error("relation without evidence")
			}
			for _, m := range e.Node.Evidence {
				check("relation", m)
			}
		}
		for _, e := range got.Figures.Edges {
			check("figure", e.Node.Evidence)
			if e.Node.Evidence.Text != e.Node.Text {
				t.Errorf("figure text %q, evidence %q", e.Node.Text, e.Node.Evidence.Text)
			}
		}
	})
	t.Run("PagingVisitsEachOnce", func(t *testing.T) {
		seen := map[string]int{}
		var after any
		total := 0
		for page := 0; ; page++ {
			var got struct {
				Entities struct {
					TotalCount int
					Edges      []struct {
						Cursor string
						Node   struct{ ID string }
					}
					PageInfo struct{ HasNextPage bool }
				}
			}
			s.data(t, `query($a: String) { entities(first: 7, after: $a) { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }`,
				map[string]any{"a": after}, &got)
			total = got.Entities.TotalCount
			for _, e := range got.Entities.Edges {
				seen[e.Node.ID]++
				after = e.Cursor
			}
			if !got.Entities.PageInfo.HasNextPage {
				break
			}
			if page > 1000 {
				t.Fatal("paging does not end")
			}
		}
		if len(seen) != total || total == 0 {
			t.Errorf("visited %d distinct entities, totalCount %d", len(seen), total)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("%s visited %d times", id, n)
			}
		}
	})
	t.Run("UnauthorizedMutation", func(t *testing.T) {
		for _, tok := range []string{"", "wrong"} {
			status, r := s.query(t, `mutation { deleteDocument(id: "1.2223405-2511317925") }`, nil, tok)
			if status != http.StatusUnauthorized || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
				t.Errorf("token %q: status %d errors %+v", tok, status, r.Errors)
			}
		}
	})
	t.Run("Depth50Rejected", func(t *testing.T) {
		q := `{ entities { edges { node {` + strings.Repeat(" neighbors {", 47) + " id" + strings.Repeat(" }", 47) + ` } } } }`
		status, r := s.query(t, q, nil, "")
		if status != 400 || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "LIMIT" {
			t.Fatalf("status %d errors %+v", status, r.Errors)
		}
	})
	t.Run("ConcurrentIngestAndQueries", func(t *testing.T) {
		var wg sync.WaitGroup
		for w := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 5 {
					if w == 0 {
						docs := []any{map[string]any{"id": fmt.Sprintf("live-%d", i),
							"text": fmt.Sprintf("Moscow: Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Moscow on Monday, the Kremlin said. Report %d.", i)}}
						_, r := s.query(t, `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`, map[string]any{"d": docs}, e2eToken)
						if len(r.Errors) > 0 {
							t.Errorf("ingest: %+v", r.Errors)
						}
						continue
					}
					_, r := s.query(t, `{ entities(name: "Putin") { edges { node { name mentionCount neighbors { name } relations { edges { node { predicate object { name } evidence { text sentence } } } } } } } stats { documents entities } }`, nil, "")
					if len(r.Errors) > 0 {
						t.Errorf("query: %+v", r.Errors)
					}
				}
			}()
		}
		wg.Wait()
		var got struct{ Stats struct{ Documents int } }
		s.data(t, `{ stats { documents } }`, nil, &got)
		if got.Stats.Documents != 6 {
			t.Errorf("%d documents after ingesting 5 more", got.Stats.Documents)
		}
	})
	t.Run("GracefulShutdown", func(t *testing.T) {
		if err := s.stop(); err != nil {
			t.Fatal(err)
		}
		// The store was closed cleanly: it opens again at once.
		db, err := store.Open(s.db)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		db.Close()
	})
}

func TestParseServeFlags(t *testing.T) {
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string {
		if k == "FACTGRAPH_TOKEN" {
			return "from-env"
		}
		return ""
	}}
	tests := []struct {
		name  string
		args  []string
		err   string // substring of the error; "" for none
		check func(*serveOptions) bool
	}{
		{"Defaults", nil, "", func(o *serveOptions) bool {
			return o.addr == "127.0.0.1:8080" && o.token == "from-env" && o.cfg.Token == "from-env" && o.cfg.MaxDepth == 12 && !o.ingest
		}},
		{"Ingest", []string{"--token", "t", "--ingest", "a.txt", "b/"}, "", func(o *serveOptions) bool {
			return o.ingest && len(o.paths) == 2 && o.cfg.Token == "t"
		}},
		{"Limits", []string{"--max-depth", "5", "--max-cost", "99", "--timeout", "2s", "--max-concurrent", "3"}, "", func(o *serveOptions) bool {
			return o.cfg.MaxDepth == 5 && o.cfg.MaxCost == 99 && o.cfg.Timeout == 2*time.Second && o.cfg.MaxConcurrent == 3
		}},
		{"IngestWithoutPaths", []string{"--ingest"}, "needs at least one PATH", nil},
		{"PathsWithoutIngest", []string{"a.txt"}, "unexpected arguments", nil},
		{"FirstTooLarge", []string{"--max-first", "5000"}, "at most 1000", nil},
		{"UnknownFlag", []string{"--port", "80"}, "flag provided but not defined", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := parseServeFlags(env, tt.args)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(o) {
				t.Errorf("options = %+v", o)
			}
		})
	}
}
