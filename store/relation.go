package store

import (
	"context"
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
// entity are listed through the edge indexes: symmetric relations count as
// both outward and inward. Entity IDs in f follow merges.
func (db *DB) Relations(ctx context.Context, f graph.RelationFilter) (graph.List[*graph.Relation], error) {
	var out graph.List[*graph.Relation]
	err := db.view(ctx, func(txn *badger.Txn) error {
		var err error
		for _, p := range []*string{&f.Entity, &f.Subject, &f.Object} {
			if *p != "" {
				if *p, err = resolveID(txn, *p); err != nil {
					return err
				}
			}
		}
		switch {
		case f.Entity != "":
			out, err = relationsOf(ctx, txn, f.Entity, f.Direction, f.Predicate, "", f.Page)
		case f.Subject != "":
			out, err = relationsOf(ctx, txn, f.Subject, graph.Out, f.Predicate, f.Object, f.Page)
		case f.Object != "":
			out, err = relationsOf(ctx, txn, f.Object, graph.In, f.Predicate, "", f.Page)
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
			if f.Predicate != "" {
				s.needsValue = true
				s.match = func(_, v []byte) (bool, error) {
					r, err := decodeRel(v)
					return err == nil && r.Predicate == f.Predicate, err
				}
			} else {
				n, err := getCounter(txn, cRelations)
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

// relationsOf lists the relations of entity id in direction dir, with an
// optional predicate and entity at the other end.
func relationsOf(ctx context.Context, txn *badger.Txn, id string, dir graph.Direction, pred, other string, p graph.Page) (graph.List[*graph.Relation], error) {
	prefix := func(ks byte) []byte {
		if pred != "" {
			return key(ks, id, pred)
		}
		return key(ks, id)
	}
	s := scan[*graph.Relation]{
		prefixes:   [][]byte{prefix(pIn), prefix(pOut)}, // 'i' < 'o'
		needsValue: true,
		total:      -1,
		match: func(k, v []byte) (bool, error) {
			if other != "" {
				parts, err := parseKey(k, k[0], 3)
				if err != nil {
					return false, err
				}
				if parts[2] != other {
					return false, nil
				}
			}
			e, err := decodeEdge(v)
			if err != nil {
				return false, err
			}
			switch dir {
			case graph.Out:
				return k[0] == pOut || e.Symmetric, nil
			case graph.In:
				return k[0] == pIn || e.Symmetric, nil
			}
			return true, nil
		},
		build: func(k, v []byte) (*graph.Relation, error) {
			e, err := decodeEdge(v)
			if err != nil {
				return nil, err
			}
			r, err := getRel(txn, e.Relation)
			if err != nil || r == nil {
				return nil, errCorrupt
			}
			return renderRel(txn, e.Relation, r)
		},
	}
	if other == "" {
		// The entity's degrees count its relations: no need to scan them all.
		n, err := relationCount(txn, id, dir, pred)
		if err != nil {
			return graph.List[*graph.Relation]{}, err
		}
		s.total = n
		if dir == graph.Both {
			// Every edge is listed: only the listed ones' values are read.
			s.match, s.needsValue = nil, false
		}
	}
	return s.run(ctx, txn, p)
}

// Path returns a shortest chain of relations between two entities, ignoring
// direction, at most maxHops long (0 means 4, at most 8), or nil if there is
// none. It searches breadth-first from both ends at once, expanding the
// smaller frontier. ENOTFOUND if either entity does not exist.
func (db *DB) Path(ctx context.Context, from, to string, hops int) ([]*graph.Relation, error) {
	switch {
	case hops <= 0:
		hops = defaultHops
	case hops > maxHops:
		return nil, graph.Errorf(graph.ELIMIT, "path search is limited to %d hops", maxHops)
	}
	var out []*graph.Relation
	err := db.view(ctx, func(txn *badger.Txn) error {
		var ends [2]string
		for i, id := range []string{from, to} {
			r, err := resolveID(txn, id)
			if err != nil {
				return err
			}
			if rec, err := getEntity(txn, r); err != nil {
				return err
			} else if rec == nil {
				return graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
			}
			ends[i] = r
		}
		ids, err := shortestPath(ctx, txn, ends[0], ends[1], hops)
		if err != nil || ids == nil {
			return err
		}
		for _, id := range ids {
			r, err := getRel(txn, id)
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

// step is how a search reached a node: from which node, by which relation,
// at which distance from its end.
type step struct {
	prev, rel string
	depth     int
}

// shortestPath returns the relation IDs of a shortest path from a to b. It
// expands one whole level of the smaller frontier at a time and, among the
// nodes where the two searches meet in that level, takes the one with the
// shortest total distance (then the smallest ID), so the result is both
// shortest and deterministic.
func shortestPath(ctx context.Context, txn *badger.Txn, a, b string, hops int) ([]string, error) {
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
			err := eachEdge(txn, n, func(other string, e edgeRec) error {
				if _, ok := seen[side][other]; ok {
					return nil
				}
				seen[side][other] = step{n, e.Relation, d}
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
			return joinPath(seen, meet), nil
		}
		if len(seen[0])+len(seen[1]) > maxVisited {
			return nil, graph.Errorf(graph.ELIMIT, "path search visited more than %d entities", maxVisited)
		}
		sort.Strings(next)
		frontier[side] = next
	}
	return nil, nil
}

// joinPath walks back from the meeting node to both ends.
func joinPath(seen [2]map[string]step, meet string) []string {
	var left []string
	for n := meet; seen[0][n].rel != ""; n = seen[0][n].prev {
		left = append(left, seen[0][n].rel)
	}
	for i, j := 0, len(left)-1; i < j; i, j = i+1, j-1 {
		left[i], left[j] = left[j], left[i]
	}
	for n := meet; seen[1][n].rel != ""; n = seen[1][n].prev {
		left = append(left, seen[1][n].rel)
	}
	return left
}
