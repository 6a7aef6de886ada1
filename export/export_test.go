package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureProvenance is the provenance the golden dumps are described
// with.
func fixtureProvenance() *export.Provenance {
	return &export.Provenance{
		Version: "v1.2.3", Model: "ner sha256:0123456789abcdef relate sha256:fedcba9876543210",
		Created: time.Date(2015, 10, 21, 16, 29, 0, 0, time.FixedZone("PDT", -7*3600)),
		Store: graph.Stats{Documents: 2, Entities: 7, Mentions: 5, Relations: 3, Figures: 1, Events: 1, Quotes: 1,
			ByType: map[graph.EntityType]int{graph.Person: 3, graph.Place: 2}, SizeBytes: 12345},
		Filter: graph.DumpFilter{Since: "2015-01-01"},
		Strip:  export.Strip{ExcludePredicates: []string{graph.MentionedWith}, NoMentions: true},
	}
}

// encodeAll exports the fixture (or rs) with the encoder of one format,
// described with fixtureProvenance, and returns what each output
// received, keyed by file name.
func encodeAll(t testing.TB, format string, rs []*graph.Record) map[string][]byte {
	t.Helper()
	return encodeWith(t, format, rs, fixtureProvenance())
}

// encodeWith is encodeAll with provenance p, none if nil. A csv dump
// has its README among the files.
func encodeWith(t testing.TB, format string, rs []*graph.Record, p *export.Provenance) map[string][]byte {
	t.Helper()
	var a, b bytes.Buffer
	var enc export.Encoder
	out := map[string]*bytes.Buffer{}
	switch format {
	case "nquads":
		enc, out["fixture.nq"] = export.NewNQuadsEncoder(&a, export.NQuadsOptions{}), &a
	case "dgraph":
		enc, out["fixture.dgraph.rdf"] = export.NewNQuadsEncoder(&a, export.NQuadsOptions{Dgraph: true}), &a
	case "jsonld":
		enc, out["fixture.jsonld"] = export.NewJSONLDEncoder(&a), &a
	case "graphml":
		enc, out["fixture.graphml"] = export.NewGraphMLEncoder(&a), &a
	case "csv":
		enc = export.NewCSVEncoder(&a, &b)
		out["fixture.nodes.csv"], out["fixture.relationships.csv"] = &a, &b
	case "jsonl":
		enc, out["fixture.jsonl"] = export.NewJSONLEncoder(&a), &a
	default:
		t.Fatalf("no format %q", format)
	}
	if p != nil {
		export.Describe(enc, p)
	}
	if err := export.Export(context.Background(), fakeDumper(rs), graph.DumpFilter{}, enc); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	if c, ok := enc.(*export.CSVEncoder); ok && p != nil {
		var readme bytes.Buffer
		if err := c.WriteReadme(&readme); err != nil {
			t.Fatal(err)
		}
		out["fixture.README.md"] = &readme
	}
	files := map[string][]byte{}
	for name, buf := range out {
		files[name] = buf.Bytes()
	}
	return files
}

// writeTemp writes data to a file in a temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var formats = []string{"nquads", "dgraph", "jsonld", "graphml", "csv", "jsonl"}

// TestGolden compares each format's export of the fixture with the
// reviewed output in testdata/; run with -update to rewrite it.
func TestGolden(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			for name, got := range encodeAll(t, format, fixture()) {
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; diff it against the output of go test -update", name)
				}
			}
		})
	}
}

// TestDeterministic checks that two exports of one snapshot are the same
// bytes, so that dumps can be diffed.
func TestDeterministic(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			a, b := encodeAll(t, format, fixture()), encodeAll(t, format, fixture())
			for name := range a {
				if !bytes.Equal(a[name], b[name]) {
					t.Errorf("%s: two exports differ", name)
				}
			}
		})
	}
}

