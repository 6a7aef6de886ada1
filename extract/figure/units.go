// Units: the currencies and percent signs that make an amount money or a
// percentage, and the comparisons that share them between amounts.

package figure

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// prefixCurrency reads a currency symbol joined to the number at i: "$",
// "US$", "£"; or a code before it: "Rs 500", "USD 5m".
func prefixCurrency(tt []tok, i, first int) (string, int) {
	if i <= first {
		return "", 0
	}
	p := tt[i-1]
	if p.lower == "$" {
		if i-2 >= first && tt[i-2].end == p.start {
			if c, ok := currencyPrefix[tt[i-2].lower+"$"]; ok {
				return c, 2
			}
		}
		// "NZ $ 26 million", as tokenized text writes it: a country prefix
		// in capitals one space before the "$" on the same line ("A $5
		// fee" is an article, not Australian dollars).
		if i-2 >= first {
			if q := tt[i-2]; q.end+1 == p.start && !p.nl && q.caps && q.lower != "a" {
				if c, ok := currencyPrefix[q.lower+"$"]; ok {
					return c, 2
				}
			}
		}
		return "USD", 1
	}
	if c, ok := currencyPrefix[p.lower]; ok && p.end == tt[i].start {
		return c, 1
	}
	if c, ok := currencyPrefix[trimDot(p.lower)]; ok && p.word && len(p.lower) > 1 {
		return c, 1
	}
	if !p.word || len(p.lower) < 2 {
		if solesPrefix(tt, i, first) {
			return "PEN", 2
		}
		return "", 0
	}
	if c, ok := newswirePrefix(p); ok {
		return c, 1
	}
	if c, ok := isoCode(p); ok {
		return c, 1
	}
	return "", 0
}

// solesPrefix reports Peru's "S/" joined to the number at i: "S/479
// million".
func solesPrefix(tt []tok, i, first int) bool {
	if i-2 < first {
		return false
	}
	s, slash := tt[i-2], tt[i-1]
	return slash.lower == "/" && s.lower == "s" && s.caps && s.end == slash.start && slash.end == tt[i].start
}

// percentAfter reads "%", "pct", "percent" or "per cent" at i, returning
// the end of the unit. Percentage points are no percent (pointsAfter).
func percentAfter(tt []tok, i, end int) (int, bool) {
	if i >= end {
		return 0, false
	}
	w := trimDot(tt[i].lower)
	k := 0
	switch {
	case w == "%" || w == "pct" || w == "percent":
		k = i + 1
	case w == "per" && i+1 < end && trimDot(tt[i+1].lower) == "cent":
		k = i + 2
	default:
		return 0, false
	}
	if k < end && strings.HasPrefix(tt[k].lower, "point") {
		return 0, false
	}
	return k, true
}

// pointsAfter reports percentage points at i: "19 percentage points", "1.5
// pct points", "a half percentage point". A difference of two percentages
// is no percentage of anything, and the annotation guide counts none.
func pointsAfter(tt []tok, i, end int) bool {
	if i+1 >= end {
		return false
	}
	w := trimDot(tt[i].lower)
	k := i + 1
	if w == "per" && trimDot(tt[k].lower) == "cent" {
		k++
	} else if w != "%" && w != "pct" && w != "percent" && w != "percentage" {
		return false
	}
	return k < end && strings.HasPrefix(tt[k].lower, "point")
}

// currencyAfter reads a currency word at i, possibly after adjectives that
// refine it: "dlrs", "Canadian dlrs", "U.S. dlrs", "Hong Kong dlrs".
// sub reports a hundredth unit ("cts").
func currencyAfter(tt []tok, i, end int, scaled bool) (cur string, first, last int, sub bool) {
	j := i
	var adj []string
	for j < end && j < i+2 {
		w := tt[j].lower
		if _, ok := currencyAdjectives[w]; ok || w == "u.s." || w == "kong" || w == "lanka" || w == "zealand" {
			adj = append(adj, w)
			j++
			continue
		}
		break
	}
	if j >= end {
		return "", 0, 0, false
	}
	w := trimDot(tt[j].lower)
	c, ok := currencyWords[w]
	if !ok {
		if c, ok = currencyNames[w]; !ok {
			c, ok = isoCode(tt[j])
		}
	}
	if !ok || (w == "p" && tt[j].start != tt[j-1].end) || (w == "mark" || w == "won") && len(adj) == 0 && !scaled {
		return "", 0, 0, false
	}
	if subunits[w] && tt[j].upper && !tt[j].caps {
		return "", 0, 0, false // "50 Cent": a name
	}
	for _, a := range adj {
		if m, ok := currencyAdjectives[a]; ok {
			if r, ok := m[c]; ok {
				c = r
			}
		}
	}
	return c, i, j + 1, subunits[w]
}

