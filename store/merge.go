package store

import (
	"bytes"
	"context"

	"github.com/factgraph/factgraph/graph"
)

// MergeEntities merges the entities ids into the entity into: their
// mentions, surface forms, roles, relations and facts move to it, and the
// old IDs resolve to it from then on. IDs that were already merged resolve
// first. ENOTFOUND if any entity is missing, EINVALID if one has another
// type than into or the list is empty.
func (db *DB) MergeEntities(ctx context.Context, ids []string, into string) (*graph.Entity, error) {
	if len(ids) == 0 || into == "" {
		return nil, graph.Errorf(graph.EINVALID, "merge needs entity ids and a target")
	}
	var out *graph.Entity
	err := db.update(ctx, func(w *wtx) error {
		target, err := w.resolve(into)
		if err != nil {
			return err
		}
		if rec, err := w.entity(target); err != nil {
			return err
		} else if rec == nil {
			return graph.Errorf(graph.ENOTFOUND, "entity %q not found", into)
		}
		for _, id := range ids {
			from, err := w.resolve(id)
			if err != nil {
				return err
			}
			if from == target {
				continue
			}
			if err := w.mergeEntity(from, target, false); err != nil {
				return err
			}
		}
		rec, err := w.entity(target)
		if err != nil {
			return err
		}
		out, err = render(w.txn, target, rec)
		return err
	})
	return out, err
}

// mergeEntity moves everything of entity from to entity into and records
// the merge; auto marks merges the store decided on itself.
func (w *wtx) mergeEntity(from, into string, auto bool) error {
	fromRec, err := w.entity(from)
	if err != nil {
		return err
	}
	intoRec, err := w.entity(into)
	if err != nil {
		return err
	}
	switch {
	case fromRec == nil:
		return graph.Errorf(graph.ENOTFOUND, "entity %q not found", from)
	case intoRec == nil:
		return graph.Errorf(graph.ENOTFOUND, "entity %q not found", into)
	case fromRec.Type != intoRec.Type && !auto: // absorbOutvoted moves a mistyped name
		return graph.Errorf(graph.EINVALID, "cannot merge %s %q into %s %q", fromRec.Type, from, intoRec.Type, into)
	}
	rec := *intoRec
	rec.Forms = addCounted(append([]counted(nil), intoRec.Forms...), fromRec.Forms, 1)
	rec.Roles = addRoles(append([]roleCount(nil), intoRec.Roles...), fromRec.Roles, 1)
	rec.Locs = addCounted(append([]counted(nil), intoRec.Locs...), fromRec.Locs, 1)
	rec.Values = addCounted(append([]counted(nil), intoRec.Values...), fromRec.Values, 1)
	rec.Votes = addCounted(append([]counted(nil), intoRec.Votes...), fromRec.Votes, 1)

	moved, err := w.moveMentions(from, into)
	if err != nil {
		return err
	}
	rec.Mentions += moved
	docs, err := w.moveContribs(from, into)
	if err != nil {
		return err
	}
	rec.Docs += docs
	if err := w.rekeyRelations(from, into); err != nil {
		return err
	}
	if err := figures.repoint(w, from, into); err != nil {
		return err
	}
	if err := events.repoint(w, from, into); err != nil {
		return err
	}
	if err := quotes.repoint(w, from, into); err != nil {
		return err
	}
	// Keep merge chains one step long: what was merged into from now
	// resolves to into directly.
	for _, k := range scanKeys(w.txn, key(pMergeRev, from)) {
		parts, err := parseKey(k, pMergeRev, 2)
		if err != nil {
			return err
		}
		v, ok, err := get(w.txn, key(pMerge, parts[1]))
		if err != nil || !ok {
			return err
		}
		m, err := decodeMerge(v)
		if err != nil {
			return err
		}
		if err := w.putMerge(parts[1], mergeRec{Into: into, Auto: m.Auto}); err != nil {
			return err
		}
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	if err := w.deleteEntity(from, fromRec); err != nil {
		return err
	}
	if err := w.putMerge(from, mergeRec{Into: into, Auto: auto}); err != nil {
		return err
	}
	return w.putEntity(into, intoRec, &rec, false)
}

func (w *wtx) putMerge(from string, m mergeRec) error {
	w.merges[from] = m.Into
	if err := w.txn.set(key(pMerge, from), m.encode()); err != nil {
		return err
	}
	return w.txn.set(key(pMergeRev, m.Into, from), nil)
}

// moveMentions re-keys from's mentions to into and returns how many into
// gained; a span both were mentioned at counts once.
func (w *wtx) moveMentions(from, into string) (int, error) {
	moved := 0
	err := w.txn.scan(key(pMention, from), true, func(k, v []byte) error {
		_, doc, s, e, err := parseMentionKey(k)
		if err != nil {
			return err
		}
		nk := mentionKey(into, doc, s, e)
		dup, err := has(w.txn, nk)
		if err != nil {
			return err
		}
		if dup {
			w.count(cMentions, -1)
		} else {
			if err := w.txn.set(nk, bytes.Clone(v)); err != nil {
				return err
			}
			moved++
		}
		return w.txn.del(bytes.Clone(k))
	})
	return moved, err
}

// moveContribs moves the documents' contributions from entity from to into
// and returns how many documents into gained.
func (w *wtx) moveContribs(from, into string) (int, error) {
	gained := 0
	for _, k := range scanKeys(w.txn, key(pEntDoc, from)) {
		parts, err := parseKey(k, pEntDoc, 2)
		if err != nil {
			return 0, err
		}
		doc := parts[1]
		v, _, err := get(w.txn, contribKey(doc, kEntity, from))
		if err != nil {
			return 0, err
		}
		c, err := decodeContrib(v)
		if err != nil {
			return 0, err
		}
		for _, dk := range [][]byte{contribKey(doc, kEntity, from), k} {
			if err := w.txn.del(dk); err != nil {
				return 0, err
			}
		}
		tv, found, err := get(w.txn, contribKey(doc, kEntity, into))
		if err != nil {
			return 0, err
		}
		if found {
			t, err := decodeContrib(tv)
			if err != nil {
				return 0, err
			}
			c.Forms = addCounted(t.Forms, c.Forms, 1)
			c.Roles = addRoles(t.Roles, c.Roles, 1)
			c.Locs = addCounted(t.Locs, c.Locs, 1)
			c.Values = addCounted(t.Values, c.Values, 1)
			c.Votes = addCounted(t.Votes, c.Votes, 1)
		} else {
			gained++
			if err := w.txn.set(key(pEntDoc, into, doc), nil); err != nil {
				return 0, err
			}
		}
		if err := w.txn.set(contribKey(doc, kEntity, into), c.encode()); err != nil {
			return 0, err
		}
		if doc == w.fresh {
			delete(w.freshContribs, string(contribKey(doc, kEntity, from)))
			w.freshContribs[string(contribKey(doc, kEntity, into))] = true
		}
	}
	return gained, nil
}
