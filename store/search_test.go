package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand"
	"reflect"
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
	if got := indexContents(t, db); !reflect.DeepEqual(got, textContents(t, db)) || len(got) != 3 {
		t.Errorf("index holds %v, want a's three stems", got)
	}
	cs := db.mustCounters(t)
	if cs[cSearchWords] != 3 {
		t.Errorf("indexed words counter %d, want 3", cs[cSearchWords])
	}
}

// TestSearchBlocksNoStalePostings stores enough documents to fill several
// blocks and leave a tail, replaces and deletes documents in complete
// blocks and in the tail, and checks after each step that the index
// holds exactly the postings of the stored texts, and that searches rank
// as the reference does.
func TestSearchBlocksNoStalePostings(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	db := MustOpenDB(t, WithTextIndex())
	xs := searchCorpus(rng, 3*blockDocs+blockDocs/2)
	mustIngest(t, db, xs...)
	check := func(step string) {
		t.Helper()
		if got, want := indexContents(t, db), textContents(t, db); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: index and texts differ: %d and %d stems", step, len(got), len(want))
		}
		queries := []string{"the", "chemical weapons", `"peace talks"`, `"the oil" prices`, "cafe", "syria"}
		idx := newRefIndex(t, db, queries...)
		for _, q := range queries {
			checkAgainstRef(t, db, idx, q, 7)
		}
	}
	check("stored")
	// Replace documents of the first block, of the last complete one and of
	// the tail; the replacements fill the tail's block and start another.
	var again []*graph.Extraction
	for _, i := range []int{0, 5, blockDocs - 1, 2*blockDocs + 3, 3*blockDocs + 1, len(xs) - 1} {
		x := searchCorpus(rng, 1)[0]
		x.Document.ID = xs[i].Document.ID
		again = append(again, x)
	}
	mustIngest(t, db, again...)
	check("replaced")
	for _, i := range []int{1, blockDocs + 7, len(xs) - 2, 0} {
		if err := db.DeleteDocument(context.Background(), xs[i].Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	check("deleted")
	mustIngest(t, db, searchCorpus(rng, blockDocs)...) // replaces doc000 to doc127 again
	check("replaced a block's worth")
}

// indexContents decodes the whole text index, its blocks and its forward
// keys: stem → document ID → "length frequency positions". It fails if a
// document number is not the one its record keeps or a forward key is
// of a complete block.
func indexContents(t *testing.T, db *DB) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	add := func(stem string, doc []byte, num uint64, dl, tf int, gaps []byte, txn *badger.Txn) error {
		id, _, err := readStr(doc)
		if err != nil {
			return err
		}
		r, err := getDoc(tx(txn), id)
		if err != nil || r == nil || r.Number != num+1 {
			return fmt.Errorf("stem %q: document %q numbered %d, its record %v (%v)", stem, id, num, r, err)
		}
		at, err := posting{tf: tf, gaps: gaps}.positions()
		if err != nil {
			return err
		}
		if out[stem] == nil {
			out[stem] = map[string]string{}
		}
		if _, dup := out[stem][id]; dup {
			return fmt.Errorf("stem %q: document %q twice", stem, id)
		}
		out[stem][id] = fmt.Sprint(dl, tf, at)
		return nil
	}
	err := db.bdb.View(func(txn *badger.Txn) error {
		handed, err := getCounter(tx(txn), cSearchNumbers)
		if err != nil {
			return err
		}
		err = tx(txn).scan([]byte{pPosting}, true, func(k, v []byte) error {
			stem, rest, err := readStr(k[1:])
			if err != nil || len(rest) != 8 {
				return fmt.Errorf("posting key %q", k)
			}
			br := newBlockReader(binary.BigEndian.Uint64(rest), v, true)
			for {
				p, ok, err := br.next()
				if !ok || err != nil {
					return err
				}
				if err := add(stem, p.doc, p.num, p.dl, p.tf, p.gaps, txn); err != nil {
					return err
				}
			}
		})
		if err != nil {
			return err
		}
		return tx(txn).scan([]byte{pForward}, true, func(k, v []byte) error {
			num := binary.BigEndian.Uint64(k[9:])
			if len(k) != 17 || binary.BigEndian.Uint64(k[1:]) != num/blockDocs {
				return fmt.Errorf("forward key %q", k)
			}
			if (num/blockDocs+1)*blockDocs <= uint64(handed) {
				return fmt.Errorf("forward key %d of a complete block (%d numbers handed out)", num, handed)
			}
			f, err := decodeForward(v)
			if err != nil {
				return err
			}
			for i := range f.len() {
				stem, tf, gaps, err := f.stem(i)
				if err != nil {
					return err
				}
				if i > 0 {
					if prev, _, _, _ := f.stem(i - 1); string(prev) >= string(stem) {
						return fmt.Errorf("forward key %d: stems out of order", num)
					}
				}
				if err := add(string(stem), f.doc, num, f.dl, tf, gaps, txn); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// textContents is what indexContents should be: the postings of every
// stored title and text, tokenized again.
func textContents(t *testing.T, db *DB) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		return tx(txn).scan([]byte{pDoc}, true, func(_, v []byte) error {
			r, err := decodeDoc(v)
			if err != nil {
				return err
			}
			ws := words(searchText(&r.Doc), nil)
			for _, p := range postingsOf(ws) {
				if out[p.stem] == nil {
					out[p.stem] = map[string]string{}
				}
				out[p.stem][r.Doc.ID] = fmt.Sprint(len(ws), len(p.at), p.at)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
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

// postingsOf groups a document's words by stem, in stem order, each with
// its word positions (the tests' way; the writer's is stemsOf).
func postingsOf(ws []word) []stemPositions {
	// Each stem's slot in out, then its positions in one array: a map
	// lookup a word and no allocation per stem.
	slot := make(map[string]int32, len(ws)/2)
	of := make([]int32, len(ws))
	var out []stemPositions
	var count []int
	for i, w := range ws {
		k, ok := slot[w.stem]
		if !ok {
			k = int32(len(out))
			slot[w.stem] = k
			out = append(out, stemPositions{stem: w.stem})
			count = append(count, 0)
		}
		of[i] = k
		count[k]++
	}
	return positionsBySlot(out, of, count)
}
