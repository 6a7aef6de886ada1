package store

import (
	"context"
	"encoding/binary"
	"math"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Figure totals are kept up to date in the transactions that add, remove
// and re-point figures, so FigureTotals reads one key per (measure, place)
// group instead of every figure:
//
//	'T' str(measure) str(place)                → totalRec
//	'U' str(measure) str(place) f64 str(figure) → ∅   the group's values, ascending
//	'u' str(measure) str(place) str(doc)        → uvarint figures doc has in the group
//
// Count and Documents are exact counts. Min and Max are exact after a
// removal too: when the removed value was the minimum or maximum, the new
// one is the first or last key of the group's value index. Sum is updated
// by adding and subtracting, so after removals of non-integer values it can
// differ in its last bits from the sum a fresh store would compute.

// totalRec is the value of a 'T' key.
type totalRec struct {
	Count, Docs int
	Sum         float64
	Min, Max    float64
}

func (r *totalRec) encode() []byte {
	e := encoder{make([]byte, 0, 32)}
	e.uint(uint64(r.Count))
	e.uint(uint64(r.Docs))
	e.float(r.Sum)
	e.float(r.Min)
	e.float(r.Max)
	return e.b
}

func decodeTotal(b []byte) (totalRec, error) {
	d := decoder{b: b}
	r := totalRec{Count: int(d.uint()), Docs: int(d.uint()), Sum: d.float(), Min: d.float(), Max: d.float()}
	return r, d.err
}

// appendF64 appends v so that byte order is numeric order: the sign bit
// flipped for positive numbers, every bit for negative ones.
func appendF64(b []byte, v float64) []byte {
	u := math.Float64bits(v)
	if u>>63 == 1 {
		u = ^u
	} else {
		u |= 1 << 63
	}
	return binary.BigEndian.AppendUint64(b, u)
}

// readF64 is the inverse of appendF64.
func readF64(b []byte) float64 {
	u := binary.BigEndian.Uint64(b)
	if u>>63 == 1 {
		u &^= 1 << 63
	} else {
		u = ^u
	}
	return math.Float64frombits(u)
}

func totalKey(measure, place string) []byte { return key(pTotal, measure, place) }

func valueKey(measure, place string, v float64, fig string) []byte {
	return appendStr(appendF64(key(pTotalVal, measure, place), v), fig)
}

// addTotal adds (sign +1) or removes (sign -1) figure f of document doc
// to the totals of its group. Figures without a value are not totalled.
func (w *wtx) addTotal(doc string, f *graph.Figure, sign int) error {
	if f.Value == nil {
		return nil
	}
	v := *f.Value
	tk := totalKey(f.Measure, f.Place)
	var t totalRec
	raw, ok, err := get(w.txn, tk)
	if err != nil {
		return err
	}
	if ok {
		if t, err = decodeTotal(raw); err != nil {
			return err
		}
	} else if sign < 0 {
		return nil
	}
	dk := key(pTotalDoc, f.Measure, f.Place, doc)
	n := uint64(0)
	if raw, ok, err := get(w.txn, dk); err != nil {
		return err
	} else if ok {
		if n, _ = binary.Uvarint(raw); n == 0 {
			return errCorrupt
		}
	}
	vk := valueKey(f.Measure, f.Place, v, f.ID)
	if sign > 0 {
		if t.Count == 0 {
			t.Min, t.Max = v, v
		}
		t.Count++
		t.Sum += v
		t.Min, t.Max = math.Min(t.Min, v), math.Max(t.Max, v)
		if n == 0 {
			t.Docs++
		}
		n++
		if err := w.txn.Set(vk, nil); err != nil {
			return err
		}
	} else {
		if n == 0 {
			return nil // not totalled (a store restored before totals)
		}
		t.Count--
		t.Sum -= v
		if n--; n == 0 {
			t.Docs--
		}
		if err := w.txn.Delete(vk); err != nil {
			return err
		}
		if t.Count <= 0 {
			if err := w.txn.Delete(dk); err != nil {
				return err
			}
			return w.txn.Delete(tk)
		}
		if v == t.Min || v == t.Max {
			if t.Min, t.Max, err = valueRange(w.txn, f.Measure, f.Place); err != nil {
				return err
			}
		}
	}
	if n == 0 {
		err = w.txn.Delete(dk)
	} else {
		err = w.txn.Set(dk, binary.AppendUvarint(nil, n))
	}
	if err != nil {
		return err
	}
	return w.txn.Set(tk, t.encode())
}

// valueRange returns the smallest and largest value in a group's value
// index: its first and last key.
func valueRange(txn *badger.Txn, measure, place string) (lo, hi float64, err error) {
	prefix := key(pTotalVal, measure, place)
	for _, reverse := range []bool{false, true} {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: reverse})
		if reverse {
			it.Seek(prefixEnd(prefix))
		} else {
			it.Rewind()
		}
		if !it.Valid() {
			it.Close()
			return 0, 0, errCorrupt
		}
		k := it.Item().Key()
		if len(k) < len(prefix)+8 {
			it.Close()
			return 0, 0, errCorrupt
		}
		v := readF64(k[len(prefix):])
		it.Close()
		if reverse {
			hi = v
		} else {
			lo = v
		}
	}
	return lo, hi, nil
}

// FigureTotals groups the figures that have a value by measure and place,
// optionally of one measure and one place; ordered by measure, then place.
// It reads the maintained totals: one key per group. EINVALID for an
// unknown measure, as Figures.
func (db *DB) FigureTotals(ctx context.Context, measure, place string) ([]*graph.FigureTotal, error) {
	out := []*graph.FigureTotal{}
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := checkMeasure(ctx, txn, measure); err != nil {
			return err
		}
		if err := resolveAll(txn, &place); err != nil {
			return err
		}
		build := func(m, p string, raw []byte) error {
			t, err := decodeTotal(raw)
			if err != nil {
				return err
			}
			out = append(out, &graph.FigureTotal{Measure: m, Place: p, Count: t.Count, Sum: t.Sum, Min: t.Min, Max: t.Max, Documents: t.Docs})
			return nil
		}
		if measure != "" && place != "" {
			raw, ok, err := get(txn, totalKey(measure, place))
			if err != nil || !ok {
				return err
			}
			return build(measure, place, raw)
		}
		prefix := []byte{pTotal}
		if measure != "" {
			prefix = key(pTotal, measure)
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 256})
		defer it.Close()
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			parts, err := parseKey(it.Item().Key(), pTotal, 2)
			if err != nil {
				return err
			}
			if place != "" && parts[1] != place {
				continue
			}
			if err := it.Item().Value(func(v []byte) error { return build(parts[0], parts[1], v) }); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
