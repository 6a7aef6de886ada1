// Command factgraph turns news articles into a knowledge graph stored in an
// embedded Badger database, and serves, exports and explores it.
//
// Run "factgraph help" for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := Run(ctx, env, os.Args[1:])
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "factgraph:", userMessage(err))
		}
		os.Exit(exitCode(err))
	}
}

// Env is what a command sees of the process, so that tests can run commands
// in-process with their own streams and environment.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// command is one subcommand: its name, a one-line summary for "help", and
// the function that parses its flags and runs it.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands lists the subcommands in the order "help" shows them.
func commands() []command {
	return []command{
		{"ingest", "extract facts from news files and store them", runIngest},
		{"extract", "print the facts of news files as JSON lines, without a store", runExtract},
		{"stats", "print counts of what the store holds", runStats},
		{"delete", "delete documents and the facts only they support", runDelete},
		{"merge", "merge duplicate entities into one", runMerge},
		{"export", "write a graph dump (nquads, jsonld, graphml, csv, jsonl)", runExport},
		{"import", "restore a jsonl dump into an empty store", runImport},
		{"serve", "serve the GraphQL API and the explorer", runServe},
		{"train", "rebuild the entity tagger's model from ../shared/data", runTrain},
	}
}

// Run runs the subcommand named by args[0].
func Run(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return graph.Errorf(graph.EINVALID, "no command given")
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	usage(env.Stderr)
	return graph.Errorf(graph.EINVALID, "unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "factgraph turns news into a queryable knowledge graph.")
	fmt.Fprintln(w, "\nUsage: factgraph COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"factgraph COMMAND --help\" for a command's flags.")
}

// errReported marks an error whose details the command already printed
// (for example per-file ingest errors); main only sets the exit status.
var errReported = errors.New("errors reported above")

// errInterrupted says a command stopped on SIGINT or SIGTERM after saying
// what it had done.
var errInterrupted = fmt.Errorf("interrupted: %w", errReported)

// Exit statuses.
const (
	exitFailure  = 1   // something failed; details printed
	exitUsage    = 2   // bad flags or arguments
	exitConflict = 3   // the store is in use, or not empty where it must be
	exitNoSpace  = 4   // the store's disk is full; what was stored is complete
	exitSignal   = 130 // interrupted, as shells report SIGINT (128 + 2)
)

// statusError gives an error an exit status of its own, where the one its
// code implies would mislead: a malformed dump is EINVALID, but it is a
// failure of the input (1), not a bad flag or argument (2).
type statusError struct {
	err    error
	status int
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// inputFailure marks err, if it is an EINVALID error about an input's
// content, as a failure (exit status 1).
func inputFailure(err error) error {
	if graph.ErrorCode(err) != graph.EINVALID {
		return err
	}
	return &statusError{err: err, status: exitFailure}
}

func exitCode(err error) int {
	var se *statusError
	if errors.Is(err, errInterrupted) {
		return exitSignal
	} else if errors.As(err, &se) {
		return se.status
	}
	switch graph.ErrorCode(err) {
	case graph.EINVALID:
		return exitUsage
	case graph.ECONFLICT:
		return exitConflict
	case graph.ENOSPACE:
		return exitNoSpace
	}
	return exitFailure
}

// userMessage is what the CLI prints for err: the error text, with an
// application error in it shown by its message alone, so that context a
// command wrapped around it ("import dump.jsonl: …") is kept (a CLI user
// may see I/O details, unlike an API user).
func userMessage(err error) string {
	var e *graph.Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return strings.Replace(err.Error(), e.Error(), e.Message, 1)
	}
	return err.Error()
}

// newFlagSet returns a flag set that reports errors instead of exiting, and
// prints usage with the command's synopsis.
func newFlagSet(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: factgraph %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// dbFlag registers --db, defaulting to $FACTGRAPH_DB or ./factgraph.db.
func dbFlag(fs *flag.FlagSet, env *Env) *string {
	def := env.Getenv("FACTGRAPH_DB")
	if def == "" {
		def = "factgraph.db"
	}
	return fs.String("db", def, "store directory (default from $FACTGRAPH_DB)")
}

// pageOutFlag is --page-out-above: the resident set, in MiB, above which
// long writes and dumps drop the pages of the store's memory-mapped files
// that they touched (store.WithPageOutAbove). 0, the default, never drops
// them: the kernel reclaims clean file pages by itself when memory runs
// short, and dropping them on a timer made ingest read them back.
type pageOutFlag int64

func (p *pageOutFlag) String() string { return strconv.FormatInt(int64(*p), 10) }

func (p *pageOutFlag) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 1<<30 {
		return fmt.Errorf("want a whole number of MiB, 0 for never, not %q", s)
	}
	*p = pageOutFlag(n)
	return nil
}

// options returns the store options that the flag asks for.
func (p *pageOutFlag) options() []store.Option {
	if p == nil || *p == 0 {
		return nil
	}
	return []store.Option{store.WithPageOutAbove(int64(*p) << 20)}
}

// textIndexVar registers --text-index on fs.
func textIndexVar(fs *flag.FlagSet) *bool {
	return fs.Bool("text-index", false, "make a new store keep a full-text index of its documents, for GraphQL's search (costs ingest about a third more CPU; a store keeps the choice it was made with)")
}

// textIndexOptions returns the store options that --text-index asks for.
func textIndexOptions(on bool) []store.Option {
	if !on {
		return nil
	}
	return []store.Option{store.WithTextIndex()}
}

// pageOutVar registers --page-out-above on fs.
func pageOutVar(fs *flag.FlagSet) *pageOutFlag {
	p := new(pageOutFlag)
	fs.Var(p, "page-out-above", "MiB of resident memory above which the store's mapped file pages are dropped during long writes and dumps (0: never; for containers whose memory limit counts page cache)")
	return p
}

// parseFlags parses args, turning flag errors into EINVALID.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return graph.Errorf(graph.EINVALID, "%s", err)
	}
	return nil
}
