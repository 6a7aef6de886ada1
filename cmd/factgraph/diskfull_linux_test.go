package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestIngestDiskFull ingests Reuters-21578 records into a store on a
// tmpfs too small for them, the file system where a write through
// Badger's mapped files into a full disk is a SIGBUS: ingest must stop
// with exit status 4 and a message that names the store and its free
// space, stats and export must still read the store, and once the tmpfs is grown the
// same command must finish with the counts of an uninterrupted run.
func TestIngestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 2,000 documents three times")
	}
	reuters := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	if os.Geteuid() != 0 {
		testenv.Missing(t, "mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "small")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	// 68 MiB: the store keeps 64 MiB free, so a few MiB of documents fit.
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=68m"); err != nil {
		testenv.Missing(t, "cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })

	bin := filepath.Join(dir, "factgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "reuters.jsonl")
	copyLines(t, reuters, corpus, 2000)
	args := func(db string) []string {
		return []string{"ingest", "--db", db, "--workers", "2", "--id-field", "newid", "--text-field", "body", "--published-field", "date", corpus}
	}

	db := filepath.Join(mnt, "db")
	out, err := exec.Command(bin, args(db)...).CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitNoSpace {
		t.Fatalf("ingest into a full tmpfs: %v, want exit status %d\n%s", err, exitNoSpace, tail(out))
	}
	// The message names the store and how much is free: "no space left
	// on device: DB has 63.6 MiB free, and factgraph keeps 64.0 MiB ...".
	if want := regexp.MustCompile(`no space left on device: ` + regexp.QuoteMeta(db) + ` has (\d+\.\d) MiB free`); !want.Match(out) {
		t.Errorf("ingest into a full tmpfs does not match %q:\n%s", want, tail(out))
	} else if free, _ := strconv.ParseFloat(string(want.FindSubmatch(out)[1]), 64); free <= 0 || free > 68 {
		t.Errorf("ingest into a full tmpfs says %.1f MiB free, on a 68 MiB tmpfs", free)
	}
	stored := openStats(t, db)
	if stored.Documents == 0 || stored.Documents >= 1800 {
		t.Fatalf("%d documents stored before the disk was full: the tmpfs does not fit the test", stored.Documents)
	}
	t.Logf("%d documents stored before the disk was full", stored.Documents)
	if out, err := exec.Command(bin, "stats", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("stats on a full disk: %v\n%s", err, out)
	}
	// Export only reads: it works on the full disk, and dumps every
	// stored document.
	dump := filepath.Join(dir, "full.jsonl")
	if out, err := exec.Command(bin, "export", "--db", db, "--format", "jsonl", "--out", dump).CombinedOutput(); err != nil {
		t.Fatalf("export on a full disk: %v\n%s", err, tail(out))
	}
	dumped, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(dumped, []byte(`{"kind":"document"`)); n != stored.Documents {
		t.Errorf("export on a full disk dumped %d documents, want the %d stored", n, stored.Documents)
	}

	if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_REMOUNT, "size=400m"); err != nil {
		t.Fatalf("growing the tmpfs: %v", err)
	}
	// Records without a body fail (exit status 1); the counts tell.
	out, _ = exec.Command(bin, args(db)...).CombinedOutput()
	if strings.Contains(string(out), "no space left") {
		t.Fatalf("ingest after space came back:\n%s", tail(out))
	}
	reference := filepath.Join(dir, "reference.db")
	exec.Command(bin, args(reference)...).Run()
	if got, ref := openStats(t, db), openStats(t, reference); !statsEqual(got, ref) {
		t.Fatalf("after the disk was full and a finished ingest:\n%+v\nuninterrupted:\n%+v", got, ref)
	}
}

// tail returns the last lines of a command's output, for a failure message.
func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, "\n")
}

