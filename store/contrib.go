package store

// A document's relations, figures, events and quotes are recorded as one
// contribution key per kind, contribKey(doc, kind, ""), whose value lists
// their IDs sorted, rather than one key per fact: a document states a few
// of each, and every key costs a write to Badger's memtable. Edits are
// collected in the transaction and written once by flushContribs, so a
// document with many facts rewrites its lists once, not once per fact.

// listKinds are the contribution kinds kept as ID lists.
var listKinds = []byte{kRelation, kFigure, kEvent, kQuote}

// contribIDs returns the IDs of kind that doc contributed, as this
// transaction sees them. The slice must not be changed.
func (w *wtx) contribIDs(doc string, kind byte) ([]string, error) {
	k := string(contribKey(doc, kind, ""))
	if ids, ok := w.contribs[k]; ok {
		return ids, nil
	}
	var ids []string
	if doc != w.fresh {
		var err error
		if ids, err = docIDs(w.txn, doc, kind); err != nil {
			return nil, err
		}
	}
	if w.contribs == nil {
		w.contribs = map[string][]string{}
	}
	w.contribs[k] = ids
	return ids, nil
}

// docIDs reads the IDs of the facts of kind that doc contributed, nil if
// none.
func docIDs(txn kv, doc string, kind byte) ([]string, error) {
	v, ok, err := get(txn, contribKey(doc, kind, ""))
	if err != nil || !ok {
		return nil, err
	}
	return decodeIDs(v)
}

// contribEdit adds or removes id in the list of kind that doc contributed.
func (w *wtx) contribEdit(doc string, kind byte, id string, add bool) error {
	ids, err := w.contribIDs(doc, kind)
	if err != nil {
		return err
	}
	ids, changed := editIDs(ids, id, add)
	if !changed {
		return nil
	}
	k := string(contribKey(doc, kind, ""))
	w.contribs[k] = ids
	if w.dirtyContribs == nil {
		w.dirtyContribs = map[string]bool{}
	}
	w.dirtyContribs[k] = true
	return nil
}

// flushContribs writes the contribution lists changed since the last
// flush.
func (w *wtx) flushContribs() error {
	for k := range w.dirtyContribs {
		var err error
		if ids := w.contribs[k]; len(ids) == 0 {
			err = w.txn.del([]byte(k))
		} else {
			err = w.txn.set([]byte(k), encodeIDs(ids))
		}
		if err != nil {
			return err
		}
	}
	w.dirtyContribs = nil
	return nil
}
