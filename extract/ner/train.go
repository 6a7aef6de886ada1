package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/factgraph/factgraph/extract/ner/internal/corpus"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// TrainConfig says where the training data are and how to train.
type TrainConfig struct {
	// DataDir is the shared data folder (../shared/data), holding
	// conll2003/, en_worldwide_newswire/, gum_wikinews/ and the raw news
	// folders used for word clusters.
	DataDir string
	// Epochs of the averaged perceptron (default 8).
	Epochs int
	// Bits is the log2 of the number of hashed feature rows (default 20).
	Bits uint8
	// Seed fixes the shuffling and the clustering (default 1).
	Seed uint64
	// TwoPass adds a second pass with document-level features.
	TwoPass bool
	// Corpora limits training to some of "conll", "worldwide" and "gum"
	// (default: all three).
	Corpora []string
	// LeaveTune also leaves the En-Worldwide tuning split (corpus.Tune)
	// out of the annotated and the raw text, so that experiments can be
	// scored on it. The committed model is trained with it.
	LeaveTune bool
	// TuneFold, with LeaveTune, names the fold of the En-Worldwide
	// training files (corpus.Fold, 1 to 4) to leave out instead of the
	// tuning split (fold 1), so that a choice can be checked on all four.
	TuneFold int
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

func (c *TrainConfig) defaults() {
	if c.Epochs <= 0 {
		c.Epochs = 8
	}
	if c.Bits == 0 {
		c.Bits = 20
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Train builds a model from the data in cfg.DataDir: CoNLL-2003 train,
// the En-Worldwide files outside the held-out fifth (corpus.HeldOut; and
// outside the tuning split with cfg.LeaveTune) and the GUM train
// documents. Word clusters come from the raw text of those
// documents and of the Reuters-21578, BBC and Worldwide original articles
// (held-out ones excluded). Training is deterministic for a given Seed.
func Train(ctx context.Context, cfg TrainConfig) (*Model, error) {
	cfg.defaults()
	if cfg.Bits < 8 || cfg.Bits > 26 {
		return nil, graph.Errorf(graph.EINVALID, "train: bits must be in 8..26, got %d", cfg.Bits)
	}
	if cfg.TuneFold < 0 || cfg.TuneFold > 4 {
		return nil, graph.Errorf(graph.EINVALID, "train: the tuning fold must be in 1..4, got %d", cfg.TuneFold)
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(cfg.Log, "%6.1fs  %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	docs, err := trainingDocs(cfg.DataDir, cfg.leftFold(), cfg.Corpora...)
	if err != nil {
		return nil, err
	}
	logf("read %d training documents", len(docs))
	raw, err := rawTexts(cfg.DataDir, docs, cfg.leftFold())
	if err != nil {
		return nil, err
	}
	cc := defaultClusterConfig
	cc.seed = cfg.Seed
	clusters, freq := buildClusters(raw, cc)
	logf("clustered %d word forms from %d texts", len(clusters), len(raw))
	proto := newModel(cfg.Bits)
	proto.clusters = clusters
	proto.vocab = freq[:min(len(freq), vocabSize)]
	if proto.gaz, err = buildGazetteer(); err != nil {
		return nil, fmt.Errorf("train: gazetteer: %w", err)
	}
	addCapitals(proto.gaz, capitalClasses(proto, raw))
	logf("gazetteer of %d entries, capitalization classes included", len(proto.gaz))
	set := prepare(proto, docs)
	logf("prepared %d sentences, %d tokens", len(set.sents), set.tokens)
	// Cue words and the lexicon come from the prepared training labels;
	// addLexicon rematches every document's gazetteer bits, cues
	// included.
	addCues(proto, set)
	addLexicon(proto, set)
	logf("gazetteer with cue words and lexicon: %d entries", len(proto.gaz))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	first := trainPass(ctx, proto, set, all(len(set.docs)), cfg, cfg.TwoPass, logf)
	if ctx.Err() != nil || !cfg.TwoPass {
		first.buildCache()
		return first, ctx.Err()
	}
	// Document-level evidence for training the second pass must come from
	// a first pass that did not see the document: two folds.
	var folds [2][]int
	for i := range set.docs {
		folds[i%2] = append(folds[i%2], i)
	}
	for f := 0; f < 2; f++ {
		m := trainPass(ctx, proto, set, folds[f], cfg, true, logf)
		for _, d := range folds[1-f] {
			td := &set.docs[d]
			clearDoc(td.info)
			sc := &scratch{}
			spans := m.tagInfo(td.info, td.sents, sc, nil)
			setDocEvidence(td.info, spans, sc)
		}
	}
	second := trainPass(ctx, proto, set, all(len(set.docs)), cfg, false, logf)
	second.first = first
	second.twoPass = true
	second.buildCache()
	return second, ctx.Err()
}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func clearDoc(info []tokInfo) {
	for i := range info {
		info[i].doc = 0
	}
}

// TrainingDocs reads the annotated training documents under dataDir:
// those of the named corpora ("conll", "worldwide", "gum"), or all.
func TrainingDocs(dataDir string, corpora ...string) ([]corpus.Doc, error) {
	return trainingDocs(dataDir, 0, corpora...)
}

// leftOut reports whether the En-Worldwide document id is kept out of
// training: the held-out fifth always, the tuning split on request.
func leftOut(id string, tuneFold int) bool {
	return corpus.HeldOut(id) || (tuneFold > 0 && corpus.Fold(id) == tuneFold)
}

// leftFold is the En-Worldwide fold that cfg leaves out besides the
// held-out fifth, or 0 for none.
func (c *TrainConfig) leftFold() int {
	switch {
	case !c.LeaveTune:
		return 0
	case c.TuneFold == 0:
		return 1
	}
	return c.TuneFold
}

func trainingDocs(dataDir string, tuneFold int, corpora ...string) ([]corpus.Doc, error) {
	use := map[string]bool{}
	for _, c := range corpora {
		switch c {
		case "conll", "worldwide", "gum":
			use[c] = true
		default:
			return nil, graph.Errorf(graph.EINVALID, "train: unknown corpus %q (want conll, worldwide or gum)", c)
		}
	}
	want := func(c string) bool { return len(use) == 0 || use[c] }
	var docs []corpus.Doc
	if want("conll") {
		conll, err := corpus.ReadCoNLL(filepath.Join(dataDir, "conll2003", "train.txt"), "train")
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "train: read CoNLL-2003: %v", err)
		}
		docs = append(docs, conll...)
	}
	if want("worldwide") {
		ww, err := corpus.ReadWorldwide(filepath.Join(dataDir, "en_worldwide_newswire", "processed_annotated"))
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "train: read En-Worldwide: %v", err)
		}
		for _, d := range ww {
			if !leftOut(d.ID, tuneFold) {
				docs = append(docs, d)
			}
		}
	}
	if want("gum") {
		gum, err := corpus.ReadGUM(filepath.Join(dataDir, "gum_wikinews", "gum_wikinews_entities.jsonl"), "train")
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "train: read GUM: %v", err)
		}
		docs = append(docs, gum...)
	}
	return docs, nil
}

