package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

// Awkward names the fixture store holds; every format must carry them.
const (
	exportTricky = "The \"Quoted\" \\Back\\slash\\ Co.\nLine two\tTabbed 🚀"
	exportRTL    = "بشار الأسد"
)

// exportSpan returns the mention of the first occurrence of surface in
// text, in code points.
func exportSpan(t testing.TB, doc, text, surface string, sentence int) graph.Mention {
	t.Helper()
	i := strings.Index(text, surface)
	if i < 0 {
		t.Fatalf("%q not in text", surface)
	}
	start := utf8.RuneCountInString(text[:i])
	return graph.Mention{Document: doc, Sentence: sentence, Start: start, End: start + utf8.RuneCountInString(surface), Text: surface}
}

// exportExtractions are two hand-made documents with tricky names and IDs,
// every kind of fact, and a relation that both documents state.
func exportExtractions(t testing.TB) []*graph.Extraction {
	text1 := "Sochi: President Vladimir Putin met " + exportRTL + " on Tuesday. " + exportTricky +
		" said more than 450,000 people have been killed. \"We agree,\" Putin said. Russia denied it."
	d1 := "reuters 1"
	ent := func(typ graph.EntityType, id, name string, ms ...graph.Mention) *graph.Entity {
		for i := range ms {
			ms[i].Entity = id
		}
		return &graph.Entity{ID: id, Type: typ, Name: name, Mentions: ms, MentionCount: len(ms)}
	}
	putin := ent(graph.Person, "person/vladimir-putin", "Vladimir Putin", exportSpan(t, d1, text1, "Vladimir Putin", 0))
	putin.Roles = []graph.Role{{Title: "President", Of: "place/russia"}}
	assad := ent(graph.Person, "person/bashar al-assad", exportRTL, exportSpan(t, d1, text1, exportRTL, 0))
	assad.Aliases = []string{"Assad; the \"Lion\""}
	sochi := ent(graph.Place, "place/sochi", "Sochi", exportSpan(t, d1, text1, "Sochi", 0))
	sochi.Location = &graph.GeoPoint{Lat: 43.6028, Lon: 39.7342, CountryCode: "RU"}
	russia := ent(graph.Place, "place/russia", "Russia", exportSpan(t, d1, text1, "Russia", 3))
	quoted := ent(graph.Organization, "organization/the quoted co", exportTricky, exportSpan(t, d1, text1, exportTricky, 1))
	sentence := exportSpan(t, d1, text1, "Sochi: President Vladimir Putin met "+exportRTL+" on Tuesday.", 0)
	killed := 450000.0
	x1 := &graph.Extraction{
		Document: graph.Document{ID: d1, Title: `Putin "meets" Assad`, Published: "2015-10-21", Text: text1, Place: "place/sochi"},
		Entities: []*graph.Entity{putin, assad, sochi, russia, quoted},
		Relations: []*graph.Relation{
			{ID: "met-1", Subject: putin.ID, Predicate: graph.Met, Object: assad.ID, Symmetric: true, Confidence: 0.9, Weight: 1,
				Evidence: []graph.Mention{sentence}},
			{ID: "pres-1", Subject: putin.ID, Predicate: "president_of", Object: russia.ID, Role: "President", Confidence: 0.8, Weight: 1,
				Evidence: []graph.Mention{exportSpan(t, d1, text1, "President Vladimir Putin", 0)}},
			{ID: "loc-1", Subject: sochi.ID, Predicate: graph.LocatedIn, Object: russia.ID, Confidence: 1, Weight: 1},
		},
		Figures: []*graph.Figure{{ID: "fig-1", Value: &killed, Qualifier: "more than", Measure: graph.Killed, Counted: "people",
			Text: "more than 450,000", Evidence: exportSpan(t, d1, text1, "more than 450,000", 1), Confidence: 0.8}},
		Events: []*graph.EventFact{{ID: "ev-1", Kind: "meeting", Name: "meeting of Vladimir Putin and " + exportRTL,
			Participants: []string{putin.ID, assad.ID}, Place: sochi.ID, DateText: "Tuesday",
			Evidence: []graph.Mention{sentence}, Confidence: 0.7}},
		Quotes: []*graph.Quote{{ID: "q-1", Text: "We agree,", Speaker: putin.ID,
			Evidence: exportSpan(t, d1, text1, "We agree,", 2), Confidence: 0.9}},
	}

	text2 := "Putin and Assad met again, in Moscow."
	d2 := "bbc/2"
	putin2 := ent(graph.Person, "person/vladimir-putin", "Vladimir Putin", exportSpan(t, d2, text2, "Putin", 0))
	assad2 := ent(graph.Person, "person/bashar al-assad", exportRTL, exportSpan(t, d2, text2, "Assad", 0))
	moscow := ent(graph.Place, "place/moscow", "Moscow", exportSpan(t, d2, text2, "Moscow", 0))
	x2 := &graph.Extraction{
		Document: graph.Document{ID: d2, Title: "عنوان", Published: "2015-11-02", Text: text2},
		Entities: []*graph.Entity{putin2, assad2, moscow},
		Relations: []*graph.Relation{{ID: "met-2", Subject: putin2.ID, Predicate: graph.Met, Object: assad2.ID, Symmetric: true,
			Confidence: 0.9, Weight: 1, Evidence: []graph.Mention{exportSpan(t, d2, text2, text2, 0)}}},
	}
	return []*graph.Extraction{x1, x2}
}

