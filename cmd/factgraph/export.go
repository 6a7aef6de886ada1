package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

const exportSynopsis = `--format F [flags]

Writes a consistent snapshot of the store, streamed from one read
transaction, to standard output or --out:

  nquads   RDF 1.1 N-Quads, one named graph per document (--dgraph: the
           dialect of Dgraph's bulk and live loaders, see schema/dgraph.schema)
  jsonld   JSON-LD with a schema.org and factgraph @context
  graphml  entities and relations, for NetworkX, Gephi, Cytoscape, yEd
  csv      nodes.csv and relationships.csv for neo4j-admin database import
           (needs --out DIR)
  jsonl    factgraph's lossless dump, which "factgraph import" restores`

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export", exportSynopsis)
	dbPath := dbFlag(fs, env)
	pageOut := pageOutVar(fs)
	format := fs.String("format", "", "nquads, jsonld, graphml, csv or jsonl (required)")
	out := fs.String("out", "", "output file, or directory for csv; standard output if empty or -")
	gz := fs.Bool("gzip", false, "gzip the output (each file, for csv)")
	dgraph := fs.Bool("dgraph", false, "nquads only: write the dialect of Dgraph's loaders")
	var types, docs exportList
	fs.Var(&types, "type", "only entities of this type and the facts among them (repeatable, or comma-separated)")
	since := fs.String("since", "", "only documents published on or after this date, YYYY-MM-DD, and what they support")
	fs.Var(&docs, "doc", "only this document and what it supports (repeatable)")
	var preds, exclude exportList
	fs.Var(&preds, "predicates", "only relations with these predicates (repeatable, or comma-separated)")
	fs.Var(&exclude, "exclude-predicates", "no relations with these predicates, e.g. mentioned_with (repeatable, or comma-separated)")
	noText := fs.Bool("no-text", false, "leave out the documents' texts")
	noMentions := fs.Bool("no-mentions", false, "leave out the mentions")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	strip := export.Strip{Predicates: preds.split(), ExcludePredicates: exclude.split(), NoText: *noText, NoMentions: *noMentions}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "export: unexpected argument %q", fs.Arg(0))
	}
	if *format == "" {
		fs.Usage()
		return graph.Errorf(graph.EINVALID, "export: --format is required")
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return err
	}
	filter, err := exportFilter(types.split(), *since, docs)
	if err != nil {
		return err
	}
	if *dgraph && f != export.NQuads {
		return graph.Errorf(graph.EINVALID, "export: --dgraph applies to --format nquads only")
	}
	if f == export.CSV && (*out == "" || *out == "-") {
		return graph.Errorf(graph.EINVALID, "export: csv writes two files (nodes.csv, relationships.csv): give --out DIR")
	}

	db, err := openExistingStore(*dbPath, append(pageOut.options(), store.WithReadOnly())...)
	if graph.ErrorCode(err) == graph.ECONFLICT {
		return exportFromServer(ctx, env, err, *dbPath, f, *out, *gz, *dgraph, types.split(), *since, docs, strip)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkDocs(ctx, db, filter.Documents); err != nil {
		return fmt.Errorf("export: %w (in %s)", err, *dbPath)
	}

	prov, err := dumpProvenance(ctx, env.Getenv, db, filter, strip)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	outs := &exportOutputs{gzip: *gz}
	defer outs.abort()
	var enc export.Encoder
	var readme io.Writer // csv's README
	switch f {
	case export.CSV:
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		nodes, err := outs.create(env, filepath.Join(*out, export.NodesFile))
		if err != nil {
			return err
		}
		rels, err := outs.create(env, filepath.Join(*out, export.RelationshipsFile))
		if err != nil {
			return err
		}
		if readme, err = outs.create(env, filepath.Join(*out, export.ReadmeFile)); err != nil {
			return err
		}
		enc = export.NewCSVEncoder(nodes, rels)
	default:
		w, err := outs.create(env, *out)
		if err != nil {
			return err
		}
		enc = newEncoder(f, w, *dgraph)
	}
	export.Describe(enc, prov)
	csv, _ := enc.(*export.CSVEncoder)
	enc = export.Stripped(enc, strip)
	start := time.Now()
	if err := export.Export(ctx, db, filter, enc); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if csv != nil {
		if err := csv.WriteReadme(readme); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := outs.commit(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if len(outs.names) > 0 {
		fmt.Fprintf(env.Stderr, "factgraph: wrote %s in %s\n", strings.Join(outs.names, ", "), time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// checkDocs returns an ENOTFOUND error naming the first of ids that docs
// does not hold: a mistyped --doc would otherwise be an empty dump.
func checkDocs(ctx context.Context, docs graph.DocumentService, ids []string) error {
	for _, id := range ids {
		if _, err := docs.Document(ctx, id); graph.ErrorCode(err) == graph.ENOTFOUND {
			return graph.Errorf(graph.ENOTFOUND, "no document %q", id)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// newEncoder returns the encoder of a one-file format writing to w.
func newEncoder(f export.Format, w io.Writer, dgraph bool) export.Encoder {
	switch f {
	case export.NQuads:
		return export.NewNQuadsEncoder(w, export.NQuadsOptions{Dgraph: dgraph})
	case export.JSONLD:
		return export.NewJSONLDEncoder(w)
	case export.GraphML:
		return export.NewGraphMLEncoder(w)
	}
	return export.NewJSONLEncoder(w)
}

// exportFromServer takes the dump from the server that holds the store
// (GET /export), when the store is in use (inUse) and a server recorded
// its address; otherwise it returns inUse.
func exportFromServer(ctx context.Context, env *Env, inUse error, dir string, f export.Format, out string, gz, dgraph bool, types []string, since string, docs []string, strip export.Strip) error {
	base := servingURL(dir)
	if base == "" {
		return inUse
	}
	if f == export.CSV {
		return graph.Errorf(graph.ECONFLICT, "export: the store is served by %s, which serves one-file formats only; stop it to export csv", base)
	}
	q := url.Values{"format": {string(f)}, "type": types, "doc": docs}
	if since != "" {
		q.Set("since", since)
	}
	if dgraph {
		q.Set("dgraph", "true")
	}
	stripQuery(q, strip)
	body, err := fromServer(ctx, base, "/export", q)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer body.Close()
	outs := &exportOutputs{gzip: gz}
	defer outs.abort()
	w, err := outs.create(env, out)
	if err != nil {
		return err
	}
	start := time.Now()
	if _, err := io.Copy(w, body); err != nil {
		return fmt.Errorf("export: the transfer from %s broke off: %w", base, err)
	}
	if err := outs.commit(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if len(outs.names) > 0 {
		fmt.Fprintf(env.Stderr, "factgraph: wrote %s in %s, from the server at %s\n", strings.Join(outs.names, ", "), time.Since(start).Round(time.Millisecond), base)
	}
	return nil
}

// exportFilter checks the filter flags and builds the dump filter.
func exportFilter(types []string, since string, docs []string) (graph.DumpFilter, error) {
	var f graph.DumpFilter
	for _, t := range types {
		et := graph.EntityType(strings.ToLower(t))
		if !et.Valid() {
			valid := make([]string, len(graph.EntityTypes))
			for i, v := range graph.EntityTypes {
				valid[i] = string(v)
			}
			return f, graph.Errorf(graph.EINVALID, "export: unknown --type %q (want one of %s)", t, strings.Join(valid, ", "))
		}
		f.Types = append(f.Types, et)
	}
	if since != "" {
		if _, err := time.Parse("2006-01-02", since); err != nil {
			return f, graph.Errorf(graph.EINVALID, "export: --since %q is not a date like 2015-10-21", since)
		}
		f.Since = since
	}
	for _, d := range docs {
		if d == "" {
			return f, graph.Errorf(graph.EINVALID, "export: --doc needs a document ID")
		}
	}
	f.Documents = docs
	return f, nil
}

// exportList is a repeatable string flag.
type exportList []string

func (l *exportList) String() string { return strings.Join(*l, ",") }

func (l *exportList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// split returns the values with comma-separated lists split, for --type.
func (l exportList) split() []string {
	var out []string
	for _, v := range l {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// exportOutputs are the files an export writes. Each is written under a
// temporary name and renamed into place by commit, so that a failed or
// interrupted export never leaves a truncated dump behind a valid name.
type exportOutputs struct {
	gzip  bool
	files []*exportFile
	names []string
}

type exportFile struct {
	f    *os.File // nil for standard output
	gz   *gzip.Writer
	path string
}

func (o *exportOutputs) create(env *Env, path string) (io.Writer, error) {
	ef := &exportFile{path: path}
	var w io.Writer = env.Stdout
	if path != "" && path != "-" {
		if o.gzip && !strings.HasSuffix(path, ".gz") && filepath.Ext(path) == ".csv" {
			ef.path += ".gz" // neo4j-admin reads nodes.csv.gz
		}
		f, err := os.CreateTemp(filepath.Dir(ef.path), "."+filepath.Base(ef.path)+".*.tmp")
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		ef.f, w = f, f
	}
	o.files = append(o.files, ef)
	if o.gzip {
		ef.gz = gzip.NewWriter(w)
		return ef.gz, nil
	}
	return w, nil
}

// commit finishes every file and moves it into place.
func (o *exportOutputs) commit() error {
	for _, ef := range o.files {
		if ef.gz != nil {
			if err := ef.gz.Close(); err != nil {
				return err
			}
		}
		if ef.f == nil {
			continue
		}
		// CreateTemp makes the file private; a dump is meant to be shared.
		if err := ef.f.Chmod(0o644); err != nil {
			return err
		}
		if err := ef.f.Sync(); err != nil {
			return err
		}
		if err := ef.f.Close(); err != nil {
			return err
		}
		if err := os.Rename(ef.f.Name(), ef.path); err != nil {
			return err
		}
		ef.f = nil
		o.names = append(o.names, ef.path)
	}
	o.files = nil
	return nil
}

// abort removes the temporary files of an export that did not commit.
func (o *exportOutputs) abort() {
	for _, ef := range o.files {
		if ef.f != nil {
			ef.f.Close() // best effort: the export already failed
			os.Remove(ef.f.Name())
		}
	}
}