// rawTexts gathers unlabelled text for the word clusters.
func rawTexts(dataDir string, docs []corpus.Doc, tuneFold int) ([]string, error) {
	var out []string
	for _, d := range docs {
		out = append(out, d.Text)
	}
	reuters, err := corpus.ReadJSONLText(filepath.Join(dataDir, "news_raw_reuters21578", "reuters21578.jsonl"), "body", 0)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "train: read Reuters-21578: %v", err)
	}
	bbc, err := corpus.ReadJSONLText(filepath.Join(dataDir, "news_raw_bbc2225", "bbc2225.jsonl"), "text", 0)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "train: read BBC: %v", err)
	}
	origDir := filepath.Join(dataDir, "en_worldwide_newswire", "original_articles")
	names, _ := filepath.Glob(filepath.Join(origDir, "*.txt"))
	slices.Sort(names)
	var keep []string
	for _, n := range names {
		stem := filepath.Base(n)
		stem = stem[:strings.IndexByte(stem, '.')]
		if !leftOut(stem, tuneFold) {
			keep = append(keep, n)
		}
	}
	for _, n := range keep {
		t, err := readFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	out = append(out, reuters...)
	return append(out, bbc...), nil
}

// trainSet is the training data, tokenized and labelled.
type trainSet struct {
	docs   []trainDoc
	sents  []trainSent
	tokens int
}

