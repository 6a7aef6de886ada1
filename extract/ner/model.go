package ner

import (
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Span is an entity mention found by the tagger: tokens [First, Last) of
// the slice given to Tag.
type Span struct {
	First, Last int // token indexes, Last exclusive
	Type        graph.EntityType
	// Score is a confidence in [0, 1]: a logistic of the smallest margin
	// by which the span's labels beat their best alternatives.
	Score float64
}

// Model is a trained tagger. It is immutable after loading and safe for
// concurrent use.
type Model struct {
	bits  uint8
	mask  uint32
	scale float32 // weight = int16 * scale
	// idx maps each of the 1<<bits feature buckets to its row of rows;
	// row 0 is all zeros and stands for every bucket without weights. Two
	// small arrays keep more of the model in cache than one dense table.
	idx   []uint32
	rows  []int16   // nLabels weights per row
	trans []float32 // (nLabels+1) x nLabels, row startRow is the start
	endW  []float32 // per label, score for ending a sentence
	// temp turns margins into confidences.
	temp float32
	// twoPass: the model was trained with document-level features, so
	// Tag runs a second pass with them.
	twoPass bool
	// clusters maps a word hash (exact, title-case or lower-case form) to
	// its packed cluster path.
	clusters map[uint64]uint32
	// gaz maps a lower-case word hash to gazetteer bits.
	gaz map[uint64]uint32
	// first is the first-pass model of a two-pass model, nil otherwise.
	first *Model
	// lite: a first-pass model with fewer, cheaper context features.
	lite bool
	// vocab lists frequent words whose intrinsic feature scores are summed
	// once, at load, into cacheVec (see cache.go).
	vocab    []string
	cacheIdx map[uint64]uint32 // word hash → row of cacheVec; nil: no cache
	cacheVec []int32           // row 0 is zeros
	// Fast copies of clusters, gaz and cacheIdx for tagging, built by
	// index; nil until then, and the maps are read instead.
	clusterT, gazT, cacheT *wordTable

	pool sync.Pool
}

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = readModel(embedded)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded entity model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// Tag finds the person, place and organization names of one document,
// given its tokens and sentences (from package token). Entities never
// cross sentence boundaries. The result is ordered by First.
func (m *Model) Tag(toks []token.Token, sents []token.Sentence) []Span {
	if len(toks) == 0 {
		return nil
	}
	sc := m.getScratch()
	defer m.pool.Put(sc)
	info := m.prep(toks, sc)
	sents = splitTables(toks, sents, sc)
	softWraps(toks, info, sents)
	var out []Span
	if m.first != nil {
		// Two passes: the first model's labels become document-level
		// evidence for the second.
		sc.grp = sc.grp[:0]
		sc.first = m.first.tagInfo(info, sents, sc, sc.first[:0])
		setDocEvidence(info, sc.first, sc)
	}
	if !m.lite {
		docGroups(info, sc)
	}
	out = m.tagInfo(info, sents, sc, out)
	cueHeads(info, out)
	trimWeekdays(info, out)
	out = consistent(toks, info, out, sc)
	gazetteerPlaces(info, out)
	out = acronyms(toks, out)
	out = reutersSignOff(toks, out)
	out = dropMisc(out)
	seatsToOrganizations(toks, out)
	return out
}

// softWraps clears the line-start flag of tokens that a line break
// separates from the rest of their sentence in hard-wrapped prose
// ("Minister Gad\nYaacobi said"): the training text has a line per
// sentence, so the tagger reads a line start as a sentence start and would
// cut the name. Pre-tokenized text keeps its line starts.
func softWraps(toks []token.Token, info []tokInfo, sents []token.Sentence) {
	if token.Pretokenized(toks) {
		return
	}
	for _, s := range sents {
		for i := s.First + 1; i < s.Last && i < len(info); i++ {
			if token.SoftBreak(toks, i) {
				info[i].flags &^= flLineStart
			}
		}
	}
}

// tableGap is the run of spaces inside a line, in code points, from which
// two tokens are in different columns of a table and no name spans them.
const tableGap = 3

// splitTables cuts sentences at table column gaps ("Natl   Loan   Release").
func splitTables(toks []token.Token, sents []token.Sentence, sc *scratch) []token.Sentence {
	out := sc.segs[:0]
	for _, s := range sents {
		if s.First < 0 || s.Last > len(toks) || s.First >= s.Last {
			continue
		}
		first := s.First
		for i := s.First + 1; i < s.Last; i++ {
			if !toks[i].NewlineBefore && toks[i].Start-toks[i-1].End >= tableGap {
				out = append(out, token.Sentence{First: first, Last: i, Start: toks[first].Start, End: toks[i-1].End})
				first = i
			}
		}
		out = append(out, token.Sentence{First: first, Last: s.Last, Start: toks[first].Start, End: toks[s.Last-1].End})
	}
	sc.segs = out
	return out
}

// tagInfo decodes each sentence and appends the spans found, Misc included.
func (m *Model) tagInfo(info []tokInfo, sents []token.Sentence, sc *scratch, out []Span) []Span {
	for _, s := range sents {
		if s.First < 0 || s.Last > len(info) || s.First >= s.Last {
			continue
		}
		n := s.Last - s.First
		m.features(info, s.First, s.Last, sc)
		m.emissions(n, sc)
		labels := m.viterbi(n, sc)
		sc.spans = spansFromLabels(labels, sc.spans[:0])
		for _, sp := range sc.spans {
			out = append(out, Span{
				First: s.First + sp.first, Last: s.First + sp.last,
				Type: classTypes[sp.class], Score: m.confidence(sc, labels, sp),
			})
			if sp.class == classMisc {
				out[len(out)-1].Type = miscType
			}
		}
	}
	return out
}

// miscType marks Misc spans inside the package; Tag drops them.
const miscType graph.EntityType = "misc"

func dropMisc(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Type != miscType {
			out = append(out, s)
		}
	}
	return out
}

