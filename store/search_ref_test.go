package store

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// refHit is one hit of the reference ranking.
type refHit struct {
	id    string
	score float64
}

// refIndex is the postings of some stems computed from the stored texts,
// not read from the index: stem → document ID → posting (doc, dl, tf and
// gaps set).
type refIndex map[string]map[string]posting

// newRefIndex tokenizes every stored document's title and text and keeps
// the postings of the stems of queries.
func newRefIndex(t *testing.T, db *DB, queries ...string) refIndex {
	t.Helper()
	idx := refIndex{}
	for _, q := range queries {
		sq, err := parseSearch(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sq.stems {
			idx[s] = map[string]posting{}
		}
	}
	stems := stemCache{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		return tx(txn).scan([]byte{pDoc}, true, func(_, v []byte) error {
			r, err := decodeDoc(v)
			if err != nil {
				return err
			}
			ws := words(searchText(&r.Doc), stems)
			for _, p := range postingsOf(ws) {
				if m, ok := idx[p.stem]; ok {
					m[r.Doc.ID] = posting{doc: appendStr(nil, r.Doc.ID), dl: len(ws), tf: len(p.at), gaps: appendGaps(nil, p.at)}
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// refSearch ranks every hit of query the way SearchDocuments did before it
// merged postings in document order, from the postings of the texts
// (idx): every candidate intersected and scored, all hits sorted. It is
// the oracle the faster search must equal, hit for hit and score for
// score.
func refSearch(t *testing.T, db *DB, idx refIndex, query string) []refHit {
	t.Helper()
	sq, err := parseSearch(query)
	if err != nil {
		t.Fatal(err)
	}
	cs := db.mustCounters(t)
	n, avg := float64(cs[cDocuments]), float64(cs[cSearchWords])/float64(cs[cDocuments])
	type stemDocs struct {
		stem string
		docs map[string]posting
	}
	all := make([]stemDocs, len(sq.stems))
	for i, s := range sq.stems {
		all[i] = stemDocs{s, idx[s]}
	}
	sort.Slice(all, func(i, j int) bool { return len(all[i].docs) < len(all[j].docs) })
	var hits []refHit
candidates:
	for doc, first := range all[0].docs {
		for _, ps := range all[1:] {
			if _, ok := ps.docs[doc]; !ok {
				continue candidates
			}
		}
		for _, ph := range sq.phrases {
			ps := map[string]*posting{}
			for _, s := range ph {
				p := idx[s][doc]
				ps[s] = &p
			}
			if ok, err := phraseIn(ps, ph); err != nil || !ok {
				if err != nil {
					t.Fatal(err)
				}
				continue candidates
			}
		}
		dl := float64(first.dl)
		var score float64
		for _, ps := range all {
			df := float64(len(ps.docs))
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			tf := float64(ps.docs[doc].tf)
			score += idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/avg))
		}
		hits = append(hits, refHit{doc, score})
	}
	sort.Slice(hits, func(i, j int) bool {
		return bytes.Compare(refKey(hits[i]), refKey(hits[j])) < 0
	})
	return hits
}

func refKey(h refHit) []byte { return appendSearchKey(nil, h.score, appendStr(nil, h.id)) }

// checkAgainstRef pages through query's hits, size a page, and checks
// each page against the reference ranking: the same documents in the same
// order with the same scores (bit for bit), the same total and cursors.
func checkAgainstRef(t *testing.T, db *DB, idx refIndex, query string, size int) {
	t.Helper()
	want := refSearch(t, db, idx, query)
	p := graph.Page{First: size}
	for from := 0; ; from += size {
		l, err := db.SearchDocuments(context.Background(), query, p)
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != len(want) {
			t.Fatalf("%s: total %d, reference %d", query, l.TotalCount, len(want))
		}
		end := min(from+size, len(want))
		if len(l.Items) != end-from {
			t.Fatalf("%s, page at %d: %d hits, reference %d", query, from, len(l.Items), end-from)
		}
		for i, h := range l.Items {
			w := want[from+i]
			if h.Document.ID != w.id || math.Float64bits(h.Score) != math.Float64bits(w.score) {
				t.Fatalf("%s: hit %d is %s %v, reference %s %v", query, from+i, h.Document.ID, h.Score, w.id, w.score)
			}
			if l.Cursors[i] != encodeCursor(refKey(w)) {
				t.Fatalf("%s: hit %d has cursor %q, reference %q", query, from+i, l.Cursors[i], encodeCursor(refKey(w)))
			}
		}
		if l.HasNextPage != (end < len(want)) {
			t.Fatalf("%s, page at %d: has next %v with %d hits in all", query, from, l.HasNextPage, len(want))
		}
		if !l.HasNextPage {
			return
		}
		p.After = l.EndCursor()
	}
}

// TestSearchSameAsReferenceRandom: on random small stores (a few words,
// so that scores tie and phrases both match and fail), some of whose
// texts are then replaced, every word and phrase query pages exactly as
// the reference ranking.
func TestSearchSameAsReferenceRandom(t *testing.T) {
	vocab := []string{"alpha", "beta", "gamma", "delta", "the", "said", "oil", "price"}
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 17))
		db := MustOpenDB(t, WithTextIndex())
		var xs []*graph.Extraction
		text := func() string {
			ws := make([]string, 1+r.IntN(30))
			for i := range ws {
				ws[i] = vocab[min(r.IntN(len(vocab)), r.IntN(len(vocab)))] // skewed: early words common
			}
			return strings.Join(ws, " ")
		}
		// Up to three blocks of postings and a tail.
		for d := range 20 + r.IntN(3*blockDocs+60) {
			xs = append(xs, &graph.Extraction{Document: graph.Document{ID: fmt.Sprintf("d%02d-%d", r.IntN(100), d), Text: text()}})
		}
		mustIngest(t, db, xs...)
		// Some texts replaced, in complete blocks and in the tail.
		var again []*graph.Extraction
		for range 1 + r.IntN(10) {
			again = append(again, &graph.Extraction{Document: graph.Document{ID: xs[r.IntN(len(xs))].Document.ID, Text: text()}})
		}
		mustIngest(t, db, again...)
		idx := newRefIndex(t, db, vocab...)
		for range 25 {
			var q []string
			for range 1 + r.IntN(3) {
				w := vocab[r.IntN(len(vocab))]
				if r.IntN(3) == 0 {
					w = `"` + w + " " + vocab[r.IntN(len(vocab))] + `"`
				}
				q = append(q, w)
			}
			checkAgainstRef(t, db, idx, strings.Join(q, " "), 1+r.IntN(8))
		}
	}
}

// TestSearchRealCorpusSameAsReference: on the Reuters and BBC texts, the
// first pages of every real query are the reference ranking's.
func TestSearchRealCorpusSameAsReference(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 22,004 texts")
	}
	db := MustOpenDB(t, WithTextIndex())
	mustIngest(t, db, SharedTexts(t)...)
	idx := newRefIndex(t, db, realQueries...)
	for _, q := range realQueries {
		checkAgainstRef(t, db, idx, q, 500)
	}
}

// refSnippet is snippet as it was before it stemmed only up to its
// window: every word of s stemmed and marked.
func refSnippet(s string, sq searchQuery) string {
	ws := words(s, nil)
	marked := make([]bool, len(ws))
	first := -1
	for _, ph := range sq.phrases {
		for _, i := range phraseAt(ws, ph) {
			for j := i; j < i+len(ph); j++ {
				marked[j] = true
			}
		}
	}
	want := map[string]bool{}
	for _, st := range sq.stems {
		want[st] = true
	}
	inPhrase := sq.phraseStems()
	for i, w := range ws {
		if want[w.stem] && !inPhrase[w.stem] {
			marked[i] = true
		}
		if marked[i] && first < 0 {
			first = i
		}
	}
	if first < 0 {
		first = 0
	}
	lo := max(0, first-snippetWords/3)
	hi := min(len(ws), lo+snippetWords)
	if len(ws) == 0 {
		return ""
	}
	return renderSnippet(s, ws, marked, lo, hi)
}

// TestSnippetSameAsReference: on random texts of a few words, and on the
// Reuters and BBC texts for the real queries, snippet is refSnippet.
func TestSnippetSameAsReference(t *testing.T) {
	vocab := []string{"alpha", "beta", "gamma", "the", "said", "Oil", "price"}
	r := rand.New(rand.NewPCG(3, 5))
	for range 3000 {
		ws := make([]string, r.IntN(60))
		for i := range ws {
			ws[i] = vocab[min(r.IntN(len(vocab)), r.IntN(len(vocab)))]
		}
		var q []string
		for range 1 + r.IntN(3) {
			w := vocab[r.IntN(len(vocab))]
			if r.IntN(2) == 0 {
				w = `"` + w + " " + vocab[r.IntN(len(vocab))] + " " + vocab[r.IntN(len(vocab))][:r.IntN(2)*3] + `"`
			}
			q = append(q, w)
		}
		checkSnippet(t, strings.Join(ws, " ,\n"), strings.Join(q, " "))
	}
	if testing.Short() {
		return
	}
	xs := SharedTexts(t)
	for _, q := range realQueries {
		for i := 0; i < len(xs); i += 5 {
			checkSnippet(t, searchText(&xs[i].Document), q)
		}
	}
}

func checkSnippet(t *testing.T, s, q string) {
	t.Helper()
	sq, err := parseSearch(q)
	if err != nil {
		return // a query of no word
	}
	if got, want := snippet(s, sq, nil), refSnippet(s, sq); got != want {
		t.Fatalf("snippet of %q for %s:\n got %q\nwant %q", s, q, got, want)
	}
}
