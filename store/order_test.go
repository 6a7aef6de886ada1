package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// clusters returns the store's entities as the sets of mentions they
// hold, each a sorted line of "document:start-end" spans, sorted: what
// resolution decided, without the IDs, which still follow the name seen
// first (BENCHMARKS.md, "Order dependence of resolution").
func clusters(tb testing.TB, db *DB) []string {
	tb.Helper()
	by := map[string][]string{}
	err := db.Dump(context.Background(), graph.DumpFilter{}, func(r *graph.Record) error {
		if m := r.Mention; m != nil {
			by[m.Entity] = append(by[m.Entity], fmt.Sprintf("%s:%d-%d", m.Document, m.Start, m.End))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, ms := range by {
		sort.Strings(ms)
		out = append(out, strings.Join(ms, " "))
	}
	sort.Strings(out)
	return out
}

// permutations returns every order of xs.
func permutations(xs []*graph.Extraction) [][]*graph.Extraction {
	if len(xs) <= 1 {
		return [][]*graph.Extraction{xs}
	}
	var out [][]*graph.Extraction
	for i := range xs {
		rest := append(append([]*graph.Extraction(nil), xs[:i]...), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]*graph.Extraction{xs[i]}, p...))
		}
	}
	return out
}

// TestShortNameAnyOrder: the documents that call a company by its short
// name alone, those that name it in full, and the one that gives the full
// name the short one as an alias make one entity in whatever order they
// are ingested, one at a time or in one batch (absorbShort); and a name
// that is the head of another's ("Central Bank" of the Egyptian Central
// Bank) or an acronym that opens another's ("PC" of PC Acquisition Inc),
// which join nothing as an alias (rule 4), stays apart in every order: it
// neither absorbs the short entity nor takes its documents (byOwnName).
func TestShortNameAnyOrder(t *testing.T) {
	org := graph.Organization
	tests := []struct {
		name string
		docs []*graph.Extraction
		want int // entities
	}{
		{"OK", []*graph.Extraction{
			extraction("short", "Ford said on Monday. Ford added.",
				ent{id: "organization/ford", typ: org, name: "Ford", surfaces: []string{"Ford"}}),
			extraction("full", "Ford Motor Co said on Monday.",
				ent{id: "organization/ford-motor-co", typ: org, name: "Ford Motor Co", surfaces: []string{"Ford Motor Co"}}),
			extraction("alias", "Ford Motor Co Chairman spoke. Ford will build a plant.",
				ent{id: "organization/ford-motor-co", typ: org, name: "Ford Motor Co", aliases: []string{"Ford"}, surfaces: []string{"Ford Motor Co", "Ford will"}}),
		}, 1},
		{"Acronym", []*graph.Extraction{
			extraction("short", "The EPA said on Monday.",
				ent{id: "organization/epa", typ: org, name: "EPA", surfaces: []string{"EPA"}}),
			extraction("alias", "The Environmental Protection Agency (EPA) said.",
				ent{id: "organization/environmental-protection-agency", typ: org, name: "Environmental Protection Agency", aliases: []string{"EPA"}, surfaces: []string{"Environmental Protection Agency", "EPA"}}),
		}, 1},
		{"HeadAlias", []*graph.Extraction{
			extraction("short", "The Central Bank of the day said.",
				ent{id: "organization/central-bank", typ: org, name: "Central Bank", surfaces: []string{"Central Bank"}}),
			extraction("full", "The Egyptian Central Bank said.",
				ent{id: "organization/egyptian-central-bank", typ: org, name: "Egyptian Central Bank", surfaces: []string{"Egyptian Central Bank"}}),
			extraction("alias", "The Egyptian Central Bank met. The Central Bank said.",
				ent{id: "organization/egyptian-central-bank", typ: org, name: "Egyptian Central Bank", aliases: []string{"Central Bank"}, surfaces: []string{"Egyptian Central Bank", "The Central Bank"}}),
		}, 2},
		{"PlaceHead", []*graph.Extraction{
			extraction("short", "Barges on the Mississippi River moved.",
				ent{id: "place/mississippi-river", typ: graph.Place, name: "Mississippi River", surfaces: []string{"Mississippi River"}}),
			extraction("full", "The Lower Mississippi River rose.",
				ent{id: "place/lower-mississippi-river", typ: graph.Place, name: "Lower Mississippi River", surfaces: []string{"Lower Mississippi River"}}),
			extraction("alias", "The Lower Mississippi River rose. The Mississippi River fell.",
				ent{id: "place/lower-mississippi-river", typ: graph.Place, name: "Lower Mississippi River", aliases: []string{"Mississippi River"}, surfaces: []string{"Lower Mississippi River", "The Mississippi River"}}),
		}, 2},
		{"AcronymOfAnother", []*graph.Extraction{
			extraction("short", "PC said on Monday.",
				ent{id: "organization/pc", typ: org, name: "PC", surfaces: []string{"PC"}}),
			extraction("full", "PC Acquisition Inc said.",
				ent{id: "organization/pc-acquisition-inc", typ: org, name: "PC Acquisition Inc", surfaces: []string{"PC Acquisition Inc"}}),
			extraction("alias", "PC Acquisition Inc bid. PC said.",
				ent{id: "organization/pc-acquisition-inc", typ: org, name: "PC Acquisition Inc", aliases: []string{"PC"}, surfaces: []string{"PC Acquisition Inc", "PC said"}}),
		}, 2},
		{"AcronymOfAnotherOther", []*graph.Extraction{
			extraction("short", "PC sold well.",
				ent{id: "other/pc", typ: graph.Other, name: "PC", surfaces: []string{"PC"}}),
			extraction("alias", "PC Acquisition Fund rose. PC sold well.",
				ent{id: "other/pc-acquisition-fund", typ: graph.Other, name: "PC Acquisition Fund", aliases: []string{"PC"}, surfaces: []string{"PC Acquisition Fund", "PC sold"}}),
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first []string
			for i, p := range permutations(tt.docs) {
				order := make([]string, len(p))
				for j, x := range p {
					order[j] = x.Document.ID
				}
				for _, batch := range []bool{false, true} {
					db := MustOpenDB(t)
					if batch {
						mustIngest(t, db, p...)
					} else {
						for _, x := range p {
							mustIngest(t, db, x)
						}
					}
					if res := mustIngest(t, db, p...); res.Unchanged != len(p) {
						t.Fatalf("%v: re-ingest changed %+v", order, res)
					}
					if got, want := mustStats(t, db), recount(t, db); got.Entities != want.Entities || got.Mentions != want.Mentions {
						t.Fatalf("%v: counters %+v, a scan %+v", order, got, want)
					}
					got := clusters(t, db)
					if len(got) != tt.want {
						t.Fatalf("%v: %d entities, want %d: %q", order, len(got), tt.want, got)
					}
					if i == 0 && !batch {
						first = got
					} else if !slices.Equal(got, first) {
						t.Fatalf("%v: clusters %q, first order %q", order, got, first)
					}
				}
			}
		})
	}
}

