package store

import (
	"bytes"
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Relations in a date range are those stated by a document published
// within it, each carrying only what those documents state (their
// statements as its weight, their highest confidence, their evidence), as
// a dump selected by date writes them. The supports ('S' relation doc) say
// which documents state a relation and what; there is no index by date.
//
// The candidates come from whichever side is smaller. For one entity,
// its edges ('o'/'i'), unless the documents in range state fewer
// relations than it has (a narrow range around a well-connected entity):
// then, as for every relation, the documents' relation lists ('x' doc
// kRelation). An entity's relations come strongest first by their weight
// in the range, read from the start of each candidate's supports of the
// documents in range; every relation comes by ID, and needs no read per
// candidate but its record for a predicate filter, and the page's. Each
// list is sorted in memory, with a sort key as its cursor.

// rangeRel is a relation in a date range before it is rendered.
type rangeRel struct {
	id   string
	val  []byte // its record, once read
	sort []byte // its sort key, which is its cursor
}

// relationsInRange lists the relations matching f stated by documents
// published within f.DateRange; f's entities are resolved.
func relationsInRange(ctx context.Context, txn *badger.Txn, f graph.RelationFilter) (graph.List[*graph.Relation], error) {
	var out graph.List[*graph.Relation]
	after, err := decodeCursor(f.After)
	if err != nil {
		return out, err
	}
	docs, err := docsInRange(txn, f.DateRange)
	if err != nil {
		return out, err
	}
	ent, dir, other := f.Entity, f.Direction, ""
	switch {
	case ent != "":
	case f.Subject != "":
		ent, dir, other = f.Subject, graph.Out, f.Object
	case f.Object != "":
		ent, dir = f.Object, graph.In
	}
	ids, err := rangeCandidates(ctx, txn, docs, ent, dir, f.Predicates, other)
	if err != nil {
		return out, err
	}
	sc := &supportCursor{txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pSupport}})}
	defer sc.it.Close()
	// A relation listed by a document in range has a support of that
	// document, so the listing of every relation needs no read per
	// candidate; a predicate needs its record, an entity's ranking its
	// weight in the range.
	var rels []rangeRel
	for i, id := range ids {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return out, err
			}
		}
		r := rangeRel{id: id, sort: key(pRel, id)}
		if ent != "" || f.Predicates != nil {
			v, ok, err := get(tx(txn), r.sort)
			if err != nil || !ok {
				return out, errCorrupt
			}
			rec, err := decodeRel(v)
			if err != nil {
				return out, err
			}
			if !relMatches(rec, ent, dir, f.Predicates, other) {
				continue
			}
			r.val = v
		}
		if ent != "" {
			w, conf, err := strengthIn(sc, id, docs)
			if err != nil {
				return out, err
			}
			if w == 0 {
				continue
			}
			r.sort = append(appendStrength(nil, w, conf), r.sort...)
		}
		rels = append(rels, r)
	}
	slices.SortFunc(rels, func(a, b rangeRel) int { return bytes.Compare(a.sort, b.sort) })
	from := 0
	if after != nil {
		if ent != "" && (len(after) <= strengthPrefix || after[strengthPrefix] != pRel) || ent == "" && after[0] != pRel {
			return out, graph.Errorf(graph.EINVALID, "cursor %q does not belong to this list", f.After)
		}
		from, _ = slices.BinarySearchFunc(rels, after, func(r rangeRel, after []byte) int {
			if c := bytes.Compare(r.sort, after); c != 0 {
				return c
			}
			return -1 // the first key after the cursor
		})
	}
	out.TotalCount = len(rels)
	limit := f.Limit(defaultPage)
	d := &dumper{ctx: ctx, txn: txn, docs: docs, kept: map[string]bool{}}
	for _, r := range rels[from:] {
		if len(out.Items) == limit {
			out.HasNextPage = true
			break
		}
		if r.val == nil {
			v, ok, err := get(tx(txn), key(pRel, r.id))
			if err != nil || !ok {
				return out, errCorrupt
			}
			r.val = v
		}
		rec, err := d.relation(r.id, r.val, sc.each)
		if err != nil {
			return out, err
		}
		if rec == nil {
			continue // an end no document in range mentions, as a dump leaves out
		}
		out.Items = append(out.Items, rec.Relation)
		out.Cursors = append(out.Cursors, encodeCursor(r.sort))
	}
	return out, nil
}

// rangeCandidates returns, sorted, the IDs of relations that may match:
// those of entity ent ("" for every relation) or those the documents docs
// state, whichever are fewer.
func rangeCandidates(ctx context.Context, txn *badger.Txn, docs map[string]bool, ent string, dir graph.Direction, preds []string, other string) ([]string, error) {
	degree := -1
	if ent != "" {
		var err error
		if degree, err = relationCount(txn, ent, graph.Both, ""); err != nil {
			return nil, err
		}
	}
	var ids []string
	if degree < 0 || len(docs) < degree {
		seen := map[string]bool{}
		for doc := range docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rs, err := docIDs(tx(txn), doc, kRelation)
			if err != nil {
				return nil, err
			}
			for _, id := range rs {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			if degree >= 0 && len(ids) >= degree {
				break // the entity's edges are fewer
			}
		}
		if degree < 0 || len(ids) < degree {
			slices.Sort(ids)
			return ids, nil
		}
		ids = ids[:0]
	}
	err := eachEdgeOf(ctx, txn, ent, dir, preds, other, func(_, v []byte, _ int, _ float64, _ bool) error {
		e, err := decodeEdge(v)
		if err != nil {
			return err
		}
		ids = append(ids, e.Relation)
		return nil
	})
	slices.Sort(ids)
	return slices.Compact(ids), err
}

// relMatches reports whether relation r touches entity ent ("" for any)
// in direction dir, with other ("" for any) at the far end, and has one
// of the predicates preds (nil for any).
func relMatches(r *relRec, ent string, dir graph.Direction, preds []string, other string) bool {
	if preds != nil && !slices.Contains(preds, r.Predicate) {
		return false
	}
	if ent == "" {
		return true
	}
	out := r.Subject == ent && (other == "" || r.Object == other)
	in := r.Object == ent && (other == "" || r.Subject == other)
	switch {
	case r.Symmetric || dir == graph.Both:
		return out || in
	case dir == graph.Out:
		return out
	default:
		return in
	}
}

// strengthIn returns the weight and confidence of relation id in the
// documents docs, decoding only the start of their supports.
func strengthIn(sc *supportCursor, id string, docs map[string]bool) (weight int, conf float64, err error) {
	prefix := key(pSupport, id)
	for sc.it.Seek(prefix); sc.it.ValidForPrefix(prefix); sc.it.Next() {
		item := sc.it.Item()
		doc, _, err := readStr(item.Key()[len(prefix):])
		if err != nil {
			return 0, 0, err
		}
		if !docs[doc] {
			continue
		}
		err = item.Value(func(v []byte) error {
			d := newDecoder(v)
			weight += int(d.uint())
			conf = max(conf, d.float())
			return d.err
		})
		if err != nil {
			return 0, 0, err
		}
	}
	return weight, conf, nil
}
