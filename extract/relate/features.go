package relate

import (
	"sort"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Candidate is an ordered pair of entities that might be related: indexes
// into the entities given to Candidates, the features that describe the
// pair, and the span that would be the evidence of a relation.
type Candidate struct {
	Subj, Obj int
	feats     []uint32
	// Ev is the evidence: from the first to the last of the closest pair
	// of mentions in one sentence, or the subject's first mention for a
	// pair that shares no sentence.
	Ev graph.Mention
}

// maxBetween bounds the tokens between two mentions read word by word;
// longer gaps are read by their first and last few tokens.
const maxBetween = 8

// docPlaces is how many of the most mentioned places each person or
// organization is paired with when they share no sentence.
const docPlaces = 3

// pairCtx is the closest pair of mentions of two entities in one sentence.
type pairCtx struct {
	a, b   int // entity indexes, a's mention first
	ma, mb graph.Mention
	gap    int // code points between them
	sents  int // sentences the two share
}

// related reports whether a relation predicate carries information for the
// reader: co-occurrence and event relations say nothing the words do not.
func related(pred string) bool {
	return pred != graph.MentionedWith && pred != graph.Met && pred != graph.ParticipantIn
}

// offsets maps code point offsets of a text to byte offsets; nil when the
// text is ASCII and they agree.
type offsets []int32

func newOffsets(text string) offsets {
	if len(text) == utf8.RuneCountInString(text) {
		return nil
	}
	o := make(offsets, 0, len(text)+1)
	for i := range text {
		o = append(o, int32(i))
	}
	return append(o, int32(len(text)))
}

func (o offsets) byteAt(cp int) int {
	if o == nil {
		return cp
	}
	if cp >= len(o) {
		return int(o[len(o)-1])
	}
	return int(o[cp])
}

// Candidates lists the candidate pairs of a document's entities with their
// features; rels are the relations the rules read (co-occurrence and event
// relations are ignored). The entities' mentions must carry sentence
// indexes and code point offsets into text.
func Candidates(text string, ents []*graph.Entity, rels []*graph.Relation) []Candidate {
	var out []Candidate
	candidates(text, ents, rels, func(c Candidate) {
		c.feats = append([]uint32(nil), c.feats...)
		out = append(out, c)
	})
	return out
}

// candidates calls fn with each candidate of Candidates; the features are
// valid only during the call. Pairs named in one sentence come first, by
// entity index, then people and organizations with the document's main
// places that they share no sentence with.
func candidates(text string, ents []*graph.Entity, rels []*graph.Relation, fn func(Candidate)) {
	d := docPairs{text: text, off: newOffsets(text), ents: ents, rules: indexRules(ents, rels), fn: fn}
	pairs := closestPairs(ents)
	var places []int
	places, d.rank = placeRanks(ents)
	keys := make([]pairKey, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		d.sentencePair(pairs[k])
	}
	for i, e := range ents {
		if e.Type != graph.Person && e.Type != graph.Organization || len(e.Mentions) == 0 {
			continue
		}
		for _, p := range places[:min(docPlaces, len(places))] {
			if pairs[pairKey{min(i, p), max(i, p)}] == nil {
				d.unsharedPlace(i, p)
			}
		}
	}
}

// pairKey is a pair of entity indexes: ordered (subject, object) in
// ruleIndex, lower first in the pairs of closestPairs.
type pairKey [2]int

// ruleIndex holds the predicates of the rules' relations (those that
// carry information: related) by ordered pair and by subject.
type ruleIndex struct {
	of   map[pairKey][]string
	from map[int][]string
}

// indexRules indexes rels, the rules' relations, by the indexes of their
// entities in ents.
func indexRules(ents []*graph.Entity, rels []*graph.Relation) ruleIndex {
	idx := make(map[string]int, len(ents))
	for i, e := range ents {
		idx[e.ID] = i
	}
	ri := ruleIndex{of: map[pairKey][]string{}, from: map[int][]string{}}
	for _, r := range rels {
		if !related(r.Predicate) {
			continue
		}
		s, ok1 := idx[r.Subject]
		o, ok2 := idx[r.Object]
		if !ok1 || !ok2 {
			continue
		}
		ri.of[pairKey{s, o}] = append(ri.of[pairKey{s, o}], r.Predicate)
		ri.from[s] = append(ri.from[s], r.Predicate)
	}
	return ri
}

// closestPairs returns, for each pair of readable entities (lower index
// first) that two mentions of one sentence name, the closest such pair of
// mentions and the number of sentences the two share.
func closestPairs(ents []*graph.Entity) map[pairKey]*pairCtx {
	type sentMention struct {
		e int
		m graph.Mention
	}
	bySent := map[int][]sentMention{}
	for i, e := range ents {
		if !readable(e.Type) {
			continue
		}
		for _, m := range e.Mentions {
			bySent[m.Sentence] = append(bySent[m.Sentence], sentMention{i, m})
		}
	}
	sents := make([]int, 0, len(bySent))
	for s, ms := range bySent {
		if len(ms) > 1 {
			sents = append(sents, s)
		}
	}
	sort.Ints(sents) // the closest pair of mentions is the first of equals: training is deterministic
	pairs := map[pairKey]*pairCtx{}
	seen := map[pairKey]int{} // last sentence counted
	for _, s := range sents {
		ms := bySent[s]
		sort.Slice(ms, func(i, j int) bool {
			return ms[i].m.Start < ms[j].m.Start || ms[i].m.Start == ms[j].m.Start && ms[i].e < ms[j].e
		})
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				x, y := ms[i], ms[j]
				if x.e == y.e || y.m.Start < x.m.End {
					continue
				}
				k := pairKey{min(x.e, y.e), max(x.e, y.e)}
				gap := y.m.Start - x.m.End
				p := pairs[k]
				if p == nil {
					p = &pairCtx{gap: -1}
					pairs[k] = p
				}
				if last, ok := seen[k]; !ok || last != s {
					seen[k] = s
					p.sents++
				}
				if p.gap < 0 || gap < p.gap {
					p.a, p.b, p.ma, p.mb, p.gap = x.e, y.e, x.m, y.m, gap
				}
			}
		}
	}
	return pairs
}

