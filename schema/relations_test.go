package schema_test

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// TestRelationArguments checks what the schema itself decides about
// relations, over the in-memory graph: lists of predicates, the paths that
// leave out mentioned_with by default, evidence one span per document, the
// vocabulary and entity orders.
func TestRelationArguments(t *testing.T) {
	ts := newTestServer(t, schema.Config{})
	g := ts.g
	g.mu.Lock()
	ev := func(doc string, start int) graph.Mention {
		return graph.Mention{Document: doc, Start: start, End: start + 5, Text: "Assad"}
	}
	g.relations = append(g.relations, &graph.Relation{ID: "rel/mw", Subject: "person/bashar-al-assad", Predicate: graph.MentionedWith,
		Object: "place/syria", Symmetric: true, Confidence: 0.5, Weight: 3,
		Evidence: []graph.Mention{ev("a", 1), ev("a", 9), ev("b", 2)}})
	g.mu.Unlock()

	preds := func(t *testing.T, query string, vars map[string]any) string {
		t.Helper()
		var got map[string]struct {
			Edges []struct{ Node struct{ Predicate string } }
		}
		ts.mustData(t, query, vars, &got)
		var ps []string
		for _, e := range got["relations"].Edges {
			ps = append(ps, e.Node.Predicate)
		}
		return strings.Join(ps, " ")
	}
	t.Run("PredicateList", func(t *testing.T) {
		tests := []struct {
			name, query string
			vars        map[string]any
			want        string
		}{
			{"List", `{ relations(predicate: ["met", "president_of"]) { edges { node { predicate } } } }`, nil, "met president_of"},
			{"One", `{ relations(predicate: "met") { edges { node { predicate } } } }`, nil, "met"},
			{"Variable", `query($p: [String!]) { relations(predicate: $p) { edges { node { predicate } } } }`,
				map[string]any{"p": []string{graph.LocatedIn, graph.Met}}, "located_in met"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := preds(t, tt.query, tt.vars); got != tt.want {
					t.Errorf("predicates = %q, want %q", got, tt.want)
				}
			})
		}
	})
	t.Run("Path", func(t *testing.T) {
		tests := []struct{ name, args, want string }{
			{"DefaultLeavesOutMentionedWith", ``, "-"},
			{"ExcludeNothing", `, excludePredicates: []`, "mentioned_with"},
			{"Only", `, predicates: ["mentioned_with"]`, "mentioned_with"},
			{"Excluded", `, excludePredicates: ["mentioned_with", "met"]`, "-"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var got struct{ Path []struct{ Predicate string } }
				ts.mustData(t, `{ path(from: "person/bashar-al-assad", to: "place/syria"`+tt.args+`) { predicate } }`, nil, &got)
				ps := "-"
				if got.Path != nil {
					var xs []string
					for _, r := range got.Path {
						xs = append(xs, r.Predicate)
					}
					ps = strings.Join(xs, " ")
				}
				if ps != tt.want {
					t.Errorf("path = %q, want %q", ps, tt.want)
				}
			})
		}
	})
	t.Run("EvidenceOnePerDocument", func(t *testing.T) {
		var got struct {
			Relations struct {
				Edges []struct {
					Node struct {
						Evidence, All, First []struct{ Start int }
					}
				}
			}
		}
		ts.mustData(t, `{ relations(predicate: "mentioned_with") { edges { node {
			evidence { start } all: evidence(all: true) { start } first: evidence(all: true, first: 2) { start } } } } }`, nil, &got)
		n := got.Relations.Edges[0].Node
		starts := func(ms []struct{ Start int }) []int {
			var out []int
			for _, m := range ms {
				out = append(out, m.Start)
			}
			return out
		}
		if s := starts(n.Evidence); len(s) != 2 || s[0] != 1 || s[1] != 2 {
			t.Errorf("evidence = %v, want the first span of each document: [1 2]", s)
		}
		if s := starts(n.All); len(s) != 3 {
			t.Errorf("evidence(all: true) = %v, want 3 spans", s)
		}
		if s := starts(n.First); len(s) != 2 || s[1] != 9 {
			t.Errorf("evidence(all: true, first: 2) = %v, want [1 9]", s)
		}
	})
	t.Run("Vocabulary", func(t *testing.T) {
		var got struct {
			Vocabulary struct {
				Predicates []struct {
					Term  string
					Count int
				}
				EntityTypes []struct{ Term string }
			}
		}
		ts.mustData(t, `{ vocabulary { predicates { term count } entityTypes { term } } }`, nil, &got)
		if p := got.Vocabulary.Predicates; len(p) != 5 || p[0].Term != "chancellor_of" || p[0].Count != 1 {
			t.Errorf("predicates = %+v", p)
		}
		if ts := got.Vocabulary.EntityTypes; len(ts) == 0 || ts[0].Term != "organization" {
			t.Errorf("entity types = %+v, want organization (the fillers) first", ts)
		}
	})
	t.Run("EntitiesOrderBy", func(t *testing.T) {
		tests := []struct{ order, want string }{
			{"MENTIONS", "Vladimir Putin Angela Merkel Bashar Al Assad"},
			{"NAME", "Angela Merkel Bashar Al Assad Vladimir Putin"},
		}
		for _, tt := range tests {
			t.Run(tt.order, func(t *testing.T) {
				var got struct {
					Entities struct {
						Edges []struct{ Node struct{ Name string } }
					}
				}
				ts.mustData(t, `{ entities(type: PERSON, orderBy: `+tt.order+`) { edges { node { name } } } }`, nil, &got)
				var names []string
				for _, e := range got.Entities.Edges {
					names = append(names, e.Node.Name)
				}
				if strings.Join(names, " ") != tt.want {
					t.Errorf("names = %q, want %q", names, tt.want)
				}
			})
		}
		status, r := ts.post(t, `{ entities(orderBy: SIZE) { totalCount } }`, nil, "")
		if status == 200 && r.code() == "" {
			t.Errorf("orderBy: SIZE accepted")
		}
	})
}
