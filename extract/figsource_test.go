package extract_test

import (
	"context"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestFigureSourceAndAsOf checks who reports each figure and the date it
// holds for, and that a forecast is kept as one.
func TestFigureSourceAndAsOf(t *testing.T) {
	x := mustExtractor(t)
	tests := []struct {
		name, text, published string
		measure               string
		kind, source, asOf    string
	}{
		{"AccordingTo", "More than 2,000 people have been killed in Aleppo, according to the World Health Organization.", "",
			graph.Killed, graph.KindToll, "organization/world-health-organization", ""},
		{"XSaid", "At least 30 people were killed in Kabul, the United Nations said.", "",
			graph.Killed, "", "organization/united-nations", ""},
		{"SaidX", "Twelve people were injured in the blast, said John Smith.", "",
			graph.Injured, "", "person/john-smith", ""},
		{"Quote", "“At least 30 people died in the blast,” said John Smith, a police spokesman.", "",
			graph.Killed, "", "person/john-smith", ""},
		{"AsOf", "As of March 4, 2011, 1,200 people had been killed in Yemen.", "2011-03-10",
			graph.Killed, graph.KindToll, "", "2011-03-04"},
		{"Forecast", "Aid groups warn that 45 million children will die needlessly.", "",
			graph.Killed, graph.KindForecast, "", ""},
		{"NoSource", "Police arrested 25 protesters in Cairo on Tuesday.", "",
			graph.Arrested, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.Extract(context.Background(), graph.Document{ID: "d", Text: tt.text, Published: tt.published})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Figures) != 1 {
				t.Fatalf("figures = %+v, want one", got.Figures)
			}
			f := got.Figures[0]
			if f.Measure != tt.measure || f.Kind != tt.kind || f.Source != tt.source || f.AsOf != tt.asOf {
				t.Errorf("figure %q: measure %q kind %q source %q as of %q; want %q %q %q %q",
					f.Text, f.Measure, f.Kind, f.Source, f.AsOf, tt.measure, tt.kind, tt.source, tt.asOf)
			}
		})
	}
}
