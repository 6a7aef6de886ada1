// Numbers that are never figures: ages, years, dates, times, durations,
// sizes, ordinals, labels, addresses, phone and model numbers, rate bases
// and percentage points. notFigure is asked first of every amount, before
// any rule ties a measure to it.

package figure

import (
	"strings"

	"github.com/factgraph/factgraph/extract/token"
)

// notFigure reports whether a is an age, year, date, time, duration,
// ordinal, address, phone or model number.
func notFigure(tt []tok, a amount, s token.Sentence) bool {
	prev, prev2, next, next2 := "", "", "", ""
	var prevTok, nextTok tok
	if a.first > s.First {
		prevTok = tt[a.first-1]
		prev = trimDot(prevTok.lower)
		if a.first-1 > s.First {
			prev2 = tt[a.first-2].lower
		}
	}
	if a.last < s.Last {
		nextTok = tt[a.last]
		next = nextTok.lower
		if a.last+1 < s.Last {
			next2 = tt[a.last+1].lower
		}
	}
	first := tt[a.first]
	switch {
	case timeUnits[trimDot(next)] || strings.HasPrefix(next, "-year") || strings.HasPrefix(next, "year-old") ||
		next == "local" && (next2 == "time" || next2 == "" || !tt[a.last+1].word):
		// "10 local time", "at 10 local (0800 GMT)"; not "20 local residents"
		return true // duration, age or time: "30 years", "10 am", "a 12 year-old"
	case a.plain && yearLike(a.value) && (next == "marks" || next == "mark") && objectStarts[next2] &&
		!(a.last+2 < s.Last && rateUnits[tt[a.last+2].lower]):
		return true // "2022 marks a paradigm shift": a year and a verb, not "2000 marks a month"
	case (next == "pounds" || next == "pound" || next == "lbs") && prev == "(" && a.first-2 >= s.First && sizeUnits[trimDot(prev2)]:
		return true // "111 kilograms (245 pounds)": a weight restated
	case pointsAfter(tt, a.last, s.Last):
		return true // "up 19 percentage points": a difference, no percent
	case sizeUnits[trimDot(next)]:
		return true // a size, weight, distance, speed or magnitude: "10 mm", "6.1 magnitude"
	case next == "'s" || next == "’s":
		return true // "the 1990's", "Boeing 747's"
	case labelNouns[prev] && a.plain && (a.first-2 < s.First || !labelDeterminers[prev2]):
		return true // "under article 5", "room 101": a label
	case prev == "aged" || prev == "age" || prev == "ages" || prev == "no" || prev == "number" || prev == "box" || prev == "+" || prev == "#":
		return true
	case prev == "^" || prev == "**":
		return true // an exponent: "10^100 people" is no count of 100
	case first.lower == "one" && next == "of" && (startsAmount(tt[min(a.last+1, s.Last-1)]) || next2 == "the") && verbMeasures[prev] == "":
		// "one of 10 protesters": a member, not a count; but "killed
		// one of two crewmen" kills one
		return true
	case first.lower == "one" && (prev == "the" || prev == "this" || prev == "that" || prev == "every" || prev == "any" || prev == "no"):
		return true // "the one imprisoned": a pronoun, not a count
	case prev == "per" || prev == "each" || prev == "every" || prev == "of" && (prev2 == "population" || prev2 == "out"):
		// the base of a rate: "deaths per 100,000", "for each 1,000 dlrs",
		// "nine out of ten"
		return true
	case prev == "of" && prev2 == "age":
		return true // "at the age of 87"
	case prev == "(" && next == ")" && prev2 != "" && tt[a.first-2].upper && a.plain:
		return true // "Rupak (28)"
	case prev == "," && next == "," && prev2 != "" && tt[a.first-2].upper && a.plain && a.value < 120 && a.first-2 > s.First:
		return true // "John Smith, 28, said"
	case next == ":" && next2 != "" && tt[a.last+1].digit, prev == ":" && prev2 != "" && tt[a.first-2].digit:
		return true // "10:30"
	case next == "/" || prev == "/" && !solesPrefix(tt, a.first, s.First) || next == "-" && next2 != "" && tt[a.last+1].digit:
		return true // "1/2", "26/02/1987", "555 - 1234"
	case (months[prev] && prevTok.upper) || (months[trimDot(next)] && nextTok.upper):
		return true // "Feb 26", "26 February"
	case first.digit && len(first.lower) > 1 && first.lower[0] == '0' && first.lower[1] != '.':
		return true // "012", phone and codes
	case a.plain && a.last < s.Last && nextTok.digit:
		return true // "345 6789"
	}
	if a.plain && a.value >= 1800 && a.value <= 2100 && isYear(tt, a, s, prev, next) {
		return true
	}
	if !a.exact && a.last == a.first+1 && first.digit && first.cur == 0 && yearLike(a.low) && yearLike(a.high) &&
		!isSymbol(prev) && !percentWords[next] && currencyWords[trimDot(next)] == "" {
		return true // "the fiscal year 2022-2023"
	}
	if a.word && first.upper && a.first > s.First+1 && prevTok.upper && !isQualifierWord(prev) {
		return true // "Objective One", "Formula One", "World War Two"
	}
	_, verb := verbMeasures[prev]
	if a.plain && a.first > s.First+1 && prevTok.upper && !verb && !isQualifierWord(prev) && !months[prev] && !currencyAfterPrev(prevTok) {
		// "Boeing 737", "Resolution 2254", "Flight 17": a number right after
		// a capitalized word inside a sentence names a model or a document.
		if !percentWords[next] && currencyWords[trimDot(next)] == "" {
			return true
		}
	}
	if a.plain && next != "" && nextTok.upper && addressAhead(tt, a.last, s.Last) {
		return true // "10 Downing Street"
	}
	return false
}

// isYear reports whether the plain four-digit amount a reads as a year.
func isYear(tt []tok, a amount, s token.Sentence, prev, next string) bool {
	if yearWords[prev] || months[prev] {
		return true
	}
	if _, ok := verbMeasures[prev]; ok {
		return false // "killing 1500"
	}
	// A year stands alone; a count is followed by what it counts.
	if next == "" || !tt[a.last].word || tt[a.last].upper {
		return true
	}
	switch next {
	case "and", "or", "to", "when", "was", "is", "were", "will", "had", "has":
		return true
	}
	return false
}

func isQualifierWord(w string) bool {
	for _, q := range qualifiers {
		if q[len(q)-1] == w {
			return true
		}
	}
	switch w {
	case "between", "and", "to", "or", "from", "of", "killing", "killed":
		return true
	}
	return false
}

// currencyAfterPrev reports whether t is a currency code or abbreviation
// that an amount may follow: "Rs 500", "KD 890", "EGP 500".
func currencyAfterPrev(t tok) bool {
	if _, ok := currencyPrefix[trimDot(t.lower)]; ok {
		return true
	}
	if _, ok := newswirePrefix(t); ok {
		return true
	}
	_, ok := isoCode(t)
	return ok
}

// addressAhead reports whether a street word follows within three tokens
// of capitalized words starting at i.
func addressAhead(tt []tok, i, end int) bool {
	for j := i; j < end && j < i+3; j++ {
		if !tt[j].upper {
			return false
		}
		if addressWords[tt[j].lower] {
			return true
		}
	}
	return false
}
