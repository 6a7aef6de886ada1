package main

import (
	"context"
	"flag"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// bulkFlags are ingest's flags for the bulk build.
type bulkFlags struct {
	bulk      bool
	memoryMiB int64
}

func (f *bulkFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.bulk, "bulk", false, "build a new store in memory and write it once at the end (store.Bulk): the same store, half the size on disk, about the same CPU and several times the memory (BENCHMARKS.md); the store must be empty")
	fs.Int64Var(&f.memoryMiB, "bulk-memory", 1024, "MiB of keys and values a bulk build holds in memory before it writes them and goes on document by document")
}

// bulkMemoryLimit is the Go heap's soft limit during a bulk build beyond
// twice the build's bound (its keys and values and the tree and slices
// that hold them): the writeMemoryLimit of an incremental ingest would
// have the collector run nonstop.
const bulkMemoryLimit = writeMemoryLimit

// bulkGCPercent is GOGC during a bulk build, whose heap is mostly the
// build's own keys and values, live until it is written: the collector
// would otherwise mark them again at every doubling of the heap (GOGC=400
// against 100: 0.78x the CPU of a build of 12,500 documents, peak heap
// 1.66 against 0.82 GB; BENCHMARKS.md). The soft limit above still caps
// the heap.
const bulkGCPercent = 400

// bulkIngester sends documents to a bulk build until it holds memoryMiB,
// then finishes it and sends the rest to the store: the store is the same
// either way, key for key.
type bulkIngester struct {
	db    *store.DB
	b     *store.Bulk // nil once finished
	limit int64
	// finished is how many documents the build held when it was written.
	finished  int
	docs      int
	seconds   float64 // spent in Finish
	prevLimit int64   // the heap limit before the build, -1 if unchanged
	prevGC    int     // GOGC before the build, -1 if unchanged
	bytes     int64   // Bulk.Bytes when it was written
	keys      int
	heap      *heapPeak // sampled before the build is written
}

// startBulk returns the ingester an ingest should use: a bulk build with
// --bulk, else the store. The bulk build is not the default for an empty
// store because it measured little cheaper in CPU (0.83-0.96x) and took
// the Go heap to 1.9 GiB for 50,000 documents (BENCHMARKS.md).
func startBulk(env *Env, db *store.DB, f bulkFlags) (graph.Ingester, *bulkIngester, error) {
	if !f.bulk {
		return db, nil, nil
	}
	b, err := db.Bulk()
	if err != nil {
		return nil, nil, err
	}
	bi := &bulkIngester{db: db, b: b, limit: f.memoryMiB << 20, prevLimit: -1, prevGC: -1, heap: newHeapPeak()}
	if env.Getenv("GOMEMLIMIT") == "" {
		bi.prevLimit = debug.SetMemoryLimit(bulkMemoryLimit + 2*bi.limit)
	}
	if env.Getenv("GOGC") == "" {
		bi.prevGC = debug.SetGCPercent(bulkGCPercent)
	}
	return bi, bi, nil
}

// Ingest applies xs to the build, or to the store once the build is
// written.
func (bi *bulkIngester) Ingest(ctx context.Context, xs []*graph.Extraction) (graph.IngestResult, error) {
	if bi.b == nil {
		return bi.db.Ingest(ctx, xs)
	}
	res, err := bi.b.Ingest(ctx, xs)
	bi.docs += res.Added + res.Replaced + res.Unchanged
	if err == nil && bi.b.Bytes() > bi.limit {
		err = bi.finish(ctx)
	}
	return res, err
}

// finish writes the build, if one is under way, and goes on without it.
// It runs even when ctx is cancelled: every document the build holds is
// complete, and stored as an incremental ingest would have stored it.
func (bi *bulkIngester) finish(ctx context.Context) error {
	if bi.b == nil {
		return nil
	}
	t0 := time.Now()
	b := bi.b
	bi.b, bi.finished = nil, bi.docs
	bi.bytes, bi.keys = b.Bytes(), b.Keys()
	bi.heap.sample()
	err := b.Finish(context.WithoutCancel(ctx))
	bi.seconds = time.Since(t0).Seconds()
	if bi.prevLimit >= 0 {
		debug.SetMemoryLimit(bi.prevLimit)
	}
	if bi.prevGC >= 0 {
		debug.SetGCPercent(bi.prevGC)
	}
	return err
}

// heapPeak tracks the most memory the Go heap's objects held (live and
// not yet swept) at the moments it is sampled.
type heapPeak struct {
	s    []metrics.Sample
	peak uint64
}

func newHeapPeak() *heapPeak {
	return &heapPeak{s: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
}

func (h *heapPeak) sample() {
	metrics.Read(h.s)
	if h.s[0].Value.Kind() == metrics.KindUint64 {
		h.peak = max(h.peak, h.s[0].Value.Uint64())
	}
}
