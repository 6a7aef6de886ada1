package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/factgraph/factgraph/graph"
)

// Compile-time checks that DB serves every graph interface.
var (
	_ graph.Ingester        = (*DB)(nil)
	_ graph.DocumentService = (*DB)(nil)
	_ graph.EntityService   = (*DB)(nil)
	_ graph.RelationService = (*DB)(nil)
	_ graph.FigureService   = (*DB)(nil)
	_ graph.EventService    = (*DB)(nil)
	_ graph.QuoteService    = (*DB)(nil)
	_ graph.StatsService    = (*DB)(nil)
	_ graph.Dumper          = (*DB)(nil)
	_ graph.Restorer        = (*DB)(nil)
)

// DB is a factgraph knowledge graph stored in a Badger database. It is safe
// for concurrent use: writes are serialized, reads run on consistent
// snapshots in parallel with them.
type DB struct {
	bdb   *badger.DB
	bopts badger.Options // bdb's, to open it again after a bulk build
	cfg   config
	path  string
	pages *pager // drops Badger's mapped pages above cfg.pageOutAbove

	mu        sync.Mutex // serializes writers; Badger conflict detection is off
	stop      chan struct{}
	wg        sync.WaitGroup
	closeOnce sync.Once

	// Committed entity records and merge resolutions, read by the writer
	// only (under mu) so that consecutive documents do not re-read the
	// entities they share. Each commit folds its transaction's cache in.
	ents   map[string]*entityRec
	merges map[string]string
	lists  map[string][]string
	stems  stemCache // the writer's stems of words (search.go)
	// textIndex says the store keeps a full-text index (WithTextIndex).
	textIndex bool
	// bulk, during a bulk build, holds everything written (bulk.go).
	bulk *memKV

	// foreignRelIDs says a restore stored a relation whose ID is not
	// relationID of its endpoints, so the writer must find relations by
	// their edge rather than by computing the ID (see addSupport).
	foreignRelIDs bool

	// tallyReads counts the reads of a tally's report keys: the scans of
	// a whole tally by writes (tallyRun) and the report keys FigureTotals
	// visits, so that tests can tell how much a change reads.
	tallyReads struct{ scans, keys atomic.Int64 }

	// writes counts what commits write, by key prefix (WithWriteCounts).
	writes *writeCounts
}

// maxCached bounds the writer's caches; they are cleared when full.
const maxCached = 100000

// config is the store's configuration; Options change it from defaults.
type config struct {
	readOnly   bool
	textIndex  bool
	inMemory   bool
	logger     io.Writer
	syncWrites bool
	gcInterval time.Duration

	memTableSize   int64
	numMemtables   int
	blockCacheSize int64
	indexCacheSize int64
	valueThreshold int64
	vlogFileSize   int64
	maxDocsPerTxn  int
	pageOutAbove   int64
	minFree        int64                             // WithMinFreeSpace
	countWrites    bool                              // WithWriteCounts
	freeSpace      func(path string) (uint64, error) // statfs; replaced in tests
}

