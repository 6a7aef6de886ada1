package figure

import (
	"strings"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// What a count says happened (Figure.Kind). A forecast or hypothetical is
// read from a modal or a verb of expectation in the clause that ties the
// number to its measure ("45 million children will die", "could displace
// 2 million", "are expected to lose 300 jobs"); a running toll from a
// perfect tense, a toll word or a "since"/"so far" ("have been killed
// since the war began", "the death toll rose to 44"). Anything else is
// the count of an incident, which Kind leaves "" so that the common case
// stays out of the output. Money and percentages are forecasts when a
// modal or a verb of planning governs the amount (amountKind), and never
// running tolls.

// modalWords make the measure a forecast or a hypothetical when they stand
// in the clause between the number and its measure, or just before the
// measure verb.
// "May" is left out: it is as often the month.
var modalWords = map[string]bool{
	"will": true, "would": true, "could": true, "might": true, "shall": true, "'ll": true, "expected": true,
	"likely": true, "predicted": true, "forecast": true, "projected": true, "threatens": true, "threaten": true,
	"risk": true, "risks": true, "should": true,
}

// tollWords make a count a running toll anywhere in its sentence.
var tollWords = map[string]bool{"toll": true, "since": true, "tally": true, "cumulative": true, "altogether": true}

// perfectWords make a count a running toll when they stand between the
// number and its measure ("have been killed", "has risen to").
var perfectWords = map[string]bool{"have": true, "has": true, "had": true, "'ve": true}

// kindOf returns graph.KindForecast, graph.KindToll or "" (an incident)
// for figure f of sentence s.
func kindOf(tt []tok, s token.Sentence, f *Figure) string {
	if f.Measure == graph.Money || f.Measure == graph.Percent {
		return amountKind(tt, s, f)
	}
	// The clause that ties number and measure: from a few words before
	// the earlier of the two to the later one.
	lo, hi := min(f.First, f.MeasureFirst), max(f.Last, f.MeasureLast)
	lo = max(lo-3, s.First)
	for i := lo; i < hi && i < s.Last; i++ {
		if i >= f.First && i < f.Last {
			continue // the figure's own words ("up to", "some")
		}
		w := tt[i].lower
		if modalWords[w] {
			return graph.KindForecast
		}
		if tt[i].lower == "so" && i+1 < s.Last && tt[i+1].lower == "far" {
			return graph.KindToll
		}
	}
	for i := f.Last; i < f.MeasureFirst && i < s.Last; i++ {
		if perfectWords[tt[i].lower] {
			return graph.KindToll
		}
	}
	for i := s.First; i < s.Last; i++ {
		if tollWords[tt[i].lower] {
			return graph.KindToll
		}
		if tt[i].lower == "so" && i+1 < s.Last && tt[i+1].lower == "far" {
			return graph.KindToll
		}
	}
	return ""
}

// sharesForecast reports whether f continues a list of what a forecast
// before it, prev, says will happen: "would spend 5 billion dlrs, raise
// taxes by 2 pct, and cut 3,000 jobs", "will cost 3 billion dlrs and leave
// 200 people homeless". The words between start with a comma or "and", and
// hold no new subject, finite verb, negation or clause of their own; a
// casualty count with its own auxiliary ("300 were injured") is not shared.
func sharesForecast(tt []tok, s token.Sentence, prev, f *Figure) bool {
	if prev.Kind != graph.KindForecast || f.First <= prev.Last || f.First-prev.Last > 8 {
		return false
	}
	if f.First == prev.Last+1 && tt[prev.Last].lower == "(" && f.Measure == prev.Measure {
		return true // "a package of 45 billion euros ($60 billion)": the same sum restated
	}
	if w := tt[prev.Last].lower; w != "," && w != "and" {
		return false
	}
	for _, t := range tt[prev.Last:f.First] {
		if t.upper || listBreaks[t.lower] || t.word && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") {
			return false
		}
	}
	for i := f.Last; i < f.MeasureFirst && i < s.Last; i++ {
		if listBreaks[tt[i].lower] {
			return false
		}
	}
	return true
}

// listBreaks end a list of things a forecast says will happen: a finite
// verb, a negation, a verb of saying, a clause of its own.
var listBreaks = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true, "did": true,
	"not": true, "n't": true, "said": true, "says": true, "but": true, "while": true, "which": true,
	"who": true, "that": true, "after": true, "before": true, "when": true, "because": true, "since": true,
	"although": true, "though": true, "than": true, ";": true, ":": true, "(": true, ")": true, "\"": true,
	"rose": true, "fell": true, "grew": true,
}

// amountKind returns graph.KindForecast for an amount of money or a
// percentage that a modal or a verb of planning governs: one in the ten
// words before it, with no clause break between ("could spend between 250
// mln and 500 mln dlrs", "will own less than 50 pct", "would yield a
// deficit of 134 billion dlrs", "planned to acquire Goodyear Aerospace
// Corp for 640 mln dlrs", "a proposed 8,500,000 dlr offering"), and ""
// otherwise: sums and shares are never running tolls.
func amountKind(tt []tok, s token.Sentence, f *Figure) string {
	if k := f.First - 1; k > s.First && tt[k].upper {
		return "" // "would hold up Samjens 2.47 billion dlr offer": one made
	}
	for i := f.First - 1; i >= s.First && i >= f.First-10; i-- {
		w := tt[i].lower
		if modalWords[w] || planWords[w] {
			return graph.KindForecast
		}
		if amountClauseBreaks[w] && !(determiners[w] && i < f.First-1) {
			break
		}
	}
	return ""
}

// determiners break the search for a modal only right before the amount,
// where they make it a sum already known ("would not accept the 19
// billion dlr tax increase"); further back they open another noun phrase
// ("will put the outstanding supply of such bills to 3,500 billion yen").
var determiners = map[string]bool{"the": true, "its": true, "their": true, "his": true, "her": true}

// planWords before an amount make it planned, not spent: "planned to
// acquire X for 640 mln dlrs", "a proposed 8.5 mln dlr offering".
var planWords = map[string]bool{
	"plans": true, "planned": true, "planning": true, "proposed": true, "proposes": true, "intends": true,
	"aims": true, "seeks": true, "hopes": true, "hoped": true, "target": true, "targets": true,
	"agreed": true, "agrees": true, "committed": true, "estimate": true, "estimates": true,
	// aims, promises and predictions: "the aim is to reduce the deficit
	// to 6 percent", "promised Ukraine an aid package of 11 billion
	// euros", "predicting that it would reach 1.4 percent"
	"aim": true, "goal": true, "targeted": true, "promised": true, "promises": true, "pledged": true,
	"pledges": true, "predicting": true, "predicts": true, "expects": true, "proposal": true,
	"proposals": true, "seeking": true, "intend": true, "intended": true, "recommends": true,
	"recommended": true, "wants": true,
}

// amountClauseBreaks end the search for a modal before an amount: "it
// will say that sales rose 5 pct" reports what happened, and so do "would
// not accept the 19 billion dlr tax increase" and "will not sustain the
// 4.3 pct growth rate recorded".
var amountClauseBreaks = map[string]bool{
	"the": true, "not": true, "n't": true, "its": true, "their": true, "his": true, "her": true,
	",": true, ";": true, ":": true, "(": true, ")": true, "\"": true, "that": true, "which": true,
	"who": true, "said": true, "says": true, "after": true, "before": true, "when": true, "because": true,
	"since": true, "while": true, "although": true, "though": true, "but": true, "than": true, "from": true,
}
