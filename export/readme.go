package export

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// ReadmeFile is the file beside nodes.csv and relationships.csv that says
// what made them and what their columns and relationship types mean.
const ReadmeFile = "README.md"

// WriteReadme writes the README of a CSV dump that has been closed: its
// provenance (Describe), how to load it, and each relationship type it
// holds with its meaning, from the vocabulary of vocab.ttl.
func (e *CSVEncoder) WriteReadme(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# factgraph dump for neo4j-admin database import\n\n")
	if p := e.prov; p != nil {
		fmt.Fprintf(&b, "- Created: %s (the snapshot of the store)\n", p.CreatedText())
		fmt.Fprintf(&b, "- Software: %s %s\n", Software, p.Version)
		if p.Model != "" {
			fmt.Fprintf(&b, "- Models: %s\n", p.Model)
		}
		if fs := p.Filters(); len(fs) > 0 {
			fmt.Fprintf(&b, "- Filters: `%s`\n", strings.Join(fs, " "))
		} else {
			b.WriteString("- Filters: none (the whole store)\n")
		}
		b.WriteString("- The store held:")
		for i, c := range p.counts() {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %d %s", c.n, c.name)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n## Files\n\n- `%s`: one row per entity, labelled Entity and its type.\n- `%s`: one row per relation, typed by its predicate in upper case.\n\n", NodesFile, RelationshipsFile)
	fmt.Fprintf(&b, "Load them with\n\n    neo4j-admin database import full --nodes=%s --relationships=%s --multiline-fields=true\n\n", NodesFile, RelationshipsFile)
	b.WriteString("## Relationship types\n\n| type | relations | meaning |\n|---|---|---|\n")
	preds := make([]string, 0, len(e.preds))
	for p := range e.preds {
		preds = append(preds, p)
	}
	sort.Strings(preds)
	for _, p := range preds {
		fmt.Fprintf(&b, "| %s | %d | %s |\n", strings.ToUpper(p), e.preds[p], predicateMeaning(p))
	}
	fmt.Fprintf(&b, "\nThe vocabulary is %s, described in `vocab.ttl` of the factgraph repository (export/vocab.ttl).\n", RelNS)
	_, err := io.WriteString(w, b.String())
	return err
}

// predicateMeaning says what relation predicate p states.
func predicateMeaning(p string) string {
	if d, ok := graph.LookupPredicate(p); ok {
		return d.Description
	}
	if graph.IsPositionPredicate(p) {
		return "A position: the subject holds the title " + positionLabel(p) + " the object."
	}
	return "Not in factgraph's vocabulary."
}

// positionLabel reads a position predicate as words: "foreign minister of".
func positionLabel(p string) string { return strings.ReplaceAll(p, "_", " ") }
