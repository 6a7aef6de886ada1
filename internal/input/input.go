// Package input reads news documents from files, directories, gzip
// archives and standard input, in plain text or JSON Lines, and runs them
// through an extractor in parallel while keeping their order.
//
// Every bad input becomes an Item with an error that names the file, and
// the line for JSON Lines; reading goes on with the next document.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// An Item is one document read from the command line's paths, or the
// error that kept it from being read. Where names the file, and the line
// for JSON Lines, so that messages point at the bad input.
type Item struct {
	Seq   int // position in the input, from 0
	Doc   graph.Document
	Where string // "path" or "path:line"
	Bytes int64  // input bytes consumed since the previous item, for progress
	Err   error
}

// Options control how inputs are read.
type Options struct {
	MaxDocBytes int    // largest document or JSON line
	Fields      Fields // JSON Lines keys
}

// Fields are the JSON Lines keys of a document's parts.
type Fields struct {
	ID, Text, Title, URL, Published string
}

// File is a file to read, and the name its documents' IDs derive from.
type File struct {
	Path  string // "-" for standard input
	Name  string // the path relative to the argument that named it
	JSONL bool   // one document per line, else one per file
	Gzip  bool
	Size  int64 // on disk; 0 for standard input
}

// inputSuffixes are the files a directory walk picks up.
var inputSuffixes = []string{".txt", ".jsonl", ".ndjson", ".txt.gz", ".jsonl.gz", ".ndjson.gz"}

// List expands the command line's paths into files: directories
// recursively (only the suffixes above, in lexical order), files as given.
// Missing paths are returned as errors, and the rest still listed.
func List(paths []string) ([]File, []error) {
	var (
		files []File
		errs  []error
	)
	for _, p := range paths {
		if p == "-" {
			files = append(files, File{Path: "-", Name: "stdin"})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, describeOpenError(err)))
			continue
		}
		if !fi.IsDir() {
			f, err := FileOf(p, filepath.Base(p), fi.Size())
			if err != nil {
				errs = append(errs, err)
				continue
			}
			files = append(files, f)
			continue
		}
		var found []File
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, describeOpenError(err)))
				return nil
			}
			if d.IsDir() || !hasInputSuffix(path) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			rel, _ := filepath.Rel(p, path)
			found = append(found, newSourceFile(path, filepath.ToSlash(rel), info.Size()))
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
		if len(found) == 0 && err == nil {
			errs = append(errs, fmt.Errorf("%s: no .txt, .jsonl or .ndjson files (optionally .gz) in this directory", p))
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		files = append(files, found...)
	}
	return files, errs
}

// FileOf describes the file at path, named name, as a file given by name
// rather than found in a directory: one with a suffix other than those
// factgraph reads is refused, and one without a suffix is read as text.
func FileOf(path, name string, size int64) (File, error) {
	if ext := filepath.Ext(path); ext != "" && !hasInputSuffix(path) {
		return File{}, fmt.Errorf("%s: unsupported file type %q: factgraph reads .txt (one document), .jsonl or .ndjson (one per line), each optionally .gz", path, ext)
	}
	return newSourceFile(path, name, size), nil
}

