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
//
// They are kept only for entities with at least tieDegree edges: most
// entities have a few, which a read ranks in memory for less than the
// writes would cost (keeping them for every entity cost an ingest 1.4
// times the CPU). The write that brings an entity to tieDegree edges
// builds its keys from its edges, and the one that takes it below deletes
// them; readers tell which way to read from the entity's degrees, and
// both ways give the same order and cursors.

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

// tieDegree is the number of edges from which an entity's ties are kept
// in order. At 64, 308 of the 49,167 entities of the Reuters + BBC store
// have them, holding 23% of its edge ends (BENCHMARKS.md). A
// variable for the tests only: a store's keys follow the value it was
// written with.
var tieDegree = 64

// keepsTies says whether an entity with n edges ('o' and 'i' keys) has
// ordered ties.
func keepsTies(n int) bool { return n >= tieDegree }

// edgeCount is the number of edges of entity rec, from its degrees.
func edgeCount(ds []degree) int {
	n := 0
	for _, d := range ds {
		n += d.Out + d.In
	}
	return n
}

// edgeEnds is the number of edges of entity id as the transaction stands:
// its record's degrees (or those it was deleted with, as flushDegrees
// takes them) and the deltas not yet folded in.
func (w *wtx) edgeEnds(id string) (int, error) {
	base, dead := w.deadDegs[id]
	if !dead {
		rec, err := w.entity(id)
		if err != nil {
			return 0, err
		}
		if rec != nil {
			base = rec.Degrees
		}
	}
	n := edgeCount(base)
	for _, d := range w.degrees[id] {
		n += d.Out + d.In
	}
	return n, nil
}

