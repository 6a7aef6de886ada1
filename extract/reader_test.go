package extract_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
)

// TestRelationReader runs the golden articles with the trained relation
// reader: its relations are well formed (evidence offsets, known
// entities), named "relate" under explain, and only add to the rules'.
func TestRelationReader(t *testing.T) {
	m, err := relate.Default()
	if err != nil {
		t.Fatal(err)
	}
	with, err := extract.New(extract.WithRelationReader(m), extract.WithExplain())
	if err != nil {
		t.Fatal(err)
	}
	without := mustExtractor(t)
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	added := 0
	for _, path := range paths {
		doc := readTestdata(t, path)
		got, err := with.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, doc.Text, got)
		base, err := without.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, r := range got.Relations {
			have[r.ID] = true
			if len(r.Rules) == 1 && r.Rules[0] == "relate" {
				added++
				if r.Confidence < 0.5 || r.Confidence > 0.9 || len(r.Evidence) == 0 {
					t.Errorf("%s: %s %s %s: confidence %v, %d evidence", path, r.Subject, r.Predicate, r.Object, r.Confidence, len(r.Evidence))
				}
			}
		}
		for _, r := range base.Relations {
			if !have[r.ID] && r.Predicate != graph.MentionedWith {
				t.Errorf("%s: the reader lost %s %s %s", path, r.Subject, r.Predicate, r.Object)
			}
		}
	}
	if added == 0 {
		t.Errorf("the reader added no relation to %d articles", len(paths))
	}
	t.Logf("%d relations added over %d articles", added, len(paths))
}
