package export

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// The jsonl dump format.
const (
	DumpFormat  = "factgraph-dump"
	DumpVersion = 1 // the version this package writes, and the newest it reads
)

// MaxLineBytes bounds one line of a jsonl dump when reading it.
const MaxLineBytes = 256 << 20

// Header is the first line of a jsonl dump.
type Header struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Omitted names what a stripped dump leaves out (Strip); import
	// refuses such a dump.
	Omitted []string `json:"omitted,omitempty"`
	// The provenance of a described dump (Describe): the version of
	// factgraph that wrote it, its models' checksums, when the snapshot
	// was taken (RFC 3339, UTC), the store's counts then, and the filters
	// as flags of `factgraph export`.
	Software  string       `json:"software,omitempty"`
	Factgraph string       `json:"factgraph,omitempty"`
	Model     string       `json:"model,omitempty"`
	Created   string       `json:"created,omitempty"`
	Store     *graph.Stats `json:"store,omitempty"`
	Filters   []string     `json:"filters,omitempty"`
}

// recordOrder ranks record kinds in the order dumps emit them.
var recordOrder = map[string]int{
	graph.RecordDocument: 1, graph.RecordEntity: 2, graph.RecordMention: 3, graph.RecordRelation: 4,
	graph.RecordFigure: 5, graph.RecordEvent: 6, graph.RecordQuote: 7, graph.RecordMerge: 8,
}

// JSONLEncoder writes factgraph's lossless dump: a Header line, then each
// graph.Record as one line of JSON, as encoding/json marshals it (without
// HTML escaping). The same snapshot always gives the same bytes.
type JSONLEncoder struct {
	w      *bufio.Writer
	enc    *json.Encoder
	header bool
	// omitted is what Stripped leaves out, for the header.
	omitted []string
	prov    *Provenance
}

func (e *JSONLEncoder) describe(p *Provenance) { e.prov = p }

// NewJSONLEncoder returns an encoder writing a jsonl dump to w.
func NewJSONLEncoder(w io.Writer) *JSONLEncoder {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLEncoder{w: bw, enc: enc}
}

// Encode writes one record, after the header if it is the first.
func (e *JSONLEncoder) Encode(r *graph.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	if err := e.writeHeader(); err != nil {
		return err
	}
	return e.enc.Encode(r)
}

func (e *JSONLEncoder) writeHeader() error {
	if e.header {
		return nil
	}
	e.header = true
	h := Header{Format: DumpFormat, Version: DumpVersion, Omitted: e.omitted}
	if p := e.prov; p != nil {
		st := p.Store
		st.SizeBytes = 0
		h.Software, h.Factgraph, h.Model, h.Created, h.Store, h.Filters = Software, p.Version, p.Model, p.CreatedText(), &st, p.Filters()
	}
	return e.enc.Encode(h)
}

// Close writes the header if no record came, and flushes.
func (e *JSONLEncoder) Close() error {
	if err := e.writeHeader(); err != nil {
		return err
	}
	return e.w.Flush()
}

// Reader reads a jsonl dump, gzip-compressed or not, one record at a time.
type Reader struct {
	r      *bufio.Reader
	header Header
	line   int
	last   int // order of the last record's kind
	counts map[string]int
	buf    []byte
}

// NewReader reads the header of the dump in r, which may be gzipped. It
// returns an EINVALID error if r is not a factgraph dump, or is one of a
// newer format version than this package reads.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "dump: bad gzip stream: %v", err)
		}
		br = bufio.NewReaderSize(zr, 256<<10)
	}
	d := &Reader{r: br, counts: map[string]int{}}
	line, err := d.readLine()
	if err == io.EOF {
		return nil, graph.Errorf(graph.EINVALID, "dump is empty: expected a %s header line", DumpFormat)
	} else if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(line, &d.header); err != nil || d.header.Format != DumpFormat {
		return nil, graph.Errorf(graph.EINVALID, "line 1: not a factgraph dump (want a header line like {\"format\":%q,\"version\":%d})", DumpFormat, DumpVersion)
	}
	switch v := d.header.Version; {
	case v > DumpVersion:
		return nil, graph.Errorf(graph.EINVALID, "dump format version %d is newer than this factgraph reads (version %d); upgrade factgraph to import it", v, DumpVersion)
	case v < 1:
		return nil, graph.Errorf(graph.EINVALID, "line 1: bad dump format version %d", v)
	}
	return d, nil
}

