package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/web"
)

// shutdownGrace is how long in-flight requests get to finish after SIGINT
// or SIGTERM before the server closes their connections.
const shutdownGrace = 15 * time.Second

// The GraphQL API lists Document.entities, Document.mentions and a
// document's facts through these optional interfaces, without which it
// falls back to dumps that scan the store, and an entity's mentions by
// date through MentionRangeLister.
var (
	_ schema.DocumentEntityLister  = (*store.DB)(nil)
	_ schema.DocumentMentionLister = (*store.DB)(nil)
	_ schema.DocumentFactLister    = (*store.DB)(nil)
	_ schema.MentionRangeLister    = (*store.DB)(nil)
)

// serveOptions are the parsed flags of "serve".
type serveOptions struct {
	db, addr, token string
	ingest          bool
	paths           []string
	in              inputFlags
	cfg             schema.Config
	pageOut         *pageOutFlag
	textIndex       *bool
}

func runServe(ctx context.Context, env *Env, args []string) error {
	opt, err := parseServeFlags(env, args)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opt.addr)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "serve: listen on %s: %v", opt.addr, err)
	}
	return serve(ctx, env, opt, ln)
}

func parseServeFlags(env *Env, args []string) (*serveOptions, error) {
	fs := newFlagSet(env, "serve", "[flags] [--ingest PATH...]\n\n"+
		"Serves the GraphQL API at /graphql, GraphiQL at /graphiql, the explorer at /,\n"+
		"/healthz and Prometheus metrics at /metrics. With --ingest, the PATHs (as for\n"+
		"\"factgraph ingest\") are ingested first. SIGINT or SIGTERM stops the server\n"+
		"gracefully: in-flight requests finish and the store is closed cleanly.")
	opt := &serveOptions{cfg: schema.DefaultConfig()}
	db := dbFlag(fs, env)
	opt.pageOut = pageOutVar(fs)
	opt.textIndex = textIndexVar(fs)
	fs.StringVar(&opt.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&opt.token, "token", env.Getenv("FACTGRAPH_TOKEN"), "bearer token for mutations (default $FACTGRAPH_TOKEN); none disables mutations")
	fs.BoolVar(&opt.ingest, "ingest", false, "ingest the PATH arguments before serving")
	opt.in.register(fs)
	c := &opt.cfg
	fs.IntVar(&c.MaxDepth, "max-depth", c.MaxDepth, "deepest query allowed")
	fs.IntVar(&c.MaxCost, "max-cost", c.MaxCost, "largest estimated query cost allowed (items the response may hold)")
	fs.IntVar(&c.MaxFirst, "max-first", c.MaxFirst, "largest value of a query's first argument (at most 1000)")
	fs.IntVar(&c.MaxAliases, "max-aliases", c.MaxAliases, "most aliases in a query")
	fs.IntVar(&c.MaxRootFields, "max-root-fields", c.MaxRootFields, "most root fields in a query")
	fs.Int64Var(&c.MaxBodyBytes, "max-body", c.MaxBodyBytes, "largest request body, in bytes")
	fs.IntVar(&c.MaxConcurrent, "max-concurrent", c.MaxConcurrent, "requests executed at once; more are answered 503")
	fs.DurationVar(&c.Timeout, "timeout", c.Timeout, "time a request may take")
	fs.DurationVar(&c.BodyTimeout, "body-timeout", c.BodyTimeout, "time a client may take to send a request body, before it takes one of --max-concurrent")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	opt.db, opt.paths = *db, fs.Args()
	switch {
	case opt.ingest && len(opt.paths) == 0:
		fs.Usage()
		return nil, graph.Errorf(graph.EINVALID, "serve: --ingest needs at least one PATH")
	case !opt.ingest && len(opt.paths) > 0:
		fs.Usage()
		return nil, graph.Errorf(graph.EINVALID, "serve: unexpected arguments %q (use --ingest PATH... to ingest files)", opt.paths)
	case c.MaxFirst > graph.MaxPageSize:
		return nil, graph.Errorf(graph.EINVALID, "serve: --max-first is at most %d", graph.MaxPageSize)
	}
	c.Token = opt.token
	return opt, nil
}

// serve runs the server on ln until ctx is cancelled, then shuts it down
// gracefully and closes the store. Tests call it with a listener on port 0.
func serve(ctx context.Context, env *Env, opt *serveOptions, ln net.Listener) error {
	defer ln.Close()
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	// Compactions and flushes under ingest mutations briefly double the
	// live heap, and the collector lets the heap reach twice that peak:
	// the limit keeps the high-water flat (BENCHMARKS.md, Soak).
	limitHeap(env)
	db, err := store.Open(opt.db, append(opt.pageOut.options(), textIndexOptions(*opt.textIndex)...)...)
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			log.Error("close store", "err", err)
		}
	}()

	// The extractor is only needed to ingest; without a token and without
	// --ingest, skip loading its model. If it cannot load, --ingest fails
	// but the server still serves queries, without the ingest mutation.
	var ex graph.Extractor
	if opt.ingest || opt.token != "" {
		x, err := extract.New()
		switch {
		case err != nil && opt.ingest:
			return fmt.Errorf("load extractor: %w", err)
		case err != nil:
			log.Error("ingest mutation disabled: cannot load the extractor", "err", err)
		default:
			ex = x
		}
	}
	if opt.ingest {
		sum, err := ingestPaths(ctx, env, db, ex, opt.paths, opt.in, true)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "ingested %d documents (%d new, %d replaced, %d unchanged), %d failed, in %s\n",
			sum.Documents, sum.Added, sum.Replaced, sum.Unchanged, sum.Failed, sum.elapsed.Round(time.Millisecond))
		if ctx.Err() != nil {
			return nil
		}
	}

	opt.cfg.Logger = log
	api, err := schema.New(schema.Services{
		Documents: db, Entities: db, Relations: db, Figures: db, Events: db, Quotes: db, Stats: db,
		Ingester: db, Extractor: ex, Dumper: db, Snapshots: db,
	}, opt.cfg)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	api.Mount(mux)
	mux.Handle("/stats", statsHandler(db))
	mux.Handle("/export", newExportHandler(db, env.Getenv, log))
	mux.Handle("/", web.Handler())
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      opt.cfg.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    int(opt.cfg.MaxBodyBytes) + 64<<10, // GET queries travel in the URL
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	mutations := "disabled (no --token or $FACTGRAPH_TOKEN)"
	if opt.token != "" {
		mutations = "enabled with the bearer token"
	}
	fmt.Fprintf(env.Stderr, "factgraph: serving http://%s/graphql (GraphiQL at /graphiql, explorer at /); mutations %s\n", ln.Addr(), mutations)

	// Other factgraph commands find the server through the store.
	if remove, err := writeServerFile(opt.db, "http://"+ln.Addr().String()); err != nil {
		log.Warn("cannot record the server's address in the store; stats and export will not find it", "err", err)
	} else {
		defer remove()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(schema.Listener(ln, srv.MaxHeaderBytes)) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(env.Stderr, "factgraph: shutting down; waiting for requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