// defaultConfig is tuned for ingesting tens of thousands of news articles
// on a small machine with a peak RSS well under 500 MB, while serving
// queries:
func defaultConfig() config {
	return config{
		// Memtables are Badger's largest memory cost: each is a Go-heap
		// arena of MemTableSize plus room for one batch, and flushing one
		// builds a table of the same size. A transaction may hold at most
		// 15% of a memtable (2.4 MB, about 20,000 entries, here); a news
		// article writes a few hundred small keys (its text goes to the
		// value log), so a document always commits in one transaction.
		// Documents too large for that are refused (ELIMIT) rather than
		// split; WithMemTableSize raises the bound.
		memTableSize: 16 << 20,
		// One memtable being written while one is flushed; more only help
		// write bursts far above what extraction produces.
		numMemtables: 2,
		// The default 256 MB block cache would dominate RSS; queries touch
		// a small hot set of index blocks, 16 MB holds it.
		blockCacheSize: 16 << 20,
		// Bound the memory used by table indexes and bloom filters instead
		// of keeping all of them resident (Badger's default, 0, grows with
		// the store).
		indexCacheSize: 16 << 20,
		// Values over 1 KB (document texts, long fact records) go to the
		// value log, so the LSM tree holds only keys and small records and
		// index scans and compactions stay cheap.
		valueThreshold: 1 << 10,
		// Value log files are memory-mapped while open: 64 MB files keep
		// their resident pages few, and let garbage collection reclaim
		// space from replaced or deleted documents sooner than 1 GB files.
		vlogFileSize: 64 << 20,
		// Ingest groups up to this many documents per transaction; each
		// document is still entirely present or absent after a crash.
		// Small groups are cheaper: every iterator opened inside a
		// transaction sorts its pending writes (4 against 32: 4% less CPU
		// on Reuters-21578).
		maxDocsPerTxn: 4,
		minFree:       defaultMinFree,
		freeSpace:     freeSpace,
		gcInterval:    10 * time.Minute,
	}
}

// Option configures Open.
type Option func(*config)

// WithReadOnly opens the store for reading only; several read-only
// processes may share it, but not with a writer.
func WithReadOnly() Option { return func(c *config) { c.readOnly = true } }

// WithInMemory keeps the whole store in memory and ignores the path;
// nothing is persisted. Meant for tests.
func WithInMemory() Option { return func(c *config) { c.inMemory = true } }

// WithLogger sends Badger's log lines to w. By default they are discarded.
func WithLogger(w io.Writer) Option { return func(c *config) { c.logger = w } }

// WithSyncWrites fsyncs every commit. Without it a killed process loses
// nothing and a document is never torn, but an operating system crash or
// power loss may lose the last commits.
func WithSyncWrites() Option { return func(c *config) { c.syncWrites = true } }

// WithMemTableSize sets the size of Badger's memtables, which bounds the
// size of one document's facts (15% of it). The default is 16 MB.
func WithMemTableSize(n int64) Option { return func(c *config) { c.memTableSize = n } }

// WithBlockCacheSize sets the size of the block cache (default 16 MB).
func WithBlockCacheSize(n int64) Option { return func(c *config) { c.blockCacheSize = n } }

// WithPageOutAbove has long writes and dumps ask the kernel to reclaim the
// pages of Badger's memory-mapped files that they touched whenever the
// process's resident set exceeds n bytes (see pager). Those pages are
// clean or written-back page cache, which the kernel drops by itself when
// memory runs short, so the default, 0, never asks: dropping them on a
// timer made ingest read its tables back from disk (70 GB for a 1 GB
// store) and cost 1.5× its wall time. Set it where an RSS limit is
// enforced from outside (a container's memory limit counts page cache).
func WithPageOutAbove(n int64) Option { return func(c *config) { c.pageOutAbove = n } }

// WithTextIndex makes a new store keep a full-text index of its
// documents (SearchDocuments), written with each document. It costs
// ingest about a third more CPU (BENCHMARKS.md), so a store keeps one
// only when made with it; on a store that already holds documents without
// an index it is an EINVALID error. A store made with an index keeps it
// whether or not later opens ask for it.
func WithTextIndex() Option { return func(c *config) { c.textIndex = true } }

