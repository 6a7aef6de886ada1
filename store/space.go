package store

import (
	"fmt"

	"github.com/factgraph/factgraph/graph"
)

// defaultMinFree is the free space a write leaves on the store's file
// system. Badger writes through memory-mapped files (its write-ahead logs,
// value log and tables), and a mapped write that finds the disk full is a
// SIGBUS that kills the process, not an error, leaving on tmpfs a store
// that crashes every later open. So the store refuses a write while less
// than this is free: room for one transaction, the flush of a full
// memtable (16 MB) and a compaction's new tables before it deletes the
// old ones. On tmpfs, where a write into a full disk is a SIGBUS, a
// 160 MiB one filled by Reuters-21578 stopped at 63.6 MiB free with no
// crash, and cmd/factgraph's TestIngestDiskFull runs the same on 68 MiB.
const defaultMinFree = 64 << 20

// WithMinFreeSpace sets the free space, in bytes, below which writes are
// refused with an ENOSPACE error (default 64 MiB; 0 never refuses). Reads
// go on while the disk is full, and writes succeed again once space is
// freed.
func WithMinFreeSpace(n int64) Option { return func(c *config) { c.minFree = n } }

// checkSpace returns an ENOSPACE error if committing now would leave less
// than the configured free space on the store's file system. Nothing of
// the refused transaction is written: it is discarded whole.
func (db *DB) checkSpace() error {
	if db.cfg.inMemory || db.cfg.minFree <= 0 {
		return nil
	}
	free, err := db.cfg.freeSpace(db.path)
	if err != nil {
		return nil // unknown: the write goes ahead
	}
	if free < uint64(db.cfg.minFree) {
		return graph.Errorf(graph.ENOSPACE, "no space left on device: %s has %s free, and factgraph keeps %s free for the store's background work; free some space and run the same command again",
			db.path, megabytes(free), megabytes(uint64(db.cfg.minFree)))
	}
	return nil
}

// megabytes formats a byte count for a message.
func megabytes(n uint64) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