type trainDoc struct {
	info    []tokInfo
	sents   []token.Sentence
	trainSt []int // indexes into trainSet.sents
}

type trainSent struct {
	doc         int
	first, last int // token indexes in the document
	labels      []uint8
}

// prepare tokenizes each document as Tag will see it, and projects the
// gold spans onto the tokens. Sentences that overlap a Partial span, or in
// which a gold span does not fall on token boundaries, are skipped.
func prepare(m *Model, docs []corpus.Doc) *trainSet {
	set := &trainSet{}
	sc := &scratch{}
	for _, d := range docs {
		toks := token.Tokenize(d.Text)
		sents := token.Sentences(d.Text, toks)
		info := m.prep(toks, sc)
		td := trainDoc{info: slices.Clone(info), sents: sents}
		di := len(set.docs)
		for _, s := range sents {
			labels, ok := project(d, toks, s)
			if !ok {
				continue
			}
			td.trainSt = append(td.trainSt, len(set.sents))
			set.sents = append(set.sents, trainSent{doc: di, first: s.First, last: s.Last, labels: labels})
			set.tokens += s.Last - s.First
		}
		set.docs = append(set.docs, td)
	}
	return set
}

var classOf = map[corpus.Class]int{corpus.Person: classPer, corpus.Place: classLoc, corpus.Org: classOrg, corpus.Misc: classMisc}

func project(d corpus.Doc, toks []token.Token, s token.Sentence) ([]uint8, bool) {
	for _, p := range d.Partial {
		if p.Start < s.End && p.End > s.Start {
			return nil, false
		}
	}
	var spans []span
	for _, g := range d.Spans {
		if g.End <= s.Start || g.Start >= s.End {
			continue
		}
		first, last := -1, -1
		for i := s.First; i < s.Last; i++ {
			if toks[i].Start == g.Start {
				first = i
			}
			if toks[i].End == g.End {
				last = i + 1
			}
		}
		if first < 0 || last <= first {
			return nil, false
		}
		spans = append(spans, span{first - s.First, last - s.First, classOf[g.Class]})
	}
	labels := make([]uint8, s.Last-s.First)
	labelsFromSpans(spans, labels)
	return labels, true
}

// perceptron is an averaged structured perceptron over hashed features.
type perceptron struct {
	w, u          []float32 // weights, and sums of c·update for averaging
	trans, transU []float32
	endW, endU    []float32
	c             float32
}

// vocabSize is the number of frequent words whose intrinsic scores are
// cached.
const vocabSize = 20000

// trainPass trains one model on the documents listed in use; a lite
// model, for a first pass, has fewer context features.
func trainPass(ctx context.Context, proto *Model, set *trainSet, use []int, cfg TrainConfig, lite bool, logf func(string, ...any)) *Model {
	m := newModel(proto.bits)
	m.clusters, m.gaz, m.vocab, m.lite = proto.clusters, proto.gaz, proto.vocab, lite
	// Features per sentence, computed once.
	var order []int
	feats := make([][]uint32, len(set.sents))
	nfeats := make([][]uint8, len(set.sents))
	sc := &scratch{}
	for _, d := range use {
		td := &set.docs[d]
		sc.grp = sc.grp[:0]
		if !lite {
			docGroups(td.info, sc)
		}
		for _, si := range td.trainSt {
			s := &set.sents[si]
			m.features(td.info, s.first, s.last, sc)
			n := s.last - s.first
			var fl []uint32
			for t := 0; t < n; t++ {
				fl = append(fl, sc.feats[t*maxFeats:t*maxFeats+int(sc.nfeats[t])]...)
			}
			feats[si], nfeats[si] = fl, slices.Clone(sc.nfeats)
			order = append(order, si)
		}
	}
	trans, endW := constraintTables()
	p := &perceptron{
		w: make([]float32, len(m.idx)*nLabels), u: make([]float32, len(m.idx)*nLabels),
		trans: trans, transU: make([]float32, len(trans)),
		endW: endW, endU: make([]float32, len(endW)),
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xfeed))
	for ep := 0; ep < cfg.Epochs && ctx.Err() == nil; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, si := range order {
			p.c++
			errs += p.learn(set.sents[si].labels, feats[si], nfeats[si], sc)
			toks += len(set.sents[si].labels)
		}
		logf("pass over %d docs, epoch %d: %.2f%% token errors", len(use), ep+1, 100*float64(errs)/float64(max(toks, 1)))
	}
	p.finish(m)
	m.temp = calibrate(m, set, use, sc)
	return m
}

