package store

// Full-text search over document titles and texts.
//
// Each document's title and text are split into words (runs of letters and
// digits), lower-cased, stripped of diacritics and stemmed with the Snowball
// English stemmer, and written in the same transaction as the document: a
// forward key of the document's stems, turned into one posting key per
// stem for each block of blockDocs documents when the block is complete
// (indexDoc). A crash therefore never leaves a text and its index apart,
// and retracting a document re-tokenizes its old text to delete exactly
// its postings.
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
	"slices"
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
	out := make([]word, 0, len(s)/6) // news averages about six bytes a word
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
	start, end, ok := sc.span()
	if !ok {
		return word{}, false
	}
	return word{sc.c.stem(sc.s[start:end]), start, end}, true
}

// span returns the byte span of the next word of s, unstemmed, or false
// at its end.
func (sc *wordScanner) span() (start, end int, ok bool) {
	start = -1
	for i, r := range sc.s[sc.at:] {
		i += sc.at
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			sc.at = i
			return start, i, true
		}
	}
	sc.at = len(sc.s)
	return start, len(sc.s), start >= 0
}

// isWordRune reports whether r is part of a word: a letter, a digit or
// a nonspacing mark (a diacritic written apart), with ASCII decided
// without Unicode's tables, since news is mostly ASCII.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
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

// blockDocs is the number of consecutive document numbers whose postings
// share a block: a word's postings are one key per block of documents
// that contain it, not one per document.
const blockDocs = 128

// cSearchNumbers counts the document numbers handed out (indexDoc).
const cSearchNumbers = "search/numbers"

// postingKey is 'z' str(stem) u64(block): the postings of stem in the
// documents numbered block*blockDocs to (block+1)*blockDocs-1.
func postingKey(stem string, block uint64) []byte {
	return binary.BigEndian.AppendUint64(key(pPosting, stem), block)
}

// forwardKey is 'Z' u64(block) u64(number): the words of a document whose
// block is not complete yet. The block comes first so that the block's
// forward keys are read without walking the deleted ones of the blocks
// before it.
func forwardKey(number uint64) []byte {
	return binary.BigEndian.AppendUint64(forwardPrefix(number/blockDocs), number)
}

// forwardPrefix is the prefix of the forward keys of block.
func forwardPrefix(block uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{pForward}, block)
}

// stemPositions is one stem of a document: its word positions, ascending.
type stemPositions struct {
	stem string
	at   []int
}

// stemsOf is postingsOf(words(s, c)) and the number of words, for the
// writer: it looks each distinct word of s up once in c, whose map is
// large enough that a lookup is a cache miss, and the repeats in a small
// map of the document's own.
func stemsOf(s string, c stemCache) (int, []stemPositions) {
	sc := wordScanner{s: s}
	surface := make(map[string]int32, 256) // a word as written → its stem's slot in out
	slot := make(map[string]int32, 256)    // a stem → its slot
	of := make([]int32, 0, len(s)/6)       // each word's slot
	var out []stemPositions
	var count []int
	for {
		start, end, ok := sc.span()
		if !ok {
			break
		}
		k, ok := surface[s[start:end]]
		if !ok {
			st := c.stem(s[start:end])
			if k, ok = slot[st]; !ok {
				k = int32(len(out))
				slot[st] = k
				out = append(out, stemPositions{stem: st})
				count = append(count, 0)
			}
			surface[s[start:end]] = k
		}
		of = append(of, k)
		count[k]++
	}
	return len(of), positionsBySlot(out, of, count)
}

// positionsBySlot fills the positions of the stems in out, where of gives
// each word's stem slot and count each slot's words, with one array for
// all of them, and returns out in stem order.
func positionsBySlot(out []stemPositions, of []int32, count []int) []stemPositions {
	all, from := make([]int, len(of)), 0
	for k, n := range count {
		out[k].at = all[from : from : from+n]
		from += n
	}
	for i, k := range of {
		out[k].at = append(out[k].at, i)
	}
	slices.SortFunc(out, func(a, b stemPositions) int { return strings.Compare(a.stem, b.stem) })
	return out
}

// appendGaps appends the positions at as uvarint gaps.
func appendGaps(b []byte, at []int) []byte {
	prev := 0
	for _, p := range at {
		b = binary.AppendUvarint(b, uint64(p-prev))
		prev = p
	}
	return b
}

// searchNumber returns the next document number of the index and counts
// it handed out.
func (w *wtx) searchNumber() (uint64, error) {
	n, err := w.searchNumbers()
	w.count(cSearchNumbers, 1)
	return n, err
}

