package store

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// bulkCorpus extracts the bundled examples and the first n Reuters-21578
// stories with a body, then adds documents that replace earlier ones
// (another story's text under an earlier ID, and synthetic documents
// whose IDs repeat) and one that repeats an earlier document unchanged.
func bulkCorpus(t *testing.T, n int) []*graph.Extraction {
	t.Helper()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var docs []graph.Document
	root, err := testenv.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(root, "examples", "sochi-putin-assad.txt"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, graph.Document{ID: "sochi", Text: string(text)})
	readJSONL := func(path string, limit int, doc func(map[string]any) graph.Document) {
		added := 0
		eachRecord(t, path, func(rec map[string]any) bool {
			if limit > 0 && added >= limit {
				return false
			}
			if d := doc(rec); strings.TrimSpace(d.Text) != "" {
				docs = append(docs, d)
				added++
			}
			return true
		})
	}
	str := func(rec map[string]any, k string) string { s, _ := rec[k].(string); return s }
	readJSONL(filepath.Join(root, "examples", "wikinews.jsonl"), 0, func(r map[string]any) graph.Document {
		return graph.Document{ID: str(r, "id"), Title: str(r, "title"), URL: str(r, "url"), Published: str(r, "published"), Text: str(r, "text")}
	})
	readJSONL(testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl"), n, func(r map[string]any) graph.Document {
		return graph.Document{ID: fmt.Sprint(r["newid"]), Title: str(r, "title"), Text: str(r, "body")}
	})
	var xs []*graph.Extraction
	for _, d := range docs {
		x, err := ex.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	// Replacements: story i+7's text under story i's ID, for a few i.
	for i := 20; i < len(docs)-7; i += 37 {
		d := docs[i+7]
		d.ID = docs[i].ID
		x, err := ex.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	xs = append(xs, xs[3]) // unchanged
	rng := rand.New(rand.NewSource(7))
	for i := range 80 {
		xs = append(xs, synthetic(rng, fmt.Sprint("syn", i%25)))
	}
	return xs
}

// ingestBatches ingests xs in batches of 64, as the CLI does.
func ingestBatches(t *testing.T, ing graph.Ingester, xs []*graph.Extraction) graph.IngestResult {
	t.Helper()
	var sum graph.IngestResult
	for len(xs) > 0 {
		n := min(64, len(xs))
		res, err := ing.Ingest(context.Background(), xs[:n])
		if err != nil {
			t.Fatal(err)
		}
		sum.Added += res.Added
		sum.Replaced += res.Replaced
		sum.Unchanged += res.Unchanged
		xs = xs[n:]
	}
	return sum
}

// sameKeys compares every key and value of two stores.
func sameKeys(t *testing.T, a, b *DB) {
	t.Helper()
	type kvPair struct{ k, v []byte }
	all := func(db *DB) []kvPair {
		var out []kvPair
		err := db.bdb.View(func(txn *badger.Txn) error {
			return tx(txn).scan(nil, true, func(k, v []byte) error {
				out = append(out, kvPair{bytes.Clone(k), bytes.Clone(v)})
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	ea, eb := all(a), all(b)
	diffs := 0
	for i, j := 0, 0; (i < len(ea) || j < len(eb)) && diffs < 10; {
		c := -1
		switch {
		case i >= len(ea):
			c = 1
		case j < len(eb):
			c = bytes.Compare(ea[i].k, eb[j].k)
		}
		switch {
		case c < 0:
			t.Errorf("key %q only in the incremental store", ea[i].k)
			i++
			diffs++
		case c > 0:
			t.Errorf("key %q only in the bulk store", eb[j].k)
			j++
			diffs++
		default:
			if !bytes.Equal(ea[i].v, eb[j].v) {
				t.Errorf("key %q: incremental %q, bulk %q", ea[i].k, ea[i].v, eb[j].v)
				diffs++
			}
			i++
			j++
		}
	}
	if diffs == 0 {
		t.Logf("%d keys alike", len(ea))
	}
}

// TestBulkSameAsIngest builds one store by incremental ingest and one by
// a bulk build of the same documents, in the same order, including
// replacements; the two hold the same keys and values, the bulk store
// passes the consistency checks, and both stay alike as more documents
// are ingested into them afterwards.
func TestBulkSameAsIngest(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reuters   int
		textIndex bool
		// checks runs the consistency checks that list at most a page
		// of relations, which need a small store.
		checks bool
	}{
		{"reuters300", 300, false, false},
		{"reuters300-textindex", 300, true, false},
		{"small", 2, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xs := bulkCorpus(t, tc.reuters)
			more := xs[len(xs)-20:]
			xs = xs[:len(xs)-20]
			textIndex := tc.textIndex
			var opts []Option
			if textIndex {
				opts = append(opts, WithTextIndex())
			}
			inc := MustOpenDB(t, opts...)
			want := ingestBatches(t, inc, xs)

			dir := t.TempDir()
			db, err := Open(dir, opts...)
			if err != nil {
				t.Fatal(err)
			}
			b, err := db.Bulk()
			if err != nil {
				t.Fatal(err)
			}
			if s := mustStats(t, db); s.Documents != 0 {
				t.Errorf("during the build the store shows %d documents", s.Documents)
			}
			got := ingestBatches(t, b, xs)
			if got != want || want.Replaced == 0 || want.Unchanged == 0 {
				t.Errorf("bulk result %+v, incremental %+v (want some replaced and unchanged)", got, want)
			}
			// What a killed build would leave beside the store.
			if err := os.Mkdir(dir+".bulk", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir+".bulk", "MANIFEST"), []byte("torn"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := b.Finish(context.Background()); err != nil {
				t.Fatal(err)
			}
			if s := mustStats(t, db); !reflect.DeepEqual(s, mustStats(t, inc)) {
				t.Errorf("after Finish the store shows %+v, want %+v", s, mustStats(t, inc))
			}
			if _, err := os.Stat(dir + ".bulk"); err == nil {
				t.Errorf("Finish left %s.bulk", dir)
			}
			if _, err := b.Ingest(context.Background(), more); graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("Ingest after Finish: %v, want EINVALID", err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			bulk, err := Open(dir, opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer bulk.Close()

			sameKeys(t, inc, bulk)
			if a, b := dumpJSON(t, inc, graph.DumpFilter{}), dumpJSON(t, bulk, graph.DumpFilter{}); a != b {
				t.Errorf("dumps differ:\n%s", lineDiff(a, b))
			}
			if got, want := recount(t, bulk), mustStats(t, bulk); !reflect.DeepEqual(got, want) {
				t.Errorf("bulk store: scan %+v, counters %+v", got, want)
			}
			if tc.checks {
				checkTotals(t, bulk)
				checkDegrees(t, bulk)
				checkEvidence(t, bulk)
				checkVotes(t, bulk)
			}

			// Later writes see the bulk store's keys.
			ingestBatches(t, inc, more)
			ingestBatches(t, bulk, more)
			sameKeys(t, inc, bulk)
		})
	}
}

// TestBulkRefusesContent: a bulk build needs an empty store, and one that
// is abandoned or aborted leaves it empty.
func TestBulkRefusesContent(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Bulk(); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("second Bulk: %v, want ECONFLICT", err)
	}
	ingestBatches(t, b, []*graph.Extraction{synthetic(rng, "a"), synthetic(rng, "b")})
	b.Abort()
	if err := b.Finish(context.Background()); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Finish after Abort: %v, want EINVALID", err)
	}
	if s := mustStats(t, db); s.Documents != 0 {
		t.Errorf("an aborted build left %d documents", s.Documents)
	}
	// Abandoned: the process ends without Finish.
	b, err = db.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	ingestBatches(t, b, []*graph.Extraction{synthetic(rng, "a")})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if s := mustStats(t, db); s.Documents != 0 {
		t.Errorf("an abandoned build left %d documents", s.Documents)
	}
	mustIngest(t, db, synthetic(rng, "c"))
	_, err = db.Bulk()
	wantCode(t, err, graph.EINVALID)
	if !strings.Contains(graph.ErrorMessage(err), "without --bulk") {
		t.Errorf("message %q does not say what to do", graph.ErrorMessage(err))
	}
}

// TestBulkInMemory: a store in memory is built in place.
func TestBulkInMemory(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var xs []*graph.Extraction
	for i := range 30 {
		xs = append(xs, synthetic(rng, fmt.Sprint("d", i%20)))
	}
	inc := MustOpenDB(t, WithInMemory())
	ingestBatches(t, inc, xs)
	db := MustOpenDB(t, WithInMemory())
	b, err := db.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	ingestBatches(t, b, xs)
	if err := b.Finish(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameKeys(t, inc, db)
}
