package store

import (
	"context"
	"errors"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// renderDoc returns a stored document with its dateline place resolved
// through merges.
func renderDoc(txn *badger.Txn, r *docRec) (*graph.Document, error) {
	d := r.Doc
	if d.Place != "" {
		p, err := resolveID(tx(txn), d.Place)
		if err != nil {
			return nil, err
		}
		d.Place = p
	}
	return &d, nil
}

// Document returns the document with the given ID, or ENOTFOUND.
func (db *DB) Document(ctx context.Context, id string) (*graph.Document, error) {
	var d *graph.Document
	err := db.view(ctx, func(txn *badger.Txn) error {
		r, err := getDoc(tx(txn), id)
		if err != nil {
			return err
		}
		if r == nil {
			return graph.Errorf(graph.ENOTFOUND, "document %q not found", id)
		}
		d, err = renderDoc(txn, r)
		return err
	})
	return d, err
}

// Documents returns a page of documents matching f, newest first, then by
// ID; undated documents come last and never match a date range. EINVALID
// for a bad date range.
func (db *DB) Documents(ctx context.Context, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	var out graph.List[*graph.Document]
	if err := f.DateRange.Validate(); err != nil {
		return out, err
	}
	err := db.view(ctx, func(txn *badger.Txn) error {
		var ids []string
		switch {
		case f.IDs != nil:
			ids = f.IDs
		case f.Entity != "":
			e, err := resolveID(tx(txn), f.Entity)
			if err != nil {
				return err
			}
			for _, k := range scanKeys(tx(txn), key(pEntDoc, e)) {
				doc, err := lastStr(k)
				if err != nil {
					return err
				}
				ids = append(ids, doc)
			}
		default:
			var err error
			out, err = scanDocuments(ctx, txn, f)
			return err
		}
		var items []sorted[*graph.Document]
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			r, err := getDoc(tx(txn), id)
			if err != nil {
				return err
			}
			if r == nil || !f.DateRange.Contains(r.Doc.Published) {
				continue
			}
			d, err := renderDoc(txn, r)
			if err != nil {
				return err
			}
			items = append(items, sorted[*graph.Document]{docDateKey(d.Published, d.ID), d})
		}
		var err error
		out, err = pageSorted(items, f.Page, func(k []byte) bool {
			_, _, err := parseDocDateKey(k)
			return err == nil
		})
		return err
	})
	return out, err
}

// DocumentHeads returns the documents of ids without their text: ID,
// title, URL, publication date and dateline place (resolved through
// merges), in the order of ids, nil for an ID that names no document. It
// reads each record in place instead of copying it, text and all, for the
// pages that show a document beside each fact it states (a tally's
// reports, a relation's evidence). It implements
// schema.DocumentHeadReader.
func (db *DB) DocumentHeads(ctx context.Context, ids []string) ([]*graph.Document, error) {
	out := make([]*graph.Document, len(ids))
	err := db.view(ctx, func(txn *badger.Txn) error {
		for i, id := range ids {
			if i%256 == 255 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			item, err := txn.Get(key(pDoc, id))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			} else if err != nil {
				return err
			}
			var r docRec
			if err := item.Value(func(v []byte) error {
				var err error
				r.Doc, err = decodeDocHead(v)
				return err
			}); err != nil {
				return err
			}
			if out[i], err = renderDoc(txn, &r); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func scanDocuments(ctx context.Context, txn *badger.Txn, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	s := scan[*graph.Document]{
		prefixes: [][]byte{{pDocDate}},
		total:    -1,
		build: func(k, _ []byte) (*graph.Document, error) {
			_, id, err := parseDocDateKey(k)
			if err != nil {
				return nil, err
			}
			r, err := getDoc(tx(txn), id)
			if err != nil || r == nil {
				return nil, errCorrupt
			}
			return renderDoc(txn, r)
		},
	}
	if !f.DateRange.IsZero() {
		s.match = func(k, _ []byte) (bool, error) {
			pub, _, err := parseDocDateKey(k)
			return err == nil && f.DateRange.Contains(pub), err
		}
	} else {
		n, err := getCounter(tx(txn), cDocuments)
		if err != nil {
			return graph.List[*graph.Document]{}, err
		}
		s.total = int(n)
	}
	return s.run(ctx, txn, f.Page)
}

// DocumentEntities returns up to limit (0 means 50, at most
// graph.MaxPageSize) entities mentioned in document docID, most mentioned
// across all documents first, then by ID; typ "" for any type. It reads the
// document's contribution records, so it costs one key per entity of the
// document, whatever the size of the store. ENOTFOUND if there is no such
// document. It implements schema.DocumentEntityLister.
func (db *DB) DocumentEntities(ctx context.Context, docID string, typ graph.EntityType, limit int) ([]*graph.Entity, error) {
	if typ != "" && !typ.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown entity type %q", typ)
	}
	limit = graph.Page{First: limit}.Limit(defaultPage)
	var out []*graph.Entity
	err := db.view(ctx, func(txn *badger.Txn) error {
		if ok, err := has(tx(txn), key(pDoc, docID)); err != nil {
			return err
		} else if !ok {
			return graph.Errorf(graph.ENOTFOUND, "document %q not found", docID)
		}
		type found struct {
			id  string
			rec *entityRec
		}
		var all []found
		seen := map[string]bool{}
		prefix := append(contribPrefix(docID), kEntity)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if len(all)%256 == 255 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			_, _, id, err := parseContribKey(it.Item().Key())
			if err != nil {
				return err
			}
			if id, err = resolveID(tx(txn), id); err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			rec, err := getEntity(tx(txn), id)
			if err != nil {
				return err
			}
			if rec == nil || (typ != "" && rec.Type != typ) {
				continue
			}
			all = append(all, found{id, rec})
		}
		sort.Slice(all, func(i, j int) bool {
			a, b := all[i], all[j]
			return a.rec.Mentions > b.rec.Mentions || a.rec.Mentions == b.rec.Mentions && a.id < b.id
		})
		out = make([]*graph.Entity, 0, min(limit, len(all)))
		for _, f := range all[:min(limit, len(all))] {
			e, err := render(tx(txn), f.id, f.rec)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