// Header returns the dump's header.
func (d *Reader) Header() Header { return d.header }

// Line returns the number of the line last read; the header is line 1.
func (d *Reader) Line() int { return d.line }

// Counts returns how many records of each kind have been read.
func (d *Reader) Counts() map[string]int { return d.counts }

// Next returns the next record, or io.EOF after the last. A malformed line
// is an EINVALID error naming the line.
func (d *Reader) Next() (*graph.Record, error) {
	line, err := d.readLine()
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	r := new(graph.Record)
	if err := dec.Decode(r); err != nil {
		return nil, d.errorf("%v", jsonError(err))
	}
	if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
		return nil, d.errorf("unexpected data after the record")
	}
	if err := checkRecord(r); err != nil {
		return nil, d.errorf("%s", graph.ErrorMessage(err))
	}
	order := recordOrder[r.Kind]
	if order < d.last {
		return nil, d.errorf("%s record after later kinds; a dump lists documents, entities, mentions, relations, figures, events, quotes, merges in that order", r.Kind)
	}
	d.last = order
	d.counts[r.Kind]++
	return r, nil
}

// readLine returns the next non-blank line without its newline, or io.EOF.
// The slice is valid until the next call.
func (d *Reader) readLine() ([]byte, error) {
	for {
		d.buf = d.buf[:0]
		for {
			chunk, err := d.r.ReadSlice('\n')
			d.buf = append(d.buf, chunk...)
			if len(d.buf) > MaxLineBytes {
				return nil, graph.Errorf(graph.ELIMIT, "line %d: longer than %d bytes", d.line+1, MaxLineBytes)
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				if len(d.buf) == 0 {
					return nil, io.EOF
				}
				break
			}
			if err != nil {
				return nil, fmt.Errorf("read dump line %d: %w", d.line+1, unwrapGzip(err))
			}
			break
		}
		d.line++
		if line := bytes.TrimSpace(d.buf); len(line) > 0 {
			return line, nil
		}
	}
}

func (d *Reader) errorf(format string, args ...any) error {
	return graph.Errorf(graph.EINVALID, "line %d: %s", d.line, fmt.Sprintf(format, args...))
}

// jsonError says what is wrong with a dump line in the terms of the JSON
// a user sees: encoding/json's own messages name Go types.
func jsonError(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("malformed JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return fmt.Sprintf("the line is %s, not an object (a dump holds one record object per line)", jsonValueKind(typ.Value))
		}
		want := wantKind(typ.Type)
		if want == "a whole number" && strings.HasPrefix(typ.Value, "number") {
			want += " that fits" // a fraction, or too large
		}
		return fmt.Sprintf("field %q: want %s, got %s", typ.Field, want, jsonValueKind(typ.Value))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated JSON record: the line ends inside it"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonValueKind names the JSON value encoding/json describes as v
// ("string", "number", "number 1.5", "array", "object", "bool").
func jsonValueKind(v string) string {
	switch {
	case v == "array", v == "object":
		return "a JSON " + v
	case v == "bool":
		return "true or false"
	case strings.HasPrefix(v, "number "):
		return "the number " + strings.TrimPrefix(v, "number ")
	}
	return "a " + v
}

// wantKind names the JSON a dump field of Go type t holds.
func wantKind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a JSON array"
	case reflect.Struct, reflect.Map:
		return "a JSON object"
	}
	return "another value"
}

// unwrapGzip turns a corrupt or truncated gzip stream into EINVALID.
func unwrapGzip(err error) error {
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
		return graph.Errorf(graph.EINVALID, "dump: corrupt or truncated gzip stream: %v", err)
	}
	return err
}
