package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestExtractExplain checks that "extract --explain" adds the rule behind a
// figure and a position relation, and nothing else: without the rule
// fields its line is the line of a plain "extract".
func TestExtractExplain(t *testing.T) {
	const text = "Kremlin spokesperson Dmitry Peskov said that more than 450,000 people have been killed in Syria.\n"
	plain, stderr, err := cli(t, text, "extract")
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, stderr)
	}
	explained, stderr, err := cli(t, text, "extract", "--explain")
	if err != nil {
		t.Fatalf("extract --explain: %v\n%s", err, stderr)
	}
	if strings.Contains(plain, `"rule`) {
		t.Errorf("plain extract names rules: %s", plain)
	}
	for _, want := range []string{`"rule":"measure_after"`, `"rules":["title_before/named"]`} {
		if !strings.Contains(explained, want) {
			t.Errorf("extract --explain lacks %s: %s", want, explained)
		}
	}
	var p, e map[string]any
	if err := json.Unmarshal([]byte(plain), &p); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(explained), &e); err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{"figures", "relations"} {
		for _, v := range e[list].([]any) {
			delete(v.(map[string]any), "rule")
			delete(v.(map[string]any), "rules")
		}
	}
	if !reflect.DeepEqual(p, e) {
		t.Errorf("extract --explain differs from extract beyond its rules:\n%s\n%s", plain, explained)
	}
}
