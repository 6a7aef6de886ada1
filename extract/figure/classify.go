package figure

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// The rules that tie a unit to a number (confidence 0.95), and those that
// give a number the measure of a figure beside it, named as Figure.Rule
// names them. The casualty rules are the table casualtyRules.
const (
	ruleCurrencyJoined  = "currency_joined"   // a code joined to the digits: "Rs500", "sh2bn"
	ruleCurrencyBefore  = "currency_before"   // a symbol or code before: "$5bn", "US$", "Rs 500"
	rulePercentAfter    = "percent_after"     // "76%", "5 pct"
	ruleCurrencyAfter   = "currency_after"    // "5,000 dlrs", "12 cts"
	rulePercentInRange  = "percent_in_range"  // the unit once, inside a range: "between 3 pct and 4"
	ruleCurrencyInRange = "currency_in_range" // the same: "between 30,000 stg and 50,000"
	ruleSameObject      = "same_object"       // "detained 558 suspects and 135 fugitives" (0.75)
	ruleListMember      = "list_member"       // "Nine workers, one driver and three rescuers were injured" (0.75)
	ruleCompared        = "compared"          // "4,860,000, or 50 cts a share" (0.7)
)

// RuleNames lists the names of the rules that tie a measure to a number,
// in the order they are tried: a Figure's Rule is one of them.
func RuleNames() []string {
	names := []string{ruleCurrencyJoined, ruleCurrencyBefore, rulePercentAfter, ruleCurrencyAfter, rulePercentInRange, ruleCurrencyInRange}
	for _, r := range casualtyRules {
		names = append(names, r.name)
	}
	return append(names, ruleSameObject, ruleListMember, ruleCompared)
}

// classify ties a measure to the amount a, or reports that none is tied.
// prior are the figures already found in the sentence.
func classify(tt []tok, a amount, s token.Sentence, prior []Figure) (Figure, bool) {
	f := Figure{First: a.first, Last: a.last}
	// A currency symbol sits between the qualifier and the digits: "more
	// than $5bn".
	numStart := a.first
	if a.joined != "" {
		f.Measure, f.Rule = graph.Money, ruleCurrencyJoined
		f.MeasureFirst, f.MeasureLast = a.first, a.first+1
		if percentWords[a.joined] {
			f.Measure, f.Rule = graph.Percent, rulePercentAfter
		} else {
			f.Currency = currencyWords[a.joined]
		}
	} else if t := tt[a.first]; t.cur > 0 {
		cur, newswire := joinedCode(t)
		if t.cur == 1 && !a.scaled && a.last == a.first+1 || newswire && a.plain && newswireCapsOnly[t.lower[:t.cur]] {
			return f, false // "R5", "N95", "SR71": a model, unless "R5bn"
		}
		f.Currency, f.Measure, f.Rule = cur, graph.Money, ruleCurrencyJoined
		f.MeasureFirst, f.MeasureLast = a.first, a.first+1
	} else if cur, n := prefixCurrency(tt, a.first, s.First); n > 0 {
		f.Currency, f.Measure, f.Rule = cur, graph.Money, ruleCurrencyBefore
		f.MeasureFirst, f.MeasureLast = a.first-n, a.first
		numStart = a.first - n
	}
	qStart := numStart
	if q, n := qualifierBefore(tt, numStart, s.First); n > 0 {
		f.Qualifier, qStart = q, numStart-n
	}
	f.First = qStart
	value, low, high := a.value, a.low, a.high
	if f.Measure == "" {
		if end, ok := percentAfter(tt, a.last, s.Last); ok {
			f.Measure, f.MeasureFirst, f.MeasureLast, f.Last = graph.Percent, a.last, end, end
			f.Rule = rulePercentAfter
		} else if cur, first, end, sub := currencyAfter(tt, vagueOf(tt, a, s.Last), s.Last, a.scaled); cur != "" {
			f.Measure, f.Currency, f.MeasureFirst, f.MeasureLast, f.Last = graph.Money, cur, first, end, end
			f.Rule = ruleCurrencyAfter
			if sub {
				value, low, high = value/100, low/100, high/100
			}
		} else if a.unit > 0 {
			// "between 30,000 stg and 50,000": the unit written once, inside
			if end, ok := percentAfter(tt, a.unit, s.Last); ok {
				f.Measure, f.MeasureFirst, f.MeasureLast = graph.Percent, a.unit, end
				f.Rule = rulePercentInRange
			} else if cur, first, end, sub := currencyAfter(tt, a.unit, s.Last, a.scaled); cur != "" {
				f.Measure, f.Currency, f.MeasureFirst, f.MeasureLast = graph.Money, cur, first, end
				f.Rule = ruleCurrencyInRange
				if sub {
					value, low, high = value/100, low/100, high/100
				}
			}
		}
	}
	if subunits[a.joined] {
		value /= 100 // "35p"
	}
	f.Confidence = 0.95
	if f.Measure == "" {
		if a.dotGroup {
			// "More than 1.000 persons died": people come whole, so a
			// point before three digits separates the thousands.
			a.value = tidy(a.value * 1000)
			value = a.value
		}
		if !casualty(tt, a, qStart, s, &f, prior) {
			return f, false
		}
	}
	switch {
	case f.one:
		value = 1
		f.Value = &value
	case a.exact:
		f.Value = &value
	default:
		f.Low, f.High = &low, &high
	}
	qualifyAfter(&f, tt, a, s.Last, prior)
	f.Start, f.End = tt[f.First].start, tt[f.Last-1].end
	return f, true
}

