package store

// Full-text search over document titles and texts.
//
// Each document's title and text are split into words (runs of letters and
// digits), lower-cased, stripped of diacritics and stemmed with the Snowball
// English stemmer, and written in the same transaction as the document:
// one 'z' key per (stem, document) holding the document's length, the
// stem's frequency in it and its word positions. A crash therefore never
// leaves a text and its index apart, and retracting a document
// re-tokenizes its old text to delete exactly its postings.
//
// A query is words, which must all occur (AND), and "quoted phrases", whose
// words must occur in that order: the postings give the candidates, and the
// phrase is then verified from the word positions in the postings. Hits
// are ranked by Okapi BM25 (k1 1.2, b 0.75), then by document ID.

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/factgraph/factgraph/graph"
)

const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// maxQueryTerms bounds the postings one query scans.
	maxQueryTerms = 32
	// snippetWords is the number of words a snippet shows around its first
	// match.
	snippetWords = 24
	// cSearchWords counts the words indexed in all documents, for BM25's
	// average document length.
	cSearchWords = "search/words"
)

// word is one indexed word of a document: its stem and its byte span in
// the title + "\n" + text that was indexed.
type word struct {
	stem       string
	start, end int
}

// searchText is what a document's index covers.
func searchText(d *graph.Document) string {
	if d.Title == "" {
		return d.Text
	}
	return d.Title + "\n" + d.Text
}

// stemCache maps words as written to their stems. The writer keeps one
// (DB.stems, under DB.mu), since news repeats its words and the Snowball
// stemmer costs about a microsecond a word; a nil cache stems every word.
type stemCache map[string]string

// maxStemCache bounds a stemCache; words past it are stemmed every time.
const maxStemCache = 1 << 17

func (c stemCache) stem(w string) string {
	if c == nil {
		return stem(w)
	}
	if s, ok := c[w]; ok {
		return s
	}
	s := stem(w)
	if len(c) < maxStemCache {
		c[strings.Clone(w)] = s // not a slice of the document's text
	}
	return s
}

// words splits s into words and stems them, through the cache c (may be
// nil).
func words(s string, c stemCache) []word {
	var out []word
	sc := wordScanner{s: s, c: c}
	for w, ok := sc.next(); ok; w, ok = sc.next() {
		out = append(out, w)
	}
	return out
}

// wordScanner yields the words of s one at a time, stemmed through c (may
// be nil), so that a snippet stems only the words up to its window.
type wordScanner struct {
	s  string
	c  stemCache
	at int // byte offset of the rest of s
}

// next returns the next word of s, or false at its end.
func (sc *wordScanner) next() (word, bool) {
	start := -1
	for i, r := range sc.s[sc.at:] {
		i += sc.at
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			sc.at = i
			return word{sc.c.stem(sc.s[start:i]), start, i}, true
		}
	}
	sc.at = len(sc.s)
	if start >= 0 {
		return word{sc.c.stem(sc.s[start:]), start, len(sc.s)}, true
	}
	return word{}, false
}

// stem lower-cases w, removes its diacritics ("Café" → "cafe") and stems
// it ("weapons" → "weapon").
func stem(w string) string {
	w = strings.ToLower(w)
	if !isASCII(w) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if f, _, err := transform.String(t, w); err == nil {
			w = f
		}
	}
	return english.Stem(w, false)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stems returns the writer's stem cache.
func (w *wtx) stems() stemCache {
	if w.db.stems == nil {
		w.db.stems = stemCache{}
	}
	return w.db.stems
}

// postingKey is 'z' str(stem) str(doc).
func postingKey(stem, doc string) []byte { return key(pPosting, stem, doc) }

// postingsOf groups a document's words by stem: each stem's word
// positions, ascending.
func postingsOf(ws []word) map[string][]int {
	ps := make(map[string][]int, len(ws)/2)
	for i, w := range ws {
		ps[w.stem] = append(ps[w.stem], i)
	}
	return ps
}

// indexDoc writes the postings of document d. A posting's value
// is uvarint(document length in words) uvarint(frequency) and then the
// word positions as uvarint gaps, so that ranking reads no other key and a
// phrase is verified without reading the text.
func (w *wtx) indexDoc(d *graph.Document) error {
	if !w.db.textIndex {
		return nil
	}
	ws := words(searchText(d), w.stems())
	for s, at := range postingsOf(ws) {
		v := binary.AppendUvarint(nil, uint64(len(ws)))
		v = binary.AppendUvarint(v, uint64(len(at)))
		prev := 0
		for _, p := range at {
			v = binary.AppendUvarint(v, uint64(p-prev))
			prev = p
		}
		if err := w.txn.set(postingKey(s, d.ID), v); err != nil {
			return err
		}
	}
	w.count(cSearchWords, len(ws))
	return nil
}

