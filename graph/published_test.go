package graph

import (
	"strings"
	"testing"
)

func TestNormalizePublished(t *testing.T) {
	tests := []struct {
		in, want string // want "" for an error
	}{
		{"2017-11-21", "2017-11-21"},
		{"2017", "2017"},
		{"2017-11", "2017-11"},
		{"2017-11-21T18:04:05Z", "2017-11-21T18:04:05Z"},
		{"2017-11-21T18:04:05.123+03:00", "2017-11-21T18:04:05.123+03:00"},
		{"2017-11-21 18:04:05", "2017-11-21T18:04:05"},
		{" 2017-11-21 ", "2017-11-21"},
		{"2017-11-21 18:04:05 +0300", "2017-11-21T18:04:05+03:00"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},   // Reuters-21578
		{"27-MAR-1987 00:02:59.13RM", "1987-03-27T00:02:59"}, // with an editor's mark
		{"27-MAR-1987 00:02:59.13E F", "1987-03-27T00:02:59"},
		{"2017-11-21abc", ""},
		{"Monday", ""},
		{"Tue, 21 Nov 2017 18:04:05 +0300", "2017-11-21T18:04:05+03:00"},
		{"Tue, 21 Nov 2017 18:04:05 GMT", "2017-11-21T18:04:05Z"},
		{"November 21, 2017", "2017-11-21"},
		{"21 November 2017", "2017-11-21"},
		{"Nov 21, 2017", "2017-11-21"},
		{"Tue, 21 Nov 2017 18:04:05 EST", "2017-11-21T18:04:05-05:00"},
		{"Tue, 21 Nov 2017 18:04:05 PDT", "2017-11-21T18:04:05-07:00"},
		{"Tue, 21 Nov 2017 18:04:05 UT", "2017-11-21T18:04:05Z"},
		{"2017-11-21 18:04:05 EST", "2017-11-21T18:04:05-05:00"},
		{"Tue, 21 Nov 2017 18:04:05 IST", ""}, // ambiguous: India, Ireland, Israel
		{"2017 March", ""},
		{"2017-11-21T18:04:05 GMT", "2017-11-21T18:04:05Z"},
		{"2017-11-21 18:04:05.5 cest", ""},
		{"26-FEB-1987 01:30:00.00 pm", ""},
		{"2017-11-21 18:04:05 est", "2017-11-21T18:04:05-05:00"},
		{"26-FEB-1987 03:01:01.79PM", ""},
		{"2017-11-21 18:04:05.5x EST", ""},
		{"2017-11-21 18:04:05.5ZX", ""},
		{"2017-11-21 6:04", "2017-11-21T06:04"},
		{"2017-11-21T06:04:05.12CET", ""},
		{"27-MAR-1987 00:02:59.13A RM", "1987-03-27T00:02:59"},
		{"02/03/2017", ""}, // day and month ambiguous
		{"yesterday", ""},
		{"2017-13-01", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizePublished(tt.in)
			switch {
			case tt.want == "" && err == nil:
				t.Errorf("NormalizePublished(%q) = %q, want an error", tt.in, got)
			case tt.want == "" && !strings.Contains(err.Error(), "ISO 8601"):
				t.Errorf("error %q does not say what to use", err)
			case tt.want != "" && (err != nil || got != tt.want):
				t.Errorf("NormalizePublished(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
