package ner

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Token flags: orthographic facts about a token, and facts about its place
// in the sentence.
const (
	flInitCap   = 1 << iota // first letter upper case
	flAllCaps               // two or more letters, all upper case
	flHasDigit              //
	flAllDigit              //
	flHyphen                //
	flPeriod                //
	flApos                  //
	flPunct                 // no letter or digit
	flMixed                 // an upper-case letter after a lower-case one ("iPhone", "McCain")
	flSingle                // a single letter
	flSentStart             // first token of its sentence
	flHeadline              // the sentence is mostly in capitals (wire headline)
	flLineStart             // first token on its line
	flLower                 // first letter lower case
)

// tokInfo holds the hashes of one token's strings, computed once per
// document so that features are built without allocating.
type tokInfo struct {
	word, lower, title, shape uint64
	pre, suf                  [affixes]uint64
	flags                     uint32
	cluster                   uint32 // packed cluster path; 0 when unknown
	gaz                       uint32 // gazetteer bits
	cue                       uint8  // cue-word class bits (cues.go), capitalized tokens only
	capc                      uint8  // capitalization class in raw news (capitals.go), capitalized tokens only
	doc                       uint64 // document-level evidence (second pass)
	// ref is the intrinsic-score cache row of the word (0: none), looked
	// up once by prep for both passes; hasRef says it was.
	ref    uint32
	hasRef bool
}

// Feature templates. Numbers are part of the model file's meaning: append,
// never renumber.
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tPre  // +0..3
	tSuf  = tPre + 4
	tFlag = tSuf + 4
	tFlagBit
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tShapeM1
	tShapeP1
	tBigramM1
	tBigramP1
	tShape3
	tClusterCoarse
	tClusterMid
	tClusterFine
	tClusterM1
	tClusterP1
	tGaz
	tGazM1
	tGazP1
	tStartLower
	tHeadShape
	tLowerM1Shape
	tHeadLower
	tDoc
	tDocLower
	tTitle
	tClusterM1Fine
	tChunkLast
	tChunkFirst
	tChunkShape
	tChunkLastCluster
	tChunkLastWord
	tCtxFlag
	tAggM1
	tAggP1
	tPre5
	tSuf5
	tAggM2
	tAggP2
	tChunkBefore
	tChunkAfter
	tCapClass
	tChunkCue
)

// affixes is the longest prefix and suffix, in runes, that are features.
const affixes = 5

// affixTemplate numbers the template of the affix of length j+1: the
// first four were numbered before the fifth was added.
func affixTemplate(first, fifth uint64, j int) uint64 {
	if j < 4 {
		return first + uint64(j)
	}
	return fifth
}

// maxAggregate bounds the other mentions whose contexts a token borrows.
const maxAggregate = 6

// contextFlags are the flags that depend on where a token stands, not on
// the token itself.
const contextFlags = flSentStart | flHeadline | flLineStart

// intrinsic writes the features that depend only on the token itself into
// f from position k and returns the new count. Their summed weights can be
// cached per word (see cache.go).
func (m *Model) intrinsic(t *tokInfo, f []uint32, k int) int {
	add := func(h uint64) {
		if k < len(f) {
			f[k] = uint32(h) & m.mask
			k++
		}
	}
	add(mix(tBias, 0))
	add(mix(tWord, t.word))
	add(mix(tLower, t.lower))
	add(mix(tShape, t.shape))
	for j := 0; j < affixes && t.pre[j] != 0; j++ {
		add(mix(affixTemplate(tPre, tPre5, j), t.pre[j]))
	}
	for j := 0; j < affixes && t.suf[j] != 0; j++ {
		add(mix(affixTemplate(tSuf, tSuf5, j), t.suf[j]))
	}
	own := t.flags &^ contextFlags
	add(mix(tFlag, uint64(own)))
	for b := uint32(0); b < 14; b++ {
		if own&(1<<b) != 0 {
			add(mix(tFlagBit, uint64(b)))
		}
	}
	if own&flInitCap != 0 {
		add(mix(tTitle, t.title))
	}
	if c := t.cluster; c != 0 {
		add(mix(tClusterCoarse, clusterCoarse(c)))
		add(mix(tClusterMid, clusterMid(c)))
		add(mix(tClusterFine, clusterFine(c)))
	}
	return k
}

