package relate

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// GoldDoc is one document of a gold relation set (the layout of
// ../shared/data/relations/*.gold.jsonl).
type GoldDoc struct {
	ID        string       `json:"id"`
	Text      string       `json:"text"`
	Entities  []GoldEntity `json:"entities"`
	Relations []struct {
		H     int    `json:"h"`
		T     int    `json:"t"`
		Group string `json:"group"`
	} `json:"relations"`
}

// GoldEntity is an entity of a GoldDoc.
type GoldEntity struct {
	EID      int `json:"eid"`
	Mentions []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"mentions"`
}

// groupLabel maps a gold group to the reader's predicate.
var groupLabel = map[string]string{
	"citizen_of": graph.CitizenOf, "member_of": graph.MemberOf, "agent_of": graph.EmployeeOf,
	"head_of_state": leaderOf, "head_of_gov": leaderOf, "minister_of": leaderOf, "head_of": leaderOf,
	"located_in": graph.LocatedIn, "based_in": graph.BasedIn,
}

// Example is one training document: the gold, and what the extractor
// (without the reader) found in its text.
type Example struct {
	Gold GoldDoc
	X    *graph.Extraction
	// Partial: the gold annotates only citizenship and location
	// throughout (Re-DocRED); a missing membership, employment or
	// leadership there is no negative example.
	Partial bool
}

// partialLabels are the labels a Partial gold annotates throughout.
var partialLabels = uint8(1<<labelIndex(graph.CitizenOf) | 1<<labelIndex(graph.LocatedIn) | 1<<labelIndex(graph.BasedIn))

// TrainConfig configures Train.
type TrainConfig struct {
	Epochs int    // perceptron passes (default 10)
	Bits   uint8  // log2 of the hashed feature rows (default 18)
	Seed   uint64 // shuffling seed (default 1)
	// MinPrecision is the pair-level precision, with the rules, that a
	// threshold must keep on the held-out part (default 0.75:
	// pair-level precision understates the scorer's, see MODEL.md).
	MinPrecision float64
	Log          io.Writer // progress, or nil
	// FitOnly keeps the model fitted on fit alone, so that held stays
	// unseen and can judge it (the thresholds are still chosen on held).
	FitOnly bool
}

// sample is one candidate with its gold labels (a bit per label) and
// whether the rules already state each.
type sample struct {
	feats      []uint32
	gold, rule uint8
	known      uint8 // the labels whose absence from gold is a negative
}

// samples aligns the extractor's entities to the gold ones (any mention
// overlap, as relations_score.py does) and labels every candidate.
func samples(ex Example) []sample {
	ents := ex.X.Entities
	al := make([][]int, len(ents))
	for i, e := range ents {
		for _, ge := range ex.Gold.Entities {
			if overlaps(e.Mentions, ge) {
				al[i] = append(al[i], ge.EID)
			}
		}
	}
	gold := map[[2]int]uint8{}
	for _, r := range ex.Gold.Relations {
		if p, ok := groupLabel[r.Group]; ok {
			gold[[2]int{r.H, r.T}] |= 1 << labelIndex(p)
		}
	}
	rule := map[[3]string]bool{}
	for _, r := range ex.X.Relations {
		rule[[3]string{r.Subject, r.Predicate, r.Object}] = true
	}
	known := ^uint8(0)
	if ex.Partial {
		known = partialLabels
	}
	var out []sample
	for _, c := range Candidates(ex.Gold.Text, ents, ex.X.Relations) {
		var g, ru uint8
		for _, h := range al[c.Subj] {
			for _, t := range al[c.Obj] {
				g |= gold[[2]int{h, t}]
			}
		}
		for li, l := range labels {
			if rule[[3]string{ents[c.Subj].ID, l.pred, ents[c.Obj].ID}] || l.pred == leaderOf && ruleRole(ex.X.Relations, ents[c.Subj].ID, ents[c.Obj].ID) {
				ru |= 1 << li
			}
		}
		out = append(out, sample{c.feats, g, ru, known | g})
	}
	return out
}

// ruleRole reports whether the rules read a position of s in o (any
// title), which the scorer counts as the leader_of label's group.
func ruleRole(rels []*graph.Relation, s, o string) bool {
	for _, r := range rels {
		if r.Subject == s && r.Object == o && r.Role != "" {
			return true
		}
	}
	return false
}

func labelIndex(pred string) int {
	for i, l := range labels {
		if l.pred == pred {
			return i
		}
	}
	panic("relate: unknown label " + pred)
}

func overlaps(ms []graph.Mention, ge GoldEntity) bool {
	for _, m := range ms {
		for _, g := range ge.Mentions {
			if m.Start < g.End && g.Start < m.End {
				return true
			}
		}
	}
	return false
}

// Train fits the model on fit and chooses each label's threshold on held:
// the one that maximizes the pair-level F1 of the rules and the model
// together on held, among those keeping precision >= MinPrecision. Then it
// refits on fit and held together with those thresholds. Training is
// deterministic for a given configuration.
func Train(ctx context.Context, fit, held []Example, cfg TrainConfig) (*Model, error) {
	if cfg.Epochs == 0 {
		cfg.Epochs = 10
	}
	if cfg.Bits == 0 {
		cfg.Bits = 18
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.MinPrecision == 0 {
		cfg.MinPrecision = 0.75
	}
	logf := func(format string, a ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, a...)
		}
	}
	var fs, hs []sample
	for _, ex := range fit {
		fs = append(fs, samples(ex)...)
	}
	for _, ex := range held {
		hs = append(hs, samples(ex)...)
	}
	logf("relations: %d fitting candidates, %d held out\n", len(fs), len(hs))
	m, err := fitModel(ctx, fs, cfg)
	if err != nil {
		return nil, err
	}
	thresh := chooseThresholds(m, hs, cfg.MinPrecision, logf)
	if cfg.FitOnly {
		m.thresh = thresh
		return m, nil
	}
	m, err = fitModel(ctx, append(fs, hs...), cfg)
	if err != nil {
		return nil, err
	}
	m.thresh = thresh
	return m, nil
}

// fitModel trains one averaged perceptron per label.
func fitModel(ctx context.Context, ss []sample, cfg TrainConfig) (*Model, error) {
	k := len(labels)
	n := (1 << cfg.Bits) * k
	w, acc := make([]float32, n), make([]float64, n)
	mask := uint32(1)<<cfg.Bits - 1
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(ss))
	for i := range order {
		order[i] = i
	}
	c := 1.0 // examples seen, for averaging: acc holds sum of c*update
	scores := make([]float32, k)
	tmp := &Model{bits: cfg.Bits, w: w}
	for ep := 0; ep < cfg.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			s := ss[i]
			tmp.score(s.feats, scores)
			for li := range labels {
				y := s.gold>>li&1 == 1
				if s.known>>li&1 == 0 || y == (scores[li] > 0) {
					continue
				}
				d := float32(-1)
				if y {
					d = 1
				}
				for _, f := range s.feats {
					j := int(f&mask)*k + li
					w[j] += d
					acc[j] += c * float64(d)
				}
			}
			c++
		}
	}
	// averaged weights: w - acc/c
	for j := range w {
		w[j] -= float32(acc[j] / c)
	}
	return &Model{bits: cfg.Bits, w: w, thresh: make([]float32, k)}, nil
}

// chooseThresholds picks, per label, the score threshold that maximizes
// the pair-level F1 of rules-or-model on ss with precision >= minP (and
// +Inf, the rules alone, when none does better).
func chooseThresholds(m *Model, ss []sample, minP float64, logf func(string, ...any)) []float32 {
	k := len(labels)
	out := make([]float32, k)
	scores := make([]float32, k)
	type sc struct {
		s    float32
		gold bool
	}
	per := make([][]sc, k)
	base := make([][2]int, k) // rules: tp, fp
	pos := make([]int, k)
	for _, s := range ss {
		m.score(s.feats, scores)
		for li := range labels {
			g := s.gold>>li&1 == 1
			if s.known>>li&1 == 0 {
				continue
			}
			if g {
				pos[li]++
			}
			if s.rule>>li&1 == 1 {
				if g {
					base[li][0]++
				} else {
					base[li][1]++
				}
				continue
			}
			per[li] = append(per[li], sc{scores[li], g})
		}
	}
	f1 := func(tp, fp, pos int) (float64, float64) {
		if tp == 0 {
			return 0, 0
		}
		p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(pos)
		return 2 * p * r / (p + r), p
	}
	for li, l := range labels {
		xs := per[li]
		sort.Slice(xs, func(i, j int) bool { return xs[i].s > xs[j].s })
		tp, fp := base[li][0], base[li][1]
		best, _ := f1(tp, fp, pos[li])
		bestF0 := best
		out[li] = float32(math32Inf)
		freeF, freeP, freeT := 0.0, 0.0, float32(0)
		for i, x := range xs {
			if x.gold {
				tp++
			} else {
				fp++
			}
			if i+1 < len(xs) && xs[i+1].s == x.s {
				continue
			}
			if f, p := f1(tp, fp, pos[li]); f > freeF {
				freeF, freeP, freeT = f, p, x.s
			}
			if f, p := f1(tp, fp, pos[li]); p >= minP && f > best && x.s > 0 {
				best = f
				out[li] = x.s - 1e-3
				if i+1 < len(xs) {
					out[li] = (x.s + xs[i+1].s) / 2
				}
			}
		}
		logf("relations: %-12s held-out positives %4d, rules F1 %.3f (tp %d fp %d), with model %.3f (threshold %.2f); best unconstrained F1 %.3f P %.3f at %.2f\n", l.pred, pos[li], bestF0, base[li][0], base[li][1], best, out[li], freeF, freeP, freeT)
	}
	return out
}

const math32Inf = 3.4e38