// unindexDoc deletes the postings that indexDoc wrote for d.
func (w *wtx) unindexDoc(d *graph.Document) error {
	if !w.db.textIndex {
		return nil
	}
	ws := words(searchText(d), w.stems())
	for s := range postingsOf(ws) {
		if err := w.txn.del(postingKey(s, d.ID)); err != nil {
			return err
		}
	}
	w.count(cSearchWords, -len(ws))
	return nil
}

// posting is one document's entry in a stem's postings.
type posting struct {
	doc    []byte // str(document ID), as in the posting's key
	dl, tf int
	gaps   []byte // tf uvarint gaps between word positions
}

func decodePosting(v []byte) (posting, error) {
	dl, n := binary.Uvarint(v)
	if n <= 0 {
		return posting{}, errCorrupt
	}
	tf, m := binary.Uvarint(v[n:])
	if m <= 0 {
		return posting{}, errCorrupt
	}
	return posting{dl: int(dl), tf: int(tf), gaps: v[n+m:]}, nil
}

// positions decodes the word positions of p.
func (p posting) positions() ([]int, error) {
	out := make([]int, 0, p.tf)
	b, at := p.gaps, 0
	for range p.tf {
		g, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errCorrupt
		}
		at += int(g)
		out = append(out, at)
		b = b[n:]
	}
	return out, nil
}

// searchQuery is a parsed query: every stem must occur, and each phrase
// (two or more stems) must occur in order.
type searchQuery struct {
	stems   []string // distinct
	phrases [][]string
}

// phraseStems returns the stems that are in a phrase of q.
func (q searchQuery) phraseStems() map[string]bool {
	out := map[string]bool{}
	for _, ph := range q.phrases {
		for _, st := range ph {
			out[st] = true
		}
	}
	return out
}

// parseSearch splits a query into words and "quoted phrases". An unclosed
// quote runs to the end. EINVALID for a query with no word or too long.
func parseSearch(q string) (searchQuery, error) {
	var sq searchQuery
	if len(q) > graph.MaxSearchQuery {
		return sq, graph.Errorf(graph.EINVALID, "search query is %d bytes long; at most %d are allowed", len(q), graph.MaxSearchQuery)
	}
	seen := map[string]bool{}
	for i, part := range strings.Split(q, `"`) {
		ws := words(part, nil)
		var stems []string
		for _, w := range ws {
			stems = append(stems, w.stem)
			if !seen[w.stem] {
				seen[w.stem] = true
				sq.stems = append(sq.stems, w.stem)
			}
		}
		if i%2 == 1 && len(stems) > 1 {
			sq.phrases = append(sq.phrases, stems)
		}
	}
	switch {
	case len(sq.stems) == 0:
		return sq, graph.Errorf(graph.EINVALID, "search query %q has no word to search for", q)
	case len(sq.stems) > maxQueryTerms:
		return sq, graph.Errorf(graph.EINVALID, "search query has %d distinct words; at most %d are allowed", len(sq.stems), maxQueryTerms)
	}
	return sq, nil
}

