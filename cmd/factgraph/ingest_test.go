package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

// cli runs factgraph in-process and returns its stdout, stderr and error.
func cli(t testing.TB, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := Run(context.Background(), env, args)
	return out.String(), errb.String(), err
}

func ingestJSON(t *testing.T, args ...string) ingestSummary {
	t.Helper()
	out, stderr, err := cli(t, "", append([]string{"ingest", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("ingest %v: %v\n%s", args, err, stderr)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("ingest --json: %v\n%s", err, out)
	}
	return sum
}

func TestIngestSeed(t *testing.T) {
	seedPath := testenv.Shared(t, "seed/article.txt")
	db := filepath.Join(t.TempDir(), "db")

	first := ingestJSON(t, "--db", db, seedPath)
	if first.Added != 1 || first.Failed != 0 || first.Stats == nil || first.Stats.Documents != 1 {
		t.Fatalf("first ingest: %+v", first)
	}
	// Every entity that expected.json names is in the store, once.
	var expected struct {
		Entities []struct {
			Type      graph.EntityType `json:"type"`
			Name      string           `json:"name"`
			NameAny   []string         `json:"name_any"`
			OneEntity []string         `json:"one_entity"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(testenv.ReadShared(t, "seed/expected.json"), &expected); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, e := range expected.Entities {
		names := append([]string{e.Name}, append(e.NameAny, e.OneEntity...)...)
		found := map[string]bool{}
		for _, n := range names {
			if n == "" {
				continue
			}
			page, err := s.Entities(ctx, graph.EntityFilter{Type: e.Type, Name: n})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page.Items {
				found[x.ID] = true
			}
		}
		if len(found) == 0 {
			t.Errorf("no %s entity named any of %q", e.Type, names)
		}
		if len(e.OneEntity) > 0 && len(found) != 1 {
			t.Errorf("%q resolve to %d entities, want 1", e.OneEntity, len(found))
		}
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Ingesting the same document again changes nothing.
	again := ingestJSON(t, "--db", db, seedPath)
	if again.Unchanged != 1 || again.Added != 0 {
		t.Fatalf("second ingest: %+v", again)
	}
	before.SizeBytes, again.Stats.SizeBytes = 0, 0
	if !statsEqual(before, *again.Stats) {
		t.Fatalf("counts changed on re-ingest:\n%+v\n%+v", before, *again.Stats)
	}
}

func statsEqual(a, b graph.Stats) bool {
	a.SizeBytes, b.SizeBytes = 0, 0
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestIngestPutinAcrossDocuments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Russian President Vladimir Putin visited Berlin on Monday, the Kremlin said."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Putin told reporters in Moscow that talks would go on."), 0o644)
	sum := ingestJSON(t, "--db", db, dir)
	if sum.Added != 2 {
		t.Fatalf("ingest: %+v", sum)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	page, err := s.Entities(ctx, graph.EntityFilter{Type: graph.Person, Name: "Putin"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("entities named Putin: %v %+v", err, page.Items)
	}
	putin := page.Items[0]
	if putin.Name != "Vladimir Putin" {
		t.Errorf("name = %q", putin.Name)
	}
	mentions, err := s.Mentions(ctx, putin.ID, graph.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, m := range mentions.Items {
		docs[m.Document] = true
	}
	if !docs["a.txt"] || !docs["b.txt"] {
		t.Errorf("mentions come from %v, want a.txt and b.txt", docs)
	}
}

func TestIngestErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Angela Merkel met Emmanuel Macron in Paris."), 0o644)
	bin := filepath.Join(dir, "photo.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	latin1 := filepath.Join(dir, "latin1.txt")
	os.WriteFile(latin1, []byte("Caf\xe9 in Z\xfcrich"), 0o644)
	lines := filepath.Join(dir, "lines.jsonl")
	os.WriteFile(lines, []byte("{\"id\":\"l1\",\"text\":\"Putin spoke.\"}\n{broken\n"), 0o644)
	missing := filepath.Join(dir, "nope.txt")
	strictLines := filepath.Join(dir, "strict.jsonl")
	os.WriteFile(strictLines, []byte("{\"id\":\"g1\",\"text\":\"Putin spoke.\"}\n{\"id\":\"g2\",\"text\":\"Assad spoke.\"}\n{broken\n{\"id\":\"g3\",\"text\":\"Merkel spoke.\"}\n"), 0o644)
	// One name repeated 12,500 times (137 KB) was tagged as one person
	// whose key Badger refused, which failed the ingest and lost the
	// documents after it: now it is no entity and both are stored.
	repeated := filepath.Join(dir, "repeated.jsonl")
	os.WriteFile(repeated, []byte(`{"id":"b","text":"`+strings.Repeat("John Smith ", 12500)+`"}`+"\n"+`{"id":"after","text":"Angela Merkel met Emmanuel Macron in Paris."}`+"\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "oct"), 0o755)
	os.MkdirAll(filepath.Join(dir, "nov"), 0o755)
	octStory, novStory := filepath.Join(dir, "oct", "story.txt"), filepath.Join(dir, "nov", "story.txt")
	os.WriteFile(octStory, []byte("Putin spoke in October."), 0o644)
	os.WriteFile(novStory, []byte("Putin spoke in November."), 0o644)

	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantErr  string // graph error code, "reported" for per-document failures, "" for success
		wantText []string
		added    int
	}{
		{"OK", []string{good}, "", "", nil, 1},
		{"Stdin", []string{"-"}, "{\"id\":\"s1\",\"text\":\"Putin spoke in Moscow.\"}\n", "", nil, 1},
		{"Missing", []string{missing, good}, "", "reported", []string{missing + ": no such file or directory"}, 1},
		{"Binary", []string{bin}, "", "reported", []string{bin + ": binary data"}, 0},
		{"InvalidUTF8", []string{latin1}, "", "reported", []string{latin1 + ": invalid UTF-8 at byte offset 3"}, 0},
		{"MalformedLine", []string{lines}, "", "reported", []string{lines + ":2: malformed JSON"}, 1},
		{"Strict", []string{"--strict", bin, good}, "", "reported", []string{"binary data", "ingested 0 documents"}, 0},
		{"StrictStoresWhatCameBefore", []string{"--strict", strictLines}, "", "reported", []string{strictLines + ":3: malformed JSON", "ingested 2 documents"}, 2},
		{"RepeatedName", []string{repeated}, "", "", nil, 2},
		{"DuplicateID", []string{octStory, novStory}, "", "reported", []string{novStory + `: document ID "story.txt" was already read from ` + octStory}, 1},
		{"BadMaxDocBytes", []string{"--max-doc-bytes", "-1", good}, "", graph.EINVALID, []string{"--max-doc-bytes must be positive"}, 0},
		{"BadWorkers", []string{"--workers", "0", good}, "", graph.EINVALID, []string{"--workers must be at least 1"}, 0},
		{"NoPaths", nil, "", graph.EINVALID, []string{"Usage: factgraph ingest"}, 0},
		{"BadFlag", []string{"--workers=x", good}, "", graph.EINVALID, []string{"invalid value"}, 0},
		{"PageOutAbove", []string{"--page-out-above", "1", good}, "", "", nil, 1},
		{"BadPageOutAbove", []string{"--page-out-above", "-5", good}, "", graph.EINVALID, []string{"page-out-above: want a whole number of MiB"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			out, stderr, err := cli(t, tt.stdin, append([]string{"ingest", "--db", db}, tt.args...)...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v\n%s", err, stderr)
			case tt.wantErr == "reported" && !errors.Is(err, errReported):
				t.Fatalf("err = %v, want per-document failures\n%s", err, stderr)
			case tt.wantErr != "" && tt.wantErr != "reported" && graph.ErrorCode(err) != tt.wantErr:
				t.Fatalf("err = %v (code %q), want %s", err, graph.ErrorCode(err), tt.wantErr)
			}
			all := stderr + out + userMessage(err)
			for _, want := range tt.wantText {
				if !strings.Contains(all, want) {
					t.Errorf("output lacks %q:\n%s", want, all)
				}
			}
			if tt.wantErr == graph.EINVALID {
				return
			}
			s, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			st, err := s.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != tt.added {
				t.Errorf("store has %d documents, want %d", st.Documents, tt.added)
			}
		})
	}
}

// TestIngestErrors_StoreRefuses covers the store's side of skip-and-report:
// a document that input reading and extraction accept but the store
// refuses (its facts do not fit in one transaction: the same sentence
// 12,000 times, 530 KB, gives too many mentions) is reported by file and
// line and counted as failed, the run exits 1, and the documents after it
// in the same batch are stored.
func TestIngestErrors_StoreRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.jsonl")
	var in strings.Builder
	line := func(id, text string) {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text})
		in.Write(append(b, '\n'))
	}
	line("before1", "Angela Merkel met Emmanuel Macron in Paris.")
	line("before2", "Vladimir Putin spoke in Moscow.")
	line("big", strings.Repeat("Angela Merkel met Emmanuel Macron in Paris. ", 12000))
	line("after1", "Bashar al-Assad met Recep Tayyip Erdogan in Ankara.")
	line("after2", "Joe Biden spoke in Washington.")
	if err := os.WriteFile(path, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	_, stderr, err := cli(t, "", "ingest", "--db", db, path)
	if !errors.Is(err, errReported) || exitCode(err) != exitFailure {
		t.Fatalf("err = %v (exit %d), want reported failures (exit %d)\n%s", err, exitCode(err), exitFailure, stderr)
	}
	for _, want := range []string{
		"factgraph: " + path + `:3: document "big": too many facts to store in one transaction`,
		"ingested 4 documents (4 new, 0 replaced, 0 unchanged), 1 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if st := exportStats(t, db); st.Documents != 4 {
		t.Errorf("stats: %d documents, want 4", st.Documents)
	}
	out, _, err := exportCLI(t, nil, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range strings.Split(out, "\n") {
		var r graph.Record
		if json.Unmarshal([]byte(l), &r) == nil && r.Kind == graph.RecordDocument {
			ids = append(ids, r.Document.ID)
		}
	}
	if want := []string{"after1", "after2", "before1", "before2"}; strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("exported documents %v, want %v", ids, want)
	}

	// --json counts it in the summary, with where it is.
	db2 := filepath.Join(dir, "db2")
	out, stderr, err = cli(t, "", "ingest", "--json", "--db", db2, path)
	if !errors.Is(err, errReported) {
		t.Fatalf("ingest --json: err = %v\n%s", err, stderr)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("ingest --json: %v\n%s", err, out)
	}
	if sum.Failed != 1 || sum.Added != 4 || len(sum.Errors) != 1 || sum.Errors[0].Where != path+":3" ||
		sum.Stats == nil || sum.Stats.Documents != 4 {
		t.Errorf("summary %+v (stats %+v)", sum, sum.Stats)
	}
}

// TestIngestInterrupted cancels an ingest as SIGINT does: it still prints
// its summary, exits 130, and the store holds only complete documents.
func TestIngestInterrupted(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	var in strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&in, "{\"id\":\"d%d\",\"text\":\"Vladimir Putin met Bashar al-Assad in Sochi on day %d.\"}\n", i, i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	stdin := &cancelAfter{r: strings.NewReader(in.String()), n: 64 << 10, cancel: cancel}
	env := &Env{Stdin: stdin, Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := Run(ctx, env, []string{"ingest", "--db", db, "--json", "-"})
	if !errors.Is(err, errInterrupted) || exitCode(err) != exitSignal {
		t.Fatalf("err = %v (exit %d), want interrupted (exit %d)\n%s", err, exitCode(err), exitSignal, errb.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("no JSON summary: %v\n%s", err, out.String())
	}
	if !sum.Interrupted || sum.Stats == nil || sum.Stats.Documents != sum.Added || sum.Added >= 2000 {
		t.Fatalf("summary %+v, stats %+v", sum, sum.Stats)
	}
}

// cancelAfter reads from r and calls cancel once n bytes have been read.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	return n, err
}

func TestIngestStoreInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, _, err = cli(t, "", "ingest", "--db", db, "-")
	if graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(userMessage(err), "store is in use by another factgraph process") {
		t.Fatalf("err = %v", err)
	}
}
