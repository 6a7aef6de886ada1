package extract

import (
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// entities is stage 8 of the pipeline (doc.go): the entities of the
// resolved groups, with their mentions and aliases, in the order the
// document first names them, and the dateline's place. It returns the
// extraction they start, the entity of each mention (nil for none) and
// the gazetteer place of each place entity.
func (d *docState) entities(groups []*group) (*graph.Extraction, []*graph.Entity, map[*graph.Entity]*gazetteer.Place) {
	x := &graph.Extraction{Document: d.doc, Relations: []*graph.Relation{}, Figures: []*graph.Figure{}, Events: []*graph.EventFact{}, Quotes: []*graph.Quote{}}
	byID := map[string]*graph.Entity{}
	gEnt := make([]*graph.Entity, len(groups))
	for gi, g := range groups {
		if g.merged >= 0 || g.weak || g.typ == "" {
			continue
		}
		name, id := d.entityName(g)
		e := byID[id]
		if e == nil {
			e = &graph.Entity{ID: id, Type: g.typ, Name: name, Value: g.value}
			if g.place != nil {
				e.Location = g.place.GeoPoint()
			}
			byID[id] = e
			x.Entities = append(x.Entities, e)
		}
		gEnt[gi] = e
	}
	// Mentions, through merges.
	entOf := make([]*graph.Entity, len(d.ments))
	placeOfEnt := map[*graph.Entity]*gazetteer.Place{}
	for gi, g := range groups {
		root := gi
		for groups[root].merged >= 0 {
			root = groups[root].merged
		}
		e := gEnt[root]
		if e == nil {
			continue
		}
		if groups[root].place != nil {
			placeOfEnt[e] = groups[root].place
		}
		for _, mi := range g.ments {
			entOf[mi] = e
		}
	}
	// A nationality adjective is not a name: it stays among a country's
	// mentions only when the country is not named otherwise ("German
	// Chancellor Angela Merkel" is the only mention of Germany). It still
	// stands for the country in facts.
	named := map[*graph.Entity]bool{}
	for mi := range d.ments {
		if e := entOf[mi]; e != nil && !d.ments[mi].adjective {
			named[e] = true
		}
	}
	// Each entity's mentions sized exactly: appending would leave up to
	// half of every large slice unused.
	count := make(map[*graph.Entity]int, len(x.Entities))
	for mi := range d.ments {
		if e := entOf[mi]; e != nil && !(d.ments[mi].adjective && named[e]) {
			count[e]++
		}
	}
	for e, n := range count {
		e.Mentions = make([]graph.Mention, 0, n)
	}
	aliases := map[*graph.Entity]map[string]bool{}
	for mi := range d.ments {
		e := entOf[mi]
		if e == nil || d.ments[mi].adjective && named[e] {
			continue
		}
		m := d.ments[mi].evidence(d.doc.ID)
		m.Entity = e.ID
		e.Mentions = append(e.Mentions, m)
		if dm := &d.ments[mi]; !dm.adjective && !dm.anaphor && dm.name != e.Name && !relativeDate(e, dm.name) {
			if aliases[e] == nil {
				aliases[e] = map[string]bool{}
			}
			if !aliases[e][dm.name] {
				aliases[e][dm.name] = true
				e.Aliases = append(e.Aliases, dm.name)
			}
		}
	}
	for _, e := range x.Entities {
		sort.SliceStable(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		e.MentionCount = len(e.Mentions)
	}
	sort.SliceStable(x.Entities, func(a, b int) bool {
		if len(x.Entities[a].Mentions) == 0 || len(x.Entities[b].Mentions) == 0 {
			return len(x.Entities[a].Mentions) > 0
		}
		return x.Entities[a].Mentions[0].Start < x.Entities[b].Mentions[0].Start
	})
	if d.geo.dateline >= 0 && entOf[d.geo.dateline] != nil {
		x.Document.Place = entOf[d.geo.dateline].ID
	}
	return x, entOf, placeOfEnt
}

// entityName returns the name and ID of a group's entity. A date belongs
// to its document: one with a value ("today" of a document published on
// 1 December 2004) is the day, month or year it stands for, named and
// keyed by its ISO value (date/2004-12-01), so that every document that
// names that day shares it; one without ("today" with no publication
// date, "Wednesday") is keyed by its document too (date/today@DOC), so
// that unrelated stories never join through one "today".
func (d *docState) entityName(g *group) (name, id string) {
	name = d.canonical(g)
	switch {
	case g.typ != graph.Date:
		return name, graph.EntityID(g.typ, name)
	case g.value != "":
		return g.value, graph.EntityID(g.typ, g.value)
	}
	return name, graph.EntityID(g.typ, name) + "@" + graph.Slug(d.doc.ID)
}

// relativeDate reports whether name is a date entity's relative form,
// one without a digit ("today", "last year"): no alias of the day it
// stood for in one document, since it names others in the rest.
func relativeDate(e *graph.Entity, name string) bool {
	return e.Type == graph.Date && strings.IndexAny(name, "0123456789") < 0
}
