package export_test

import (
	"bufio"
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// TestVocabulary_Generated checks that vocab.ttl is what WriteVocabulary
// generates from the code's vocabulary (vocab_terms.ttl and
// graph.FixedPredicates); -update rewrites it.
func TestVocabulary_Generated(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteVocabulary(&b, nil); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("vocab.ttl", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if b.String() != export.VocabularyTurtle {
		t.Errorf("vocab.ttl is not what the code generates; rewrite it with go test ./export -run TestVocabulary_Generated -update")
	}
}

// TestVocabulary_Predicates checks that vocab.ttl declares every fixed
// predicate of graph.FixedPredicates, and nothing else in rel:.
func TestVocabulary_Predicates(t *testing.T) {
	for _, d := range graph.FixedPredicates {
		want := "\nrel:" + d.Name + " a owl:ObjectProperty"
		if !strings.Contains(export.VocabularyTurtle, want) {
			t.Errorf("vocab.ttl does not declare %s", d.Name)
		}
		if !strings.Contains(export.VocabularyTurtle, `rdfs:comment "`+d.Description+`"@en`) {
			t.Errorf("vocab.ttl does not describe %s as the code does", d.Name)
		}
	}
	if n := strings.Count(export.VocabularyTurtle, "\nrel:"); n != len(graph.FixedPredicates) {
		t.Errorf("vocab.ttl declares %d predicates, the code %d", n, len(graph.FixedPredicates))
	}
}

var (
	nqTerm   = regexp.MustCompile(`^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>)?`)
	declared = regexp.MustCompile(`(?m)^(fg|rel):(\S+) a `)
)

// TestDump_PredicatesDeclared checks that every predicate and class of
// factgraph's namespaces in an N-Quads dump is declared, in vocab.ttl or,
// for the positions, in the dump itself; rdflib checks the same of the
// N-Quads and JSON-LD dumps (TestRDF_RDFLib).
func TestDump_PredicatesDeclared(t *testing.T) {
	known := map[string]bool{}
	for _, m := range declared.FindAllStringSubmatch(export.VocabularyTurtle, -1) {
		ns := export.NS
		if m[1] == "rel" {
			ns = export.RelNS
		}
		known[ns+m[2]] = true
	}
	nq := encodeAll(t, "nquads", fixture())["fixture.nq"]
	used := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(nq))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := nqTerm.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Fatalf("cannot read %q", sc.Text())
		}
		used[m[2]] = true
		if m[2] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && m[3] != "" {
			used[strings.Trim(m[3], "<>")] = true
		}
		if m[2] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && m[3] == "<http://www.w3.org/2002/07/owl#ObjectProperty>" {
			known[strings.Trim(m[1], "<>")] = true
		}
	}
	positions := 0
	for u := range used {
		if !strings.HasPrefix(u, export.NS) && !strings.HasPrefix(u, export.RelNS) {
			continue
		}
		if !known[u] {
			t.Errorf("%s is used in the dump and declared nowhere", u)
		}
		if graph.IsPositionPredicate(strings.TrimPrefix(u, export.RelNS)) {
			positions++
		}
	}
	if positions == 0 {
		t.Error("the fixture uses no position predicate: the test proves nothing about them")
	}
}

// TestDump_NoRepeats checks that no dump states anything twice: no line
// of any format's dump of the fixture, whose facts cite one sentence
// several times (one of them twice), is repeated.
func TestDump_NoRepeats(t *testing.T) {
	for _, format := range formats {
		for name, b := range encodeAll(t, format, fixture()) {
			seen := map[string]bool{}
			for _, line := range strings.Split(string(b), "\n") {
				if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "|") || strings.HasPrefix(line, "#") {
					continue // blank lines and the README's table and titles
				}
				if seen[line] {
					t.Errorf("%s repeats %s", name, line)
				}
				seen[line] = true
			}
		}
	}
}
