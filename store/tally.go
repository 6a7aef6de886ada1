package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Tallies are kept by the transactions that add, remove and re-point
// figures: every figure that joins a tally (graph.Tallied) has one key in
// the tally keyspace, grouped by what makes a toll one toll and ordered in
// the tally's time order, with its report as the value; each tally has a
// summary, kept exact as its reports come and go:
//
//	'Y' str(measure) str(subject) str(group) str(currency) str(asOf) str(doc) str(figure) → reportRec
//	'W' str(measure) str(subject) str(group) str(currency) → sumRec   the tally's summary (tallySum)
//	'w' str(measure) u32(MaxInt32-reports) str(subject) str(group) str(currency) → sumRec   tallies of a measure, most reported first
//
// and the counter "tallies/"+measure counts a measure's tallies.
//
// subject is the figure's About, else its Place; group its
// graph.CountedGroup. A tally's reports are the run of 'Y' keys that share
// its four strings, already in graph.ReportBefore's order, so a page of
// them is a seek and a short scan. Its summary holds what a listing shows
// (the number of reports, the range, the latest with its conflicts, the
// number of contradicting pairs, the places its reports give), so that a
// page of tallies reads one key per tally whatever their sizes; 'w' ranks
// a measure's tallies by their number of reports and holds the same
// summary as 'W', so that a page of a measure's tallies is one seek and a
// scan of as many keys as the page has tallies. A write that adds
// or removes a report reads the tally's other reports only where it must:
// for measures whose reports can contradict each other (not money or
// percentages: graph.CanContradict), and when the removed report was the
// latest or at either end of the range.

// tallyParts returns what names figure f's tally in keys: measure,
// subject, group and currency.
func tallyParts(f *graph.Figure) []string {
	return []string{f.Measure, graph.TallySubject(f), graph.CountedGroup(f.Counted), f.Currency}
}

// reportSuffix returns what follows a tally's prefix in the 'Y' key of
// report r: its time order.
func reportSuffix(r *graph.Report) []byte {
	return appendStr(appendStr(appendStr(nil, r.AsOf), r.Document), r.Figure)
}

// tallyKey returns the 'Y' key of figure f of document doc.
func tallyKey(f *graph.Figure, doc string) []byte {
	return appendStr(appendStr(appendStr(key(pTally, tallyParts(f)...), f.AsOf), doc), f.ID)
}

// rankKey returns the 'w' key of the tally named by parts with n reports.
// The rank is MaxInt32-n rather than the complement of n, so that its
// first byte is never 0xFF, which after the measure's terminator would
// read as an escaped 0x00 (appendStr).
func rankKey(parts []string, n uint64) []byte {
	b := binary.BigEndian.AppendUint32(key(pTallyRank, parts[0]), uint32(math.MaxInt32-min(n, math.MaxInt32)))
	for _, p := range parts[1:] {
		b = appendStr(b, p)
	}
	return b
}

// parseRankKey is the inverse of rankKey: the tally's parts.
func parseRankKey(k []byte) ([]string, error) {
	measure, rest, err := readStr(k[1:])
	if err != nil || len(rest) < 4 {
		return nil, errCorrupt
	}
	parts := []string{measure}
	rest = rest[4:]
	for range 3 {
		var s string
		if s, rest, err = readStr(rest); err != nil {
			return nil, err
		}
		parts = append(parts, s)
	}
	if len(rest) != 0 {
		return nil, errCorrupt
	}
	return parts, nil
}

// encodeReport is the value of a 'Y' key: what the tally shows of a
// figure.
func encodeReport(r *graph.Report) []byte {
	e := encoder{make([]byte, 0, 64)}
	putReport(&e, r)
	return e.b
}

func putReport(e *encoder, r *graph.Report) {
	e.str(r.Document)
	putOptFloat(e, r.Value)
	putOptFloat(e, r.Low)
	putOptFloat(e, r.High)
	for _, s := range []string{r.Qualifier, r.Source, r.AsOf, r.Kind, r.Place} {
		e.str(s)
	}
}

