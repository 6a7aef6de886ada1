package graph

import "testing"

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
