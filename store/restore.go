package store

import (
	"context"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// restoreBatch is how many records one restore transaction holds at most.
const restoreBatch = 500

// Restore loads a dump into an empty store (ECONFLICT otherwise), so that
// dumping it again yields the same records. next returns io.EOF after the
// last record. Records must come in dump order: an entity before its
// mentions. Restore is not atomic: on error, delete the store and retry.
//
// A dump does not say which document gave which name form or role, nor how
// a relation's weight beyond its evidence splits over documents. Restored
// forms and roles therefore stay with their entity until it disappears, and
// weight not covered by evidence stays with the relation when documents
// are deleted later.
func (db *DB) Restore(ctx context.Context, next func() (*graph.Record, error)) error {
	if db.cfg.readOnly {
		return graph.Errorf(graph.EINVALID, "store is open read-only")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	empty, err := db.empty()
	if err != nil {
		return internal(err)
	}
	if !empty {
		return graph.Errorf(graph.ECONFLICT, "cannot restore into a store that is not empty")
	}
	// The writer's caches may remember entities, merges and name lists
	// that earlier writes deleted; Restore writes around them (restoreWtx),
	// so they must go.
	db.ents, db.merges, db.lists = nil, nil, nil
	// The length in code points of every restored document's text, to
	// check the offsets of the mentions and evidence that follow.
	lens := map[string]int{}
	w := db.restoreWtx(lens)
	defer func() { w.discard() }()
	var batch []*graph.Record // applied in w, not yet committed
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := next()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
		if rec == nil {
			return graph.Errorf(graph.EINVALID, "restore: nil record")
		}
		err = w.restore(rec)
		if errors.Is(err, badger.ErrTxnTooBig) && len(batch) > 0 {
			// The transaction is full: commit the batch without this
			// record, redoing it in a fresh transaction since the failed
			// record left the current one half-written, then retry.
			w.discard()
			w = db.restoreWtx(lens)
			for _, r := range batch {
				if err := w.restore(r); err != nil {
					return internal(err)
				}
			}
			if err := w.commit(); err != nil {
				return internal(err)
			}
			w, batch = db.restoreWtx(lens), nil
			err = w.restore(rec)
		}
		if err != nil {
			return internal(err)
		}
		batch = append(batch, rec)
		if len(batch) == restoreBatch {
			if err := w.commit(); err != nil {
				return internal(err)
			}
			w, batch = db.restoreWtx(lens), nil
			db.releaseWritten()
		}
	}
	if err := w.commit(); err != nil {
		return internal(err)
	}
	return db.checkMentioned(ctx)
}

// checkMentioned returns an EINVALID error naming an entity that a
// restore left without mentions: ingest never stores one (an entity goes
// with its last mention), so a dump that has one was not made by export.
func (db *DB) checkMentioned(ctx context.Context) error {
	return db.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var rec *entityRec
			if err := it.Item().Value(func(v []byte) (err error) {
				rec, err = decodeEntity(v)
				return err
			}); err != nil {
				return err
			}
			if rec.Mentions == 0 {
				id, err := lastStr(it.Item().Key())
				if err != nil {
					return err
				}
				return graph.Errorf(graph.EINVALID, "restore: entity %q has no mention in the dump", id)
			}
		}
		return nil
	})
}

func (w *wtx) restore(r *graph.Record) error {
	if err := w.restoreRecord(r); err != nil {
		return err
	}
	// As in apply: a transaction too big for the degrees fails here, where
	// Restore commits the records before this one and retries it.
	return w.flushDegrees()
}