func getReport(d *decoder, fig string) graph.Report {
	r := graph.Report{Figure: fig, Document: d.str()}
	r.Value, r.Low, r.High = getOptFloat(d), getOptFloat(d), getOptFloat(d)
	r.Qualifier, r.Source, r.AsOf, r.Kind, r.Place = d.str(), d.str(), d.str(), d.str(), d.str()
	return r
}

func decodeReport(fig string, b []byte) (graph.Report, error) {
	d := newDecoder(b)
	r := getReport(&d, fig)
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return r, d.err
}

// tallySum is a tally's summary, the value of its 'W' key: everything a
// listing shows of the tally but its reports.
type tallySum struct {
	n     uint64 // reports
	pairs uint64 // pairs of reports that contradict each other
	low   float64
	high  float64
	// latest is the latest report (graph.Later); conflicts the
	// reportSuffix of each report it contradicts, in time order.
	latest    graph.Report
	conflicts [][]byte
	places    map[string]uint64 // reports per place
}

func (s *tallySum) encode() []byte {
	e := encoder{make([]byte, 0, 96)}
	e.uint(s.n)
	e.uint(s.pairs)
	e.float(s.low)
	e.float(s.high)
	e.str(s.latest.Figure)
	putReport(&e, &s.latest)
	e.uint(uint64(len(s.conflicts)))
	for _, c := range s.conflicts {
		e.str(string(c))
	}
	places := slices.Sorted(maps.Keys(s.places))
	e.uint(uint64(len(places)))
	for _, p := range places {
		e.str(p)
		e.uint(s.places[p])
	}
	return e.b
}

func decodeSum(b []byte) (*tallySum, error) {
	d := newDecoder(b)
	s := &tallySum{n: d.uint(), pairs: d.uint(), low: d.float(), high: d.float(), places: map[string]uint64{}}
	fig := d.str()
	s.latest = getReport(&d, fig)
	for n := d.uint(); n > 0 && d.err == nil; n-- {
		s.conflicts = append(s.conflicts, []byte(d.str()))
	}
	for n := d.uint(); n > 0 && d.err == nil; n-- {
		p := d.str()
		s.places[p] = d.uint()
	}
	if d.err == nil && (len(d.b) != 0 || s.n == 0) {
		d.fail()
	}
	return s, d.err
}

// tally returns the tally named by parts as its summary shows it: without
// its reports.
func (s *tallySum) tally(parts []string) *graph.Tally {
	t := &graph.Tally{ID: strings.Join(parts, "|"), Measure: parts[0], About: parts[1], Counted: parts[2], Currency: parts[3],
		Count: int(s.n), Low: s.low, High: s.high, Latest: s.latest, Agreement: graph.AgreementSingle}
	for _, c := range s.conflicts {
		fig, err := lastStr(append([]byte{pTally}, c...))
		if err == nil {
			t.Latest.Conflicts = append(t.Latest.Conflicts, fig)
		}
	}
	best := uint64(0)
	for p, n := range s.places {
		if n > best || n == best && p < t.Place {
			t.Place, best = p, n
		}
	}
	switch {
	case s.n > 1 && s.pairs > 0:
		t.Agreement = graph.AgreementDisagree
	case s.n > 1:
		t.Agreement = graph.AgreementAgree
	}
	return t
}

// readSum returns the summary of the tally named by parts; nil if it has
// no reports.
func readSum(txn kv, parts []string) (*tallySum, error) {
	raw, ok, err := get(txn, key(pTallyCnt, parts...))
	if err != nil || !ok {
		return nil, err
	}
	return decodeSum(raw)
}