// searchNumbers returns how many document numbers were handed out,
// this transaction's included.
func (w *wtx) searchNumbers() (uint64, error) {
	n, err := getCounter(w.txn, cSearchNumbers)
	return uint64(n + w.deltas[cSearchNumbers]), err
}

// indexDoc indexes document d and returns its number plus one, which its
// record keeps (docRec.Number) so that a retraction finds its postings; 0
// in a store without a text index.
//
// Documents are numbered in the order they are indexed. A document's
// words go first to one forward key ('Z': str(doc), its length in words,
// and each stem with its frequency and word positions); the document that
// completes a block of blockDocs numbers turns the forward keys of the
// block into one posting key per stem ('z', blockOf). A document thus
// writes one key, plus its share of its block's (about 30 on news rather
// than the 200 that a key per stem and document cost), and a common word's
// 20,000 postings are some 170 keys.
func (w *wtx) indexDoc(d *graph.Document) (uint64, error) {
	if !w.db.textIndex {
		return 0, nil
	}
	dl, ps := stemsOf(searchText(d), w.stems())
	n, err := w.searchNumber()
	if err != nil {
		return 0, err
	}
	fwd := forwardOf(d.ID, dl, ps)
	w.count(cSearchWords, dl)
	if (n+1)%blockDocs != 0 {
		return n + 1, w.txn.set(forwardKey(n), fwd)
	}
	return n + 1, w.mergeBlock(n, fwd)
}

// forwardOf encodes a forward record: uvarint(len) str(doc), uvarint(length
// in words), uvarint(stems), a u32 offset per stem into the stems, then
// for each stem in stem order uvarint(len) stem, uvarint(frequency),
// uvarint(len) and the positions as uvarint gaps. The offsets let a query
// find its stems by binary search.
func forwardOf(id string, dl int, ps []stemPositions) []byte {
	doc := appendStr(nil, id)
	b := make([]byte, 0, 16+len(doc)+16*len(ps)+2*dl)
	b = binary.AppendUvarint(b, uint64(len(doc)))
	b = append(b, doc...)
	b = binary.AppendUvarint(b, uint64(dl))
	b = binary.AppendUvarint(b, uint64(len(ps)))
	offsets := len(b)
	b = append(b, make([]byte, 4*len(ps))...)
	stems := len(b)
	var gaps []byte
	for i, p := range ps {
		binary.BigEndian.PutUint32(b[offsets+4*i:], uint32(len(b)-stems))
		b = binary.AppendUvarint(b, uint64(len(p.stem)))
		b = append(b, p.stem...)
		b = binary.AppendUvarint(b, uint64(len(p.at)))
		gaps = appendGaps(gaps[:0], p.at)
		b = binary.AppendUvarint(b, uint64(len(gaps)))
		b = append(b, gaps...)
	}
	return b
}

// forwardRec is a decoded forward record; its slices point into the value.
type forwardRec struct {
	doc     []byte // str(document ID)
	dl      int
	offsets []byte // a u32 per stem
	stems   []byte
}

func decodeForward(v []byte) (forwardRec, error) {
	var f forwardRec
	d := byteReader{b: v}
	f.doc = d.bytes()
	f.dl = int(d.uvarint())
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b))/4 {
		return f, errCorrupt
	}
	f.offsets, f.stems = d.b[:4*n], d.b[4*n:]
	return f, nil
}

// len returns the number of stems of f.
func (f forwardRec) len() int { return len(f.offsets) / 4 }

// stem returns the i-th stem of f, its frequency and its gaps.
func (f forwardRec) stem(i int) (stem []byte, tf int, gaps []byte, err error) {
	at := binary.BigEndian.Uint32(f.offsets[4*i:])
	if int64(at) >= int64(len(f.stems)) {
		return nil, 0, nil, errCorrupt
	}
	d := byteReader{b: f.stems[at:]}
	stem = d.bytes()
	tf = int(d.uvarint())
	gaps = d.bytes()
	return stem, tf, gaps, d.err
}

// find returns the index of stem s in f, or -1.
func (f forwardRec) find(s string) (int, error) {
	var err error
	i := sort.Search(f.len(), func(i int) bool {
		st, _, _, e := f.stem(i)
		if e != nil {
			err = e
			return true
		}
		return string(st) >= s
	})
	if err != nil || i == f.len() {
		return -1, err
	}
	if st, _, _, err := f.stem(i); err != nil || string(st) != s {
		return -1, err
	}
	return i, nil
}

