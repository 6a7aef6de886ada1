package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/input"
)

// extractFn extracts each document with the embedded model, loaded once
// per DoFn instance (Setup), which a worker keeps for its bundles; the
// Extractor is safe for concurrent use. A document the extractor refuses
// is logged and counted, as ingest reports it and goes on.
type extractFn struct {
	ex *extract.Extractor
}

func (fn *extractFn) Setup() error {
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	fn.ex = ex
	return nil
}

func (fn *extractFn) ProcessElement(ctx context.Context, key string, doc []byte, emit func(string, []byte)) error {
	var d graph.Document
	if err := json.Unmarshal(doc, &d); err != nil {
		return fmt.Errorf("decode document: %w", err)
	}
	x, err := input.ExtractOne(ctx, fn.ex, d)
	if err != nil {
		fail(ctx, d.ID, err)
		return nil
	}
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Errorf("encode extraction of %q: %w", d.ID, err)
	}
	emit(key, b)
	return nil
}

// recordFn lays an extraction out as `factgraph extract` prints it
// (extract.NewRecord, one JSON line) and assigns it to a shard by its
// document ID.
type recordFn struct {
	Shards int
}

func (fn *recordFn) ProcessElement(key string, b []byte, emit func(int, keyed)) error {
	var x graph.Extraction
	if err := json.Unmarshal(b, &x); err != nil {
		return fmt.Errorf("decode extraction: %w", err)
	}
	line, err := recordLine(&x)
	if err != nil {
		return err
	}
	h := fnv.New32a()
	h.Write([]byte(x.Document.ID))
	emit(int(h.Sum32()%uint32(fn.Shards)), keyed{Key: key, Data: line})
	return nil
}

// recordLine is the line `factgraph extract` prints for x: JSON without
// HTML escaping, and a newline.
func recordLine(x *graph.Extraction) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(extract.NewRecord(x)); err != nil {
		return nil, fmt.Errorf("encode record of %q: %w", x.Document.ID, err)
	}
	return buf.Bytes(), nil
}

// gather reads a group of keyed elements into document order.
func gather(next func(*keyed) bool) []keyed {
	var all []keyed
	for {
		var k keyed // a fresh one each time: the runner may reuse what it decodes into
		if !next(&k) {
			break
		}
		all = append(all, k)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key < all[j].Key })
	return all
}
