package figure

import (
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
)

// TestRuleNames lists the rules in the order they are tried: a rule added,
// removed, renamed or moved shows here. Every rule has a name of its own.
func TestRuleNames(t *testing.T) {
	want := []string{
		"currency_joined", "currency_before", "percent_after", "currency_after", "percent_in_range", "currency_in_range",
		"measure_after", "verb_before", "lives_taken", "the_lives_of", "toll_before", "difference", "ellipsis", "part_of_earlier",
		"same_object", "list_member", "compared",
	}
	got := RuleNames()
	seen := map[string]bool{}
	for i, name := range got {
		if name == "" {
			t.Errorf("rule %d has no name", i)
		}
		if seen[name] {
			t.Errorf("rule %d: name %q is taken", i, name)
		}
		seen[name] = true
	}
	if !slices.Equal(got, want) {
		t.Errorf("RuleNames() = %q\nwant %q", got, want)
	}
	for _, r := range casualtyRules {
		if r.match == nil || r.confidence < 0 || r.confidence > 1 {
			t.Errorf("casualty rule %q: match %v, confidence %v", r.name, r.match != nil, r.confidence)
		}
	}
}

// TestRuleFired checks which rule ties each figure of a sentence: one
// sentence at least for every rule that ties a measure.
func TestRuleFired(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the rule of each figure, in order
	}{
		{"MeasureAfter", "More than 450,000 people have been killed.", []string{"measure_after"}},
		{"VerbBefore", "The blast ripped through the market, killing at least 12 people.", []string{"verb_before"}},
		{"LivesTaken", "The crash claimed 12 lives on Sunday.", []string{"lives_taken"}},
		{"TheLivesOf", "The fighting has claimed the lives of 12 in a week.", []string{"the_lives_of"}},
		{"TollBefore", "The death toll has risen to 44.", []string{"toll_before"}},
		{"Difference", "Police arrested 40 people, 12 more than last week.", []string{"verb_before"}},
		{"Ellipsis", "About 400,000 were displaced in 2013, and almost 200,000 more this year.", []string{"measure_after", "ellipsis"}},
		{"PartOfEarlier", "Twelve people were killed, including five children.", []string{"measure_after", "part_of_earlier"}},
		{"Money", "The company lost $5bn and 5,000 dlrs.", []string{"currency_before", "currency_after"}},
		{"Percent", "Turnout was 76%.", []string{"percent_after"}},
		{"SameObject", "Police detained 558 suspects and 135 fugitives.", []string{"verb_before", "same_object"}},
		{"ListMember", "Nine workers, one driver and three rescuers were injured.", []string{"list_member", "list_member", "measure_after"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			var got []string
			for _, f := range Find(tt.text, toks, token.Sentences(tt.text, toks)) {
				got = append(got, f.Rule)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rules %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEveryFigureNamesItsRule runs the labelled sentences: every figure
// found names a rule of RuleNames.
func TestEveryFigureNamesItsRule(t *testing.T) {
	names := RuleNames()
	fired := map[string]int{}
	for _, l := range loadLabelled(t) {
		toks := token.Tokenize(l.Text)
		for _, f := range Find(l.Text, toks, token.Sentences(l.Text, toks)) {
			if !slices.Contains(names, f.Rule) {
				t.Errorf("%q: figure %q names rule %q", l.Text, f.Text, f.Rule)
			}
			fired[f.Rule]++
		}
	}
	t.Logf("figures per rule: %v", fired)
}
