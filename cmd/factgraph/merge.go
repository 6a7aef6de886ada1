package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

const mergeSynopsis = `[--db PATH] [--json] --into ENTITY-ID ENTITY-ID...

Merges duplicate entities into one: their mentions, names, roles,
relations and facts move to the --into entity, and their IDs resolve to it
from then on. All entities must have the same type.`

func runMerge(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "merge", mergeSynopsis)
	dbPath := dbFlag(fs, env)
	into := fs.String("into", "", "the entity to merge into (required)")
	asJSON := fs.Bool("json", false, "print the merged entity as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *into == "" || fs.NArg() == 0 {
		fs.Usage()
		return graph.Errorf(graph.EINVALID, "merge: --into and at least one entity ID are required")
	}
	db, err := openExistingStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	e, err := db.MergeEntities(ctx, fs.Args(), *into)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	}
	fmt.Fprintf(env.Stdout, "merged %s into %s (%s %q, %d mentions)\n", strings.Join(fs.Args(), ", "), e.ID, e.Type, e.Name, e.MentionCount)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(env.Stdout, "aliases: %s\n", strings.Join(e.Aliases, ", "))
	}
	return nil
}