func (w *wtx) restoreRecord(r *graph.Record) error {
	bad := func(format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "restore %s: "+format, append([]any{r.Kind}, args...)...)
	}
	switch {
	case r.Kind == graph.RecordDocument && r.Document != nil:
		d := *r.Document
		if d.Published != "" {
			// Dumps written before dates were normalized on input hold
			// them as the source gave them ("26-FEB-1987 15:01:01.79");
			// one that cannot be read is dropped, as input now refuses it.
			p, err := graph.NormalizePublished(d.Published)
			if err != nil {
				p = ""
			}
			d.Published = p
		}
		if err := d.Validate(); err != nil {
			return err
		}
		if ok, err := has(w.txn, key(pDoc, d.ID)); err != nil || ok {
			return errors.Join(err, bad("duplicate document %q", d.ID))
		}
		num, err := w.indexDoc(&d)
		if err != nil {
			return err
		}
		if err := w.txn.set(key(pDoc, d.ID), (&docRec{Doc: d, Hash: hashText(d.Text), Number: num}).encode()); err != nil {
			return err
		}
		w.count(cDocuments, 1)
		w.docLens[d.ID] = utf8.RuneCountInString(d.Text)
		return w.txn.set(docDateKey(d.Published, d.ID), nil)

	case r.Kind == graph.RecordEntity && r.Entity != nil:
		e := r.Entity
		if err := e.Validate(); err != nil {
			return err
		}
		if ok, err := has(w.txn, key(pEntity, e.ID)); err != nil || ok {
			return errors.Join(err, bad("duplicate entity %q", e.ID))
		}
		rec := &entityRec{Type: e.Type, Name: e.Name}
		for _, f := range e.Names() {
			rec.Forms = addCounted(rec.Forms, []counted{{f, 1}}, 1)
		}
		for _, ro := range e.Roles {
			rec.Roles = addRoles(rec.Roles, []roleCount{{ro.Title, ro.Of, 1}}, 1)
		}
		if e.Location != nil {
			rec.Locs = []counted{{encodeLoc(e.Location), 1}}
		}
		if e.Value != "" {
			rec.Values = []counted{{e.Value, 1}}
		}
		return w.putEntity(e.ID, nil, rec, true)

	case r.Kind == graph.RecordMention && r.Mention != nil:
		m := r.Mention
		rec, err := w.entity(m.Entity)
		if err != nil {
			return err
		}
		if rec == nil {
			return bad("mention of unknown entity %q", m.Entity)
		}
		if err := w.restoreRefs(r.Kind, []graph.Mention{*m}, nil); err != nil {
			return err
		}
		k := mentionKey(m.Entity, m.Document, m.Start, m.End)
		if ok, err := has(w.txn, k); err != nil || ok {
			return errors.Join(err, bad("duplicate mention %q at %d", m.Text, m.Start))
		}
		if err := w.txn.set(k, encodeMention(m.Sentence, m.Text)); err != nil {
			return err
		}
		w.count(cMentions, 1)
		old := *rec
		rec.Mentions++
		ck := contribKey(m.Document, kEntity, m.Entity)
		if ok, err := has(w.txn, ck); err != nil {
			return err
		} else if !ok {
			rec.Docs++
			if err := w.txn.set(ck, nil); err != nil {
				return err
			}
			if err := w.txn.set(key(pEntDoc, m.Entity, m.Document), nil); err != nil {
				return err
			}
		}
		return w.putEntity(m.Entity, &old, rec, true)

	case r.Kind == graph.RecordRelation && r.Relation != nil:
		return w.restoreRelation(r.Relation)

	case r.Kind == graph.RecordFigure && r.Figure != nil:
		f := *r.Figure
		if f.ID == "" {
			return bad("figure %q without an id", f.Text)
		}
		if err := f.Validate(); err != nil {
			return err
		}
		if err := w.restoreRefs(r.Kind, []graph.Mention{f.Evidence}, []string{f.About, f.Place, f.Source}); err != nil {
			return err
		}
		return figures.put(w, f.Evidence.Document, &f, true)

	case r.Kind == graph.RecordEvent && r.Event != nil:
		e := *r.Event
		doc := ""
		if len(e.Evidence) > 0 {
			doc = e.Evidence[0].Document
		}
		if err := w.restoreRefs(r.Kind, e.Evidence, append([]string{e.Place, e.Entity}, e.Participants...)); err != nil {
			return err
		}
		return events.put(w, doc, &e, true)

	case r.Kind == graph.RecordQuote && r.Quote != nil:
		q := *r.Quote
		if err := w.restoreRefs(r.Kind, []graph.Mention{q.Evidence}, []string{q.Speaker}); err != nil {
			return err
		}
		return quotes.put(w, q.Evidence.Document, &q, true)

	case r.Kind == graph.RecordMerge && r.Merge != nil:
		if r.Merge.From == "" || r.Merge.Into == "" {
			return bad("from and into required")
		}
		if r.Merge.From == r.Merge.Into {
			return bad("%q merged into itself", r.Merge.From)
		}
		return w.putMerge(r.Merge.From, mergeRec{Into: r.Merge.Into})
	}
	return graph.Errorf(graph.EINVALID, "restore: bad record of kind %q", r.Kind)
}

