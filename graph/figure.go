package graph

import "context"

// Figure measures.
const (
	Killed    = "killed"
	Injured   = "injured"
	Displaced = "displaced"
	Refugees  = "refugees"
	Arrested  = "arrested"
	Kidnapped = "kidnapped"
	Missing   = "missing"
	Evacuated = "evacuated"
	Affected  = "affected"
	Money     = "money"
	Percent   = "percent"
)

// Measures lists every figure measure.
var Measures = []string{Killed, Injured, Displaced, Refugees, Arrested, Kidnapped, Missing, Evacuated, Affected, Money, Percent}

// Figure is a count that a document reports: "more than 450,000 people have
// been killed" is Value 450000, Qualifier "more than", Measure killed,
// Counted "people".
type Figure struct {
	ID        string   `json:"id"`
	Value     *float64 `json:"value,omitempty"` // nil for vague amounts ("hundreds")
	Low       *float64 `json:"low,omitempty"`   // ranges and vague amounts
	High      *float64 `json:"high,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"` // as written: "more than", "at least", …
	Measure   string   `json:"measure"`
	Currency  string   `json:"currency,omitempty"` // ISO 4217, for money
	Counted   string   `json:"counted,omitempty"`  // what is counted: people, civilians, …
	About     string   `json:"about,omitempty"`    // entity ID of the event or place it concerns
	Place     string   `json:"place,omitempty"`    // entity ID
	Date      string   `json:"date,omitempty"`     // ISO 8601, possibly partial
	// Kind is KindToll, KindForecast or KindIncident ("" reads as an
	// incident).
	Kind string `json:"kind,omitempty"`
	// AsOf is the ISO 8601 date the count holds for: an explicit one ("as
	// of Monday"), else the document's publication date.
	AsOf string `json:"as_of,omitempty"`
	// Source is the entity ID of who reports the number ("according to
	// the UN", the speaker of the quote that holds it).
	Source string `json:"source,omitempty"`
	Text   string `json:"text"` // the figure as written
	// Evidence is the span of Text in the document.
	Evidence   Mention `json:"evidence"`
	Confidence float64 `json:"confidence"`
	// Rule names the extractor rule that tied the measure to the number
	// (extract/figure's RuleNames), for an analyst reading why a figure
	// was found. Set only by an extractor asked to explain; not stored.
	Rule string `json:"rule,omitempty"`
}

// FigureFilter selects figures.
type FigureFilter struct {
	Measure   string // "" for any
	About     string // entity ID; "" for any
	Place     string // entity ID; "" for any
	Entity    string // figures about or placed at this entity
	DateRange        // reported by a document published within this range
	Page
}

// FigureTotal sums the tallies of one measure, place and currency by the
// tally rules: the latest report of each toll counts once, money is never
// summed across currencies and percentages never at all (Sum is nil).
type FigureTotal struct {
	Measure  string   `json:"measure"`
	Place    string   `json:"place,omitempty"`
	Currency string   `json:"currency,omitempty"`
	Count    int      `json:"count"`   // reports
	Tallies  int      `json:"tallies"` // tolls
	Sum      *float64 `json:"sum"`     // of each toll's latest report; nil for percentages
	Min      float64  `json:"min"`     // smallest amount reported
	Max      float64  `json:"max"`     // largest amount reported
	// Documents is the number of documents the reports come from.
	Documents int `json:"documents"`
}

// FigureService reads figures.
type FigureService interface {
	// Figures returns a page of figures matching f. EINVALID for a
	// measure that is neither one of Measures nor used by a figure, or a
	// bad date range.
	Figures(ctx context.Context, f FigureFilter) (List[*Figure], error)
	// FigureTotals sums tallies by measure, place and currency (see
	// FigureTotal); EINVALID for an unknown measure, as Figures.
	FigureTotals(ctx context.Context, measure, place string) ([]*FigureTotal, error)
	// Tallies returns a page of the tallies matching f, the most reported
	// first. EINVALID for an unknown measure, as Figures.
	Tallies(ctx context.Context, f TallyFilter) (List[*Tally], error)
	// TallyReports returns a page of the reports of the tally with ID id
	// (TallyKey), in time order, each with its conflicts. ENOTFOUND for
	// a tally with no reports.
	TallyReports(ctx context.Context, id string, pg Page) (List[*Report], error)
}
