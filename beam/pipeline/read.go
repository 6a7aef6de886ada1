package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/factgraph/factgraph/internal/input"
)

// Counters of the documents, read with the pipeline's result (Failed).
var (
	docsRead    = beam.NewCounter("factgraph", "documents_read")
	docsFailed  = beam.NewCounter("factgraph", "documents_failed")
	docsStored  = beam.NewCounter("factgraph", "documents_stored")
	docsSkipped = beam.NewCounter("factgraph", "documents_duplicate")
)

// fileRef is a glob (from Build) or a file it matched (from matchFn):
// Input is the glob's position among the inputs, Name the file's path
// relative to the glob's directory, from which a text file without an ID
// line takes its ID, as ingest names the files of a directory.
type fileRef struct {
	Input      int
	Path, Name string
}

// matchFn lists the files of a glob, in lexical order.
type matchFn struct{}

func (fn *matchFn) ProcessElement(ctx context.Context, g fileRef, emit func(fileRef)) error {
	fsys, err := filesystem.New(ctx, g.Path)
	if err != nil {
		return fmt.Errorf("input %s: %w", g.Path, err)
	}
	defer fsys.Close()
	paths, err := fsys.List(ctx, g.Path)
	if err != nil {
		return fmt.Errorf("input %s: %w", g.Path, err)
	}
	if len(paths) == 0 {
		return fmt.Errorf("input %s: no such file, or nothing matches", g.Path)
	}
	sort.Strings(paths)
	dir := globDir(g.Path)
	for _, p := range paths {
		name := p[strings.LastIndexByte(p, '/')+1:]
		if dir != "" && strings.HasPrefix(p, dir) {
			name = p[len(dir):]
		}
		emit(fileRef{Input: g.Input, Path: p, Name: name})
	}
	return nil
}

// globDir is the directory of a glob's first wildcard, with its slash
// ("news/" of "news/*/*.txt"); "" for a glob without one, whose file is
// named by its base name, as when ingest is given a file.
func globDir(glob string) string {
	i := strings.IndexAny(glob, "*?[")
	if i < 0 {
		return ""
	}
	return glob[:strings.LastIndexByte(glob[:i], '/')+1]
}

// orderKey orders documents as ingest does: by input, path and position
// in the file. NUL sorts before every character of a path, so a file
// comes before the files whose paths it begins.
func orderKey(f fileRef, seq int) string {
	return fmt.Sprintf("%06d\x00%s\x00%012d", f.Input, f.Path, seq)
}

// readFn reads a file's documents as ingest reads them (input.ReadFile),
// emitting each, JSON-encoded, under its order key. A bad document is
// logged and counted, and reading goes on, as with ingest.
type readFn struct {
	MaxDocBytes int
	Fields      input.Fields
}

func (fn *readFn) ProcessElement(ctx context.Context, ref fileRef, emit func(string, []byte)) error {
	f, err := input.FileOf(ref.Path, ref.Name, 0)
	if err != nil {
		fail(ctx, "", err)
		return nil
	}
	fsys, err := filesystem.New(ctx, ref.Path)
	if err != nil {
		return fmt.Errorf("read %s: %w", ref.Path, err)
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, ref.Path)
	if err != nil {
		// A file listed a moment ago and gone, or unreadable: one bad
		// input, as for ingest.
		fail(ctx, ref.Path, err)
		return nil
	}
	defer r.Close()
	var encErr error
	seq := 0
	input.ReadFile(r, f, input.Options{MaxDocBytes: fn.MaxDocBytes, Fields: fn.Fields}, func(it input.Item) bool {
		seq++
		if it.Err != nil {
			fail(ctx, it.Where, it.Err)
			return true
		}
		b, err := json.Marshal(it.Doc)
		if err != nil {
			encErr = err
			return false
		}
		docsRead.Inc(ctx, 1)
		emit(orderKey(ref, seq), b)
		return true
	})
	return encErr
}

// fail logs and counts a bad input, as ingest reports one and goes on.
func fail(ctx context.Context, where string, err error) {
	docsFailed.Inc(ctx, 1)
	if where != "" {
		log.Warnf(ctx, "factgraph: %s: %v", where, err)
	} else {
		log.Warnf(ctx, "factgraph: %v", err)
	}
}
