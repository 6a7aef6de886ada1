package store

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

const crashDocs = 3000

// crashDoc is document i of the crash test, the same in every process.
func crashDoc(i int) *graph.Extraction {
	return benchExtraction(rand.New(rand.NewSource(int64(i))), fmt.Sprint("doc", i))
}

// TestMain is the process TestCrash kills when $FACTGRAPH_CRASH_DIR is
// set, and runs the tests otherwise.
//
// Tests keep ordered ties from 3 edges, so that the few entities of their
// stores cross the threshold both ways and recount checks the ordered keys;
// benchmarks keep the production threshold.
func TestMain(m *testing.M) {
	flag.Parse()
	if flag.Lookup("test.bench").Value.String() == "" {
		tieDegree = 3
	}
	if dir := os.Getenv("FACTGRAPH_CRASH_DIR"); dir != "" {
		if err := crashChild(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild ingests the crash documents one by one into dir.
func crashChild(dir string) error {
	db, err := Open(dir)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Println("open") // TestCrash times its kill from here
	for i := 0; i < crashDocs; i++ {
		if _, err := db.Ingest(ctx, []*graph.Extraction{crashDoc(i)}); err != nil {
			return err
		}
	}
	return nil
}

// TestCrash kills an ingesting process with SIGKILL at random moments,
// checks after each kill that every document is complete or absent and
// that the counters match a scan, then finishes the ingest and compares
// the counts with an uninterrupted run.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("kills subprocesses; skipped with -short")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(testenv.Seed(t)))
	for round := 0; round < 4; round++ {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "FACTGRAPH_CRASH_DIR="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The kill comes at a random moment after the store is open: on
		// a loaded machine the process may take longer than the sleep to
		// start, and a kill before Open leaves no store to check.
		if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "open\n" {
			t.Fatalf("round %d: the ingesting process did not open the store: %q, %v", round, line, err)
		}
		time.Sleep(time.Duration(200+rng.Intn(700)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		// A read-only command is the first to open the store after the
		// crash: it recovers a torn log tail by itself (recoverReadOnly).
		ro, err := Open(dir, WithReadOnly())
		if err != nil {
			t.Fatalf("round %d: read-only open after SIGKILL: %v", round, err)
		}
		roPresent := checkDocsWhole(t, ro)
		ro.Close()
		db, err := Open(dir)
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		present := checkDocsWhole(t, db)
		if present != roPresent {
			t.Fatalf("round %d: %d documents read-only, %d after a writable open", round, roPresent, present)
		}
		t.Logf("round %d: %d documents present after SIGKILL", round, present)
		if got, want := recount(t, db), mustStats(t, db); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: scan %+v, counters %+v", round, got, want)
		}
		db.Close()
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ref := MustOpenDB(t)
	for i := 0; i < crashDocs; i++ {
		mustIngest(t, db, crashDoc(i))
		mustIngest(t, ref, crashDoc(i))
	}
	if got, want := mustStats(t, db), mustStats(t, ref); !reflect.DeepEqual(got, want) {
		t.Errorf("after finishing: %+v, uninterrupted run: %+v", got, want)
	}
}

// checkDocsWhole checks that each crash document is entirely present or
// entirely absent: its record, all its mentions and its facts, or none of
// them. It returns how many are present.
func checkDocsWhole(t *testing.T, db *DB) int {
	t.Helper()
	mentions := map[string]int{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		for _, k := range scanKeys(tx(txn), []byte{pMention}) {
			_, doc, _, _, err := parseMentionKey(k)
			if err != nil {
				return err
			}
			mentions[doc]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	present := 0
	for i := 0; i < crashDocs; i++ {
		x := crashDoc(i)
		want := 0
		for _, e := range x.Entities {
			want += len(e.Mentions)
		}
		_, derr := db.Document(ctx, x.Document.ID)
		figs, err := db.Figures(ctx, graph.FigureFilter{Entity: x.Figures[0].Place})
		if err != nil {
			t.Fatal(err)
		}
		hasFig := false
		for _, f := range figs.Items {
			hasFig = hasFig || f.Evidence.Document == x.Document.ID
		}
		switch {
		case derr == nil && mentions[x.Document.ID] == want && hasFig:
			present++
		case graph.ErrorCode(derr) == graph.ENOTFOUND && mentions[x.Document.ID] == 0 && !hasFig:
		default:
			t.Fatalf("document %s is partial: record %v, %d of %d mentions, figure %v", x.Document.ID, derr, mentions[x.Document.ID], want, hasFig)
		}
	}
	return present
}
