package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// readAll lists and reads paths, returning "id" or "where: error" per item.
func readAll(t *testing.T, stdin string, opt Options, paths ...string) []string {
	t.Helper()
	files, errs := List(paths)
	var got []string
	for _, err := range errs {
		got = append(got, "ERR "+err.Error())
	}
	out := make(chan Item)
	go Read(context.Background(), strings.NewReader(stdin), files, opt, out)
	for it := range out {
		if it.Err != nil {
			got = append(got, "ERR "+it.Where+": "+it.Err.Error())
		} else {
			got = append(got, it.Doc.ID)
		}
	}
	return got
}

var defaults = Options{MaxDocBytes: 1 << 20, Fields: Fields{ID: "id", Text: "text", Title: "title", URL: "url", Published: "published"}}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "news/a.txt", []byte("Putin met Assad."))
	write(t, dir, "news/sub/b.txt", []byte("1.2223405-2511317925\nSochi: Putin met Assad."))
	write(t, dir, "news/c.jsonl", []byte("{\"id\":\"c1\",\"text\":\"x\"}\n\n{\"id\":7,\"text\":\"y\"}\n"))
	write(t, dir, "news/d.jsonl.gz", gz(t, "{\"id\":\"d1\",\"text\":\"z\"}\n"))
	write(t, dir, "news/notes.md", []byte("ignored in directories"))
	write(t, dir, "bad/bin.txt", []byte("abc\x00def"))
	write(t, dir, "bad/latin1.txt", []byte("caf\xe9"))
	write(t, dir, "bad/lines.jsonl", []byte("{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"x\"\n{\"text\":\"no id\"}\n{\"id\":\"n\",\"text\":5}\n[\"an\",\"array\"]\n"))
	write(t, dir, "bad/big.jsonl", []byte("{\"id\":\"small\",\"text\":\"a\"}\n{\"id\":\"big\",\"text\":\""+strings.Repeat("a", 200)+"\"}\n{\"id\":\"after\",\"text\":\"b\"}\n"))
	write(t, dir, "bad/notgz.txt.gz", []byte("plain"))
	write(t, dir, "bad/empty.txt", []byte(" \n"))
	write(t, dir, "bad/data.json", []byte(`{"id":"j","text":"x"}`))
	write(t, dir, "bad/more.jsonl", []byte("{\"id\":\"a1\",\"text\":\"x\"} {\"id\":\"a2\",\"text\":\"y\"}\n{\"id\":\"a3\",\"text\":\"z\"} ]]\n{\"id\":\"a4\",\"text\":\" \"}\n"))
	write(t, dir, "bad/dates.jsonl", []byte("{\"id\":\"d1\",\"text\":\"x\",\"published\":\"26-FEB-1987 15:01:01.79\"}\n{\"id\":\"d2\",\"text\":\"x\",\"published\":\"02/03/2017\"}\n"))
	write(t, dir, "bom.jsonl", []byte("\ufeff{\"id\":\"b1\",\"text\":\"x\"}\n"))
	write(t, dir, "noext", []byte("A text file without an extension."))
	if err := os.MkdirAll(filepath.Join(dir, "nothing/sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "nothing/sub/data.json", []byte("{}"))

	tests := []struct {
		name  string
		stdin string
		opt   Options
		paths []string
		want  []string
	}{
		{"Directory", "", defaults, []string{filepath.Join(dir, "news")},
			[]string{"a.txt", "c1", "7", "d1", "1.2223405-2511317925"}},
		{"Missing", "", defaults, []string{filepath.Join(dir, "nope.txt")},
			[]string{"ERR " + filepath.Join(dir, "nope.txt") + ": no such file or directory"}},
		{"Binary", "", defaults, []string{filepath.Join(dir, "bad/bin.txt")},
			[]string{"ERR " + filepath.Join(dir, "bad/bin.txt") + ": binary data (NUL byte at offset 3); expected UTF-8 text"}},
		{"InvalidUTF8", "", defaults, []string{filepath.Join(dir, "bad/latin1.txt")},
			[]string{"ERR " + filepath.Join(dir, "bad/latin1.txt") + ": invalid UTF-8 at byte offset 3"}},
		{"BadLines", "", defaults, []string{filepath.Join(dir, "bad/lines.jsonl")}, []string{
			"ok",
			"ERR " + filepath.Join(dir, "bad/lines.jsonl") + ":2: malformed JSON: unexpected EOF",
			"ERR " + filepath.Join(dir, "bad/lines.jsonl") + ":3: missing \"id\" field",
			"ERR " + filepath.Join(dir, "bad/lines.jsonl") + ":4: field \"text\" must be a string",
			"ERR " + filepath.Join(dir, "bad/lines.jsonl") + ":5: malformed JSON: the line is a JSON array, not an object with the document's fields",
		}},
		{"LongLine", "", Options{MaxDocBytes: 100, Fields: defaults.Fields}, []string{filepath.Join(dir, "bad/big.jsonl")}, []string{
			"small",
			"ERR " + filepath.Join(dir, "bad/big.jsonl") + ":2: line is longer than --max-doc-bytes (100 bytes); skipped",
			"after",
		}},
		{"NotGzip", "", defaults, []string{filepath.Join(dir, "bad/notgz.txt.gz")},
			[]string{"ERR " + filepath.Join(dir, "bad/notgz.txt.gz") + ": not a gzip file: unexpected EOF"}},
		{"EmptyText", "", defaults, []string{filepath.Join(dir, "bad/empty.txt")},
			[]string{"ERR " + filepath.Join(dir, "bad/empty.txt") + ": empty document"}},
		{"UnsupportedSuffix", "", defaults, []string{filepath.Join(dir, "bad/data.json")},
			[]string{"ERR " + filepath.Join(dir, "bad/data.json") + `: unsupported file type ".json": factgraph reads .txt (one document), .jsonl or .ndjson (one per line), each optionally .gz`}},
		{"NoExtensionIsText", "", defaults, []string{filepath.Join(dir, "noext")}, []string{"noext"}},
		{"DirectoryWithoutInputs", "", defaults, []string{filepath.Join(dir, "nothing")},
			[]string{"ERR " + filepath.Join(dir, "nothing") + ": no .txt, .jsonl or .ndjson files (optionally .gz) in this directory"}},
		{"MoreOnALine", "", defaults, []string{filepath.Join(dir, "bad/more.jsonl")}, []string{
			"ERR " + filepath.Join(dir, "bad/more.jsonl") + ":1: malformed JSON: unexpected data after the object at byte 23 (one document per line)",
			"ERR " + filepath.Join(dir, "bad/more.jsonl") + ":2: malformed JSON: unexpected data after the object at byte 23 (one document per line)",
			"ERR " + filepath.Join(dir, "bad/more.jsonl") + ":3: empty \"text\" field",
		}},
		{"Dates", "", defaults, []string{filepath.Join(dir, "bad/dates.jsonl")}, []string{
			"d1",
			"ERR " + filepath.Join(dir, "bad/dates.jsonl") + `:2: field "published": unrecognized date "02/03/2017": use ISO 8601 (2006-01-02 or 2006-01-02T15:04:05Z)`,
		}},
		{"ByteOrderMark", "", defaults, []string{filepath.Join(dir, "bom.jsonl")}, []string{"b1"}},
		{"StdinText", "no id line here", defaults, []string{"-"}, []string{"stdin"}},
		{"StdinJSONL", "{\"id\":\"s1\",\"text\":\"a\"}\n{\"id\":\"s2\",\"text\":\"b\"}", defaults, []string{"-"}, []string{"s1", "s2"}},
		{"CustomFields", "{\"newid\":3,\"body\":\"b\"}\n", Options{MaxDocBytes: 100, Fields: Fields{ID: "newid", Text: "body", Title: "title"}}, []string{"-"}, []string{"3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, tt.stdin, tt.opt, tt.paths...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTitleJoinsText(t *testing.T) {
	doc, err := parseJSONLine([]byte(`{"id":"r1","title":"BAHIA COCOA REVIEW","text":"Showers continued."}`), defaults.Fields)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "BAHIA COCOA REVIEW\n\nShowers continued." || doc.Title != "BAHIA COCOA REVIEW" {
		t.Fatalf("got %+v", doc)
	}
}

func TestTitleRepeatedInText(t *testing.T) {
	tests := []struct {
		title, text string
		want        bool
	}{
		{"BAHIA COCOA REVIEW", "BAHIA COCOA REVIEW\n\nShowers continued.", true},
		{"Frank Messina: An interview with the 'Mets Poet'", "Frank Messina: An Interview with the 'Mets Poet' Wednesday, October 3, 2007\n\nText.", true},
		{"Wikinews interviews academic Simon Licen", "Wikinews interviews academic Simon Ličen Saturday\n\nText.", true},
		{"Andrew Westphal about Stardust@home", "Andrew Westphal about Stardust @ home\n\nSunday", true},
		{"BAHIA COCOA REVIEW", "Showers continued.", false},
		{"Bank", "BANKERS said.", false},                     // whole words only
		{"Cocoa review", "Text first.\nCocoa review", false}, // the first line only
		{"!!!", "Text.", false},
	}
	for _, tt := range tests {
		if got := startsWithTitle(tt.text, tt.title); got != tt.want {
			t.Errorf("startsWithTitle(%q, %q) = %v", tt.text, tt.title, got)
		}
	}
}

func TestIDLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"1.2223405-2511317925", true},
		{"story-42", true},
		{"Headline", false},
		{"Sochi 2018", false},
		{strings.Repeat("a1", 33), false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isIDLine(tt.line); got != tt.want {
			t.Errorf("isIDLine(%q) = %v", tt.line, got)
		}
	}
}
