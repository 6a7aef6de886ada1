package graph

import (
	"strings"
	"testing"
)

func TestDocumentValidate(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		ok   bool
	}{
		{"minimal", Document{ID: "a", Text: "x"}, true},
		{"date", Document{ID: "a", Published: "2017-11-21"}, true},
		{"year", Document{ID: "a", Published: "2017"}, true},
		{"month", Document{ID: "a", Published: "2017-11"}, true},
		{"date-time", Document{ID: "a", Published: "2017-11-21T18:04:05+03:00"}, true},
		{"no id", Document{Text: "x"}, false},
		{"bad id", Document{ID: "a\xff"}, false},
		{"bad text", Document{ID: "a", Text: "\xff"}, false},
		{"Reuters date", Document{ID: "a", Published: "26-FEB-1987 15:01:01.79"}, false},
		{"RSS date", Document{ID: "a", Published: "Tue, 21 Nov 2017 18:04:05 GMT"}, false},
		{"space before time", Document{ID: "a", Published: "2017-11-21 18:04"}, false},
		{"short", Document{ID: "a", Published: "17"}, false},
		{"NUL in id", Document{ID: "a\x00b"}, false},
		{"newline in id", Document{ID: "a\nb"}, false},
		{"longest id", Document{ID: strings.Repeat("a", MaxIDBytes)}, true},
		{"id too long", Document{ID: strings.Repeat("a", MaxIDBytes+1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.doc.Validate()
			if tt.ok && err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			} else if !tt.ok && ErrorCode(err) != EINVALID {
				t.Errorf("Validate() = %v, want an EINVALID error", err)
			}
		})
	}
}

func TestEntityValidate(t *testing.T) {
	long := strings.Repeat("John Smith ", 60)
	tests := []struct {
		name string
		e    Entity
		ok   bool
	}{
		{"minimal", Entity{ID: "person/a", Type: Person, Name: "A"}, true},
		{"no id", Entity{Type: Person, Name: "A"}, false},
		{"bad type", Entity{ID: "x/a", Type: "x", Name: "A"}, false},
		{"no name", Entity{ID: "person/a", Type: Person, Name: " "}, false},
		{"NUL in id", Entity{ID: "person/a\x00b", Type: Person, Name: "A"}, false},
		{"name too long", Entity{ID: "person/a", Type: Person, Name: long}, false},
		{"alias too long", Entity{ID: "person/a", Type: Person, Name: "A", Aliases: []string{long}}, false},
		{"id too long", Entity{ID: "person/" + strings.Repeat("a", MaxIDBytes), Type: Person, Name: "A"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.e.Validate()
			if tt.ok && err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			} else if !tt.ok && ErrorCode(err) != EINVALID {
				t.Errorf("Validate() = %v, want an EINVALID error", err)
			}
		})
	}
}
