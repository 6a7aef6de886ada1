package figure

import (
	"sort"

	"github.com/factgraph/factgraph/extract/token"
)

// preps open the phrases that may say what a figure is about or where it
// happened.
var preps = map[string]bool{
	"in": true, "during": true, "since": true, "from": true, "across": true, "throughout": true,
	"at": true, "near": true, "on": true, "inside": true, "outside": true, "around": true,
	"after": true, "following": true, "amid": true, "against": true, "over": true, "by": true,
	"of": false,
}

// phraseStops end a phrase.
var phraseStops = map[string]bool{
	"and": true, "but": true, "while": true, "which": true, "who": true, "that": true, "when": true,
	"where": true, "as": true, "because": true, "said": true, "says": true, "according": true,
}

// findPhrases returns the prepositional phrases of a sentence: the
// preposition and up to eight tokens, ending at punctuation, a
// conjunction, or the next preposition other than "of".
func findPhrases(tt []tok, s token.Sentence) []Phrase {
	var out []Phrase
	for i := s.First; i < s.Last; i++ {
		if !preps[tt[i].lower] {
			continue
		}
		j := i + 1
		for j < s.Last && j < i+9 && (tt[j].word || tt[j].digit || tt[j].lower == "'s" || tt[j].lower == "’s") &&
			!phraseStops[tt[j].lower] && !preps[tt[j].lower] {
			j++
		}
		if j > i+1 {
			out = append(out, Phrase{Prep: tt[i].lower, First: i + 1, Last: j, Start: tt[i+1].start, End: tt[j-1].end})
		}
	}
	return out
}

// sortFigures orders figures by position.
func sortFigures(figs []Figure) {
	sort.SliceStable(figs, func(i, j int) bool { return figs[i].Start < figs[j].Start })
}