// learn decodes one sentence and updates on its errors; it returns the
// number of wrong labels.
func (p *perceptron) learn(gold []uint8, feats []uint32, nfeats []uint8, sc *scratch) int {
	n := len(gold)
	if cap(sc.scores) < n*nLabels {
		sc.scores = make([]float32, n*nLabels)
	}
	sc.scores = sc.scores[:n*nLabels]
	off := 0
	for t := 0; t < n; t++ {
		e := sc.scores[t*nLabels : (t+1)*nLabels]
		clear(e)
		for _, b := range feats[off : off+int(nfeats[t])] {
			row := p.w[int(b)*nLabels : int(b)*nLabels+nLabels]
			for l := range e {
				e[l] += row[l]
			}
		}
		off += int(nfeats[t])
	}
	pred := viterbi(n, sc, p.trans, p.endW)
	errs := 0
	off = 0
	for t := 0; t < n; t++ {
		nf := int(nfeats[t])
		g, q := int(gold[t]), int(pred[t])
		if g != q {
			errs++
			for _, b := range feats[off : off+nf] {
				i := int(b) * nLabels
				p.w[i+g]++
				p.u[i+g] += p.c
				p.w[i+q]--
				p.u[i+q] -= p.c
			}
		}
		off += nf
		gp, qp := startRow, startRow
		if t > 0 {
			gp, qp = int(gold[t-1]), int(pred[t-1])
		}
		if gp != qp || g != q {
			p.trans[gp*nLabels+g]++
			p.transU[gp*nLabels+g] += p.c
			p.trans[qp*nLabels+q]--
			p.transU[qp*nLabels+q] -= p.c
		}
	}
	if g, q := int(gold[n-1]), int(pred[n-1]); g != q {
		p.endW[g]++
		p.endU[g] += p.c
		p.endW[q]--
		p.endU[q] -= p.c
	}
	return errs
}

// finish averages the weights and quantizes them into m.
func (p *perceptron) finish(m *Model) {
	inv := 1 / p.c
	maxAbs := float32(0)
	for i, w := range p.w {
		a := w - p.u[i]*inv
		p.w[i] = a
		maxAbs = max(maxAbs, float32(math.Abs(float64(a))))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	m.scale = maxAbs / 32767
	dense := make([]int16, len(p.w))
	for i, a := range p.w {
		dense[i] = int16(math.Round(float64(a / m.scale)))
	}
	m.setDense(dense)
	for i, t := range p.trans {
		if t > negInf/2 {
			m.trans[i] = t - p.transU[i]*inv
		} else {
			m.trans[i] = negInf
		}
	}
	for i, t := range p.endW {
		if t > negInf/2 {
			m.endW[i] = t - p.endU[i]*inv
		} else {
			m.endW[i] = negInf
		}
	}
}

// calibrate picks the temperature at which the median span margin on
// training sentences maps to a confidence of 0.9.
func calibrate(m *Model, set *trainSet, use []int, sc *scratch) float32 {
	var margins []float64
	for k, d := range use {
		if k%10 != 0 {
			continue
		}
		td := &set.docs[d]
		sc.grp = sc.grp[:0]
		if !m.lite {
			docGroups(td.info, sc)
		}
		for _, s := range td.sents {
			m.features(td.info, s.First, s.Last, sc)
			m.emissions(s.Last-s.First, sc)
			labels := m.viterbi(s.Last-s.First, sc)
			for _, sp := range spansFromLabels(labels, nil) {
				margins = append(margins, float64(m.margin(sc, labels, sp)))
			}
		}
	}
	if len(margins) == 0 {
		return 1
	}
	slices.Sort(margins)
	med := margins[len(margins)/2]
	if med <= 0 {
		return 1
	}
	return float32(med / math.Log(10))
}
