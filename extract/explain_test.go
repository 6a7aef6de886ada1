package extract_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// TestExplainSeed checks that WithExplain ("factgraph extract --explain")
// names, on the seed article, the rule behind the 450,000 killed and behind
// Peskov's role as the Kremlin's spokesperson, and a rule behind Merkel's
// citizenship, in the extraction and in its Record; and that without it no
// rule is named, so that the default output stays as it was.
func TestExplainSeed(t *testing.T) {
	doc := readDoc(t, testenv.Shared(t, "seed/article.txt"))
	ex, err := extract.New(extract.WithExplain())
	if err != nil {
		t.Fatal(err)
	}
	x, err := ex.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	var killed *graph.Figure
	for _, f := range x.Figures {
		if f.Measure == graph.Killed && f.Value != nil && *f.Value == 450000 {
			killed = f
		}
	}
	if killed == nil {
		t.Fatal("no figure of 450,000 killed")
	}
	if killed.Rule != "measure_after" {
		t.Errorf("450,000 killed: rule %q, want measure_after", killed.Rule)
	}
	var spokesperson *graph.Relation
	for _, r := range x.Relations {
		if r.Subject == "person/dmitry-peskov" && strings.HasPrefix(r.Predicate, "spokes") {
			spokesperson = r
		}
	}
	if spokesperson == nil {
		t.Fatal("no spokesperson relation of Dmitry Peskov")
	}
	if want := []string{"title_before/named"}; !slices.Equal(spokesperson.Rules, want) {
		t.Errorf("%s %s %s: rules %q, want %q", spokesperson.Subject, spokesperson.Predicate, spokesperson.Object, spokesperson.Rules, want)
	}
	citizen := false
	for _, r := range x.Relations {
		if r.Subject == "person/angela-merkel" && r.Predicate == graph.CitizenOf {
			citizen = len(r.Rules) > 0
		}
	}
	if !citizen {
		t.Error("no rule names Merkel's citizen_of relation")
	}
	line, err := json.Marshal(extract.NewRecord(x))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"rule":"measure_after"`, `"rules":["title_before/named"]`} {
		if !strings.Contains(string(line), want) {
			t.Errorf("record lacks %s", want)
		}
	}

	plain, err := mustExtractor(t).Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range plain.Figures {
		if f.Rule != "" {
			t.Errorf("without WithExplain, figure %q names rule %q", f.Text, f.Rule)
		}
	}
	for _, r := range plain.Relations {
		if r.Rules != nil {
			t.Errorf("without WithExplain, relation %s names rules %q", r.ID, r.Rules)
		}
	}
}