// TestEmpty checks that an empty graph still gives well-formed documents.
func TestEmpty(t *testing.T) {
	tests := []struct {
		format string
		check  func([]byte) error
	}{
		{"nquads", func(b []byte) error {
			if len(b) != 0 {
				return errors.New("statements in an empty dump")
			}
			return nil
		}},
		{"jsonld", func(b []byte) error {
			var doc struct {
				Context map[string]any `json:"@context"`
				Graph   []any          `json:"@graph"`
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				return err
			}
			if doc.Context == nil || doc.Graph == nil || len(doc.Graph) != 0 {
				return errors.New("want a context and an empty @graph")
			}
			return nil
		}},
		{"graphml", func(b []byte) error {
			var doc struct {
				Keys  []struct{} `xml:"key"`
				Graph struct {
					Nodes []struct{} `xml:"node"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				return err
			}
			if len(doc.Keys) == 0 || len(doc.Graph.Nodes) != 0 {
				return errors.New("want keys and no nodes")
			}
			return nil
		}},
		{"csv", func(b []byte) error {
			if !strings.HasPrefix(string(b), "id:ID,:LABEL,") || strings.Count(string(b), "\n") != 1 {
				return errors.New("want the header alone")
			}
			return nil
		}},
		{"jsonl", func(b []byte) error {
			if string(b) != `{"format":"factgraph-dump","version":1}`+"\n" {
				return errors.New("want the header alone")
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			for name, b := range encodeWith(t, tt.format, nil, nil) {
				if strings.Contains(name, "relationships") {
					continue
				}
				if err := tt.check(b); err != nil {
					t.Errorf("%s: %v\n%s", name, err, b)
				}
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name, in string
		want     export.Format
		code     string
	}{
		{"NQuads", "nquads", export.NQuads, ""},
		{"CSV", "csv", export.CSV, ""},
		{"JSONL", "jsonl", export.JSONL, ""},
		{"ErrUnknown", "rdfxml", "", graph.EINVALID},
		{"ErrCase", "NQuads", "", graph.EINVALID},
		{"ErrEmpty", "", "", graph.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := export.ParseFormat(tt.in)
			if graph.ErrorCode(err) != tt.code || got != tt.want {
				t.Fatalf("ParseFormat(%q) = %q, %v; want %q, code %q", tt.in, got, err, tt.want, tt.code)
			}
			if err != nil && !strings.Contains(graph.ErrorMessage(err), "jsonl") {
				t.Errorf("message %q does not list the formats", graph.ErrorMessage(err))
			}
		})
	}
}

// TestEncode_BadRecord checks that every encoder refuses malformed records
// instead of skipping them.
func TestEncode_BadRecord(t *testing.T) {
	bad := []struct {
		name string
		r    *graph.Record
	}{
		{"UnknownKind", &graph.Record{Kind: "widget"}},
		{"MissingPayload", &graph.Record{Kind: graph.RecordEntity}},
		{"TwoPayloads", &graph.Record{Kind: graph.RecordMerge, Merge: &graph.Merge{}, Entity: &graph.Entity{}}},
	}
	encoders := map[string]func(io.Writer) export.Encoder{
		"nquads":  func(w io.Writer) export.Encoder { return export.NewNQuadsEncoder(w, export.NQuadsOptions{}) },
		"jsonld":  func(w io.Writer) export.Encoder { return export.NewJSONLDEncoder(w) },
		"graphml": func(w io.Writer) export.Encoder { return export.NewGraphMLEncoder(w) },
		"csv":     func(w io.Writer) export.Encoder { return export.NewCSVEncoder(w, io.Discard) },
		"jsonl":   func(w io.Writer) export.Encoder { return export.NewJSONLEncoder(w) },
	}
	for format, newEnc := range encoders {
		for _, tt := range bad {
			t.Run(format+"/"+tt.name, func(t *testing.T) {
				err := newEnc(io.Discard).Encode(tt.r)
				if graph.ErrorCode(err) != graph.EINVALID {
					t.Fatalf("Encode = %v, want %s", err, graph.EINVALID)
				}
			})
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExport_Errors(t *testing.T) {
	t.Run("WriteError", func(t *testing.T) {
		// More than one buffer's worth, so that the failure shows before Close.
		var rs []*graph.Record
		for range 5000 {
			rs = append(rs, fixture()[6])
		}
		for _, enc := range []export.Encoder{
			export.NewNQuadsEncoder(failingWriter{}, export.NQuadsOptions{}),
			export.NewJSONLDEncoder(failingWriter{}),
			export.NewGraphMLEncoder(failingWriter{}),
			export.NewCSVEncoder(failingWriter{}, failingWriter{}),
			export.NewJSONLEncoder(failingWriter{}),
		} {
			err := export.Export(context.Background(), fakeDumper(rs), graph.DumpFilter{}, enc)
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Errorf("%T: Export = %v, want the write error", enc, err)
			}
		}
	})
	t.Run("Canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := export.Export(ctx, fakeDumper(fixture()), graph.DumpFilter{}, export.NewJSONLEncoder(io.Discard))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Export = %v, want context.Canceled", err)
		}
	})
}
