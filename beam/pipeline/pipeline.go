package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // paths without a scheme; the command's beamx adds gs://
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/factgraph/factgraph/internal/input"
)

// Options say what the pipeline reads and where it writes.
type Options struct {
	// Inputs are globs of news files (.txt, .jsonl, .ndjson, each
	// optionally .gz), local or on a filesystem Beam has ("gs://b/news/*.jsonl.gz").
	Inputs []string
	// Output is the directory (or object prefix) the outputs go to.
	Output string
	// Shards is the number of extraction files; at least 1.
	Shards int
	// MaxDocBytes bounds a document or JSON line, as ingest's --max-doc-bytes.
	MaxDocBytes int
	// Fields are the JSON Lines keys, as ingest's --id-field and the others.
	Fields input.Fields
	// WorkDir is the local directory of the graph stage's temporary store;
	// the system's temporary directory if empty.
	WorkDir string
	// Gzip writes every output gzipped, with .gz added to its name.
	Gzip bool
	// Created is the creation time the dumps record, in seconds since
	// 1970 ($SOURCE_DATE_EPOCH); 0 for the time the graph stage runs.
	Created int64
}

// DefaultFields are ingest's JSON Lines keys.
var DefaultFields = input.Fields{ID: "id", Text: "text", Title: "title", URL: "url", Published: "published"}

// Names of the outputs under Options.Output (before .gz).
const (
	GraphFile  = "graph.jsonl"
	NQuadsFile = "graph.nquads"
)

// ExtractionFile is the name of extraction shard i of n.
func ExtractionFile(i, n int) string {
	return fmt.Sprintf("extractions-%05d-of-%05d.jsonl", i, n)
}

// Validate checks the options before a pipeline is built from them.
func (o Options) Validate() error {
	switch {
	case len(o.Inputs) == 0:
		return fmt.Errorf("no inputs")
	case o.Output == "":
		return fmt.Errorf("no output")
	case o.Shards < 1:
		return fmt.Errorf("shards must be at least 1, not %d", o.Shards)
	case o.MaxDocBytes < 1:
		return fmt.Errorf("max-doc-bytes must be positive, not %d", o.MaxDocBytes)
	case o.Fields.ID == "" || o.Fields.Text == "":
		return fmt.Errorf("the id and text fields must be named")
	}
	return nil
}

// The DoFns and the element types are registered with Beam's runtime, as
// Beam requires: a worker finds them by name when it decodes the
// pipeline, and the registration spares them reflection per element.
func init() {
	register.DoFn3x1[context.Context, fileRef, func(fileRef), error](&matchFn{})
	register.DoFn3x1[context.Context, fileRef, func(string, []byte), error](&readFn{})
	register.DoFn4x1[context.Context, string, []byte, func(string, []byte), error](&extractFn{})
	register.DoFn3x1[string, []byte, func(int, keyed), error](&recordFn{})
	register.DoFn3x1[context.Context, int, func(*keyed) bool, error](&writeShardFn{})
	register.Function3x0[string, []byte, func(int, keyed)](toGraph)
	register.DoFn3x1[context.Context, int, func(*keyed) bool, error](&buildFn{})
	register.Emitter1[fileRef]()
	register.Emitter2[string, []byte]()
	register.Emitter2[int, keyed]()
	register.Iter1[keyed]()
	beam.RegisterType(reflect.TypeOf((*fileRef)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*keyed)(nil)).Elem())
}

// keyed is one document's output with its order key (orderKey), so that
// a stage that gathers documents can put them back in document order.
type keyed struct {
	Key  string
	Data []byte
}

// Build adds the pipeline to s: read, extract, and the two outputs.
func Build(s beam.Scope, o Options) error {
	if err := o.Validate(); err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	s = s.Scope("factgraph")
	globs := make([]fileRef, len(o.Inputs))
	for i, g := range o.Inputs {
		globs[i] = fileRef{Input: i, Path: g}
	}
	files := beam.ParDo(s, &matchFn{}, beam.CreateList(s, globs))
	// Each file goes to a worker of its own, and so do the documents: a
	// JSON Lines file is read in one piece, but extracted everywhere.
	docs := beam.ParDo(s, &readFn{MaxDocBytes: o.MaxDocBytes, Fields: o.Fields}, beam.Reshuffle(s, files))
	xs := beam.ParDo(s, &extractFn{}, beam.Reshuffle(s, docs))

	records := beam.ParDo(s, &recordFn{Shards: o.Shards}, xs)
	beam.ParDo0(s, &writeShardFn{Output: o.Output, Shards: o.Shards, Gzip: o.Gzip}, beam.GroupByKey(s, records))

	all := beam.ParDo(s, toGraph, xs)
	beam.ParDo0(s, &buildFn{Output: o.Output, WorkDir: o.WorkDir, Gzip: o.Gzip, Created: o.Created}, beam.GroupByKey(s, all))
	return nil
}

// toGraph sends every extraction to the one key of the graph stage.
func toGraph(key string, x []byte, emit func(int, keyed)) {
	emit(0, keyed{Key: key, Data: x})
}

// outputPath joins an output directory or object prefix and a file name,
// with .gz added when gzipped.
func outputPath(dir, name string, gz bool) string {
	if gz {
		name += ".gz"
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// Counts are what a run read, stored and refused, from its counters.
type Counts struct {
	Read       int64 // documents read without error
	Failed     int64 // bad inputs: unreadable, refused by the extractor or the store
	Stored     int64 // documents stored in the graph
	Duplicates int64 // documents skipped because their ID came before
}

// CountsOf sums the pipeline's counters over its steps.
func CountsOf(res beam.PipelineResult) Counts {
	var c Counts
	if res == nil {
		return c
	}
	for _, r := range res.Metrics().AllMetrics().Counters() {
		if r.Key.Namespace != "factgraph" {
			continue
		}
		n := r.Result()
		switch r.Key.Name {
		case "documents_read":
			c.Read += n
		case "documents_failed":
			c.Failed += n
		case "documents_stored":
			c.Stored += n
		case "documents_duplicate":
			c.Duplicates += n
		}
	}
	return c
}