// inherit gives a measure to amounts without one that are compared with a
// money or percent figure next to them: "5.3 mln vs 4.1 mln dlrs", "rose to
// 5.1 pct from 4.8".
func inherit(tt []tok, figs []Figure, loose []amount, si int) []Figure {
	if len(loose) == 0 || len(figs) == 0 {
		return figs
	}
	added := false
	for _, a := range loose {
		if head, _ := countedAfter(tt, a.last, len(tt)); head != "" && tt[a.last].lower != "compared" {
			continue // "20,000 workers" count workers, not money; but "7.4 compared with 9.4 percent"
		}
		for _, f := range figs {
			if f.Measure != graph.Money && f.Measure != graph.Percent {
				continue
			}
			var between []tok
			switch {
			case a.last <= f.First:
				between = tt[a.last:f.First]
			case f.Last <= a.first:
				between = tt[f.Last:a.first]
			default:
				continue
			}
			if !comparison(dropYears(between)) || !sameShape(tt, a, f) {
				continue
			}
			if f.Measure == graph.Percent && len(between) == 2 && between[0].lower == "," && between[1].lower == "or" {
				// "800,000, or about 60%": a count restated as a share
				continue
			}
			if f.Last <= a.first && between[len(between)-1].lower == "to" && f.First > 0 && changeVerbs[tt[f.First-1].lower] {
				// "fell by 8.0 per cent in June to 9,393": the level
				// a change reaches is not in the change's unit.
				continue
			}
			g := Figure{
				First: a.first, Last: a.last, Sentence: si, Measure: f.Measure, Currency: f.Currency,
				MeasureFirst: f.MeasureFirst, MeasureLast: f.MeasureLast, Confidence: 0.7, Rule: ruleCompared,
			}
			if q, n := qualifierBefore(tt, a.first, 0); n > 0 && a.first-n >= 0 {
				g.Qualifier, g.First = q, a.first-n
			}
			v, lo, hi := a.value, a.low, a.high
			// "a charge of 4,860,000, or 50 cts a share": a total
			// restated per share is in dollars, not cents.
			restated := len(between) > 0 && between[len(between)-1].lower == "or"
			if f.Measure == graph.Money && f.MeasureLast > f.MeasureFirst && subunits[trimDot(tt[f.MeasureLast-1].lower)] && !restated {
				if f.Last <= a.first && between[len(between)-1].lower == "to" {
					// "eased five pfennigs to 101.25": the level a
					// change in hundredths reaches is in no unit the
					// sentence gives.
					continue
				}
				v, lo, hi = v/100, lo/100, hi/100
			}
			if a.exact {
				g.Value = &v
			} else {
				g.Low, g.High = &lo, &hi
			}
			g.Start, g.End = tt[g.First].start, tt[g.Last-1].end
			figs = append(figs, g)
			added = true
			break
		}
	}
	if added {
		sortFigures(figs)
	}
	return figs
}

// dropYears removes "in 2007" from the words between two compared amounts:
// "from 22.6 percent in 2007 to 19.6 in 2019".
func dropYears(between []tok) []tok {
	if !slices.ContainsFunc(between, func(t tok) bool { return t.lower == "in" }) {
		return between
	}
	var out []tok
	for k := 0; k < len(between); k++ {
		if between[k].lower == "in" && k+1 < len(between) && len(between[k+1].lower) == 4 && between[k+1].digit {
			k++
			continue
		}
		out = append(out, between[k])
	}
	return out
}

// comparison reports whether the tokens between two amounts compare them,
// after any period or rate that belongs to the first: "6.16 billion dlrs
// in the fourth quarter against 3.88 billion", "450 mln francs a year
// from 10 mln".
func comparison(between []tok) bool {
	if len(between) > 1 && periodWords[between[0].lower] {
		k := 1
		for k < len(between)-1 && (periodWords[between[k].lower] || len(between[k].lower) == 4 && between[k].digit) {
			k++
		}
		if comparison(between[k:]) {
			return true
		}
	}
	switch len(between) {
	case 1:
		switch between[0].lower {
		case "vs", "vs.", "from", "against", "to", "and", "or", "versus":
			return true
		}
	case 2:
		a, b := between[0].lower, between[1].lower
		return (a == "compared" || a == "up" || a == "down") && (b == "with" || b == "to" || b == "from") ||
			a == "," && (b == "from" || b == "against" || b == "vs" || b == "or")
	case 3:
		// "111.9 mln dlrs, down from 139.5 mln"; "7.4 compared to the 9.4
		// percent"
		a, b, c := between[0].lower, between[1].lower, between[2].lower
		return a == "," && (b == "up" || b == "down") && (c == "from" || c == "to") ||
			(a == "compared" || a == "up" || a == "down") && (b == "with" || b == "to" || b == "from") && c == "the"
	}
	return false
}

// periodWords make up the period or rate after an amount: "in the fourth
// quarter", "a year", "in January 1987", "a share".
var periodWords = map[string]bool{
	"in": true, "the": true, "a": true, "per": true, "first": true, "second": true, "third": true, "fourth": true,
	"quarter": true, "half": true, "year": true, "month": true, "week": true, "share": true, "tonne": true,
	"last": true, "same": true, "previous": true, "prior": true, "period": true, "earlier": true, "ago": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// sameShape reports whether a reads like the number of f: both scaled
// ("5.3 mln") or both not.
func sameShape(tt []tok, a amount, f Figure) bool {
	if f.Measure == graph.Percent {
		return !a.scaled && !a.word
	}
	scaled := false
	for k := f.First; k < f.MeasureFirst && k < len(tt); k++ {
		if _, s, _, ok := parseDigits(tt[k].lower); ok && s != 1 {
			scaled = true
		}
		if _, ok := scales[trimDot(tt[k].lower)]; ok && k > f.First {
			scaled = true
		}
	}
	if f.MeasureFirst < f.First {
		// a currency prefix: the number follows it
		for k := f.MeasureLast; k < f.Last; k++ {
			if _, s, _, ok := parseDigits(tt[k].lower); ok && s != 1 {
				scaled = true
			}
			if _, ok := scales[trimDot(tt[k].lower)]; ok && k > f.MeasureLast {
				scaled = true
			}
		}
	}
	return a.scaled == scaled && !a.word
}