// tallyReports returns every report of the tally whose 'Y' keys start
// with prefix, in time order, without their conflicts.
func tallyReports(ctx context.Context, txn kv, prefix []byte) ([]graph.Report, error) {
	var out []graph.Report
	err := txn.scan(prefix, true, func(k, v []byte) error {
		if len(out)%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		fig, err := lastStr(k)
		if err != nil {
			return err
		}
		r, err := decodeReport(fig, v)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// itemReport decodes the report of a 'Y' item.
func itemReport(item *badger.Item) (graph.Report, error) {
	fig, err := lastStr(item.Key())
	if err != nil {
		return graph.Report{}, err
	}
	var r graph.Report
	err = item.Value(func(v []byte) error {
		r, err = decodeReport(fig, v)
		return err
	})
	return r, err
}

// addTally adds (sign +1) or removes (sign -1) figure f of document doc
// in its tally, and keeps the tally's summary and rank.
func (w *wtx) addTally(doc string, f *graph.Figure, sign int) error {
	if !graph.Tallied(f) {
		return nil
	}
	k := tallyKey(f, doc)
	old, had, err := get(w.txn, k)
	if err != nil {
		return err
	}
	parts := tallyParts(f)
	if had {
		// Removed, or replaced by a report that may differ: take the
		// stored one out of the summary first.
		r, err := decodeReport(f.ID, old)
		if err != nil {
			return err
		}
		if err := w.txn.del(k); err != nil {
			return err
		}
		if err := w.unsumReport(parts, &r); err != nil {
			return err
		}
	}
	if sign < 0 {
		return nil
	}
	r := graph.ReportOf(f, doc)
	if err := w.txn.set(k, encodeReport(&r)); err != nil {
		return err
	}
	return w.sumReport(parts, &r)
}

// tallyRun returns every report of the tally named by parts, in time
// order: the one read of a whole tally that a write may make.
func (w *wtx) tallyRun(parts []string) ([]graph.Report, error) {
	w.db.tallyReads.scans.Add(1)
	return tallyReports(context.Background(), w.txn, key(pTally, parts...))
}

// conflictsIn returns the reportSuffix of each report of rs, other than
// r, that contradicts r, in the order of rs; none for a measure whose
// reports never contradict.
func conflictsIn(measure string, rs []graph.Report, r *graph.Report) [][]byte {
	if !graph.CanContradict(measure) {
		return nil
	}
	var out [][]byte
	for i := range rs {
		if rs[i].Figure != r.Figure && graph.Contradict(&rs[i], r) {
			out = append(out, reportSuffix(&rs[i]))
		}
	}
	return out
}

// sumReport adds report r, already stored, to the summary of its tally.
// It reads the tally's reports only for a measure whose reports can
// contradict each other.
func (w *wtx) sumReport(parts []string, r *graph.Report) error {
	s, err := readSum(w.txn, parts)
	if err != nil {
		return err
	}
	var conf [][]byte
	if graph.CanContradict(parts[0]) {
		rs, err := w.tallyRun(parts)
		if err != nil {
			return err
		}
		conf = conflictsIn(parts[0], rs, r)
	}
	lo, hi := r.Amount()
	n := uint64(0)
	if s == nil {
		s = &tallySum{low: lo, high: hi, latest: *r, conflicts: conf, places: map[string]uint64{}}
	} else {
		n = s.n
		s.low, s.high = math.Min(s.low, lo), math.Max(s.high, hi)
		switch {
		case graph.Later(r, &s.latest):
			s.latest, s.conflicts = *r, conf
		case slices.ContainsFunc(conf, func(c []byte) bool { return bytes.Equal(c, reportSuffix(&s.latest)) }):
			s.conflicts = insertSorted(s.conflicts, reportSuffix(r))
		}
	}
	s.n, s.pairs = n+1, s.pairs+uint64(len(conf))
	if r.Place != "" {
		s.places[r.Place]++
	}
	return w.putSum(parts, n, s)
}

// unsumReport takes report r, already deleted, out of the summary of its
// tally. It reads the tally's other reports at most once: for a measure
// whose reports can contradict (the pairs r was in), and where r was the
// latest or at an end of the range (the new latest, its conflicts and the
// range).
func (w *wtx) unsumReport(parts []string, r *graph.Report) error {
	s, err := readSum(w.txn, parts)
	if err != nil {
		return err
	}
	if s == nil {
		return errCorrupt
	}
	n := s.n
	if s.n--; s.n == 0 {
		return w.putSum(parts, n, nil)
	}
	if r.Place != "" {
		if s.places[r.Place]--; s.places[r.Place] == 0 {
			delete(s.places, r.Place)
		}
	}
	lo, hi := r.Amount()
	edge := r.Figure == s.latest.Figure || lo == s.low || hi == s.high
	if !edge && !graph.CanContradict(parts[0]) {
		return w.putSum(parts, n, s)
	}
	rs, err := w.tallyRun(parts)
	if err != nil {
		return err
	}
	if uint64(len(rs)) != s.n {
		return errCorrupt
	}
	conf := conflictsIn(parts[0], rs, r)
	if uint64(len(conf)) > s.pairs {
		return errCorrupt
	}
	s.pairs -= uint64(len(conf))
	if !edge {
		s.conflicts = slices.DeleteFunc(s.conflicts, func(c []byte) bool { return bytes.Equal(c, reportSuffix(r)) })
		return w.putSum(parts, n, s)
	}
	s.low, s.high, s.latest = math.Inf(1), math.Inf(-1), rs[0]
	for i := range rs {
		lo, hi := rs[i].Amount()
		s.low, s.high = math.Min(s.low, lo), math.Max(s.high, hi)
		if graph.Later(&rs[i], &s.latest) {
			s.latest = rs[i]
		}
	}
	s.conflicts = conflictsIn(parts[0], rs, &s.latest)
	return w.putSum(parts, n, s)
}

// insertSorted inserts b into the sorted list l.
func insertSorted(l [][]byte, b []byte) [][]byte {
	i, found := slices.BinarySearchFunc(l, b, bytes.Compare)
	if found {
		return l
	}
	return slices.Insert(l, i, b)
}

// putSum writes the summary s of the tally named by parts, which had n
// reports, and moves the tally in its measure's ranking; a nil s deletes
// the tally.
func (w *wtx) putSum(parts []string, n uint64, s *tallySum) error {
	if n > 0 {
		if err := w.txn.del(rankKey(parts, n)); err != nil {
			return err
		}
	}
	ck := key(pTallyCnt, parts...)
	if s == nil {
		w.count(cTalliesPre+parts[0], -1)
		return w.txn.del(ck)
	}
	if n == 0 {
		w.count(cTalliesPre+parts[0], 1)
	}
	s.latest.Conflicts = nil
	v := s.encode()
	if err := w.txn.set(ck, v); err != nil {
		return err
	}
	return w.txn.set(rankKey(parts, s.n), v)
}

// tallyPrefix returns the parts of the tally whose 'Y' or 'W' key k is,
// or starts with: its first four strings.
func tallyPrefix(k []byte) ([]string, []byte, error) {
	rest := k[1:]
	parts := make([]string, 4)
	for i := range parts {
		var err error
		if parts[i], rest, err = readStr(rest); err != nil {
			return nil, nil, err
		}
	}
	return parts, k[:len(k)-len(rest)], nil
}

// readTallies reconciles every tally under the 'Y' prefix, with its
// reports; keep, when set, picks the tallies (by their parts) to read.
func readTallies(ctx context.Context, txn *badger.Txn, prefix []byte, keep func(parts []string) bool) ([]*graph.Tally, error) {
	var out []*graph.Tally
	var run []graph.Report
	var runKey []byte // the 'Y' prefix of the run's tally
	var parts []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, graph.Reconcile(strings.Join(parts, "|"), run))
		}
		run = nil
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 256})
	defer it.Close()
	n := 0
	skip := false
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		k := it.Item().Key()
		if !bytes.HasPrefix(k, runKey) || runKey == nil {
			flush()
			var tk []byte
			var err error
			if parts, tk, err = tallyPrefix(k); err != nil {
				return nil, err
			}
			runKey = append(runKey[:0], tk...)
			skip = keep != nil && !keep(parts)
		}
		if skip {
			continue
		}
		r, err := itemReport(it.Item())
		if err != nil {
			return nil, err
		}
		run = append(run, r)
	}
	flush()
	return out, nil
}

