package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// writeShardFn writes one shard of the extractions, in document order.
// A shard that no document fell into is not written.
type writeShardFn struct {
	Output string
	Shards int
	Gzip   bool
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*keyed) bool) error {
	path := outputPath(fn.Output, ExtractionFile(shard, fn.Shards), fn.Gzip)
	return writeFile(ctx, path, fn.Gzip, func(w io.Writer) error {
		for _, k := range gather(lines) {
			if _, err := w.Write(k.Data); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeFile creates path on its filesystem, gzipped if gz, and fills it
// with write. The file is complete only when writeFile returns nil; a
// runner that retries the bundle writes it again from the start.
func writeFile(ctx context.Context, path string, gz bool, write func(io.Writer) error) error {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer fsys.Close()
	f, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(f)
		w = zw
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if zw != nil && err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
