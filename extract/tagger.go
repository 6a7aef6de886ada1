package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// tag is stage 3 of the pipeline (doc.go): the Tagger's typed spans over
// window c, with nicknames cut out of them ("Vladimir 'Vova' Putin").
func (d *docState) tag(c *chunk) []Span {
	return nicknames(c, d.x.tagger.Tag(c.toks, c.sents))
}

// RuleTagger is a tagger without a trained model: it proposes runs of
// capitalized words as names and types them with the gazetteer,
// organization words, titles and a few cues ("said"). It is much less
// accurate than package ner's tagger, and serves where that model is not
// available and as a baseline.
type RuleTagger struct {
	gaz *gazetteer.Gazetteer
}

// NewRuleTagger returns a RuleTagger that types places with g.
func NewRuleTagger(g *gazetteer.Gazetteer) *RuleTagger { return &RuleTagger{gaz: g} }

// Tag implements Tagger.
func (t *RuleTagger) Tag(toks []token.Token, sents []token.Sentence) []Span {
	var out []Span
	for _, s := range sents {
		for i := s.First; i < s.Last; i++ {
			if !startsName(toks, i) {
				continue
			}
			j := i + 1
			for j < s.Last && continuesName(toks, j, s.Last) && !toks[j].NewlineBefore {
				j++
			}
			out = append(out, t.typeRun(toks, i, j, i == s.First))
			i = j - 1
		}
	}
	return out
}

func startsName(toks []token.Token, i int) bool {
	w := toks[i].Text
	return isCap(w) && hasLetter(w) && !closedClass[lowerKey(w)]
}

// continuesName reports whether token j extends a name: a capitalized
// word, or a particle or "of" between capitalized words ("Bashar al-Assad",
// "Bank of England").
func continuesName(toks []token.Token, j, last int) bool {
	w := toks[j].Text
	if isCap(w) && hasLetter(w) {
		return !closedClass[lowerKey(w)] || nameParticles[lowerKey(w)]
	}
	l := lowerKey(w)
	if strings.HasPrefix(l, "al-") || strings.HasPrefix(l, "el-") || strings.HasPrefix(l, "bin-") {
		return true
	}
	if (nameParticles[l] || l == "of" || l == "for") && j+1 < last && isCap(toks[j+1].Text) && !toks[j+1].NewlineBefore {
		return true
	}
	return false
}

func (t *RuleTagger) typeRun(toks []token.Token, i, j int, sentStart bool) Span {
	s := Span{First: i, Last: j}
	text := toks[i].Text
	for k := i + 1; k < j; k++ {
		text += " " + toks[k].Text
	}
	lk := lowerKey(text)
	last := lowerKey(toks[j-1].Text)
	title := false
	for k := i; k < j-1; k++ {
		if _, ok := titles[lowerKey(toks[k].Text)]; ok {
			title = true
		}
	}
	before := ""
	if i > 0 {
		before = lowerKey(toks[i-1].Text)
	}
	after := ""
	if j < len(toks) {
		after = lowerKey(toks[j].Text)
	}
	_, titled := titles[before]
	switch {
	case knownOrgs[lk] || orgWords[last] || orgWords[lowerKey(toks[i].Text)] && j-i > 1:
		s.Type, s.Score = graph.Organization, 0.7
	case title || titled:
		s.Type, s.Score = graph.Person, 0.8
	case t.gaz.Known(text):
		s.Type, s.Score = graph.Place, 0.6
		if p, _ := t.gaz.Best(text); p.Kind == gazetteer.Country {
			s.Score = 0.9
		}
	case j-i == 1 && isAllUpper(text) && len(text) <= 5:
		s.Type, s.Score = graph.Organization, 0.5
	case after == "said" || after == "says" || after == "told" || after == "'s" && j-i > 1:
		s.Type, s.Score = graph.Person, 0.7
	case j-i >= 2:
		s.Type, s.Score = graph.Person, 0.6
	case sentStart:
		s.Type, s.Score = graph.Person, 0.3
	default:
		s.Type, s.Score = graph.Person, 0.4
	}
	return s
}
