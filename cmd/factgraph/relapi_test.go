package main

import (
	"strings"
	"testing"
)

// TestServeRelations drives the relation API of issue 12 on the seed
// article, through a real server: strongest ties first, lists of
// predicates, paths that leave out co-occurrence, the vocabulary, and
// INVALID errors for terms the graph does not know.
func TestServeRelations(t *testing.T) {
	s := startServe(t)
	const putin = "person/vladimir-putin"
	type rel struct {
		Predicate  string
		Weight     int
		Confidence float64
		Subject    named
		Object     named
	}
	type conn struct {
		TotalCount int
		Edges      []struct{ Node rel }
	}
	other := func(r rel) string {
		if r.Subject.ID == putin {
			return r.Object.ID
		}
		return r.Subject.ID
	}
	t.Run("StrongestFirst", func(t *testing.T) {
		var got struct{ Entity struct{ Relations conn } }
		s.data(t, `query($id: ID!) { entity(id: $id) { relations(first: 5) { totalCount edges { node {
			predicate weight confidence subject { id } object { id } } } } } }`, map[string]any{"id": putin}, &got)
		var order []string
		for _, e := range got.Entity.Relations.Edges {
			order = append(order, e.Node.Predicate+" "+other(e.Node))
		}
		// citizen_of Russia is read from "Russian President", with the
		// position's weight and a lower confidence.
		want := "met person/bashar-al-assad|mentioned_with place/sochi|president_of place/russia|citizen_of place/russia|mentioned_with place/syria"
		if strings.Join(order, "|") != want {
			t.Errorf("relations = %q, want %q", order, strings.Split(want, "|"))
		}
	})
	t.Run("NeighborsStrongestFirst", func(t *testing.T) {
		var got struct{ Entity struct{ Neighbors []named } }
		s.data(t, `query($id: ID!) { entity(id: $id) { neighbors(first: 3) { id } } }`, map[string]any{"id": putin}, &got)
		var ids []string
		for _, n := range got.Entity.Neighbors {
			ids = append(ids, n.ID)
		}
		// Russia's two ties (president_of and citizen_of, weight 2 each)
		// weigh more together than Assad's (4) or Sochi's (3).
		if want := "place/russia person/bashar-al-assad place/sochi"; strings.Join(ids, " ") != want {
			t.Errorf("neighbors = %q, want %q", ids, want)
		}
	})
	t.Run("PredicateList", func(t *testing.T) {
		var got struct{ Relations conn }
		s.data(t, `{ relations(subject: "person/vladimir-putin", predicate: ["president_of", "met"]) { totalCount edges { node {
			predicate weight confidence subject { id } object { id } } } } }`, nil, &got)
		var preds []string
		for _, e := range got.Relations.Edges {
			preds = append(preds, e.Node.Predicate)
		}
		// met is symmetric: Merkel's meeting, stored from her side, counts too.
		if got.Relations.TotalCount != 3 || strings.Join(preds, " ") != "met president_of met" {
			t.Errorf("relations = %d %q", got.Relations.TotalCount, preds)
		}
	})
	t.Run("PathLeavesOutMentionedWith", func(t *testing.T) {
		tests := []struct {
			name, args, want string
		}{
			{"Default", ``, "met chancellor_of"},
			{"ExcludeNothing", `, excludePredicates: []`, "mentioned_with"},
			{"OnlyMet", `, predicates: ["met"]`, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var got struct{ Path []rel }
				s.data(t, `{ path(from: "person/vladimir-putin", to: "place/germany"`+tt.args+`) { predicate } }`, nil, &got)
				var preds []string
				for _, r := range got.Path {
					preds = append(preds, r.Predicate)
				}
				if strings.Join(preds, " ") != tt.want {
					t.Errorf("path = %q, want %q", preds, tt.want)
				}
			})
		}
	})
	t.Run("Vocabulary", func(t *testing.T) {
		type term struct {
			Term  string
			Count int
		}
		var got struct {
			Vocabulary struct{ Predicates, Measures, EventKinds, EntityTypes []term }
			Stats      struct{ Relations, Figures, Events, Entities int }
		}
		s.data(t, `{ vocabulary { predicates { term count } measures { term count } eventKinds { term count } entityTypes { term count } }
			stats { relations figures events entities } }`, nil, &got)
		sum := func(ts []term) int {
			n := 0
			for _, x := range ts {
				n += x.Count
			}
			return n
		}
		v := got.Vocabulary
		if sum(v.Predicates) != got.Stats.Relations || sum(v.Measures) != got.Stats.Figures ||
			sum(v.EventKinds) != got.Stats.Events || sum(v.EntityTypes) != got.Stats.Entities {
			t.Errorf("vocabulary %+v does not add up to stats %+v", v, got.Stats)
		}
		if len(v.Predicates) == 0 || v.Predicates[0].Term != "mentioned_with" {
			t.Errorf("predicates = %+v, want mentioned_with first", v.Predicates)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		tests := []struct {
			name, query, lists string
		}{
			{"Measure", `{ figures(measure: "deaths") { totalCount } }`, "killed"},
			{"TotalsMeasure", `{ figureTotals(measure: "deaths") { count } }`, "killed"},
			{"TalliesMeasure", `{ tallies(measure: "deaths") { totalCount } }`, "killed"},
			{"EntityTalliesMeasure", `{ entity(id: "place/syria") { tallies(measure: "Killed") { totalCount } } }`, "displaced"},
			{"Kind", `{ events(kind: "meetings") { totalCount } }`, "meeting"},
			{"Predicate", `{ relations(predicate: "presidentOf") { totalCount } }`, "member_of"},
			{"EntityPredicate", `{ entity(id: "person/vladimir-putin") { relations(predicate: ["met", "Met"]) { totalCount } } }`, "citizen_of"},
			{"PathPredicate", `{ path(from: "person/vladimir-putin", to: "place/germany", predicates: ["knows"]) { id } }`, "based_in"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, r := s.query(t, tt.query, nil, "")
				if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
					t.Fatalf("errors = %+v, want one INVALID", r.Errors)
				}
				if !strings.Contains(r.Errors[0].Message, tt.lists) {
					t.Errorf("message %q does not list %q", r.Errors[0].Message, tt.lists)
				}
			})
		}
	})
	t.Run("EvidenceOnePerDocument", func(t *testing.T) {
		var got struct {
			Relations struct {
				Edges []struct {
					Node struct {
						Weight        int
						Evidence, All []struct{ Document struct{ ID string } }
					}
				}
			}
		}
		s.data(t, `{ relations(subject: "person/bashar-al-assad", object: "person/vladimir-putin") { edges { node {
			weight evidence { document { id } } all: evidence(all: true) { document { id } } } } } }`, nil, &got)
		if len(got.Relations.Edges) != 1 {
			t.Fatalf("relations = %+v", got.Relations)
		}
		n := got.Relations.Edges[0].Node
		if len(n.Evidence) != 1 || len(n.All) < 2 {
			t.Errorf("weight %d: %d spans by default, %d with all; want 1 and several", n.Weight, len(n.Evidence), len(n.All))
		}
	})
	t.Run("EntitiesOrderBy", func(t *testing.T) {
		var got struct {
			ByMentions, ByName struct {
				Edges []struct {
					Node struct {
						Name         string
						MentionCount int
					}
				}
			}
		}
		s.data(t, `{ byMentions: entities(type: PERSON, orderBy: MENTIONS, first: 3) { edges { node { name mentionCount } } }
			byName: entities(type: PLACE, orderBy: NAME, first: 3) { edges { node { name mentionCount } } } }`, nil, &got)
		var names []string
		for i, e := range got.ByMentions.Edges {
			names = append(names, e.Node.Name)
			if i > 0 && e.Node.MentionCount > got.ByMentions.Edges[i-1].Node.MentionCount {
				t.Errorf("%s has more mentions than the person before it", e.Node.Name)
			}
		}
		// Both have five mentions: the ID decides.
		if len(names) < 2 || names[0] != "Bashar Al Assad" || names[1] != "Vladimir Putin" {
			t.Errorf("people by mentions = %q, want Bashar Al Assad and Vladimir Putin first", names)
		}
		names = nil
		for _, e := range got.ByName.Edges {
			names = append(names, e.Node.Name)
		}
		if strings.Join(names, " ") != "Germany Latakia Russia" {
			t.Errorf("places by name = %q", names)
		}
	})
}
