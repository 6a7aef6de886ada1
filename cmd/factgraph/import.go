package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return graph.Errorf(graph.EINVALID, "import: want one dump file, got %d arguments", flags.NArg())
	}
	path := flags.Arg(0)

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
		return fmt.Errorf("import %s: %w", path, err)
	}

	db, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	start := time.Now()
	err = db.Restore(ctx, dump.Next)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	c := dump.Counts()
	fmt.Fprintf(env.Stdout, "imported %d documents, %d entities, %d mentions, %d relations, %d figures, %d events, %d quotes, %d merges in %s\n",
		c[graph.RecordDocument], c[graph.RecordEntity], c[graph.RecordMention], c[graph.RecordRelation],
		c[graph.RecordFigure], c[graph.RecordEvent], c[graph.RecordQuote], c[graph.RecordMerge],
		time.Since(start).Round(time.Millisecond))
	return nil
}
