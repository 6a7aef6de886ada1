package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Path search bounds.
const (
	defaultHops = 4
	maxHops     = 8
	maxVisited  = 200000
)

// Relations returns a page of relations matching f. Relations of one
// entity are listed through the edge indexes, strongest first (by weight,
// then confidence): symmetric relations count as both outward and inward.
// The listing of every relation, or of every relation of some predicates,
// is by relation ID. With a date range, only what the documents published
// within it state (relation_range.go). Entity IDs in f follow merges.
// EINVALID for a predicate outside the vocabulary that no relation uses or
// a bad date range.
func (db *DB) Relations(ctx context.Context, f graph.RelationFilter) (graph.List[*graph.Relation], error) {
	var out graph.List[*graph.Relation]
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := f.DateRange.Validate(); err != nil {
			return err
		}
		if err := checkPredicates(ctx, txn, f.Predicates); err != nil {
			return err
		}
		var err error
		for _, p := range []*string{&f.Entity, &f.Subject, &f.Object} {
			if *p != "" {
				if *p, err = resolveID(tx(txn), *p); err != nil {
					return err
				}
			}
		}
		switch {
		case !f.DateRange.IsZero():
			out, err = relationsInRange(ctx, txn, f)
		case f.Entity != "":
			out, err = relationsOf(ctx, txn, f.Entity, f.Direction, f.Predicates, "", f.Page)
		case f.Subject != "":
			out, err = relationsOf(ctx, txn, f.Subject, graph.Out, f.Predicates, f.Object, f.Page)
		case f.Object != "":
			out, err = relationsOf(ctx, txn, f.Object, graph.In, f.Predicates, "", f.Page)
		default:
			s := scan[*graph.Relation]{
				prefixes: [][]byte{{pRel}},
				build: func(k, v []byte) (*graph.Relation, error) {
					id, err := lastStr(k)
					if err != nil {
						return nil, err
					}
					r, err := decodeRel(v)
					if err != nil {
						return nil, err
					}
					return renderRel(txn, id, r)
				},
				total: -1,
			}
			if f.Predicates != nil {
				s.needsValue = true
				s.match = func(_, v []byte) (bool, error) {
					r, err := decodeRel(v)
					return err == nil && slices.Contains(f.Predicates, r.Predicate), err
				}
			} else {
				n, err := getCounter(tx(txn), cRelations)
				if err != nil {
					return err
				}
				s.total = int(n)
			}
			out, err = s.run(ctx, txn, f.Page)
		}
		return err
	})
	return out, err
}

// relationsOf lists the relations of entity id in direction dir, of the
// predicates preds (nil for any), with an optional entity at the other
// end, strongest first.
//
// Most pages are read in order from the entity's 'r' keys (ties.go): as
// many keys as the page holds, plus those of other predicates or the
// other direction skipped on the way. Where that would skip many (a rare
// predicate of a well-connected entity: the degrees say how rare) or an
// other end is given, the page is chosen in memory instead: every edge of
// those predicates is read from the edge indexes (its key and its value,
// about 40 bytes that the LSM tree holds inline), ranked by strengthKey,
// and only the page's strongest are kept (topKeys) and loaded. Both give
// the same order and the same cursors.
func relationsOf(ctx context.Context, txn *badger.Txn, id string, dir graph.Direction, preds []string, other string, p graph.Page) (graph.List[*graph.Relation], error) {
	if other == "" {
		ranked, total, err := readRanked(txn, id, dir, preds, p.Limit(defaultPage))
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		if ranked {
			return rankedRelations(ctx, txn, id, dir, preds, p, total)
		}
	}
	return rankRelations(ctx, txn, id, dir, preds, other, p)
}