// SearchDocuments returns a page of the documents whose title or text
// contains every word and phrase of query, best BM25 score first, then by
// ID, each with a snippet marking the matched words « like this ».
// EINVALID for an empty or too long query, a bad cursor, or a store made
// without a text index (WithTextIndex).
func (db *DB) SearchDocuments(ctx context.Context, query string, p graph.Page) (graph.List[*graph.SearchHit], error) {
	var out graph.List[*graph.SearchHit]
	sq, err := parseSearch(query)
	if err != nil {
		return out, err
	}
	if !db.textIndex {
		return out, graph.Errorf(graph.EINVALID, "this store keeps no text index: make a new store with --text-index (ingest, import or serve) to search it")
	}
	err = db.view(ctx, func(txn *badger.Txn) error {
		cs, err := getCounters(tx(txn))
		if err != nil {
			return err
		}
		n, total := float64(cs[cDocuments]), float64(cs[cSearchWords])
		if n == 0 {
			return nil
		}
		avg := total / n
		// Postings of each stem, in document key order, rarest first, so
		// that the intersection walks the shortest list.
		all := make([]stemPostings, len(sq.stems))
		inPhrase := sq.phraseStems()
		for i, s := range sq.stems {
			if err := ctx.Err(); err != nil {
				return err
			}
			if all[i], err = readPostings(txn, s, inPhrase[s]); err != nil {
				return err
			}
			if len(all[i].docs) == 0 {
				return nil
			}
		}
		sort.Slice(all, func(i, j int) bool { return len(all[i].docs) < len(all[j].docs) })
		idf := make([]float64, len(all))
		for i, ps := range all {
			df := float64(len(ps.docs))
			idf[i] = math.Log(1 + (n-df+0.5)/(df+0.5))
		}
		// Only the page is kept, in a bounded heap, rather than every hit
		// sorted: a common word has some 20,000 on the Reuters and BBC store.
		top, err := newTopKeys(p, func(k []byte) bool { return len(k) > 9 && k[0] == pPosting })
		if err != nil {
			return err
		}
		var key, val []byte
		at := make([]int, len(all))      // each list's next posting
		hit := make([]posting, len(all)) // the candidate's postings
		byStem := make(map[string]*posting, len(all))
		for i := range all {
			byStem[all[i].stem] = &hit[i]
		}
	candidates:
		for _, first := range all[0].docs {
			hit[0] = first
			for i := 1; i < len(all); i++ {
				j, ok := all[i].seek(at[i], first.doc)
				at[i] = j
				if !ok {
					if j == len(all[i].docs) {
						break candidates
					}
					continue candidates
				}
				hit[i] = all[i].docs[j]
			}
			for _, ph := range sq.phrases {
				ok, err := phraseIn(byStem, ph)
				if err != nil {
					return err
				}
				if !ok {
					continue candidates
				}
			}
			dl := float64(first.dl)
			var score float64
			for i := range all {
				tf := float64(hit[i].tf)
				score += idf[i] * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/avg))
			}
			key = appendSearchKey(key[:0], score, first.doc)
			val = binary.BigEndian.AppendUint64(val[:0], math.Float64bits(score))
			top.offer(key, val)
		}
		kvs, cursors, hasNext := top.page()
		out = graph.List[*graph.SearchHit]{Cursors: cursors, HasNextPage: hasNext, TotalCount: top.total}
		stems := stemCache{} // the page's snippets share their words' stems
		for _, kv := range kvs {
			id, _, err := readStr(kv.key[9:])
			if err != nil {
				return err
			}
			r, err := getDoc(tx(txn), id)
			if err != nil || r == nil {
				return errorsJoinCorrupt(err)
			}
			d, err := renderDoc(txn, r)
			if err != nil {
				return err
			}
			score := math.Float64frombits(binary.BigEndian.Uint64(kv.val))
			out.Items = append(out.Items, &graph.SearchHit{Document: d, Score: score, Snippet: snippet(searchText(&r.Doc), sq, stems)})
		}
		return nil
	})
	return out, err
}

func errorsJoinCorrupt(err error) error {
	if err != nil {
		return err
	}
	return errCorrupt
}

// appendSearchKey appends the cursor of a hit: 'z' f64(-score) str(doc),
// so that the best score sorts first; doc is already encoded. It is never
// stored.
func appendSearchKey(b []byte, score float64, doc []byte) []byte {
	return append(appendF64(append(b, pPosting), -score), doc...)
}

// stemPostings is the postings of one stem in document key order.
type stemPostings struct {
	stem string
	docs []posting
}

// seek returns the index of the first posting at or after from whose
// document is not before doc (an encoded str), and whether it is doc.
func (ps stemPostings) seek(from int, doc []byte) (int, bool) {
	for from < len(ps.docs) {
		switch c := bytes.Compare(ps.docs[from].doc, doc); {
		case c == 0:
			return from, true
		case c > 0:
			return from, false
		}
		from++
	}
	return from, false
}

