package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/input"
	"github.com/factgraph/factgraph/store"
)

// inputFlags are the flags shared by the commands that read news files.
type inputFlags struct {
	workers     int
	maxDocBytes int
	strict      bool
	fields      input.Fields
}

func (f *inputFlags) register(fs interface {
	IntVar(*int, string, int, string)
	BoolVar(*bool, string, bool, string)
	StringVar(*string, string, string, string)
}) {
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents extracted in parallel")
	fs.IntVar(&f.maxDocBytes, "max-doc-bytes", 16<<20, "largest document (or JSON line) accepted, in bytes")
	fs.BoolVar(&f.strict, "strict", false, "stop at the first bad document instead of going on")
	fs.StringVar(&f.fields.ID, "id-field", "id", "JSON Lines key of the document ID")
	fs.StringVar(&f.fields.Text, "text-field", "text", "JSON Lines key of the document text")
	fs.StringVar(&f.fields.Title, "title-field", "title", "JSON Lines key of the title")
	fs.StringVar(&f.fields.URL, "url-field", "url", "JSON Lines key of the URL")
	fs.StringVar(&f.fields.Published, "published-field", "published", "JSON Lines key of the publication date")
}

// validate checks the flags' values once they are parsed.
func (f *inputFlags) validate() error {
	switch {
	case f.workers < 1:
		return graph.Errorf(graph.EINVALID, "--workers must be at least 1, not %d", f.workers)
	case f.maxDocBytes < 1:
		return graph.Errorf(graph.EINVALID, "--max-doc-bytes must be positive, not %d", f.maxDocBytes)
	}
	return nil
}

func (f *inputFlags) options() input.Options {
	return input.Options{MaxDocBytes: f.maxDocBytes, Fields: f.fields}
}

// ingestSummary is what `ingest --json` prints.
type ingestSummary struct {
	Documents int          `json:"documents"` // read without error
	Added     int          `json:"added"`
	Replaced  int          `json:"replaced"`
	Unchanged int          `json:"unchanged"`
	Failed    int          `json:"failed"`
	Errors    []inputError `json:"errors,omitempty"`
	Bytes     int64        `json:"bytes"`
	Seconds   float64      `json:"seconds"`
	// StoreSeconds is the time spent writing to the store, which runs
	// while the workers extract the next documents.
	StoreSeconds float64 `json:"store_seconds"`
	// Bulk says how the documents were stored: by a bulk build, and of
	// how many documents (the rest went document by document).
	Bulk *bulkSummary `json:"bulk,omitempty"`
	// PeakHeapBytes is the most the Go heap's objects held, sampled after
	// each batch of documents is stored.
	PeakHeapBytes uint64 `json:"peak_heap_bytes"`
	Interrupted   bool   `json:"interrupted,omitempty"` // by a signal
	// Writes is what the commits wrote, by key prefix (--count-writes).
	Writes  map[string]store.WriteCount `json:"writes,omitempty"`
	Stats   *graph.Stats                `json:"stats,omitempty"`
	elapsed time.Duration               `json:"-"`
	heap    *heapPeak
}

// bulkSummary is what a bulk build did.
type bulkSummary struct {
	Documents int     `json:"documents"` // stored by the build
	Seconds   float64 `json:"seconds"`   // writing the build to disk
	Bytes     int64   `json:"bytes"`     // of keys and values (store.Bulk.Bytes)
	Keys      int     `json:"keys"`
	// HeapBeforeWrite is the Go heap's objects just before the build was
	// written.
	HeapBeforeWrite uint64 `json:"heap_before_write"`
}

