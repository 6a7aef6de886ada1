package store

import (
	"github.com/factgraph/factgraph/graph"
)

// factKind describes how one kind of per-document fact (figure, event,
// quote) is stored and indexed, so that writing, retracting and re-pointing
// after a merge share one implementation.
type factKind[T any] struct {
	prefix   byte // primary keyspace
	byEntity byte // index keyspace by referenced entity
	contrib  byte // contribution kind under 'x'
	counter  string
	id       func(*T) string
	setID    func(*T, string)
	refs     func(*T) []string             // referenced entity IDs
	others   func(*T) [][]byte             // index keys not by entity
	rewrite  func(f *T, from, into string) // re-point references after a merge
	// total, if set, adds (sign +1) or removes (sign -1) a stored fact in
	// aggregates kept alongside it (figure tallies).
	total func(w *wtx, doc string, f *T, sign int) error
}

var figures = factKind[graph.Figure]{
	prefix: pFigure, byEntity: pFigByEnt, contrib: kFigure, counter: cFigures,
	id:    func(f *graph.Figure) string { return f.ID },
	setID: func(f *graph.Figure, id string) { f.ID = id },
	refs:  func(f *graph.Figure) []string { return []string{f.About, f.Place, f.Source} },
	others: func(f *graph.Figure) [][]byte {
		return [][]byte{key(pFigByMeas, f.Measure, f.ID)}
	},
	rewrite: func(f *graph.Figure, from, into string) {
		f.About, f.Place, f.Source = swap(f.About, from, into), swap(f.Place, from, into), swap(f.Source, from, into)
	},
	total: func(w *wtx, doc string, f *graph.Figure, sign int) error { return w.addTally(doc, f, sign) },
}

var events = factKind[graph.EventFact]{
	prefix: pEvent, byEntity: pEvByEnt, contrib: kEvent, counter: cEvents,
	id:    func(e *graph.EventFact) string { return e.ID },
	setID: func(e *graph.EventFact, id string) { e.ID = id },
	refs: func(e *graph.EventFact) []string {
		return append([]string{e.Place, e.Entity}, e.Participants...)
	},
	others: func(e *graph.EventFact) [][]byte {
		return [][]byte{key(pEvByKind, e.Kind, e.ID)}
	},
	rewrite: func(e *graph.EventFact, from, into string) {
		e.Place, e.Entity = swap(e.Place, from, into), swap(e.Entity, from, into)
		var ps []string
		seen := map[string]bool{}
		for _, p := range e.Participants {
			p = swap(p, from, into)
			if !seen[p] {
				seen[p] = true
				ps = append(ps, p)
			}
		}
		e.Participants = ps
	},
}

var quotes = factKind[graph.Quote]{
	prefix: pQuote, byEntity: pQuoteBySp, contrib: kQuote, counter: cQuotes,
	id:      func(q *graph.Quote) string { return q.ID },
	setID:   func(q *graph.Quote, id string) { q.ID = id },
	refs:    func(q *graph.Quote) []string { return []string{q.Speaker} },
	others:  func(q *graph.Quote) [][]byte { return nil },
	rewrite: func(q *graph.Quote, from, into string) { q.Speaker = swap(q.Speaker, from, into) },
}

func swap(s, from, into string) string {
	if s == from {
		return into
	}
	return s
}

// indexKeys returns every index key of f.
func (k *factKind[T]) indexKeys(f *T) [][]byte {
	keys := k.others(f)
	seen := map[string]bool{}
	for _, r := range k.refs(f) {
		if r != "" && !seen[r] {
			seen[r] = true
			keys = append(keys, key(k.byEntity, r, k.id(f)))
		}
	}
	return keys
}

func (k *factKind[T]) get(txn kv, id string) (*factRec[T], error) {
	v, ok, err := get(txn, key(k.prefix, id))
	if !ok || err != nil {
		return nil, err
	}
	return decodeFact[T](v)
}

// put stores document doc's fact f with its indexes; fresh counts it and
// records it as doc's contribution.
func (k *factKind[T]) put(w *wtx, doc string, f *T, fresh bool) error {
	v, err := encodeFact(doc, f)
	if err != nil {
		return err
	}
	if err := w.txn.set(key(k.prefix, k.id(f)), v); err != nil {
		return err
	}
	for _, ik := range k.indexKeys(f) {
		if err := w.txn.set(ik, nil); err != nil {
			return err
		}
	}
	if k.total != nil {
		if err := k.total(w, doc, f, +1); err != nil {
			return err
		}
	}
	if !fresh {
		return nil
	}
	w.count(k.counter, 1)
	return w.contribEdit(doc, k.contrib, k.id(f), true)
}

// freeID returns f's ID if no other fact holds it, else one qualified by
// the document.
func (k *factKind[T]) freeID(w *wtx, doc string, f *T) (string, error) {
	id := k.id(f)
	for _, cand := range []string{id, id + "@" + doc} {
		taken, err := has(w.txn, key(k.prefix, cand))
		if err != nil {
			return "", err
		}
		if !taken {
			return cand, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "document %q: duplicate fact id %q", doc, id)
}

// remove deletes fact id, its indexes and its contribution record.
func (k *factKind[T]) remove(w *wtx, id string) error {
	r, err := k.get(w.txn, id)
	if err != nil || r == nil {
		return err
	}
	if k.total != nil {
		if err := k.total(w, r.Doc, &r.Fact, -1); err != nil {
			return err
		}
	}
	keys := append(k.indexKeys(&r.Fact), key(k.prefix, id))
	for _, dk := range keys {
		if err := w.txn.del(dk); err != nil {
			return err
		}
	}
	if err := w.contribEdit(r.Doc, k.contrib, id, false); err != nil {
		return err
	}
	w.count(k.counter, -1)
	return nil
}

// repoint rewrites the facts that refer to entity from to refer to into.
func (k *factKind[T]) repoint(w *wtx, from, into string) error {
	for _, ik := range scanKeys(w.txn, key(k.byEntity, from)) {
		id, err := lastStr(ik)
		if err != nil {
			return err
		}
		r, err := k.get(w.txn, id)
		if err != nil {
			return err
		}
		if r == nil {
			continue
		}
		for _, dk := range k.indexKeys(&r.Fact) {
			if err := w.txn.del(dk); err != nil {
				return err
			}
		}
		if k.total != nil {
			if err := k.total(w, r.Doc, &r.Fact, -1); err != nil {
				return err
			}
		}
		k.rewrite(&r.Fact, from, into)
		if err := k.put(w, r.Doc, &r.Fact, false); err != nil {
			return err
		}
	}
	return nil
}
