package input

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

// slowExtractor takes a random time per document, so that workers finish
// out of order, and panics on a document whose text is "panic". The time
// depends only on the seed and the document's ID (testenv.Seed replays it).
type slowExtractor struct{ seed uint64 }

func (x slowExtractor) Extract(ctx context.Context, doc graph.Document) (*graph.Extraction, error) {
	h := fnv.New64a()
	h.Write([]byte(doc.ID))
	time.Sleep(time.Duration(rand.New(rand.NewPCG(x.seed, h.Sum64())).IntN(200)) * time.Microsecond)
	if doc.Text == "panic" {
		panic("boom")
	}
	return &graph.Extraction{Document: doc}, nil
}

func TestExtractKeepsOrder(t *testing.T) {
	in := make(chan Item)
	go func() {
		for i := range 200 {
			text := "x"
			if i == 50 {
				text = "panic"
			}
			in <- Item{Seq: i, Doc: graph.Document{ID: fmt.Sprint(i), Text: text}}
		}
		close(in)
	}()
	next := 0
	err := Extract(context.Background(), slowExtractor{uint64(testenv.Seed(t))}, in, 4, func(r Result) error {
		if r.Seq != next {
			t.Fatalf("got seq %d, want %d", r.Seq, next)
		}
		if next == 50 {
			if r.Err == nil || r.Err.Error() != "extractor failed: boom" {
				t.Fatalf("panic not reported: %v", r.Err)
			}
		} else if r.Err != nil || r.Extraction.Document.ID != fmt.Sprint(next) {
			t.Fatalf("seq %d: %+v", next, r)
		}
		next++
		return nil
	})
	if err != nil || next != 200 {
		t.Fatalf("err=%v after %d results", err, next)
	}
}

func TestExtractStopsOnEmitError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan Item)
	go func() {
		defer close(in)
		for i := 0; ; i++ {
			select {
			case in <- Item{Seq: i, Doc: graph.Document{ID: fmt.Sprint(i), Text: "x"}}:
			case <-ctx.Done():
				return
			}
		}
	}()
	stop := errors.New("stop")
	err := Extract(ctx, slowExtractor{uint64(testenv.Seed(t))}, in, 2, func(r Result) error {
		if r.Seq == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v", err)
	}
}