// maxFeats bounds the features of one token (the bit features are the only
// variable part).
const maxFeats = 96

// scratch is per-call working memory, pooled so that Tag allocates little.
type scratch struct {
	info   []tokInfo
	lower  []byte
	feats  []uint32
	nfeats []uint8
	scores []float32
	back   []uint8
	labels []uint8
	spans  []span
	chunks []chunk
	refs   []uint32 // per token: index of its cached intrinsic scores, 0 if none
	first  []Span   // first-pass spans
	segs   []token.Sentence
	// Document-level maps, cleared per document (consistency.go).
	surname map[uint64]bool
	single  map[uint64]graph.EntityType
	covered []bool
	byWord  map[uint64][nClasses]int32
	// Mentions of each capitalized word (docGroups): occ holds token
	// indexes grouped by word; grp[i] is token i's group.
	occ  []int32
	grp  []group
	keys []uint64
}

type group struct{ start, n int32 }

// docGroups groups the capitalized tokens of a document by lower-case
// form, for the context-aggregation features (Ratinov and Roth 2009).
func docGroups(info []tokInfo, sc *scratch) {
	sc.occ, sc.keys = sc.occ[:0], sc.keys[:0]
	if cap(sc.grp) < len(info) {
		sc.grp = make([]group, len(info))
	}
	sc.grp = sc.grp[:len(info)]
	clear(sc.grp)
	for i := range info {
		if info[i].flags&(flInitCap|flAllCaps) != 0 {
			sc.occ = append(sc.occ, int32(i))
		}
	}
	slices.SortFunc(sc.occ, func(a, b int32) int {
		ha, hb := info[a].lower, info[b].lower
		switch {
		case ha < hb:
			return -1
		case ha > hb:
			return 1
		}
		return int(a - b)
	})
	for s := 0; s < len(sc.occ); {
		e := s + 1
		for e < len(sc.occ) && info[sc.occ[e]].lower == info[sc.occ[s]].lower {
			e++
		}
		for _, j := range sc.occ[s:e] {
			sc.grp[j] = group{int32(s), int32(e - s)}
		}
		s = e
	}
}

// prep fills info for every token of a document.
func (m *Model) prep(toks []token.Token, sc *scratch) []tokInfo {
	if cap(sc.info) < len(toks) {
		sc.info = make([]tokInfo, len(toks))
	}
	info := sc.info[:len(toks)]
	for i := range toks {
		info[i] = tokInfo{}
		m.prepToken(toks[i].Text, &info[i], sc)
		if m.cacheIdx != nil {
			info[i].ref, info[i].hasRef = m.cacheRow(info[i].word), true
		}
		if toks[i].NewlineBefore || i == 0 {
			info[i].flags |= flLineStart
		}
	}
	m.matchGazetteer(info)
	return info
}

