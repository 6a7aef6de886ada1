package figure

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Figure is a count found in a sentence: "More than 450,000 people have been
// killed" is Value 450000, Qualifier "more than", Measure graph.Killed,
// Counted "people", Text "More than 450,000 people".
type Figure struct {
	// Start and End are the code-point span of Text; First and Last the
	// token span (Last exclusive) in the tokens given to Find.
	Start, End  int
	First, Last int
	// Text is the figure as written: qualifier, currency, number, and the
	// counted noun or the unit that follows it ("at least 355 dead",
	// "$1.13bn", "76%").
	Text string
	// Sentence is the index of the sentence in the sents given to Find.
	Sentence int
	// Value is nil for vague amounts ("hundreds"); Low and High are set for
	// ranges ("between 10 and 12 million") and vague amounts.
	Value, Low, High *float64
	// Qualifier is lowercased as written: "more than", "at least", "about",
	// or after the amount, "or more" and "or so", and the additions
	// "another 25", "25 more", "25 other" ("at least … more" with both).
	Qualifier string
	// Measure is one of graph.Measures.
	Measure string
	// Currency is the ISO 4217 code of a money figure.
	Currency string
	// Counted is the lowercased head noun of what is counted ("people",
	// "inmates"); for "two others injured" it is carried over from an
	// earlier figure of the sentence.
	Counted string
	// MeasureFirst and MeasureLast span the tokens that gave the measure
	// ("killed", "death toll", "dlrs", "%").
	MeasureFirst, MeasureLast int
	// Phrases are the prepositional phrases of the sentence, candidates for
	// what the figure is about and where it happened ("during the course of
	// the war", "in Syria"). They are shared by the figures of a sentence
	// and must not be modified.
	Phrases []Phrase
	// Confidence is in [0, 1]: how directly the measure is tied to the number.
	Confidence float64
	// Rule names the rule that tied the measure to the number, one of
	// RuleNames: "measure_after" for "450,000 people have been killed".
	Rule string
	// Kind is graph.KindForecast ("will die"), graph.KindToll (a running
	// toll: "have been killed since") or "" for an incident (kind.go).
	Kind string

	scan  int  // token where the search for the next figure resumes
	after bool // the measure follows the number (it may be shared by a list)
	part  bool // a part of an earlier figure ("including five children")
	one   bool // the count is the "one" of "one of the two pilots was killed"
}

// Phrase is a prepositional phrase: Prep ("in", "during") followed by the
// tokens First..Last (Last exclusive) spanning Start..End code points.
type Phrase struct {
	Prep        string
	First, Last int
	Start, End  int
}

// tok is a token with what Find needs precomputed once.
type tok struct {
	lower      string
	start, end int  // code points
	b, be      int  // bytes
	digit      bool // starts with a digit, after any currency code
	cur        int  // length of a currency code joined to the digits: "rs500", "sh2"
	upper      bool // starts with an upper-case letter
	word       bool // letters only (hyphens and apostrophes allowed)
	caps       bool // letters in upper case only: "NZ"
	nl         bool // a line break before it
}

// tokPool recycles the prepared tokens between calls: Find keeps none of
// them, and they are most of what it would allocate.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

func prepare(text string, toks []token.Token, buf []tok) []tok {
	lowered := token.LowerASCII(text)
	out := slices.Grow(buf[:0], len(toks))[:len(toks)]
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		lower := t.Text
		switch {
		case !token.IsASCII(t.Text):
			lower = strings.ToLower(t.Text)
		case len(lowered) == len(text) && t.Byte >= 0 && t.ByteEnd <= len(lowered) && t.Byte <= t.ByteEnd:
			lower = lowered[t.Byte:t.ByteEnd]
		}
		out[i] = tok{
			lower: lower, start: t.Start, end: t.End, b: t.Byte, be: t.ByteEnd,
			digit: r >= '0' && r <= '9', upper: unicode.IsUpper(r), word: isWord(t.Text),
			caps: unicode.IsUpper(r) && t.Text == strings.ToUpper(t.Text), nl: t.NewlineBefore,
		}
		if !out[i].digit && unicode.IsLetter(r) && len(lower) > 1 {
			out[i].cur = codeLen(lower, t.Text)
			out[i].digit = out[i].cur > 0
		}
	}
	return out
}

