package store

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// searchCorpus is a set of texts built from a small vocabulary, so that
// words and phrases recur across documents.
func searchCorpus(rng *rand.Rand, n int) []*graph.Extraction {
	vocab := []string{"chemical", "weapons", "weapon", "inspectors", "Syria", "the", "of", "talks", "peace", "café", "oil", "prices", "rose", "fell", "minister"}
	var xs []*graph.Extraction
	for i := 0; i < n; i++ {
		ws := make([]string, 5+rng.Intn(30))
		for j := range ws {
			ws[j] = vocab[rng.Intn(len(vocab))]
		}
		xs = append(xs, extraction(fmt.Sprintf("doc%03d", i), strings.Join(ws, " ")+"."))
	}
	return xs
}

// scanMatches returns, by a plain scan of the texts, the documents whose
// lower-cased words contain every one of want and every phrase.
func scanMatches(xs []*graph.Extraction, want []string, phrases []string) []string {
	var out []string
	for _, x := range xs {
		text := " " + strings.ToLower(strings.Trim(x.Document.Text, ".")) + " "
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(text, " "+w+" ")
		}
		for _, p := range phrases {
			ok = ok && strings.Contains(text, " "+p+" ")
		}
		if ok {
			out = append(out, x.Document.ID)
		}
	}
	sort.Strings(out)
	return out
}

func searchIDs(tb testing.TB, db *DB, q string) []string {
	tb.Helper()
	var ids []string
	p := graph.Page{First: 7}
	for {
		l, err := db.SearchDocuments(context.Background(), q, p)
		if err != nil {
			tb.Fatalf("search %q: %v", q, err)
		}
		for _, h := range l.Items {
			ids = append(ids, h.Document.ID)
		}
		if !l.HasNextPage {
			break
		}
		p.After = l.EndCursor()
	}
	sort.Strings(ids)
	return ids
}