// prepToken fills ti with what the features need of token s: one pass over
// its runes for its shape, casing and punctuation flags and its lower-case
// form, then the flags its counts give (countFlags), its prefixes and
// suffixes (setAffixes) and its word cluster (clusterOf). sc.lower is
// reused for the lower-case form.
func (m *Model) prepToken(s string, ti *tokInfo, sc *scratch) {
	low := sc.lower[:0]
	var (
		flags                           uint32
		letters, uppers, digits, nRunes int
		shape                           = uint64(fnvOffset)
		lastShape                       = rune(-1)
		prevLower                       bool
		title                           = uint64(fnvOffset)
	)
	for i, r := range s {
		nRunes++
		var sh rune
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			sh = 'X'
			if prevLower {
				flags |= flMixed
			}
			prevLower = false
		case unicode.IsLetter(r):
			letters++
			sh = 'x'
			prevLower = true
		case unicode.IsDigit(r):
			digits++
			sh = 'd'
		default:
			switch r {
			case '-', '‐':
				flags |= flHyphen
			case '.':
				flags |= flPeriod
			case '\'', '’':
				flags |= flApos
			}
			if r < utf8.RuneSelf {
				sh = r
			} else {
				sh = 'o'
			}
		}
		if i == 0 {
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				flags |= flInitCap
			} else if unicode.IsLower(r) {
				flags |= flLower
			}
		}
		if sh != lastShape {
			shape ^= uint64(sh)
			shape *= fnvPrime
			lastShape = sh
		}
		lr := r
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				lr = r + 'a' - 'A'
			}
			low = append(low, byte(lr))
		} else {
			lr = unicode.ToLower(r)
			low = utf8.AppendRune(low, lr)
		}
		if i == 0 {
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], unicode.ToUpper(r))
			title = fnvBytes(title, buf[:n])
		} else {
			title = fnvBytes(title, low[len(low)-utf8.RuneLen(lr):])
		}
	}
	ti.word = fnvString(s)
	ti.lower = fnvBytes(fnvOffset, low)
	ti.title = title
	ti.shape = shape
	ti.flags = flags | countFlags(letters, uppers, digits, nRunes)
	ti.setAffixes(low)
	ti.cluster = m.clusterOf(ti)
	sc.lower = low
}

