package extract

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestRestates(t *testing.T) {
	n := func(v float64) *float64 { return &v }
	fig := func(sentence int, measure string, v float64, place string) *graph.Figure {
		return &graph.Figure{Measure: measure, Value: n(v), Place: place, Evidence: graph.Mention{Sentence: sentence}}
	}
	with := func(f *graph.Figure, qualifier, text string) *graph.Figure {
		f.Qualifier, f.Text = qualifier, text
		return f
	}
	tests := []struct {
		name string
		g, f *graph.Figure
		want bool
	}{
		{"headline restated", fig(0, graph.Killed, 7, "place/mecca"), fig(3, graph.Killed, 7, ""), true},
		{"headline restated with its noun", fig(0, graph.Arrested, 25, ""), with(fig(2, graph.Arrested, 25, ""), "", "25 protesters"), true},
		{"headline or more", fig(0, graph.Killed, 107, ""), with(fig(2, graph.Killed, 107, ""), "or more", "107 or more"), true},
		{"headline addition restated", with(fig(0, graph.Arrested, 25, ""), "another", "Another 25"), fig(2, graph.Arrested, 25, ""), true},
		{"headline addition restated as one", with(fig(0, graph.Arrested, 25, ""), "at least … more", "at least 25"), with(fig(2, graph.Arrested, 25, ""), "at least … more", "at least 25"), true},
		{"a further", fig(0, graph.Arrested, 25, ""), with(fig(2, graph.Arrested, 25, ""), "a further", "A further 25"), false},
		{"equal counts in the body", fig(2, graph.Killed, 107, ""), fig(5, graph.Killed, 107, "place/mecca"), false},
		{"another place", fig(0, graph.Killed, 107, "place/mecca"), fig(3, graph.Killed, 107, "place/medina"), false},
		{"another measure", fig(0, graph.Killed, 107, ""), fig(3, graph.Injured, 107, ""), false},
		{"another amount", fig(0, graph.Killed, 107, ""), fig(3, graph.Killed, 108, ""), false},
		{"money", fig(0, graph.Money, 5e9, ""), fig(3, graph.Money, 5e9, ""), false},
		{"percent", fig(0, graph.Percent, 25, ""), fig(3, graph.Percent, 25, ""), false},
		{"another", fig(0, graph.Arrested, 25, ""), with(fig(2, graph.Arrested, 25, ""), "another", "another 25"), false},
		{"more", fig(0, graph.Arrested, 25, ""), with(fig(2, graph.Arrested, 25, ""), "more", "25"), false},
		{"other", fig(0, graph.Arrested, 25, ""), with(fig(2, graph.Arrested, 25, ""), "other", "25"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := restates(tt.g, tt.f); got != tt.want {
				t.Errorf("restates = %v, want %v", got, tt.want)
			}
		})
	}
}
