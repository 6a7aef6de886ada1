package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/internal/input"
)

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "extract", "[flags] [PATH...|-]\n\nPrints one JSON object per document per line (see README: \"Extract output\").\nReads standard input when no PATH is given.")
	var in inputFlags
	in.register(fs)
	explain := fs.Bool("explain", false, "name the extractor rule behind each figure (\"rule\") and relation (\"rules\")")
	reader := fs.Bool("relation-reader", false, "add the relations the trained relation reader states (MODEL.md, \"Trained relation reader\")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var opts []extract.Option
	if *explain {
		opts = append(opts, extract.WithExplain())
	}
	if *reader {
		m, err := relate.Default()
		if err != nil {
			return err
		}
		opts = append(opts, extract.WithRelationReader(m))
	}
	ex, err := extract.New(opts...)
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	files, errs := input.List(paths)
	failed := 0
	for _, err := range errs {
		fmt.Fprintf(env.Stderr, "factgraph: %v\n", err)
		failed++
	}
	if failed > 0 && in.strict {
		return errReported
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	inputs := make(chan input.Item, 64)
	go input.Read(ctx, env.Stdin, files, in.options(), inputs)
	w := bufio.NewWriterSize(env.Stdout, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = input.Extract(ctx, ex, inputs, in.workers, func(r input.Result) error {
		if r.Err != nil {
			fmt.Fprintf(env.Stderr, "factgraph: %s: %s\n", r.Where, userMessage(r.Err))
			failed++
			if in.strict {
				return errReported
			}
			return nil
		}
		return enc.Encode(extract.NewRecord(r.Extraction))
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errReported
	}
	return nil
}
