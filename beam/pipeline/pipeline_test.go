package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/factgraph/factgraph/internal/input"
	"github.com/factgraph/factgraph/internal/testenv"
)

// TestExamples runs the pipeline on Prism over the bundled examples and
// checks that its graph is the one `factgraph ingest` builds from them.
func TestExamples(t *testing.T) {
	examples := filepath.Join("..", "..", "examples")
	// Two globs in the order ingest reads the directory: by name.
	inputs := []string{filepath.Join(examples, "*.txt"), filepath.Join(examples, "*.jsonl")}
	compareWithIngest(t, inputs, DefaultFields, false, nil, examples)
}

// TestReuters does the same on 2,000 Reuters-21578 stories, gzipped
// JSON Lines with the corpus's own field names, and gzipped outputs.
func TestReuters(t *testing.T) {
	src := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	path := filepath.Join(t.TempDir(), "reuters.jsonl.gz")
	writeStories(t, src, path, 2000)
	flags := []string{"--id-field", "newid", "--text-field", "body", "--published-field", "date"}
	compareWithIngest(t, []string{path}, reutersFields, true, flags, path)
}

// TestBadInputs: a malformed line, a document without text, a file of a
// type factgraph does not read, and an ID read twice are reported and
// skipped as ingest skips them, and the rest is the same graph.
func TestBadInputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "news")
	files := map[string]string{
		"a.jsonl": `{"id":"d1","title":"Merkel visits Paris","text":"German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.","published":"2017-11-21"}
{"id":"d2","text":
{"id":"d3","text":""}
{"id":"d4","text":"Apple Inc said on Tuesday it would open a new office in London, its chief executive Tim Cook said."}
`,
		"b.jsonl": `{"id":"d1","text":"A second document with the ID of the first, which ingest skips."}
`,
		"c.txt":  "Storms killed at least 12 people in Manila, officials said on Friday.\n",
		"d.html": "<p>not news</p>\n",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// ingest reads the directory's .txt and .jsonl files only; the glob
	// also matches d.html, which the pipeline refuses as ingest refuses
	// such a file when named.
	compareWithIngest(t, []string{filepath.Join(dir, "*")}, DefaultFields, false, nil, dir, filepath.Join(dir, "d.html"))
}

