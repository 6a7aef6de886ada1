package graph

import (
	"fmt"
	"math"
)

// Plausible bounds of a figure's amounts by measure. A count of people
// above the world's population, a sum of money above a hundred times the
// world's yearly output in the currency with the most digits (the
// Indonesian rupiah), or a percentage change over 100,000 is a misread
// number ("999,999,999,999,999,999 killed"), or not a count of this
// measure, and is no figure.
const (
	maxPeople  = 1e10
	maxMoney   = 1e17
	maxPercent = 1e5
)

// PlausibleAmount reports whether v is a plausible amount of measure.
func PlausibleAmount(measure string, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	switch measure {
	case Money:
		return v >= 0 && v <= maxMoney
	case Percent:
		return v >= -100 && v <= maxPercent
	}
	return v >= 0 && v <= maxPeople
}

// Validate returns an EINVALID error for a figure that cannot be stored:
// an unknown measure or kind, an amount that is not plausible for its
// measure (PlausibleAmount), a range whose low end is above its high end,
// or a confidence outside [0, 1]. A figure without an ID is valid: a
// store gives it one on ingest.
func (f *Figure) Validate() error {
	bad := func(format string, args ...any) error {
		return Errorf(EINVALID, "figure %q: %s", f.ID, fmt.Sprintf(format, args...))
	}
	switch {
	case !KnownMeasure(f.Measure):
		return bad("unknown measure %q (one of %v)", f.Measure, Measures)
	case f.Kind != "" && f.Kind != KindIncident && f.Kind != KindToll && f.Kind != KindForecast:
		return bad("unknown kind %q", f.Kind)
	case f.Confidence < 0 || f.Confidence > 1 || math.IsNaN(f.Confidence):
		return bad("confidence %v outside [0, 1]", f.Confidence)
	case f.Low != nil && f.High != nil && *f.Low > *f.High:
		return bad("low %v above high %v", *f.Low, *f.High)
	}
	for _, v := range []*float64{f.Value, f.Low, f.High} {
		if v != nil && !PlausibleAmount(f.Measure, *v) {
			return bad("%v is not a plausible amount of %s", *v, f.Measure)
		}
	}
	return nil
}