// codeLen returns the length of a currency code joined to digits at the
// start of w ("rs500", "sh2bn", "ksh40,000", "SR24"), or 0. text is w as
// written, for the newswire codes that count only in capitals.
func codeLen(w, text string) int {
	k := 0
	for k < len(w) && k < 3 && w[k] >= 'a' && w[k] <= 'z' {
		k++
	}
	if k == 0 || k == len(w) || !isDigit(w[k]) {
		return 0
	}
	if _, ok := joinedCodes[w[:k]]; ok {
		return k
	}
	if _, ok := newswireCodes[w[:k]]; ok && (!newswireCapsOnly[w[:k]] || strings.ToUpper(text[:k]) == text[:k]) {
		return k
	}
	return 0
}

// joinedCode returns the currency of the code joined to the digits of t,
// and whether it is one of the newswire codes. The caller (classify.go)
// takes those of newswireCapsOnly as money only on an amount that is not a
// plain integer ("SR24 million", not "SR71"); the others ("Dh600") are
// money on any amount.
func joinedCode(t tok) (string, bool) {
	code := t.lower[:t.cur]
	if c, ok := joinedCodes[code]; ok {
		return c, false
	}
	return newswireCodes[code], true
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
			return false
		}
	}
	return s != "" && s[0] != '-' && s[0] != '.'
}

// Find returns the figures of text, in order. toks and sents are the output
// of token.Tokenize and token.Sentences over text. A number is a figure only
// when a measure of graph.Measures is tied to it: a currency, a percent
// sign or word, or a casualty word such as "killed" or "death toll". Ages,
// years, dates, times, durations, ordinals, addresses, phone and model
// numbers are never figures.
func Find(text string, toks []token.Token, sents []token.Sentence) []Figure {
	if len(toks) == 0 {
		return nil
	}
	pooled := tokPool.Get().(*[]tok)
	tt := prepare(text, toks, *pooled)
	defer func() {
		clear(tt) // drop the strings they hold
		*pooled = tt[:0]
		tokPool.Put(pooled)
	}()
	var out []Figure
	for si, s := range sents {
		if s.First < 0 || s.Last > len(tt) || s.First >= s.Last {
			continue
		}
		out = append(out, findSentence(tt, s, si)...)
	}
	for k := range out {
		f := &out[k]
		b, e := tt[f.First].b, tt[f.Last-1].be
		if f.Last-1 > f.First && strings.HasSuffix(tt[f.Last-1].lower, ".") {
			// "dlrs." keeps the period of the abbreviation, not of the figure.
			e--
			f.End--
		}
		if b >= 0 && b <= e && e <= len(text) {
			f.Text = text[b:e]
		}
		// Words taken from the lowercased copy of text would keep all
		// of it alive as long as the figure.
		f.Counted, f.Qualifier, f.Currency = strings.Clone(f.Counted), strings.Clone(f.Qualifier), strings.Clone(f.Currency)
	}
	return out
}

// startsAmount reports whether a number phrase can start at t.
func startsAmount(t tok) bool {
	if t.digit {
		return true
	}
	if !t.word || len(t.lower) > 13 {
		return false
	}
	if numberStarts[t.lower] {
		return true
	}
	if strings.IndexByte(t.lower, '-') > 0 {
		_, ok := wordValue(t.lower)
		return ok
	}
	return false
}

// numberStarts are the words a spelled-out amount can begin with.
var numberStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"a", "an", "half", "dozen", "dozens", "scores", "hundreds", "thousands",
		"millions", "billions", "tens", "several", "few"} {
		m[w] = true
	}
	for w := range units {
		m[w] = true
	}
	for w := range tens {
		m[w] = true
	}
	return m
}()

