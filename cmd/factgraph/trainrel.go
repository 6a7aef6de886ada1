package main

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
)

// relationSets are the gold sets the relation reader learns from, in
// ../shared/data/relations.
var relationSets = []string{"dwie_dev", "redocred_dev"}

// relationHalf says which half of a relation dev set a document is in:
// the first byte of SHA-1(id) even is the tune half, odd the report half
// (as scripts/relsplit.py splits them). Within the tune half, the second
// byte splits the documents the model is fitted on (even) from those its
// thresholds are chosen on (odd).
func relationHalf(id string) (tune, fit bool) {
	h := sha1.Sum([]byte(id))
	return h[0]%2 == 0, h[1]%2 == 0
}

// inFraction reports whether a document is among the share f of the
// fitting part kept by --fit-fraction: the third byte of SHA-1(id)
// decides, so that a smaller share is a subset of a larger one.
func inFraction(id string, f float64) bool {
	h := sha1.Sum([]byte(id))
	return float64(h[2]) < f*256
}

// runTrainRelations rebuilds the relation reader's model from the tune
// halves of the relation dev sets; the report halves are never read.
func runTrainRelations(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "train relations", "[flags]")
	data := fs.String("data", "../shared/data/relations", "folder with dwie_dev.gold.jsonl and redocred_dev.gold.jsonl")
	out := fs.String("out", "extract/relate/model.bin", "model file to write")
	epochs := fs.Int("epochs", 0, "perceptron epochs (0: the default)")
	bits := fs.Int("bits", 0, "log2 of the hashed feature rows, 8..24 (0: the default)")
	seed := fs.Uint64("seed", 0, "random seed (0: the default)")
	minP := fs.Float64("min-precision", 0, "pair-level precision each threshold must keep on the held-out part (0: the default, 0.75)")
	fitOnly := fs.Bool("fit-only", false, "fit on the fitting part only, so that the held-out part can judge the model")
	fitFraction := fs.Float64("fit-fraction", 1, "share of the fitting part's documents to fit on, in (0, 1], chosen by document id: a learning curve")
	quiet := fs.Bool("quiet", false, "do not print progress")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "train relations takes no arguments, got %q", fs.Arg(0))
	}
	if *epochs < 0 || *bits < 0 || *bits > 24 || *bits > 0 && *bits < 8 {
		return graph.Errorf(graph.EINVALID, "train relations: --epochs must be >= 0 and --bits in 8..24")
	}
	if !(*fitFraction > 0 && *fitFraction <= 1) {
		return graph.Errorf(graph.EINVALID, "train relations: --fit-fraction must be in (0, 1], got %v", *fitFraction)
	}
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	var fit, held []relate.Example
	for _, set := range relationSets {
		f, err := os.Open(filepath.Join(*data, set+".gold.jsonl"))
		if err != nil {
			return graph.Errorf(graph.EINVALID, "train relations: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var g relate.GoldDoc
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				f.Close()
				return fmt.Errorf("train relations: %s: %w", set, err)
			}
			tune, fitHalf := relationHalf(g.ID)
			if !tune || fitHalf && !inFraction(g.ID, *fitFraction) {
				continue
			}
			x, err := ex.Extract(ctx, graph.Document{ID: g.ID, Text: g.Text})
			if err != nil {
				f.Close()
				return fmt.Errorf("train relations: %s: %w", g.ID, err)
			}
			e := relate.Example{Gold: g, X: x, Partial: set == "redocred_dev"}
			if fitHalf {
				fit = append(fit, e)
			} else {
				held = append(held, e)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("train relations: %s: %w", set, err)
		}
	}
	cfg := relate.TrainConfig{Epochs: *epochs, Bits: uint8(*bits), Seed: *seed, MinPrecision: *minP, FitOnly: *fitOnly, Log: env.Stderr}
	if *quiet {
		cfg.Log = nil
	}
	m, err := relate.Train(ctx, fit, held, cfg)
	if err != nil {
		return err
	}
	n, err := writeModel(*out, m)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(env.Stderr, "wrote %s (%d bytes) from %d + %d tune documents\n", *out, n, len(fit), len(held))
	}
	return nil
}
