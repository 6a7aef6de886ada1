package graph_test

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestNameKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Plain", "Vladimir Putin", "vladimir putin"},
		{"Hyphen", "Bashar al-Assad", "bashar al assad"},
		{"Diacritics", "Zürich", "zurich"},
		{"Apostrophe", "O'Brien", "obrien"},
		{"Dots", "U.S.", "us"},
		{"Spaces", "  New   York ", "new york"},
		{"Empty", "!!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := graph.NameKey(tt.in); got != tt.want {
				t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := graph.EntityID(graph.Person, "Vladimir Putin"); got != "person/vladimir-putin" {
		t.Errorf("EntityID = %q", got)
	}
	if got := graph.Slug("!!"); got != "x" {
		t.Errorf("Slug(!!) = %q", got)
	}
}

func TestSlice(t *testing.T) {
	s := "“Hi” Zürich"
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"Quote", 0, 4, "“Hi”"},
		{"Diacritic", 5, 11, "Zürich"},
		{"Empty", 3, 3, ""},
		{"PastEnd", 5, 12, ""},
		{"Reversed", 4, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := graph.Slice(s, tt.start, tt.end); got != tt.want {
				t.Errorf("Slice(%d,%d) = %q, want %q", tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestErrorCode(t *testing.T) {
	err := graph.Errorf(graph.ENOTFOUND, "entity %q not found", "x")
	if graph.ErrorCode(err) != graph.ENOTFOUND || graph.ErrorMessage(err) != `entity "x" not found` {
		t.Fatal(err)
	}
	if graph.ErrorCode(nil) != "" {
		t.Fatal("nil error has a code")
	}
}