// findSentence finds the figures of one sentence.
func findSentence(tt []tok, s token.Sentence, si int) []Figure {
	var (
		out     []Figure
		loose   []amount // amounts without a measure, for the second pass
		list    []member // loose amounts that may share a later measure
		counted string   // the last counted noun, carried to "two others"
		head    string   // what the last figure counts
		prev    = -1     // the end of the last amount if it was loose, else -1
	)
	for i := s.First; i < s.Last; {
		if !startsAmount(tt[i]) {
			i++
			continue
		}
		a, ok := parseAmount(tt, i, s.Last)
		if !ok {
			i++
			continue
		}
		a = extendRange(tt, a, s)
		if notFigure(tt, a, s) {
			i = a.last
			list = nil
			continue
		}
		f, ok := classify(tt, a, s, out)
		if !ok && len(out) > 0 {
			// "detained 558 suspects and 135 fugitives": the object of the
			// same verb.
			f, ok = sameObject(tt, a, s, out[len(out)-1])
		}
		if !ok {
			loose = append(loose, a)
			list = appendMember(tt, list, a, s)
			prev = a.last
			i = a.last
			continue
		}
		if isCasualty(f.Measure) && (isRate(tt, max(f.Last, f.MeasureLast), s.Last) || rateInClause(tt, f.MeasureLast, s.Last) || (f.Counted == "" || groupWords[f.Counted]) && animals[countedBefore(tt, prev, head, s)]) {
			// "12 deaths per 100,000 people"; "Twelve whales were
			// stranded and eight died"
			list = nil
			i = max(f.Last, a.last, f.scan)
			continue
		}
		head, prev = f.Counted, -1
		// "Nine workers, one driver and three rescuers were injured": the
		// measure after the last member of a list is every member's.
		if f.after && !nounOnly[tt[f.MeasureFirst].lower] && !ofWhom(tt, a, s) {
			out = append(out, distribute(tt, list, f, s)...)
		}
		// "some 355 and 55 mln stg", "5, 6 and 7 pct": the unit after the
		// last member of a list of bare amounts is every member's.
		if shared := shareUnit(tt, list, a, f, s); len(shared) > 0 {
			out = append(out, shared...)
			loose = loose[:len(loose)-len(shared)]
		}
		list = nil
		out = append(out, f)
		i = max(f.Last, a.last, f.scan)
	}
	for k := range out {
		f := &out[k]
		f.Sentence = si
		f.Kind = kindOf(tt, s, f)
		if f.Kind == "" && k > 0 && sharesForecast(tt, s, &out[k-1], f) {
			f.Kind = graph.KindForecast
		}
		if !isCasualty(f.Measure) {
			continue
		}
		if f.Counted == "" || groupWords[f.Counted] {
			if counted != "" {
				f.Counted = counted
			} else if groupWords[f.Counted] {
				f.Counted = ""
			}
		} else {
			counted = f.Counted
		}
	}
	out = inherit(tt, out, loose, si)
	if len(out) > 0 {
		phrases := findPhrases(tt, s)
		for k := range out {
			out[k].Phrases = phrases
		}
	}
	return out
}

// countedBefore returns what the amount before a figure counts: head, the
// counted noun of the figure before it, or when that amount found no
// measure (it ends at prev), the noun after it.
func countedBefore(tt []tok, prev int, head string, s token.Sentence) string {
	if prev < 0 {
		return head
	}
	h, _ := countedAfter(tt, prev, s.Last)
	return h
}

// ofWhom reports whether "of whom" or "of which" follows the amount a: "The
// plant's 1,200 workers, 40 of whom were injured" is a part of the noun
// before, not the last member of a list.
func ofWhom(tt []tok, a amount, s token.Sentence) bool {
	return a.last+1 < s.Last && tt[a.last].lower == "of" && (tt[a.last+1].lower == "whom" || tt[a.last+1].lower == "which")
}

