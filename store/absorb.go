package store

// The store resolves a document's entities against what is stored when it
// arrives (resolve.go), so a decision taken before a later document could
// inform it would stay, and the graph would depend on document order. The
// rules here re-decide, through the same read-modify-write, what a later
// document changes: a short name's entity joins the full name that gains
// it as an alias (absorbShort), and a name's entity of a minority type
// joins the type its votes come to favour (absorbOutvoted). Both merge
// automatically, in the document's transaction. BENCHMARKS.md, "Order
// dependence of resolution", says what they fix and what still depends
// on order.

import "github.com/factgraph/factgraph/graph"

// absorbShort merges into entity id (of e's type, which e was just
// resolved to) every other entity named by one of e's aliases alone: the
// entity that the short name's documents made because they came before
// any document gave id that alias ("Ford" before "Ford Motor Co", "EPA"
// before "Environmental Protection Agency ... EPA"). Had they come after,
// they would have joined id by that name (rule 2 of resolveEntity), and
// had the alias come first with a new entity, that entity would have
// joined the short one by it (rule 4); so the store makes them one
// entity whichever came first. An alias rule 4 ignores (a generic word,
// the name's head or complement, the short form of an acronym-named
// company) joins nothing here either. People are left to their surname
// rules (absorbSurname); dates and events are named by kind.
//
// Of the two, the entity with more mentions keeps its ID (then id, the
// fuller name): the one whose ID fewer readers hold moves.
func (w *wtx) absorbShort(id string, e *graph.Entity) error {
	t := e.Type
	if !shortNamed(t) {
		return nil
	}
	nk := graph.NameKey(e.Name)
	for _, a := range e.Aliases {
		ak := graph.NameKey(a)
		if ak == "" || ak == nk || genericNames[ak] || isHead(ak, nk) || isComplement(ak, nk) || isAcronym(a) && shortName(ak, nk) {
			continue
		}
		ids, err := w.ids(key(pName, string(t), ak))
		if err != nil {
			return err
		}
		if len(ids) < 2 {
			continue // only id itself
		}
		for _, cand := range ids {
			if id, err = w.resolve(id); err != nil {
				return err
			}
			if cand == id {
				continue
			}
			rec, err := w.entity(cand)
			if err != nil {
				return err
			}
			if rec == nil || !namedOnly(rec, ak) {
				continue
			}
			own, err := w.entity(id)
			if err != nil {
				return err
			}
			from, into := cand, id
			if own != nil && rec.Mentions > own.Mentions {
				from, into = id, cand
			}
			if err := w.mergeEntity(from, into, true); err != nil {
				return err
			}
			id = into
		}
	}
	return nil
}

// shortNamed reports whether entities of type t are joined by their
// short names by absorbShort and byOwnName's rules.
func shortNamed(t graph.EntityType) bool {
	return t == graph.Organization || t == graph.Place || t == graph.Other
}

// namedOnly reports whether every name of rec folds to nk.
func namedOnly(rec *entityRec, nk string) bool {
	if graph.NameKey(rec.Name) != nk {
		return false
	}
	for _, f := range rec.Forms {
		if graph.NameKey(f.S) != nk {
			return false
		}
	}
	return true
}

// absorbOutvoted merges into entity id each entity of another type named
// like it that id now outvotes as majorityType reckons: one whose
// documents, arriving now, would join id. An early "CANADA" typed
// organization made organization/canada before place/canada had the ten
// votes that decide, and kept it, while the same document after them
// joined the place; now the place absorbs it once its votes decide, in
// whichever order the documents came. The exceptions are majorityType's:
// an entity with a role or a gazetteer location, a person's full name and
// type other keep their type, a person never joins a place nor an
// organization a person, and a one-word person only the person whose
// surname it is.
func (w *wtx) absorbOutvoted(id string) error {
	rec, err := w.entity(id)
	if err != nil || rec == nil || !votes(rec.Type) {
		return err
	}
	t, nk := rec.Type, graph.NameKey(rec.Name)
	if nk == "" || voteWeight(rec) < majorityMin {
		return nil
	}
	keys := []string{nk}
	if t == graph.Organization && withoutDesignators(nk) != nk {
		keys = append(keys, withoutDesignators(nk))
	}
	for _, k := range keys {
		best, _, err := w.mostVoted(t, k)
		if err != nil {
			return err
		}
		if best != id {
			continue
		}
		if t == graph.Person && tokenCount(k) == 1 {
			full, err := w.ids(key(pSurname, k))
			if err != nil {
				return err
			}
			if len(full) == 0 {
				continue
			}
		}
		for _, u := range graph.EntityTypes {
			if !votes(u) || u == t || u == graph.Other || u == graph.Person && (t == graph.Place || tokenCount(k) > 1) || u == graph.Organization && t == graph.Person {
				continue
			}
			ids, err := w.ids(key(pName, string(u), k))
			if err != nil {
				return err
			}
			for _, m := range ids {
				mrec, err := w.entity(m)
				if err != nil {
					return err
				}
				if mrec == nil || graph.NameKey(mrec.Name) != k || len(mrec.Roles) > 0 || len(mrec.Locs) > 0 ||
					voteWeight(rec) < majorityRatio*voteWeight(mrec) {
					continue
				}
				if err := w.mergeEntity(m, id, true); err != nil {
					return err
				}
				if rec, err = w.entity(id); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