// readSums returns the tallies, as their summaries show them, under the
// 'W' prefix; keep, when set, picks them by their parts.
func readSums(ctx context.Context, txn *badger.Txn, prefix []byte, keep func(parts []string) bool) ([]*graph.Tally, error) {
	var out []*graph.Tally
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 256})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if len(out)%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		parts, _, err := tallyPrefix(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if keep != nil && !keep(parts) {
			continue
		}
		var s *tallySum
		if err := it.Item().Value(func(v []byte) error {
			s, err = decodeSum(v)
			return err
		}); err != nil {
			return nil, err
		}
		out = append(out, s.tally(parts))
	}
	return out, nil
}

// entityTallies returns the parts of the tallies that the figures about
// or placed at entity belong to, in key order.
func entityTallies(txn *badger.Txn, entity string) ([][]string, error) {
	seen := map[string]bool{}
	var out [][]string
	for _, ik := range scanKeys(tx(txn), key(pFigByEnt, entity)) {
		id, err := lastStr(ik)
		if err != nil {
			return nil, err
		}
		r, err := figures.get(tx(txn), id)
		if err != nil {
			return nil, err
		}
		if r == nil || !graph.Tallied(&r.Fact) {
			continue
		}
		parts := tallyParts(&r.Fact)
		if k := string(key(pTally, parts...)); !seen[k] {
			seen[k] = true
			out = append(out, parts)
		}
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(key(pTally, out[i]...), key(pTally, out[j]...)) < 0 })
	return out, nil
}