// readPostings returns the postings of stem s in document key order, with
// their word positions only if positions is set: a stem that is in no
// phrase needs only the counts that ranking reads. Values are read without
// Badger's prefetch, which starts a goroutine per key, and the document
// keys and positions share one buffer, so that a common word (some 20,000
// postings on the Reuters and BBC store) costs no allocation per posting.
func readPostings(txn *badger.Txn, s string, positions bool) (stemPostings, error) {
	prefix := postingKey(s, "")
	prefix = prefix[:len(prefix)-1] // up to the end of str(s), any document
	out := stemPostings{stem: s}
	var buf []byte
	type span struct{ doc, gaps [2]int }
	var spans []span
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var sp span
		sp.doc[0] = len(buf)
		buf = append(buf, it.Item().Key()[len(prefix):]...)
		sp.doc[1] = len(buf)
		var p posting
		err := it.Item().Value(func(v []byte) error {
			var err error
			p, err = decodePosting(v)
			sp.gaps[0] = len(buf)
			if positions {
				buf = append(buf, p.gaps...)
			}
			sp.gaps[1] = len(buf)
			p.gaps = nil // v is only valid here
			return err
		})
		if err != nil {
			return out, err
		}
		out.docs = append(out.docs, p)
		spans = append(spans, sp)
	}
	for i, sp := range spans { // buf no longer moves
		out.docs[i].doc = buf[sp.doc[0]:sp.doc[1]:sp.doc[1]]
		out.docs[i].gaps = buf[sp.gaps[0]:sp.gaps[1]:sp.gaps[1]]
	}
	return out, nil
}

// phraseIn reports whether phrase ph occurs in the candidate whose
// posting of each stem is byStem's, from their word positions.
func phraseIn(byStem map[string]*posting, ph []string) (bool, error) {
	var starts map[int]bool
	for i, s := range ph {
		at, err := byStem[s].positions()
		if err != nil {
			return false, err
		}
		next := map[int]bool{}
		for _, p := range at {
			if i == 0 || starts[p-i] {
				next[p-i] = true
			}
		}
		if len(next) == 0 {
			return false, nil
		}
		starts = next
	}
	return true, nil
}

// phraseAt returns the indexes in ws where phrase ph starts.
func phraseAt(ws []word, ph []string) []int {
	var at []int
	for i := 0; i+len(ph) <= len(ws); i++ {
		j := 0
		for j < len(ph) && ws[i+j].stem == ph[j] {
			j++
		}
		if j == len(ph) {
			at = append(at, i)
		}
	}
	return at
}

// snippet returns about snippetWords words of s around the first match of
// the query, with the matched words marked « ». c (may be nil) caches the
// stems of a page's snippets, whose texts share most of their words. Only
// the words up to the end of the window (and a phrase's length past it)
// are stemmed.
func snippet(s string, sq searchQuery, c stemCache) string {
	sc := wordScanner{s: s, c: c}
	var ws []word
	fill := func(n int) { // ws holds n words, or all of s
		for len(ws) < n {
			w, ok := sc.next()
			if !ok {
				return
			}
			ws = append(ws, w)
		}
	}
	want := map[string]bool{}
	for _, st := range sq.stems {
		want[st] = true
	}
	inPhrase := sq.phraseStems()
	longest := 1
	for _, ph := range sq.phrases {
		longest = max(longest, len(ph))
	}
	phraseStart := func(i int) []string { // the phrase that starts at ws[i], if any
		for _, ph := range sq.phrases {
			fill(i + len(ph))
			if i+len(ph) <= len(ws) && phraseAt(ws[i:i+len(ph)], ph) != nil {
				return ph
			}
		}
		return nil
	}
	first := -1
	for i := 0; first < 0; i++ {
		fill(i + 1)
		if i >= len(ws) {
			break
		}
		if (want[ws[i].stem] && !inPhrase[ws[i].stem]) || phraseStart(i) != nil {
			first = i
		}
	}
	if first < 0 {
		first = 0
	}
	lo := max(0, first-snippetWords/3)
	fill(lo + snippetWords + longest)
	hi := min(len(ws), lo+snippetWords)
	if len(ws) == 0 {
		return ""
	}
	marked := make([]bool, hi)
	for i := max(0, lo-longest); i < hi; i++ {
		if want[ws[i].stem] && !inPhrase[ws[i].stem] {
			marked[i] = true
		}
		for _, ph := range sq.phrases {
			if i+len(ph) <= len(ws) && phraseAt(ws[i:i+len(ph)], ph) != nil {
				for j := i; j < min(hi, i+len(ph)); j++ {
					marked[j] = true
				}
			}
		}
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := ws[lo].start
	for i := lo; i < hi; i++ {
		b.WriteString(strings.ReplaceAll(s[pos:ws[i].start], "\n", " "))
		if marked[i] {
			b.WriteString("«" + s[ws[i].start:ws[i].end] + "»")
		} else {
			b.WriteString(s[ws[i].start:ws[i].end])
		}
		pos = ws[i].end
	}
	if hi < len(ws) {
		b.WriteString("…")
	}
	return b.String()
}
