package graph

import (
	"math"
	"testing"
)

func TestFigureValidate(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		fig  Figure
		ok   bool
	}{
		{"killed", Figure{ID: "figure/a", Measure: Killed, Value: f(450000), Confidence: 0.9}, true},
		{"vague", Figure{ID: "figure/a", Measure: Killed, Low: f(100), High: f(999), Confidence: 0.5}, true},
		{"rupiah", Figure{ID: "figure/a", Measure: Money, Value: f(3e15), Currency: "IDR", Confidence: 0.9}, true},
		{"percent fall", Figure{ID: "figure/a", Measure: Percent, Value: f(-40), Confidence: 0.9}, true},
		{"toll", Figure{ID: "figure/a", Measure: Killed, Value: f(1), Kind: KindToll, Confidence: 0.9}, true},
		{"no id", Figure{Measure: Killed, Value: f(1)}, true}, // the store gives one
		{"unknown measure", Figure{ID: "figure/a", Measure: "vibes", Value: f(1)}, false},
		{"unknown kind", Figure{ID: "figure/a", Measure: Killed, Value: f(1), Kind: "rumour"}, false},
		{"more people than live", Figure{ID: "figure/a", Measure: Killed, Value: f(999999999999999999)}, false},
		{"negative count", Figure{ID: "figure/a", Measure: Injured, Value: f(-3)}, false},
		{"infinite money", Figure{ID: "figure/a", Measure: Money, Value: f(math.Inf(1))}, false},
		{"NaN high", Figure{ID: "figure/a", Measure: Killed, Low: f(1), High: f(math.NaN())}, false},
		{"low above high", Figure{ID: "figure/a", Measure: Killed, Low: f(10), High: f(5)}, false},
		{"confidence", Figure{ID: "figure/a", Measure: Killed, Value: f(1), Confidence: 1.5}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.fig.Validate()
			if tt.ok && err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			} else if !tt.ok && ErrorCode(err) != EINVALID {
				t.Errorf("Validate() = %v, want an EINVALID error", err)
			}
		})
	}
}
