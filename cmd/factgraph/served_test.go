package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestServedStore: while `serve` holds a store, `stats` and `export` go
// through it; an export over HTTP taken while 8 clients query and a
// writer ingests is one consistent snapshot (import, which checks every
// reference, takes it); and once writes stop, the served export is
// byte-identical to the CLI's export of the store after the server stops.
func TestServedStore(t *testing.T) {
	s := startServe(t)
	getDump := func(query string) (int, []byte) {
		t.Helper()
		resp, err := http.Get(s.url + "/export?" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("export %s: %v", query, err)
		}
		return resp.StatusCode, b
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if status, r := s.query(t, `{ stats { documents } entities(first: 5, orderBy: MENTIONS) { totalCount edges { node { id } } } }`, nil, ""); status != 200 || len(r.Errors) > 0 {
					t.Errorf("client %d: status %d, errors %v", c, status, r.Errors)
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // the writer
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			docs := map[string]any{"d": []map[string]any{{"id": fmt.Sprint("w", i), "text": fmt.Sprintf("Angela Merkel met Emmanuel Macron in Paris on day %d, officials said.", i)}}}
			if status, r := s.query(t, `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`, docs, e2eToken); status != 200 || len(r.Errors) > 0 {
				t.Errorf("writer: status %d, errors %v", status, r.Errors)
				return
			}
		}
	}()
	status, during := getDump("format=jsonl")
	close(stop)
	wg.Wait()
	if status != 200 {
		t.Fatalf("export during writes: status %d: %s", status, during)
	}
	dir := t.TempDir()
	dumpPath := filepath.Join(dir, "during.jsonl")
	os.WriteFile(dumpPath, during, 0o644)
	if _, stderr, err := exportCLI(t, nil, "import", "--db", filepath.Join(dir, "imported"), dumpPath); err != nil {
		t.Fatalf("import of the export taken during writes: %v\n%s", err, stderr)
	}

	// The CLI on the served store goes through the server.
	out, stderr, err := exportCLI(t, nil, "stats", "--db", s.db, "--json")
	if err != nil {
		t.Fatalf("stats on a served store: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, `"documents"`) {
		t.Errorf("stats on a served store printed %q", out)
	}
	served := filepath.Join(dir, "served.nq")
	if _, stderr, err := exportCLI(t, nil, "export", "--db", s.db, "--format", "nquads", "--out", served); err != nil {
		t.Fatalf("export on a served store: %v\n%s", err, stderr)
	}
	if _, _, err := exportCLI(t, nil, "export", "--db", s.db, "--format", "csv", "--out", filepath.Join(dir, "csv")); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("csv export on a served store: %v, want a conflict that says why", err)
	}
	for _, bad := range []string{"format=xml", "format=csv", "format=jsonl&type=thing", "format=jsonl&since=yesterday"} {
		if status, body := getDump(bad); status != http.StatusBadRequest || !bytes.Contains(body, []byte(`"error"`)) {
			t.Errorf("export?%s: status %d, %s", bad, status, body)
		}
	}
	if status, _ := getDump("format=jsonl&doc=nope"); status != http.StatusNotFound {
		t.Errorf("export of a missing document: status %d", status)
	}

	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.db, serverFile)); !os.IsNotExist(err) {
		t.Errorf("the server left its address in the store: %v", err)
	}
	direct := filepath.Join(dir, "direct.nq")
	if _, stderr, err := exportCLI(t, nil, "export", "--db", s.db, "--format", "nquads", "--out", direct); err != nil {
		t.Fatalf("export after the server stopped: %v\n%s", err, stderr)
	}
	a, _ := os.ReadFile(served)
	b, _ := os.ReadFile(direct)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("the served export (%d bytes) differs from the CLI's (%d bytes)", len(a), len(b))
	}
}
