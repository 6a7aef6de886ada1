package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/relate"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// ingestBatch is the number of documents handed to the store at once, as
// `factgraph ingest` hands them.
const ingestBatch = 64

// buildFn is the graph stage (see the package comment): it stores every
// extraction, in document order, in a temporary store with the store's
// own code, and writes the store's dumps.
type buildFn struct {
	Output  string
	WorkDir string
	Gzip    bool
	Created int64
}

func (fn *buildFn) ProcessElement(ctx context.Context, _ int, next func(*keyed) bool) error {
	start := time.Now()
	all := gather(next)
	held := 0
	for _, k := range all {
		held += len(k.Data)
	}
	dir, err := os.MkdirTemp(fn.WorkDir, "factgraph-beam-")
	if err != nil {
		return fmt.Errorf("graph stage: %w", err)
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(dir)
	if err != nil {
		return fmt.Errorf("graph stage: %w", err)
	}
	defer db.Close()
	if err := ingestAll(ctx, db, all); err != nil {
		return fmt.Errorf("graph stage: %w", err)
	}
	stored := time.Now()
	prov, err := fn.provenance(ctx, db)
	if err != nil {
		return fmt.Errorf("graph stage: %w", err)
	}
	dumps := []struct {
		name string
		enc  func(io.Writer) export.Encoder
	}{
		{GraphFile, func(w io.Writer) export.Encoder { return export.NewJSONLEncoder(w) }},
		{NQuadsFile, func(w io.Writer) export.Encoder {
			return export.NewNQuadsEncoder(w, export.NQuadsOptions{Dgraph: true})
		}},
	}
	for _, d := range dumps {
		err := writeFile(ctx, outputPath(fn.Output, d.name, fn.Gzip), fn.Gzip, func(w io.Writer) error {
			enc := d.enc(w)
			export.Describe(enc, prov)
			return export.Export(ctx, db, graph.DumpFilter{}, enc)
		})
		if err != nil {
			return fmt.Errorf("graph stage: %w", err)
		}
	}
	// What the one stage that does not scale out costs (README, "Beyond
	// one machine").
	log.Infof(ctx, "factgraph: graph stage: %d documents, %d MiB of extractions held, gathered and stored in %.1fs, dumps written in %.1fs",
		len(all), held>>20, stored.Sub(start).Seconds(), time.Since(stored).Seconds())
	return nil
}

// ingestAll stores the extractions in order, in batches, as ingest does:
// a document whose ID came before is skipped, and so is one the store
// refuses, each logged and counted.
func ingestAll(ctx context.Context, db *store.DB, all []keyed) error {
	seen := map[string]bool{}
	var batch []*graph.Extraction
	flush := func() error {
		for len(batch) > 0 {
			res, err := db.Ingest(ctx, batch)
			done := res.Added + res.Replaced + res.Unchanged
			docsStored.Inc(ctx, int64(done))
			if err == nil {
				break
			}
			// The store applied the documents before the one it refused.
			if code := graph.ErrorCode(err); (code != graph.EINVALID && code != graph.ELIMIT) || done >= len(batch) {
				return fmt.Errorf("store: %w", err)
			}
			fail(ctx, batch[done].Document.ID, err)
			batch = batch[done+1:]
		}
		batch = batch[:0]
		return nil
	}
	for i := range all {
		x := new(graph.Extraction)
		if err := json.Unmarshal(all[i].Data, x); err != nil {
			return fmt.Errorf("decode extraction: %w", err)
		}
		all[i].Data = nil // held once, decoded or stored, not twice
		if seen[x.Document.ID] {
			docsSkipped.Inc(ctx, 1)
			log.Warnf(ctx, "factgraph: document ID %q was already read in this run; skipped (give the inputs distinct names, IDs or ID lines)", x.Document.ID)
			continue
		}
		seen[x.Document.ID] = true
		if batch = append(batch, x); len(batch) >= ingestBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// provenance says what made the dumps, as `factgraph export` says it.
func (fn *buildFn) provenance(ctx context.Context, db *store.DB) (*export.Provenance, error) {
	st, err := db.Stats(ctx)
	if err != nil {
		return nil, err
	}
	created := time.Now().UTC()
	if fn.Created != 0 {
		created = time.Unix(fn.Created, 0).UTC()
	}
	version := "devel"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		version = info.Main.Version
	}
	return &export.Provenance{
		Version: "factgraph-beam " + version,
		Model:   "ner sha256:" + ner.Checksum() + " relate sha256:" + relate.Checksum(),
		Created: created,
		Store:   st,
	}, nil
}
