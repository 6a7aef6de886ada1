package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// Ingest stores extractions in order. Each document is applied atomically
// in one Badger transaction (several small documents may share one): after
// a crash it is entirely present or entirely absent. A document already
// stored with the same text, title, URL and date is left alone; one with
// any of them new has its old facts retracted and the new ones stored.
//
// On error the documents before the failing one are stored and the rest are
// not; the error names the document. EINVALID for a malformed extraction,
// ELIMIT for a document whose facts do not fit in one transaction.
func (db *DB) Ingest(ctx context.Context, xs []*graph.Extraction) (graph.IngestResult, error) {
	if db.cfg.readOnly {
		return graph.IngestResult{}, graph.Errorf(graph.EINVALID, "store is open read-only")
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.releaseWritten()

	b := &batcher{db: db, w: db.newWtx()}
	defer func() { b.w.discard() }()
	for _, x := range xs {
		if err := ctx.Err(); err != nil {
			return b.res, errors.Join(err, internal(b.commit(false)))
		}
		if err := validate(x); err != nil {
			if ferr := b.commit(false); ferr != nil {
				return b.res, internal(ferr)
			}
			return b.res, err
		}
		st, err := b.w.apply(x)
		if errors.Is(err, badger.ErrTxnTooBig) && len(b.items) > 0 {
			// The batch is too big with this document: commit the batch
			// without it, then try it alone.
			if err := b.commit(true); err != nil {
				return b.res, internal(err)
			}
			st, err = b.w.apply(x)
		}
		if err != nil {
			if ferr := b.commit(true); ferr != nil {
				return b.res, internal(ferr)
			}
			if errors.Is(err, badger.ErrTxnTooBig) {
				return b.res, graph.Errorf(graph.ELIMIT, "document %q: too many facts to store in one transaction", x.Document.ID)
			}
			return b.res, internal(err)
		}
		b.items = append(b.items, batchItem{x, st})
		if len(b.items) >= db.cfg.maxDocsPerTxn {
			if err := b.commit(false); err != nil {
				return b.res, internal(err)
			}
		}
	}
	return b.res, internal(b.commit(false))
}

// status is what ingesting one document did.
type status int

const (
	added status = iota
	replaced
	unchanged
)

type batchItem struct {
	x  *graph.Extraction
	st status
}

// batcher groups documents into write transactions.
type batcher struct {
	db    *DB
	w     *wtx
	items []batchItem
	res   graph.IngestResult
}

// commit commits the batch and starts a new transaction. With redo it first
// re-applies the batch in a fresh transaction, because a failed document
// left the current one half-written.
func (b *batcher) commit(redo bool) error {
	if redo {
		b.w.discard()
		b.w = b.db.newWtx()
		for i := range b.items {
			st, err := b.w.apply(b.items[i].x)
			if err != nil {
				return err
			}
			b.items[i].st = st
		}
	}
	if len(b.items) > 0 {
		if err := b.w.commit(); err != nil {
			return err
		}
		for _, it := range b.items {
			switch it.st {
			case added:
				b.res.Added++
			case replaced:
				b.res.Replaced++
			default:
				b.res.Unchanged++
			}
		}
	}
	b.items = nil
	b.w.discard()
	b.w = b.db.newWtx()
	return nil
}

func hashText(s string) uint64 {
	h := sha256.Sum256([]byte(s))
	return binary.BigEndian.Uint64(h[:8])
}

func getDoc(txn kv, id string) (*docRec, error) {
	v, ok, err := get(txn, key(pDoc, id))
	if !ok || err != nil {
		return nil, err
	}
	return decodeDoc(v)
}

// apply writes one validated extraction.
func (w *wtx) apply(x *graph.Extraction) (status, error) {
	doc := x.Document
	h := hashText(doc.Text)
	old, err := getDoc(w.txn, doc.ID)
	if err != nil {
		return 0, err
	}
	st := added
	if old != nil {
		if old.Hash == h && old.Doc.Text == doc.Text && old.Doc.Title == doc.Title &&
			old.Doc.URL == doc.URL && old.Doc.Published == doc.Published {
			return unchanged, nil
		}
		if err := w.retract(doc.ID, old); err != nil {
			return 0, err
		}
		st = replaced
	}
	// The document has no contributions now: new, or just retracted.
	w.fresh, w.freshContribs = doc.ID, map[string]bool{}
	defer func() { w.fresh, w.freshContribs = "", nil }()
	local, err := w.applyEntities(doc.ID, x.Entities)
	if err != nil {
		return 0, err
	}
	if err := w.applyRelations(doc.ID, x.Relations, local); err != nil {
		return 0, err
	}
	if err := w.applyFacts(doc.ID, x, local); err != nil {
		return 0, err
	}
	doc.Place = local[doc.Place]
	num, err := w.indexDoc(&doc)
	if err != nil {
		return 0, err
	}
	if err := w.txn.set(key(pDoc, doc.ID), (&docRec{Doc: doc, Hash: h, Number: num}).encode()); err != nil {
		return 0, err
	}
	if err := w.txn.set(docDateKey(doc.Published, doc.ID), nil); err != nil {
		return 0, err
	}
	w.count(cDocuments, 1)
	if err := w.flushContribs(); err != nil {
		return 0, err
	}
	// Degrees are written with each document rather than at commit, so that
	// a transaction too big for them fails here, where the batcher splits.
	if err := w.flushDegrees(); err != nil {
		return 0, err
	}
	return st, nil
}

// applyEntities resolves the document's entities, adds their forms, roles
// and mentions, and returns the map from local to global IDs.
func (w *wtx) applyEntities(doc string, es []*graph.Entity) (map[string]string, error) {
	// Resolve fuller names first, so that "Putin" finds "Vladimir Putin"
	// of the same document instead of being merged into it afterwards.
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := es[order[i]], es[order[j]]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return tokenCount(graph.NameKey(a.Name)) > tokenCount(graph.NameKey(b.Name))
	})
	local := map[string]string{"": ""}
	for _, i := range order {
		e := es[i]
		id, t, err := w.resolveEntity(e)
		if err != nil {
			return nil, err
		}
		local[e.ID] = id
		c := &entityContrib{}
		seen := map[string]bool{}
		for _, f := range e.Names() {
			if !seen[f] {
				seen[f] = true
				c.Forms = addCounted(c.Forms, []counted{{f, 1}}, 1)
			}
		}
		if e.Location != nil {
			c.Locs = []counted{{encodeLoc(e.Location), 1}}
		}
		if e.Value != "" {
			c.Values = []counted{{e.Value, 1}}
		}
		if votes(e.Type) && len(e.Mentions) > 0 {
			c.Votes = []counted{{string(e.Type), len(e.Mentions)}}
		}
		if err := w.contribute(id, t, doc, c); err != nil {
			return nil, err
		}
		if t == e.Type {
			if err := w.absorbShort(id, e); err != nil {
				return nil, err
			}
		}
		// absorbShort may have merged id into the entity it joined.
		cur, err := w.resolve(id)
		if err != nil {
			return nil, err
		}
		if err := w.absorbOutvoted(cur); err != nil {
			return nil, err
		}
	}
	// Merges made while resolving may have retired IDs resolved earlier.
	for l, g := range local {
		r, err := w.resolve(g)
		if err != nil {
			return nil, err
		}
		local[l] = r
	}
	written := map[string]bool{}
	for _, e := range es {
		id := local[e.ID]
		if len(e.Roles) > 0 { // never resolved to another type
			c := &entityContrib{}
			for _, r := range e.Roles {
				c.Roles = addRoles(c.Roles, []roleCount{{r.Title, local[r.Of], 1}}, 1)
			}
			if err := w.contribute(id, e.Type, doc, c); err != nil {
				return nil, err
			}
		}
		if err := w.addMentions(id, doc, e.Mentions, written); err != nil {
			return nil, err
		}
	}
	return local, nil
}

