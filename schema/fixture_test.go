package schema_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

const docText = "Sochi: Russian President Vladimir Putin held a rare meeting with Bashar Al Assad on Thursday. “After the military success, conditions have been created,” Putin said.\n\n" +
	"German Chancellor Angela Merkel will meet Putin in Sochi. More than 450,000 people have been killed in Syria’s war."

const docID = "1.2223405-2511317925"

// span returns the mention of the nth (0-based) occurrence of s in docText,
// in code points.
func span(t testing.TB, s string, nth int, entity string) graph.Mention {
	t.Helper()
	from := 0
	for ; nth >= 0; nth-- {
		i := strings.Index(docText[from:], s)
		if i < 0 {
			t.Fatalf("%q not in document", s)
		}
		from += i
		if nth > 0 {
			from += len(s)
		}
	}
	start := utf8.RuneCountInString(docText[:from])
	return graph.Mention{Document: docID, Entity: entity, Start: start, End: start + utf8.RuneCountInString(s), Text: s}
}

func ptr(f float64) *float64 { return &f }

// newFixture returns a graph with the seed article's main facts and, to
// page through, fillerEntities more entities.
func newFixture(t testing.TB) *memGraph {
	g := newMemGraph()
	g.docs[docID] = &graph.Document{ID: docID, Title: "Putin meets Assad", Text: docText, Place: "place/sochi", Published: "2018-05-17"}
	ent := func(typ graph.EntityType, name string, aliases []string, roles []graph.Role, ms ...graph.Mention) {
		id := graph.EntityID(typ, name)
		for i := range ms {
			ms[i].Entity = id
		}
		g.entities[id] = &graph.Entity{ID: id, Type: typ, Name: name, Aliases: aliases, Roles: roles, MentionCount: len(ms)}
		g.mentions[id] = ms
	}
	ent(graph.Person, "Vladimir Putin", []string{"Putin"}, []graph.Role{{Title: "President", Of: "place/russia"}},
		span(t, "Vladimir Putin", 0, ""), span(t, "Putin", 1, ""), span(t, "Putin", 2, ""))
	ent(graph.Person, "Bashar Al Assad", nil, nil, span(t, "Bashar Al Assad", 0, ""))
	ent(graph.Person, "Angela Merkel", nil, []graph.Role{{Title: "Chancellor", Of: "place/germany"}}, span(t, "Angela Merkel", 0, ""))
	ent(graph.Place, "Russia", nil, nil, span(t, "Russian", 0, ""))
	ent(graph.Place, "Germany", nil, nil, span(t, "German", 0, ""))
	ent(graph.Place, "Sochi", nil, nil, span(t, "Sochi", 0, ""), span(t, "Sochi", 1, ""))
	ent(graph.Place, "Syria", nil, nil, span(t, "Syria", 0, ""))
	g.entities["place/sochi"].Location = &graph.GeoPoint{Lat: 43.6, Lon: 39.73, CountryCode: "RU"}
	for i := range fillerEntities {
		id := fmt.Sprintf("organization/filler-%02d", i)
		g.entities[id] = &graph.Entity{ID: id, Type: graph.Organization, Name: fmt.Sprintf("Filler %02d", i)}
	}
	rel := func(subj, pred, obj, ev string) {
		m := span(t, ev, 0, "")
		g.relations = append(g.relations, &graph.Relation{ID: "rel/" + pred + "/" + subj + "/" + obj, Subject: subj, Predicate: pred, Object: obj,
			Confidence: 0.9, Weight: 1, Evidence: []graph.Mention{m}, Symmetric: pred == graph.Met})
	}
	rel("person/vladimir-putin", "president_of", "place/russia", "Russian President Vladimir Putin")
	rel("person/angela-merkel", "chancellor_of", "place/germany", "German Chancellor Angela Merkel")
	rel("person/vladimir-putin", graph.Met, "person/bashar-al-assad", "Putin held a rare meeting with Bashar Al Assad")
	rel("place/sochi", graph.LocatedIn, "place/russia", "Sochi")
	g.events = append(g.events, &graph.EventFact{ID: "event/1", Kind: "meeting", Name: "meeting of Vladimir Putin and Bashar Al Assad",
		Participants: []string{"person/vladimir-putin", "person/bashar-al-assad"}, Place: "place/sochi", DateText: "Thursday",
		Evidence: []graph.Mention{span(t, "Putin held a rare meeting with Bashar Al Assad on Thursday", 0, "")}, Confidence: 0.8})
	g.figures = append(g.figures, &graph.Figure{ID: "figure/1", Value: ptr(450000), Qualifier: "more than", Measure: graph.Killed,
		Counted: "people", About: "place/syria", Place: "place/syria", Text: "More than 450,000 people",
		Evidence: span(t, "More than 450,000 people", 0, ""), Confidence: 0.9})
	g.quotes = append(g.quotes, &graph.Quote{ID: "quote/1", Text: "After the military success, conditions have been created",
		Speaker: "person/vladimir-putin", Evidence: span(t, "After the military success, conditions have been created", 0, ""), Confidence: 0.9})
	return g
}

const fillerEntities = 23
