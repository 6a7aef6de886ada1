package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// TestIngestBulk: ingest --bulk into an empty store makes the store that
// ingest without it makes, dump for dump; so does a bulk build that
// reaches --bulk-memory and goes on document by document. --bulk on a
// store with documents is EINVALID.
func TestIngestBulk(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "reuters.jsonl")
	copyLines(t, testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl"), corpus, 300)
	fields := []string{"--workers", "2", "--id-field", "newid", "--text-field", "body", "--published-field", "date"}
	ingest := func(db string, flags ...string) ingestSummary {
		t.Helper()
		// Records without a body fail, so the exit status is not checked.
		out, stderr, _ := cli(t, "", append(append(append([]string{"ingest", "--json", "--db", db}, flags...), fields...), corpus)...)
		var sum ingestSummary
		if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Stats == nil {
			t.Fatalf("ingest %v: %v\n%s%s", flags, err, out, stderr)
		}
		return sum
	}
	// dump returns the store's JSON Lines dump without its header, which
	// has the time of the dump.
	dump := func(db string) string {
		t.Helper()
		out, stderr, err := cli(t, "", "export", "--db", db, "--format", "jsonl")
		if err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		_, records, _ := strings.Cut(out, "\n")
		if len(records) < 1000 {
			t.Fatalf("export: %q", out)
		}
		return records
	}

	inc := filepath.Join(dir, "incremental.db")
	want := ingest(inc)
	if want.Bulk != nil || want.Added < 250 {
		t.Fatalf("without --bulk: %+v", want)
	}
	wantDump := dump(inc)

	bulk := filepath.Join(dir, "bulk.db")
	got := ingest(bulk, "--bulk")
	if got.Bulk == nil || got.Bulk.Documents != got.Added || got.Added != want.Added {
		t.Errorf("--bulk: bulk %+v, %d added; want a bulk build of %d", got.Bulk, got.Added, want.Added)
	}
	if d := dump(bulk); d != wantDump {
		t.Errorf("bulk and incremental dumps differ (%d and %d bytes)", len(d), len(wantDump))
	}

	bounded := filepath.Join(dir, "bounded.db")
	got = ingest(bounded, "--bulk", "--bulk-memory", "1")
	if got.Bulk == nil || got.Bulk.Documents == 0 || got.Bulk.Documents >= got.Added {
		t.Errorf("--bulk-memory 1: bulk %+v of %d documents; want a build of some of them", got.Bulk, got.Added)
	}
	if d := dump(bounded); d != wantDump {
		t.Errorf("bounded bulk and incremental dumps differ (%d and %d bytes)", len(d), len(wantDump))
	}

	again := ingest(bulk)
	if again.Bulk != nil || again.Unchanged != want.Added {
		t.Errorf("again without --bulk: bulk %+v, %d unchanged; want none, %d", again.Bulk, again.Unchanged, want.Added)
	}
	_, _, err := cli(t, "", append(append([]string{"ingest", "--bulk", "--db", bulk}, fields...), corpus)...)
	if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(userMessage(err), "without --bulk") {
		t.Errorf("--bulk on a store with documents: %v", err)
	}
}