// countFlags returns the flags that a token's counts say: of its n runes,
// how many are letters, upper-case letters and digits.
func countFlags(letters, uppers, digits, n int) uint32 {
	var flags uint32
	if letters >= 2 && letters == uppers {
		flags |= flAllCaps
	}
	if digits > 0 {
		flags |= flHasDigit
		if digits == n {
			flags |= flAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		flags |= flPunct
	}
	if n == 1 && letters == 1 {
		flags |= flSingle
	}
	return flags
}

// setAffixes hashes the prefixes and suffixes of a token's lower-case
// form low, 1 to affixes runes long, into ti.pre and ti.suf.
func (ti *tokInfo) setAffixes(low []byte) {
	h := uint64(fnvOffset)
	k, i := 0, 0
	for i < len(low) && k < affixes {
		_, n := utf8.DecodeRune(low[i:])
		h = fnvBytes(h, low[i:i+n])
		ti.pre[k] = h
		i += n
		k++
	}
	j := len(low)
	for k = 0; k < affixes && j > 0; k++ {
		_, n := utf8.DecodeLastRune(low[:j])
		j -= n
		ti.suf[k] = fnvBytes(fnvOffset, low[j:])
	}
}

// clusterOf looks a token up in the word clusters: exact form first, then
// its title-case form (for headline capitals), then lower case.
func (m *Model) clusterOf(ti *tokInfo) uint32 {
	if c, ok := m.cluster(ti.word); ok {
		return c
	}
	if ti.flags&flAllCaps != 0 {
		if c, ok := m.cluster(ti.title); ok {
			return c
		}
	}
	if ti.lower == ti.word {
		return 0
	}
	c, _ := m.cluster(ti.lower)
	return c
}

// Cluster paths pack three levels of a hierarchical clustering: the coarse
// cluster (bits 24..31), the mid cluster within it (12..23) and the fine
// cluster within that (0..11), each 1-based. A level's feature uses the
// path down to it.
func clusterCoarse(c uint32) uint64 { return uint64(c >> 24) }
func clusterMid(c uint32) uint64    { return uint64(c >> 12) }
func clusterFine(c uint32) uint64   { return uint64(c) }

// features writes the feature buckets of tokens info[first:last] (one
// sentence) into sc.feats, maxFeats per token, and their counts into
// sc.nfeats.
func (m *Model) features(info []tokInfo, first, last int, sc *scratch) {
	n := last - first
	if cap(sc.feats) < n*maxFeats {
		sc.feats = make([]uint32, n*maxFeats)
		sc.nfeats = make([]uint8, n)
	}
	sc.feats, sc.nfeats = sc.feats[:n*maxFeats], sc.nfeats[:n]
	if cap(sc.refs) < n {
		sc.refs = make([]uint32, n)
	}
	sc.refs = sc.refs[:n]
	s := sentence{info: info, first: first, last: last, headline: isHeadline(info[first:last]), chunks: capitalChunks(info, first, last, sc)}
	for i := first; i < last; i++ {
		t := &info[i]
		w := featWriter{f: sc.feats[(i-first)*maxFeats : (i-first+1)*maxFeats], mask: m.mask}
		flags := t.flags
		if i == first {
			flags |= flSentStart
		}
		if s.headline {
			flags |= flHeadline
		}
		ref := uint32(0)
		if m.cacheIdx != nil {
			ref = t.ref
			if !t.hasRef {
				ref = m.cacheRow(t.word)
			}
		}
		sc.refs[i-first] = ref
		if ref == 0 {
			w.k = m.intrinsic(t, w.f, w.k)
		}
		ctx := flags & contextFlags
		w.add(mix2(tCtxFlag, uint64(ctx), uint64(flags&(flInitCap|flAllCaps|flLower))))
		for b := uint32(0); b < 14; b++ {
			if ctx&(1<<b) != 0 {
				w.add(mix(tFlagBit, uint64(b)))
			}
		}
		if m.lite {
			s.liteFeatures(&w, i, flags)
		} else {
			s.contextFeatures(&w, i, flags)
			s.chunkFeatures(&w, i)
			if t.doc != 0 {
				w.add(mix(tDoc, t.doc))
				w.add(mix2(tDocLower, t.doc, t.lower))
			}
			if len(sc.grp) == len(info) && sc.grp[i].n > 1 {
				s.aggregateFeatures(&w, i, sc)
			}
		}
		sc.nfeats[i-first] = uint8(w.k)
	}
}

// none stands for a missing neighbour in a feature.
const none = 0x5bd1e995

// featWriter fills one token's feature buckets, up to maxFeats.
type featWriter struct {
	f    []uint32
	k    int
	mask uint32
}

func (w *featWriter) add(h uint64) {
	if w.k < maxFeats {
		w.f[w.k] = uint32(h) & w.mask
		w.k++
	}
}

// sentence is the sentence whose features are being written.
type sentence struct {
	info        []tokInfo
	first, last int
	headline    bool
	chunks      []chunk
}

// at returns token i of the sentence, nil outside it.
func (s *sentence) at(i int) *tokInfo {
	if i < s.first || i >= s.last {
		return nil
	}
	return &s.info[i]
}

// around returns the words before the first and after the last token of
// a capitalized chunk, none at the sentence's edges.
func (s *sentence) around(ch chunk) (before, after uint64) {
	before, after = none, none
	if ch.first > s.first {
		before = s.info[ch.first-1].lower
	}
	if ch.last+1 < s.last {
		after = s.info[ch.last+1].lower
	}
	return before, after
}

// liteFeatures are the lite model's features of token i after its flags.
func (s *sentence) liteFeatures(w *featWriter, i int, flags uint32) {
	t := &s.info[i]
	if p := s.at(i - 1); p != nil {
		w.add(mix(tLowerM1, p.lower))
		w.add(mix(tShapeM1, p.shape))
	}
	if p := s.at(i + 1); p != nil {
		w.add(mix(tLowerP1, p.lower))
		w.add(mix(tShapeP1, p.shape))
	}
	if p := s.at(i - 2); p != nil {
		w.add(mix(tLowerM2, p.lower))
	}
	if p := s.at(i + 2); p != nil {
		w.add(mix(tLowerP2, p.lower))
	}
	if p := s.at(i - 1); p != nil {
		w.add(mix2(tBigramM1, p.lower, t.lower))
	}
	if ch := s.chunks[i-s.first]; ch.len > 0 {
		w.add(mix2(tChunkLast, s.info[ch.last].lower, uint64(ch.pos)))
		before, after := s.around(ch)
		w.add(mix2(tChunkBefore, before, uint64(ch.pos)))
		w.add(mix2(tChunkAfter, after, uint64(ch.pos)))
	}
	for b := uint32(0); b < 3*nGaz; b++ {
		if t.gaz&(1<<b) != 0 {
			w.add(mix(tGaz, uint64(b)))
		}
	}
	if flags&flInitCap != 0 {
		w.add(mix2(tCapClass, uint64(t.capc), uint64(flags&contextFlags)))
	}
}

// contextFeatures are the full model's features of token i's words,
// shapes, clusters and gazetteer classes, and of its neighbours'.
func (s *sentence) contextFeatures(w *featWriter, i int, flags uint32) {
	t := &s.info[i]
	lm1, lm2, lp1, lp2 := uint64(none), uint64(none), uint64(none), uint64(none)
	sm1, sp1 := uint64(none), uint64(none)
	var gm1, gp1 uint32
	var cm1, cp1 uint32
	if p := s.at(i - 1); p != nil {
		lm1, sm1, gm1, cm1 = p.lower, p.shape, p.gaz, p.cluster
	}
	if p := s.at(i - 2); p != nil {
		lm2 = p.lower
	}
	if p := s.at(i + 1); p != nil {
		lp1, sp1, gp1, cp1 = p.lower, p.shape, p.gaz, p.cluster
	}
	if p := s.at(i + 2); p != nil {
		lp2 = p.lower
	}
	w.add(mix(tLowerM1, lm1))
	w.add(mix(tLowerM2, lm2))
	w.add(mix(tLowerP1, lp1))
	w.add(mix(tLowerP2, lp2))
	w.add(mix(tShapeM1, sm1))
	w.add(mix(tShapeP1, sp1))
	w.add(mix2(tBigramM1, lm1, t.lower))
	w.add(mix2(tBigramP1, t.lower, lp1))
	w.add(mix2(tShape3, mix2(0, sm1, t.shape), sp1))
	w.add(mix2(tLowerM1Shape, lm1, t.shape))
	if flags&flSentStart != 0 {
		w.add(mix(tStartLower, t.lower))
	}
	if s.headline {
		w.add(mix(tHeadShape, t.shape))
		w.add(mix(tHeadLower, t.lower))
	}
	w.add(mix(tClusterM1, clusterMid(cm1)))
	w.add(mix(tClusterP1, clusterMid(cp1)))
	w.add(mix2(tClusterM1Fine, clusterFine(cm1), uint64(flags&(flInitCap|flAllCaps))))
	for b := uint32(0); b < 3*nGaz; b++ {
		if t.gaz&(1<<b) != 0 {
			w.add(mix(tGaz, uint64(b)))
		}
		if gm1&(1<<b) != 0 {
			w.add(mix(tGazM1, uint64(b)))
		}
		if gp1&(1<<b) != 0 {
			w.add(mix(tGazP1, uint64(b)))
		}
	}
	if flags&flInitCap != 0 {
		w.add(mix2(tCapClass, uint64(t.capc), uint64(flags&contextFlags)))
	}
}

// chunkFeatures are the features of the capitalized chunk that token i
// belongs to, if any.
func (s *sentence) chunkFeatures(w *featWriter, i int) {
	ch := s.chunks[i-s.first]
	if ch.len == 0 {
		return
	}
	pos := uint64(ch.pos)
	w.add(mix2(tChunkLast, s.info[ch.last].lower, pos))
	w.add(mix2(tChunkFirst, s.info[ch.first].lower, pos))
	w.add(mix2(tChunkShape, uint64(min(ch.len, 5)), pos))
	w.add(mix2(tChunkLastCluster, clusterMid(s.info[ch.last].cluster), pos))
	w.add(mix(tChunkLastWord, s.info[ch.last].lower))
	// The words around the whole chunk, seen from each of its tokens:
	// "said" after "Zipmex Global Singapore".
	before, after := s.around(ch)
	w.add(mix2(tChunkBefore, before, pos))
	w.add(mix2(tChunkAfter, after, pos))
	// The cue words of the whole chunk: "Ministry" in "Ministry of
	// Foreign Affairs", seen from "Affairs".
	for c := 0; c < nClasses; c++ {
		if ch.cue&(1<<c) != 0 {
			w.add(mix2(tChunkCue, uint64(c), pos))
		}
	}
}

// aggregateFeatures are the neighbours of the same word's other mentions
// in the document (context aggregation).
func (s *sentence) aggregateFeatures(w *featWriter, i int, sc *scratch) {
	info := s.info
	g := sc.grp[i]
	seen := 0
	for _, j := range sc.occ[g.start : g.start+g.n] {
		if int(j) == i {
			continue
		}
		if seen == maxAggregate {
			break
		}
		seen++
		lm, lp := uint64(none), uint64(none)
		if j > 0 {
			lm = info[j-1].lower
		}
		if int(j)+1 < len(info) {
			lp = info[j+1].lower
		}
		w.add(mix(tAggM1, lm))
		w.add(mix(tAggP1, lp))
		if j > 1 {
			w.add(mix(tAggM2, info[j-2].lower))
		}
		if int(j)+2 < len(info) {
			w.add(mix(tAggP2, info[j+2].lower))
		}
	}
}

// isHeadline reports whether a sentence is mostly written in capitals, as
// wire headlines are ("RUSSIA SAYS TALKS WITH SYRIA WENT WELL").
func isHeadline(info []tokInfo) bool {
	caps, words := 0, 0
	for i := range info {
		if info[i].flags&(flInitCap|flLower) == 0 {
			continue
		}
		words++
		if info[i].flags&flAllCaps != 0 {
			caps++
		}
	}
	return words >= 2 && caps*2 > words
}

// chunk places a token in its run of capitalized words, the likely extent
// of a name: "Vulcanological and Seismological Observatory of Costa Rica".
// Its last word is usually the head that decides the type ("Observatory",
// "Province", "Party").
type chunk struct {
	first, last int   // document token indexes of the run's first and last token
	len         int   // 0: the token is in no run
	pos         uint8 // 0 only token, 1 first, 2 inside, 3 last
	cue         uint8 // cue-word class bits of the chunk's words (cues.go)
}

// connectorHashes are lower-case words that may join capitalized words
// inside a name.
var connectorHashes = func() map[uint64]bool {
	out := map[uint64]bool{}
	for _, w := range []string{"of", "and", "de", "the", "for", "&", "la", "del", "du", "da", "al", "el", "von", "van", "der", "on", "in", "bin", "bint", "ibn"} {
		out[fnvString(w)] = true
	}
	return out
}()

func capitalChunks(info []tokInfo, first, last int, sc *scratch) []chunk {
	n := last - first
	if cap(sc.chunks) < n {
		sc.chunks = make([]chunk, n)
	}
	out := sc.chunks[:n]
	clear(out)
	capital := func(i int) bool { return info[i].flags&(flInitCap|flAllCaps) != 0 }
	for i := first; i < last; {
		if !capital(i) {
			i++
			continue
		}
		j := i
		for j+1 < last {
			if capital(j + 1) {
				j++
				continue
			}
			if j+2 < last && connectorHashes[info[j+1].lower] && info[j+1].flags&flLower != 0 && capital(j+2) {
				j += 2
				continue
			}
			break
		}
		var cue uint8
		for k := i; k <= j; k++ {
			cue |= info[k].cue
		}
		for k := i; k <= j; k++ {
			c := chunk{first: i, last: j, len: j - i + 1, pos: 2, cue: cue}
			switch {
			case i == j:
				c.pos = 0
			case k == i:
				c.pos = 1
			case k == j:
				c.pos = 3
			}
			out[k-first] = c
		}
		i = j + 1
	}
	return out
}
