package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// TestExport_Provenance: a dump records the snapshot's counts, the time
// $SOURCE_DATE_EPOCH gives, the filters and this binary's models; a CSV
// export has them in a README beside its files.
func TestExport_Provenance(t *testing.T) {
	db := exportStore(t)
	dump, _, err := exportCLI(t, nil, "export", "--db", db, "--format", "jsonl", "--type", "person", "--no-text")
	if err != nil {
		t.Fatal(err)
	}
	d, err := export.NewReader(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	h := d.Header()
	want := exportStats(t, db)
	created := time.Unix(testEpoch, 0).UTC().Format(time.RFC3339)
	if h.Store == nil || h.Store.Documents != want.Documents || h.Store.Relations != want.Relations || h.Store.ByType[graph.Person] != want.ByType[graph.Person] {
		t.Errorf("header counts %+v, want the store's %+v", h.Store, want)
	}
	if h.Created != created || h.Factgraph == "" || !strings.HasPrefix(h.Model, "ner sha256:") {
		t.Errorf("header: created %q (want %s), version %q, model %q", h.Created, created, h.Factgraph, h.Model)
	}
	if strings.Join(h.Filters, " ") != "--type person --no-text" {
		t.Errorf("header filters %q", h.Filters)
	}

	dir := filepath.Join(t.TempDir(), "csv")
	if _, stderr, err := exportCLI(t, nil, "export", "--db", db, "--format", "csv", "--out", dir); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	readme, err := os.ReadFile(filepath.Join(dir, export.ReadmeFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Created: " + created, "Filters: none", "| PRESIDENT_OF | 1 |", "ner sha256:"} {
		if !strings.Contains(string(readme), w) {
			t.Errorf("README lacks %q:\n%s", w, readme)
		}
	}

	if _, _, err := runWithEnv(t, map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, "export", "--db", db, "--format", "jsonl"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("a bad SOURCE_DATE_EPOCH: %v, want %s", err, graph.EINVALID)
	}
}

// runWithEnv runs factgraph in-process with environment env.
func runWithEnv(t testing.TB, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr strings.Builder
	e := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	err := Run(context.Background(), e, args)
	return stdout.String(), stderr.String(), err
}
