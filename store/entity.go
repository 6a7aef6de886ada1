package store

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// maxSearch bounds the entities a name search collects before ranking.
const maxSearch = 10000

// loadEntity returns the entity id resolves to, or nil.
func loadEntity(txn *badger.Txn, id string) (*graph.Entity, error) {
	id, err := resolveID(tx(txn), id)
	if err != nil {
		return nil, err
	}
	rec, err := getEntity(tx(txn), id)
	if err != nil || rec == nil {
		return nil, err
	}
	return render(tx(txn), id, rec)
}

// Entity returns the entity with the given ID, following merges; ENOTFOUND
// if there is none.
func (db *DB) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	var e *graph.Entity
	err := db.view(ctx, func(txn *badger.Txn) error {
		var err error
		if e, err = loadEntity(txn, id); err == nil && e == nil {
			err = graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
		}
		return err
	})
	return e, err
}

// EntitiesByID loads many entities at once, following merges: one element
// per id, nil where there is no entity.
func (db *DB) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	out := make([]*graph.Entity, len(ids))
	err := db.view(ctx, func(txn *badger.Txn) error {
		for i, id := range ids {
			var err error
			if out[i], err = loadEntity(txn, id); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Entities returns a page of entities matching f. Listings by type or of
// everything are ordered by ID; name matches and searches by mention count,
// most mentioned first, then ID; a list of IDs by ID; f.OrderBy, when set,
// orders any of them. EINVALID for an unknown type or order.
func (db *DB) Entities(ctx context.Context, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	var out graph.List[*graph.Entity]
	if f.Type != "" && !f.Type.Valid() {
		return out, graph.Errorf(graph.EINVALID, "unknown entity type %q", f.Type)
	}
	if !f.OrderBy.Valid() {
		return out, graph.Errorf(graph.EINVALID, "unknown entity order %q: valid orders are %q and %q", f.OrderBy, graph.ByMentions, graph.ByName)
	}
	err := db.view(ctx, func(txn *badger.Txn) error {
		var err error
		switch {
		case f.IDs != nil:
			out, err = entitiesByIDs(txn, f)
		case f.Name != "" || f.Search != "":
			out, err = searchEntities(txn, f)
		default:
			out, err = listEntities(ctx, txn, f)
		}
		return err
	})
	return out, err
}

func listEntities(ctx context.Context, txn *badger.Txn, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	if f.OrderBy != "" {
		return rankEntities(ctx, txn, f)
	}
	s := scan[*graph.Entity]{}
	var err error
	if f.Type != "" {
		s.prefixes = [][]byte{key(pType, string(f.Type))}
		n, cerr := getCounter(tx(txn), cTypePre+string(f.Type))
		s.total, err = int(n), cerr
		s.build = func(k, _ []byte) (*graph.Entity, error) {
			id, err := lastStr(k)
			if err != nil {
				return nil, err
			}
			rec, err := getEntity(tx(txn), id)
			if err != nil || rec == nil {
				return nil, errCorrupt
			}
			return render(tx(txn), id, rec)
		}
	} else {
		s.prefixes = [][]byte{{pEntity}}
		n, cerr := getCounter(tx(txn), cEntities)
		s.total, err = int(n), cerr
		s.build = func(k, v []byte) (*graph.Entity, error) {
			id, err := lastStr(k)
			if err != nil {
				return nil, err
			}
			rec, err := decodeEntity(v)
			if err != nil {
				return nil, err
			}
			return render(tx(txn), id, rec)
		}
	}
	if err != nil {
		return graph.List[*graph.Entity]{}, err
	}
	return s.run(ctx, txn, f.Page)
}

func searchEntities(txn *badger.Txn, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	types := graph.EntityTypes
	if f.Type != "" {
		types = []graph.EntityType{f.Type}
	}
	exact := graph.NameKey(f.Name)
	prefix := graph.NameKey(f.Search)
	if f.Search != "" && prefix == "" || f.Name != "" && exact == "" {
		// Only spaces or punctuation: no name can match, and an empty
		// prefix would match every name.
		return graph.List[*graph.Entity]{}, nil
	}
	ids := map[string]bool{}
	for _, t := range types {
		if f.Name != "" && f.Search == "" {
			// An exact name is one key per type: a point read, which
			// Badger's bloom filters answer without seeking every table.
			list, err := readIDs(tx(txn), key(pName, string(t), exact))
			if err != nil {
				return graph.List[*graph.Entity]{}, err
			}
			for _, id := range list {
				ids[id] = true
			}
			continue
		}
		var p []byte
		if f.Name != "" {
			p = key(pName, string(t), exact)
		} else {
			p = appendStrPrefix(key(pName, string(t)), prefix)
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
		for it.Rewind(); it.Valid() && len(ids) < maxSearch; it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				it.Close()
				return graph.List[*graph.Entity]{}, err
			}
			if f.Name != "" && f.Search != "" {
				// Both: the exact name must also start with the search.
				parts, err := parseKey(it.Item().Key(), pName, 2)
				if err != nil || len(parts[1]) < len(prefix) || parts[1][:len(prefix)] != prefix {
					continue
				}
			}
			list, err := decodeIDs(v)
			if err != nil {
				it.Close()
				return graph.List[*graph.Entity]{}, err
			}
			for _, id := range list {
				ids[id] = true
			}
		}
		it.Close()
	}
	if f.Name == "" && !strings.Contains(prefix, " ") && slices.Contains(types, graph.Person) {
		// People are found by their surname too ("Merkel"), through the
		// index of the last words of their names.
		if err := surnameSearch(txn, prefix, ids); err != nil {
			return graph.List[*graph.Entity]{}, err
		}
	}
	items := make([]sorted[*graph.Entity], 0, len(ids))
	for id := range ids {
		rec, err := getEntity(tx(txn), id)
		if err != nil {
			return graph.List[*graph.Entity]{}, err
		}
		if rec == nil {
			continue
		}
		e, err := render(tx(txn), id, rec)
		if err != nil {
			return graph.List[*graph.Entity]{}, err
		}
		items = append(items, sorted[*graph.Entity]{orderKey(f.OrderBy, rec.Name, rec.Mentions, id), e})
	}
	return pageSorted(items, f.Page, isOrderKey(f.OrderBy))
}

// surnameSearch adds to ids the people with a multi-word name whose last
// word starts with prefix (folded), up to maxSearch entities in all.
func surnameSearch(txn *badger.Txn, prefix string, ids map[string]bool) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: appendStrPrefix(key(pSurname), prefix), PrefetchValues: true})
	defer it.Close()
	for it.Rewind(); it.Valid() && len(ids) < maxSearch; it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		list, err := decodeIDs(v)
		if err != nil {
			return err
		}
		for _, id := range list {
			ids[id] = true
		}
	}
	return nil
}

