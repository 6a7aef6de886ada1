// Command nereval trains and evaluates the entity tagger outside the main
// command, so that its quality can be measured with ../shared/eval/score.py
// before the rest of the extractor exists.
//
//	nereval train -data ../shared/data -out /tmp/model.bin
//	nereval heldout < /tmp/ww.gold.jsonl > /tmp/ww_dev.gold.jsonl
//	nereval tune < /tmp/ww.gold.jsonl > /tmp/ww_tune.gold.jsonl
//	nereval train -leave-tune -out /tmp/tune.bin   # experiments: no tuning split
//	nereval tune -fold 3 < /tmp/ww.gold.jsonl > /tmp/ww_f3.gold.jsonl
//	nereval train -leave-tune -fold 3 -out /tmp/f3.bin   # the same check on fold 3
//	nereval tag [-model /tmp/model.bin] < GOLD.jsonl > PRED.jsonl
//
// "tag" reads gold or input JSONL ({"id","text",...}) and writes PRED JSONL,
// one entity per mention: {"id","entities":[{"type","name","mentions":[…]}]}.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/ner/internal/corpus"
	"github.com/factgraph/factgraph/extract/token"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: nereval train|tag|heldout|tune [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "train":
		err = train(os.Args[2:])
	case "tag":
		err = tag(os.Args[2:])
	case "heldout":
		err = split(corpus.HeldOut)
	case "tune":
		fs := flag.NewFlagSet("tune", flag.ExitOnError)
		fold := fs.Int("fold", 1, "En-Worldwide training fold, 1..4 (1: the tuning split)")
		fs.Parse(os.Args[2:])
		if *fold < 1 || *fold > 4 {
			err = fmt.Errorf("tune: -fold must be in 1..4, got %d", *fold)
			break
		}
		err = split(func(id string) bool { return corpus.Fold(id) == *fold })
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "nereval:", err)
		os.Exit(1)
	}
}

func train(args []string) error {
	fs := flag.NewFlagSet("train", flag.ExitOnError)
	data := fs.String("data", "../shared/data", "shared data folder")
	out := fs.String("out", "model.bin", "model file to write")
	epochs := fs.Int("epochs", 0, "epochs (0: default)")
	bits := fs.Int("bits", 0, "log2 hashed feature rows (0: default)")
	two := fs.Bool("two-pass", true, "train a second, document-level pass")
	corpora := fs.String("corpora", "", "comma-separated corpora (default: all)")
	seed := fs.Uint64("seed", 0, "random seed (0: default)")
	leaveTune := fs.Bool("leave-tune", false, "leave the En-Worldwide tuning split out of training")
	fold := fs.Int("fold", 1, "with -leave-tune: the En-Worldwide fold to leave out, 1..4")
	fs.Parse(args)
	var cs []string
	if *corpora != "" {
		cs = strings.Split(*corpora, ",")
	}
	m, err := ner.Train(context.Background(), ner.TrainConfig{
		DataDir: *data, Epochs: *epochs, Bits: uint8(*bits), Seed: *seed, TwoPass: *two, Corpora: cs, LeaveTune: *leaveTune, TuneFold: *fold, Log: os.Stderr,
	})
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", *out, n)
	return err
}

type mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type entity struct {
	Type     string    `json:"type"`
	Name     string    `json:"name"`
	Score    float64   `json:"score"`
	Mentions []mention `json:"mentions"`
}

func tag(args []string) error {
	fs := flag.NewFlagSet("tag", flag.ExitOnError)
	path := fs.String("model", "", "model file (default: the embedded model)")
	fs.Parse(args)
	var m *ner.Model
	var err error
	t0 := time.Now()
	if *path == "" {
		m, err = ner.Default()
	} else {
		var f *os.File
		if f, err = os.Open(*path); err == nil {
			m, err = ner.ReadModel(f)
			f.Close()
		}
	}
	if err != nil {
		return err
	}
	load := time.Since(t0)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	words := 0
	var tagTime time.Duration
	for in.Scan() {
		var doc struct{ ID, Text string }
		if err := json.Unmarshal(in.Bytes(), &doc); err != nil {
			return err
		}
		t1 := time.Now()
		toks := token.Tokenize(doc.Text)
		sents := token.Sentences(doc.Text, toks)
		spans := m.Tag(toks, sents)
		tagTime += time.Since(t1)
		words += len(toks)
		ents := []entity{}
		for _, s := range spans {
			start, end := toks[s.First].Start, toks[s.Last-1].End
			text := doc.Text[toks[s.First].Byte:toks[s.Last-1].ByteEnd]
			if utf8.RuneCountInString(text) != end-start {
				return fmt.Errorf("%s: offsets do not match text", doc.ID)
			}
			ents = append(ents, entity{Type: string(s.Type), Name: text, Score: s.Score,
				Mentions: []mention{{start, end, text}}})
		}
		if err := enc.Encode(map[string]any{"id": doc.ID, "entities": ents}); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "model loaded in %v; %d tokens in %v (%.0f tokens/s, tokenizing included)\n",
		load, words, tagTime, float64(words)/tagTime.Seconds())
	return in.Err()
}

// split copies the gold lines whose id is in one En-Worldwide split:
// corpus.HeldOut (the held-out fifth, for reporting) or corpus.Tune (the
// tuning split, for experiments).
func split(in func(id string) bool) error {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 64<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for sc.Scan() {
		var doc struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return err
		}
		if in(doc.ID) {
			out.Write(sc.Bytes())
			out.WriteByte('\n')
		}
	}
	return sc.Err()
}
