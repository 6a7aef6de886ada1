package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Tallies are kept by the transactions that add, remove and re-point
// figures: every figure that joins a tally (graph.Tallied) has one key in
// the tally keyspace, grouped by what makes a toll one toll, with its
// report as the value:
//
//	'Y' str(measure) str(subject) str(group) str(currency) str(figure) → reportRec
//	'W' str(measure) str(subject) str(group) str(currency)              → uvarint   the tally's reports
//	'w' str(measure) u32(MaxInt32-reports) str(subject) str(group) str(currency) → ∅   tallies of a measure, most reported first
//
// subject is the figure's About, else its Place; group its
// graph.CountedGroup. A tally is the run of keys that share everything but
// the figure, so a measure's tallies are one prefix scan that reads no
// figure record, and graph.Reconcile turns each run into a Tally when it
// is read. FigureTotals sums those tallies by the same rules: the latest
// report of each toll once, money per currency, percentages never.
//
// 'W' and 'w' rank a measure's tallies by their number of reports, so that
// a page of a measure's tallies, the most reported first, reconciles only
// the tallies on the page rather than every tally of the measure (money
// has thousands of reports on a Reuters and BBC store). Other filters
// (place, dates, entity) reconcile every tally they scan.

// tallyParts returns what names figure f's tally in keys: measure,
// subject, group and currency.
func tallyParts(f *graph.Figure) []string {
	return []string{f.Measure, graph.TallySubject(f), graph.CountedGroup(f.Counted), f.Currency}
}

// tallyKey returns the 'Y' key of figure f.
func tallyKey(f *graph.Figure) []byte {
	return key(pTally, append(tallyParts(f), f.ID)...)
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
	e.str(r.Document)
	putOptFloat(&e, r.Value)
	putOptFloat(&e, r.Low)
	putOptFloat(&e, r.High)
	for _, s := range []string{r.Qualifier, r.Source, r.AsOf, r.Kind, r.Place} {
		e.str(s)
	}
	return e.b
}

func decodeReport(fig string, b []byte) (graph.Report, error) {
	d := newDecoder(b)
	r := graph.Report{Figure: fig, Document: d.str()}
	r.Value, r.Low, r.High = getOptFloat(&d), getOptFloat(&d), getOptFloat(&d)
	r.Qualifier, r.Source, r.AsOf, r.Kind, r.Place = d.str(), d.str(), d.str(), d.str(), d.str()
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return r, d.err
}

// addTally adds (sign +1) or removes (sign -1) figure f of document doc
// in its tally.
func (w *wtx) addTally(doc string, f *graph.Figure, sign int) error {
	if !graph.Tallied(f) {
		return nil
	}
	k := tallyKey(f)
	had, err := has(w.txn, k)
	if err != nil {
		return err
	}
	if sign < 0 {
		if !had {
			return nil
		}
		if err := w.txn.Delete(k); err != nil {
			return err
		}
		return w.rankTally(tallyParts(f), -1)
	}
	r := graph.ReportOf(f, doc)
	if err := w.txn.Set(k, encodeReport(&r)); err != nil || had {
		return err
	}
	return w.rankTally(tallyParts(f), +1)
}

// rankTally adds delta to the number of reports of the tally named by
// parts, and moves it in the measure's ranking.
func (w *wtx) rankTally(parts []string, delta int) error {
	ck := key(pTallyCnt, parts...)
	raw, ok, err := get(w.txn, ck)
	if err != nil {
		return err
	}
	n := uint64(0)
	if ok {
		if n, _ = binary.Uvarint(raw); n == 0 {
			return errCorrupt
		}
		if err := w.txn.Delete(rankKey(parts, n)); err != nil {
			return err
		}
	}
	if delta < 0 && n == 0 {
		return errCorrupt
	}
	n = uint64(int64(n) + int64(delta))
	if n == 0 {
		return w.txn.Delete(ck)
	}
	if err := w.txn.Set(ck, binary.AppendUvarint(nil, n)); err != nil {
		return err
	}
	return w.txn.Set(rankKey(parts, n), nil)
}

// readTallies reconciles the tallies under prefix; keep, when set, picks
// the tally keys (measure, subject, group, currency) to read.
func readTallies(ctx context.Context, txn *badger.Txn, prefix []byte, keep func(parts []string) bool) ([]*graph.Tally, error) {
	var out []*graph.Tally
	var run []graph.Report
	var runKey []byte // the key of the run's tally: everything but the figure
	var parts []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, graph.Reconcile(strings.Join(parts[:4], "|"), run))
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
		item := it.Item()
		k := item.Key()
		fig, err := lastStr(k)
		if err != nil {
			return nil, err
		}
		// The tally key is the key without its last string.
		tk := k[:len(k)-len(appendStr(nil, fig))]
		if !bytes.Equal(tk, runKey) {
			flush()
			runKey = append(runKey[:0], tk...)
			if parts, err = parseKey(append(slices.Clone(tk), 0), pTally, 5); err != nil {
				return nil, err
			}
			skip = keep != nil && !keep(parts)
		}
		if skip {
			continue
		}
		var r graph.Report
		if err := item.Value(func(v []byte) error {
			r, err = decodeReport(fig, v)
			return err
		}); err != nil {
			return nil, err
		}
		run = append(run, r)
	}
	flush()
	return out, nil
}

