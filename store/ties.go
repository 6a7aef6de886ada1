package store

import (
	"bytes"
	"context"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Ties: each entity's edges and neighbours kept strongest first, so that
// a page of an entity's relations and its strongest neighbours read as
// many keys as they return, whatever the entity's degree.
//
// The edge indexes ('o', 'i') are ordered by predicate and other entity,
// which suits a walk (Path) and a lookup of one relation but not a ranking:
// ranking them costs a read of every edge, and the most connected
// entities of a 200,000-document store have tens of thousands. So every
// write of a relation also writes, for each of its two ends, an 'r' key
// that orders the entity's edges by the relation's weight and confidence,
// and keeps a 'b' record per pair of related entities listing their
// relations' weights, from which a 'B' key orders the entity's neighbours
// by summed weight and highest confidence (what Neighbors ranks by). A
// change of weight deletes the old ordered keys and writes new ones: two
// more reads (the 'b' records) and up to eight more writes per relation
// written, in return for reads that stop after a page.
//
// Both are written by putRel and deleteRel, through which every change of
// a relation goes (ingest, retraction, merges, restore), so they cannot
// drift from the edges; recount in the tests checks them against the
// edges after every kind of write.

// tieRec is the value of a 'b' key: the relations between an entity and
// one neighbour, one entry per edge of the entity's, sorted by kind and
// predicate.
type tieRec []tieEntry

// tieEntry is one edge between an entity and a neighbour: its kind (pOut
// or pIn, seen from the entity), predicate, weight and confidence.
type tieEntry struct {
	Kind       byte
	Pred       string
	Weight     int
	Confidence float64
}

func (t tieRec) encode() []byte {
	e := encoder{make([]byte, 0, 24*len(t))}
	e.uint(uint64(len(t)))
	for _, x := range t {
		e.b = append(e.b, x.Kind)
		e.str(x.Pred)
		e.uint(uint64(x.Weight))
		e.float(x.Confidence)
	}
	return e.b
}

func decodeTie(b []byte) (tieRec, error) {
	d := decoder{b: b}
	n := d.uint()
	if n > uint64(len(d.b)) {
		return nil, errCorrupt
	}
	t := make(tieRec, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		if len(d.b) == 0 {
			return nil, errCorrupt
		}
		kind := d.b[0]
		d.b = d.b[1:]
		t = append(t, tieEntry{Kind: kind, Pred: d.str(), Weight: int(d.uint()), Confidence: d.float()})
	}
	return t, d.err
}

// strength is what Neighbors ranks a neighbour by: the summed weight of
// the relations and the highest confidence among them.
func (t tieRec) strength() (weight int, confidence float64) {
	for _, x := range t {
		weight += x.Weight
		confidence = max(confidence, x.Confidence)
	}
	return weight, confidence
}

// set replaces the entry of (kind, pred) with x, or removes it if x is
// nil, keeping the order.
func (t tieRec) set(kind byte, pred string, x *tieEntry) tieRec {
	i := sort.Search(len(t), func(i int) bool {
		return t[i].Kind > kind || t[i].Kind == kind && t[i].Pred >= pred
	})
	found := i < len(t) && t[i].Kind == kind && t[i].Pred == pred
	switch {
	case x == nil && found:
		return append(t[:i], t[i+1:]...)
	case x == nil:
		return t
	case found:
		t[i] = *x
		return t
	}
	t = append(t, tieEntry{})
	copy(t[i+1:], t[i:])
	t[i] = *x
	return t
}

// rankTies keeps the ordered indexes of both ends of a relation in step
// with its change from prev to next: nil prev for a new relation, nil next
// for a deleted one. edge is next's edge value.
func (w *wtx) rankTies(prev, next *relRec, edge []byte) error {
	r := next
	if r == nil {
		r = prev
	}
	same := prev != nil && next != nil && prev.Weight == next.Weight && prev.Confidence == next.Confidence
	ends := [2]struct {
		kind        byte
		self, other string
	}{{pOut, r.Subject, r.Object}, {pIn, r.Object, r.Subject}}
	for _, end := range ends {
		ek := key(end.kind, end.self, r.Predicate, end.other)
		if prev != nil && !same {
			if err := w.txn.Delete(rankEdgeKey(end.self, prev.Weight, prev.Confidence, ek)); err != nil {
				return err
			}
		}
		if next != nil {
			// Written even when the strength is the same: the value
			// says whether the relation is symmetric, which may change.
			if err := w.txn.Set(rankEdgeKey(end.self, next.Weight, next.Confidence, ek), edge); err != nil {
				return err
			}
		}
		if same {
			continue
		}
		var x *tieEntry
		if next != nil {
			x = &tieEntry{Kind: end.kind, Pred: r.Predicate, Weight: next.Weight, Confidence: next.Confidence}
		}
		if err := w.setTie(end.self, end.other, end.kind, r.Predicate, x); err != nil {
			return err
		}
	}
	return nil
}

// setTie sets the entry (kind, pred) of self's tie to other to x (nil:
// removes it) and moves the tie's 'B' key if its strength changed.
func (w *wtx) setTie(self, other string, kind byte, pred string, x *tieEntry) error {
	tk := key(pTie, self, other)
	v, ok, err := get(w.txn, tk)
	if err != nil {
		return err
	}
	var t tieRec
	if ok {
		if t, err = decodeTie(v); err != nil {
			return err
		}
	}
	oldW, oldC := t.strength()
	t = t.set(kind, pred, x)
	newW, newC := t.strength()
	moved := !ok || len(t) == 0 || oldW != newW || oldC != newC
	if ok && moved {
		if err := w.txn.Delete(rankTieKey(self, other, oldW, oldC)); err != nil {
			return err
		}
	}
	if len(t) == 0 {
		return w.txn.Delete(tk)
	}
	if err := w.txn.Set(tk, t.encode()); err != nil {
		return err
	}
	if moved {
		return w.txn.Set(rankTieKey(self, other, newW, newC), nil)
	}
	return nil
}

// readRanked says whether a page of limit of entity id's relations in
// direction dir, of the predicates preds (nil: any), is read from the 'r'
// keys rather than ranked in memory, and how many relations the list has
// in all. Reading in order finds the page after about limit×all/matched
// keys, where matched of all the entity's relations are listed; ranking
// in memory reads the matched ones' edges, all of them.
func readRanked(txn *badger.Txn, id string, dir graph.Direction, preds []string, limit int) (bool, int, error) {
	rec, err := getEntity(txn, id)
	if err != nil || rec == nil {
		return true, 0, err
	}
	all, matched := 0, 0
	for _, d := range rec.Degrees {
		all += d.count(graph.Both)
		if preds == nil || slices.Contains(preds, d.Pred) {
			matched += d.count(dir)
		}
	}
	return preds == nil || limit*all <= matched*matched, matched, nil
}

// rankedRelations returns a page of entity id's relations in direction
// dir, of the predicates preds (nil: any), strongest first, reading the
// 'r' keys from the page's start until the page is full. total is the
// length of the whole list, which the caller knows from the degrees. The
// cursors are the same strength keys relationsOf's in-memory ranking
// gives, so a page of one continues with the other.
func rankedRelations(ctx context.Context, txn *badger.Txn, id string, dir graph.Direction, preds []string, p graph.Page, total int) (graph.List[*graph.Relation], error) {
	after, err := decodeCursor(p.After)
	if err != nil {
		return graph.List[*graph.Relation]{}, err
	}
	if after != nil && !isStrengthKey(after) {
		return graph.List[*graph.Relation]{}, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", p.After)
	}
	var encPreds [][]byte
	for _, pred := range preds {
		encPreds = append(encPreds, appendStr(nil, pred))
	}
	limit := p.Limit(defaultPage)
	prefix := key(pRankEdge, id)
	base := len(key(pOut, id)) // where the predicate starts in an edge key
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	out := graph.List[*graph.Relation]{TotalCount: total}
	seek := prefix
	if after != nil {
		seek = append(append([]byte(nil), prefix...), after...)
	}
	n := 0
	for it.Seek(seek); it.Valid(); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return graph.List[*graph.Relation]{}, err
			}
		}
		item := it.Item()
		sk := item.Key()[len(prefix):]
		if after != nil && bytes.Equal(sk, after) {
			continue
		}
		if !isStrengthKey(sk) || len(sk) < strengthPrefix+base {
			return graph.List[*graph.Relation]{}, errCorrupt
		}
		ek := sk[strengthPrefix:]
		if encPreds != nil && !hasAnyPrefix(ek[base:], encPreds) {
			continue
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		e, err := decodeEdge(v)
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		if dir == graph.Out && ek[0] != pOut && !e.Symmetric || dir == graph.In && ek[0] != pIn && !e.Symmetric {
			continue
		}
		if len(out.Items) == limit {
			out.HasNextPage = true
			break
		}
		r, err := getRel(txn, e.Relation)
		if err != nil || r == nil {
			return graph.List[*graph.Relation]{}, errCorrupt
		}
		rel, err := renderRel(txn, e.Relation, r)
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		out.Items = append(out.Items, rel)
		out.Cursors = append(out.Cursors, encodeCursor(sk))
	}
	return out, nil
}