// TestServeDiskFull sends ingest mutations of Reuters-21578 records to
// `factgraph serve` on a tmpfs too small for them: the mutation that finds
// the disk full is answered NO_SPACE and stores nothing of its batch,
// queries still work, and once the tmpfs is grown the remaining batches
// are stored and the store has the counts of an uninterrupted ingest of
// the same documents.
func TestServeDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 2,000 documents twice")
	}
	reuters := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	if os.Geteuid() != 0 {
		testenv.Missing(t, "mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "small")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=68m"); err != nil {
		testenv.Missing(t, "cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
	bin := filepath.Join(dir, "factgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	// The records with a body, as documents with an id and a text, in
	// batches of ten.
	raw := filepath.Join(dir, "reuters.jsonl")
	copyLines(t, reuters, raw, 2000)
	data, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	var docs []map[string]string
	var corpus bytes.Buffer
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var r struct {
			NewID int    `json:"newid"`
			Body  string `json:"body"`
		}
		if json.Unmarshal(line, &r) != nil || strings.TrimSpace(r.Body) == "" {
			continue
		}
		d := map[string]string{"id": strconv.Itoa(r.NewID), "text": r.Body}
		docs = append(docs, d)
		b, _ := json.Marshal(d)
		corpus.Write(append(b, '\n'))
	}
	corpusPath := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(corpusPath, corpus.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(mnt, "db")
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--token", e2eToken)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	url := serverURL(t, stderr)
	var log syncBuffer
	go io.Copy(&log, stderr)
	post := func(query string, vars map[string]any) (int, *gqlResult) {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+e2eToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%v\n%s", err, log.String())
		}
		defer res.Body.Close()
		var r gqlResult
		if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
		return res.StatusCode, &r
	}
	const ingest = `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`
	documents := func() int {
		status, r := post(`{ stats { documents } }`, nil)
		var v struct{ Stats struct{ Documents int } }
		if status != 200 || len(r.Errors) > 0 || json.Unmarshal(r.Data, &v) != nil {
			t.Fatalf("stats: status %d, errors %+v", status, r.Errors)
		}
		return v.Stats.Documents
	}

	// The document that found the disk full: each is stored whole or not
	// at all, and the error says how many of the batch came before it.
	full := -1
	storedBefore := regexp.MustCompile(`The (\d+) documents before it were stored`)
	for i := 0; i < len(docs); i += 10 {
		_, r := post(ingest, map[string]any{"d": docs[i:min(i+10, len(docs))]})
		if len(r.Errors) == 0 {
			continue
		}
		if code := r.Errors[0].Extensions["code"]; code != "NO_SPACE" {
			t.Fatalf("batch at %d: errors %+v, want NO_SPACE", i, r.Errors)
		}
		full = i
		if m := storedBefore.FindStringSubmatch(r.Errors[0].Message); m != nil {
			n, _ := strconv.Atoi(m[1])
			full += n
		}
		break
	}
	if full < 0 {
		t.Fatalf("all %d documents fit: the tmpfs does not fit the test", len(docs))
	}
	if n := documents(); n != full {
		t.Fatalf("the disk was full at document %d, yet the store holds %d documents", full, n)
	}
	t.Logf("the disk was full at document %d of %d", full, len(docs))

	if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_REMOUNT, "size=400m"); err != nil {
		t.Fatalf("growing the tmpfs: %v", err)
	}
	for i := full; i < len(docs); i += 10 {
		if _, r := post(ingest, map[string]any{"d": docs[i:min(i+10, len(docs))]}); len(r.Errors) > 0 {
			t.Fatalf("batch at %d after space came back: %+v", i, r.Errors)
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve: %v\n%s", err, log.String())
	}
	reference := filepath.Join(dir, "reference.db")
	if out, err := exec.Command(bin, "ingest", "--db", reference, "--workers", "2", corpusPath).CombinedOutput(); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, tail(out))
	}
	if got, ref := openStats(t, db), openStats(t, reference); !statsEqual(got, ref) {
		t.Fatalf("after the disk was full and space came back:\n%+v\nuninterrupted:\n%+v", got, ref)
	}
}