// isRate reports whether the words at i, after a count, make it a rate:
// "per 100,000", "per capita", "a day", "every year".
func isRate(tt []tok, i, end int) bool {
	if i >= end {
		return false
	}
	switch tt[i].lower {
	case "per":
		return true
	case "annually", "yearly", "daily", "weekly", "monthly":
		return true
	case "a", "an", "each", "every":
		return i+1 < end && rateUnits[tt[i+1].lower]
	}
	return false
}

// rateInClause reports a rate later in the clause of a measure that
// follows its count: "6.9 million infants die from a lack of food each
// year". The clause ends at punctuation or a conjunction.
func rateInClause(tt []tok, i, end int) bool {
	for j := i; j < end && j < i+8; j++ {
		w := tt[j].lower
		if !tt[j].word || w == "and" || w == "but" || w == "since" || w == "while" {
			return false
		}
		if (w == "each" || w == "every" || w == "per") && j+1 < end && rateUnits[tt[j+1].lower] || rateAdverbs[w] {
			return true
		}
	}
	return false
}

// sameObject gives a the measure of prev when prev took it from the verb
// before it and a follows prev's counted noun after "and".
func sameObject(tt []tok, a amount, s token.Sentence, prev Figure) (Figure, bool) {
	if prev.after || !isCasualty(prev.Measure) || prev.MeasureLast > prev.First {
		return Figure{}, false
	}
	start := a.first
	if _, n := qualifierBefore(tt, a.first, s.First); n > 0 {
		start -= n
	}
	if start-1 != prev.Last || tt[prev.Last].lower != "and" {
		return Figure{}, false
	}
	head, npEnd := countedAfter(tt, a.last, s.Last)
	if npEnd == a.last && head == "" {
		return Figure{}, false
	}
	f := Figure{First: start, Last: npEnd, Measure: prev.Measure, Counted: head,
		MeasureFirst: prev.MeasureFirst, MeasureLast: prev.MeasureLast, Confidence: 0.75, Rule: ruleSameObject}
	if q, n := qualifierBefore(tt, a.first, s.First); n > 0 {
		f.Qualifier = q
	}
	qualifyAfter(&f, tt, a, s.Last, []Figure{prev})
	v, lo, hi := a.value, a.low, a.high
	if a.exact {
		f.Value = &v
	} else {
		f.Low, f.High = &lo, &hi
	}
	if !plausible(a, &f) {
		return Figure{}, false
	}
	f.Start, f.End = tt[f.First].start, tt[f.Last-1].end
	return f, true
}

// member is an amount without a measure followed by a list separator.
type member struct {
	a           amount
	head        string
	start, next int // where the member starts and where the next one must
}

// appendMember adds a to the running list when it is followed, after its
// counted noun, by ", " or "and"; otherwise the list restarts.
func appendMember(tt []tok, list []member, a amount, s token.Sentence) []member {
	head, npEnd := countedAfter(tt, a.last, s.Last)
	j := npEnd
	if j >= s.Last || !(tt[j].lower == "," || tt[j].lower == "and") {
		return nil
	}
	j++
	if j < s.Last && tt[j].lower == "and" && tt[j-1].lower == "," {
		j++
	}
	if j+2 < s.Last && tt[j].lower == "a" && (tt[j+1].lower == "high" || tt[j+1].lower == "low") && tt[j+2].lower == "of" {
		j += 3 // "a low of 1.7940 and a high of 1.8085 marks": both ends of a day's range
	}
	start := a.first
	if _, n := qualifierBefore(tt, a.first, s.First); n > 0 {
		start -= n
	}
	if len(list) > 0 && list[len(list)-1].next != start {
		list = list[:0]
	}
	return append(list, member{a: a, head: head, start: start, next: j})
}

