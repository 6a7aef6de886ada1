package export_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// predicateTurtle is how vocab.ttl must declare fixed predicate d: a
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

// TestVocabulary_Predicates checks that vocab.ttl declares every fixed
// predicate of graph.FixedPredicates exactly as the code describes it, so
// that a predicate added to the code without its declaration fails here.
func TestVocabulary_Predicates(t *testing.T) {
	for _, d := range graph.FixedPredicates {
		t.Run(d.Name, func(t *testing.T) {
			want := predicateTurtle(d)
			if !strings.Contains(export.VocabularyTurtle, want) {
				t.Errorf("vocab.ttl lacks the declaration\n%s", want)
			}
		})
	}
	if n := strings.Count(export.VocabularyTurtle, "\nrel:"); n != len(graph.FixedPredicates) {
		t.Errorf("vocab.ttl declares %d predicates, the code %d", n, len(graph.FixedPredicates))
	}
}