// TestOutvotedAnyOrder: a name typed organization by one document and
// place by many is one place whether the organization document comes
// first, before the place's votes decide, or last (absorbOutvoted), one
// at a time or in one batch; a name typed two ways about as often keeps
// both in either order.
func TestOutvotedAnyOrder(t *testing.T) {
	place := func(id string) *graph.Extraction {
		return extraction(id, "Exports from Canada rose. Canada said so.",
			ent{id: "place/canada", typ: graph.Place, name: "Canada", surfaces: []string{"Canada"}})
	}
	org := extraction("org", "CANADA said on Monday.",
		ent{id: "organization/canada", typ: graph.Organization, name: "CANADA", surfaces: []string{"CANADA"}})
	tests := []struct {
		name   string
		places int
		want   int // entities
	}{
		{"OK", 5, 1},
		{"NoMajority", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*graph.Extraction
			for i := range tt.places {
				docs = append(docs, place(fmt.Sprint("p", i)))
			}
			orders := map[string][]*graph.Extraction{
				"first": append([]*graph.Extraction{org}, docs...),
				"last":  append(append([]*graph.Extraction(nil), docs...), org),
			}
			var first []string
			for _, name := range []string{"first", "last"} {
				for _, batch := range []bool{false, true} {
					db := MustOpenDB(t)
					if batch {
						mustIngest(t, db, orders[name]...)
					} else {
						for _, x := range orders[name] {
							mustIngest(t, db, x)
						}
					}
					checkVotes(t, db)
					if got, want := mustStats(t, db), recount(t, db); got.Entities != want.Entities || got.Mentions != want.Mentions || got.ByType[graph.Organization] != want.ByType[graph.Organization] {
						t.Fatalf("%s: counters %+v, a scan %+v", name, got, want)
					}
					got := clusters(t, db)
					if len(got) != tt.want {
						t.Fatalf("organization %s, batch %v: %d entities, want %d: %q", name, batch, len(got), tt.want, got)
					}
					if first == nil {
						first = got
					} else if !slices.Equal(got, first) {
						t.Fatalf("organization %s, batch %v: clusters %q, first order %q", name, batch, got, first)
					}
				}
			}
		})
	}
}