// rankRelations is relationsOf's ranking in memory.
func rankRelations(ctx context.Context, txn *badger.Txn, id string, dir graph.Direction, preds []string, other string, p graph.Page) (graph.List[*graph.Relation], error) {
	top, err := newTopKeys(p, isStrengthKey)
	if err != nil {
		return graph.List[*graph.Relation]{}, err
	}
	var buf []byte
	err = eachEdgeOf(ctx, txn, id, dir, preds, other, func(k, v []byte, w int, conf float64, hasConf bool) error {
		if !hasConf {
			e, err := decodeEdge(v)
			if err != nil {
				return err
			}
			r, err := getRel(tx(txn), e.Relation)
			if err != nil || r == nil {
				return errCorrupt
			}
			conf = r.Confidence
		}
		buf = appendStrengthKey(buf[:0], w, conf, k)
		top.offer(buf, v)
		return nil
	})
	if err != nil {
		return graph.List[*graph.Relation]{}, err
	}
	kvs, cursors, hasNext := top.page()
	out := graph.List[*graph.Relation]{Cursors: cursors, HasNextPage: hasNext, TotalCount: top.total, Items: make([]*graph.Relation, len(kvs))}
	for i, kv := range kvs {
		e, err := decodeEdge(kv.val)
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		r, err := getRel(tx(txn), e.Relation)
		if err != nil || r == nil {
			return graph.List[*graph.Relation]{}, errCorrupt
		}
		if out.Items[i], err = renderRel(txn, e.Relation, r); err != nil {
			return graph.List[*graph.Relation]{}, err
		}
	}
	return out, nil
}