// emissions fills sc.scores (n x nLabels) from the features in sc.feats.
func (m *Model) emissions(n int, sc *scratch) {
	if cap(sc.scores) < n*nLabels {
		sc.scores = make([]float32, n*nLabels)
	}
	sc.scores = sc.scores[:n*nLabels]
	var acc [nLabels]int32
	var rowOf [maxFeats]uint32
	idx, rows := m.idx, m.rows
	for t := 0; t < n; t++ {
		cv := (*[nLabels]int32)(m.cacheVec[int(sc.refs[t])*nLabels:])
		for l := range acc {
			acc[l] = cv[l] // a loop, not copy: no memmove call for 17 words
		}
		f := sc.feats[t*maxFeats : t*maxFeats+int(sc.nfeats[t])]
		// Gather the row numbers first: the loads are independent, so
		// the memory system serves them together, and the rows' loads
		// below no longer wait on them one by one.
		k := 0
		for _, b := range f {
			if r := idx[b]; r != 0 {
				rowOf[k] = r
				k++
			}
		}
		for _, r := range rowOf[:k] {
			row := (*[nLabels]int16)(rows[int(r)*nLabels:])
			for l := range acc {
				acc[l] += int32(row[l])
			}
		}
		out := sc.scores[t*nLabels : t*nLabels+nLabels]
		for l := range acc {
			out[l] = float32(acc[l]) * m.scale
		}
	}
}

// viterbi returns the best valid BILOU labelling given sc.scores.
func (m *Model) viterbi(n int, sc *scratch) []uint8 {
	return viterbi(n, sc, m.trans, m.endW)
}

func viterbi(n int, sc *scratch, trans, endW []float32) []uint8 {
	if cap(sc.back) < n*nLabels {
		sc.back = make([]uint8, n*nLabels)
		sc.labels = make([]uint8, n)
	}
	sc.back, sc.labels = sc.back[:n*nLabels], sc.labels[:n]
	var prev, cur [nLabels]float32
	for l := 0; l < nLabels; l++ {
		prev[l] = sc.scores[l] + trans[startRow*nLabels+l]
	}
	tr := (*[nLabels * (nLabels + 1)]float32)(trans)
	// Only BILOU-allowed predecessors are tried (the others score
	// negInf), in predecessors' order: O, B and U follow any of the
	// closed labels, whose transitions are gathered into rows here; I
	// and L follow the B or I of their class.
	var trC [nLabels][nClosed]float32
	for l := 0; l < nLabels; l++ {
		if afterClosed[l] {
			for k, p := range closedLabels {
				trC[l][k] = tr[int(p)*nLabels+l]
			}
		}
	}
	for t := 1; t < n; t++ {
		e := (*[nLabels]float32)(sc.scores[t*nLabels : t*nLabels+nLabels])
		bk := (*[nLabels]uint8)(sc.back[t*nLabels : t*nLabels+nLabels])
		var pc [nClosed]float32
		for k, p := range closedLabels {
			pc[k] = prev[p]
		}
		for l := 0; l < nLabels; l++ {
			best, arg := negInf*2, 0
			if afterClosed[l] {
				row := &trC[l]
				for k := range pc {
					if v := pc[k] + row[k]; v > best {
						best, arg = v, int(closedLabels[k])
					}
				}
			} else {
				for _, p := range openPreds[l] {
					if v := prev[p] + tr[int(p)*nLabels+l]; v > best {
						best, arg = v, int(p)
					}
				}
			}
			cur[l] = best + e[l]
			bk[l] = uint8(arg)
		}
		prev = cur
	}
	best, arg := negInf*2, 0
	for l := 0; l < nLabels; l++ {
		if v := prev[l] + endW[l]; v > best {
			best, arg = v, l
		}
	}
	for t := n - 1; t >= 0; t-- {
		sc.labels[t] = uint8(arg)
		arg = int(sc.back[t*nLabels+arg])
	}
	return sc.labels
}