// vagueOf returns where the unit of a may begin: past the "of" of a vague
// amount ("billions of dollars", "millions of rupees"), else its end. Not
// "thousands of pounds of": a weight.
func vagueOf(tt []tok, a amount, end int) int {
	i := a.last
	if !a.word || a.exact || i+1 >= end || tt[i].lower != "of" {
		return i
	}
	if w := tt[i+1].lower; (w == "pounds" || w == "pound") && i+2 < end && tt[i+2].lower == "of" {
		return i
	}
	return i + 1
}

// qualifyAfter adds to f what follows amount a and qualifies it: "or
// more" and "or so" ("killing 107 or more"), when nothing before the
// amount did, and an addition to a count already given ("25 more
// protesters", "25 other people"), joined to a qualifier before it ("at
// least … more"). After a figure of another measure in the sentence,
// "more" means others, not an addition ("killed 20 and injured 100 more").
// prior are the figures already found in the sentence.
func qualifyAfter(f *Figure, tt []tok, a amount, end int, prior []Figure) {
	switch {
	case a.last+1 < end && tt[a.last].lower == "or" && (tt[a.last+1].lower == "more" || tt[a.last+1].lower == "so"):
		if f.Qualifier == "" {
			f.Qualifier = "or " + tt[a.last+1].lower
			f.Last = max(f.Last, a.last+2)
		}
	case a.last < end && addWords[tt[a.last].lower] && !comparesMore(tt, a.last, end) &&
		(len(prior) == 0 || prior[len(prior)-1].Measure == f.Measure):
		if f.Qualifier == "" {
			f.Qualifier = tt[a.last].lower
		} else {
			f.Qualifier += " … " + tt[a.last].lower
		}
	}
}

// comparesMore reports whether the word at i ("more") begins a comparison
// rather than an addition: "25 more people than last year", "more or less".
func comparesMore(tt []tok, i, end int) bool {
	if i+1 < end && tt[i+1].lower == "or" {
		return true
	}
	for j := i + 1; j < end && j <= i+3; j++ {
		if tt[j].lower == "than" {
			return true
		}
		if !tt[j].word {
			return false // punctuation ends the phrase
		}
	}
	return false
}

