package export

import (
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// The RDF formats describe each tally as a node of class fg:Tally in the
// default graph (a tally gathers what many documents say), after the
// figures it is made of: its measure, subject, counted group and currency,
// its range, agreement and number of reports, fg:latest and one fg:report
// per figure; and fg:contradicts between the figures of reports that
// contradict each other. The encoders reconcile the tallies of the figures
// they are given (graph.Reconcile), so a filtered dump has the tallies of
// its own figures. The jsonl dump has no tally records: import rebuilds
// the tallies from the figures, as ingest does. The Dgraph dialect has no
// tallies (its schema has no Tally type).

// tallies gathers the reports of the tallied figures of a dump, to be
// written once its figures have all come.
type tallies struct {
	reports map[string][]graph.Report
	done    bool
}

// add keeps figure f's report if f joins a tally.
func (ts *tallies) add(f *graph.Figure) {
	if !graph.Tallied(f) {
		return
	}
	if ts.reports == nil {
		ts.reports = map[string][]graph.Report{}
	}
	k := graph.TallyKey(f)
	ts.reports[k] = append(ts.reports[k], graph.ReportOf(f, f.Evidence.Document))
}

// take returns the tallies once, ordered by ID, when a record of a kind
// after figures comes (kind) or the dump ends (kind ""); nil before.
func (ts *tallies) take(kind string) []*graph.Tally {
	if ts.done || kind != "" && recordOrder[kind] <= recordOrder[graph.RecordFigure] {
		return nil
	}
	ts.done = true
	keys := make([]string, 0, len(ts.reports))
	for k := range ts.reports {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*graph.Tally, len(keys))
	for i, k := range keys {
		out[i] = graph.Reconcile(k, ts.reports[k])
	}
	ts.reports = nil
	return out
}

// tallyProps writes a tally's properties.
func tallyProps(w propWriter, t *graph.Tally) {
	w.str(tID, t.ID)
	w.str(tMeasure, t.Measure)
	w.ref(tAbout, resEntity, t.About)
	w.ref(tPlace, resEntity, t.Place)
	w.str(tCounted, t.Counted)
	w.str(tCurrency, t.Currency)
	w.double(tLow, t.Low)
	w.double(tHigh, t.High)
	w.str(tAgreement, t.Agreement)
	w.int(tReportCount, int64(t.Count))
	w.ref(tLatest, resFigure, t.Latest.Figure)
	figs := make([]string, len(t.Reports))
	for i := range t.Reports {
		figs[i] = t.Reports[i].Figure
	}
	w.refs(tReport, resFigure, figs)
}