// placeRanks returns the indexes of the places of ents, most mentioned
// first, and the rank of each in that order.
func placeRanks(ents []*graph.Entity) ([]int, map[int]int) {
	var places []int
	for i, e := range ents {
		if e.Type == graph.Place {
			places = append(places, i)
		}
	}
	sort.SliceStable(places, func(i, j int) bool { return len(ents[places[i]].Mentions) > len(ents[places[j]].Mentions) })
	rank := map[int]int{}
	for r, p := range places {
		rank[p] = r
	}
	return places, rank
}

// docPairs is a document as candidates describes its pairs: its text and
// entities, what the rules read of them, the places' ranks, and the
// featurizer whose features fn is given.
type docPairs struct {
	text  string
	off   offsets
	ents  []*graph.Entity
	rules ruleIndex
	rank  map[int]int // place → its rank by mentions
	f     featurizer
	fn    func(Candidate)
}

// span returns the text of code points [start, end).
func (d *docPairs) span(start, end int) string {
	return d.text[d.off.byteAt(start):d.off.byteAt(end)]
}

// sentencePair calls fn with the candidates of p, the closest mentions of
// two entities in one sentence: one for each direction that some
// predicate could relate.
func (d *docPairs) sentencePair(p *pairCtx) {
	text, off := d.text, d.off
	between, before, after := tokens(text[off.byteAt(p.ma.End):off.byteAt(p.mb.Start)]), lastTokens(text[:off.byteAt(p.ma.Start)]), firstTokens(text[off.byteAt(p.mb.End):])
	ev := graph.Mention{Sentence: p.ma.Sentence, Start: p.ma.Start, End: p.mb.End, Text: d.span(p.ma.Start, p.mb.End)}
	for _, dir := range [2]bool{true, false} {
		s, o, sm, om := p.a, p.b, p.ma, p.mb
		if !dir {
			s, o, sm, om = p.b, p.a, p.mb, p.ma
		}
		if !pairable(d.ents[s].Type, d.ents[o].Type) {
			continue
		}
		d.f.start(d.ents[s], d.ents[o], dir)
		d.f.sentence(between, before, after, p.gap, p.sents)
		d.f.surface(d.span(sm.Start, sm.End), d.span(om.Start, om.End))
		d.context(s, o)
		d.fn(Candidate{Subj: s, Obj: o, feats: d.f.feats, Ev: ev})
	}
}