// qualifierBefore reads a qualifier ending right before token i.
func qualifierBefore(tt []tok, i, first int) (string, int) {
	for _, q := range qualifiers {
		n := len(q)
		if i-n < first {
			continue
		}
		ok := true
		for k, w := range q {
			if tt[i-n+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(q, " "), n
		}
	}
	return "", 0
}

// A casualty figure is a count tied to a measure word: the rules below,
// tried in order, say where that word may stand and how sure the tie is.
// The first rule that applies decides: it ties a measure to the figure,
// which stands if it counts people (plausible), or it rejects the number.
// Each rule is named, and Figure.Rule names the one that tied a figure, so
// that a change in the golden files says which rule fired.

// verdict is what a casualty rule says of a number.
type verdict int8

const (
	pass   verdict = iota // the rule does not apply; the next one is tried
	tie                   // a measure is tied; the figure stands if plausible
	tieAny                // a measure is tied; the figure stands whatever it counts
	reject                // the rule applies, and the number is no casualty figure
)

// casualtyRule is one way a casualty measure is tied to a number. match
// reads the case and, when it ties a measure, fills in the case's figure
// the measure, its words and what is counted; the confidence is the
// rule's.
type casualtyRule struct {
	name       string
	confidence float64
	match      func(c *casualtyCase) verdict
}

// casualtyRules are the casualty rules in the order they are tried.
var casualtyRules = []casualtyRule{
	// "450,000 people have been killed", "355 dead", "two others
	// injured", "Two members of my group died".
	{"measure_after", 0.9, measureAfterRule},
	// "killing at least 12 people", "arrested 30", "killed or wounded
	// over 2,600" (the first of two verbs).
	{"verb_before", 0.85, verbBeforeRule},
	// "the crash claimed 12 lives"; counted lives are always people.
	{"lives_taken", 0.85, livesTakenRule},
	// "claimed the lives of 12", "cost the lives of 12"; not "average
	// lives of 12.1 years".
	{"the_lives_of", 0.85, theLivesOfRule},
	// A toll: "the death toll has risen to 44".
	{"toll_before", 0.85, tollBeforeRule},
	// "12 more than last week": a difference, no figure.
	{"difference", 0, differenceRule},
	// An ellipsis of an earlier figure: "400,000 were displaced in 2013,
	// and almost 200,000 more this year"; "7 million of those deaths …,
	// while around 1.2 million are …".
	{"ellipsis", 0.5, ellipsisRule},
	// A part of an earlier figure: "12 were killed, including five
	// children", "60 were arrested - 45 of them in the US".
	{"part_of_earlier", 0.7, partOfEarlierRule},
}

// casualtyCase is what the casualty rules read of an amount.
type casualtyCase struct {
	tt     []tok
	a      amount
	qStart int // where the figure starts, before any qualifier
	s      token.Sentence
	prior  []Figure // the figures already found in the sentence
	// after is where what the amount counts begins: its end, or past the
	// "of" of "hundreds of people".
	after int
	// head and npEnd are the counted noun phrase at after; npEnd is the
	// amount's end when there is none, npRaw then after.
	head         string
	npEnd, npRaw int
	// group and gEnd are head and npEnd, or without a head, a group word
	// that stands for it and the end past it ("200,000 more").
	group string
	gEnd  int
	// f is the figure the rules fill.
	f Figure
}

// casePool recycles the cases of casualty: one passed to the rules through
// a function value would otherwise be allocated for every number.
var casePool = sync.Pool{New: func() any { return new(casualtyCase) }}

// before returns the lowercased word n tokens before the figure, "" at the
// start of the sentence.
func (c *casualtyCase) before(n int) string {
	if c.qStart-n < c.s.First {
		return ""
	}
	return c.tt[c.qStart-n].lower
}

// casualty ties a casualty measure to a, filling f, with the first rule of
// casualtyRules that applies. qStart is where the figure starts, before
// any qualifier.
func casualty(tt []tok, a amount, qStart int, s token.Sentence, f *Figure, prior []Figure) bool {
	c := casePool.Get().(*casualtyCase)
	*c = casualtyCase{tt: tt, a: a, qStart: qStart, s: s, prior: prior, after: a.last, f: *f}
	ok := c.decide()
	*f = c.f
	*c = casualtyCase{} // keeps no tokens alive in the pool
	casePool.Put(c)
	return ok
}

// decide runs the casualty rules over the case.
func (c *casualtyCase) decide() bool {
	tt, a, s, f := c.tt, c.a, c.s, &c.f
	if !a.exact && c.after+1 < s.Last && tt[c.after].lower == "of" && tt[c.after+1].word {
		c.after++ // "hundreds of people"
	}
	if c.after+2 < s.Last && tt[c.after].lower == "or" && (tt[c.after+1].lower == "so" || tt[c.after+1].lower == "more") {
		c.after += 2 // "the 200 or so injured"
	}
	if c.after+1 < s.Last && tt[c.after].lower == "more" && nounLike(tt[c.after+1]) {
		c.after++ // "two more soldiers were killed", "hundreds more people"
	}
	c.head, c.npRaw = countedAfter(tt, c.after, s.Last)
	c.npEnd = c.npRaw
	if c.npEnd == c.after {
		c.npEnd = a.last
	}
	c.group, c.gEnd = c.head, c.npEnd
	if c.head == "" && c.gEnd < s.Last && groupWords[tt[c.gEnd].lower] {
		c.group, c.gEnd = tt[c.gEnd].lower, c.gEnd+1
	}
	f.Counted, f.Last = c.head, c.npEnd
	for i := range casualtyRules {
		r := &casualtyRules[i]
		switch r.match(c) {
		case pass:
			continue
		case reject:
			return false
		case tieAny:
			f.Confidence, f.Rule = r.confidence, r.name
			return true
		}
		f.Confidence, f.Rule = r.confidence, r.name
		return plausible(a, f)
	}
	return false
}

func measureAfterRule(c *casualtyCase) verdict {
	f := &c.f
	tt, a, s := c.tt, c.a, c.s
	r, ok := measureAfter(tt, c.head, c.npRaw, s.Last)
	if !ok {
		return pass
	}
	f.Measure, f.Counted, f.MeasureFirst, f.MeasureLast = r.measure, r.head, r.mFirst, r.mLast
	f.Last, f.scan, f.after = r.npEnd, r.scan, true
	if r.npEnd == c.after {
		f.Last = a.last
	}
	if r.mFirst == a.last && countsItself[tt[r.mFirst].lower] {
		f.Last = r.mLast
	}
	if nounMeasures[tt[r.mFirst].lower] {
		f.Counted = tt[r.mFirst].lower
	} else if n := r.mLast; r.mLast == r.mFirst+1 && n < s.Last && nounMeasures[tt[n].lower] && measureWords[tt[n].lower] != "" {
		// "millions of homeless refugees": the noun after an adjective
		// that is a measure names the measure.
		f.Measure, f.Counted, f.MeasureFirst, f.MeasureLast = measureWords[tt[n].lower], tt[n].lower, n, n+1
		f.Last, f.scan = max(f.Last, n+1), max(f.scan, n+1)
	}
	if r.partHead != "" && f.Counted == "" {
		f.Counted = r.partHead
	}
	if r.mFirst > a.last+1 && tt[r.mFirst-1].digit && r.mLast < s.Last && copulas[tt[r.mLast].lower] {
		// "Three of the 10 injured were in critical condition": the
		// measure names the whole, 10, which is read on its own.
		return reject
	}
	if r.mFirst == a.last && f.Counted == "" && adjectives[tt[r.mFirst].lower] {
		// "5,000 affected vehicles", "12 injured workers": the noun after
		// the measure is what is counted.
		if head, npEnd := countedAfter(tt, r.mLast, s.Last); head != "" && !isVerbForm(tt[npEnd-1]) {
			f.Counted, f.Last, f.scan = head, npEnd, npEnd
		}
	}
	if things[r.partHead] || animals[r.partHead] {
		return reject
	}
	if peopleOnly[tt[r.mFirst].lower] && !people[f.Counted] && !people[r.partHead] {
		return reject // "300 weapons seized"
	}
	if k := oneOfBefore(tt, c.qStart, s.First); k >= 0 && slices.ContainsFunc(tt[r.npEnd:r.mFirst], func(t tok) bool {
		return t.lower == "was" || t.lower == "is" || t.lower == "has"
	}) {
		// "One of the two pilots was killed": one was, not two.
		f.one, f.First = true, k
	}
	return tie
}

// oneOfBefore returns the token of the "one" of "one of" or "one of the"
// right before qStart, or -1.
func oneOfBefore(tt []tok, qStart, first int) int {
	k := qStart - 1
	if k > first && tt[k].lower == "the" {
		k--
	}
	if k-1 >= first && tt[k].lower == "of" && tt[k-1].lower == "one" {
		return k - 1
	}
	return -1
}

func verbBeforeRule(c *casualtyCase) verdict {
	f := &c.f
	if k := c.a.last; expellers[c.before(1)] && k+2 < c.s.Last && c.tt[k].lower == "from" &&
		possessives[c.tt[k+1].lower] && (c.tt[k+2].lower == "homes" || c.tt[k+2].lower == "home") {
		// "driven between 700,000 and 1.5 million from their homes"
		f.Measure, f.MeasureFirst, f.MeasureLast = graph.Displaced, c.qStart-1, c.qStart
		return tie
	}
	if m, ok := verbMeasures[c.before(2)]; ok && (c.before(1) == "all" || c.before(1) == "the") {
		// "killing all 400 people on board", "killing the nine French
		// soldiers"; not "killed one of its sacred cows"
		if things[c.head] || animals[c.head] {
			return reject
		}
		f.Measure, f.MeasureFirst, f.MeasureLast = m, c.qStart-2, c.qStart-1
		return tie
	}
	m, ok := verbMeasures[c.before(1)]
	if !ok {
		return pass
	}
	if peopleOnly[c.before(1)] && !people[c.head] {
		return pass // "seized 300 weapons"
	}
	if k := c.a.last; c.head == "" && k+2 < c.s.Last && c.tt[k].lower == "of" {
		// "killed one of its sacred cows": what the partitive counts
		if _, head := partitiveEnd(c.tt, k, c.s.Last); things[head] || animals[head] {
			return reject
		}
	}
	at := c.qStart - 1
	if m2, ok := verbMeasures[c.before(3)]; ok && c.before(2) == "or" {
		m, at = m2, at-2
	}
	f.Measure, f.MeasureFirst, f.MeasureLast = m, at, c.qStart
	return tie
}

func livesTakenRule(c *casualtyCase) verdict {
	f := &c.f
	if c.head != "lives" || !takers[c.before(1)] {
		return pass
	}
	f.Measure, f.MeasureFirst, f.MeasureLast = graph.Killed, c.qStart-1, c.qStart
	return tieAny
}

func theLivesOfRule(c *casualtyCase) verdict {
	f := &c.f
	if c.before(1) != "of" || c.before(2) != "lives" || c.before(3) != "the" || !takers[c.before(4)] {
		return pass
	}
	f.Measure, f.MeasureFirst, f.MeasureLast = graph.Killed, c.qStart-2, c.qStart
	return tie
}

func tollBeforeRule(c *casualtyCase) verdict {
	f := &c.f
	m, at, ok := tollBefore(c.tt, c.qStart, c.s.First)
	if !ok {
		return pass
	}
	if c.tt[at+1].lower == "of" && (things[c.head] || animals[c.head] ||
		c.tt[c.qStart-1].lower == "of" && c.head != "" && !slices.ContainsFunc(c.tt[c.after:c.npRaw], func(t tok) bool { return people[t.lower] })) {
		// "the death of a thousand cuts"; but "the deaths of the seven
		// Challenger astronauts"
		return pass
	}
	f.Measure, f.MeasureFirst, f.MeasureLast = m, at, at+1
	// the members of a list go on: "…, three firefighters and five
	// police officers"
	f.part = at >= c.s.First+2 && c.tt[at-2].lower == "among"
	return tie
}

func differenceRule(c *casualtyCase) verdict {
	if c.head == "" && c.gEnd > c.npEnd && c.gEnd < c.s.Last && c.tt[c.gEnd].lower == "than" {
		return reject
	}
	return pass
}

func ellipsisRule(c *casualtyCase) verdict {
	f := &c.f
	tt, a, s := c.tt, c.a, c.s
	if len(c.prior) == 0 {
		return pass
	}
	head := c.group
	if !(groupWords[head] || head == "" && c.npEnd == a.last && !a.plain && tt[a.first].lower != "one" || f.Qualifier == "another") ||
		ownPredicate(tt, c.gEnd, s.Last) || changeBefore(tt, c.qStart, s.First) || c.before(1) == "of" {
		return pass
	}
	if c.qStart > s.First && isVerbForm(tt[c.qStart-1]) {
		return pass // "killed one miner and trapped 44 others": another verb's object
	}
	last := c.prior[len(c.prior)-1]
	if !isCasualty(last.Measure) || head == "" && startsNoun(tt, a.last, s.Last) {
		return pass
	}
	f.Measure, f.MeasureFirst, f.MeasureLast, f.Last = last.Measure, last.MeasureFirst, last.MeasureLast, c.gEnd
	return tie
}

func partOfEarlierRule(c *casualtyCase) verdict {
	f := &c.f
	tt, a, s := c.tt, c.a, c.s
	if len(c.prior) == 0 || c.qStart <= s.First {
		return pass
	}
	last := c.prior[len(c.prior)-1]
	part := partBefore(tt, c.qStart, s.First) || c.before(1) == "among" && c.group != ""
	// a list that goes on: "among whom were 27 Mexicans, 14 Hondurans
	// and one"
	part = part || last.part && listLink(tt[last.Last:c.qStart])
	if !part && a.last+1 < s.Last && tt[a.last].lower == "of" {
		w := tt[a.last+1].lower
		part = w == "them" || w == "whom"
		// "eight of them affiliated with …", "30 of them had been
		// sentenced" say something else of them.
		k := a.last + 2
		for k < s.Last && k < a.last+5 && (auxiliaries[tt[k].lower] || adverbial[tt[k].lower] || tt[k].lower == "later") {
			k++
		}
		if part && k < s.Last && isVerbForm(tt[k]) && !isMeasureAt(tt, k, s.Last) {
			part = false
		}
	}
	if !part || !isCasualty(last.Measure) || countBetween(tt, last.Last, c.qStart) {
		return pass
	}
	f.Measure, f.MeasureFirst, f.MeasureLast = last.Measure, last.MeasureFirst, last.MeasureLast
	f.part = true
	return tie
}

// countBetween reports whether another count stands between an earlier
// figure and a part: in "Eleven died and five people, including two
// children, were rescued" the two are of the five.
func countBetween(tt []tok, from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := units[tt[k].lower]; ok || tt[k].digit {
			return true
		}
	}
	return false
}

