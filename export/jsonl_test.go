package export_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// readAll reads every record of a dump.
func readAll(t *testing.T, r io.Reader) []*graph.Record {
	t.Helper()
	d, err := export.NewReader(r)
	if err != nil {
		t.Fatal(err)
	}
	var rs []*graph.Record
	for {
		rec, err := d.Next()
		if err == io.EOF {
			return rs
		} else if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, rec)
	}
}

// TestJSONL_RoundTrip checks that reading a dump gives back the records
// that were written, and that writing them again gives the same bytes,
// plain or gzipped.
func TestJSONL_RoundTrip(t *testing.T) {
	want := fixture()
	dump := encodeAll(t, "jsonl", want)["fixture.jsonl"]
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(dump)
	zw.Close()

	tests := []struct {
		name string
		in   []byte
	}{
		{"Plain", dump},
		{"Gzip", gz.Bytes()},
		{"NoFinalNewline", bytes.TrimSuffix(dump, []byte("\n"))},
		{"CRLF", bytes.ReplaceAll(dump, []byte("\n"), []byte("\r\n"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, bytes.NewReader(tt.in))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("records differ after a round trip")
			}
			again := encodeAll(t, "jsonl", got)["fixture.jsonl"]
			if !bytes.Equal(again, dump) {
				t.Fatalf("second dump differs:\n%s", again)
			}
		})
	}

	t.Run("Counts", func(t *testing.T) {
		d, err := export.NewReader(bytes.NewReader(dump))
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := d.Next(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
		}
		if got := d.Counts()[graph.RecordEntity]; got != count(want, graph.RecordEntity) {
			t.Errorf("Counts()[entity] = %d", got)
		}
		if h := d.Header(); h.Format != export.DumpFormat || h.Version != export.DumpVersion || h.Omitted != nil {
			t.Errorf("Header() = %+v", d.Header())
		}
	})
}

func TestReader_Errors(t *testing.T) {
	const header = `{"format":"factgraph-dump","version":1}` + "\n"
	const entity = `{"kind":"entity","entity":{"id":"person/a","type":"person","name":"A"}}` + "\n"
	truncated := func() []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(header + strings.Repeat(entity, 100)))
		zw.Close()
		return b.Bytes()[:b.Len()-12]
	}()
	tests := []struct {
		name string
		in   string
		code string
		msg  string // substring of the message
	}{
		{"Empty", "", graph.EINVALID, "dump is empty"},
		{"NotADump", `{"kind":"entity"}` + "\n", graph.EINVALID, "line 1: not a factgraph dump"},
		{"NotJSON", "hello\n", graph.EINVALID, "line 1: not a factgraph dump"},
		{"NewerVersion", `{"format":"factgraph-dump","version":2}` + "\n", graph.EINVALID, "version 2 is newer than this factgraph reads (version 1); upgrade factgraph"},
		{"ZeroVersion", `{"format":"factgraph-dump","version":0}` + "\n", graph.EINVALID, "bad dump format version 0"},
		{"MalformedLine", header + entity + "{\"kind\":\n", graph.EINVALID, "line 3: "},
		{"BlankLinesCount", header + "\n\n" + `{"kind":"entity","entity":{"id":1}}` + "\n", graph.EINVALID, `line 4: field "entity.id": want a string, got a number`},
		{"ArrayLine", header + `["an","array"]` + "\n", graph.EINVALID, "line 2: the line is a JSON array, not an object"},
		{"StringLine", header + `"entity"` + "\n", graph.EINVALID, "line 2: the line is a string, not an object"},
		{"WrongPayloadType", header + `{"kind":"entity","entity":[1]}` + "\n", graph.EINVALID, `line 2: field "entity": want a JSON object, got a JSON array`},
		{"WrongCountType", header + `{"kind":"entity","entity":{"id":"a","mention_count":"ten"}}` + "\n", graph.EINVALID, `line 2: field "entity.mention_count": want a whole number, got a string`},
		{"CountTooLarge", header + `{"kind":"entity","entity":{"id":"a","mention_count":1e30}}` + "\n", graph.EINVALID, `line 2: field "entity.mention_count": want a whole number that fits, got the number 1e30`},
		{"WrongListType", header + `{"kind":"entity","entity":{"id":"a","aliases":"A"}}` + "\n", graph.EINVALID, `line 2: field "entity.aliases": want a JSON array, got a string`},
		{"TruncatedLine", header + `{"kind":"entity","entity":{"id":"a"` + "\n", graph.EINVALID, "line 2: truncated JSON record"},
		{"UnknownField", header + `{"kind":"entity","entity":{"id":"a","colour":"red"}}` + "\n", graph.EINVALID, `line 2: unknown field "colour"`},
		{"UnknownKind", header + `{"kind":"widget"}` + "\n", graph.EINVALID, `line 2: unknown record kind "widget"`},
		{"MissingPayload", header + `{"kind":"mention","entity":{"id":"a"}}` + "\n", graph.EINVALID, "line 2: mention record without its mention"},
		{"TwoPayloads", header + `{"kind":"merge","merge":{"from":"a","into":"b"},"entity":{"id":"a"}}` + "\n", graph.EINVALID, "line 2: merge record with 2 payloads"},
		{"TrailingData", header + `{"kind":"merge","merge":{"from":"a","into":"b"}} {}` + "\n", graph.EINVALID, "line 2: unexpected data after the record"},
		{"OutOfOrder", header + `{"kind":"merge","merge":{"from":"a","into":"b"}}` + "\n" + entity, graph.EINVALID, "line 3: entity record after later kinds"},
		{"TruncatedGzip", string(truncated), graph.EINVALID, "corrupt or truncated gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := func() error {
				d, err := export.NewReader(strings.NewReader(tt.in))
				if err != nil {
					return err
				}
				for {
					if _, err := d.Next(); err != nil {
						return err
					}
				}
			}()
			if errors.Is(err, io.EOF) {
				t.Fatal("read to the end without an error")
			}
			if graph.ErrorCode(err) != tt.code || !strings.Contains(graph.ErrorMessage(err), tt.msg) {
				t.Fatalf("error = %v (code %s); want code %s and message containing %q", err, graph.ErrorCode(err), tt.code, tt.msg)
			}
			if goType := goTypeName(graph.ErrorMessage(err)); goType != "" {
				t.Errorf("error %q names a Go type (%s)", graph.ErrorMessage(err), goType)
			}
		})
	}
}

// goTypeName returns what in msg looks like the name of a Go type, or "".
func goTypeName(msg string) string {
	return goTypeRE.FindString(msg)
}

var goTypeRE = regexp.MustCompile(`\b(graph|json)\.|\bGo (type|value|struct)|map\[|\[\]|\b(u?int(8|16|32|64)?|float(32|64)|bool|struct|interface)\b`)