// unsharedPlace calls fn with the candidate of entity i, a person or an
// organization, and place p, which share no sentence.
func (d *docPairs) unsharedPlace(i, p int) {
	e := d.ents[i]
	d.f.start(e, d.ents[p], true)
	d.f.add(hs(hs(fnvBasis, "nosent"), string(e.Type)))
	m := d.ents[p].Mentions[0]
	d.f.surface("", d.span(m.Start, m.End))
	d.context(i, p)
	ev := e.Mentions[0]
	ev.Document, ev.Entity = "", ""
	d.fn(Candidate{Subj: i, Obj: p, feats: d.f.feats, Ev: ev})
}

// context adds the features of what the rules read of subject s and
// object o.
func (d *docPairs) context(s, o int) {
	d.f.context(d.ents[s], d.ents[o], d.rank, s, o, d.rules.of[pairKey{s, o}], d.rules.of[pairKey{o, s}], d.rules.from[s])
}

// readable are the types the reader relates.
func readable(t graph.EntityType) bool {
	return t == graph.Person || t == graph.Organization || t == graph.Place
}

// pairable says whether some predicate could relate a subject of type s to
// an object of type o.
func pairable(s, o graph.EntityType) bool {
	for _, l := range labels {
		if l.fits(s, o) {
			return true
		}
	}
	return false
}

// featurizer collects the hashed features of one candidate.
type featurizer struct {
	feats []uint32
	dir   uint32 // hash of the pair's types and order, conjoined with the words
}

func (f *featurizer) add(h uint32) { f.feats = append(f.feats, h) }

func (f *featurizer) start(s, o *graph.Entity, subjFirst bool) {
	f.feats = f.feats[:0]
	f.add(hs(fnvBasis, "bias"))
	tp := hs(hs(hs(fnvBasis, "tp"), string(s.Type)), string(o.Type))
	f.add(tp)
	d := "sf"
	if !subjFirst {
		d = "of"
	}
	f.dir = hs(tp, d)
	f.add(f.dir)
	if o.Location != nil {
		f.add(hs(tp, "ogaz"))
	}
}

// sentence adds the words between, before and after the closest mentions.
func (f *featurizer) sentence(between, before, after []string, gap, sents int) {
	f.add(hs(f.dir, "gap"+bucket(len(between))))
	f.add(hs(fnvBasis, "co"+bucket(sents)))
	if len(between) <= maxBetween {
		seq := hs(f.dir, "seq")
		for _, t := range between {
			f.add(hs(hs(f.dir, "bw"), t))
			f.add(hs(hs(fnvBasis, "bw"), t))
			seq = hs(hs(seq, " "), t)
		}
		if len(between) <= 4 {
			f.add(seq)
		}
	} else {
		f.add(hs(f.dir, "long"))
	}
	if n := len(between); n > 0 {
		f.add(hs(hs(f.dir, "bf"), between[0]))
		f.add(hs(hs(f.dir, "bl"), between[n-1]))
		if n > 1 {
			f.add(hs(hs(hs(f.dir, "bf2"), between[0]), between[1]))
			f.add(hs(hs(hs(f.dir, "bl2"), between[n-2]), between[n-1]))
		}
	}
	for i, t := range before {
		f.add(hs(hs(f.dir, "p"+string(rune('0'+i))), t))
	}
	for i, t := range after {
		f.add(hs(hs(f.dir, "n"+string(rune('0'+i))), t))
	}
}

