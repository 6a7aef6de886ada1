package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// DocumentFacts returns the relation, figure, event or quote records (kind
// is graph.RecordRelation, RecordFigure, RecordEvent or RecordQuote) that
// document docID supports, sorted by ID, exactly as a dump filtered to
// that one document writes them: relations with only its weight,
// confidence, role and evidence. EINVALID for another kind; an unknown
// document has none.
//
// It reads the document's ID list of that kind ('x' doc kind), then each
// fact's record and, for a relation, the one support key of the document
// ('S' relation doc), so it costs a few keys per fact of the document
// whatever the size of the store, where the filtered dump scans every
// fact. It implements schema.DocumentFactLister.
func (db *DB) DocumentFacts(ctx context.Context, docID, kind string) ([]*graph.Record, error) {
	var (
		contrib, prefix byte
		render          func(d *dumper, id string, v []byte) (*graph.Record, error)
	)
	switch kind {
	case graph.RecordRelation:
		contrib, prefix = kRelation, pRel
		render = func(d *dumper, id string, v []byte) (*graph.Record, error) {
			return d.relation(id, v, func(id string, fn func(doc string, s *supportRec) error) error {
				s, err := getSupport(tx(d.txn), id, docID)
				if err != nil || s == nil {
					return err
				}
				return fn(docID, s)
			})
		}
	case graph.RecordFigure:
		contrib, prefix = kFigure, pFigure
		render = func(d *dumper, _ string, v []byte) (*graph.Record, error) { return d.figure(v) }
	case graph.RecordEvent:
		contrib, prefix = kEvent, pEvent
		render = func(d *dumper, _ string, v []byte) (*graph.Record, error) { return d.event(v) }
	case graph.RecordQuote:
		contrib, prefix = kQuote, pQuote
		render = func(d *dumper, _ string, v []byte) (*graph.Record, error) { return d.quote(v) }
	default:
		return nil, graph.Errorf(graph.EINVALID, "a document has no facts of kind %q", kind)
	}
	var out []*graph.Record
	err := db.view(ctx, func(txn *badger.Txn) error {
		ids, err := docIDs(tx(txn), docID, contrib)
		if err != nil || ids == nil {
			return err
		}
		d := &dumper{ctx: ctx, txn: txn, docs: map[string]bool{docID: true}, kept: map[string]bool{}}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			v, ok, err := get(tx(txn), key(prefix, id))
			if err != nil {
				return err
			}
			if !ok {
				return errCorrupt
			}
			rec, err := render(d, id, v)
			if err != nil {
				return err
			}
			if rec != nil {
				out = append(out, rec)
			}
		}
		return nil
	})
	return out, err
}
