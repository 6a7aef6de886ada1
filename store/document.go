package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// renderDoc returns a stored document with its dateline place resolved
// through merges.
func renderDoc(txn *badger.Txn, r *docRec) (*graph.Document, error) {
	d := r.Doc
	if d.Place != "" {
		p, err := resolveID(txn, d.Place)
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
		r, err := getDoc(txn, id)
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
// ID; undated documents come last and never match Since.
func (db *DB) Documents(ctx context.Context, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	var out graph.List[*graph.Document]
	err := db.view(ctx, func(txn *badger.Txn) error {
		var ids []string
		switch {
		case f.IDs != nil:
			ids = f.IDs
		case f.Entity != "":
			e, err := resolveID(txn, f.Entity)
			if err != nil {
				return err
			}
			for _, k := range scanKeys(txn, key(pEntDoc, e)) {
				doc, err := lastStr(k)
				if err != nil {
					return err
				}
				ids = append(ids, doc)
			}
		default:
			var err error
			out, err = scanDocuments(txn, f)
			return err
		}
		var items []sorted[*graph.Document]
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			r, err := getDoc(txn, id)
			if err != nil {
				return err
			}
			if r == nil || (f.Since != "" && (r.Doc.Published == "" || r.Doc.Published < f.Since)) {
				continue
			}
			d, err := renderDoc(txn, r)
			if err != nil {
				return err
			}
			items = append(items, sorted[*graph.Document]{docDateKey(d.Published, d.ID), d})
		}
		var err error
		out, err = pageSorted(items, f.Page)
		return err
	})
	return out, err
}

func scanDocuments(txn *badger.Txn, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	s := scan[*graph.Document]{
		prefixes: [][]byte{{pDocDate}},
		total:    -1,
		build: func(k, _ []byte) (*graph.Document, error) {
			_, id, err := parseDocDateKey(k)
			if err != nil {
				return nil, err
			}
			r, err := getDoc(txn, id)
			if err != nil || r == nil {
				return nil, errCorrupt
			}
			return renderDoc(txn, r)
		},
	}
	if f.Since != "" {
		s.match = func(k, _ []byte) (bool, error) {
			pub, _, err := parseDocDateKey(k)
			return err == nil && pub != "" && pub >= f.Since, err
		}
	} else {
		n, err := getCounter(txn, cDocuments)
		if err != nil {
			return graph.List[*graph.Document]{}, err
		}
		s.total = int(n)
	}
	return s.run(txn, f.Page)
}
