package store

import (
	"bytes"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// get returns the value at k, or nil and false; the value must not be
// changed.
func get(txn kv, k []byte) ([]byte, bool, error) { return txn.get(k) }

func has(txn kv, k []byte) (bool, error) { return txn.has(k) }

// getEntity returns the entity stored under id (not following merges), or
// nil.
func getEntity(txn kv, id string) (*entityRec, error) {
	v, ok, err := get(txn, key(pEntity, id))
	if !ok || err != nil {
		return nil, err
	}
	return decodeEntity(v)
}

// resolveID follows a merge record. Merge chains are kept one step long
// (mergeEntity re-points older merges), so one lookup suffices.
func resolveID(txn kv, id string) (string, error) {
	v, ok, err := get(txn, key(pMerge, id))
	if !ok || err != nil {
		return id, err
	}
	m, err := decodeMerge(v)
	return m.Into, err
}

// entity is getEntity through the transaction's cache, then the writer's
// cache of committed records: an ingest reads the same entities many
// times, and every write goes through putEntity or deleteEntity, which keep
// the caches current.
func (w *wtx) entity(id string) (*entityRec, error) {
	if rec, ok := w.ents[id]; ok {
		return rec, nil
	}
	if rec, ok := w.db.ents[id]; ok {
		// A copy: callers may change scalar fields in place, and the
		// committed record must not change if this transaction fails.
		// Slices are never changed in place.
		if rec != nil {
			cp := *rec
			rec = &cp
		}
		w.ents[id] = rec
		return rec, nil
	}
	rec, err := getEntity(w.txn, id)
	if err == nil {
		w.ents[id] = rec
	}
	return rec, err
}

// resolve is resolveID through the transaction's cache, which putMerge and
// delMerge keep current.
func (w *wtx) resolve(id string) (string, error) {
	if to, ok := w.merges[id]; ok {
		return to, nil
	}
	if to, ok := w.db.merges[id]; ok {
		w.merges[id] = to
		return to, nil
	}
	to, err := resolveID(w.txn, id)
	if err == nil {
		w.merges[id] = to
	}
	return to, err
}

// delMerge deletes the merge record of from.
func (w *wtx) delMerge(from string) error {
	w.merges[from] = from
	return w.txn.del(key(pMerge, from))
}

// scanKeys returns copies of every key with the given prefix. Writers
// collect keys before changing them.
func scanKeys(txn kv, prefix []byte) [][]byte {
	var keys [][]byte
	txn.scan(prefix, false, func(k, _ []byte) error {
		keys = append(keys, bytes.Clone(k))
		return nil
	})
	return keys
}

// formGroup is the surface forms of an entity that share one NameKey.
type formGroup struct {
	key    string
	rep    string // the form most documents used, then the smallest
	repN   int
	total  int
	tokens int
}

func groupForms(forms []counted) []formGroup {
	idx := map[string]int{}
	var gs []formGroup
	for _, f := range forms {
		k := graph.NameKey(f.S)
		i, ok := idx[k]
		if !ok {
			i = len(gs)
			idx[k] = i
			gs = append(gs, formGroup{key: k, tokens: tokenCount(k)})
		}
		g := &gs[i]
		g.total += f.N
		if f.N > g.repN || (f.N == g.repN && f.S < g.rep) {
			g.rep, g.repN = f.S, f.N
		}
	}
	return gs
}

func tokenCount(key string) int {
	if key == "" {
		return 0
	}
	return strings.Count(key, " ") + 1
}

// pickName chooses an entity's display name from its forms, independently
// of the order documents arrived in (so that deleting a document restores
// the name a store without it would have): the form its ID was made from if
// still present, else the fullest name, the most used, the smallest.
func pickName(id string, forms []counted) string {
	gs := groupForms(forms)
	if len(gs) == 0 {
		return ""
	}
	slug := id[strings.IndexByte(id, '/')+1:]
	better := func(a, b formGroup) bool {
		as, bs := strings.ReplaceAll(a.key, " ", "-") == slug, strings.ReplaceAll(b.key, " ", "-") == slug
		switch {
		case as != bs:
			return as
		case a.tokens != b.tokens:
			return a.tokens > b.tokens
		case a.total != b.total:
			return a.total > b.total
		}
		return a.key < b.key
	}
	best := gs[0]
	for _, g := range gs[1:] {
		if better(g, best) {
			best = g
		}
	}
	return best.rep
}

// nameKeys returns the folded names an entity is indexed under.
func nameKeys(r *entityRec) []string {
	if r == nil {
		return nil
	}
	set := map[string]bool{}
	for _, f := range r.Forms {
		if k := graph.NameKey(f.S); k != "" {
			set[k] = true
		}
	}
	if k := graph.NameKey(r.Name); k != "" {
		set[k] = true
	}
	return sortedKeys(set)
}

// surnames returns the last words of a person's multi-word names.
func surnames(r *entityRec) []string {
	if r == nil || r.Type != graph.Person {
		return nil
	}
	set := map[string]bool{}
	for _, k := range nameKeys(r) {
		if i := strings.LastIndexByte(k, ' '); i >= 0 {
			set[k[i+1:]] = true
		}
	}
	return sortedKeys(set)
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// diff returns the elements of the sorted slice a missing from b.
func diff(a, b []string) []string {
	var out []string
	for _, s := range a {
		if i := sort.SearchStrings(b, s); i == len(b) || b[i] != s {
			out = append(out, s)
		}
	}
	return out
}

// listEdit adds or removes id in the sorted ID list stored at k.
func (w *wtx) listEdit(k []byte, id string, add bool) error {
	ids, err := w.ids(k)
	if err != nil {
		return err
	}
	ids, changed := editIDs(ids, id, add)
	if !changed {
		return nil
	}
	w.lists[string(k)] = ids
	if len(ids) == 0 {
		return w.txn.del(k)
	}
	return w.txn.set(k, encodeIDs(ids))
}

// ids is readIDs through the transaction's and the writer's caches; only
// listEdit changes ID lists.
func (w *wtx) ids(k []byte) ([]string, error) {
	if ids, ok := w.lists[string(k)]; ok {
		return ids, nil
	}
	if ids, ok := w.db.lists[string(k)]; ok {
		w.lists[string(k)] = ids
		return ids, nil
	}
	ids, err := readIDs(w.txn, k)
	if err == nil {
		w.lists[string(k)] = ids
	}
	return ids, err
}

// readIDs returns the ID list stored at k.
func readIDs(txn kv, k []byte) ([]string, error) {
	v, ok, err := get(txn, k)
	if !ok || err != nil {
		return nil, err
	}
	return decodeIDs(v)
}

// putEntity writes rec under id and keeps the type, name and surname
// indexes and the counters in step with the change from old (nil for a new
// entity). keepName keeps rec.Name instead of choosing one.
func (w *wtx) putEntity(id string, old, rec *entityRec, keepName bool) error {
	if !keepName || rec.Name == "" {
		if n := pickName(id, rec.Forms); n != "" {
			rec.Name = n
		}
	}
	w.ents[id] = rec
	if old == nil {
		if err := w.txn.set(key(pType, string(rec.Type), id), nil); err != nil {
			return err
		}
		w.count(cEntities, 1)
		w.count(cTypePre+string(rec.Type), 1)
	}
	if err := w.reindexNames(id, old, rec); err != nil {
		return err
	}
	return w.txn.set(key(pEntity, id), rec.encode())
}

func (w *wtx) reindexNames(id string, old, rec *entityRec) error {
	if sameNames(old, rec) {
		return nil // the usual case: a document added mentions or counts
	}
	ok, nk := nameKeys(old), nameKeys(rec)
	t := string(rec.Type)
	for _, k := range diff(ok, nk) {
		if err := w.listEdit(key(pName, t, k), id, false); err != nil {
			return err
		}
	}
	for _, k := range diff(nk, ok) {
		if err := w.listEdit(key(pName, t, k), id, true); err != nil {
			return err
		}
	}
	os, ns := surnames(old), surnames(rec)
	for _, s := range diff(os, ns) {
		if err := w.listEdit(key(pSurname, s), id, false); err != nil {
			return err
		}
	}
	for _, s := range diff(ns, os) {
		if err := w.listEdit(key(pSurname, s), id, true); err != nil {
			return err
		}
	}
	return nil
}

// sameNames reports whether a and b are indexed under the same names and
// surnames: same type, name and form strings (counts do not matter), so
// that reindexNames can skip folding every form.
func sameNames(a, b *entityRec) bool {
	if a == nil || b == nil || a.Type != b.Type || a.Name != b.Name || len(a.Forms) != len(b.Forms) {
		return false
	}
	for i := range a.Forms {
		if a.Forms[i].S != b.Forms[i].S {
			return false
		}
	}
	return true
}

// deleteEntity removes an entity and its index entries. Automatic merges
// into it go too: nothing is left for them to resolve to. Analysts' merges
// stay, so the IDs they retired keep pointing at the entity should it
// reappear.
func (w *wtx) deleteEntity(id string, rec *entityRec) error {
	if err := w.reindexNames(id, rec, &entityRec{Type: rec.Type}); err != nil {
		return err
	}
	for _, k := range [][]byte{key(pEntity, id), key(pType, string(rec.Type), id)} {
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	w.ents[id] = nil
	if w.deadDegs == nil {
		w.deadDegs = map[string][]degree{}
	}
	if _, ok := w.deadDegs[id]; !ok { // else deleted before, deltas pending
		w.deadDegs[id] = rec.Degrees
	}
	w.count(cEntities, -1)
	w.count(cTypePre+string(rec.Type), -1)
	for _, k := range scanKeys(w.txn, key(pMergeRev, id)) {
		parts, err := parseKey(k, pMergeRev, 2)
		if err != nil {
			return err
		}
		v, ok, err := get(w.txn, key(pMerge, parts[1]))
		if err != nil {
			return err
		}
		if ok {
			if m, err := decodeMerge(v); err != nil || !m.Auto {
				continue
			}
		}
		if err := w.delMerge(parts[1]); err != nil {
			return err
		}
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	return nil
}

// contribute adds (sign +1) or retracts (sign -1) c as document doc's
// contribution to entity id, creating the entity of type t if needed.
func (w *wtx) contribute(id string, t graph.EntityType, doc string, c *entityContrib) error {
	old, err := w.entity(id)
	if err != nil {
		return err
	}
	rec := &entityRec{Type: t}
	if old != nil {
		cp := *old
		cp.Forms = append([]counted(nil), old.Forms...)
		cp.Roles = append([]roleCount(nil), old.Roles...)
		cp.Locs = append([]counted(nil), old.Locs...)
		cp.Values = append([]counted(nil), old.Values...)
		cp.Votes = append([]counted(nil), old.Votes...)
		rec = &cp
	}
	ck := contribKey(doc, kEntity, id)
	var v []byte
	found := false
	if doc != w.fresh || w.freshContribs[string(ck)] {
		if v, found, err = get(w.txn, ck); err != nil {
			return err
		}
	}
	prev := &entityContrib{}
	if found {
		if prev, err = decodeContrib(v); err != nil {
			return err
		}
	} else {
		rec.Docs++
		if err := w.txn.set(key(pEntDoc, id, doc), nil); err != nil {
			return err
		}
	}
	rec.Forms = addCounted(rec.Forms, c.Forms, 1)
	rec.Roles = addRoles(rec.Roles, c.Roles, 1)
	rec.Locs = addCounted(rec.Locs, c.Locs, 1)
	rec.Values = addCounted(rec.Values, c.Values, 1)
	rec.Votes = addCounted(rec.Votes, c.Votes, 1)
	prev.Forms = addCounted(prev.Forms, c.Forms, 1)
	prev.Roles = addRoles(prev.Roles, c.Roles, 1)
	prev.Locs = addCounted(prev.Locs, c.Locs, 1)
	prev.Values = addCounted(prev.Values, c.Values, 1)
	prev.Votes = addCounted(prev.Votes, c.Votes, 1)
	if err := w.txn.set(ck, prev.encode()); err != nil {
		return err
	}
	if doc == w.fresh {
		w.freshContribs[string(ck)] = true
	}
	return w.putEntity(id, old, rec, false)
}

// retractEntity removes document doc's contribution and mentions from
// entity id, deleting the entity when no document supports it any more.
func (w *wtx) retractEntity(id, doc string, contrib []byte) error {
	c, err := decodeContrib(contrib)
	if err != nil {
		return err
	}
	old, err := w.entity(id)
	if err != nil || old == nil {
		return err
	}
	rec := *old
	rec.Forms = addCounted(append([]counted(nil), old.Forms...), c.Forms, -1)
	rec.Roles = addRoles(append([]roleCount(nil), old.Roles...), c.Roles, -1)
	rec.Locs = addCounted(append([]counted(nil), old.Locs...), c.Locs, -1)
	rec.Values = addCounted(append([]counted(nil), old.Values...), c.Values, -1)
	rec.Votes = addCounted(append([]counted(nil), old.Votes...), c.Votes, -1)
	mk := scanKeys(w.txn, key(pMention, id, doc))
	for _, k := range mk {
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	rec.Mentions -= len(mk)
	w.count(cMentions, -len(mk))
	rec.Docs--
	for _, k := range [][]byte{contribKey(doc, kEntity, id), key(pEntDoc, id, doc)} {
		if err := w.txn.del(k); err != nil {
			return err
		}
	}
	if rec.Docs <= 0 {
		return w.deleteEntity(id, old)
	}
	if w.touched == nil {
		w.touched = map[string]bool{}
	}
	w.touched[id] = true
	return w.putEntity(id, old, &rec, false)
}

// unfold renames entity id after a retraction when none of its remaining
// forms is the name its ID was made from, to the ID its name now gives —
// the ID a store that never had the retracted document would use. An
// automatic merge of that ID into id is undone on the way. Entities whose
// new ID is taken by another entity keep theirs.
func (w *wtx) unfold(id string) error {
	rec, err := w.entity(id)
	if err != nil || rec == nil || len(rec.Forms) == 0 {
		return err
	}
	slug := id[strings.IndexByte(id, '/')+1:]
	for _, f := range rec.Forms {
		if graph.Slug(f.S) == slug {
			return nil
		}
	}
	target := graph.EntityID(rec.Type, rec.Name)
	if target == id {
		return nil
	}
	if other, err := w.entity(target); err != nil || other != nil {
		return err
	}
	v, ok, err := get(w.txn, key(pMerge, target))
	if err != nil {
		return err
	}
	if ok {
		m, err := decodeMerge(v)
		if err != nil {
			return err
		}
		if m.Into != id || !m.Auto {
			return nil // target retired by an analyst or into another entity
		}
		if err := w.delMerge(target); err != nil {
			return err
		}
		if err := w.txn.del(key(pMergeRev, id, target)); err != nil {
			return err
		}
	}
	if err := w.putEntity(target, nil, &entityRec{Type: rec.Type}, true); err != nil {
		return err
	}
	if err := w.mergeEntity(id, target, true); err != nil {
		return err
	}
	// id named the entity only because of the retracted document.
	if err := w.delMerge(id); err != nil {
		return err
	}
	return w.txn.del(key(pMergeRev, target, id))
}

// addMentions stores the mentions of entity id in doc. written holds the
// mention keys this document already wrote: the document's old mentions
// were retracted before, so no other can exist and no read is needed.
func (w *wtx) addMentions(id, doc string, ms []graph.Mention, written map[string]bool) error {
	n := 0
	for _, m := range ms {
		k := mentionKey(id, doc, m.Start, m.End)
		if written[string(k)] {
			continue
		}
		written[string(k)] = true
		if err := w.txn.set(k, encodeMention(m.Sentence, m.Text)); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return nil
	}
	rec, err := w.entity(id)
	if err != nil || rec == nil {
		return err
	}
	old := *rec
	rec.Mentions += n
	w.count(cMentions, n)
	return w.putEntity(id, &old, rec, true)
}

// render turns a stored entity into the domain type, resolving role
// targets through merges.
func render(txn kv, id string, r *entityRec) (*graph.Entity, error) {
	e := &graph.Entity{ID: id, Type: r.Type, Name: r.Name, MentionCount: r.Mentions}
	nameKey := graph.NameKey(r.Name)
	for _, g := range groupForms(r.Forms) {
		if g.key != nameKey && g.rep != r.Name {
			e.Aliases = append(e.Aliases, g.rep)
		}
	}
	sort.Strings(e.Aliases)
	seen := map[graph.Role]bool{}
	for _, rc := range r.Roles {
		role := graph.Role{Title: rc.Title, Of: rc.Of}
		if role.Of != "" {
			of, err := resolveID(txn, role.Of)
			if err != nil {
				return nil, err
			}
			role.Of = of
		}
		if !seen[role] {
			seen[role] = true
			e.Roles = append(e.Roles, role)
		}
	}
	sort.Slice(e.Roles, func(i, j int) bool {
		a, b := e.Roles[i], e.Roles[j]
		return a.Title < b.Title || a.Title == b.Title && a.Of < b.Of
	})
	if l := mostCounted(r.Locs); l != "" {
		e.Location = decodeLoc(l)
	}
	e.Value = mostCounted(r.Values)
	return e, nil
}

// mostCounted returns the element given by most documents, then the
// smallest.
func mostCounted(cs []counted) string {
	best := counted{}
	for _, c := range cs {
		if c.N > best.N {
			best = c
		}
	}
	return best.S
}
