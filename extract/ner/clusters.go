package ner

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"

	"github.com/factgraph/factgraph/extract/token"
)

// Word clusters are learned from raw news: every frequent word form gets a
// vector of its positive pointwise mutual information with the words just
// before and after it, randomly projected to a few dimensions; spherical
// k-means then splits the words into a three-level hierarchy, much as
// Brown clusters are used in Ratinov and Roth (2009) but in seconds.

// clusterConfig sets the clustering's sizes.
type clusterConfig struct {
	minCount  int   // words seen fewer times are not clustered
	maxWords  int   // at most this many of the most frequent words
	contexts  int   // context words (the most frequent)
	dims      int   // projected dimensions
	branching []int // clusters per level: coarse, mid, fine
	iters     int
	seed      uint64
}

var defaultClusterConfig = clusterConfig{
	minCount: 4, maxWords: 60000, contexts: 1500, dims: 64,
	branching: []int{32, 8, 8}, iters: 8, seed: 7,
}

// buildClusters returns word-hash → packed cluster path for the frequent
// word forms of texts, and those forms, most frequent first: the texts'
// words are counted, ranked, described by their contexts and clustered.
func buildClusters(texts []string, cfg clusterConfig) (map[uint64]uint32, []string) {
	v := countWords(texts)
	order, rank := v.rank()
	nw := 0
	for nw < len(order) && nw < cfg.maxWords && v.counts[order[nw]] >= cfg.minCount {
		nw++
	}
	if nw < cfg.branching[0]*2 {
		return map[uint64]uint32{}, nil
	}
	rng := rand.New(rand.NewPCG(cfg.seed, cfg.seed^0x5eed))
	vecs := contextVectors(contextPairs(v.seq, rank, nw, cfg.contexts), nw, cfg, rng)
	paths := clusterPaths(vecs, nw, cfg, rng)
	out := make(map[uint64]uint32, nw)
	freq := make([]string, nw)
	for r := 0; r < nw; r++ {
		out[fnvString(v.words[order[r]])] = paths[r]
		freq[r] = v.words[order[r]]
	}
	return out, freq
}

// wordCounts are the word forms of a set of texts.
type wordCounts struct {
	words  []string // by id, in order of first appearance
	counts []int    // by id
	seq    []int32  // the texts as ids, -1 between documents and paragraphs
}

// countWords tokenizes texts and counts their word forms.
func countWords(texts []string) wordCounts {
	ids := map[string]int32{}
	var v wordCounts
	for _, text := range texts {
		toks := token.Tokenize(text)
		v.seq = append(v.seq, -1)
		for i, t := range toks {
			if t.BlankLineBefore && i > 0 {
				v.seq = append(v.seq, -1)
			}
			id, ok := ids[t.Text]
			if !ok {
				id = int32(len(v.words))
				ids[t.Text] = id
				v.words = append(v.words, t.Text)
				v.counts = append(v.counts, 0)
			}
			v.counts[id]++
			v.seq = append(v.seq, id)
		}
	}
	v.seq = append(v.seq, -1)
	return v
}

// rank returns the word ids by frequency, most frequent first (ties by
// string, for reproducibility), and each id's place in that order.
func (v *wordCounts) rank() (order, rank []int32) {
	order = make([]int32, len(v.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if v.counts[a] != v.counts[b] {
			return v.counts[b] - v.counts[a]
		}
		if v.words[a] < v.words[b] {
			return -1
		}
		return 1
	})
	rank = make([]int32, len(v.words))
	for r, id := range order {
		rank[id] = int32(r)
	}
	return order, rank
}

// contextPairs counts how often each of the nw most frequent words (by
// rank) follows and precedes each context: one of the contexts most
// frequent words, or the last context, contexts, for any rarer word or a
// boundary. A key is rank<<32 | context, left contexts in [0, contexts+1),
// right ones in [contexts+1, 2(contexts+1)).
func contextPairs(seq, rank []int32, nw, contexts int) map[uint64]int32 {
	nctx := contexts + 1
	ctxOf := func(id int32) int {
		if id < 0 || int(rank[id]) >= contexts {
			return contexts
		}
		return int(rank[id])
	}
	pairs := map[uint64]int32{}
	for i := 1; i+1 < len(seq); i++ {
		id := seq[i]
		if id < 0 || int(rank[id]) >= nw {
			continue
		}
		w := uint64(rank[id])
		pairs[w<<32|uint64(ctxOf(seq[i-1]))]++
		pairs[w<<32|uint64(nctx+ctxOf(seq[i+1]))]++
	}
	return pairs
}