// distribute gives the measure of f to the list members that lead up to it.
func distribute(tt []tok, list []member, f Figure, s token.Sentence) []Figure {
	if len(list) == 0 || list[len(list)-1].next != f.First {
		return nil
	}
	var out []Figure
	for _, m := range list {
		g := Figure{
			First: m.start, Last: m.a.last, Measure: f.Measure, Counted: m.head,
			MeasureFirst: f.MeasureFirst, MeasureLast: f.MeasureLast, Confidence: 0.75, Rule: ruleListMember,
		}
		if q, n := qualifierBefore(tt, m.a.first, s.First); n > 0 {
			g.Qualifier = q
		}
		qualifyAfter(&g, tt, m.a, s.Last, nil)
		if _, npEnd := countedAfter(tt, m.a.last, s.Last); npEnd > m.a.last {
			g.Last = npEnd
		}
		v, lo, hi := m.a.value, m.a.low, m.a.high
		if m.a.exact {
			g.Value = &v
		} else {
			g.Low, g.High = &lo, &hi
		}
		if !plausible(m.a, &g) {
			return nil
		}
		g.Start, g.End = tt[g.First].start, tt[g.Last-1].end
		out = append(out, g)
	}
	return out
}

// shareUnit gives the unit of f, the amount a with a currency or percent
// word right after it, to the bare amounts of the list that leads up to
// it, with a's scale where they have none: "some 355 and 55 mln stg" is
// 355 mln stg. A member that counts something ("3 attacks and 5 pct") or
// is vague gives no figure to any.
func shareUnit(tt []tok, list []member, a amount, f Figure, s token.Sentence) []Figure {
	if len(list) == 0 || list[len(list)-1].next != f.First || f.Rule != ruleCurrencyAfter && f.Rule != rulePercentAfter {
		return nil
	}
	scale := 1.0
	if a.scaled {
		scale = scaleOf(tt, a)
	}
	sub := f.Rule == ruleCurrencyAfter && subunits[trimDot(tt[f.MeasureFirst].lower)]
	out := make([]Figure, 0, len(list))
	for _, m := range list {
		if m.head != "" || !m.a.exact {
			return nil
		}
		v := m.a.value
		if !m.a.scaled {
			v = tidy(v * scale)
		}
		if sub {
			v /= 100
		}
		g := Figure{
			First: m.start, Last: m.a.last, Measure: f.Measure, Currency: f.Currency, Value: &v,
			MeasureFirst: f.MeasureFirst, MeasureLast: f.MeasureLast, Confidence: 0.75, Rule: ruleListMember,
		}
		if q, n := qualifierBefore(tt, m.a.first, s.First); n > 0 {
			g.Qualifier = q
		}
		g.Start, g.End = tt[g.First].start, tt[g.Last-1].end
		out = append(out, g)
	}
	return out
}

func isCasualty(m string) bool { return m != graph.Money && m != graph.Percent }