func newSourceFile(path, name string, size int64) File {
	lower := strings.ToLower(path)
	gz := strings.HasSuffix(lower, ".gz")
	base := strings.TrimSuffix(lower, ".gz")
	if gz {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return File{
		Path: path, Name: name, Gzip: gz, Size: size,
		JSONL: strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson"),
	}
}

func hasInputSuffix(path string) bool {
	lower := strings.ToLower(path)
	for _, s := range inputSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

func describeOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// Read sends every document of files to out, in order, numbering
// them from 0, and closes out. Unreadable documents are sent with their
// error; reading goes on with the next document.
func Read(ctx context.Context, stdin io.Reader, files []File, opt Options, out chan<- Item) {
	defer close(out)
	seq := 0
	send := func(in Item) bool {
		in.Seq = seq
		seq++
		select {
		case out <- in:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, f := range files {
		if !readSource(stdin, f, opt, send) {
			return
		}
	}
}

// readSource reads one file, calling send for each document; it returns
// false when send does (the context was cancelled).
func readSource(stdin io.Reader, f File, opt Options, send func(Item) bool) bool {
	var r io.Reader
	if f.Path == "-" {
		r = stdin
	} else {
		file, err := os.Open(f.Path)
		if err != nil {
			return send(Item{Where: f.Path, Err: describeOpenError(err)})
		}
		defer file.Close()
		r = file
	}
	return ReadFile(r, f, opt, send)
}

// ReadFile reads the documents of f from r, its contents as stored (still
// gzipped for a .gz file), calling send for each in order; it returns
// false when send does. Unreadable documents are sent with their error,
// and reading goes on. Read calls it for each file; a caller that opens
// files itself (the Beam pipeline, from its filesystems) calls it
// directly, with Seq left to number.
func ReadFile(r io.Reader, f File, opt Options, send func(Item) bool) bool {
	counter := &countingReader{r: r}
	r = counter
	if f.Gzip {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return send(Item{Where: f.Path, Err: fmt.Errorf("not a gzip file: %w", err), Bytes: f.Size})
		}
		defer zr.Close()
		r = zr
	}
	var last int64
	sendCounted := func(in Item) bool {
		in.Bytes, last = counter.n-last, counter.n
		return send(in)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	jsonl := f.JSONL
	if f.Path == "-" {
		// Standard input is JSON Lines if it starts with an object.
		peek, _ := br.Peek(512)
		jsonl = bytes.HasPrefix(bytes.TrimLeft(peek, " \t\r\n\ufeff"), []byte("{"))
	}
	if jsonl {
		return readJSONL(br, f, opt, sendCounted)
	}
	return readText(br, f, opt, sendCounted)
}

// readText reads a whole plain-text file as one document.
func readText(r io.Reader, f File, opt Options, send func(Item) bool) bool {
	data, err := io.ReadAll(io.LimitReader(r, int64(opt.MaxDocBytes)+1))
	where := f.Path
	if f.Path == "-" {
		where = "stdin"
	}
	switch {
	case err != nil:
		return send(Item{Where: where, Err: fmt.Errorf("read: %w", err)})
	case len(data) > opt.MaxDocBytes:
		return send(Item{Where: where, Err: fmt.Errorf("document is larger than --max-doc-bytes (%d bytes)", opt.MaxDocBytes)})
	}
	if err := checkText(data); err != nil {
		return send(Item{Where: where, Err: err})
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	if strings.TrimSpace(text) == "" {
		return send(Item{Where: where, Err: errors.New("empty document")})
	}
	id := f.Name
	if first, _, _ := strings.Cut(text, "\n"); isIDLine(strings.TrimSpace(first)) {
		id = strings.TrimSpace(first)
	}
	return send(Item{Where: where, Doc: graph.Document{ID: id, Text: text}})
}

// isIDLine reports whether a text file's first line is its document ID: a
// lone token of at most 64 characters, with a digit in it.
func isIDLine(line string) bool {
	return line != "" && utf8.RuneCountInString(line) <= 64 &&
		!strings.ContainsAny(line, " \t") && strings.ContainsAny(line, "0123456789")
}

// checkText rejects binary data and invalid UTF-8, saying where.
func checkText(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("binary data (NUL byte at offset %d); expected UTF-8 text", i)
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("invalid UTF-8 at byte offset %d", i)
	}
	return nil
}

// readJSONL reads one document per line. A line longer than the limit is
// skipped without being held in memory.
func readJSONL(br *bufio.Reader, f File, opt Options, send func(Item) bool) bool {
	name := f.Path
	if f.Path == "-" {
		name = "stdin"
	}
	var line []byte
	for n := 1; ; n++ {
		where := fmt.Sprintf("%s:%d", name, n)
		line = line[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if len(line)+len(chunk) > opt.MaxDocBytes {
					tooLong, line = true, line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return send(Item{Where: where, Err: fmt.Errorf("read: %w", err)})
		}
		eof := err == io.EOF
		switch {
		case tooLong:
			if !send(Item{Where: where, Err: fmt.Errorf("line is longer than --max-doc-bytes (%d bytes); skipped", opt.MaxDocBytes)}) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\ufeff")) // a byte-order mark
			}
			doc, err := parseJSONLine(line, opt.Fields)
			if !send(Item{Where: where, Doc: doc, Err: err}) {
				return false
			}
		}
		if eof {
			return true
		}
	}
}

// parseJSONLine decodes one JSON Lines document.
func parseJSONLine(line []byte, names Fields) (graph.Document, error) {
	if err := checkText(line); err != nil {
		return graph.Document{}, err
	}
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			// Its message names Go types.
			return graph.Document{}, fmt.Errorf("malformed JSON: the line is a JSON %s, not an object with the document's fields", typeErr.Value)
		}
		return graph.Document{}, fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
		at := len(line) - len(bytes.TrimLeft(line[dec.InputOffset():], " \t\r\n"))
		return graph.Document{}, fmt.Errorf("malformed JSON: unexpected data after the object at byte %d (one document per line)", at)
	}
	var doc graph.Document
	var err error
	field := func(key string, required bool, dst *string) {
		if err != nil {
			return
		}
		raw, ok := m[key]
		if !ok || string(raw) == "null" {
			if required {
				err = fmt.Errorf("missing %q field", key)
			}
			return
		}
		var s string
		if e := json.Unmarshal(raw, &s); e == nil {
			*dst = s
			return
		}
		var num json.Number
		if e := json.Unmarshal(raw, &num); e == nil && key == names.ID {
			*dst = num.String()
			return
		}
		err = fmt.Errorf("field %q must be a string", key)
	}
	field(names.ID, true, &doc.ID)
	field(names.Text, true, &doc.Text)
	field(names.Title, false, &doc.Title)
	field(names.URL, false, &doc.URL)
	field(names.Published, false, &doc.Published)
	if err != nil {
		return graph.Document{}, err
	}
	if doc.ID == "" {
		return graph.Document{}, fmt.Errorf("empty %q field", names.ID)
	}
	if doc.Published != "" {
		if doc.Published, err = graph.NormalizePublished(doc.Published); err != nil {
			return graph.Document{}, fmt.Errorf("field %q: %w", names.Published, err)
		}
	}
	if doc.Title != "" && !startsWithTitle(doc.Text, doc.Title) {
		// The title is part of what a reader sees, and of what the
		// extractor reads; offsets are into this combined text.
		doc.Text = doc.Title + "\n\n" + doc.Text
	}
	if strings.TrimSpace(doc.Text) == "" {
		return graph.Document{}, fmt.Errorf("empty %q field", names.Text)
	}
	if !utf8.ValidString(doc.Text) {
		return graph.Document{}, errors.New("text is not valid UTF-8")
	}
	return doc, nil
}

// startsWithTitle reports whether text already opens with title, so that
// it is not put before it a second time. Feeds often repeat the headline
// as the text's first line with small differences of case, accents or
// spacing ("An interview" / "An Interview", "Licen" / "Ličen",
// "Stardust@home" / "Stardust @ home"), so the first line is compared by
// graph.NameKey, whole words only.
func startsWithTitle(text, title string) bool {
	if strings.HasPrefix(text, title) {
		return true
	}
	key := graph.NameKey(title)
	if key == "" {
		return false
	}
	line, _, _ := strings.Cut(text, "\n")
	lineKey := graph.NameKey(line)
	return lineKey == key || strings.HasPrefix(lineKey, key+" ")
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
