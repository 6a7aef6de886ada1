package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// maxEvidence caps the evidence kept per relation and document; weights
// stay exact.
const maxEvidence = 20

// relationID derives a relation's ID from its resolved endpoints and
// predicate, so that two runs over the same input agree.
func relationID(s, p, o string) string {
	h := sha256.Sum256([]byte(s + "\x00" + p + "\x00" + o))
	return "rel/" + hex.EncodeToString(h[:8])
}

// symmetric reports whether a relation is stored with its endpoints in
// canonical (sorted) order.
func symmetric(r *graph.Relation) bool {
	return r.Symmetric || r.Predicate == graph.Met || r.Predicate == graph.MentionedWith
}

func mentionLess(a, b graph.Mention) bool {
	if a.Document != b.Document {
		return a.Document < b.Document
	}
	if a.Sentence != b.Sentence {
		return a.Sentence < b.Sentence
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.Text < b.Text
}

// mergeEvidence returns the sorted, deduplicated union of a and b, capped.
func mergeEvidence(a, b []graph.Mention) []graph.Mention {
	all := append(append([]graph.Mention(nil), a...), b...)
	sort.Slice(all, func(i, j int) bool { return mentionLess(all[i], all[j]) })
	out := all[:0]
	for i, m := range all {
		if i > 0 && m == all[i-1] {
			continue
		}
		out = append(out, m)
	}
	if len(out) > maxEvidence {
		out = out[:maxEvidence]
	}
	return out
}

func getRel(txn kv, id string) (*relRec, error) {
	v, ok, err := get(txn, key(pRel, id))
	if !ok || err != nil {
		return nil, err
	}
	return decodeRel(v)
}

func getSupport(txn kv, rel, doc string) (*supportRec, error) {
	v, ok, err := get(txn, key(pSupport, rel, doc))
	if !ok || err != nil {
		return nil, err
	}
	return decodeSupport(v, doc)
}

// putRel writes a relation, both of its edges and their places in the
// ordered indexes (ties.go). prev is the relation as it was stored, nil if
// it was not.
func (w *wtx) putRel(id string, r *relRec, prev *relRec) error {
	switch {
	case prev == nil:
		w.degreeDelta(r, r.Symmetric, +1)
	case prev.Symmetric != r.Symmetric:
		w.degreeDelta(r, prev.Symmetric, -1)
		w.degreeDelta(r, r.Symmetric, +1)
	}
	e := edgeRec{Relation: id, Weight: r.Weight, Symmetric: r.Symmetric, Confidence: r.Confidence}.encode()
	if err := w.txn.set(key(pOut, r.Subject, r.Predicate, r.Object), e); err != nil {
		return err
	}
	if err := w.txn.set(key(pIn, r.Object, r.Predicate, r.Subject), e); err != nil {
		return err
	}
	if err := w.txn.set(key(pRel, id), r.encode()); err != nil {
		return err
	}
	return w.rankTies(prev, r, e)
}

func (w *wtx) deleteRel(id string, r *relRec) error {
	w.degreeDelta(r, r.Symmetric, -1)
	for _, k := range [][]byte{key(pOut, r.Subject, r.Predicate, r.Object), key(pIn, r.Object, r.Predicate, r.Subject), key(pRel, id)} {
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	w.count(cRelations, -1)
	return w.rankTies(r, nil, nil)
}

// addSupport adds document doc's statements of (s, p, o) — endpoints
// already resolved and canonically ordered — combining them with any the
// document already made, and returns the relation's ID. fresh says the
// document cannot have stated the relation yet, which saves a read.
func (w *wtx) addSupport(s, p, o, doc string, sup *supportRec, fresh bool) (string, error) {
	var id string
	var rec *relRec
	var v []byte
	ok := false
	var err error
	if !w.db.foreignRelIDs {
		// Every relation's ID is relationID of its endpoints: read it
		// directly rather than its edge first.
		id = relationID(s, p, o)
		if rec, err = getRel(w.txn, id); err != nil {
			return "", err
		}
	} else if v, ok, err = get(w.txn, key(pOut, s, p, o)); err != nil {
		return "", err
	}
	if ok {
		e, err := decodeEdge(v)
		if err != nil {
			return "", err
		}
		id = e.Relation
		if rec, err = getRel(w.txn, id); err != nil {
			return "", err
		}
	}
	var was *relRec
	if rec != nil {
		cp := *rec // rec is updated in place below
		was = &cp
	} else {
		// 64 bits of SHA-256: a collision is not a practical concern, so
		// no read checks for one.
		id = relationID(s, p, o)
		rec = &relRec{Subject: s, Predicate: p, Object: o}
		w.count(cRelations, 1)
	}
	added := sup.Count
	var prev *supportRec
	if !fresh {
		if prev, err = getSupport(w.txn, id, doc); err != nil {
			return "", err
		}
	}
	if prev != nil {
		role := prev.Role
		if role == "" {
			role = sup.Role
		}
		sup = &supportRec{
			Count:      prev.Count + sup.Count,
			Confidence: max(prev.Confidence, sup.Confidence),
			Role:       role,
			Symmetric:  prev.Symmetric || sup.Symmetric,
			Evidence:   mergeEvidence(prev.Evidence, sup.Evidence),
		}
	}
	rec.Weight += added
	rec.addEvidence(doc, sup.Evidence)
	rec.Confidence = max(rec.Confidence, sup.Confidence)
	rec.Symmetric = rec.Symmetric || sup.Symmetric
	if sup.Role != "" && (!rec.HasRole || doc < rec.RoleDoc || doc == rec.RoleDoc) {
		rec.Role, rec.RoleDoc, rec.HasRole = sup.Role, doc, true
	}
	if err := w.txn.set(key(pSupport, id, doc), sup.encode()); err != nil {
		return "", err
	}
	if err := w.contribEdit(doc, kRelation, id, true); err != nil {
		return "", err
	}
	return id, w.putRel(id, rec, was)
}

// removeSupport retracts document doc's statements of relation id.
func (w *wtx) removeSupport(id, doc string) error {
	if err := w.txn.del(key(pSupport, id, doc)); err != nil {
		return err
	}
	if err := w.contribEdit(doc, kRelation, id, false); err != nil {
		return err
	}
	return w.recomputeRel(id)
}

// recomputeRel rebuilds a relation's aggregate from its supports, the same
// way addSupport builds it incrementally, and deletes it if none is left.
func (w *wtx) recomputeRel(id string) error {
	old, err := getRel(w.txn, id)
	if err != nil || old == nil {
		return err
	}
	rec := &relRec{Subject: old.Subject, Predicate: old.Predicate, Object: old.Object}
	n := 0
	err = eachSupport(w.txn, id, func(doc string, s *supportRec) error {
		n++
		rec.Weight += s.Count
		if len(rec.Evidence) < maxEvidence { // supports come in document order
			rec.Evidence = append(rec.Evidence, withDocument(s.Evidence[:min(len(s.Evidence), maxEvidence-len(rec.Evidence))], doc)...)
		}
		rec.Confidence = max(rec.Confidence, s.Confidence)
		rec.Symmetric = rec.Symmetric || s.Symmetric
		if s.Role != "" && !rec.HasRole { // supports come in document order
			rec.Role, rec.RoleDoc, rec.HasRole = s.Role, doc, true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return w.deleteRel(id, old)
	}
	rec.Evidence, rec.MoreEvidence = trimEvidence(rec.Evidence)
	return w.putRel(id, rec, old)
}

// eachSupport calls fn for each support of relation id, in document order.
func eachSupport(txn kv, id string, fn func(doc string, s *supportRec) error) error {
	prefix := key(pSupport, id)
	return txn.scan(prefix, true, func(k, v []byte) error {
		parts, err := parseKey(k, pSupport, 2)
		if err != nil {
			return err
		}
		s, err := decodeSupport(v, parts[1])
		if err != nil {
			return err
		}
		return fn(parts[1], s)
	})
}

// withDocument returns ms with Document set to doc, copying only if one
// differs.
func withDocument(ms []graph.Mention, doc string) []graph.Mention {
	for i := range ms {
		if ms[i].Document != doc {
			out := make([]graph.Mention, len(ms))
			for j, m := range ms {
				m.Document = doc
				out[j] = m
			}
			return out
		}
	}
	return ms
}

// inlineEvidenceBytes bounds the evidence kept in a relation's record, so
// that the record stays well under Badger's value threshold (in the LSM
// tree, not the value log, where each rewrite would leave garbage).
const inlineEvidenceBytes = 512

// trimEvidence returns the longest start of ms that fits in
// inlineEvidenceBytes, and whether that left any out.
func trimEvidence(ms []graph.Mention) ([]graph.Mention, bool) {
	size := 0
	for i, m := range ms {
		if size += len(m.Document) + len(m.Text) + 8; size > inlineEvidenceBytes {
			return ms[:i:i], true
		}
	}
	return ms, false
}

// addEvidence adds document doc's evidence mentions ms to the start of the
// relation's evidence kept in r.
func (r *relRec) addEvidence(doc string, ms []graph.Mention) {
	if len(ms) == 0 {
		return
	}
	n := len(r.Evidence)
	first := graph.Mention{Document: doc}
	if !r.MoreEvidence {
		if n == maxEvidence && !mentionLess(first, r.Evidence[n-1]) {
			return // all of doc's mentions sort after the kept ones
		}
		r.Evidence, r.MoreEvidence = trimEvidence(mergeEvidence(r.Evidence, withDocument(ms, doc)))
		return
	}
	// r.Evidence is a strict start of the evidence: of the merged list, only
	// what sorts before its last mention is known to be in place.
	if n == 0 || !mentionLess(first, r.Evidence[n-1]) {
		return
	}
	last := r.Evidence[n-1]
	merged := mergeEvidence(r.Evidence, withDocument(ms, doc))
	i := 0
	for i < len(merged) && !mentionLess(last, merged[i]) {
		i++
	}
	r.Evidence, _ = trimEvidence(merged[:i])
}

// renderRel turns a stored relation into the domain type, with evidence:
// the kept evidence, or if the relation has more, the first maxEvidence
// mentions of its supports.
func renderRel(txn *badger.Txn, id string, r *relRec) (*graph.Relation, error) {
	ev := r.Evidence
	if r.MoreEvidence {
		var err error
		if ev, err = evidence(txn, id, r.Evidence); err != nil {
			return nil, err
		}
	}
	return &graph.Relation{
		ID: id, Subject: r.Subject, Predicate: r.Predicate, Object: r.Object,
		Role: r.Role, Symmetric: r.Symmetric, Confidence: r.Confidence, Weight: r.Weight, Evidence: ev,
	}, nil
}

// evidence returns the first maxEvidence evidence mentions of relation id
// in (document, position) order. inline is the start of them that the
// relation's record keeps: the supports are read from its last document
// on, so that the heaviest relations, whose evidence overflows the record,
// read the supports of a few documents rather than of the first twenty.
func evidence(txn *badger.Txn, id string, inline []graph.Mention) ([]graph.Mention, error) {
	out := append(make([]graph.Mention, 0, maxEvidence), inline...)
	prefix := key(pSupport, id)
	start := prefix
	if len(inline) > 0 {
		start = key(pSupport, id, inline[len(inline)-1].Document)
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 4})
	defer it.Close()
	for it.Seek(start); it.Valid() && len(out) < maxEvidence; it.Next() {
		parts, err := parseKey(it.Item().Key(), pSupport, 2)
		if err != nil {
			return nil, err
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		s, err := decodeSupport(v, parts[1])
		if err != nil {
			return nil, err
		}
		for _, m := range s.Evidence {
			if len(inline) > 0 && !mentionLess(inline[len(inline)-1], m) {
				continue // kept in the record already
			}
			if out = append(out, m); len(out) == maxEvidence {
				break
			}
		}
	}
	return out, nil
}

// errEnough ends a scan early.
var errEnough = errors.New("enough")

// rekeyRelations moves every relation touching entity from to entity into,
// combining them with relations into already has; relations that would
// link into to itself are dropped.
func (w *wtx) rekeyRelations(from, into string) error {
	ids := map[string]bool{}
	for _, p := range []byte{pOut, pIn} {
		err := w.txn.scan(key(p, from), true, func(_, v []byte) error {
			e, err := decodeEdge(v)
			if err == nil {
				ids[e.Relation] = true
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	for _, id := range sortedKeys(ids) {
		r, err := getRel(w.txn, id)
		if err != nil || r == nil {
			return err
		}
		s, o := r.Subject, r.Object
		if s == from {
			s = into
		}
		if o == from {
			o = into
		}
		if r.Symmetric && s > o {
			s, o = o, s
		}
		type moved struct {
			doc string
			sup *supportRec
		}
		var sups []moved
		if err := eachSupport(w.txn, id, func(doc string, sup *supportRec) error {
			sups = append(sups, moved{doc, sup})
			return nil
		}); err != nil {
			return err
		}
		for _, m := range sups {
			if err := w.txn.del(key(pSupport, id, m.doc)); err != nil {
				return err
			}
			if err := w.contribEdit(m.doc, kRelation, id, false); err != nil {
				return err
			}
		}
		if err := w.deleteRel(id, r); err != nil {
			return err
		}
		if s == o {
			continue
		}
		for _, m := range sups {
			if _, err := w.addSupport(s, r.Predicate, o, m.doc, m.sup, false); err != nil {
				return err
			}
		}
	}
	return nil
}