// exportStore returns the path of a store holding exportExtractions.
func exportStore(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(context.Background(), exportExtractions(t)); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// exportSpacedStore returns the path of a store like exportStore's whose
// entity person/vladimir-putin is called "person/vladimir putin". Ingest
// slugs entity IDs, so only a restored dump can hold such an ID; the dump
// is edited as text, which renames every reference at once.
func exportSpacedStore(t testing.TB) string {
	t.Helper()
	dump, _, err := exportCLI(t, nil, "export", "--db", exportStore(t), "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	spaced := strings.ReplaceAll(dump, `"person/vladimir-putin"`, `"person/vladimir putin"`)
	path := filepath.Join(t.TempDir(), "spaced")
	if _, _, err := exportCLI(t, strings.NewReader(spaced), "import", "--db", path, "-"); err != nil {
		t.Fatal(err)
	}
	return path
}

// testEpoch is the $SOURCE_DATE_EPOCH of testGetenv: dumps record it as
// their creation time, so that two exports of one snapshot are the same
// bytes.
const testEpoch = 1445470140 // 2015-10-21T23:29:00Z

// testGetenv is the environment of the commands the tests run: empty but
// for SOURCE_DATE_EPOCH.
func testGetenv(k string) string {
	if k == "SOURCE_DATE_EPOCH" {
		return strconv.Itoa(testEpoch)
	}
	return ""
}

// exportCLI runs factgraph with args in-process and returns its stdout.
func exportCLI(t testing.TB, stdin io.Reader, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: stdin, Stdout: &stdout, Stderr: &stderr, Getenv: testGetenv}
	err := Run(context.Background(), env, args)
	return stdout.String(), stderr.String(), err
}

// exportStats returns what "factgraph stats --json" prints, less the size
// on disk.
func exportStats(t testing.TB, path string) graph.Stats {
	t.Helper()
	out, _, err := exportCLI(t, nil, "stats", "--json", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	var s graph.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	s.SizeBytes = 0
	return s
}

// exportEntities reads the entities of a jsonl dump: what the store holds.
func exportEntities(t testing.TB, dump string) []*graph.Entity {
	t.Helper()
	d, err := export.NewReader(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	var es []*graph.Entity
	for {
		r, err := d.Next()
		if err == io.EOF {
			return es
		} else if err != nil {
			t.Fatal(err)
		}
		if r.Entity != nil {
			es = append(es, r.Entity)
		}
	}
}

// TestExportImport_RoundTrip: export jsonl, import into an empty store,
// export again: the same bytes, the same stats, plain or gzipped.
func TestExportImport_RoundTrip(t *testing.T) {
	src := exportStore(t)
	dump, _, err := exportCLI(t, nil, "export", "--db", src, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dump, `{"format":"factgraph-dump","version":1,"software":"factgraph",`) {
		t.Fatalf("dump starts %.80q", dump)
	}
	for _, gz := range []bool{false, true} {
		name := map[bool]string{false: "Plain", true: "Gzip"}[gz]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "dump.jsonl")
			args := []string{"export", "--db", src, "--format", "jsonl", "--out", file}
			if gz {
				file += ".gz"
				args = append(args[:len(args)-1], file, "--gzip")
			}
			if _, _, err := exportCLI(t, nil, args...); err != nil {
				t.Fatal(err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 || entries[0].Name() != filepath.Base(file) {
				t.Fatalf("export left %v in its directory, want only %s", entries, filepath.Base(file))
			}
			if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o644 {
				t.Fatalf("dump file: %v, %v; want mode 0644", fi.Mode(), err)
			}
			dst := filepath.Join(dir, "restored")
			out, _, err := exportCLI(t, nil, "import", "--db", dst, file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(out, "imported 2 documents") {
				t.Errorf("import printed %q", out)
			}
			again, _, err := exportCLI(t, nil, "export", "--db", dst, "--format", "jsonl")
			if err != nil {
				t.Fatal(err)
			}
			if again != dump {
				t.Fatalf("second dump differs from the first:\n%s\n---\n%s", dump, again)
			}
			if a, b := exportStats(t, src), exportStats(t, dst); !reflect.DeepEqual(a, b) {
				t.Fatalf("stats differ: %+v, restored %+v", a, b)
			}
		})
	}
}

func TestImport_Errors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	src := exportStore(t)
	full := filepath.Join(dir, "full.jsonl")
	if _, _, err := exportCLI(t, nil, "export", "--db", src, "--format", "jsonl", "--out", full); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		db   string
		args []string
		code string
		msg  string
	}{
		{"NewerVersion", "new", []string{write("v2.jsonl", `{"format":"factgraph-dump","version":2}`+"\n")},
			graph.EINVALID, "dump format version 2 is newer than this factgraph reads (version 1); upgrade factgraph"},
		{"NotADump", "notdump", []string{write("x.jsonl", "hello\n")}, graph.EINVALID, "not a factgraph dump"},
		{"MalformedLine", "malformed", []string{write("bad.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"x"}}`+"\n{oops\n")},
			graph.EINVALID, "line 3: malformed JSON"},
		{"MalformedLineExistingStore", "existing", []string{filepath.Join(dir, "bad.jsonl")},
			graph.EINVALID, "import " + filepath.Join(dir, "bad.jsonl") + ": line 3: malformed JSON at byte 2: invalid character 'o' looking for beginning of object key string; nothing was imported"},
		{"MalformedLateExistingStore", "existing2", []string{write("late.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+manyDocuments(1200)+"{oops\n")},
			graph.EINVALID, "line 1202: malformed JSON at byte 2: invalid character 'o' looking for beginning of object key string; the store " +
				filepath.Join(dir, "existing2") + " now holds part of the dump: delete it before importing again"},
		// The JSON errors say what is wrong in the dump's terms, with the
		// file and line, and name no Go type.
		{"ArrayLine", "array", []string{write("array.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`["an","array"]`+"\n")},
			graph.EINVALID, "import " + filepath.Join(dir, "array.jsonl") + ": line 2: the line is a JSON array, not an object (a dump holds one record object per line); nothing was imported"},
		{"WrongFieldType", "wrongtype", []string{write("wrongtype.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"x"}}`+"\n"+
			`{"kind":"entity","entity":{"id":"person/a","type":"person","name":"A","mention_count":"ten"}}`+"\n")},
			graph.EINVALID, "import " + filepath.Join(dir, "wrongtype.jsonl") + `: line 3: field "entity.mention_count": want a whole number, got a string`},
		{"TruncatedLine", "truncated", []string{write("truncated.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"x"}}`+"\n"+
			`{"kind":"entity","entity":{"id":"person/a","type":"per`)},
			graph.EINVALID, "import " + filepath.Join(dir, "truncated.jsonl") + ": line 3: truncated JSON record"},
		{"UnknownMeasure", "vibes", []string{write("vibes.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"ten killed"}}`+"\n"+
			`{"kind":"figure","figure":{"id":"figure/x","value":10,"measure":"vibes","text":"ten","evidence":{"document":"d","sentence":0,"start":0,"end":3,"text":"ten"},"confidence":0.9}}`+"\n")},
			graph.EINVALID, `line 3: figure "figure/x": unknown measure "vibes"`},
		{"ImplausibleValue", "huge", []string{write("huge.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"ten killed"}}`+"\n"+
			`{"kind":"figure","figure":{"id":"figure/x","value":1e308,"measure":"killed","text":"ten","evidence":{"document":"d","sentence":0,"start":0,"end":3,"text":"ten"},"confidence":0.9}}`+"\n")},
			graph.EINVALID, "line 3: figure \"figure/x\": 1e+308 is not a plausible amount of killed"},
		{"EntityWithoutMention", "nomention", []string{write("nomention.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"x"}}`+"\n"+
			`{"kind":"entity","entity":{"id":"person/ghost","type":"person","name":"Ghost","mention_count":1000000000000000000}}`+"\n")},
			graph.EINVALID, `entity "person/ghost" has no mention in the dump`},
		{"NULInID", "nul", []string{write("nul.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d\u0000e","text":"x"}}`+"\n")},
			graph.EINVALID, "control character"},
		{"DanglingMention", "dangling", []string{write("dangling.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"Putin spoke."}}`+"\n"+
			`{"kind":"entity","entity":{"id":"person/putin","type":"person","name":"Putin"}}`+"\n"+
			`{"kind":"mention","mention":{"entity":"person/putin","document":"nodoc","sentence":0,"start":0,"end":5,"text":"Putin"}}`+"\n")},
			graph.EINVALID, `line 4: restore mention: unknown document "nodoc"`},
		{"DuplicateDocument", "dupdoc", []string{write("dupdoc.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"d","text":"x"}}`+"\n"+
			`{"kind":"document","document":{"id":"d","text":"y"}}`+"\n")},
			graph.EINVALID, `line 3: restore document: duplicate document "d"`},
		{"DocumentTooLarge", "toolarge", []string{"--max-doc-bytes", "1000", write("toolarge.jsonl", `{"format":"factgraph-dump","version":1}`+"\n"+`{"kind":"document","document":{"id":"small","text":"x"}}`+"\n"+
			`{"kind":"document","document":{"id":"big","text":"`+strings.Repeat("Officials met. ", 100)+`"}}`+"\n")},
			graph.EINVALID, `line 3: document "big": text is 1500 bytes, over --max-doc-bytes (1000)`},
		{"NotEmpty", "", []string{full}, graph.ECONFLICT, "not empty"},
		{"Missing", "missing", []string{filepath.Join(dir, "nope.jsonl")}, graph.ENOTFOUND, "no such file"},
		{"NoArgs", "noargs", nil, graph.EINVALID, "want one dump file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := src
			if tt.db != "" {
				db = filepath.Join(dir, tt.db)
			}
			if strings.HasPrefix(tt.db, "existing") {
				s, err := store.Open(db)
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
			}
			_, _, err := exportCLI(t, nil, append([]string{"import", "--db", db}, tt.args...)...)
			if graph.ErrorCode(err) != tt.code || !strings.Contains(userMessage(err), tt.msg) {
				t.Fatalf("import = %v (code %q); want code %q, message with %q", err, graph.ErrorCode(err), tt.code, tt.msg)
			}
			if goType := goTypeRE.FindString(userMessage(err)); goType != "" {
				t.Errorf("import message %q names a Go type (%s)", userMessage(err), goType)
			}
			// A bad dump is a failed input (1), a bad argument a usage error
			// (2), a store in the way a conflict (3).
			wantExit := map[string]int{"NoArgs": exitUsage, "NotEmpty": exitConflict}[tt.name]
			if wantExit == 0 {
				wantExit = exitFailure
			}
			if got := exitCode(err); got != wantExit {
				t.Errorf("exit status %d, want %d", got, wantExit)
			}
			if tt.name == "NewerVersion" || tt.name == "NotADump" || tt.name == "MalformedLine" {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("failed import left a store at %s", db)
				}
			}
		})
	}
}

// manyDocuments returns n document records of a jsonl dump.
func manyDocuments(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"kind":"document","document":{"id":"d%d","text":"x"}}`+"\n", i)
	}
	return b.String()
}

func TestExport_Errors(t *testing.T) {
	db := exportStore(t)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"NoFormat", nil, "--format is required"},
		{"BadFormat", []string{"--format", "rdfxml"}, `unknown format "rdfxml"`},
		{"CSVToStdout", []string{"--format", "csv"}, "give --out DIR"},
		{"BadType", []string{"--format", "jsonl", "--type", "person,planet"}, `unknown --type "planet"`},
		{"BadSince", []string{"--format", "jsonl", "--since", "21/10/2015"}, "is not a date"},
		{"DgraphJSONL", []string{"--format", "jsonl", "--dgraph"}, "--dgraph applies to --format nquads only"},
		{"ExtraArg", []string{"--format", "jsonl", "out.jsonl"}, `unexpected argument "out.jsonl"`},
		{"UnknownFlag", []string{"--format", "jsonl", "--colour"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := exportCLI(t, nil, append([]string{"export", "--db", db}, tt.args...)...)
			if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(userMessage(err), tt.msg) {
				t.Fatalf("export = %v; want EINVALID with %q", err, tt.msg)
			}
		})
	}
	t.Run("MissingStore", func(t *testing.T) {
		_, _, err := exportCLI(t, nil, "export", "--db", filepath.Join(t.TempDir(), "nope"), "--format", "jsonl")
		if graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Fatalf("export of a missing store = %v, want %s", err, graph.ENOTFOUND)
		}
	})
	t.Run("UnknownDocument", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "d.jsonl")
		_, _, err := exportCLI(t, nil, "export", "--db", db, "--format", "jsonl", "--doc", "no-such-doc", "--out", out)
		if graph.ErrorCode(err) != graph.ENOTFOUND || !strings.Contains(userMessage(err), `no document "no-such-doc"`) || exitCode(err) != exitFailure {
			t.Fatalf("export --doc of an unknown document = %v (exit %d)", err, exitCode(err))
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a failed export left %s", out)
		}
	})
}

// TestExport_Filter checks that the filter flags reach the store.
func TestExport_Filter(t *testing.T) {
	db := exportStore(t)
	for _, tt := range []struct {
		name  string
		args  []string
		check func([]*graph.Entity) bool
	}{
		{"Type", []string{"--type", "place"}, func(es []*graph.Entity) bool {
			for _, e := range es {
				if e.Type != graph.Place {
					return false
				}
			}
			return len(es) > 0
		}},
		{"Doc", []string{"--doc", "bbc/2"}, func(es []*graph.Entity) bool {
			for _, e := range es {
				if e.ID == "organization/the quoted co" {
					return false
				}
			}
			return len(es) > 0
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dump, _, err := exportCLI(t, nil, append([]string{"export", "--db", db, "--format", "jsonl"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			if es := exportEntities(t, dump); !tt.check(es) {
				t.Errorf("filtered dump has entities %v", es)
			}
		})
	}
}

const exportConsumerScript = `
import csv, json, sys
fmt, path = sys.argv[1], sys.argv[2]
names, nodes, edges = {}, 0, 0
if fmt in ("nquads", "json-ld"):
    import rdflib
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format=fmt)
    FG = "https://factgraph.dev/ns#"
    ent = rdflib.URIRef(FG + "Entity")
    for s in g.subjects(rdflib.RDF.type, ent):
        nodes += 1
        names[str(g.value(s, rdflib.URIRef(FG + "id")))] = [str(o) for o in g.objects(s, rdflib.URIRef("http://schema.org/name"))]
    edges = len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef(FG + "Relation"))))
elif fmt == "graphml":
    import networkx as nx
    g = nx.read_graphml(path)
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    names = {n: [d["name"]] for n, d in g.nodes(data=True)}
elif fmt == "csv":
    with open(path + "/nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))[1:]
    with open(path + "/relationships.csv", newline="", encoding="utf-8") as f:
        edges = len(list(csv.reader(f, strict=True))) - 1
    nodes = len(rows)
    names = {r[0]: [r[2]] for r in rows}
print(json.dumps({"nodes": nodes, "edges": edges, "names": names}))
`

// TestExport_Consumers exports the store in every format and reads each
// back with its real consumer: the node and edge counts equal the store's
// stats, and every entity's ID and name survive.
func TestExport_Consumers(t *testing.T) {
	py := testenv.Python(t, "rdflib", "networkx")
	rapper := testenv.Tool(t, "apt-get install raptor2-utils", "rapper")
	db := exportSpacedStore(t)
	stats := exportStats(t, db)
	dump, _, err := exportCLI(t, nil, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, e := range exportEntities(t, dump) {
		want[e.ID] = []string{e.Name}
	}
	var tricky, rtl, spaced bool
	for id, n := range want {
		tricky = tricky || n[0] == exportTricky
		rtl = rtl || n[0] == exportRTL
		spaced = spaced || strings.Contains(id, " ")
	}
	if !tricky || !rtl || !spaced {
		t.Fatalf("the store changed the awkward names or IDs (%v): %q", []bool{tricky, rtl, spaced}, want)
	}

	dir := t.TempDir()
	for _, tt := range []struct{ format, pyFormat, out string }{
		{"nquads", "nquads", "dump.nq"},
		{"jsonld", "json-ld", "dump.jsonld"},
		{"graphml", "graphml", "dump.graphml"},
		{"csv", "csv", "neo4j"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			out := filepath.Join(dir, tt.out)
			if _, _, err := exportCLI(t, nil, "export", "--db", db, "--format", tt.format, "--out", out); err != nil {
				t.Fatal(err)
			}
			if tt.format == "nquads" {
				if b, err := exec.Command(rapper, "-i", "nquads", "-c", out).CombinedOutput(); err != nil || bytes.Contains(b, []byte("Error")) {
					t.Fatalf("rapper: %v\n%s", err, b)
				}
			}
			b, err := exec.Command(py, "-c", exportConsumerScript, tt.pyFormat, out).Output()
			if err != nil {
				t.Fatalf("python: %v", err)
			}
			var got struct {
				Nodes, Edges int
				Names        map[string][]string
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if got.Nodes != stats.Entities || got.Edges != stats.Relations {
				t.Errorf("%d nodes, %d edges; stats say %d entities, %d relations", got.Nodes, got.Edges, stats.Entities, stats.Relations)
			}
			if !reflect.DeepEqual(got.Names, want) {
				t.Errorf("names read back:\n%q\nwant\n%q", got.Names, want)
			}
		})
	}
}

// TestExport_Stripped leaves co-occurrence, texts and mentions out of each
// format: the dumps are smaller, hold no mentioned_with, are still read by
// rapper, rdflib and NetworkX with the relations that remain, and a
// stripped jsonl dump says what it lacks, which import refuses.
func TestExport_Stripped(t *testing.T) {
	py := testenv.Python(t, "rdflib", "networkx")
	rapper := testenv.Tool(t, "apt-get install raptor2-utils", "rapper")
	db := filepath.Join(t.TempDir(), "db")
	if _, stderr, err := exportCLI(t, nil, "ingest", "--db", db, testenv.Shared(t, "seed/article.txt")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	full, _, err := exportCLI(t, nil, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	d, err := export.NewReader(strings.NewReader(full))
	if err != nil {
		t.Fatal(err)
	}
	typed := 0
	for {
		r, err := d.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if r.Kind == graph.RecordRelation && r.Relation.Predicate != graph.MentionedWith {
			typed++
		}
	}
	if typed == 0 || typed == exportStats(t, db).Relations {
		t.Fatalf("the fixture has %d typed relations of %d: no test of the filter", typed, exportStats(t, db).Relations)
	}
	strip := []string{"--exclude-predicates", "mentioned_with", "--no-text", "--no-mentions"}
	dir := t.TempDir()
	for _, tt := range []struct{ format, pyFormat string }{
		{"nquads", "nquads"}, {"jsonld", "json-ld"}, {"graphml", "graphml"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			whole := filepath.Join(dir, "whole."+tt.format)
			out := filepath.Join(dir, "stripped."+tt.format)
			if _, _, err := exportCLI(t, nil, "export", "--db", db, "--format", tt.format, "--out", whole); err != nil {
				t.Fatal(err)
			}
			if _, _, err := exportCLI(t, nil, append([]string{"export", "--db", db, "--format", tt.format, "--out", out}, strip...)...); err != nil {
				t.Fatal(err)
			}
			a, _ := os.ReadFile(whole)
			b, _ := os.ReadFile(out)
			t.Logf("%s: %d bytes whole, %d stripped (%.1f×)", tt.format, len(a), len(b), float64(len(a))/float64(len(b)))
			// The dump names mentioned_with once, in the filters of its
			// provenance.
			if !bytes.Contains(b, []byte("--exclude-predicates mentioned_with")) {
				t.Errorf("the stripped dump does not record its filter")
			}
			facts := bytes.ReplaceAll(b, []byte("--exclude-predicates mentioned_with"), nil)
			if len(b) >= len(a) || bytes.Contains(facts, []byte("mentioned_with")) {
				t.Errorf("stripped dump: %d bytes of %d, mentioned_with in it: %v", len(b), len(a), bytes.Contains(facts, []byte("mentioned_with")))
			}
			if tt.format == "nquads" {
				if out, err := exec.Command(rapper, "-i", "nquads", "-c", out).CombinedOutput(); err != nil || bytes.Contains(out, []byte("Error")) {
					t.Fatalf("rapper: %v\n%s", err, out)
				}
			}
			res, err := exec.Command(py, "-c", exportConsumerScript, tt.pyFormat, out).Output()
			if err != nil {
				t.Fatalf("python: %v", err)
			}
			var got struct{ Edges int }
			if err := json.Unmarshal(res, &got); err != nil {
				t.Fatal(err)
			}
			if got.Edges != typed {
				t.Errorf("%d relations read back, want the %d typed ones", got.Edges, typed)
			}
		})
	}
	stripped, _, err := exportCLI(t, nil, append([]string{"export", "--db", db, "--format", "jsonl"}, strip...)...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stripped, `"omitted":[`) {
		t.Errorf("stripped jsonl header: %.200s", stripped)
	}
	_, _, err = exportCLI(t, strings.NewReader(stripped), "import", "--db", filepath.Join(dir, "imported"), "-")
	if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(userMessage(err), "cannot restore a store") {
		t.Errorf("import of a stripped dump: %v", err)
	}
}

// goTypeRE matches what looks like the name of a Go type in a message.
var goTypeRE = regexp.MustCompile(`\b(graph|json)\.|\bGo (type|value|struct)|map\[|\[\]|\b(u?int(8|16|32|64)?|float(32|64)|bool|struct|interface)\b`)
