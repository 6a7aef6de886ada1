package graph

import (
	"context"
	"slices"
	"sort"
	"strings"
)

// PredicateInfo describes one fixed relation predicate: what its ends are
// and which schema.org property it refines. The export's vocabulary
// (export/vocab.ttl) declares each of them, and the API checks filters
// against them.
type PredicateInfo struct {
	Name  string // the predicate ("member_of")
	Label string // how a person reads it ("member of")
	// Subject and Object are the entity types its ends usually have; nil
	// for any. They describe, they do not restrict: a store keeps what
	// the extractor or an import gives it.
	Subject, Object []EntityType
	Symmetric       bool
	// SchemaOrg is the schema.org property the predicate refines
	// ("memberOf"), "" where schema.org has none. Inverse says that the
	// schema.org property goes the other way: an organization has a
	// schema:founder, a person is founder_of it.
	SchemaOrg string
	Inverse   bool
	// Description says what the predicate states, for documentation.
	Description string
}

// FixedPredicates lists every predicate that is not a position, in the
// order the documentation gives them. Positions ("president_of",
// "ambassador_to") are formed from role titles; see IsPositionPredicate.
var FixedPredicates = []PredicateInfo{
	{Name: MemberOf, Label: "member of", Subject: []EntityType{Person, Organization, Place}, Object: []EntityType{Organization}, SchemaOrg: "memberOf",
		Description: "A person belongs to a party, union, band, court, parliament or group; an organization or country to an alliance or bloc."},
	{Name: EmployeeOf, Label: "employee of", Subject: []EntityType{Person}, Object: []EntityType{Organization}, SchemaOrg: "worksFor",
		Description: "A person works, reports or speaks for an organization, when no position says more."},
	{Name: PlayerOf, Label: "player of", Subject: []EntityType{Person}, Object: []EntityType{Organization}, SchemaOrg: "memberOf",
		Description: "A person plays for a sports club or team."},
	{Name: CoachOf, Label: "coach of", Subject: []EntityType{Person}, Object: []EntityType{Organization}, SchemaOrg: "coach", Inverse: true,
		Description: "A person coaches or manages a sports club or team."},
	{Name: CitizenOf, Label: "citizen of", Subject: []EntityType{Person}, Object: []EntityType{Place}, SchemaOrg: "nationality",
		Description: "A person is a national of a country, from a nationality word or a national office."},
	{Name: BasedIn, Label: "based in", Subject: []EntityType{Organization}, Object: []EntityType{Place}, SchemaOrg: "location",
		Description: "An organization is based or headquartered in a place."},
	{Name: FounderOf, Label: "founder of", Subject: []EntityType{Person}, Object: []EntityType{Organization}, SchemaOrg: "founder", Inverse: true,
		Description: "A person founded an organization."},
	{Name: PartOf, Label: "part of", Subject: []EntityType{Organization}, Object: []EntityType{Organization}, SchemaOrg: "parentOrganization",
		Description: "An organization is part of another: a ministry of a government, a unit of an army, a subsidiary of a company."},
	{Name: LocatedIn, Label: "located in", Subject: []EntityType{Place}, Object: []EntityType{Place}, SchemaOrg: "containedInPlace",
		Description: "A place lies within another."},
	{Name: ParticipantIn, Label: "participant in", Object: []EntityType{Event},
		Description: "An entity took part in a named event."},
	{Name: Met, Label: "met", Subject: []EntityType{Person}, Object: []EntityType{Person}, Symmetric: true,
		Description: "Two people met, from a meeting event."},
	{Name: MentionedWith, Label: "mentioned with", Symmetric: true,
		Description: "Two entities are named in one sentence and no other relation links them there."},
}

// LookupPredicate returns the description of fixed predicate p.
func LookupPredicate(p string) (PredicateInfo, bool) {
	for _, d := range FixedPredicates {
		if d.Name == p {
			return d, true
		}
	}
	return PredicateInfo{}, false
}

// IsPositionPredicate reports whether p is written as a position
// predicate: a role title in lower-case words joined by "_", ending in
// "_of" or "_to" ("president_of", "foreign_minister_of",
// "ambassador_to").
func IsPositionPredicate(p string) bool {
	stem, ok := strings.CutSuffix(p, "_of")
	if !ok {
		stem, ok = strings.CutSuffix(p, "_to")
	}
	if !ok || stem == "" {
		return false
	}
	for _, w := range strings.Split(stem, "_") {
		if w == "" {
			return false
		}
		for _, c := range w {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// KnownPredicate reports whether p belongs to the vocabulary: a fixed
// predicate or one written as a position.
func KnownPredicate(p string) bool {
	_, ok := LookupPredicate(p)
	return ok || IsPositionPredicate(p)
}

// KnownMeasure reports whether m is one of Measures.
func KnownMeasure(m string) bool { return slices.Contains(Measures, m) }

// TermCount is one term of the vocabulary with the number of facts or
// entities that use it.
type TermCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Vocabulary is what a graph's facts and entities use, with counts: the
// predicates of its relations, the measures of its figures, the kinds of
// its events and the types of its entities. Each list is sorted by count,
// largest first, then term.
type Vocabulary struct {
	Predicates  []TermCount `json:"predicates"`
	Measures    []TermCount `json:"measures"`
	EventKinds  []TermCount `json:"event_kinds"`
	EntityTypes []TermCount `json:"entity_types"`
}

// Terms returns the terms of ts, sorted.
func Terms(ts []TermCount) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Term
	}
	sort.Strings(out)
	return out
}

// SortTerms orders ts by count, largest first, then term.
func SortTerms(ts []TermCount) {
	sort.Slice(ts, func(i, j int) bool {
		return ts[i].Count > ts[j].Count || ts[i].Count == ts[j].Count && ts[i].Term < ts[j].Term
	})
}

// VocabularyService reports the vocabulary a graph uses.
type VocabularyService interface {
	// Vocabulary returns the terms in use with their counts.
	Vocabulary(ctx context.Context) (Vocabulary, error)
}