// applyRelations stores the document's relations between resolved
// entities, one support per distinct (subject, predicate, object). The
// document has no supports yet: its old version was retracted, and merges
// made while resolving its entities only move other documents' supports.
func (w *wtx) applyRelations(doc string, rs []*graph.Relation, local map[string]string) error {
	type triple struct{ s, p, o string }
	sups := map[triple]*supportRec{}
	for _, r := range rs {
		s, o := local[r.Subject], local[r.Object]
		if s == o {
			continue // both ends resolved to one entity
		}
		sym := symmetric(r)
		if sym && s > o {
			s, o = o, s
		}
		n := r.Weight
		if n <= 0 {
			n = max(1, len(r.Evidence))
		}
		ev := make([]graph.Mention, len(r.Evidence))
		for i, m := range r.Evidence {
			m.Document, m.Entity = doc, ""
			ev[i] = m
		}
		sup := &supportRec{Count: n, Confidence: r.Confidence, Role: r.Role, Symmetric: sym, Evidence: mergeEvidence(nil, ev)}
		t := triple{s, r.Predicate, o}
		if prev := sups[t]; prev != nil {
			prev.Count += sup.Count
			prev.Confidence = max(prev.Confidence, sup.Confidence)
			prev.Evidence = mergeEvidence(prev.Evidence, sup.Evidence)
			if prev.Role == "" {
				prev.Role = sup.Role
			}
			continue
		}
		sups[t] = sup
	}
	keys := make([]triple, 0, len(sups))
	for t := range sups {
		keys = append(keys, t)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.s < b.s || a.s == b.s && (a.p < b.p || a.p == b.p && a.o < b.o)
	})
	for _, t := range keys {
		if _, err := w.addSupport(t.s, t.p, t.o, doc, sups[t], true); err != nil {
			return err
		}
	}
	return nil
}