// byteReader decodes uvarints and length-prefixed byte strings.
type byteReader struct {
	b   []byte
	err error
}

func (d *byteReader) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *byteReader) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		d.b = nil
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	return out
}

// blockBuilder encodes a block of postings: uvarint(count) uvarint(len of
// the entries) entries positions. An entry is uvarint(number - previous
// number) uvarint(length in words) uvarint(frequency) uvarint(len)
// str(document ID) uvarint(len of its gaps); the positions are each
// entry's gaps in turn, so that ranking decodes the entries and skips
// them.
type blockBuilder struct {
	n         int
	entries   []byte
	positions []byte
	prevNum   uint64
}

func newBlockBuilder(block uint64) *blockBuilder { return &blockBuilder{prevNum: block * blockDocs} }

func (bb *blockBuilder) add(p posting) {
	bb.entries = binary.AppendUvarint(bb.entries, p.num-bb.prevNum)
	bb.entries = binary.AppendUvarint(bb.entries, uint64(p.dl))
	bb.entries = binary.AppendUvarint(bb.entries, uint64(p.tf))
	bb.entries = binary.AppendUvarint(bb.entries, uint64(len(p.doc)))
	bb.entries = append(bb.entries, p.doc...)
	bb.entries = binary.AppendUvarint(bb.entries, uint64(len(p.gaps)))
	bb.positions = append(bb.positions, p.gaps...)
	bb.prevNum = p.num
	bb.n++
}

func (bb *blockBuilder) bytes() []byte {
	b := binary.AppendUvarint(nil, uint64(bb.n))
	b = binary.AppendUvarint(b, uint64(len(bb.entries)))
	b = append(b, bb.entries...)
	return append(b, bb.positions...)
}

// blockReader decodes a block's entries in order.
type blockReader struct {
	entries   byteReader
	positions []byte // the gaps of the entries not read yet
	n         int    // entries not read yet
	num       uint64
	// noPositions says the value was cut after its entries
	// (blockEntriesEnd): the postings have no gaps.
	noPositions bool
}

// newBlockReader reads the block value v of block number block, cut
// after its entries unless positions is set.
func newBlockReader(block uint64, v []byte, positions bool) blockReader {
	d := byteReader{b: v}
	n := int(d.uvarint())
	entries := d.bytes()
	return blockReader{entries: byteReader{b: entries, err: d.err}, positions: d.b, n: n, num: block * blockDocs, noPositions: !positions}
}

// blockEntriesEnd returns the number of postings of block value v and
// where its entries end: the part of v that ranking reads.
func blockEntriesEnd(v []byte) (n, end int, err error) {
	c, m := binary.Uvarint(v)
	if m <= 0 {
		return 0, 0, errCorrupt
	}
	l, m2 := binary.Uvarint(v[m:])
	if m2 <= 0 || l > uint64(len(v)-m-m2) {
		return 0, 0, errCorrupt
	}
	return int(c), m + m2 + int(l), nil
}

// next decodes the next entry, whose document and gaps point into the
// value.
func (br *blockReader) next() (posting, bool, error) {
	if br.n == 0 || br.entries.err != nil {
		return posting{}, false, br.entries.err
	}
	br.n--
	e := &br.entries
	br.num += e.uvarint()
	p := posting{num: br.num, dl: int(e.uvarint()), tf: int(e.uvarint()), doc: e.bytes()}
	g := e.uvarint()
	switch {
	case e.err != nil:
		return p, false, e.err
	case br.noPositions:
	case g > uint64(len(br.positions)):
		return p, false, errCorrupt
	default:
		p.gaps, br.positions = br.positions[:g:g], br.positions[g:]
	}
	return p, true, nil
}

// mergeBlock completes the block of document number n, whose forward
// record is fwd: the block's forward keys become one posting key per stem.
func (w *wtx) mergeBlock(n uint64, fwd []byte) error {
	block := n / blockDocs
	builders := map[string]*blockBuilder{}
	add := func(num uint64, v []byte) error { // the builders copy what they keep of v
		f, err := decodeForward(v)
		if err != nil {
			return err
		}
		for i := range f.len() {
			stem, tf, gaps, err := f.stem(i)
			if err != nil {
				return err
			}
			bb := builders[string(stem)]
			if bb == nil {
				bb = newBlockBuilder(block)
				builders[string(stem)] = bb
			}
			bb.add(posting{num: num, doc: f.doc, dl: f.dl, tf: tf, gaps: gaps})
		}
		return nil
	}
	var merged []uint64
	err := w.txn.scan(forwardPrefix(block), true, func(k, v []byte) error {
		if len(k) != 17 {
			return errCorrupt
		}
		num := binary.BigEndian.Uint64(k[9:])
		merged = append(merged, num)
		return add(num, v)
	})
	if err == nil {
		err = add(n, fwd)
	}
	if err != nil {
		return err
	}
	for _, num := range merged {
		if err := w.txn.del(forwardKey(num)); err != nil {
			return err
		}
	}
	for s, bb := range builders { // the order of writes makes no difference to the store
		if err := w.txn.set(postingKey(s, block), bb.bytes()); err != nil {
			return err
		}
	}
	return nil
}

