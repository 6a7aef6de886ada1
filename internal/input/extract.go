package input

import (
	"context"
	"fmt"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// Result is an Item after extraction: its facts, or why it has none.
type Result struct {
	Item
	Extraction *graph.Extraction
}

// Extract extracts the inputs with n workers and calls emit for each
// result in input order, so that a run's output (and the entity IDs that
// depend on ingest order) does not depend on scheduling. It returns the
// first error from emit, or the context's error.
func Extract(ctx context.Context, ex graph.Extractor, in <-chan Item, n int, emit func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if n < 1 {
		n = 1
	}
	out := make(chan Result, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for item := range in {
				r := Result{Item: item}
				if item.Err == nil {
					r.Extraction, r.Err = ExtractOne(ctx, ex, item.Doc)
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	// Reorder: hold results that arrive early until their turn.
	pending := map[int]Result{}
	next := 0
	for r := range out {
		pending[r.Seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := emit(r); err != nil {
				cancel()
				for range out {
				}
				return err
			}
		}
	}
	return ctx.Err()
}

// ExtractOne validates and extracts one document, turning a panic in the
// extractor into an error for that document alone.
func ExtractOne(ctx context.Context, ex graph.Extractor, doc graph.Document) (x *graph.Extraction, err error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	return ex.Extract(ctx, doc)
}