// margin is how much better the decoded path scores with the span than
// with O labels in its place, transitions in and out included. It is never
// negative: Viterbi preferred the span.
func (m *Model) margin(sc *scratch, labels []uint8, sp span) float32 {
	prev := startRow
	if sp.first > 0 {
		prev = int(labels[sp.first-1])
	}
	with := m.trans[prev*nLabels+int(labels[sp.first])]
	without := m.trans[prev*nLabels+labelO]
	for t := sp.first; t < sp.last; t++ {
		e := sc.scores[t*nLabels : t*nLabels+nLabels]
		with += e[labels[t]]
		without += e[labelO]
		if t > sp.first {
			with += m.trans[int(labels[t-1])*nLabels+int(labels[t])]
			without += m.trans[labelO*nLabels+labelO]
		}
	}
	last := int(labels[sp.last-1])
	if sp.last < len(labels) {
		next := int(labels[sp.last])
		with += m.trans[last*nLabels+next]
		without += m.trans[labelO*nLabels+next]
	} else {
		with += m.endW[last]
		without += m.endW[labelO]
	}
	return max(with-without, 0)
}

// confidence maps a span's margin to [0, 1): 1 - exp(-margin/temp), where
// training set temp so that the median span of the training data scores
// 0.9.
func (m *Model) confidence(sc *scratch, labels []uint8, sp span) float64 {
	temp := m.temp
	if temp <= 0 {
		temp = 1
	}
	return 1 - math.Exp(-float64(m.margin(sc, labels, sp)/temp))
}

// predecessors lists, for each label, the labels that may precede it.
var predecessors = func() (out [nLabels][]uint8) {
	for b := 0; b < nLabels; b++ {
		for a := 0; a < nLabels; a++ {
			if allowed(a, b) {
				out[b] = append(out[b], uint8(a))
			}
		}
	}
	return out
}()

// nClosed is the number of closed labels: O, and L and U of each class.
const nClosed = 1 + 2*nClasses

// closedLabels are the labels after which a new span or O may follow, in
// ascending order; afterClosed marks the labels that follow exactly
// them, and openPreds lists the two predecessors (B and I of the class) of
// the others. viterbi relies on this shape of predecessors, checked here.
var (
	closedLabels [nClosed]uint8
	afterClosed  [nLabels]bool
	openPreds    [nLabels][2]uint8
	_            = func() bool {
		if copy(closedLabels[:], predecessors[labelO]) != nClosed || len(predecessors[labelO]) != nClosed {
			panic("ner: unexpected predecessors of O")
		}
		for l := 0; l < nLabels; l++ {
			switch ps := predecessors[l]; {
			case string(ps) == string(closedLabels[:]):
				afterClosed[l] = true
			case len(ps) == 2:
				copy(openPreds[l][:], ps)
			default:
				panic("ner: unexpected BILOU predecessors")
			}
		}
		return true
	}()
)

// transitions returns the hard BILOU constraints as a transition table and
// end vector: 0 where allowed, negInf where not.
func constraintTables() (trans, endW []float32) {
	trans = make([]float32, (nLabels+1)*nLabels)
	endW = make([]float32, nLabels)
	for a := 0; a <= nLabels; a++ {
		for b := 0; b < nLabels; b++ {
			if !allowed(a, b) {
				trans[a*nLabels+b] = negInf
			}
		}
	}
	for a := 0; a < nLabels; a++ {
		if !allowed(a, labelEnd) {
			endW[a] = negInf
		}
	}
	return trans, endW
}

// setDense packs a dense table of (1<<bits) x nLabels weights into idx
// and rows.
func (m *Model) setDense(dense []int16) {
	n := 0
	for b := range m.idx {
		if !zeroRow(dense[b*nLabels : (b+1)*nLabels]) {
			n++
		}
	}
	m.rows = make([]int16, (n+1)*nLabels)
	r := 1
	for b := range m.idx {
		row := dense[b*nLabels : (b+1)*nLabels]
		if zeroRow(row) {
			m.idx[b] = 0
			continue
		}
		m.idx[b] = uint32(r)
		copy(m.rows[r*nLabels:], row)
		r++
	}
}

// row returns the weights of feature bucket b.
func (m *Model) row(b int) []int16 {
	r := int(m.idx[b]) * nLabels
	return m.rows[r : r+nLabels]
}