// eachEdgeOf calls fn with the key, value and strength of every edge of
// entity id in direction dir (symmetric edges count in both), of the
// predicates preds (nil for any), with entity other ("" for any) at the
// far end. Key and value are only valid during the call. ELIMIT for an
// entity with more relations than a request may read (maxNeighborEdges):
// the degrees say so without reading an edge.
func eachEdgeOf(ctx context.Context, txn *badger.Txn, id string, dir graph.Direction, preds []string, other string, fn func(k, v []byte, weight int, conf float64, hasConf bool) error) error {
	if n, err := relationCount(txn, id, graph.Both, ""); err != nil {
		return err
	} else if n > maxNeighborEdges {
		return graph.Errorf(graph.ELIMIT, "entity %q has more than %d relations to rank", id, maxNeighborEdges)
	}
	var prefixes [][]byte
	for _, ks := range []byte{pIn, pOut} {
		if preds == nil {
			prefixes = append(prefixes, key(ks, id))
			continue
		}
		for _, pred := range preds {
			prefixes = append(prefixes, key(ks, id, pred))
		}
	}
	var otherEnc []byte
	if other != "" {
		otherEnc = appendStr(nil, other)
	}
	base := len(key(pOut, id)) // where the predicate starts in an edge key
	seen := map[string]bool{}  // a predicate listed twice
	n := 0
	for _, prefix := range prefixes {
		if seen[string(prefix)] {
			continue
		}
		seen[string(prefix)] = true
		err := eachEdgeValue(tx(txn), prefix, func(k, v []byte) error {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if otherEnc != nil {
				// The key ends with the other entity: skip the predicate
				// and compare what is left.
				rest, ok := skipStr(k[base:])
				if !ok || !bytes.Equal(rest, otherEnc) {
					return nil
				}
			}
			w, sym, conf, hasConf, err := edgeStrength(v)
			if err != nil {
				return err
			}
			if dir == graph.Out && k[0] != pOut && !sym || dir == graph.In && k[0] != pIn && !sym {
				return nil
			}
			return fn(k, v, w, conf, hasConf)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// eachEdgeValue calls fn with the key and value of every edge under
// prefix, both only valid during the call.
func eachEdgeValue(txn kv, prefix []byte, fn func(k, v []byte) error) error {
	return txn.scan(prefix, true, fn)
}

// appendStrengthKey appends the key that orders an entity's edges
// strongest first: weight, then confidence, both descending, then the
// edge key, which makes it unique and is the cursor of a page.
func appendStrengthKey(b []byte, weight int, confidence float64, edgeKey []byte) []byte {
	return append(appendStrength(b, weight, confidence), edgeKey...)
}

// appendStrength appends weight and confidence so that byte order is
// strongest first.
func appendStrength(b []byte, weight int, confidence float64) []byte {
	b = binary.BigEndian.AppendUint32(b, math.MaxUint32-uint32(min(weight, math.MaxUint32)))
	return appendF64(b, -confidence)
}

// strengthPrefix is the length of a strength key before its edge key.
const strengthPrefix = 12

// isStrengthKey reports whether k can be a strengthKey.
func isStrengthKey(k []byte) bool {
	return len(k) > strengthPrefix && (k[strengthPrefix] == pIn || k[strengthPrefix] == pOut)
}

// Path returns a shortest chain of relations between two entities, ignoring
// direction and following only the predicates f allows, at most f.MaxHops
// long (0 means 4, at most 8), or nil if there is none. It searches
// breadth-first from both ends at once, expanding the smaller frontier.
// ENOTFOUND if either entity does not exist, EINVALID for an unknown
// predicate.
func (db *DB) Path(ctx context.Context, f graph.PathFilter) ([]*graph.Relation, error) {
	hops := f.MaxHops
	switch {
	case hops <= 0:
		hops = defaultHops
	case hops > maxHops:
		return nil, graph.Errorf(graph.ELIMIT, "path search is limited to %d hops", maxHops)
	}
	var out []*graph.Relation
	err := db.view(ctx, func(txn *badger.Txn) error {
		if err := checkPredicates(ctx, txn, append(append([]string(nil), f.Predicates...), f.ExcludePredicates...)); err != nil {
			return err
		}
		var ends [2]string
		for i, id := range []string{f.From, f.To} {
			r, err := resolveID(tx(txn), id)
			if err != nil {
				return err
			}
			if rec, err := getEntity(tx(txn), r); err != nil {
				return err
			} else if rec == nil {
				return graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
			}
			ends[i] = r
		}
		ids, err := shortestPath(ctx, txn, ends[0], ends[1], hops, f)
		if err != nil || ids == nil {
			return err
		}
		for _, id := range ids {
			r, err := getRel(tx(txn), id)
			if err != nil || r == nil {
				return errCorrupt
			}
			rel, err := renderRel(txn, id, r)
			if err != nil {
				return err
			}
			out = append(out, rel)
		}
		return nil
	})
	return out, err
}

// step is how a search reached a node: from which node, by which edge of
// that node's (kind pOut or pIn, and predicate; kind 0 at the ends), at
// which distance from its end.
type step struct {
	prev, pred string
	kind       byte
	depth      int
}

// shortestPath returns the relation IDs of a shortest path from a to b. It
// expands one whole level of the smaller frontier at a time and, among the
// nodes where the two searches meet in that level, takes the one with the
// shortest total distance (then the smallest ID), so the result is both
// shortest and deterministic. It follows the edges whose predicate f
// allows, reading one tie record per neighbour (eachTie).
func shortestPath(ctx context.Context, txn *badger.Txn, a, b string, hops int, f graph.PathFilter) ([]string, error) {
	if a == b {
		return []string{}, nil
	}
	seen := [2]map[string]step{{a: {}}, {b: {}}}
	frontier := [2][]string{{a}, {b}}
	for depth := 0; depth < hops; depth++ {
		side := 0
		if len(frontier[1]) < len(frontier[0]) {
			side = 1
		}
		if len(frontier[side]) == 0 {
			return nil, nil
		}
		var next []string
		meet, best := "", 0
		for _, n := range frontier[side] {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d := seen[side][n].depth + 1
			err := eachTie(txn, n, f, func(other string, kind byte, pred string) error {
				if _, ok := seen[side][other]; ok {
					return nil
				}
				seen[side][other] = step{prev: n, pred: pred, kind: kind, depth: d}
				next = append(next, other)
				if o, ok := seen[1-side][other]; ok {
					if total := d + o.depth; meet == "" || total < best || total == best && other < meet {
						meet, best = other, total
					}
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if meet != "" {
			return joinPath(txn, seen, meet)
		}
		if len(seen[0])+len(seen[1]) > maxVisited {
			return nil, graph.Errorf(graph.ELIMIT, "path search visited more than %d entities", maxVisited)
		}
		sort.Strings(next)
		frontier[side] = next
	}
	return nil, nil
}

// joinPath walks back from the meeting node to both ends and reads the
// relation ID of each edge on the way from its edge key.
func joinPath(txn *badger.Txn, seen [2]map[string]step, meet string) ([]string, error) {
	var ids [2][]string
	for side := range seen {
		for n := meet; seen[side][n].kind != 0; n = seen[side][n].prev {
			st := seen[side][n]
			v, ok, err := get(tx(txn), key(st.kind, st.prev, st.pred, n))
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, errCorrupt
			}
			e, err := decodeEdge(v)
			if err != nil {
				return nil, err
			}
			ids[side] = append(ids[side], e.Relation)
		}
	}
	left := ids[0]
	for i, j := 0, len(left)-1; i < j; i, j = i+1, j-1 {
		left[i], left[j] = left[j], left[i]
	}
	return append(left, ids[1]...), nil
}