// findTallies returns the tallies matching f, unpaged, in key order, as
// their summaries show them: without their reports.
func findTallies(ctx context.Context, txn *badger.Txn, f graph.TallyFilter) ([]*graph.Tally, error) {
	if err := checkMeasure(ctx, txn, f.Measure); err != nil {
		return nil, err
	}
	if err := resolveAll(txn, &f.About, &f.Place, &f.Entity); err != nil {
		return nil, err
	}
	keep := func(parts []string) bool { return f.About == "" || parts[1] == f.About }
	var ts []*graph.Tally
	switch {
	case f.Entity != "":
		ps, err := entityTallies(txn, f.Entity)
		if err != nil {
			return nil, err
		}
		for _, parts := range ps {
			if f.Measure != "" && parts[0] != f.Measure || !keep(parts) {
				continue
			}
			s, err := readSum(tx(txn), parts)
			if err != nil {
				return nil, err
			}
			if s == nil {
				return nil, errCorrupt
			}
			ts = append(ts, s.tally(parts))
		}
	default:
		var parts []string
		if f.Measure != "" {
			parts = append(parts, f.Measure)
			if f.About != "" {
				parts = append(parts, f.About)
			}
		}
		var err error
		if ts, err = readSums(ctx, txn, key(pTallyCnt, parts...), keep); err != nil {
			return nil, err
		}
	}
	out := ts[:0]
	undated := f
	undated.Since, undated.Until = "", ""
	for _, t := range ts {
		if !undated.Match(t) {
			continue
		}
		if f.Since != "" || f.Until != "" {
			// The dates need the reports: the tally passes when one
			// of them does.
			rs, err := tallyReports(ctx, tx(txn), key(pTally, strings.SplitN(t.ID, "|", 4)...))
			if err != nil {
				return nil, err
			}
			if !f.Match(&graph.Tally{ID: t.ID, Measure: t.Measure, About: t.About, Place: t.Place, Reports: rs}) {
				continue
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// tallyCursor is the sort key of a tally in a listing: the most reported
// first, then by ID.
func tallyCursor(t *graph.Tally) []byte {
	b := binary.BigEndian.AppendUint32([]byte{pTally}, math.MaxUint32-uint32(t.Count))
	return append(b, t.ID...)
}

// Tallies returns a page of the tallies matching f, the most reported
// first, then by ID, as their summaries show them: TallyReports pages
// their reports. EINVALID for an unknown measure, as Figures.
func (db *DB) Tallies(ctx context.Context, f graph.TallyFilter) (graph.List[*graph.Tally], error) {
	var out graph.List[*graph.Tally]
	after, err := decodeCursor(f.After)
	if err != nil {
		return out, err
	}
	err = db.view(ctx, func(txn *badger.Txn) error {
		if f.Measure != "" && f.About == "" && f.Place == "" && f.Entity == "" && f.Since == "" && f.Until == "" {
			if err := checkMeasure(ctx, txn, f.Measure); err != nil {
				return err
			}
			out, err = rankedTallies(txn, f.Measure, after, f.Limit(defaultPage))
			return err
		}
		ts, err := findTallies(ctx, txn, f)
		if err != nil {
			return err
		}
		cursors := make([][]byte, len(ts))
		for i, t := range ts {
			cursors[i] = tallyCursor(t)
		}
		idx := make([]int, len(ts))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return bytes.Compare(cursors[idx[i]], cursors[idx[j]]) < 0 })
		out.TotalCount = len(ts)
		limit := f.Limit(defaultPage)
		for _, i := range idx {
			if after != nil && bytes.Compare(cursors[i], after) <= 0 {
				continue
			}
			if len(out.Items) == limit {
				out.HasNextPage = true
				break
			}
			out.Items = append(out.Items, ts[i])
			out.Cursors = append(out.Cursors, encodeCursor(cursors[i]))
		}
		return nil
	})
	return out, err
}

// TallyReports returns a page of the reports of the tally with ID id
// (graph.TallyKey), in time order, each with the reports it contradicts.
// A measure whose reports can contradict each other reads every report of
// the tally to find them; money and percentages read only the page.
// ENOTFOUND for a tally with no reports.
func (db *DB) TallyReports(ctx context.Context, id string, pg graph.Page) (graph.List[*graph.Report], error) {
	ls, err := db.TallyReportPages(ctx, []string{id}, pg)
	if err != nil {
		return graph.List[*graph.Report]{}, err
	}
	if ls[0].TotalCount == 0 {
		return ls[0], graph.Errorf(graph.ENOTFOUND, "tally %q not found", id)
	}
	return ls[0], nil
}

// TallyReportPages returns the page pg of the reports of each tally of
// ids, as TallyReports does, in one transaction with one iterator for
// all of them: what a listing of tallies with their first reports reads.
// A tally with no reports gives an empty page.
func (db *DB) TallyReportPages(ctx context.Context, ids []string, pg graph.Page) ([]graph.List[*graph.Report], error) {
	out := make([]graph.List[*graph.Report], len(ids))
	after, err := decodeCursor(pg.After)
	if err != nil {
		return nil, err
	}
	limit := pg.Limit(100)
	err = db.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pTally}, PrefetchValues: true, PrefetchSize: min(limit+1, 100)})
		defer it.Close()
		for i, id := range ids {
			parts := strings.SplitN(id, "|", 4)
			if len(parts) != 4 {
				return graph.Errorf(graph.EINVALID, "tally ID %q is not measure|about|counted|currency", id)
			}
			if err := tallyReportPage(ctx, txn, it, parts, after, limit, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// tallyReportPage fills out with the page of the reports of the tally
// named by parts after the report whose reportSuffix is after, reading
// them with it (an iterator over the tally keyspace) unless the measure's
// reports can contradict, which needs all of them.
func tallyReportPage(ctx context.Context, txn *badger.Txn, it *badger.Iterator, parts []string, after []byte, limit int, out *graph.List[*graph.Report]) error {
	s, err := readSum(tx(txn), parts)
	if err != nil || s == nil {
		return err
	}
	out.TotalCount = int(s.n)
	add := func(r graph.Report) bool {
		if len(out.Items) == limit {
			out.HasNextPage = true
			return false
		}
		out.Items = append(out.Items, &r)
		out.Cursors = append(out.Cursors, encodeCursor(reportSuffix(&r)))
		return true
	}
	prefix := key(pTally, parts...)
	if graph.CanContradict(parts[0]) {
		rs, err := tallyReports(ctx, tx(txn), prefix)
		if err != nil {
			return err
		}
		for _, r := range graph.Reconcile(strings.Join(parts, "|"), rs).Reports {
			if (after == nil || bytes.Compare(reportSuffix(&r), after) > 0) && !add(r) {
				break
			}
		}
		return nil
	}
	for it.Seek(append(slices.Clone(prefix), after...)); it.ValidForPrefix(prefix); it.Next() {
		if after != nil && bytes.Equal(it.Item().Key()[len(prefix):], after) {
			continue
		}
		r, err := itemReport(it.Item())
		if err != nil {
			return err
		}
		if !add(r) {
			break
		}
	}
	return nil
}

// FigureTotals sums the tallies of each measure, place and currency,
// optionally of one measure and one place, by the tally rules: the latest
// report of each toll counts once (never the sum of its reports), money
// only within a currency, percentages never (Sum is nil). Count is the
// number of reports, Min and Max their smallest and largest amounts.
// Forecasts, additions and figures about nothing are not tallied and not
// totalled. EINVALID for an unknown measure, as Figures. It reads each
// tally's summary, and the keys (not the values) of its reports for
// their documents.
func (db *DB) FigureTotals(ctx context.Context, measure, place string) ([]*graph.FigureTotal, error) {
	out := []*graph.FigureTotal{}
	err := db.view(ctx, func(txn *badger.Txn) error {
		ts, err := findTallies(ctx, txn, graph.TallyFilter{Measure: measure, Place: place})
		if err != nil {
			return err
		}
		// Each tally's documents, as their encoded key strings: the
		// report keys of a tally are one run, read without their
		// values: one forward scan that seeks past the runs of the
		// tallies not found (findTallies lists them in key order).
		docs := make(map[string]map[string]bool, len(ts))
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pTally}})
		defer it.Close()
		it.Rewind()
		n := 0
		for _, t := range ts {
			run := key(pTally, strings.SplitN(t.ID, "|", 4)...)
			cur := map[string]bool{}
			docs[t.ID] = cur
			if !it.ValidForPrefix(run) {
				it.Seek(run) // not where the last run ended
			}
			for ; it.ValidForPrefix(run); it.Next() {
				if n++; n%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				k := it.Item().Key()
				rest, ok := skipStr(k[len(run):]) // the report's asOf
				if !ok {
					return errCorrupt
				}
				after, ok := skipStr(rest)
				if !ok {
					return errCorrupt
				}
				cur[string(rest[:len(rest)-len(after)])] = true // the document, with its terminator
			}
		}
		db.tallyReads.keys.Add(int64(n))
		docsOf := func(t *graph.Tally) []string { return slices.Collect(maps.Keys(docs[t.ID])) }
		for _, t := range graph.TotalTallies(ts, docsOf) {
			if place == "" || t.Place == place {
				out = append(out, t)
			}
		}
		return nil
	})
	return out, err
}

