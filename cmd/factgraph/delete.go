package main

import (
	"context"
	"fmt"

	"github.com/factgraph/factgraph/graph"
)

const deleteSynopsis = `[--db PATH] DOCUMENT-ID...

Deletes documents and retracts every fact that only they supported:
entities left without a supporting document disappear, relation weights
drop, and the counts stay exact. Each document is deleted atomically; a
missing one is reported and the others are still deleted.`

func runDelete(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "delete", deleteSynopsis)
	dbPath := dbFlag(fs, env)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return graph.Errorf(graph.EINVALID, "delete: document IDs required")
	}
	db, err := openExistingStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	failed := 0
	for _, id := range fs.Args() {
		if err := db.DeleteDocument(ctx, id); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if graph.ErrorCode(err) == graph.EINTERNAL {
				return err
			}
			fmt.Fprintf(env.Stderr, "factgraph: delete %s: %s\n", id, userMessage(err))
			failed++
			continue
		}
		fmt.Fprintf(env.Stdout, "deleted %s\n", id)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}