func TestSearchDocuments(t *testing.T) {
	db := MustOpenDB(t, WithTextIndex())
	xs := searchCorpus(rand.New(rand.NewSource(1)), 120)
	mustIngest(t, db, xs...)

	// "weapon" and "weapons" share a stem, so the scan looks for either.
	tests := []struct {
		name    string
		query   string
		want    []string
		phrases []string
	}{
		{"Word", "inspectors", []string{"inspectors"}, nil},
		{"Words", "oil minister", []string{"oil", "minister"}, nil},
		{"Case", "SYRIA Talks", []string{"syria", "talks"}, nil},
		{"Phrase", `"chemical inspectors"`, nil, []string{"chemical inspectors"}},
		{"PhraseAndWord", `"peace talks" oil`, []string{"oil"}, []string{"peace talks"}},
		{"Diacritics", "cafe", []string{"café"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchIDs(t, db, tt.query)
			want := scanMatches(xs, tt.want, tt.phrases)
			if len(want) == 0 {
				t.Fatalf("the corpus has no document for %q; the test checks nothing", tt.query)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("search %q: got %d documents %v\nwant %d %v", tt.query, len(got), got, len(want), want)
			}
		})
	}
	t.Run("Stem", func(t *testing.T) {
		got := searchIDs(t, db, "weapon")
		a, b := scanMatches(xs, []string{"weapon"}, nil), scanMatches(xs, []string{"weapons"}, nil)
		union := map[string]bool{}
		for _, id := range append(a, b...) {
			union[id] = true
		}
		if len(got) != len(union) {
			t.Errorf("weapon: got %d documents, want %d with weapon or weapons", len(got), len(union))
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, q := range []string{"", "  ,. ", strings.Repeat("word ", 200)} {
			_, err := db.SearchDocuments(context.Background(), q, graph.Page{})
			wantCode(t, err, graph.EINVALID)
		}
	})
}

func TestSearchDocumentsRanking(t *testing.T) {
	db := MustOpenDB(t, WithTextIndex())
	mustIngest(t, db,
		extraction("once", "The inspectors met the minister about oil and gas supplies today."),
		extraction("thrice", "Inspectors said the inspectors and other inspectors met about gas supplies today."),
		extraction("none", "The minister met nobody about oil and gas supplies today."),
	)
	l, err := db.SearchDocuments(context.Background(), "inspectors", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 2 || l.Items[0].Document.ID != "thrice" || l.Items[1].Document.ID != "once" {
		t.Fatalf("got %v, want thrice then once", hitIDs(l))
	}
	if l.Items[0].Score <= l.Items[1].Score {
		t.Errorf("scores %v, %v: more occurrences should score higher", l.Items[0].Score, l.Items[1].Score)
	}
	if got, want := l.Items[1].Snippet, "The «inspectors» met the minister"; !strings.HasPrefix(got, want) {
		t.Errorf("snippet %q, want it to start %q", got, want)
	}
}

func hitIDs(l graph.List[*graph.SearchHit]) []string {
	var ids []string
	for _, h := range l.Items {
		ids = append(ids, h.Document.ID)
	}
	return ids
}

// TestSearchNoStalePostings replaces and deletes documents and checks that
// the index holds exactly the postings of the documents left.
func TestSearchNoStalePostings(t *testing.T) {
	db := MustOpenDB(t, WithTextIndex())
	mustIngest(t, db,
		extraction("a", "Chemical weapons inspectors arrived."),
		extraction("b", "Oil prices rose."),
	)
	mustIngest(t, db, extraction("a", "Peace talks resumed."))
	if got := searchIDs(t, db, "chemical"); len(got) != 0 {
		t.Errorf("chemical after replacing a: %v", got)
	}
	if got := searchIDs(t, db, "peace"); strings.Join(got, ",") != "a" {
		t.Errorf("peace after replacing a: %v", got)
	}
	if err := db.DeleteDocument(context.Background(), "b"); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, db, "oil"); len(got) != 0 {
		t.Errorf("oil after deleting b: %v", got)
	}
	// Only a's postings are left.
	var keys []string
	err := db.bdb.View(func(txn *badger.Txn) error {
		for _, k := range scanKeys(tx(txn), []byte{pPosting}) {
			doc, err := lastStr(k)
			if err != nil {
				return err
			}
			keys = append(keys, doc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a,a,a"; strings.Join(keys, ",") != want {
		t.Errorf("index keys %v, want %s", keys, want)
	}
	cs := db.mustCounters(t)
	if cs[cSearchWords] != 3 {
		t.Errorf("indexed words counter %d, want 3", cs[cSearchWords])
	}
}

func (db *DB) mustCounters(tb testing.TB) map[string]int64 {
	tb.Helper()
	var cs map[string]int64
	if err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		cs, err = getCounters(tx(txn))
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	return cs
}

// TestTextIndexOptIn: a store keeps a text index only when made with
// one; searching one without is an EINVALID error that says how to get
// one, asking for an index on a store that holds documents without one is
// refused, and a store made with an index keeps it when reopened without
// the option.
func TestTextIndexOptIn(t *testing.T) {
	ctx := context.Background()
	x := &graph.Extraction{Document: graph.Document{ID: "d", Text: "Chemical weapons inspectors arrived."}}

	plain := t.TempDir()
	db, err := Open(plain)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SearchDocuments(ctx, "weapons", graph.Page{First: 10}); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), "--text-index") {
		t.Errorf("search without an index: %v, want EINVALID naming --text-index", err)
	}
	db.Close()
	if _, err := Open(plain, WithTextIndex()); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("an index asked of a store with documents: %v, want EINVALID", err)
	}

	indexed := t.TempDir()
	db, err = Open(indexed, WithTextIndex())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(indexed)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.SearchDocuments(ctx, "weapons", graph.Page{First: 10}); err != nil || len(got.Items) != 1 {
		t.Errorf("reopened indexed store: %v, %v; want document d", got, err)
	}
}