// surface adds the mentions' own words: a nationality word ("German") or
// the country's name, a possessive.
func (f *featurizer) surface(subj, obj string) {
	if obj != "" {
		f.add(hs(hs(f.dir, "om"), token.LowerASCII(obj)))
		if r, _ := utf8.DecodeLastRuneInString(obj); r == 'n' || r == 'h' || r == 'e' || r == 'i' {
			f.add(hs(hs(f.dir, "oend"), obj[len(obj)-min(len(obj), 2):]))
		}
	}
	if subj != "" {
		f.add(hs(hs(f.dir, "sl"), token.LowerASCII(lastWord(subj))))
	}
}

// context adds what the document says of the pair beyond one sentence:
// the rules' relations, the subject's roles, how often each is named.
func (f *featurizer) context(s, o *graph.Entity, rank map[int]int, si, oi int, fwd, rev, from []string) {
	tp := hs(hs(hs(fnvBasis, "tp"), string(s.Type)), string(o.Type))
	if len(fwd) == 0 && len(rev) == 0 {
		f.add(hs(tp, "norule"))
	}
	for _, p := range fwd {
		f.add(hs(hs(fnvBasis, "rf"), p))
	}
	for _, p := range rev {
		f.add(hs(hs(fnvBasis, "rr"), p))
	}
	for _, p := range from {
		f.add(hs(hs(tp, "from"), p))
	}
	for _, r := range s.Roles {
		w := token.LowerASCII(lastWord(r.Title))
		f.add(hs(hs(tp, "role"), w))
		if r.Of == o.ID {
			f.add(hs(hs(tp, "roleof"), w))
		}
	}
	if r, ok := rank[oi]; ok {
		f.add(hs(tp, "orank"+bucket(r)))
	}
	if r, ok := rank[si]; ok {
		f.add(hs(tp, "srank"+bucket(r)))
	}
	f.add(hs(tp, "smc"+bucket(len(s.Mentions))))
	f.add(hs(tp, "omc"+bucket(len(o.Mentions))))
}

func bucket(n int) string {
	switch {
	case n < 4:
		return string(rune('0' + n))
	case n < 6:
		return "4"
	case n < 9:
		return "6"
	}
	return "9"
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

// tokens splits text into lower-case words and single punctuation marks;
// "'s" is one token.
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r':
			i += n
		case wordRune(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !wordRune(r2) && r2 != '-' {
					break
				}
				j += n2
			}
			out = append(out, token.LowerASCII(s[i:j]))
			i = j
		case (r == '\'' || r == '’') && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && (i+n+1 == len(s) || !wordRune(rune(s[i+n+1]))):
			out = append(out, "'s")
			i += n + 1
		default:
			out = append(out, s[i:i+n])
			i += n
		}
		if len(out) > 64 {
			// only the first and last few are read; keep the last ones
			out = append(out[:maxBetween], out[len(out)-maxBetween:]...)
		}
	}
	return out
}

func wordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '’' && r != '“' && r != '”' && r != '–' && r != '—'
}

// lastTokens returns up to two tokens at the end of s, nearest last.
func lastTokens(s string) []string {
	t := tokens(s[max(0, len(s)-40):])
	if len(t) > 2 {
		t = t[len(t)-2:]
	}
	if len(t) == 2 {
		t[0], t[1] = t[1], t[0]
	}
	return t
}

// firstTokens returns up to two tokens at the start of s.
func firstTokens(s string) []string {
	t := tokens(s[:min(len(s), 40)])
	return t[:min(2, len(t))]
}

const fnvBasis uint32 = 2166136261

// hs continues an FNV-1a hash with s and a separator.
func hs(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	h ^= 0xff
	h *= 16777619
	return h
}