// unindexDoc deletes the postings that indexDoc wrote for the document of
// record r: its forward key if its block is not complete, else its entry
// in the block of each of its stems.
func (w *wtx) unindexDoc(r *docRec) error {
	if !w.db.textIndex {
		return nil
	}
	if r.Number == 0 {
		return errCorrupt
	}
	num := r.Number - 1
	dl, ps := stemsOf(searchText(&r.Doc), w.stems())
	w.count(cSearchWords, -dl)
	handed, err := w.searchNumbers()
	if err != nil {
		return err
	}
	block := num / blockDocs
	if (block+1)*blockDocs > handed {
		return w.txn.del(forwardKey(num))
	}
	for _, p := range ps {
		k := postingKey(p.stem, block)
		v, ok, err := w.txn.get(k)
		if err != nil {
			return err
		}
		if !ok {
			return errCorrupt
		}
		br := newBlockReader(block, v, true)
		bb := newBlockBuilder(block)
		for {
			p, ok, err := br.next()
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if p.num != num {
				bb.add(p)
			}
		}
		if bb.n == 0 {
			err = w.txn.del(k)
		} else {
			err = w.txn.set(k, bb.bytes())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// posting is one document's entry in a stem's postings.
type posting struct {
	num    uint64 // the document's number in the index
	doc    []byte // str(document ID)
	dl, tf int
	gaps   []byte // tf uvarint gaps between word positions
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
		// Postings of each stem, in document number order, rarest first, so
		// that the intersection walks the shortest list.
		all := make([]stemPostings, len(sq.stems))
		inPhrase := sq.phraseStems()
		tail, err := readTail(txn, uint64(cs[cSearchNumbers])/blockDocs, sq.stems, inPhrase)
		if err != nil {
			return err
		}
		for i, s := range sq.stems {
			if err := ctx.Err(); err != nil {
				return err
			}
			if all[i], err = readPostings(txn, s, inPhrase[s], tail[s]); err != nil {
				return err
			}
			if all[i].n == 0 {
				return nil
			}
		}
		sort.Slice(all, func(i, j int) bool { return all[i].n < all[j].n })
		idf := make([]float64, len(all))
		for i, ps := range all {
			df := float64(ps.n)
			idf[i] = math.Log(1 + (n-df+0.5)/(df+0.5))
		}
		// Only the page is kept, in a bounded heap, rather than every hit
		// sorted: a common word has some 20,000 on the Reuters and BBC store.
		top, err := newTopKeys(p, func(k []byte) bool { return len(k) > 9 && k[0] == pPosting })
		if err != nil {
			return err
		}
		var key, val []byte
		hit := make([]posting, len(all)) // the candidate's postings
		byStem := make(map[string]*posting, len(all))
		for i := range all {
			byStem[all[i].stem] = &hit[i]
		}
	candidates:
		for ; !all[0].done && err == nil; err = all[0].next() {
			first := all[0].cur
			hit[0] = first
			for i := 1; i < len(all); i++ {
				ok, err := all[i].seek(first.num)
				if err != nil {
					return err
				}
				if all[i].done {
					break candidates
				}
				if !ok {
					continue candidates
				}
				hit[i] = all[i].cur
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
		if err != nil {
			return err
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

// stemPostings is the postings of one stem in document number order,
// read one at a time: those of its blocks, decoded from buf as the
// intersection reaches them, then those of the tail.
type stemPostings struct {
	stem   string
	n      int      // postings in all: the stem's document frequency
	buf    []byte   // the block values, one after another
	blocks []uint64 // each block's number, then its value's end in buf
	tail   []posting
	// positions says buf holds the blocks' word positions.
	positions bool

	cur  posting // the current posting, unless done
	done bool    // past the last posting
	bi   int     // the next block of blocks to open (an index of its number)
	from int     // where the next block's value starts in buf
	br   blockReader
	ti   int // the next posting of tail
}

// next moves to the next posting, or sets done past the last.
func (ps *stemPostings) next() error {
	for {
		p, ok, err := ps.br.next()
		if err != nil {
			return err
		}
		if ok {
			ps.cur = p
			return nil
		}
		if ps.bi < len(ps.blocks) {
			end := int(ps.blocks[ps.bi+1])
			ps.br = newBlockReader(ps.blocks[ps.bi], ps.buf[ps.from:end], ps.positions)
			ps.bi, ps.from = ps.bi+2, end
			continue
		}
		if ps.ti < len(ps.tail) {
			ps.cur = ps.tail[ps.ti]
			ps.ti++
			return nil
		}
		ps.done = true
		return nil
	}
}

// seek moves to the first posting whose document number is not below num
// and reports whether it is num.
func (ps *stemPostings) seek(num uint64) (bool, error) {
	for !ps.done && ps.cur.num < num {
		if err := ps.next(); err != nil {
			return false, err
		}
	}
	return !ps.done && ps.cur.num == num, nil
}

// readPostings returns the postings of stem s in document number order,
// at the first: those of its blocks, then tail's (the documents of the
// block not complete yet), with their word positions only if positions is
// set: a stem that is in no phrase needs only the counts that ranking
// reads. Values are read without Badger's prefetch, which starts a
// goroutine per key, and copied into one buffer (without their word
// positions unless asked) that the postings are decoded from as the
// search reaches them, so that a common word (some 20,000 postings on
// the Reuters and BBC store) costs no allocation per posting.
func readPostings(txn *badger.Txn, s string, positions bool, tail []posting) (stemPostings, error) {
	prefix := key(pPosting, s)
	out := stemPostings{stem: s, tail: tail, n: len(tail), positions: positions}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) != len(prefix)+8 {
			return out, errCorrupt
		}
		err := it.Item().Value(func(v []byte) error { // v is only valid here
			c, end, err := blockEntriesEnd(v)
			if err != nil {
				return err
			}
			if positions {
				end = len(v)
			}
			out.n += c
			out.buf = append(out.buf, v[:end]...)
			return nil
		})
		if err != nil {
			return out, err
		}
		out.blocks = append(out.blocks, binary.BigEndian.Uint64(k[len(prefix):]), uint64(len(out.buf)))
	}
	return out, out.next()
}

// readTail returns the postings of stems in the documents of block,
// which is not complete (their forward keys), by stem, in document number
// order, with word positions for the stems inPhrase.
func readTail(txn *badger.Txn, block uint64, stems []string, inPhrase map[string]bool) (map[string][]posting, error) {
	out := map[string][]posting{}
	err := tx(txn).scan(forwardPrefix(block), true, func(k, v []byte) error {
		if len(k) != 17 {
			return errCorrupt
		}
		f, err := decodeForward(v)
		if err != nil {
			return err
		}
		for _, s := range stems {
			i, err := f.find(s)
			if err != nil {
				return err
			}
			if i < 0 {
				continue
			}
			_, tf, gaps, err := f.stem(i)
			if err != nil {
				return err
			}
			p := posting{num: binary.BigEndian.Uint64(k[9:]), doc: bytes.Clone(f.doc), dl: f.dl, tf: tf}
			if inPhrase[s] {
				p.gaps = bytes.Clone(gaps)
			}
			out[s] = append(out[s], p)
		}
		return nil
	})
	return out, err
}

// phraseIn reports whether phrase ph occurs in the candidate whose
// posting of each stem is byStem's, from their word positions: the
// phrase's starts are the positions of its first stem that each next stem
// follows at its distance, intersected in order.
func phraseIn(byStem map[string]*posting, ph []string) (bool, error) {
	var starts []int
	for i, s := range ph {
		at, err := byStem[s].positions()
		if err != nil {
			return false, err
		}
		if i == 0 {
			starts = at
			continue
		}
		kept, j := starts[:0], 0
		for _, st := range starts {
			for j < len(at) && at[j] < st+i {
				j++
			}
			if j < len(at) && at[j] == st+i {
				kept = append(kept, st)
			}
		}
		if len(kept) == 0 {
			return false, nil
		}
		starts = kept
	}
	return len(starts) > 0, nil
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
	return renderSnippet(s, ws, marked, lo, hi)
}

// renderSnippet writes the words ws[lo:hi] of text s with the spaces and
// punctuation between them (line breaks as spaces), the marked ones
// between « and », and an ellipsis where the text goes on before or after.
func renderSnippet(s string, ws []word, marked []bool, lo, hi int) string {
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