// Open opens the store at path, creating the directory if it is missing.
// A store locked by another process is an ECONFLICT error; a path that is
// not a usable directory is EINVALID.
func Open(path string, opts ...Option) (*DB, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.inMemory {
		if err := prepareDir(path, cfg.readOnly); err != nil {
			return nil, err
		}
	}
	bo := badger.DefaultOptions(path).
		WithInMemory(cfg.inMemory).
		WithReadOnly(cfg.readOnly).
		WithSyncWrites(cfg.syncWrites).
		WithLogger(nil).
		WithMemTableSize(cfg.memTableSize).
		WithNumMemtables(cfg.numMemtables).
		WithBlockCacheSize(cfg.blockCacheSize).
		WithIndexCacheSize(cfg.indexCacheSize).
		WithValueThreshold(cfg.valueThreshold).
		WithValueLogFileSize(cfg.vlogFileSize).
		// Two compactors (Badger's minimum) suit small machines; L0 keeps
		// its defaults so bursts do not stall writes early.
		WithNumCompactors(2).
		// A compaction builds up to 8+ tables at once, each buffering its
		// whole table in the Go heap. Badger doubles the table size per
		// level by default (64 MB tables at L6); keeping every table at
		// 2 MB bounds that peak, at the cost of more files.
		WithBaseTableSize(2 << 20).
		// Writers are serialized by DB.mu, so conflict tracking would
		// only cost memory.
		WithDetectConflicts(false).
		WithMetricsEnabled(false).
		// Snappy: cheap on CPU, and it roughly halves tables. (Measured
		// at 10,000 documents: without compression tables are 2.4 times
		// larger and flushing builds them in far larger Go-heap buffers,
		// so peak RSS rose from 350 to 500 MB.)
		WithCompression(options.Snappy)
	bo.TableSizeMultiplier = 1 // see WithBaseTableSize above
	if cfg.inMemory {
		bo = bo.WithDir("").WithValueDir("")
	}
	if cfg.logger != nil {
		bo = bo.WithLogger(writerLogger{cfg.logger})
	}
	bdb, err := badger.Open(bo)
	// Badger formats its wrapped errors with %v, so only the text tells.
	if cfg.readOnly && err != nil && strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error()) {
		bdb, err = recoverReadOnly(bo)
	}
	if err != nil {
		return nil, openError(path, err)
	}
	db := &DB{bdb: bdb, bopts: bo, cfg: cfg, path: path, stop: make(chan struct{})}
	if !cfg.inMemory && cfg.pageOutAbove > 0 {
		db.pages = newPager(mappedDir(path), cfg.pageOutAbove)
	}
	if cfg.countWrites {
		db.writes = &writeCounts{by: map[byte]*WriteCount{}}
	}
	if err := db.readFlags(); err != nil {
		db.bdb.Close()
		return nil, err
	}
	if err := db.checkVersion(); err != nil {
		bdb.Close()
		return nil, err
	}
	if err := db.checkTextIndex(); err != nil {
		bdb.Close()
		return nil, err
	}
	db.startGC()
	return db, nil
}

// startGC starts the value log's garbage collection for a writable store
// on disk.
func (db *DB) startGC() {
	if !db.cfg.readOnly && !db.cfg.inMemory && db.cfg.gcInterval > 0 {
		db.wg.Add(1)
		go db.gcLoop(db.stop)
	}
}

// releaseWritten lets the pager drop the mapped pages a write touched
// (WithPageOutAbove). Called by writers, under mu.
func (db *DB) releaseWritten() { db.pages.release() }

func prepareDir(path string, readOnly bool) error {
	if path == "" {
		return graph.Errorf(graph.EINVALID, "store path required")
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.IsDir():
		return graph.Errorf(graph.EINVALID, "store path %q is not a directory", path)
	case errors.Is(err, fs.ErrNotExist) && readOnly:
		return graph.Errorf(graph.ENOTFOUND, "no store at %q", path)
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(path, 0o755); err != nil {
			return graph.Errorf(graph.EINVALID, "cannot create store directory %q: %v", path, firstLine(err))
		}
	case err != nil:
		return graph.Errorf(graph.EINVALID, "cannot use store directory %q: %v", path, firstLine(err))
	}
	return checkStoreDir(path, readOnly)
}

