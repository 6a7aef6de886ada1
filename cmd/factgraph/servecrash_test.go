package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadOnlyAfterServeSIGKILL kills `factgraph serve` with SIGKILL after
// a random number of acknowledged ingest mutations, with the next one on
// its way, and checks
// after each kill that stats and export, the first commands to open the
// store, read it (after a killed serve they failed 5 of 5 times with
// Badger's "Log truncate required" until something opened the store for
// writing), and that every stored document is complete.
func TestReadOnlyAfterServeSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills a server three times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "factgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// Documents the client sends, in this order, each round from where
	// the store stands, so that every kill comes while it writes.
	var docs []map[string]string
	var corpus bytes.Buffer
	for i := range 1500 {
		d := map[string]string{"id": fmt.Sprint("doc", i), "text": fmt.Sprintf(
			"Angela Merkel met Emmanuel Macron in Paris on day %d. Police in Sochi said %d people were killed. Reuters reported that Gazprom paid $%d million.",
			i, i%50+2, i+10)}
		docs = append(docs, d)
		line, _ := json.Marshal(d)
		corpus.Write(append(line, '\n'))
	}
	corpusPath := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(corpusPath, corpus.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := extractCounts(t, bin, []string{"extract", corpusPath})

	db := filepath.Join(dir, "db")
	rng := rand.New(rand.NewPCG(3, 4))
	stored := 0
	for round := range 3 {
		cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--token", e2eToken)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		url := serverURL(t, stderr)
		go io.Copy(io.Discard, stderr)
		stop := make(chan struct{})
		written := make(chan int)
		acked := make(chan int, len(docs))
		start := stored - stored%5
		go func() { // the client: ingest mutations of five documents
			n := start
			defer func() { close(acked); written <- n }()
			for i := start; i < len(docs); i += 5 {
				select {
				case <-stop:
					return
				default:
				}
				body, _ := json.Marshal(map[string]any{"query": `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added } }`, "variables": map[string]any{"d": docs[i:min(i+5, len(docs))]}})
				req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+e2eToken)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					return // killed
				}
				res.Body.Close()
				n = i + 5
				acked <- n
			}
		}()
		// The kill comes after a random number of acknowledged batches,
		// at most a third of what is left, with the next batch already
		// sent: while serve writes, however fast the machine is.
		target := start + 5*(1+rng.IntN(max(1, (len(docs)-start)/15)))
		began := time.Now()
		for n := start; n < target; {
			v, ok := <-acked
			if !ok {
				break // the client stopped: a request failed
			}
			n = v
		}
		delay := time.Since(began)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		close(stop)
		sent := <-written
		for _, ro := range [][]string{{"stats", "--db", db}, {"export", "--db", db, "--format", "jsonl", "--out", filepath.Join(dir, "dump.jsonl")}} {
			if out, err := exec.Command(bin, ro...).CombinedOutput(); err != nil {
				t.Fatalf("round %d: %s after SIGKILL of serve: %v\n%s", round, ro[0], err, out)
			}
		}
		n := verifyStore(t, db, want)
		t.Logf("round %d: killed after %v, %d documents acknowledged, %d stored", round, delay, sent, n)
		if n < stored || n < sent {
			t.Fatalf("round %d: %d documents stored, %d before the kill and %d acknowledged", round, n, stored, sent)
		}
		stored = n
	}
	if stored == 0 || stored == len(docs) {
		t.Fatalf("%d of %d documents stored: the kills did not come while serve wrote", stored, len(docs))
	}
}

// serverURL reads serve's standard error until it says where it serves.
func serverURL(t *testing.T, stderr io.Reader) string {
	t.Helper()
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "serving http://"); ok {
			addr, _, _ := strings.Cut(rest, "/")
			return "http://" + addr
		}
	}
	t.Fatalf("serve stopped before it served: %v", sc.Err())
	return ""
}