// writeStories writes the first n stories of the Reuters-21578 JSON
// Lines file src that have a body, gzipped, to path.
func writeStories(t *testing.T, src, path string, n int) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 16<<20)
	for got := 0; got < n && sc.Scan(); {
		var story struct{ Body string }
		if err := json.Unmarshal(sc.Bytes(), &story); err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(story.Body) == "" {
			continue
		}
		zw.Write(sc.Bytes())
		zw.Write([]byte("\n"))
		got++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// compareWithIngest runs the pipeline over inputs, imports its dump with
// `factgraph import`, ingests ingestArgs with `factgraph ingest` (with
// flags), and requires the two stores to hold the same graph: the same
// jsonl export byte for byte (entities, relations, figures, events,
// quotes, mentions, merges) and the same counts. The pipeline's
// extraction shards must hold the lines `factgraph extract` prints. With
// gz, the pipeline gzips its outputs.
func compareWithIngest(t *testing.T, inputs []string, fields input.Fields, gz bool, flags []string, ingestArgs ...string) {
	fg := factgraphCLI(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	const shards = 3
	o := Options{Inputs: inputs, Output: out, Shards: shards, MaxDocBytes: 16 << 20, Fields: fields, WorkDir: dir, Gzip: gz, Created: 1}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	counts := CountsOf(res)
	t.Logf("pipeline: %+v", counts)

	piped, ingested := filepath.Join(dir, "piped.db"), filepath.Join(dir, "ingested.db")
	run(t, fg, "import", "--db", piped, outputPath(out, GraphFile, gz))
	var sum struct{ Documents, Failed int }
	if err := json.Unmarshal(run(t, fg, append(append([]string{"ingest", "--db", ingested, "--json", "--workers", "2"}, flags...), ingestArgs...)...), &sum); err != nil {
		t.Fatal(err)
	}
	// ingest counts a second ID among its failures.
	if counts.Stored != int64(sum.Documents) || counts.Failed+counts.Duplicates != int64(sum.Failed) {
		t.Errorf("pipeline stored %d documents and refused %d (and %d duplicates); ingest %d and %d", counts.Stored, counts.Failed, counts.Duplicates, sum.Documents, sum.Failed)
	}
	if sum.Documents == 0 {
		t.Fatal("ingest stored no documents")
	}

	if a, b := run(t, fg, "stats", "--db", piped, "--json"), run(t, fg, "stats", "--db", ingested, "--json"); !bytes.Equal(statsWithoutSize(t, a), statsWithoutSize(t, b)) {
		t.Errorf("counts differ:\nimported from the pipeline: %s\ningested: %s", a, b)
	}
	a := run(t, fg, "export", "--db", piped, "--format", "jsonl")
	b := run(t, fg, "export", "--db", ingested, "--format", "jsonl")
	if !bytes.Equal(a, b) {
		al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		for i := 0; i < min(len(al), len(bl)); i++ {
			if al[i] != bl[i] {
				t.Fatalf("exports differ at line %d (of %d and %d):\nimported from the pipeline: %s\ningested: %s", i+1, len(al), len(bl), al[i], bl[i])
			}
		}
		t.Fatalf("exports differ in length: %d and %d lines", len(al), len(bl))
	}
	t.Logf("same graph: %d dump lines", bytes.Count(a, []byte("\n")))

	want := lines(run(t, fg, append(append([]string{"extract", "--workers", "2"}, flags...), ingestArgs...)...))
	var got []string
	for i := range shards {
		b, err := os.ReadFile(outputPath(out, ExtractionFile(i, shards), gz))
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		if gz {
			b = gunzip(t, b)
		}
		got = append(got, lines(b)...)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("extraction shards hold %d lines, `factgraph extract` prints %d, and they differ", len(got), len(want))
	}
	if _, err := os.Stat(outputPath(out, NQuadsFile, gz)); err != nil {
		t.Errorf("no N-Quads: %v", err)
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func lines(b []byte) []string {
	return strings.FieldsFunc(string(b), func(r rune) bool { return r == '\n' })
}

// statsWithoutSize is `stats --json` without the store's size on disk,
// which differs between a restored and an ingested store.
func statsWithoutSize(t *testing.T, b []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("stats: %v\n%s", err, b)
	}
	delete(m, "size_bytes")
	out, _ := json.Marshal(m)
	return out
}

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
	cliDir  string
)

// factgraphCLI builds the factgraph command once per test binary, in
// factgraph's own module (with its go.mod, not this one's), as users
// build it.
func factgraphCLI(t testing.TB) string {
	t.Helper()
	gobin := testenv.Tool(t, "https://go.dev/dl/", "go")
	cliOnce.Do(func() {
		cliDir, cliErr = os.MkdirTemp("", "factgraph-beam-test-")
		if cliErr != nil {
			return
		}
		var root string
		if root, cliErr = testenv.ModuleRoot(); cliErr != nil {
			return
		}
		cliPath = filepath.Join(cliDir, "factgraph")
		build := exec.Command(gobin, "build", "-o", cliPath, "./cmd/factgraph")
		build.Dir = root
		out, err := build.CombinedOutput()
		if err != nil {
			cliErr = &buildError{err, out}
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliPath
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string {
	return "build factgraph: " + e.err.Error() + "\n" + string(e.out)
}

// run runs the factgraph command with args and returns its standard
// output. Exit status 1 of ingest and extract, which report bad inputs
// and go on, is theirs to give; any other failure ends the test with its
// standard error.
func run(t *testing.T, fg string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(fg, args...)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1", "FACTGRAPH_DB=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && !(cmd.ProcessState.ExitCode() == 1 && (args[0] == "ingest" || args[0] == "extract")) {
		t.Fatalf("factgraph %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init() // Beam's runners refuse a pipeline before it
	code := m.Run()
	if cliDir != "" {
		os.RemoveAll(cliDir)
	}
	os.Exit(code)
}
