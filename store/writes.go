package store

import (
	"sort"
	"sync"
)

// Write counts: what incremental ingest writes into Badger's tree, by key
// prefix, for measuring which records' writes grow with the store
// (BENCHMARKS.md, issue 17). A transaction's last write of each key is
// what its commit stores, so a key written twice in one transaction counts
// once, with its last value.

// WriteCount is what commits wrote under one key prefix.
type WriteCount struct {
	Sets       int64 `json:"sets"`        // keys written with a value (possibly empty)
	Deletes    int64 `json:"deletes"`     // keys deleted
	KeyBytes   int64 `json:"key_bytes"`   // of the keys set and deleted
	ValueBytes int64 `json:"value_bytes"` // of the values set
}

// WithWriteCounts makes the store count what each commit writes, by key
// prefix (DB.WriteCounts). It costs a map entry per written key.
func WithWriteCounts() Option { return func(c *config) { c.countWrites = true } }

// writeCounts accumulates the counts of committed transactions.
type writeCounts struct {
	mu sync.Mutex
	by map[byte]*WriteCount
}

// WriteCounts returns, by prefix name (see key.go; "meta" for 0x01), what
// the commits since Open wrote; nil unless the store was opened
// WithWriteCounts. A bulk build is not counted.
func (db *DB) WriteCounts() map[string]WriteCount {
	if db.writes == nil {
		return nil
	}
	db.writes.mu.Lock()
	defer db.writes.mu.Unlock()
	out := map[string]WriteCount{}
	for p, c := range db.writes.by {
		name := string(rune(p))
		if p == pMeta {
			name = "meta"
		}
		out[name] = *c
	}
	return out
}

// countingKV records a transaction's last write of each key.
type countingKV struct {
	kv
	last map[string]int // value length; -1 for a delete
}

func (c *countingKV) set(k, v []byte) error {
	c.last[string(k)] = len(v)
	return c.kv.set(k, v)
}

func (c *countingKV) del(k []byte) error {
	c.last[string(k)] = -1
	return c.kv.del(k)
}

// add folds a committed transaction's writes into the counts.
func (w *writeCounts) add(last map[string]int) {
	keys := make([]string, 0, len(last))
	for k := range last {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, k := range keys {
		if k == "" {
			continue
		}
		c := w.by[k[0]]
		if c == nil {
			c = &WriteCount{}
			w.by[k[0]] = c
		}
		c.KeyBytes += int64(len(k))
		if n := last[k]; n < 0 {
			c.Deletes++
		} else {
			c.Sets++
			c.ValueBytes += int64(n)
		}
	}
}
