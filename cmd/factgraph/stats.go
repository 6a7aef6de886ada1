package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

const statsSynopsis = `[--db PATH] [--json]

Prints exact counts of what the store holds (documents, entities by type,
mentions, relations, figures, events, quotes) and its size on disk. The
counts are kept as the store changes, so this is instant on any size.`

func runStats(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "stats", statsSynopsis)
	dbPath := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "stats: unexpected argument %q", fs.Arg(0))
	}
	s, err := readStats(ctx, *dbPath)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return printStats(env, s)
}

// readStats reads the counts of the store at dir, or asks the server
// that holds it.
func readStats(ctx context.Context, dir string) (graph.Stats, error) {
	db, err := openExistingStore(dir, store.WithReadOnly())
	if base := servingURL(dir); graph.ErrorCode(err) == graph.ECONFLICT && base != "" {
		body, serr := fromServer(ctx, base, "/stats", nil)
		if serr != nil {
			return graph.Stats{}, serr
		}
		defer body.Close()
		var s graph.Stats
		if err := json.NewDecoder(body).Decode(&s); err != nil {
			return graph.Stats{}, fmt.Errorf("stats from %s: %w", base, err)
		}
		return s, nil
	}
	if err != nil {
		return graph.Stats{}, err
	}
	defer db.Close()
	return db.Stats(ctx)
}

func printStats(env *Env, s graph.Stats) error {
	w := env.Stdout
	row := func(name string, n any) { fmt.Fprintf(w, "%-14s %12v\n", name, n) }
	row("documents", s.Documents)
	row("entities", s.Entities)
	for _, t := range graph.EntityTypes {
		if n := s.ByType[t]; n > 0 {
			row("  "+string(t), n)
		}
	}
	row("mentions", s.Mentions)
	row("relations", s.Relations)
	row("figures", s.Figures)
	row("events", s.Events)
	row("quotes", s.Quotes)
	_, err := fmt.Fprintf(w, "%-14s %12s\n", "size", humanBytes(s.SizeBytes))
	return err
}

// humanBytes formats a byte count with a binary unit.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// openExistingStore opens the store at path, which must exist: commands
// that only read or curate a store should not create an empty one at a
// mistyped path.
func openExistingStore(path string, opts ...store.Option) (*store.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, graph.Errorf(graph.ENOTFOUND, "no store at %q (create one with \"factgraph ingest\", or set --db or $FACTGRAPH_DB)", path)
	}
	return store.Open(path, opts...)
}
