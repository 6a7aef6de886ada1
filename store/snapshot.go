package store

import (
	"context"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

var _ interface {
	Snapshot(context.Context) (context.Context, func())
} = (*DB)(nil)

// snapshotKey is the context key of a *snapshot.
type snapshotKey struct{}

// A snapshot is one read transaction shared by the reads of a context.
// Badger panics when a transaction is discarded with an iterator open, and
// a GraphQL request that timed out may leave a resolver reading after the
// request ended; so the transaction is discarded by whichever comes last,
// the release or the last read, and reads after the release open their
// own transactions.
type snapshot struct {
	db       *DB
	mu       sync.Mutex
	txn      *badger.Txn
	active   int  // reads in progress on txn
	released bool // release was called; txn is discarded when active is 0
}

// Snapshot returns a context under which every read of db sees the store
// as it is now, and the function that releases it (graph.Snapshotter).
func (db *DB) Snapshot(ctx context.Context) (context.Context, func()) {
	s := &snapshot{db: db, txn: db.bdb.NewTransaction(false)}
	return context.WithValue(ctx, snapshotKey{}, s), s.release
}

// view runs fn on the snapshot's transaction and returns its error; ran
// is false if the snapshot was released, and fn did not run.
func (s *snapshot) view(fn func(txn *badger.Txn) error) (ran bool, err error) {
	s.mu.Lock()
	if s.released {
		s.mu.Unlock()
		return false, nil
	}
	s.active++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.active--; s.active == 0 && s.released {
			s.txn.Discard()
		}
		s.mu.Unlock()
	}()
	return true, fn(s.txn)
}

func (s *snapshot) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.released {
		return
	}
	s.released = true
	if s.active == 0 {
		s.txn.Discard()
	}
}