// contextVectors returns the unit vectors, cfg.dims each, of the nw words
// of pairs: their positive pointwise mutual information with each context,
// projected at random (drawn from rng) to cfg.dims dimensions.
func contextVectors(pairs map[uint64]int32, nw int, cfg clusterConfig, rng *rand.Rand) []float32 {
	nctx := cfg.contexts + 1
	ctxTotal := make([]float64, 2*nctx)
	wordTotal := make([]float64, nw)
	total := 0.0
	for k, c := range pairs {
		ctxTotal[k&0xffffffff] += float64(c)
		wordTotal[k>>32] += float64(c)
		total += float64(c)
	}
	proj := make([]float32, 2*nctx*cfg.dims)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([]float32, nw*cfg.dims)
	keys := make([]uint64, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w, c := k>>32, k&0xffffffff
		pmi := math.Log(float64(pairs[k]) * total / (wordTotal[w] * ctxTotal[c]))
		if pmi <= 0 {
			continue
		}
		v := vecs[int(w)*cfg.dims : int(w+1)*cfg.dims]
		p := proj[int(c)*cfg.dims : int(c+1)*cfg.dims]
		for d := range v {
			v[d] += float32(pmi) * p[d]
		}
	}
	for w := 0; w < nw; w++ {
		normalize(vecs[w*cfg.dims : (w+1)*cfg.dims])
	}
	return vecs
}

// clusterPaths splits the nw words of vecs by hierarchical spherical
// k-means, cfg.branching[l] clusters at level l, and returns each word's
// path: at each level, 12 bits holding its cluster+1 (bits 24, 12, 0).
func clusterPaths(vecs []float32, nw int, cfg clusterConfig, rng *rand.Rand) []uint32 {
	members := make([]int, nw)
	for i := range members {
		members[i] = i
	}
	paths := make([]uint32, nw)
	shifts := []uint{24, 12, 0}
	var split func(ms []int, level int)
	split = func(ms []int, level int) {
		if level == len(cfg.branching) {
			return
		}
		k := cfg.branching[level]
		assign := kmeans(vecs, cfg.dims, ms, k, cfg.iters, rng)
		groups := make([][]int, k)
		for i, w := range ms {
			groups[assign[i]] = append(groups[assign[i]], w)
		}
		for c, g := range groups {
			for _, w := range g {
				paths[w] |= uint32(c+1) << shifts[level]
			}
			split(g, level+1)
		}
	}
	split(members, 0)
	return paths
}

func normalize(v []float32) {
	s := float32(0)
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(float64(s)))
	for i := range v {
		v[i] *= inv
	}
}

// kmeans clusters the unit vectors of members into at most k groups by
// cosine similarity and returns each member's group.
func kmeans(vecs []float32, dims int, members []int, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	cent := make([]float32, k*dims)
	// Seed with members spread over the frequency ranking.
	for c := 0; c < k; c++ {
		w := members[(c*len(members))/k+rng.IntN(max(1, len(members)/k))]
		copy(cent[c*dims:(c+1)*dims], vecs[w*dims:(w+1)*dims])
	}
	for it := 0; it < iters; it++ {
		for i, w := range members {
			v := vecs[w*dims : (w+1)*dims]
			best, arg := float32(-2), 0
			for c := 0; c < k; c++ {
				ct := cent[c*dims : (c+1)*dims]
				s := float32(0)
				for d, x := range v {
					s += x * ct[d]
				}
				if s > best {
					best, arg = s, c
				}
			}
			assign[i] = arg
		}
		clear(cent)
		for i, w := range members {
			ct := cent[assign[i]*dims : (assign[i]+1)*dims]
			for d, x := range vecs[w*dims : (w+1)*dims] {
				ct[d] += x
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*dims : (c+1)*dims])
		}
	}
	return assign
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}