// isEntityIDKey reports whether k can be an entity ID ("type/slug").
func isEntityIDKey(k []byte) bool { return bytes.IndexByte(k, '/') > 0 }

func entitiesByIDs(txn *badger.Txn, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	seen := map[string]bool{}
	var items []sorted[*graph.Entity]
	for _, id := range f.IDs {
		e, err := loadEntity(txn, id)
		if err != nil {
			return graph.List[*graph.Entity]{}, err
		}
		if e == nil || seen[e.ID] || (f.Type != "" && e.Type != f.Type) {
			continue
		}
		seen[e.ID] = true
		k := []byte(e.ID)
		if f.OrderBy != "" {
			k = orderKey(f.OrderBy, e.Name, e.MentionCount, e.ID)
		}
		items = append(items, sorted[*graph.Entity]{k, e})
	}
	valid := isEntityIDKey
	if f.OrderBy != "" {
		valid = isOrderKey(f.OrderBy)
	}
	return pageSorted(items, f.Page, valid)
}

// Mentions returns a page of an entity's mentions ordered by document, then
// position. ENOTFOUND if the entity does not exist.
func (db *DB) Mentions(ctx context.Context, entityID string, p graph.Page) (graph.List[graph.Mention], error) {
	return db.MentionsInRange(ctx, entityID, graph.DateRange{}, p)
}

// MentionsInRange is Mentions of the documents published within r (all
// for a zero r); EINVALID for a bad range. A range reads every mention key
// of the entity and each of its documents' dates once. It implements
// schema.MentionRangeLister.
func (db *DB) MentionsInRange(ctx context.Context, entityID string, r graph.DateRange, p graph.Page) (graph.List[graph.Mention], error) {
	var out graph.List[graph.Mention]
	if err := r.Validate(); err != nil {
		return out, err
	}
	err := db.view(ctx, func(txn *badger.Txn) error {
		id, err := resolveID(tx(txn), entityID)
		if err != nil {
			return err
		}
		rec, err := getEntity(tx(txn), id)
		if err != nil {
			return err
		}
		if rec == nil {
			return graph.Errorf(graph.ENOTFOUND, "entity %q not found", entityID)
		}
		s := scan[graph.Mention]{prefixes: [][]byte{key(pMention, id)}, total: rec.Mentions, build: buildMention}
		if !r.IsZero() {
			in := inRange(txn, r)
			s.total = -1
			s.match = func(k, _ []byte) (bool, error) {
				_, doc, _, _, err := parseMentionKey(k)
				if err != nil {
					return false, err
				}
				return in(doc)
			}
		}
		out, err = s.run(ctx, txn, p)
		return err
	})
	return out, err
}

func buildMention(k, v []byte) (graph.Mention, error) {
	ent, doc, start, end, err := parseMentionKey(k)
	if err != nil {
		return graph.Mention{}, err
	}
	sentence, text, err := decodeMention(v)
	return graph.Mention{Document: doc, Entity: ent, Sentence: sentence, Start: start, End: end, Text: text}, err
}

// Neighbors returns the entities related to id by any relation, ordered by
// the summed weight of those relations, heaviest first, then by the
// highest confidence among them, then ID; typ "" for any type. limit 0
// means 10. A well-connected entity's neighbours are read in that order
// from its 'B' keys (ties.go), until limit of them have typ; others' are
// ranked from their few edges. ENOTFOUND if the
// entity does not exist.
func (db *DB) Neighbors(ctx context.Context, id string, typ graph.EntityType, limit int) ([]*graph.Entity, error) {
	if typ != "" && !typ.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown entity type %q", typ)
	}
	limit = graph.Page{First: limit}.Limit(10)
	var out []*graph.Entity
	err := db.view(ctx, func(txn *badger.Txn) error {
		id, err := resolveID(tx(txn), id)
		if err != nil {
			return err
		}
		rec, err := getEntity(tx(txn), id)
		if err != nil {
			return err
		} else if rec == nil {
			return graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
		}
		return eachNeighbor(ctx, txn, id, rec, func(n string) (bool, error) {
			rec, err := getEntity(tx(txn), n)
			if err != nil {
				return false, err
			}
			if rec == nil || (typ != "" && rec.Type != typ) {
				return true, nil
			}
			e, err := render(tx(txn), n, rec)
			if err != nil {
				return false, err
			}
			out = append(out, e)
			return len(out) < limit, nil
		})
	})
	return out, err
}

// maxNeighborEdges bounds the edges a page of relations ranked in memory
// (relationsOf) and Neighbors without ordered ties read: the most connected entities of a large store have
// tens of thousands.
const maxNeighborEdges = 100000