// checkStoreDir refuses a directory that holds files but none of a Badger
// database's, so that a mistyped --db never fills a user's directory with
// store files, and says so plainly when a read-only open finds no store.
// A store whose creation was interrupted (a lock file, no manifest yet)
// opens again. Whether a Badger database is factgraph's is checkVersion's
// concern.
func checkStoreDir(path string, readOnly bool) error {
	entries, err := os.ReadDir(path)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "cannot use store directory %q: %v", path, firstLine(err))
	}
	for _, e := range entries {
		if isBadgerFile(e.Name()) {
			return nil
		}
	}
	switch {
	case len(entries) > 0:
		return graph.Errorf(graph.EINVALID, "%q is not a factgraph store: the directory holds other files (%s); give --db a new or empty directory", path, entries[0].Name())
	case readOnly:
		return graph.Errorf(graph.ENOTFOUND, "no store at %q: the directory is empty", path)
	}
	return nil
}

// recoverReadOnly opens, after a crash, a store that Badger will not open
// read-only because a write-ahead log ends in a torn write: the writer was
// killed while appending a transaction that never committed. Only a
// writable open truncates that tail, so the store is opened for writing
// once (which takes the store's lock, so never beside a live writer),
// closed, and opened again read-only. Nothing committed is lost: a
// transaction is in the log whole, or it was never acknowledged.
func recoverReadOnly(bo badger.Options) (*badger.DB, error) {
	w, err := badger.Open(bo.WithReadOnly(false))
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, err
		}
		return nil, fmt.Errorf("the store needs recovery after a crash, which needs write access: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("recovering the store after a crash: %w", err)
	}
	return badger.Open(bo)
}

// openError turns a Badger open failure into an application error; Badger
// errors carry stack traces, which users must not see.
func openError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Cannot acquire directory lock"):
		return graph.Errorf(graph.ECONFLICT, "store is in use by another factgraph process")
	case errors.Is(err, fs.ErrPermission) || strings.Contains(msg, "permission denied"):
		return graph.Errorf(graph.EINVALID, "cannot open store %q: permission denied", path)
	}
	return graph.Errorf(graph.EINTERNAL, "cannot open store %q: %s", path, firstLine(err))
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// isBadgerFile reports whether a file name is one Badger writes in its
// directory.
func isBadgerFile(name string) bool {
	switch name {
	case "MANIFEST", "LOCK", "KEYREGISTRY", "DISCARD":
		return true
	}
	switch filepath.Ext(name) {
	case ".sst", ".vlog", ".mem":
		return true
	}
	return false
}

// readFlags reads the store-wide flags kept under meta keys.
func (db *DB) readFlags() error {
	err := db.bdb.View(func(txn *badger.Txn) error {
		ok, err := has(tx(txn), foreignRelKey())
		db.foreignRelIDs = ok
		return err
	})
	if err != nil {
		return graph.Errorf(graph.EINTERNAL, "cannot read store %q: %v", db.path, firstLine(err))
	}
	return nil
}

// hasTextIndexKey reports whether the store keeps a text index.
func (db *DB) hasTextIndexKey() (bool, error) {
	var ok bool
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		ok, err = has(tx(txn), textIndexKey())
		return err
	})
	if err != nil {
		return false, graph.Errorf(graph.EINTERNAL, "cannot read store %q: %v", db.path, firstLine(err))
	}
	return ok, nil
}

// checkTextIndex reads whether the store keeps a text index and, asked
// for one (WithTextIndex), starts one on a store without documents.
func (db *DB) checkTextIndex() error {
	var err error
	if db.textIndex, err = db.hasTextIndexKey(); err != nil {
		return err
	}
	if db.textIndex || !db.cfg.textIndex || db.cfg.readOnly {
		return nil
	}
	var docs int64
	err = db.bdb.View(func(txn *badger.Txn) error {
		cs, err := getCounters(tx(txn))
		docs = cs[cDocuments]
		return err
	})
	if err != nil {
		return graph.Errorf(graph.EINTERNAL, "cannot read store %q: %v", db.path, firstLine(err))
	}
	if docs > 0 {
		return graph.Errorf(graph.EINVALID, "store %q holds %d documents without a text index: export it (export --format jsonl) and import the dump into a new store with --text-index", db.path, docs)
	}
	db.textIndex = true
	return db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(textIndexKey(), nil) })
}

