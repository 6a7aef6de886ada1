package store

import (
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Degrees: each entity's number of relations by predicate and orientation,
// so that a page of an entity's relations knows its total count without
// scanning every edge of a well-connected entity.
//
// They are kept in the entity's record ('e'), which a document that gives
// an entity relations rewrites anyway: no key or read of their own. Writes
// accumulate deltas per entity in the transaction (wtx.degrees) and fold
// them into the records after each document and at commit.

// degree counts one predicate's edges of an entity.
type degree struct {
	Pred string
	// Out and In count outward and inward edges; OutSym and InSym those
	// of them that are symmetric.
	Out, In, OutSym, InSym int
}

func (d *degree) add(o degree, sign int) {
	d.Out += sign * o.Out
	d.In += sign * o.In
	d.OutSym += sign * o.OutSym
	d.InSym += sign * o.InSym
}

func (d degree) zero() bool { return d.Out == 0 && d.In == 0 && d.OutSym == 0 && d.InSym == 0 }

// count is the number of relations listed in direction dir: symmetric
// relations count in both directions.
func (d degree) count(dir graph.Direction) int {
	switch dir {
	case graph.Out:
		return d.Out + d.InSym
	case graph.In:
		return d.In + d.OutSym
	}
	return d.Out + d.In
}

func putDegrees(e *encoder, ds []degree) {
	e.uint(uint64(len(ds)))
	for _, d := range ds {
		e.str(d.Pred)
		e.uint(uint64(d.Out))
		e.uint(uint64(d.In))
		e.uint(uint64(d.OutSym))
		e.uint(uint64(d.InSym))
	}
}

func getDegrees(d *decoder) []degree {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	var ds []degree
	for i := uint64(0); i < n && d.err == nil; i++ {
		ds = append(ds, degree{Pred: d.str(), Out: int(d.uint()), In: int(d.uint()), OutSym: int(d.uint()), InSym: int(d.uint())})
	}
	return ds
}

// relationCount is the number of relations of entity id in direction dir,
// of predicate pred ("" for any).
func relationCount(txn *badger.Txn, id string, dir graph.Direction, pred string) (int, error) {
	rec, err := getEntity(tx(txn), id)
	if err != nil || rec == nil {
		return 0, err
	}
	n := 0
	for _, d := range rec.Degrees {
		if pred == "" || d.Pred == pred {
			n += d.count(dir)
		}
	}
	return n, err
}

// degreeDelta records that relation r, symmetric or not, was added (sign
// +1) or removed (sign -1).
func (w *wtx) degreeDelta(r *relRec, sym bool, sign int) {
	if w.degrees == nil {
		w.degrees = map[string]map[string]*degree{}
	}
	add := func(id string, d degree) {
		m := w.degrees[id]
		if m == nil {
			m = map[string]*degree{}
			w.degrees[id] = m
		}
		cur := m[r.Predicate]
		if cur == nil {
			cur = &degree{Pred: r.Predicate}
			m[r.Predicate] = cur
		}
		cur.add(d, sign)
	}
	s := 0
	if sym {
		s = 1
	}
	add(r.Subject, degree{Out: 1, OutSym: s})
	add(r.Object, degree{In: 1, InSym: s})
}

// flushDegrees folds the transaction's degree deltas into the entity
// records. An entity deleted in the meantime keeps no degrees.
func (w *wtx) flushDegrees() error {
	ids := make([]string, 0, len(w.degrees))
	for id := range w.degrees {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) > 0 && w.deadDegs == nil {
		w.deadDegs = map[string][]degree{}
	}
	for _, id := range ids {
		old, err := w.entity(id)
		if err != nil {
			return err
		}
		// A deleted entity's relations may still be removed after it (a
		// retraction handles entities first), and it may come back in
		// the same document: start from the degrees it was deleted with.
		base, dead := w.deadDegs[id]
		if !dead && old != nil {
			base = old.Degrees
		}
		ds := append([]degree(nil), base...)
		for _, d := range w.degrees[id] {
			if d.zero() {
				continue
			}
			i := sort.Search(len(ds), func(i int) bool { return ds[i].Pred >= d.Pred })
			if i == len(ds) || ds[i].Pred != d.Pred {
				ds = append(ds, degree{})
				copy(ds[i+1:], ds[i:])
				ds[i] = degree{Pred: d.Pred}
			}
			ds[i].add(*d, 1)
			if ds[i].Out < 0 || ds[i].In < 0 || ds[i].OutSym < 0 || ds[i].InSym < 0 {
				return errCorrupt
			}
			if ds[i].zero() {
				ds = append(ds[:i], ds[i+1:]...)
			}
		}
		if old == nil {
			w.deadDegs[id] = ds
			continue
		}
		delete(w.deadDegs, id)
		rec := *old
		rec.Degrees = ds
		if err := w.putEntity(id, old, &rec, true); err != nil {
			return err
		}
	}
	w.degrees = nil
	return nil
}
