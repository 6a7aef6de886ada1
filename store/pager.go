package store

import (
	"sync/atomic"
	"time"
)

// A pager drops the resident pages of Badger's memory-mapped files
// (releaseMapped) when the process's resident set is above a bound, at
// most once an interval. A nil pager never drops anything: the kernel
// reclaims clean file pages by itself under memory pressure, and dropping
// them while they are still in use costs reading them back.
//
// Writers and dumps call release concurrently; the interval is kept with
// an atomic so that two callers do not both scan /proc/self/maps.
type pager struct {
	dir      string // the store's directory as /proc/self/maps names it
	above    int64  // resident bytes above which pages are dropped
	interval time.Duration
	next     atomic.Int64 // UnixNano before which release does nothing
}

// pageInterval is how often a long write or dump checks the resident set.
const pageInterval = 250 * time.Millisecond

// newPager returns a pager for the mappings under dir, or nil where there
// is nothing to drop (dir is "" off Linux or in memory, or above is 0).
func newPager(dir string, above int64) *pager {
	if dir == "" || above <= 0 {
		return nil
	}
	return &pager{dir: dir, above: above, interval: pageInterval}
}

// release drops the mapped pages if an interval has passed since the last
// check and the resident set is above the bound.
func (p *pager) release() {
	if p == nil {
		return
	}
	now := time.Now().UnixNano()
	next := p.next.Load()
	if now < next || !p.next.CompareAndSwap(next, now+int64(p.interval)) {
		return
	}
	if residentBytes() > p.above {
		releaseMapped(p.dir)
	}
}