// factID derives an ID for a fact the extractor left without one.
func factID(kind, doc string, m graph.Mention) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d\x00%s", doc, m.Start, m.End, m.Text)))
	return kind + "/" + hex.EncodeToString(h[:8])
}

// applyFacts stores the document's figures, events and quotes with their
// entity references resolved.
func (w *wtx) applyFacts(doc string, x *graph.Extraction, local map[string]string) error {
	for _, f := range x.Figures {
		c := *f
		c.About, c.Place, c.Source = local[f.About], local[f.Place], local[f.Source]
		c.Evidence.Document, c.Evidence.Entity = doc, ""
		if c.AsOf == "" {
			c.AsOf = x.Document.Published // a count holds for the day it was published
			if len(c.AsOf) > 10 {
				c.AsOf = c.AsOf[:10]
			}
		}
		if c.ID == "" {
			c.ID = factID("figure", doc, c.Evidence)
		}
		id, err := figures.freeID(w, doc, &c)
		if err != nil {
			return err
		}
		c.ID = id
		if err := figures.put(w, doc, &c, true); err != nil {
			return err
		}
	}
	for _, e := range x.Events {
		c := *e
		c.Place, c.Entity = local[e.Place], local[e.Entity]
		c.Participants = nil
		seen := map[string]bool{}
		for _, p := range e.Participants {
			if g := local[p]; !seen[g] {
				seen[g] = true
				c.Participants = append(c.Participants, g)
			}
		}
		c.Evidence = make([]graph.Mention, len(e.Evidence))
		for i, m := range e.Evidence {
			m.Document, m.Entity = doc, ""
			c.Evidence[i] = m
		}
		if c.ID == "" {
			var m graph.Mention
			if len(c.Evidence) > 0 {
				m = c.Evidence[0]
			}
			c.ID = factID("event", doc, graph.Mention{Start: m.Start, End: m.End, Text: c.Kind + " " + c.Name})
		}
		id, err := events.freeID(w, doc, &c)
		if err != nil {
			return err
		}
		c.ID = id
		if err := events.put(w, doc, &c, true); err != nil {
			return err
		}
	}
	for _, q := range x.Quotes {
		c := *q
		c.Speaker = local[q.Speaker]
		c.Evidence.Document, c.Evidence.Entity = doc, ""
		if c.ID == "" {
			c.ID = factID("quote", doc, c.Evidence)
		}
		id, err := quotes.freeID(w, doc, &c)
		if err != nil {
			return err
		}
		c.ID = id
		if err := quotes.put(w, doc, &c, true); err != nil {
			return err
		}
	}
	return nil
}

// retract removes a document and everything only it supported.
func (w *wtx) retract(id string, old *docRec) error {
	for _, k := range [][]byte{key(pDoc, id), docDateKey(old.Doc.Published, id)} {
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	if err := w.unindexDoc(old); err != nil {
		return err
	}
	w.count(cDocuments, -1)
	for _, k := range scanKeys(w.txn, contribPrefix(id)) {
		_, kind, fid, err := parseContribKey(k)
		if err != nil {
			return err
		}
		switch kind {
		case kEntity:
			v, ok, err := get(w.txn, k)
			if err != nil {
				return err
			}
			if ok {
				err = w.retractEntity(fid, id, v)
			}
			if err != nil {
				return err
			}
		case kRelation, kFigure, kEvent, kQuote:
			err = w.retractList(id, kind)
		default:
			err = fmt.Errorf("unknown contribution kind %q", kind)
		}
		if err != nil {
			return err
		}
	}
	touched := sortedKeys(w.touched)
	w.touched = nil
	for _, e := range touched {
		if err := w.unfold(e); err != nil {
			return err
		}
	}
	return nil
}

// retractList retracts the relations, figures, events or quotes (kind)
// that document doc contributed.
func (w *wtx) retractList(doc string, kind byte) error {
	ids, err := w.contribIDs(doc, kind)
	if err != nil {
		return err
	}
	for _, id := range ids { // the removers replace the list, not change it
		switch kind {
		case kRelation:
			err = w.removeSupport(id, doc)
		case kFigure:
			err = figures.remove(w, id)
		case kEvent:
			err = events.remove(w, id)
		default:
			err = quotes.remove(w, id)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// DeleteDocument removes a document and retracts every fact that only it
// supported; entities left without a supporting document disappear.
// ENOTFOUND if the document does not exist.
func (db *DB) DeleteDocument(ctx context.Context, id string) error {
	return db.update(ctx, func(w *wtx) error {
		old, err := getDoc(w.txn, id)
		if err != nil {
			return err
		}
		if old == nil {
			return graph.Errorf(graph.ENOTFOUND, "document %q not found", id)
		}
		return w.retract(id, old)
	})
}