// inputError is one bad input: where, and what was wrong.
type inputError struct {
	Where string `json:"where"`
	Error string `json:"error"`
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "ingest", "[flags] PATH...\n\nPATH is a .txt file (one document), a .jsonl file (one per line), either\ngzipped, a directory (read recursively), or - for standard input.")
	db := dbFlag(fs, env)
	pageOut := pageOutVar(fs)
	textIndex := textIndexVar(fs)
	var in inputFlags
	in.register(fs)
	var bf bulkFlags
	bf.register(fs)
	asJSON := fs.Bool("json", false, "print a JSON summary instead of progress")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (read it with go tool pprof)")
	countWrites := fs.Bool("count-writes", false, "count the keys and bytes each key prefix's commits write (the JSON summary's writes)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	if bf.memoryMiB < 1 {
		return graph.Errorf(graph.EINVALID, "--bulk-memory must be positive, not %d", bf.memoryMiB)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return graph.Errorf(graph.EINVALID, "ingest: no input paths")
	}
	limitHeap(env)
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	opts := append(pageOut.options(), textIndexOptions(*textIndex)...)
	if *countWrites {
		opts = append(opts, store.WithWriteCounts())
	}
	s, err := store.Open(*db, opts...)
	if err != nil {
		return err
	}
	defer s.Close()
	ing, bulk, err := startBulk(env, s, bf)
	if err != nil {
		return err
	}
	sum, err := ingestPaths(ctx, env, ing, ex, fs.Args(), in, !*asJSON)
	if bulk != nil {
		ferr := bulk.finish(ctx)
		sum.StoreSeconds += bulk.seconds
		sum.Bulk = &bulkSummary{Documents: bulk.finished, Seconds: bulk.seconds, Bytes: bulk.bytes, Keys: bulk.keys, HeapBeforeWrite: bulk.heap.peak}
		sum.heap.sample()
		err = errors.Join(err, ferr)
	}
	sum.PeakHeapBytes = sum.heap.peak
	sum.Writes = s.WriteCounts()
	// The summary is printed however the run ended: what is stored is
	// stored, each document complete.
	interrupted := errors.Is(err, context.Canceled) && ctx.Err() != nil
	if *asJSON {
		sum.Interrupted = interrupted
		if stats, serr := s.Stats(context.WithoutCancel(ctx)); serr == nil {
			sum.Stats = &stats
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if jerr := enc.Encode(sum); jerr != nil && err == nil {
			err = jerr
		}
	} else {
		verb := "ingested"
		if interrupted {
			verb = "interrupted: stored"
		}
		fmt.Fprintf(env.Stderr, "%s %d documents (%d new, %d replaced, %d unchanged), %d failed, in %s\n",
			verb, sum.Documents, sum.Added, sum.Replaced, sum.Unchanged, sum.Failed, sum.elapsed.Round(time.Millisecond))
	}
	switch {
	case interrupted:
		if !*asJSON {
			fmt.Fprintln(env.Stderr, "factgraph: every stored document is complete; run the same command again to ingest the rest")
		}
		return errInterrupted
	case err != nil:
		return err
	case sum.Failed > 0:
		return errReported
	}
	return nil
}

// writeMemoryLimit is the Go heap's soft limit while a command writes or
// serves a store, unless GOMEMLIMIT sets another (see BENCHMARKS.md for its
// effect).
const writeMemoryLimit = 360 << 20

// limitHeap sets a soft heap limit for a long write. Badger's compactions
// and the extraction workers' garbage would otherwise take the heap well
// past what the work needs; the limit keeps peak RSS under 500 MiB for a few
// percent more CPU (below 340 MiB the collector runs nearly nonstop).
func limitHeap(env *Env) {
	if env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(writeMemoryLimit)
	}
}

// ingestBatch is the number of documents handed to the store at once.
const ingestBatch = 64