// checkVersion stamps a new store with the layout version and refuses a
// store with another one.
func (db *DB) checkVersion() error {
	var v uint32
	found := false
	err := db.bdb.View(func(txn *badger.Txn) error {
		item, err := txn.Get(versionKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		found = true
		return item.Value(func(b []byte) error {
			if len(b) != 4 {
				return errCorrupt
			}
			v = binary.BigEndian.Uint32(b)
			return nil
		})
	})
	if err != nil {
		return graph.Errorf(graph.EINTERNAL, "cannot read store %q: %v", db.path, firstLine(err))
	}
	if found && v == 11 {
		// Layout 12 changed only the text index: a store without one is
		// already of layout 12, and is stamped so.
		if indexed, err := db.hasTextIndexKey(); err != nil {
			return err
		} else if !indexed {
			v = schemaVersion
			if !db.cfg.readOnly {
				if err := db.stampVersion(); err != nil {
					return graph.Errorf(graph.EINTERNAL, "cannot write store %q: %v", db.path, firstLine(err))
				}
			}
		}
	}
	switch {
	case found && v != schemaVersion:
		if v < schemaVersion {
			return graph.Errorf(graph.EINVALID, "store %q has layout version %d; this factgraph reads version %d: export it with the factgraph that made it (export --format jsonl) and import the dump into a new store, or ingest its documents again", db.path, v, schemaVersion)
		}
		return graph.Errorf(graph.EINVALID, "store %q has layout version %d, newer than this factgraph reads (version %d): upgrade factgraph", db.path, v, schemaVersion)
	case found || db.cfg.readOnly:
		return nil
	}
	empty, err := db.empty()
	if err != nil {
		return err
	}
	if !empty {
		return graph.Errorf(graph.EINVALID, "%q is not a factgraph store", db.path)
	}
	return db.stampVersion()
}

// stampVersion records that the store is of this factgraph's layout.
func (db *DB) stampVersion() error {
	return db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(versionKey(), binary.BigEndian.AppendUint32(nil, schemaVersion))
	})
}

// empty reports whether the store holds no graph content.
func (db *DB) empty() (bool, error) {
	empty := true
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for _, p := range dataPrefixes {
			it.Seek([]byte{p})
			if it.ValidForPrefix([]byte{p}) {
				empty = false
				return nil
			}
		}
		// Anything else that is not metadata also counts.
		it.Rewind()
		for ; it.Valid(); it.Next() {
			if it.Item().Key()[0] != pMeta {
				empty = false
				return nil
			}
		}
		return nil
	})
	return empty, err
}

// gcLoop reclaims value log space left by replaced and deleted documents.
func (db *DB) gcLoop(stop chan struct{}) {
	defer db.wg.Done()
	t := time.NewTicker(db.cfg.gcInterval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			for db.bdb.RunValueLogGC(0.5) == nil {
			}
		}
	}
}

// Close closes the store, after the write in progress. Closing it again
// does nothing.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() {
		close(db.stop)
		db.wg.Wait()
		db.mu.Lock()
		defer db.mu.Unlock()
		if db.bdb == nil { // a bulk build failed to open it again
			return
		}
		if cerr := db.bdb.Close(); cerr != nil {
			err = fmt.Errorf("close store: %w", cerr)
		}
	})
	return err
}

// Size returns the bytes the store's files occupy on disk (0 in memory).
func (db *DB) Size() (int64, error) {
	if db.cfg.inMemory {
		return 0, nil
	}
	var n int64
	err := filepath.WalkDir(db.path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) { // a file compacted away meanwhile
				return nil
			}
			return err
		}
		if !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += diskUsage(fi)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store size: %w", err)
	}
	return n, nil
}

