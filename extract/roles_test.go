package extract

import (
	"slices"
	"testing"
)

// TestRoleRuleNames lists the rules that read a title before a name and
// what it is of, in the order they are tried: a rule added, removed,
// renamed or moved shows here. Every rule has a name of its own, and no
// name of one table is a name of the other's, so that "title/of" reads
// one way.
func TestRoleRuleNames(t *testing.T) {
	var titles, ofs []string
	for _, r := range titleRules {
		titles = append(titles, r.name)
		if r.find == nil {
			t.Errorf("title rule %q finds nothing", r.name)
		}
	}
	for _, r := range ofRules {
		ofs = append(ofs, r.name)
		if r.find == nil || r.confidence <= 0 || r.confidence > 1 {
			t.Errorf("of rule %q: find %v, confidence %v", r.name, r.find != nil, r.confidence)
		}
	}
	ofs = append(ofs, noOf, toOf)
	if want := []string{"title_before", "title_of_before", "title_to_before", "title_of_comma"}; !slices.Equal(titles, want) {
		t.Errorf("title rules %q, want %q", titles, want)
	}
	if want := []string{"possessive", "named", "demonym", "possessive_unit", "none", "after"}; !slices.Equal(ofs, want) {
		t.Errorf("of rules %q, want %q", ofs, want)
	}
	seen := map[string]bool{"apposition": true}
	for _, name := range slices.Concat(titles, ofs) {
		if name == "" {
			t.Error("a rule has no name")
		}
		if seen[name] {
			t.Errorf("rule name %q is taken", name)
		}
		seen[name] = true
	}
}