// partBefore reports whether the words before qStart make the amount a
// part of an earlier count: "including", "among them", "among whom were".
func partBefore(tt []tok, qStart, first int) bool {
	p := tt[qStart-1].lower
	if p == "including" || p == "incl" {
		return true
	}
	k := qStart - 1
	if p == "were" || p == "are" || p == "was" || p == "is" {
		k--
	}
	return k-1 >= first && (tt[k].lower == "them" || tt[k].lower == "whom") && tt[k-1].lower == "among"
}

// listLink reports whether the tokens between two amounts join a list:
// ",", "and", ", and".
func listLink(between []tok) bool {
	switch len(between) {
	case 1:
		return between[0].lower == "," || between[0].lower == "and"
	case 2:
		return between[0].lower == "," && between[1].lower == "and"
	}
	return false
}

// ownPredicate reports whether a verb phrase of its own follows a count
// at i that no measure was found for: "29 others who were trapped".
func ownPredicate(tt []tok, i, end int) bool {
	if i < end && (tt[i].lower == "who" || tt[i].lower == "that" || tt[i].lower == "which") {
		i++
	}
	for i < end && adverbial[tt[i].lower] {
		i++
	}
	return i < end && auxiliaries[tt[i].lower]
}

// adverbial words may stand before an auxiliary: "so far", "still".
var adverbial = map[string]bool{"so": true, "far": true, "still": true, "also": true, "now": true, "already": true}