// Counter names.
const (
	cDocuments = "documents"
	cEntities  = "entities"
	cMentions  = "mentions"
	cRelations = "relations"
	cFigures   = "figures"
	cEvents    = "events"
	cQuotes    = "quotes"
	cTypePre   = "type/"
	// cTalliesPre+measure counts the measure's tallies (tally.go).
	cTalliesPre = "tallies/"
)

// Stats returns exact counts, read from the counters kept in the
// transactions that change them (one key); it never scans the graph.
func (db *DB) Stats(ctx context.Context) (graph.Stats, error) {
	s := graph.Stats{ByType: map[graph.EntityType]int{}}
	err := db.view(ctx, func(txn *badger.Txn) error {
		cs, err := getCounters(tx(txn))
		if err != nil {
			return err
		}
		s.Documents, s.Entities, s.Mentions = int(cs[cDocuments]), int(cs[cEntities]), int(cs[cMentions])
		s.Relations, s.Figures, s.Events, s.Quotes = int(cs[cRelations]), int(cs[cFigures]), int(cs[cEvents]), int(cs[cQuotes])
		for _, t := range graph.EntityTypes {
			if v := cs[cTypePre+string(t)]; v != 0 {
				s.ByType[t] = int(v)
			}
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	if s.SizeBytes, err = db.Size(); err != nil {
		return s, graph.Errorf(graph.EINTERNAL, "%v", err)
	}
	return s, nil
}

func getCounter(txn kv, name string) (int64, error) {
	cs, err := getCounters(txn)
	return cs[name], err
}

// getCounters reads every counter.
func getCounters(txn kv) (map[string]int64, error) {
	v, _, err := get(txn, countersKey())
	if err != nil {
		return nil, err
	}
	cs := map[string]int64{}
	d := decoder{b: v}
	for len(d.b) > 0 && d.err == nil {
		name := d.str()
		cs[name] = int64(d.int())
	}
	return cs, d.err
}

func encodeCounters(cs map[string]int64) []byte {
	names := make([]string, 0, len(cs))
	for n, v := range cs {
		if v != 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	e := encoder{}
	for _, n := range names {
		e.str(n)
		e.int(int(cs[n]))
	}
	return e.b
}

// view runs fn in a read-only transaction, mapping errors to codes.
func (db *DB) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s, _ := ctx.Value(snapshotKey{}).(*snapshot); s != nil && s.db == db {
		if ran, err := s.view(fn); ran {
			return internal(err)
		}
	}
	return internal(db.bdb.View(fn))
}

// update runs fn in the single write transaction and commits it.
func (db *DB) update(ctx context.Context, fn func(w *wtx) error) error {
	if db.cfg.readOnly {
		return graph.Errorf(graph.EINVALID, "store is open read-only")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	w := db.newWtx()
	defer w.discard()
	if err := fn(w); err != nil {
		return internal(err)
	}
	return internal(w.commit())
}

// internal passes application errors through and wraps anything else;
// graph.ErrorCode reports those as EINTERNAL and graph.ErrorMessage hides
// them from API users, while the CLI can still show the cause.
func internal(err error) error {
	var e *graph.Error
	switch {
	case err == nil, errors.As(err, &e), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, badger.ErrTxnTooBig):
		return graph.Errorf(graph.ELIMIT, "document too large to store atomically")
	}
	return fmt.Errorf("store: %w", err)
}

// wtx is a write transaction with counter deltas applied at commit.
type wtx struct {
	db *DB
	// txn is what the write path reads and changes: btx, or mem in a
	// bulk build.
	txn     kv
	btx     *badger.Txn
	mem     *memKV
	deltas  map[string]int64
	touched map[string]bool               // entities a retraction changed but kept
	ents    map[string]*entityRec         // read-through cache; nil: no entity
	merges  map[string]string             // read-through cache of resolveID
	lists   map[string][]string           // read-through cache of ID lists, by key
	degrees map[string]map[string]*degree // degree deltas by entity and predicate
	// deadDegs holds the degrees of entities deleted in this transaction
	// before their pending deltas were folded in (degree.go).
	deadDegs map[string][]degree
	// noFold keeps this transaction's caches out of the DB's at commit:
	// a restore reads each entity once, and folding would only hold
	// memory.
	noFold bool
	// docLens, in a restore, holds the text length of every restored
	// document (restoreRefs).
	docLens map[string]int

	// fresh is the document being applied, which had no contributions
	// when its application began; freshContribs holds the contribution
	// keys it has written since, so that absent ones need no read.
	fresh         string
	freshContribs map[string]bool

	// contribs caches the documents' contribution ID lists by key
	// (contrib.go); dirtyContribs are those flushContribs has to write.
	contribs      map[string][]string
	dirtyContribs map[string]bool

	// counted records the transaction's writes when the store counts
	// them (WithWriteCounts).
	counted *countingKV
}

func (db *DB) newWtx() *wtx {
	if db.bulk != nil {
		return &wtx{db: db, txn: db.bulk, mem: db.bulk, deltas: map[string]int64{}, ents: map[string]*entityRec{}, merges: map[string]string{}, lists: map[string][]string{}}
	}
	btx := db.bdb.NewTransaction(true)
	w := &wtx{db: db, txn: txnKV{btx}, btx: btx, deltas: map[string]int64{}, ents: map[string]*entityRec{}, merges: map[string]string{}, lists: map[string][]string{}}
	if db.writes != nil {
		w.counted = &countingKV{kv: w.txn, last: map[string]int{}}
		w.txn = w.counted
	}
	return w
}

// discard drops the transaction's writes; after commit it does nothing.
func (w *wtx) discard() {
	if w.btx != nil {
		w.btx.Discard()
	} else if w.mem != nil {
		w.mem.discard()
	}
}

func (w *wtx) count(name string, d int) { w.deltas[name] += int64(d) }

func (w *wtx) commit() error {
	if err := w.db.checkSpace(); err != nil {
		return err
	}
	if err := w.flushContribs(); err != nil {
		return err
	}
	if err := w.flushDegrees(); err != nil {
		return err
	}
	changed := false
	for _, d := range w.deltas {
		changed = changed || d != 0
	}
	if changed {
		cs, err := getCounters(w.txn)
		if err != nil {
			return err
		}
		for name, d := range w.deltas {
			cs[name] += d
		}
		if err := w.txn.set(countersKey(), encodeCounters(cs)); err != nil {
			return err
		}
	}
	if w.btx != nil {
		if err := w.btx.Commit(); err != nil {
			return err
		}
		if w.counted != nil {
			w.db.writes.add(w.counted.last)
		}
	} else {
		w.mem.commit()
	}
	if w.noFold {
		return nil
	}
	db := w.db
	if db.ents == nil || len(db.ents)+len(w.ents) > maxCached {
		db.ents = map[string]*entityRec{}
	}
	if db.merges == nil || len(db.merges)+len(w.merges) > maxCached {
		db.merges = map[string]string{}
	}
	for id, rec := range w.ents {
		db.ents[id] = rec
	}
	for id, to := range w.merges {
		db.merges[id] = to
	}
	if db.lists == nil || len(db.lists)+len(w.lists) > maxCached {
		db.lists = map[string][]string{}
	}
	for k, ids := range w.lists {
		db.lists[k] = ids
	}
	return nil
}

// writerLogger adapts an io.Writer to Badger's Logger.
type writerLogger struct{ w io.Writer }

func (l writerLogger) Errorf(f string, v ...any)   { fmt.Fprintf(l.w, "badger error: "+f, v...) }
func (l writerLogger) Warningf(f string, v ...any) { fmt.Fprintf(l.w, "badger warning: "+f, v...) }
func (l writerLogger) Infof(f string, v ...any)    { fmt.Fprintf(l.w, "badger: "+f, v...) }
func (l writerLogger) Debugf(f string, v ...any)   {}
