package store

import (
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// listFacts lists the facts of one kind through an index (prefix: the
// index keys, whose last string is the fact ID) or the primary keyspace
// (prefix nil), keeping those keep accepts (given the fact and its
// document).
func listFacts[T any](ctx context.Context, txn *badger.Txn, k *factKind[T], prefix []byte, keep func(doc string, f *T) (bool, error), total int, p graph.Page) (graph.List[*T], error) {
	load := func(key []byte, v []byte) (*factRec[T], error) {
		if prefix != nil {
			id, err := lastStr(key)
			if err != nil {
				return nil, err
			}
			r, err := k.get(tx(txn), id)
			if err != nil || r == nil {
				return nil, errCorrupt
			}
			return r, nil
		}
		return decodeFact[T](v)
	}
	s := scan[*T]{total: total, build: func(key, v []byte) (*T, error) {
		r, err := load(key, v)
		if err != nil {
			return nil, err
		}
		return &r.Fact, nil
	}}
	if prefix == nil {
		s.prefixes = [][]byte{{k.prefix}}
	} else {
		s.prefixes = [][]byte{prefix}
	}
	if keep != nil {
		s.total = -1
		s.needsValue = prefix == nil
		s.match = func(key, v []byte) (bool, error) {
			r, err := load(key, v)
			if err != nil {
				return false, err
			}
			return keep(r.Doc, &r.Fact)
		}
	}
	return s.run(ctx, txn, p)
}

// dated returns a keep function for listFacts that accepts the facts keep
// accepts (all if keep is nil) whose document was published within r,
// reading each document's date once; nil if it would accept every fact.
func dated[T any](txn *badger.Txn, r graph.DateRange, keep func(*T) bool) func(doc string, f *T) (bool, error) {
	if r.IsZero() {
		if keep == nil {
			return nil
		}
		return func(_ string, f *T) (bool, error) { return keep(f), nil }
	}
	in := inRange(txn, r)
	return func(doc string, f *T) (bool, error) {
		if keep != nil && !keep(f) {
			return false, nil
		}
		return in(doc)
	}
}

// resolveAll resolves the non-empty IDs pointed to through merges.
func resolveAll(txn *badger.Txn, ids ...*string) error {
	for _, p := range ids {
		if *p == "" {
			continue
		}
		r, err := resolveID(tx(txn), *p)
		if err != nil {
			return err
		}
		*p = r
	}
	return nil
}

// Figures returns a page of figures matching f, ordered by ID within the
// index used. EINVALID for a measure that is neither one of graph.Measures
// nor used by a stored figure.
func (db *DB) Figures(ctx context.Context, f graph.FigureFilter) (graph.List[*graph.Figure], error) {
	var out graph.List[*graph.Figure]
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := f.DateRange.Validate(); err != nil {
			return err
		}
		if err := checkMeasure(ctx, txn, f.Measure); err != nil {
			return err
		}
		if err := resolveAll(txn, &f.About, &f.Place, &f.Entity); err != nil {
			return err
		}
		keep := func(x *graph.Figure) bool {
			return (f.Measure == "" || x.Measure == f.Measure) &&
				(f.About == "" || x.About == f.About) &&
				(f.Place == "" || x.Place == f.Place) &&
				(f.Entity == "" || x.About == f.Entity || x.Place == f.Entity)
		}
		var prefix []byte
		total := -1
		switch {
		case f.Entity != "":
			prefix = key(pFigByEnt, f.Entity)
		case f.About != "":
			prefix = key(pFigByEnt, f.About)
		case f.Place != "":
			prefix = key(pFigByEnt, f.Place)
		case f.Measure != "":
			prefix = key(pFigByMeas, f.Measure)
		case !f.DateRange.IsZero():
			var err error
			out, err = listFactsInRange(ctx, txn, &figures, f.DateRange, f.Page)
			return err
		default:
			n, err := getCounter(tx(txn), cFigures)
			if err != nil {
				return err
			}
			total, keep = int(n), nil
		}
		var err error
		out, err = listFacts(ctx, txn, &figures, prefix, dated(txn, f.DateRange, keep), total, f.Page)
		return err
	})
	return out, err
}

// Events returns a page of events matching f. EINVALID for a kind that no
// stored event has.
func (db *DB) Events(ctx context.Context, f graph.EventFilter) (graph.List[*graph.EventFact], error) {
	var out graph.List[*graph.EventFact]
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := f.DateRange.Validate(); err != nil {
			return err
		}
		if err := checkKind(ctx, txn, f.Kind); err != nil {
			return err
		}
		if err := resolveAll(txn, &f.Participant, &f.Place); err != nil {
			return err
		}
		keep := func(e *graph.EventFact) bool {
			return (f.Kind == "" || e.Kind == f.Kind) &&
				(f.Place == "" || e.Place == f.Place) &&
				(f.Participant == "" || slices.Contains(e.Participants, f.Participant))
		}
		var prefix []byte
		total := -1
		switch {
		case f.Participant != "":
			prefix = key(pEvByEnt, f.Participant)
		case f.Place != "":
			prefix = key(pEvByEnt, f.Place)
		case f.Kind != "":
			prefix = key(pEvByKind, f.Kind)
		case !f.DateRange.IsZero():
			var err error
			out, err = listFactsInRange(ctx, txn, &events, f.DateRange, f.Page)
			return err
		default:
			n, err := getCounter(tx(txn), cEvents)
			if err != nil {
				return err
			}
			total, keep = int(n), nil
		}
		var err error
		out, err = listFacts(ctx, txn, &events, prefix, dated(txn, f.DateRange, keep), total, f.Page)
		return err
	})
	return out, err
}

// Quotes returns a page of quotes, of one speaker if f.Speaker is set.
func (db *DB) Quotes(ctx context.Context, f graph.QuoteFilter) (graph.List[*graph.Quote], error) {
	var out graph.List[*graph.Quote]
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := f.DateRange.Validate(); err != nil {
			return err
		}
		if err := resolveAll(txn, &f.Speaker); err != nil {
			return err
		}
		var prefix []byte
		total := -1
		switch {
		case f.Speaker != "":
			prefix = key(pQuoteBySp, f.Speaker)
		case !f.DateRange.IsZero():
			var err error
			out, err = listFactsInRange(ctx, txn, &quotes, f.DateRange, f.Page)
			return err
		default:
			n, err := getCounter(tx(txn), cQuotes)
			if err != nil {
				return err
			}
			total = int(n)
		}
		var err error
		out, err = listFacts(ctx, txn, &quotes, prefix, dated[graph.Quote](txn, f.DateRange, nil), total, f.Page)
		return err
	})
	return out, err
}