// extendRange widens a to a range: "between 10 and 12 million", "10 to 12
// million", "40 to 50 pct", "between 3% and 3.5%", "$3.18-$3.81".
func extendRange(tt []tok, a amount, s token.Sentence) amount {
	if !a.exact || a.last+1 >= s.Last {
		return a
	}
	between := a.first > s.First && tt[a.first-1].lower == "between"
	// "ranging from 4.05 to 5.25 pct" is a range; "rose from 4 to 5 pct" a change
	from := a.first > s.First && tt[a.first-1].lower == "from" && !(a.first-2 >= s.First && rangeVerbs[tt[a.first-2].lower])
	l := a.last
	unit := false
	// "between 3% and 3.5%", "a loss of 1,300,000 dlrs to 1,600,000 dlrs"
	if end, ok := percentAfter(tt, l, s.Last); ok && (between || !changeBefore(tt, a.first, s.First)) {
		l, unit = end, true
	} else if _, _, end, ok := currencyAfterCheck(tt, l, s.Last); ok && (between || !changeBefore(tt, a.first, s.First)) {
		l, unit = end, true
	}
	if l+1 >= s.Last {
		return a
	}
	link := tt[l].lower
	b0 := l + 1
	symbol := a.first > s.First && isSymbol(tt[a.first-1].lower)
	if link == "-" && symbol && tt[b0].lower == tt[a.first-1].lower && b0+1 < s.Last {
		b0++ // "$3.18-$3.81"
	} else if !(between && (link == "and" || link == "to")) && link != "to" && link != "or" && link != "-" {
		return a
	}
	if !tt[b0].digit && !a.word {
		return a
	}
	b, ok := parseAmount(tt, b0, s.Last)
	if !ok || !b.exact {
		return a
	}
	_, pctAfter := percentAfter(tt, b.last, s.Last)
	_, _, _, curAfter := currencyAfterCheck(tt, b.last, s.Last)
	// "a 25 to 40-percent reduction": the unit joined to the second end
	if b.joined != "" && a.joined == "" && !changeBefore(tt, a.first, s.First) {
		pctAfter, curAfter = pctAfter || percentWords[b.joined], curAfter || !percentWords[b.joined]
	}
	if !unit && !pctAfter && !curAfter && a.plain && b.plain && yearLike(a.value) && yearLike(b.value) {
		return a // "between 1990 and 2004": years, each read as one
	}
	lo, hi := a.value, b.value
	switch {
	case link == "-" && !symbol && (unit || !pctAfter && !curAfter || a.scaled || b.scaled):
		// "1 - 0": a score; only "0.5 - 0.75 percent", spaced as
		// tokenized text writes it, is a range
		return a
	case link == "-":
	case unit && !pctAfter && !curAfter && !between:
		return a
	case unit && between && !pctAfter && !curAfter:
		// the unit only on the first end: "between 30,000 stg and 50,000"
	case unit && (between || link == "to"):
		// the unit repeated on both ends
	case b.scaled && !a.scaled && b.value > 0 && lo*scaleOf(tt, b) < hi:
		// "10 to 12 million": the scale of the second applies to both;
		// not to "between 700,000 and 1.5 million".
		lo *= scaleOf(tt, b)
	case between:
	case (link == "to" || link == "or") && !from && !a.scaled && !b.scaled && (pctAfter || curAfter):
		// "40 to 50 pct", "51 or 52 dlrs"; "from 40 to 50 pct" is a
		// change, not a range.
	default:
		return a
	}
	if lo >= hi {
		return a
	}
	first := a.first
	if between {
		first--
	}
	r := amount{first: first, last: b.last, low: lo, high: hi, scaled: b.scaled, word: a.word && b.word, joined: b.joined}
	if unit && !pctAfter && !curAfter {
		r.unit = a.last
	}
	return r
}

// yearLike reports whether v may be a year.
func yearLike(v float64) bool { return v >= 1800 && v <= 2100 }

// changeBefore reports whether the amount at i is the size of a change
// ("rose 5 pct to 6 pct", "from 5 to 6 pct"), not the start of a range.
func changeBefore(tt []tok, i, first int) bool {
	if i <= first {
		return false
	}
	// "from the initial 39 percent to 49 percent"
	for j := i - 2; j >= first && j >= i-3; j-- {
		if tt[j].lower == "from" {
			return true
		}
		if !tt[j].word {
			break
		}
	}
	switch tt[i-1].lower {
	case "from", "by", "rose", "fell", "up", "down", "increased", "decreased", "gained", "lost",
		"dropped", "climbed", "declined", "jumped", "cut", "raised", "lowered", "added", "shed":
		return true
	}
	return false
}

// isSymbol reports a currency symbol written before digits.
func isSymbol(s string) bool { return s == "$" || s == "£" || s == "€" || s == "¥" || s == "₹" }

// currencyAfterCheck reports whether a currency word follows at i.
func currencyAfterCheck(tt []tok, i, end int) (string, int, int, bool) {
	c, first, last, _ := currencyAfter(tt, i, end, false)
	return c, first, last, c != ""
}

// scaleOf returns the multiplier applied to b.
func scaleOf(tt []tok, b amount) float64 {
	last := tt[b.last-1]
	if s, ok := scales[trimDot(last.lower)]; ok && b.last-1 > b.first {
		return s
	}
	if _, s, _, ok := parseDigits(last.lower); ok {
		return s
	}
	return 1
}
