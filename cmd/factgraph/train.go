package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/graph"
)

// runTrain rebuilds the entity tagger's model from the shared data folder,
// or with "relations" the relation reader's (trainrel.go).
// Training is deterministic for a given seed, so rebuilding with the same
// data and flags reproduces the embedded model byte for byte.
func runTrain(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "relations" {
		return runTrainRelations(ctx, env, args[1:])
	}
	fs := newFlagSet(env, "train", "[flags] | relations [flags]")
	data := fs.String("data", "../shared/data", "shared data folder with conll2003/, en_worldwide_newswire/, gum_wikinews/ and the raw news")
	out := fs.String("out", "extract/ner/model.bin", "model file to write")
	epochs := fs.Int("epochs", 0, "perceptron epochs (0: the default)")
	bits := fs.Int("bits", 0, "log2 of the hashed feature rows, 8..26 (0: the default)")
	seed := fs.Uint64("seed", 0, "random seed (0: the default)")
	onePass := fs.Bool("one-pass", false, "train without the document-level second pass")
	quiet := fs.Bool("quiet", false, "do not print progress")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return graph.Errorf(graph.EINVALID, "train takes no arguments but \"relations\", got %q", fs.Arg(0))
	}
	if *epochs < 0 || *bits < 0 || *bits > 26 {
		return graph.Errorf(graph.EINVALID, "train: --epochs must be >= 0 and --bits in 8..26")
	}
	if st, err := os.Stat(*data); err != nil || !st.IsDir() {
		return graph.Errorf(graph.EINVALID, "train: data folder %q not found", *data)
	}
	cfg := ner.TrainConfig{
		DataDir: *data, Epochs: *epochs, Bits: uint8(*bits), Seed: *seed,
		TwoPass: !*onePass, Log: env.Stderr,
	}
	if *quiet {
		cfg.Log = nil
	}
	m, err := ner.Train(ctx, cfg)
	if err != nil {
		return err
	}
	n, err := writeModel(*out, m)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(env.Stderr, "wrote %s (%d bytes)\n", *out, n)
	}
	return nil
}

// writeModel writes m beside path and renames it there, so that a failed
// run never leaves a truncated model where the build embeds it.
func writeModel(path string, m io.WriterTo) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*.bin")
	if err != nil {
		return 0, fmt.Errorf("train: %w", err)
	}
	n, err := m.WriteTo(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, fmt.Errorf("train: write model: %w", err)
	}
	return n, nil
}