// rankTies keeps the ordered indexes of both ends of a relation in step
// with its change from prev to next: nil prev for a new relation, nil next
// for a deleted one. edge is next's edge value. The edges and degree
// deltas of the change are already written.
func (w *wtx) rankTies(prev, next *relRec, edge []byte) error {
	r := next
	if r == nil {
		r = prev
	}
	same := prev != nil && next != nil && prev.Weight == next.Weight && prev.Confidence == next.Confidence
	delta := 0 // the change in each end's edge count
	switch {
	case prev == nil:
		delta = 1
	case next == nil:
		delta = -1
	}
	if r.Subject == r.Object {
		delta *= 2
	}
	ends := [2]struct {
		kind        byte
		self, other string
	}{{pOut, r.Subject, r.Object}, {pIn, r.Object, r.Subject}}
	for i, end := range ends {
		n, err := w.edgeEnds(end.self)
		if err != nil {
			return err
		}
		was, is := keepsTies(n-delta), keepsTies(n)
		if !was || !is {
			if was == is || i == 1 && r.Subject == r.Object {
				continue // none kept, or built or dropped at the first end
			}
			if is {
				err = w.buildTies(end.self)
			} else {
				err = w.dropTies(end.self)
			}
			if err != nil {
				return err
			}
			continue
		}
		ek := key(end.kind, end.self, r.Predicate, end.other)
		if prev != nil && !same {
			if err := w.txn.del(rankEdgeKey(end.self, prev.Weight, prev.Confidence, ek)); err != nil {
				return err
			}
		}
		if next != nil {
			// Written even when the strength is the same: the value
			// says whether the relation is symmetric, which may change.
			if err := w.txn.set(rankEdgeKey(end.self, next.Weight, next.Confidence, ek), edge); err != nil {
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

// buildTies writes entity id's ordered keys from its edges, once: when
// it reaches tieDegree edges.
func (w *wtx) buildTies(id string) error {
	ties, err := edgeTies(w.txn, id)
	if err != nil {
		return err
	}
	for other, t := range ties {
		for _, x := range t {
			ek := key(x.Kind, id, x.Pred, other)
			v, ok, err := get(w.txn, ek)
			if err != nil {
				return err
			}
			if !ok {
				return errCorrupt
			}
			if err := w.txn.set(rankEdgeKey(id, x.Weight, x.Confidence, ek), v); err != nil {
				return err
			}
		}
		if err := w.txn.set(key(pTie, id, other), t.encode()); err != nil {
			return err
		}
		wt, c := t.strength()
		if err := w.txn.set(rankTieKey(id, other, wt, c), nil); err != nil {
			return err
		}
	}
	return nil
}

// dropTies deletes entity id's ordered keys: it has fallen below
// tieDegree edges.
func (w *wtx) dropTies(id string) error {
	for _, p := range []byte{pRankEdge, pTie, pRankTie} {
		for _, k := range scanKeys(w.txn, key(p, id)) {
			if err := w.txn.del(k); err != nil {
				return err
			}
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
		if err := w.txn.del(rankTieKey(self, other, oldW, oldC)); err != nil {
			return err
		}
	}
	if len(t) == 0 {
		return w.txn.del(tk)
	}
	if err := w.txn.set(tk, t.encode()); err != nil {
		return err
	}
	if moved {
		return w.txn.set(rankTieKey(self, other, newW, newC), nil)
	}
	return nil
}

// readRanked says whether a page of limit of entity id's relations in
// direction dir, of the predicates preds (nil: any), is read from the 'r'
// keys rather than ranked in memory, and how many relations the list has
// in all. Only an entity that keeps ordered ties (keepsTies) has 'r'
// keys. Reading in order finds the page after about limit×all/matched
// keys, where matched of all the entity's relations are listed; ranking
// in memory reads the matched ones' edges, all of them.
func readRanked(txn *badger.Txn, id string, dir graph.Direction, preds []string, limit int) (bool, int, error) {
	rec, err := getEntity(tx(txn), id)
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
	return keepsTies(all) && (preds == nil || limit*all <= matched*matched), matched, nil
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
		r, err := getRel(tx(txn), e.Relation)
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
// reads every edge; an entity without ordered ties has no 'b' record, and
// its few edges are walked instead.
func eachTie(txn *badger.Txn, id string, f graph.PathFilter, fn func(other string, kind byte, pred string) error) error {
	prefix := key(pTie, id)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	found := false
	for it.Rewind(); it.Valid(); it.Next() {
		found = true
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
			kind, pred = t.follow(f)
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
	if found {
		return nil
	}
	it.Close()
	ties, err := edgeTies(tx(txn), id)
	if err != nil {
		return err
	}
	others := make([]string, 0, len(ties))
	for other := range ties {
		others = append(others, other)
	}
	sort.Strings(others) // the order of the 'b' keys
	for _, other := range others {
		if kind, pred := ties[other].follow(f); kind != 0 {
			if err := fn(other, kind, pred); err != nil {
				return err
			}
		}
	}
	return nil
}

// follow returns the kind and predicate of the entry that a path under f
// takes: the first one f follows, of its predicates in f's order; kind 0
// if f follows none.
func (t tieRec) follow(f graph.PathFilter) (kind byte, pred string) {
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
	return kind, pred
}

// edgeTies reads entity id's edges into the tie records its 'b' keys
// would hold, by neighbour.
func edgeTies(txn kv, id string) (map[string]tieRec, error) {
	ties := map[string]tieRec{}
	for _, kind := range []byte{pIn, pOut} {
		prefix := key(kind, id)
		err := eachEdgeValue(txn, prefix, func(k, v []byte) error {
			e, err := decodeEdge(v)
			if err != nil {
				return err
			}
			pred, rest, err := readStr(k[len(prefix):])
			if err != nil {
				return err
			}
			other, rest, err := readStr(rest)
			if err != nil || len(rest) != 0 {
				return errCorrupt
			}
			ties[other] = ties[other].set(kind, pred, &tieEntry{Kind: kind, Pred: pred, Weight: e.Weight, Confidence: e.Confidence})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ties, nil
}

// eachNeighbor calls fn with entity id, of record rec, neighbours,
// strongest first (by summed weight, then highest confidence, then ID),
// until fn returns false: from the 'B' keys if the entity keeps them, else
// by ranking its edges in memory.
func eachNeighbor(ctx context.Context, txn *badger.Txn, id string, rec *entityRec, fn func(other string) (bool, error)) error {
	if keepsTies(edgeCount(rec.Degrees)) {
		return strongestNeighbors(ctx, txn, id, fn)
	}
	weights, err := edgeWeights(ctx, txn, id)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(weights))
	for n := range weights {
		ids = append(ids, n)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := weights[ids[i]], weights[ids[j]]
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		if a.confidence != b.confidence {
			return a.confidence > b.confidence
		}
		return ids[i] < ids[j]
	})
	for _, n := range ids {
		if more, err := fn(n); err != nil || !more {
			return err
		}
	}
	return nil
}

// tie is the strength of an entity's ties to one neighbour: the summed
// weight of their relations and the highest confidence among them.
type tie struct {
	weight     int
	confidence float64
}

// edgeWeights sums the weights of entity id's edges by the entity at their
// other end. It reads keys and the weight and confidence in each edge
// value, allocating one string per neighbour.
func edgeWeights(ctx context.Context, txn *badger.Txn, id string) (map[string]*tie, error) {
	weights := map[string]*tie{}
	n := 0
	for _, p := range []byte{pIn, pOut} {
		prefix := key(p, id)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					it.Close()
					return nil, err
				}
			}
			if n > maxNeighborEdges {
				it.Close()
				return nil, graph.Errorf(graph.ELIMIT, "entity %q has more than %d relations to rank", id, maxNeighborEdges)
			}
			item := it.Item()
			// The key is prefix, the predicate, then the other entity.
			rest, ok := skipStr(item.Key()[len(prefix):])
			if !ok {
				it.Close()
				return nil, errCorrupt
			}
			var w int
			var conf float64
			err := item.Value(func(v []byte) error {
				var hasConf bool
				var err error
				if w, _, conf, hasConf, err = edgeStrength(v); err != nil || hasConf {
					return err
				}
				// Written before edges kept the confidence.
				e, err := decodeEdge(v)
				if err != nil {
					return err
				}
				r, err := getRel(tx(txn), e.Relation)
				if err == nil && r == nil {
					err = errCorrupt
				}
				if err == nil {
					conf = r.Confidence
				}
				return err
			})
			if err != nil {
				it.Close()
				return nil, err
			}
			if end, ok := skipStr(rest); !ok || len(end) != 0 {
				it.Close()
				return nil, errCorrupt
			}
			t := weights[string(rest[:len(rest)-1])] // no allocation to look up
			if t == nil || bytes.IndexByte(rest, 0) != len(rest)-1 {
				other, _, err := readStr(rest) // decodes an escaped zero byte
				if err != nil {
					it.Close()
					return nil, err
				}
				if t = weights[other]; t == nil {
					t = &tie{}
					weights[other] = t
				}
			}
			t.weight += w
			t.confidence = max(t.confidence, conf)
		}
		it.Close()
	}
	return weights, nil
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
