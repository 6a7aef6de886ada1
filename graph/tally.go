package graph

import (
	"math"
	"sort"
	"strings"
)

// Figure kinds: what a count says happened.
const (
	// KindIncident is the count of one incident ("12 were killed in the
	// blast"); it is what a figure is when nothing says otherwise.
	KindIncident = "incident"
	// KindToll is a running toll: a count that grows as a war or disaster
	// goes on ("have been killed since the war began", "the death toll
	// rose to 44").
	KindToll = "toll"
	// KindForecast is a forecast or a hypothetical ("will die", "could
	// displace"): kept, but never counted as having happened.
	KindForecast = "forecast"
)

// FigureKinds lists every figure kind.
var FigureKinds = []string{KindIncident, KindToll, KindForecast}

// Agreement of a tally's reports.
const (
	AgreementSingle   = "single"   // one report
	AgreementAgree    = "agree"    // every pair of reports is compatible
	AgreementDisagree = "disagree" // some reports contradict each other (see Report.Conflicts)
)

// Report is one figure as a tally lists it: what a document said the toll
// was, on which date and according to whom.
type Report struct {
	Figure    string   `json:"figure"` // figure ID
	Document  string   `json:"document"`
	Value     *float64 `json:"value,omitempty"`
	Low       *float64 `json:"low,omitempty"`
	High      *float64 `json:"high,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Source    string   `json:"source,omitempty"` // entity ID of who reports it
	AsOf      string   `json:"as_of,omitempty"`  // ISO 8601 date the count holds for
	Kind      string   `json:"kind,omitempty"`
	Place     string   `json:"place,omitempty"`
	// Conflicts lists the figures of the reports this one contradicts.
	Conflicts []string `json:"conflicts,omitempty"`
}

// Tally is every report of one toll: the figures with the same measure
// about the same event or place, of the same counted group and, for money,
// in the same currency. Reconcile builds it from its reports; a store
// keeps its summary (everything but Reports) as reports come and go, and
// pages its reports apart.
type Tally struct {
	ID       string `json:"id"` // TallyKey of its figures
	Measure  string `json:"measure"`
	About    string `json:"about,omitempty"`    // entity ID of the event or place
	Place    string `json:"place,omitempty"`    // entity ID: the place most reports give
	Counted  string `json:"counted,omitempty"`  // the counted group, "" for people in general
	Currency string `json:"currency,omitempty"` // ISO 4217, for money
	// Count is the number of reports.
	Count int `json:"count"`
	// Reports are in time order: by AsOf, then document, then figure
	// (ReportBefore). A tally read from a store's summary has none: its
	// reports are paged apart.
	Reports []Report `json:"reports,omitempty"`
	// Latest is the latest report (see Later).
	Latest Report `json:"latest"`
	// Low and High are the smallest and largest amount reported (a vague
	// or ranged report counts with its bounds).
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Agreement string  `json:"agreement"`
}

// LatestReport returns the latest report.
func (t *Tally) LatestReport() *Report { return &t.Latest }

// TallyFilter selects tallies.
type TallyFilter struct {
	Measure string // "" for any
	About   string // entity ID; "" for any
	Place   string // entity ID; "" for any
	Entity  string // tallies about or placed at this entity
	Since   string // ISO 8601: tallies with a report on or after it
	Until   string // ISO 8601: tallies with a report on or before it
	Page
}

// Match reports whether tally t passes the filter's measure, about,
// place, entity and dates (a tally passes the dates when one of its
// reports does).
func (f TallyFilter) Match(t *Tally) bool {
	switch {
	case f.Measure != "" && t.Measure != f.Measure,
		f.About != "" && t.About != f.About,
		f.Place != "" && t.Place != f.Place && t.About != f.Place,
		f.Entity != "" && t.About != f.Entity && t.Place != f.Entity:
		return false
	case f.Since == "" && f.Until == "":
		return true
	}
	for _, r := range t.Reports {
		d := r.AsOf
		if (f.Since == "" || d >= f.Since) && (f.Until == "" || d <= f.Until || strings.HasPrefix(d, f.Until)) {
			return true
		}
	}
	return false
}

// TallyFigures reconciles the tallies of figures, ordered by ID: what a
// store keeps, computed from a list.
func TallyFigures(figs []*Figure) []*Tally {
	runs := map[string][]Report{}
	var keys []string
	for _, f := range figs {
		if !Tallied(f) {
			continue
		}
		k := TallyKey(f)
		if runs[k] == nil {
			keys = append(keys, k)
		}
		runs[k] = append(runs[k], ReportOf(f, f.Evidence.Document))
	}
	sort.Strings(keys)
	out := make([]*Tally, len(keys))
	for i, k := range keys {
		out[i] = Reconcile(k, runs[k])
	}
	return out
}

// genericCounted are the counted nouns that name no group: a count of
// "people" and one of nobody in particular are one toll.
var genericCounted = map[string]bool{
	"": true, "people": true, "persons": true, "person": true, "individuals": true, "lives": true,
	"deaths": true, "dead": true, "casualties": true, "victims": true, "others": true,
}

// CountedGroup returns the group a figure's counted noun names for
// tallies: "" for people in general, else the noun ("civilians",
// "soldiers").
func CountedGroup(counted string) string {
	c := strings.ToLower(counted)
	if genericCounted[c] {
		return ""
	}
	return c
}

// Tallied reports whether f joins a tally: a count that is not a
// forecast, not an addition ("another 25"), with an amount, and about an
// event or a place.
func Tallied(f *Figure) bool {
	return f.Kind != KindForecast && (f.Value != nil || f.Low != nil && f.High != nil) &&
		(f.About != "" || f.Place != "") && !Addition(f.Qualifier)
}

// Addition reports whether a figure's qualifier makes it count more of
// something already counted ("another 25", "a further 25", "25 more", "25
// other people", "at least … more"): never a report of a toll, nor its
// restatement.
func Addition(qualifier string) bool {
	switch q := qualifier; {
	case q == "another", q == "a further", q == "an additional", q == "more", q == "other", q == "further", q == "additional":
		return true
	case strings.Contains(q, " … "): // "at least … more"
		return true
	}
	return false
}

// TallyKey returns the key that the figures of one tally share: measure,
// subject (About, else Place), counted group and currency, joined by
// "|". It is also the tally's ID.
func TallyKey(f *Figure) string {
	return f.Measure + "|" + TallySubject(f) + "|" + CountedGroup(f.Counted) + "|" + f.Currency
}

// TallySubject returns what a figure's tally is about: its About, else its
// Place.
func TallySubject(f *Figure) string {
	if f.About != "" {
		return f.About
	}
	return f.Place
}

// ReportOf returns f, a figure of document doc, as a tally report.
func ReportOf(f *Figure, doc string) Report {
	return Report{Figure: f.ID, Document: doc, Value: f.Value, Low: f.Low, High: f.High, Qualifier: f.Qualifier,
		Source: f.Source, AsOf: f.AsOf, Kind: f.Kind, Place: f.Place}
}

// Bounds returns the interval of amounts that a report is compatible
// with, read from its value, range and qualifier: "more than 400,000" is
// (400,000, ∞), "about 450,000" 405,000–495,000, "450,000" exactly that.
func (r *Report) Bounds() (lo, hi float64) {
	if r.Value == nil {
		if r.Low != nil && r.High != nil {
			return *r.Low, *r.High
		}
		return math.Inf(-1), math.Inf(1)
	}
	v := *r.Value
	switch q := strings.TrimSuffix(strings.TrimPrefix(r.Qualifier, "an "), " an"); q {
	case "more than", "over", "above", "upwards of", "in excess of", "at least", "or more", "no fewer than",
		"not less than", "no less than", "well over", "some more than", "at least some":
		return v, math.Inf(1)
	case "less than", "fewer than", "under", "below", "up to", "at most", "no more than", "not more than", "as many as":
		return 0, v
	case "nearly", "almost", "just under", "close to", "nearing":
		return 0.85 * v, v
	case "just over", "just above", "more than about":
		return v, 1.15 * v
	case "about", "around", "approximately", "roughly", "some", "or so", "estimated", "est.", "an estimated", "approx.", "circa", "perhaps":
		return 0.9 * v, 1.1 * v
	}
	return v, v
}

// Amount returns the report's value as both bounds, or its range.
func (r *Report) Amount() (lo, hi float64) {
	if r.Value != nil {
		return *r.Value, *r.Value
	}
	return *r.Low, *r.High
}

// Agree reports whether two reports can both be right: their bounds
// overlap.
func Agree(a, b *Report) bool {
	alo, ahi := a.Bounds()
	blo, bhi := b.Bounds()
	return alo <= bhi && blo <= ahi
}

// day returns the date part of an ISO 8601 date-time.
func day(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// ReportBefore reports whether report a comes before b in a tally's time
// order: by AsOf, then document, then figure.
func ReportBefore(a, b *Report) bool {
	if a.AsOf != b.AsOf {
		return a.AsOf < b.AsOf
	}
	if a.Document != b.Document {
		return a.Document < b.Document
	}
	return a.Figure < b.Figure
}

// Later reports whether report a is a later statement of its toll than b,
// the order in which a tally's latest is its last: by AsOf; on one date a
// running toll before any other count, then the larger amount, then the
// time order (ReportBefore).
func Later(a, b *Report) bool {
	if a.AsOf != b.AsOf {
		return a.AsOf > b.AsOf
	}
	if at, bt := a.Kind == KindToll, b.Kind == KindToll; at != bt {
		return at
	}
	_, ahi := a.Amount()
	_, bhi := b.Amount()
	if ahi != bhi {
		return ahi > bhi
	}
	return ReportBefore(b, a)
}

// CanContradict reports whether reports of measure may contradict each
// other: amounts and shares (money, percentages) at one place are many
// things, not one toll reported many times.
func CanContradict(measure string) bool { return measure != Money && measure != Percent }

// Contradict reports whether two reports of one toll contradict each
// other, in whichever order they come (see contradicts).
func Contradict(a, b *Report) bool {
	if ReportBefore(b, a) {
		a, b = b, a
	}
	return contradicts(a, b)
}

// contradicts reports whether report b, not earlier than a, contradicts
// it: on the same day their bounds do not overlap ("355 dead" and "684
// dead"); on a later day a running toll lower than the earlier one's
// least amount (tolls do not fall). Two counts of one document never
// contradict each other: a story that gives two counts at one place
// counts two things ("81 in Teri Mangal … 23 in Angur Adar", read with
// one place for both).
func contradicts(a, b *Report) bool {
	if Agree(a, b) || a.Document != "" && a.Document == b.Document {
		return false
	}
	if a.AsOf != "" && day(a.AsOf) == day(b.AsOf) {
		return true
	}
	if a.Kind == KindToll && b.Kind == KindToll {
		alo, _ := a.Bounds()
		_, bhi := b.Bounds()
		return bhi < alo
	}
	return false
}

// Reconcile builds the tally of reports that share one TallyKey: it orders
// them in time, finds the latest, the range and whether they agree, and
// marks each contradiction on both reports (never for money or
// percentages). It never sums reports: they
// are statements of one toll. The reports are reordered in place.
func Reconcile(key string, reports []Report) *Tally {
	t := &Tally{ID: key, Agreement: AgreementSingle}
	parts := strings.SplitN(key, "|", 4)
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	t.Measure, t.About, t.Counted, t.Currency = parts[0], parts[1], parts[2], parts[3]
	sort.SliceStable(reports, func(i, j int) bool { return ReportBefore(&reports[i], &reports[j]) })
	t.Reports, t.Count = reports, len(reports)
	if len(reports) == 0 {
		return t
	}
	places := map[string]int{}
	t.Low, t.High = math.Inf(1), math.Inf(-1)
	for i := range reports {
		r := &reports[i]
		r.Conflicts = nil
		lo, hi := r.Amount()
		t.Low, t.High = math.Min(t.Low, lo), math.Max(t.High, hi)
		if r.Place != "" {
			places[r.Place]++
		}
	}
	best := 0
	for p, n := range places {
		if n > best || n == best && p < t.Place {
			t.Place, best = p, n
		}
	}
	if len(reports) > 1 {
		t.Agreement = AgreementAgree
	}
	for i := range reports {
		for j := i + 1; j < len(reports) && CanContradict(t.Measure); j++ {
			if contradicts(&reports[i], &reports[j]) {
				reports[i].Conflicts = append(reports[i].Conflicts, reports[j].Figure)
				reports[j].Conflicts = append(reports[j].Conflicts, reports[i].Figure)
				t.Agreement = AgreementDisagree
			}
		}
	}
	latest := 0
	for i := range reports {
		if Later(&reports[i], &reports[latest]) {
			latest = i
		}
	}
	t.Latest = reports[latest]
	return t
}

// SumLatest sums tallies as FigureTotals may: the latest report of each toll
// counts once, money only within one currency, and percentages never. It
// returns false for tallies that cannot be summed (percentages, or money
// in several currencies).
func SumLatest(ts []*Tally) (float64, bool) {
	sum, cur := 0.0, ""
	for i, t := range ts {
		if t.Measure == Percent {
			return 0, false
		}
		if i == 0 {
			cur = t.Currency
		} else if t.Currency != cur {
			return 0, false
		}
		lo, _ := t.LatestReport().Amount()
		sum += lo // a vague latest ("hundreds") counts its least
	}
	return sum, true
}

// TotalTallies groups tallies by measure, place and currency, ordered so,
// and sums each group with SumLatest. docs, when set, lists the documents
// of a tally's reports (in any order, repeated or not); when nil they are
// read from its Reports.
func TotalTallies(ts []*Tally, docs func(*Tally) []string) []*FigureTotal {
	type groupKey struct{ measure, place, currency string }
	groups := map[groupKey][]*Tally{}
	var keys []groupKey
	for _, t := range ts {
		k := groupKey{t.Measure, t.Place, t.Currency}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], t)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.measure != b.measure {
			return a.measure < b.measure
		}
		if a.place != b.place {
			return a.place < b.place
		}
		return a.currency < b.currency
	})
	out := make([]*FigureTotal, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		ft := &FigureTotal{Measure: k.measure, Place: k.place, Currency: k.currency, Tallies: len(g), Min: math.Inf(1), Max: math.Inf(-1)}
		seen := map[string]bool{}
		for _, t := range g {
			ft.Count += t.Count
			ft.Min, ft.Max = math.Min(ft.Min, t.Low), math.Max(ft.Max, t.High)
			if docs != nil {
				for _, d := range docs(t) {
					seen[d] = true
				}
				continue
			}
			for _, r := range t.Reports {
				seen[r.Document] = true
			}
		}
		ft.Documents = len(seen)
		if sum, ok := SumLatest(g); ok {
			ft.Sum = &sum
		}
		out = append(out, ft)
	}
	return out
}
