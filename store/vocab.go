package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// The vocabulary in use, and the checks that turn a filter on a term the
// graph does not know into an EINVALID error naming the valid ones, rather
// than an empty answer that looks like "none".
//
// Predicates, measures and kinds are counted from index keys alone: every
// relation has one outward edge 'o' str(subject) str(pred) str(object),
// every figure one 'g' str(measure) key and every event one 'k' str(kind)
// key, so a key-only scan of the three keyspaces counts them without
// reading a value. Entity types come from the counters. A check costs a
// point seek for a measure or kind; a predicate outside the vocabulary
// (graph.KnownPredicate) costs the scan of the edges, which only a
// restored or imported store's own predicates, or a typo, pay.

var _ graph.VocabularyService = (*DB)(nil)

// Vocabulary returns the predicates, measures, event kinds and entity
// types in use, with their counts.
func (db *DB) Vocabulary(ctx context.Context) (graph.Vocabulary, error) {
	var v graph.Vocabulary
	err := db.view(ctx, func(txn *badger.Txn) error {
		var err error
		if v.Predicates, err = countTerms(ctx, txn, pOut, 1); err != nil {
			return err
		}
		if v.Measures, err = countTerms(ctx, txn, pFigByMeas, 0); err != nil {
			return err
		}
		if v.EventKinds, err = countTerms(ctx, txn, pEvByKind, 0); err != nil {
			return err
		}
		cs, err := getCounters(tx(txn))
		if err != nil {
			return err
		}
		v.EntityTypes = []graph.TermCount{}
		for _, t := range graph.EntityTypes {
			if n := cs[cTypePre+string(t)]; n > 0 {
				v.EntityTypes = append(v.EntityTypes, graph.TermCount{Term: string(t), Count: int(n)})
			}
		}
		graph.SortTerms(v.EntityTypes)
		return nil
	})
	return v, err
}

// countTerms counts the keys of keyspace ks by their string at position
// at (0 for the first string after the keyspace byte), reading keys only.
func countTerms(ctx context.Context, txn *badger.Txn, ks byte, at int) ([]graph.TermCount, error) {
	counts := map[string]*int{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{ks}})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		rest := it.Item().Key()[1:]
		for i := 0; i < at; i++ {
			var ok bool
			if rest, ok = skipStr(rest); !ok {
				return nil, errCorrupt
			}
		}
		end, ok := skipStr(rest)
		if !ok {
			return nil, errCorrupt
		}
		raw := rest[:len(rest)-len(end)-1]
		if c := counts[string(raw)]; c != nil { // no allocation for a known term
			*c++
			continue
		}
		term, _, err := readStr(rest)
		if err != nil {
			return nil, err
		}
		one := 1
		counts[term] = &one
	}
	out := make([]graph.TermCount, 0, len(counts))
	for t, c := range counts {
		out = append(out, graph.TermCount{Term: t, Count: *c})
	}
	graph.SortTerms(out)
	return out, nil
}

// checkPredicates returns EINVALID for the first predicate of ps that is
// neither in the vocabulary nor used by a relation.
func checkPredicates(ctx context.Context, txn *badger.Txn, ps []string) error {
	var unknown []string
	for _, p := range ps {
		if !graph.KnownPredicate(p) {
			unknown = append(unknown, p)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	used, err := countTerms(ctx, txn, pOut, 1)
	if err != nil {
		return err
	}
	inUse := graph.Terms(used)
	for _, p := range unknown {
		if i := sort.SearchStrings(inUse, p); i < len(inUse) && inUse[i] == p {
			continue
		}
		fixed := make([]string, len(graph.FixedPredicates))
		for i, d := range graph.FixedPredicates {
			fixed[i] = d.Name
		}
		var others []string
		for _, u := range inUse {
			if _, ok := graph.LookupPredicate(u); !ok {
				others = append(others, u)
			}
		}
		msg := fmt.Sprintf("unknown predicate %q: valid predicates are %s, and positions written like president_of or ambassador_to",
			p, strings.Join(fixed, ", "))
		if len(others) > 0 {
			msg += "; this graph also uses " + strings.Join(others, ", ")
		}
		return graph.Errorf(graph.EINVALID, "%s", msg)
	}
	return nil
}

// checkMeasure returns EINVALID unless m is "", one of graph.Measures or
// the measure of a stored figure.
func checkMeasure(ctx context.Context, txn *badger.Txn, m string) error {
	if m == "" || graph.KnownMeasure(m) {
		return nil
	}
	if hasPrefix(txn, key(pFigByMeas, m)) {
		return nil
	}
	valid := append([]string(nil), graph.Measures...)
	used, err := countTerms(ctx, txn, pFigByMeas, 0)
	if err != nil {
		return err
	}
	for _, u := range graph.Terms(used) {
		if !graph.KnownMeasure(u) {
			valid = append(valid, u)
		}
	}
	return graph.Errorf(graph.EINVALID, "unknown measure %q: valid measures are %s", m, strings.Join(valid, ", "))
}

// checkKind returns EINVALID unless k is "" or the kind of a stored event.
// Kinds are the extractor's words (meeting, attack, …) and have no fixed
// list: the valid ones are those in use.
func checkKind(ctx context.Context, txn *badger.Txn, k string) error {
	if k == "" {
		return nil
	}
	if hasPrefix(txn, key(pEvByKind, k)) {
		return nil
	}
	used, err := countTerms(ctx, txn, pEvByKind, 0)
	if err != nil {
		return err
	}
	if len(used) == 0 {
		return graph.Errorf(graph.EINVALID, "unknown event kind %q: the graph has no events", k)
	}
	return graph.Errorf(graph.EINVALID, "unknown event kind %q: valid kinds are %s", k, strings.Join(graph.Terms(used), ", "))
}

// hasPrefix reports whether any key starts with p.
func hasPrefix(txn *badger.Txn, p []byte) bool {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
	defer it.Close()
	it.Rewind()
	return it.Valid()
}
