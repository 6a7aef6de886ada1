package store

import (
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// upgradeNames turns a layout-12 store into one of layout 13, whose only
// change is the name index: each 'n' key's list of entity IDs becomes one
// member key per ID (memberKey), and the list's own key stays with no
// value, so that an entity joining a name many share writes small keys
// rather than the whole list. The members of a list are written before its
// value is emptied, in one transaction unless it outgrows one, so that a
// crash leaves lists whose members are (partly) written beside them, which
// the next open converts again; the layout version is stamped last.
func (db *DB) upgradeNames() error {
	rtxn := db.bdb.NewTransaction(false)
	defer rtxn.Discard()
	it := rtxn.NewIterator(badger.IteratorOptions{Prefix: []byte{pName}, PrefetchValues: true})
	defer it.Close()
	w := db.bdb.NewTransaction(true)
	defer func() { w.Discard() }()
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().KeyCopy(nil)
		if _, err := parseKey(k, pName, 2); err != nil || it.Item().ValueSize() == 0 {
			continue // a member key, or a name's key already converted
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		ids, err := decodeIDs(v)
		if err != nil {
			return err
		}
		err = convertList(w, k, ids)
		if errors.Is(err, badger.ErrTxnTooBig) {
			if err = w.Commit(); err != nil {
				return err
			}
			w = db.bdb.NewTransaction(true)
			if err = convertList(w, k, ids); errors.Is(err, badger.ErrTxnTooBig) {
				// A list too long for one transaction: its members in
				// as many as it takes, then the list.
				err = db.convertLongList(&w, k, ids)
			}
		}
		if err != nil {
			return err
		}
	}
	if err := w.Commit(); err != nil {
		return err
	}
	return db.stampVersion()
}

// convertList writes the member keys of the list ids stored at k and
// empties k's value.
func convertList(w *badger.Txn, k []byte, ids []string) error {
	for _, id := range ids {
		if err := w.Set(memberKey(k, id), nil); err != nil {
			return err
		}
	}
	return w.Set(k, nil)
}

// convertLongList is convertList over as many transactions as it takes,
// the last of which empties k's value; *w is left open.
func (db *DB) convertLongList(w **badger.Txn, k []byte, ids []string) error {
	for i := 0; i < len(ids); {
		err := (*w).Set(memberKey(k, ids[i]), nil)
		if errors.Is(err, badger.ErrTxnTooBig) {
			if err = (*w).Commit(); err != nil {
				return err
			}
			*w = db.bdb.NewTransaction(true)
			continue
		}
		if err != nil {
			return err
		}
		i++
	}
	err := (*w).Set(k, nil)
	if errors.Is(err, badger.ErrTxnTooBig) {
		if err = (*w).Commit(); err != nil {
			return err
		}
		*w = db.bdb.NewTransaction(true)
		err = (*w).Set(k, nil)
	}
	return err
}
