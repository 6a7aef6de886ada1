package store

import (
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Dump streams a consistent snapshot, read in one transaction, in the
// order documents, entities, mentions, relations, figures, events, quotes,
// merges, each sorted by ID (mentions by entity, document and position).
// Unfiltered, memory does not grow with the store. With f.Documents or
// f.Since, relations carry only the weight and evidence of the selected
// documents and entities only the count of their mentions in them.
func (db *DB) Dump(ctx context.Context, f graph.DumpFilter, fn func(*graph.Record) error) error {
	for _, t := range f.Types {
		if !t.Valid() {
			return graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
	}
	return db.view(ctx, func(txn *badger.Txn) error {
		d, err := newDumper(ctx, txn, f, fn)
		if err != nil {
			return err
		}
		d.pages = db.pages
		for _, step := range []func() error{d.documents, d.entities, d.mentions, d.relations, d.figures, d.events, d.quotes, d.merges} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

type dumper struct {
	ctx   context.Context
	txn   *badger.Txn
	fn    func(*graph.Record) error
	docs  map[string]bool           // selected documents; nil for all
	types map[graph.EntityType]bool // selected types; nil for all
	kept  map[string]bool           // cache of keepEntity, bounded

	pages *pager // drops mapped pages above the store's RSS bound; nil for never
	keys  int    // keys visited, to offer the pager a release every releaseEvery
}

// releaseEvery is how many keys a dump visits between offers to the pager
// (WithPageOutAbove) to drop the pages it has read from Badger's
// memory-mapped files. A key with its lookups reads well under a kilobyte
// of tables and value log, so above the bound the dump's resident file
// pages stay at a few tens of megabytes whatever the store size.
const releaseEvery = 1 << 15

func newDumper(ctx context.Context, txn *badger.Txn, f graph.DumpFilter, fn func(*graph.Record) error) (*dumper, error) {
	d := &dumper{ctx: ctx, txn: txn, fn: fn, kept: map[string]bool{}}
	if f.Types != nil {
		d.types = map[graph.EntityType]bool{}
		for _, t := range f.Types {
			d.types[t] = true
		}
	}
	if f.Documents != nil || f.Since != "" {
		d.docs = map[string]bool{}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pDocDate}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			pub, id, err := parseDocDateKey(it.Item().Key())
			if err != nil {
				return nil, err
			}
			if (f.Since == "" || (pub != "" && pub >= f.Since)) && (f.Documents == nil || slices.Contains(f.Documents, id)) {
				d.docs[id] = true
			}
		}
	}
	return d, nil
}

// each calls fn with the key and value of every key under prefix.
func (d *dumper) each(prefix []byte, fn func(k, v []byte) error) error {
	it := d.txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		if d.keys++; d.keys%releaseEvery == 0 {
			d.pages.release()
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		if err := fn(it.Item().Key(), v); err != nil {
			return err
		}
	}
	return nil
}

// keepEntity reports whether entity id is of a selected type and, with a
// document selection, supported by a selected document.
func (d *dumper) keepEntity(id string) (bool, error) {
	if id == "" || (d.types == nil && d.docs == nil) {
		return true, nil
	}
	if k, ok := d.kept[id]; ok {
		return k, nil
	}
	rec, err := getEntity(tx(d.txn), id)
	if err != nil {
		return false, err
	}
	keep := rec != nil && (d.types == nil || d.types[rec.Type])
	if keep && d.docs != nil {
		keep = false
		for _, k := range scanKeys(tx(d.txn), key(pEntDoc, id)) {
			doc, err := lastStr(k)
			if err != nil {
				return false, err
			}
			if d.docs[doc] {
				keep = true
				break
			}
		}
	}
	if len(d.kept) > 100000 {
		clear(d.kept)
	}
	d.kept[id] = keep
	return keep, nil
}

func (d *dumper) keepAll(ids ...string) (bool, error) {
	for _, id := range ids {
		if ok, err := d.keepEntity(id); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

func (d *dumper) keepDoc(doc string) bool { return d.docs == nil || d.docs[doc] }

func (d *dumper) documents() error {
	return d.each([]byte{pDoc}, func(_, v []byte) error {
		r, err := decodeDoc(v)
		if err != nil || !d.keepDoc(r.Doc.ID) {
			return err
		}
		doc, err := renderDoc(d.txn, r)
		if err != nil {
			return err
		}
		return d.fn(&graph.Record{Kind: graph.RecordDocument, Document: doc})
	})
}

func (d *dumper) entities() error {
	return d.each([]byte{pEntity}, func(k, v []byte) error {
		id, err := lastStr(k)
		if err != nil {
			return err
		}
		if ok, err := d.keepEntity(id); err != nil || !ok {
			return err
		}
		rec, err := decodeEntity(v)
		if err != nil {
			return err
		}
		e, err := render(tx(d.txn), id, rec)
		if err != nil {
			return err
		}
		if d.docs != nil {
			e.MentionCount = 0
			for _, mk := range scanKeys(tx(d.txn), key(pMention, id)) {
				if _, doc, _, _, err := parseMentionKey(mk); err != nil {
					return err
				} else if d.docs[doc] {
					e.MentionCount++
				}
			}
		}
		return d.fn(&graph.Record{Kind: graph.RecordEntity, Entity: e})
	})
}

func (d *dumper) mentions() error {
	return d.each([]byte{pMention}, func(k, v []byte) error {
		m, err := buildMention(k, v)
		if err != nil || !d.keepDoc(m.Document) {
			return err
		}
		if ok, err := d.keepEntity(m.Entity); err != nil || !ok {
			return err
		}
		return d.fn(&graph.Record{Kind: graph.RecordMention, Mention: &m})
	})
}

// supportCursor reads the supports of relations visited in ID order
// through one iterator, which each relation seeks forward, rather than one
// new iterator per relation.
type supportCursor struct {
	it *badger.Iterator
}

// each calls fn for each support of relation id, in document order.
func (c *supportCursor) each(id string, fn func(doc string, s *supportRec) error) error {
	prefix := key(pSupport, id)
	for c.it.Seek(prefix); c.it.ValidForPrefix(prefix); c.it.Next() {
		item := c.it.Item()
		doc, _, err := readStr(item.Key()[len(prefix):])
		if err != nil {
			return err
		}
		var s *supportRec
		if err := item.Value(func(v []byte) error {
			var err error
			s, err = decodeSupport(v, doc)
			return err
		}); err != nil {
			return err
		}
		if err := fn(doc, s); err != nil {
			return err
		}
	}
	return nil
}

func (d *dumper) relations() error {
	sc := &supportCursor{d.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pSupport}})}
	defer sc.it.Close()
	return d.each([]byte{pRel}, func(k, v []byte) error {
		id, err := lastStr(k)
		if err != nil {
			return err
		}
		rec, err := d.relation(id, v, sc.each)
		if err != nil || rec == nil {
			return err
		}
		return d.fn(rec)
	})
}

// relation renders relation id, stored as v, as the dump writes it, or
// nil if the selection leaves it out. supports calls fn with the supports
// of the relation; with a document selection it needs to give only those
// of the selected documents.
func (d *dumper) relation(id string, v []byte, supports func(id string, fn func(doc string, s *supportRec) error) error) (*graph.Record, error) {
	r, err := decodeRel(v)
	if err != nil {
		return nil, err
	}
	if ok, err := d.keepAll(r.Subject, r.Object); err != nil || !ok {
		return nil, err
	}
	rel := &graph.Relation{
		ID: id, Subject: r.Subject, Predicate: r.Predicate, Object: r.Object,
		Role: r.Role, Symmetric: r.Symmetric, Confidence: r.Confidence, Weight: r.Weight, Evidence: r.Evidence,
	}
	if r.MoreEvidence && d.docs == nil {
		rel.Evidence = nil
		err := supports(id, func(_ string, s *supportRec) error {
			rel.Evidence = append(rel.Evidence, s.Evidence...)
			if len(rel.Evidence) >= maxEvidence {
				return errEnough
			}
			return nil
		})
		if err != nil && err != errEnough {
			return nil, err
		}
		rel.Evidence = rel.Evidence[:min(len(rel.Evidence), maxEvidence)]
	}
	if d.docs != nil {
		// Only what the selected documents state.
		rel.Weight, rel.Confidence, rel.Role, rel.Evidence = 0, 0, "", nil
		err := supports(id, func(doc string, s *supportRec) error {
			if d.docs[doc] {
				rel.Weight += s.Count
				rel.Confidence = max(rel.Confidence, s.Confidence)
				if rel.Role == "" {
					rel.Role = s.Role
				}
				rel.Evidence = mergeEvidence(rel.Evidence, s.Evidence)
			}
			return nil
		})
		if err != nil || rel.Weight == 0 {
			return nil, err
		}
	}
	return &graph.Record{Kind: graph.RecordRelation, Relation: rel}, nil
}

// facts emits every record under prefix that render keeps.
func (d *dumper) facts(prefix byte, render func(v []byte) (*graph.Record, error)) error {
	return d.each([]byte{prefix}, func(_, v []byte) error {
		rec, err := render(v)
		if err != nil || rec == nil {
			return err
		}
		return d.fn(rec)
	})
}

func (d *dumper) figures() error { return d.facts(pFigure, d.figure) }
func (d *dumper) events() error  { return d.facts(pEvent, d.event) }
func (d *dumper) quotes() error  { return d.facts(pQuote, d.quote) }

// figure renders a figure stored as v, or nil if the selection leaves it
// out; event and quote do the same for theirs.
func (d *dumper) figure(v []byte) (*graph.Record, error) {
	r, err := decodeFact[graph.Figure](v)
	if err != nil || !d.keepDoc(r.Doc) {
		return nil, err
	}
	if ok, err := d.keepAll(r.Fact.About, r.Fact.Place); err != nil || !ok {
		return nil, err
	}
	return &graph.Record{Kind: graph.RecordFigure, Figure: &r.Fact}, nil
}

func (d *dumper) event(v []byte) (*graph.Record, error) {
	r, err := decodeFact[graph.EventFact](v)
	if err != nil || !d.keepDoc(r.Doc) {
		return nil, err
	}
	if ok, err := d.keepAll(append([]string{r.Fact.Place, r.Fact.Entity}, r.Fact.Participants...)...); err != nil || !ok {
		return nil, err
	}
	return &graph.Record{Kind: graph.RecordEvent, Event: &r.Fact}, nil
}

func (d *dumper) quote(v []byte) (*graph.Record, error) {
	r, err := decodeFact[graph.Quote](v)
	if err != nil || !d.keepDoc(r.Doc) {
		return nil, err
	}
	if ok, err := d.keepEntity(r.Fact.Speaker); err != nil || !ok {
		return nil, err
	}
	return &graph.Record{Kind: graph.RecordQuote, Quote: &r.Fact}, nil
}

func (d *dumper) merges() error {
	return d.each([]byte{pMerge}, func(k, v []byte) error {
		from, err := lastStr(k)
		if err != nil {
			return err
		}
		m, err := decodeMerge(v)
		if err != nil {
			return err
		}
		if d.types != nil || d.docs != nil {
			if ok, err := d.keepEntity(m.Into); err != nil || !ok {
				return err
			}
		}
		return d.fn(&graph.Record{Kind: graph.RecordMerge, Merge: &graph.Merge{From: from, Into: m.Into}})
	})
}
