package schema

import (
	"encoding/json"
	"math"
	"testing"
)

// TestAppendValueMatchesEncodingJSON checks the hand-written encoder
// against encoding/json on values like those graphql-go produces.
func TestAppendValueMatchesEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"Null", nil},
		{"String", "plain"},
		{"Escapes", "quote \" backslash \\ newline \n tab \t nul \x00 bell \x07 del \x7f"},
		{"Unicode", "“Zürich” — 北京 😀"},
		{"Separators", "a\u2028b\u2029c"},
		{"InvalidUTF8", "bad \xff byte"},
		{"HTML", "<b>&</b>"},
		{"Ints", []any{0, -1, 42, int32(7), int64(math.MaxInt64)}},
		{"Floats", []any{0.0, 1.5, 450000.0, 1e21, 1e20, 1.5e-7, 0.000001, -3.25, 11000000.0}},
		{"Bools", []any{true, false}},
		{"Nested", map[string]any{"z": []any{map[string]any{"b": 1, "a": nil}}, "a": "x", "m": map[string]any{}}},
		{"EmptyList", []any{}},
		{"Fallback", []string{"typed", "slice"}},
		{"StringPointer", []any{new("quote \" and 😀"), (*string)(nil)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := appendValue(nil, tt.v)
			var back any
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatalf("invalid JSON %s: %v", got, err)
			}
			want, _ := json.Marshal(tt.v)
			var wantBack any
			json.Unmarshal(want, &wantBack)
			gotNorm, _ := json.Marshal(back)
			wantNorm, _ := json.Marshal(wantBack)
			if string(gotNorm) != string(wantNorm) {
				t.Errorf("got %s, want %s", got, want)
			}
			if tt.name == "Floats" || tt.name == "Nested" || tt.name == "Ints" {
				if string(got) != string(want) {
					t.Errorf("got %s, want exactly %s", got, want)
				}
			}
		})
	}
	if got := string(appendValue(nil, math.NaN())); got != "null" {
		t.Errorf("NaN encodes as %s", got)
	}
}
