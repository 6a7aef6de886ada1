package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

const importSynopsis = `[flags] DUMP.jsonl[.gz]

Restores a dump written by "factgraph export --format jsonl" (gzipped or
not; - reads standard input) into an empty store. A dump of a newer format
version than this factgraph reads is refused before the store is touched.`

func runImport(ctx context.Context, env *Env, args []string) error {
	flags := newFlagSet(env, "import", importSynopsis)
	dbPath := dbFlag(flags, env)
	pageOut := pageOutVar(flags)
	textIndex := textIndexVar(flags)
	maxDocBytes := flags.Int("max-doc-bytes", 16<<20, "largest document text accepted, in bytes (as ingest's --max-doc-bytes)")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if *maxDocBytes < 1 {
		return graph.Errorf(graph.EINVALID, "--max-doc-bytes must be positive, not %d", *maxDocBytes)
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return graph.Errorf(graph.EINVALID, "import: want one dump file, got %d arguments", flags.NArg())
	}
	path := flags.Arg(0)
	limitHeap(env)

	var in io.Reader = env.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return graph.Errorf(graph.ENOTFOUND, "import: %s: no such file", path)
		} else if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		in = f
	}
	// The header is checked before the store is opened (and perhaps
	// created), so a dump that cannot be read leaves no trace.
	dump, err := export.NewReader(in)
	if err != nil {
		return inputFailure(fmt.Errorf("import %s: %w", path, err))
	}
	if o := dump.Header().Omitted; len(o) > 0 {
		return inputFailure(graph.Errorf(graph.EINVALID, "import %s: the dump leaves out %s, so it cannot restore a store; import a full jsonl export", path, strings.Join(o, ", ")))
	}

	_, statErr := os.Stat(*dbPath)
	created := errors.Is(statErr, fs.ErrNotExist)
	db, err := store.Open(*dbPath, append(pageOut.options(), textIndexOptions(*textIndex)...)...)
	if err != nil {
		return err
	}
	start := time.Now()
	err = db.Restore(ctx, func() (*graph.Record, error) {
		// A dump may hold only what ingest would store.
		r, err := dump.Next()
		if err == nil && r.Kind == graph.RecordDocument && r.Document != nil && len(r.Document.Text) > *maxDocBytes {
			return nil, graph.Errorf(graph.EINVALID, "document %q: text is %d bytes, over --max-doc-bytes (%d)", r.Document.ID, len(r.Document.Text), *maxDocBytes)
		}
		return r, err
	})
	if code := graph.ErrorCode(err); code == graph.EINVALID && !strings.HasPrefix(graph.ErrorMessage(err), "line ") {
		// The store refused the record last read: say where it is.
		err = graph.Errorf(code, "line %d: %s", dump.Line(), graph.ErrorMessage(err))
	}
	partial := err != nil && !storeEmpty(ctx, db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return inputFailure(importFailed(err, path, *dbPath, created, partial))
	}
	c := dump.Counts()
	fmt.Fprintf(env.Stdout, "imported %d documents, %d entities, %d mentions, %d relations, %d figures, %d events, %d quotes, %d merges in %s\n",
		c[graph.RecordDocument], c[graph.RecordEntity], c[graph.RecordMention], c[graph.RecordRelation],
		c[graph.RecordFigure], c[graph.RecordEvent], c[graph.RecordQuote], c[graph.RecordMerge],
		time.Since(start).Round(time.Millisecond))
	return nil
}

// storeEmpty reports whether the store holds nothing a restore writes.
func storeEmpty(ctx context.Context, db *store.DB) bool {
	s, err := db.Stats(ctx)
	return err == nil && s.Documents+s.Entities+s.Mentions+s.Relations+s.Figures+s.Events+s.Quotes == 0
}

// importFailed explains a failed restore. Restore is not atomic: a store
// this import created is removed again, and one that existed (empty) and
// now holds part of the dump is left for the user to delete, with a word
// saying so.
func importFailed(err error, path, dbPath string, created, partial bool) error {
	msg := fmt.Sprintf("import %s: %s", path, userMessage(err))
	switch {
	case graph.ErrorCode(err) == graph.ECONFLICT:
		// The store was not empty; Restore wrote nothing.
	case created:
		if rmErr := os.RemoveAll(dbPath); rmErr == nil {
			msg += "; nothing was imported"
		} else {
			msg += fmt.Sprintf("; the store %s that this import created could not be removed: %v", dbPath, rmErr)
		}
	case !partial:
		msg += "; nothing was imported"
	default:
		msg += fmt.Sprintf("; the store %s now holds part of the dump: delete it before importing again", dbPath)
	}
	return &graph.Error{Code: graph.ErrorCode(err), Message: msg}
}