// restoreRelation rebuilds a relation's supports from its evidence: one per
// document the evidence comes from, counting its evidence, and one without
// a document for the rest of the weight.
func (w *wtx) restoreRelation(rel *graph.Relation) error {
	if err := rel.Validate(); err != nil {
		return err
	}
	if err := w.restoreRefs(graph.RecordRelation, rel.Evidence, []string{rel.Subject, rel.Object}); err != nil {
		return err
	}
	if ok, err := has(w.txn, key(pOut, rel.Subject, rel.Predicate, rel.Object)); err != nil || ok {
		return errors.Join(err, graph.Errorf(graph.EINVALID, "restore relation: duplicate %s %s %s", rel.Subject, rel.Predicate, rel.Object))
	}
	byDoc := map[string]*supportRec{}
	var docs []string
	total := 0
	for _, m := range rel.Evidence {
		s := byDoc[m.Document]
		if s == nil {
			s = &supportRec{Confidence: rel.Confidence, Role: rel.Role, Symmetric: rel.Symmetric}
			byDoc[m.Document] = s
			docs = append(docs, m.Document)
		}
		s.Count++
		total++
		s.Evidence = append(s.Evidence, m)
	}
	if rest := rel.Weight - total; rest > 0 {
		if s := byDoc[""]; s != nil {
			s.Count += rest
		} else {
			byDoc[""] = &supportRec{Count: rest, Confidence: rel.Confidence, Role: rel.Role, Symmetric: rel.Symmetric}
			docs = append(docs, "")
		}
	} else if rest < 0 {
		return graph.Errorf(graph.EINVALID, "restore relation %q: weight %d below its %d evidence", rel.ID, rel.Weight, total)
	}
	rec := &relRec{Subject: rel.Subject, Predicate: rel.Predicate, Object: rel.Object, Symmetric: rel.Symmetric, Confidence: rel.Confidence, Weight: rel.Weight}
	rec.Evidence, rec.MoreEvidence = trimEvidence(mergeEvidence(nil, rel.Evidence))
	for _, doc := range docs {
		s := byDoc[doc]
		if rel.Role != "" && (!rec.HasRole || doc < rec.RoleDoc) {
			rec.Role, rec.RoleDoc, rec.HasRole = rel.Role, doc, true
		}
		if err := w.txn.set(key(pSupport, rel.ID, doc), s.encode()); err != nil {
			return err
		}
		if doc != "" {
			if err := w.contribEdit(doc, kRelation, rel.ID, true); err != nil {
				return err
			}
		}
	}
	if rel.ID != relationID(rel.Subject, rel.Predicate, rel.Object) && !w.db.foreignRelIDs {
		if err := w.txn.set(foreignRelKey(), nil); err != nil {
			return err
		}
		w.db.foreignRelIDs = true // kept even if the restore fails: only slower
	}
	w.count(cRelations, 1)
	return w.putRel(rel.ID, rec, nil)
}

// restoreRefs checks that the documents and entities a restored fact names
// exist, and that its spans lie in their document's text: a dump lists
// documents and entities before the facts that name them, and a fact
// naming a missing document could never be deleted. A span without a
// document and empty entity IDs are optional and pass.
func (w *wtx) restoreRefs(kind string, spans []graph.Mention, ents []string) error {
	for _, m := range spans {
		if m.Document == "" {
			continue
		}
		n, ok := w.docLens[m.Document]
		if !ok {
			return graph.Errorf(graph.EINVALID, "restore %s: unknown document %q", kind, m.Document)
		}
		if m.Start < 0 || m.End < m.Start || m.End > n {
			return graph.Errorf(graph.EINVALID, "restore %s: span %d–%d outside document %q (%d characters)", kind, m.Start, m.End, m.Document, n)
		}
	}
	for _, e := range ents {
		if e == "" {
			continue
		}
		if rec, err := w.entity(e); err != nil {
			return err
		} else if rec == nil {
			return graph.Errorf(graph.EINVALID, "restore %s: unknown entity %q", kind, e)
		}
	}
	return nil
}

// restoreWtx is a write transaction for Restore, whose reads do not warm
// the writer's caches.
func (db *DB) restoreWtx(lens map[string]int) *wtx {
	w := db.newWtx()
	w.noFold = true
	w.docLens = lens
	return w
}