// rankedTallies returns the page of measure's tallies after cursor after
// (a 'w' key), the most reported first: a seek in the ranking and a scan
// of the page's keys, whose values are the tallies' summaries; the count
// of the measure's tallies is its counter.
func rankedTallies(txn *badger.Txn, measure string, after []byte, limit int) (graph.List[*graph.Tally], error) {
	var out graph.List[*graph.Tally]
	prefix := key(pTallyRank, measure)
	if after != nil && !bytes.HasPrefix(after, prefix) {
		return out, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	n, err := getCounter(tx(txn), cTalliesPre+measure)
	if err != nil {
		return out, err
	}
	out.TotalCount = int(n)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: min(limit+1, 100)})
	defer it.Close()
	if after != nil {
		it.Seek(after)
	} else {
		it.Rewind()
	}
	for ; it.Valid(); it.Next() {
		k := it.Item().Key()
		if after != nil && bytes.Equal(k, after) {
			continue
		}
		if len(out.Items) == limit {
			out.HasNextPage = true
			break
		}
		parts, err := parseRankKey(k)
		if err != nil {
			return out, err
		}
		var s *tallySum
		if err := it.Item().Value(func(v []byte) error {
			s, err = decodeSum(v)
			return err
		}); err != nil {
			return out, err
		}
		out.Items = append(out.Items, s.tally(parts))
		out.Cursors = append(out.Cursors, encodeCursor(it.Item().KeyCopy(nil)))
	}
	return out, nil
}
