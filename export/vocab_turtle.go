package export

import (
	_ "embed" // for vocabTerms
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// vocabTerms declares factgraph's own classes and properties (NS); the
// relation predicates (RelNS) are generated from graph.FixedPredicates.
//
//go:embed vocab_terms.ttl
var vocabTerms string

// WriteVocabulary writes factgraph's vocabulary in Turtle: its own terms,
// every fixed relation predicate as graph.FixedPredicates describes it,
// and each of preds (the predicates a dump uses) that is not fixed, as a
// subproperty of fg:position where it is written as a position. vocab.ttl
// is WriteVocabulary with no preds.
func WriteVocabulary(w io.Writer, preds []string) error {
	var b strings.Builder
	b.WriteString(vocabTerms)
	b.WriteString(`
# Relation predicates. Each relation is also stated directly as
# <subject> rel:<predicate> <object>. The fixed predicates follow, each with
# the schema.org property it refines where there is one (a subproperty of
# the inverse where schema.org goes the other way: an organization has a
# schema:founder) and the types its ends usually have (schema:domainIncludes
# where there are several). Positions are formed from role titles: each is
# a subproperty of fg:position, declared where a dump uses it.
`)
	for _, d := range graph.FixedPredicates {
		b.WriteString("\n")
		b.WriteString(predicateTurtle(d))
	}
	for _, st := range openPredicates(preds) {
		b.WriteString("\n")
		fmt.Fprintf(&b, "rel:%s a owl:ObjectProperty", predicateLocal(st.name))
		if st.position {
			b.WriteString(" ;\n    rdfs:subPropertyOf fg:position")
		}
		fmt.Fprintf(&b, " ;\n    rdfs:label %q@en .\n", positionLabel(st.name))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// openPredicate is a predicate outside graph.FixedPredicates.
type openPredicate struct {
	name     string
	position bool
}

// openPredicates returns the predicates of preds that are not fixed,
// sorted and without repeats.
func openPredicates(preds []string) []openPredicate {
	var names []string
	for _, p := range preds {
		if _, ok := graph.LookupPredicate(p); !ok {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	var out []openPredicate
	for i, p := range names {
		if i > 0 && names[i-1] == p {
			continue
		}
		out = append(out, openPredicate{p, graph.IsPositionPredicate(p)})
	}
	return out
}

// predicateStatements declares, as RDF statements, the predicates of preds
// that vocab.ttl does not: an RDF dump states them so that each of its
// predicates is declared.
func predicateStatements(preds []string) []rdfStatement {
	var out []rdfStatement
	for _, p := range openPredicates(preds) {
		iri := RelNS + predicateLocal(p.name)
		out = append(out, rdfStatement{s: iri, p: rdfType, iri: owlNS + "ObjectProperty"})
		if p.position {
			out = append(out, rdfStatement{s: iri, p: rdfsNS + "subPropertyOf", iri: NS + "position"})
		}
		out = append(out, rdfStatement{s: iri, p: rdfsNS + "label", lit: positionLabel(p.name)})
	}
	return out
}

// predicateTurtle is how the vocabulary declares fixed predicate d: a
// property of RelNS with its label, comment, schema.org property (as a
// subproperty, or a subproperty of its inverse) and usual end types.
func predicateTurtle(d graph.PredicateInfo) string {
	var b strings.Builder
	kind := "owl:ObjectProperty"
	if d.Symmetric {
		kind += ", owl:SymmetricProperty"
	}
	fmt.Fprintf(&b, "rel:%s a %s ;\n    rdfs:label %q@en ;\n    rdfs:comment %q@en", d.Name, kind, d.Label, d.Description)
	switch {
	case d.SchemaOrg != "" && d.Inverse:
		fmt.Fprintf(&b, " ;\n    rdfs:subPropertyOf [ owl:inverseOf schema:%s ]", d.SchemaOrg)
	case d.SchemaOrg != "":
		fmt.Fprintf(&b, " ;\n    rdfs:subPropertyOf schema:%s", d.SchemaOrg)
	}
	ends := func(one, several string, ts []graph.EntityType) {
		if len(ts) == 0 {
			return
		}
		p := one
		if len(ts) > 1 {
			p = several
		}
		for _, t := range ts {
			fmt.Fprintf(&b, " ;\n    %s schema:%s", p, strings.ToUpper(string(t[0]))+string(t[1:]))
		}
	}
	ends("rdfs:domain", "schema:domainIncludes", d.Subject)
	ends("rdfs:range", "schema:rangeIncludes", d.Object)
	b.WriteString(" .\n")
	return b.String()
}
