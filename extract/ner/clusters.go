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
// word forms of texts, and those forms, most frequent first.
func buildClusters(texts []string, cfg clusterConfig) (map[uint64]uint32, []string) {
	ids := map[string]int32{}
	var words []string
	var counts []int
	var seq []int32 // token ids, -1 between documents and sentences
	for _, text := range texts {
		toks := token.Tokenize(text)
		seq = append(seq, -1)
		for i, t := range toks {
			if t.BlankLineBefore && i > 0 {
				seq = append(seq, -1)
			}
			id, ok := ids[t.Text]
			if !ok {
				id = int32(len(words))
				ids[t.Text] = id
				words = append(words, t.Text)
				counts = append(counts, 0)
			}
			counts[id]++
			seq = append(seq, id)
		}
	}
	seq = append(seq, -1)
	// Rank words by frequency (ties by string, for reproducibility).
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		if words[a] < words[b] {
			return -1
		}
		return 1
	})
	rank := make([]int32, len(words))
	for r, id := range order {
		rank[id] = int32(r)
	}
	nw := 0
	for nw < len(order) && nw < cfg.maxWords && counts[order[nw]] >= cfg.minCount {
		nw++
	}
	if nw < cfg.branching[0]*2 {
		return map[uint64]uint32{}, nil
	}
	nctx := cfg.contexts + 1 // last context: any rarer word or a boundary
	ctxOf := func(id int32) int {
		if id < 0 || int(rank[id]) >= cfg.contexts {
			return cfg.contexts
		}
		return int(rank[id])
	}
	// Co-occurrence counts, left contexts in [0, nctx), right in [nctx, 2nctx).
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
	ctxTotal := make([]float64, 2*nctx)
	wordTotal := make([]float64, nw)
	total := 0.0
	for k, c := range pairs {
		ctxTotal[k&0xffffffff] += float64(c)
		wordTotal[k>>32] += float64(c)
		total += float64(c)
	}
	rng := rand.New(rand.NewPCG(cfg.seed, cfg.seed^0x5eed))
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
	// Hierarchical spherical k-means.
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
	out := make(map[uint64]uint32, nw)
	freq := make([]string, nw)
	for r := 0; r < nw; r++ {
		out[fnvString(words[order[r]])] = paths[r]
		freq[r] = words[order[r]]
	}
	return out, freq
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