// auxiliaries open a predicate: "29 others who were trapped".
var auxiliaries = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true,
	"will": true, "would": true, "could": true, "may": true, "might": true, "be": true, "been": true,
}

// startsNoun reports whether a noun or unit follows the amount at i, so
// that it counts something of its own: "3 attacks", "5 km".
func startsNoun(tt []tok, i, end int) bool {
	if i >= end {
		return false
	}
	t := tt[i]
	return t.word && !t.upper && !bridges[t.lower] && !notCounted[t.lower] && !tollStops[t.lower]
}

// isVerbForm reports a lowercase participle: "affiliated", "working".
func isVerbForm(t tok) bool {
	return t.word && !t.upper && len(t.lower) > 4 && (strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing"))
}

// plausible rejects casualty figures that count things rather than people:
// "2004 net income was affected", "53,100 of the cars affected".
func plausible(a amount, f *Figure) bool {
	if things[f.Counted] || animals[f.Counted] {
		return false
	}
	if a.exact && a.value != math.Trunc(a.value) {
		return false // "closed at 1,845.20": people come whole
	}
	if a.plain && a.value >= 1800 && a.value <= 2100 {
		// A bare year-like number counts only with a noun for people.
		return people[f.Counted] || nounMeasures[f.Counted]
	}
	return true
}

// after is what measureAfter found.
type after struct {
	measure, head string
	partHead      string // the head of a partitive: "two of the victims" → victims
	npEnd         int    // end of the counted noun phrase
	scan          int    // where the search for the next figure resumes
	mFirst, mLast int    // the measure words
}

// countedAfter reads the counted noun phrase at i: "people", "Palestinian
// civilians", "men, women and children". It returns the lowercased head
// noun and the end of the phrase, before any "of".
func countedAfter(tt []tok, i, end int) (head string, npEnd int) {
	npEnd = i
	for j := i; j < end && j < i+6; j++ {
		t := tt[j]
		if (t.lower == "," || t.lower == "and" || t.lower == "or") && j > i && j+1 < end && nounLike(tt[j+1]) && !isVerbForm(tt[j+1]) {
			continue // "men, women and children"
		}
		if !nounLike(t) || isMeasureAt(tt, j, end) {
			break
		}
		head, npEnd = t.lower, j+1
		if things[t.lower] {
			break // "nine times out of ten": what is counted is settled
		}
	}
	return head, npEnd
}

// nounLike reports whether t may be part of a counted noun phrase.
func nounLike(t tok) bool {
	if !t.word || notCounted[t.lower] || bridges[t.lower] || t.lower == "of" || t.lower == "including" || startsAmount(t) {
		return false
	}
	if !t.upper && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly") && t.lower != "family" {
		return false // an adverb: "very badly affected"
	}
	_, isMeasure := measureWords[t.lower]
	return !isMeasure && !phraseStarts[t.lower]
}

// activeVoice reports whether the measure verb at first..last takes an
// object: "killed 25 people", "injured his brother".
func activeVoice(tt []tok, first, last, end int) bool {
	if _, ok := verbMeasures[tt[first].lower]; !ok && tt[first].lower != "captured" || last >= end {
		return false
	}
	n := tt[last]
	return startsAmount(n) && n.lower != "a" && n.lower != "an" || possessives[n.lower] || n.lower == "the"
}