// eachTie calls fn for every neighbour of entity id that a relation f
// follows links it to, in ID order, with the edge of id's that a walk of
// the edge indexes would meet first: inward before outward, then by
// predicate, in f.Predicates' order where it lists them. It reads one 'b'
// record per neighbour, where a walk of the edges opens two iterators and
// reads every edge.
func eachTie(txn *badger.Txn, id string, f graph.PathFilter, fn func(other string, kind byte, pred string) error) error {
	prefix := key(pTie, id)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		other, rest, err := readStr(item.Key()[len(prefix):])
		if err != nil || len(rest) != 0 {
			return errCorrupt
		}
		var kind byte
		var pred string
		err = item.Value(func(v []byte) error {
			t, err := decodeTie(v)
			if err != nil {
				return err
			}
			best := -1
			for _, x := range t {
				if !f.Follows(x.Pred) {
					continue
				}
				rank := 0
				if f.Predicates != nil {
					rank = slices.Index(f.Predicates, x.Pred)
				}
				if x.Kind == pOut {
					rank += len(f.Predicates) + 1
				}
				if best < 0 || rank < best {
					best, kind, pred = rank, x.Kind, x.Pred
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if kind == 0 {
			continue
		}
		if err := fn(other, kind, pred); err != nil {
			return err
		}
	}
	return nil
}

// strongestNeighbors calls fn with entity id's neighbours, strongest
// first, until fn returns false. It reads one 'B' key per neighbour.
func strongestNeighbors(ctx context.Context, txn *badger.Txn, id string, fn func(other string) (bool, error)) error {
	prefix := key(pRankTie, id)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		k := it.Item().Key()
		if len(k) < len(prefix)+strengthPrefix {
			return errCorrupt
		}
		other, rest, err := readStr(k[len(prefix)+strengthPrefix:])
		if err != nil || len(rest) != 0 {
			return errCorrupt
		}
		if more, err := fn(other); err != nil || !more {
			return err
		}
	}
	return nil
}