// ingestPaths reads, extracts and stores every document under paths. Bad
// documents are reported on stderr (when print is true; --json keeps them
// in the summary instead) and skipped, or end the run with --strict, once
// the documents before them are stored. A document ID seen twice in one
// run is such a bad document: two inputs would otherwise replace each
// other silently. The summary is returned even with an error.
func ingestPaths(ctx context.Context, env *Env, ing graph.Ingester, ex graph.Extractor, paths []string, opt inputFlags, print bool) (*ingestSummary, error) {
	start := time.Now()
	sum := &ingestSummary{heap: newHeapPeak()}
	files, errs := input.List(paths)
	for _, err := range errs {
		sum.fail(env, "", err, print)
	}
	if len(errs) > 0 && opt.strict {
		return sum, errReported
	}
	var total int64
	for _, f := range files {
		total += f.Size
	}
	bar := newProgress(env.Stderr, total, print)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inputs := make(chan input.Item, 64)
	go input.Read(ctx, env.Stdin, files, opt.options(), inputs)
	// Documents are stored in batches, which the store commits in shared
	// transactions (each document stays atomic); a batch is flushed when
	// full and at the end.
	var batch []input.Result
	flush := func() error {
		for len(batch) > 0 {
			xs := make([]*graph.Extraction, len(batch))
			for i, r := range batch {
				xs[i] = r.Extraction
			}
			t0 := time.Now()
			res, err := ing.Ingest(ctx, xs)
			sum.StoreSeconds += time.Since(t0).Seconds()
			sum.heap.sample()
			done := res.Added + res.Replaced + res.Unchanged
			sum.Documents += done
			sum.Added += res.Added
			sum.Replaced += res.Replaced
			sum.Unchanged += res.Unchanged
			bar.docs(sum.Documents)
			if err == nil {
				batch = batch[:0]
				return nil
			}
			// The store applied the documents before the one it refused.
			if code := graph.ErrorCode(err); (code != graph.EINVALID && code != graph.ELIMIT) || done >= len(batch) {
				return fmt.Errorf("store: %w", err)
			}
			sum.fail(env, batch[done].Where, err, print)
			if opt.strict {
				return errReported
			}
			batch = batch[done+1:]
		}
		return nil
	}
	seen := map[string]string{} // document ID → where it was read
	err := input.Extract(ctx, ex, inputs, opt.workers, func(r input.Result) error {
		sum.Bytes += r.Bytes
		bar.add(r.Bytes)
		if r.Err == nil {
			if first, dup := seen[r.Doc.ID]; dup {
				r.Err = fmt.Errorf("document ID %q was already read from %s in this run; skipped (give the inputs distinct names, IDs or ID lines)", r.Doc.ID, first)
			} else {
				seen[r.Doc.ID] = r.Where
			}
		}
		if r.Err != nil {
			sum.fail(env, r.Where, r.Err, print)
			if opt.strict {
				// Store what came before the bad document.
				return errors.Join(flush(), errReported)
			}
			return nil
		}
		batch = append(batch, r)
		if len(batch) >= ingestBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	bar.finish()
	sum.elapsed = time.Since(start)
	sum.Seconds = sum.elapsed.Seconds()
	return sum, err
}

func (s *ingestSummary) fail(env *Env, where string, err error, print bool) {
	s.Failed++
	msg := userMessage(err)
	if where == "" {
		where, msg = splitWhere(msg)
	}
	if len(s.Errors) < 1000 {
		s.Errors = append(s.Errors, inputError{Where: where, Error: msg})
	}
	if print {
		if where != "" {
			fmt.Fprintf(env.Stderr, "factgraph: %s: %s\n", where, msg)
		} else {
			fmt.Fprintf(env.Stderr, "factgraph: %s\n", msg)
		}
	}
}

// splitWhere separates the "path: message" errors of input.List.
func splitWhere(msg string) (string, string) {
	for i := 0; i+1 < len(msg); i++ {
		if msg[i] == ':' && msg[i+1] == ' ' {
			return msg[:i], msg[i+2:]
		}
	}
	return "", msg
}

// progress shows documents, MB/s and ETA on a terminal, and nothing
// elsewhere.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, total int64, enabled bool) *progress {
	f, ok := w.(*os.File)
	if !enabled || !ok || !term.IsTerminal(int(f.Fd())) || total <= 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add(n int64) {
	if p.bar != nil {
		p.bar.Add64(n)
	}
}

func (p *progress) docs(n int) {
	if p.bar != nil && n%16 == 0 {
		p.bar.Describe(fmt.Sprintf("%d docs", n))
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
