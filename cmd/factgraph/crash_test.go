package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestIngestSurvivesSIGKILL kills `factgraph ingest` with SIGKILL at
// random moments while it ingests Reuters-21578 records, and checks after
// each kill that every stored document is complete, that the counts equal
// a scan, and finally that finishing the ingest gives exactly the counts of
// an uninterrupted run.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,500 documents several times")
	}
	reuters := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	dir := t.TempDir()
	bin := filepath.Join(dir, "factgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "reuters.jsonl")
	copyLines(t, reuters, corpus, 1500)
	fields := []string{"--id-field", "newid", "--text-field", "body", "--published-field", "date"}
	args := func(db string) []string {
		return append(append([]string{"ingest", "--db", db, "--workers", "2"}, fields...), corpus)
	}
	// What each document must have when stored: the binary's own
	// extraction of it.
	want := extractCounts(t, bin, append(append([]string{"extract"}, fields...), corpus))

	db := filepath.Join(dir, "killed.db")
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 4 {
		cmd := exec.Command(bin, args(db)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(300+rng.IntN(2500)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// Read-only commands are the first to open the killed store (if
		// the kill came before ingest created it, they rightly find none).
		files, statErr := os.ReadDir(db)
		if len(files) == 0 {
			statErr = os.ErrNotExist
		}
		for _, ro := range [][]string{{"stats", "--db", db}, {"export", "--db", db, "--format", "jsonl", "--out", filepath.Join(dir, "dump.jsonl")}} {
			if out, err := exec.Command(bin, ro...).CombinedOutput(); err != nil && statErr == nil {
				t.Fatalf("round %d: %s after SIGKILL: %v\n%s", round, ro[0], err, out)
			}
		}
		docs := verifyStore(t, db, want)
		t.Logf("round %d: killed after %v with %d documents stored", round, delay, docs)
	}
	// Finish the interrupted ingest; the binary reports documents that are
	// in the corpus but have no body as failures, hence no error check.
	exec.Command(bin, args(db)...).Run()
	reference := filepath.Join(dir, "reference.db")
	exec.Command(bin, args(reference)...).Run()
	verifyStore(t, db, want)
	got, ref := openStats(t, db), openStats(t, reference)
	if !statsEqual(got, ref) {
		t.Fatalf("after kills and a finished ingest:\n%+v\nuninterrupted:\n%+v", got, ref)
	}
	if got.Documents < 1000 {
		t.Fatalf("only %d documents stored", got.Documents)
	}
}

// docCounts are the mentions and figures of one document.
type docCounts struct{ mentions, figures int }

// extractCounts runs `factgraph extract` with args and counts each
// document's mentions and figures.
func extractCounts(t *testing.T, bin string, args []string) map[string]docCounts {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if len(out) == 0 {
		t.Fatalf("factgraph extract: %v", err)
	}
	counts := map[string]docCounts{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var rec extract.Record
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		c := docCounts{figures: len(rec.Figures)}
		for _, e := range rec.Entities {
			c.mentions += len(e.Mentions)
		}
		counts[rec.ID] = c
	}
	return counts
}

// verifyStore checks that the counts of the store at path equal a full
// scan of its dump, and that each stored document has all the mentions
// and figures its extraction has. It returns the number of documents.
func verifyStore(t *testing.T, path string, want map[string]docCounts) int {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	ctx := context.Background()
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var scan graph.Stats
	scan.ByType = map[graph.EntityType]int{}
	docs := map[string]bool{}
	mentions := map[string]int{}
	figures := map[string]int{}
	err = s.Dump(ctx, graph.DumpFilter{}, func(r *graph.Record) error {
		switch r.Kind {
		case graph.RecordDocument:
			scan.Documents++
			docs[r.Document.ID] = true
		case graph.RecordEntity:
			scan.Entities++
			scan.ByType[r.Entity.Type]++
		case graph.RecordMention:
			scan.Mentions++
			mentions[r.Mention.Document]++
		case graph.RecordRelation:
			scan.Relations++
		case graph.RecordFigure:
			scan.Figures++
			figures[r.Figure.Evidence.Document]++
		case graph.RecordEvent:
			scan.Events++
		case graph.RecordQuote:
			scan.Quotes++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stats.SizeBytes = 0
	for typ, n := range stats.ByType {
		if n == 0 {
			delete(stats.ByType, typ)
		}
	}
	if !statsEqual(stats, scan) {
		t.Fatalf("counts differ from a scan:\nstats %+v\nscan  %+v", stats, scan)
	}
	for id := range docs {
		w, ok := want[id]
		if !ok {
			t.Errorf("document %s is stored but was not extracted", id)
		} else if mentions[id] != w.mentions || figures[id] != w.figures {
			t.Errorf("document %s is incomplete: %d of %d mentions, %d of %d figures", id, mentions[id], w.mentions, figures[id], w.figures)
		}
	}
	return len(docs)
}

func openStats(t *testing.T, path string) graph.Stats {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// copyLines copies the first n lines of src to dst.
func copyLines(t *testing.T, src, dst string, n int) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	w := bufio.NewWriter(out)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