// entityTallyPrefixes returns the 'Y' prefixes of the tallies that the
// figures about or placed at entity belong to.
func entityTallyPrefixes(txn *badger.Txn, entity string) ([][]byte, error) {
	seen := map[string]bool{}
	var out [][]byte
	for _, ik := range scanKeys(txn, key(pFigByEnt, entity)) {
		id, err := lastStr(ik)
		if err != nil {
			return nil, err
		}
		r, err := figures.get(txn, id)
		if err != nil {
			return nil, err
		}
		if r == nil || !graph.Tallied(&r.Fact) {
			continue
		}
		k := tallyKey(&r.Fact)
		p := k[:len(k)-len(appendStr(nil, r.Fact.ID))]
		if !seen[string(p)] {
			seen[string(p)] = true
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i], out[j]) < 0 })
	return out, nil
}

// findTallies returns the tallies matching f, unpaged, in key order.
func findTallies(ctx context.Context, txn *badger.Txn, f graph.TallyFilter) ([]*graph.Tally, error) {
	if err := checkMeasure(ctx, txn, f.Measure); err != nil {
		return nil, err
	}
	if err := resolveAll(txn, &f.About, &f.Place, &f.Entity); err != nil {
		return nil, err
	}
	keep := func(parts []string) bool { return f.About == "" || parts[1] == f.About }
	var prefixes [][]byte
	switch {
	case f.Entity != "":
		ps, err := entityTallyPrefixes(txn, f.Entity)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if f.Measure == "" || bytes.HasPrefix(p, key(pTally, f.Measure)) {
				prefixes = append(prefixes, p)
			}
		}
	case f.Measure != "" && f.About != "":
		prefixes = [][]byte{key(pTally, f.Measure, f.About)}
	case f.Measure != "":
		prefixes = [][]byte{key(pTally, f.Measure)}
	default:
		prefixes = [][]byte{{pTally}}
	}
	var out []*graph.Tally
	for _, p := range prefixes {
		ts, err := readTallies(ctx, txn, p, keep)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if f.Match(t) {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// tallyCursor is the sort key of a tally in a listing: the most reported
// first, then by ID.
func tallyCursor(t *graph.Tally) []byte {
	b := binary.BigEndian.AppendUint32([]byte{pTally}, math.MaxUint32-uint32(len(t.Reports)))
	return append(b, t.ID...)
}

// Tallies returns a page of the tallies matching f, the most reported
// first, then by ID. EINVALID for an unknown measure, as Figures.
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
			out, err = rankedTallies(ctx, txn, f.Measure, after, f.Limit(defaultPage))
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

// FigureTotals sums the tallies of each measure, place and currency,
// optionally of one measure and one place, by the tally rules: the latest
// report of each toll counts once (never the sum of its reports), money
// only within a currency, percentages never (Sum is nil). Count is the
// number of reports, Min and Max their smallest and largest amounts.
// Forecasts, additions and figures about nothing are not tallied and not
// totalled. EINVALID for an unknown measure, as Figures.
func (db *DB) FigureTotals(ctx context.Context, measure, place string) ([]*graph.FigureTotal, error) {
	out := []*graph.FigureTotal{}
	err := db.view(ctx, func(txn *badger.Txn) error {
		ts, err := findTallies(ctx, txn, graph.TallyFilter{Measure: measure, Place: place})
		if err != nil {
			return err
		}
		for _, t := range graph.TotalTallies(ts) {
			if place == "" || t.Place == place {
				out = append(out, t)
			}
		}
		return nil
	})
	return out, err
}

// rankedTallies returns the page of measure's tallies after cursor after
// (a 'w' key), the most reported first: it reads the ranking's keys and
// reconciles only the tallies on the page.
func rankedTallies(ctx context.Context, txn *badger.Txn, measure string, after []byte, limit int) (graph.List[*graph.Tally], error) {
	var out graph.List[*graph.Tally]
	prefix := key(pTallyRank, measure)
	if after != nil && !bytes.HasPrefix(after, prefix) {
		return out, graph.Errorf(graph.EINVALID, "cursor does not belong to this list")
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		out.TotalCount++
		k := it.Item().Key()
		if after != nil && bytes.Compare(k, after) <= 0 {
			continue
		}
		if len(out.Items) == limit {
			out.HasNextPage = true
			continue
		}
		parts, err := parseRankKey(k)
		if err != nil {
			return out, err
		}
		ts, err := readTallies(ctx, txn, key(pTally, parts...), nil)
		if err != nil {
			return out, err
		}
		if len(ts) != 1 {
			return out, errCorrupt
		}
		out.Items = append(out.Items, ts[0])
		out.Cursors = append(out.Cursors, encodeCursor(it.Item().KeyCopy(nil)))
	}
	return out, nil
}
