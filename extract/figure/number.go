package figure

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// amount is a number phrase found in the tokens: toks[first:last] read as a
// value, or as a low–high range for ranges and vague amounts.
type amount struct {
	first, last int // token span, last exclusive
	value       float64
	low, high   float64
	exact       bool // value is set; otherwise low/high
	scaled      bool // a multiplier word or suffix applied ("million", "bn")
	word        bool // spelled out ("Thirteen", "a dozen", "hundreds")
	plain       bool // a bare integer of digits only, no separators or scale
	// dotGroup is a number such as "1.000" or "2.500": a decimal in
	// English, or a thousand with the dot of continental Europe, which a
	// count of people shows it is.
	dotGroup bool
	unit     int // for "between 30,000 stg and 50,000": the unit inside the range, else 0
	// joined is a currency or percent word written onto the digits: the
	// "pct" of "50-pct", the "mark" of "10-mark", the "p" of "35p".
	joined string
}

var units = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// scales are multiplier words that follow a number: "11 million", "5.93 mln".
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
	"billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "trn": 1e12, "tn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// suffixScales are multipliers written onto the digits: "1.1bn", "£600m".
var suffixScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
	"million": 1e6, "billion": 1e9, "trillion": 1e12, "-million": 1e6, "-billion": 1e9, "-trillion": 1e12,
}

// vague amounts: "hundreds" is 200–999. The bounds read the plural as "at
// least two of the unit, fewer than ten".
var vague = map[string][2]float64{
	"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 9999999}, "billions": {2e9, 9999999999},
}

var fractions = map[string]float64{"¼": 0.25, "½": 0.5, "¾": 0.75}

// trimDot strips an abbreviation's period, so that "mln." and "mln" match.
func trimDot(s string) string { return strings.TrimSuffix(s, ".") }

// parseDigits reads a digit token such as "450,000", "1.1", "1.1bn" or
// "600m". It returns the value, the scale applied by a suffix (1 if none),
// and whether the token is a plain integer without separators.
func parseDigits(s string) (v, scale float64, plain, ok bool) {
	if s == "" || !isDigit(s[0]) {
		return 0, 0, false, false
	}
	i := 0
	commas, dots := 0, 0
	for i < len(s) && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
		switch s[i] {
		case ',':
			commas++
		case '.':
			dots++
		}
		i++
	}
	num, suf := s[:i], strings.ToLower(s[i:])
	if dots > 1 || strings.HasSuffix(num, ",") || strings.HasSuffix(num, ".") {
		return 0, 0, false, false
	}
	if commas > 0 && !validGroups(num) {
		return 0, 0, false, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return 0, 0, false, false
	}
	scale = 1
	if suf != "" {
		m, found := suffixScales[suf]
		if !found {
			return 0, 0, false, false
		}
		scale = m
	}
	return f, scale, commas == 0 && dots == 0 && suf == "", true
}

// validGroups reports whether the commas of a number group its integer part
// in threes: "450,000" but not "1,2".
func validGroups(num string) bool {
	intPart := num
	if d := strings.IndexByte(num, '.'); d >= 0 {
		intPart = num[:d]
	}
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// spacedThousands reports digits at i that go on, one space later, with a
// group of exactly three, right after a currency sign or code joined to
// the first ("N$2 000", "R15 000", "R1 250 000"; not "in 2 000-year-old",
// nor digits with no sign before them).
func spacedThousands(toks []tok, i, end int) bool {
	t := toks[i]
	if i+1 >= end || len(t.lower)-t.cur > 3 || t.cur == 0 && i == 0 {
		return false
	}
	n := toks[i+1]
	if n.start != t.end+1 || n.nl || len(n.lower) != 3 || strings.Trim(n.lower, "0123456789") != "" {
		return false
	}
	if i+2 < end && !toks[i+2].word && toks[i+2].start == n.end && toks[i+2].lower != "," && toks[i+2].lower != "." {
		return false // "2 000-year-old"
	}
	if t.cur > 0 {
		return true // "R1 250 000"
	}
	p := toks[i-1]
	return p.end == t.start && (p.lower == "$" || isSymbol(p.lower))
}

// parseInt3 reads a group of three digits.
func parseInt3(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// dotThousands reports a number of one to three digits, a point and three
// more: "1.000", "2.500".
func dotThousands(s string) bool {
	d := strings.IndexByte(s, '.')
	return d >= 1 && d <= 3 && len(s) == d+4 && strings.Trim(s, "0123456789.") == "" && strings.Count(s, ".") == 1
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// wordValue reads a spelled-out number token: "thirteen", "twenty-five".
func wordValue(w string) (float64, bool) {
	if v, ok := units[w]; ok {
		return v, true
	}
	if v, ok := tens[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		t, ok1 := tens[a]
		u, ok2 := units[b]
		if ok1 && ok2 && u > 0 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// parseAmount reads the number phrase starting at token i, within the
// sentence's tokens [i, end). lower holds the lowercased token texts.
func parseAmount(toks []tok, i, end int) (amount, bool) {
	t := toks[i]
	a := amount{first: i, last: i + 1, exact: true}
	switch {
	case t.digit:
		v, scale, plain, ok := parseDigits(t.lower[t.cur:])
		if !ok {
			return parseJoined(toks, i, end, a)
		}
		if v, last, ok := bareFraction(toks, i, end); ok && plain {
			a.value, a.last = v, last
			return a, true
		}
		if last, ok := quoteEnd(toks, i, end); ok && scale == 1 {
			a.value, a.last = v, last
			return a, true
		}
		a.value, a.plain = v, plain
		a.dotGroup = scale == 1 && dotThousands(t.lower[t.cur:])
		if plain && spacedThousands(toks, i, end) {
			// "N$15 000": the thousands a space apart, after a currency
			// sign, as southern African papers write them
			a.value, a.last, a.plain = v*1000+float64(parseInt3(toks[i+1].lower)), i+2, false
			if i+2 < end && toks[i+2].start == toks[i+1].end+1 && len(toks[i+2].lower) == 3 && toks[i+2].digit {
				a.value, a.last = a.value*1000+float64(parseInt3(toks[i+2].lower)), i+3
			}
			return a, true
		}
		// "7¾": a vulgar fraction joined to the digits
		if i+1 < end && toks[i+1].start == t.end && scale == 1 {
			if fr, ok := fractions[toks[i+1].lower]; ok {
				a.value += fr
				a.last++
				a.plain = false
			}
		}
		if scale != 1 {
			a.value = tidy(a.value * scale)
			a.scaled, a.plain = true, false
		}
	case t.lower == "a" || t.lower == "an" || t.lower == "half":
		// "a dozen", "a million", "half a million"
		return parseArticle(toks, i, end)
	default:
		if r, ok := vague[t.lower]; ok {
			a.exact, a.word, a.low, a.high = false, true, r[0], r[1]
			// "hundreds of thousands", "tens of thousands"
			if i+2 < end && toks[i+1].lower == "of" {
				if s, ok := vagueScale(toks[i+2].lower); ok {
					a.low, a.high, a.last = a.low*s, (a.high+1)*s-1, i+3
				}
			}
			return a, true
		}
		if t.lower == "tens" && i+2 < end && toks[i+1].lower == "of" {
			if s, ok := vagueScale(toks[i+2].lower); ok {
				return amount{first: i, last: i + 3, low: 20 * s, high: 100*s - 1, word: true}, true
			}
		}
		if t.lower == "several" && i+1 < end {
			// "several hundred", "several thousand": as "hundreds"
			if r, ok := vague[toks[i+1].lower+"s"]; ok {
				a.exact, a.word, a.low, a.high, a.last = false, true, r[0], r[1], i+2
				return a, true
			}
		}
		if t.lower == "dozen" {
			a.value, a.word = 12, true
			return a, true
		}
		v, ok := wordValue(t.lower)
		if !ok {
			return a, false
		}
		a.value, a.word = v, true
		// "twenty five"
		if _, isTen := tens[t.lower]; isTen && i+1 < end {
			if u, ok := units[toks[i+1].lower]; ok && u > 0 && u < 10 {
				a.value += u
				a.last++
			}
		}
	}
	a.applyScale(toks, end)
	return a, true
}

// parseJoined reads digits that parseDigits refuses, with something
// joined to them: Reuters' mixed fractions ("7-1/2 pct", "101-3/4"), a
// range ("10-12"), a unit ("50-pct", "10-mark", "35p") or "-worth"
// ("US$50,000-worth of yuan"). a is the amount begun at i.
func parseJoined(toks []tok, i, end int, a amount) (amount, bool) {
	t := toks[i]
	if v, ok := mixedFraction(toks, i, end); ok {
		a.value, a.last = v, i+3
		return a, true
	}
	if lo, hi, ok := parseRangeToken(t.lower); ok {
		a.exact, a.low, a.high = false, lo, hi
		a.applyScale(toks, end)
		return a, true
	}
	if v, unit, ok := joinedUnit(t.lower[t.cur:]); ok {
		a.value, a.joined = v, unit
		return a, true
	}
	if num, ok := strings.CutSuffix(t.lower[t.cur:], "-worth"); ok {
		if v, scale, _, ok := parseDigits(num); ok {
			a.value, a.scaled = tidy(v*scale), scale != 1
			return a, true
		}
	}
	return a, false
}

// vagueScale reads the unit of "hundreds of thousands".
func vagueScale(w string) (float64, bool) {
	switch w {
	case "thousands":
		return 1e3, true
	case "millions":
		return 1e6, true
	}
	return 0, false
}

// parseArticle reads "a dozen", "a hundred", "a million", "half a million".
func parseArticle(toks []tok, i, end int) (amount, bool) {
	a := amount{first: i, exact: true, word: true}
	j, mult := i, 1.0
	if toks[i].lower == "half" {
		if i+1 >= end || (toks[i+1].lower != "a" && toks[i+1].lower != "an") {
			return a, false
		}
		j, mult = i+1, 0.5
	}
	if j+1 >= end {
		return a, false
	}
	switch w := toks[j+1].lower; {
	case w == "dozen":
		a.value = 12 * mult
	case w == "hundred" || w == "thousand" || w == "million" || w == "billion":
		a.value, a.scaled = scales[w]*mult, true
	default:
		return a, false
	}
	a.last = j + 2
	return a, true
}

// applyScale extends a over a following multiplier word: "11 million",
// "5.93 mln", "two dozen".
func (a *amount) applyScale(toks []tok, end int) {
	if a.last >= end {
		return
	}
	w := trimDot(toks[a.last].lower)
	s, ok := scales[w]
	if w == "dozen" && a.word {
		s, ok = 12, true
	}
	// "m" alone is metres as often as million; take it only when joined.
	if !ok || (w == "m" && toks[a.last].start != toks[a.last-1].end) {
		return
	}
	a.last++
	a.scaled, a.plain = true, false
	if a.exact {
		a.value = tidy(a.value * s)
	} else {
		a.low, a.high = tidy(a.low*s), tidy(a.high*s)
	}
}

// tidy rounds away the binary noise of scaling a decimal: 4.1 × 1e6 is
// 4099999.9999999995 in floating point, and 4100000 in the text.
func tidy(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// parseRangeToken reads a hyphenated range written as one token: "10-12".
func parseRangeToken(s string) (lo, hi float64, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found || strings.Contains(b, "-") {
		return 0, 0, false
	}
	x, sx, _, ok1 := parseDigits(a)
	y, sy, _, ok2 := parseDigits(b)
	if !ok1 || !ok2 || sx != 1 || x >= y || len(b) > len(a)+1 {
		return 0, 0, false
	}
	return x, y * sy, true
}

// hasDigitSuffix reports whether a token is digits followed by letters,
// such as an ordinal ("28th") or a unit ("5km", "1990s", "3pm").
func ordinalOrUnit(s string) bool {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
		i++
	}
	if i == 0 || i == len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// bareFraction reads a fraction without a whole number before a percent
// word, as Reuters quotes spreads and money-market rates: "a 7/8 pct
// spread", "13/16 pct". After a mixed fraction and a comma it is the
// other side of a quote and shares the whole number: in "5-7/8, 5/8 pct",
// 5/8 is 5-5/8. It returns the value and the end of the fraction. Dates
// ("26/02") and shares ("3/4 of staff") have no percent word after them.
func bareFraction(toks []tok, i, end int) (float64, int, bool) {
	if i+3 >= end || toks[i+1].lower != "/" || !toks[i+2].digit || toks[i+1].start != toks[i].end ||
		toks[i+2].start != toks[i+1].end || !percentWords[trimDot(toks[i+3].lower)] {
		return 0, 0, false
	}
	n, err1 := strconv.Atoi(toks[i].lower)
	d, err2 := strconv.Atoi(toks[i+2].lower)
	if err1 != nil || err2 != nil || d < 2 || n >= d || d > 64 || d&(d-1) != 0 {
		return 0, 0, false
	}
	v := float64(n) / float64(d)
	if i >= 4 && toks[i-1].lower == "," {
		if w, ok := mixedFraction(toks, i-4, i-1); ok {
			v += math.Trunc(w)
		}
	}
	return v, i + 3, true
}

// joinedUnit reads digits with a currency or percent word joined to them,
// by a hyphen ("50-pct owned", "a 10-mark dividend", "10-dlr") or, for
// pence, without one ("35p", "34.8p"). It returns the value before any
// hundredths are applied and the unit.
func joinedUnit(w string) (float64, string, bool) {
	num, unit, ok := strings.Cut(w, "-")
	if !ok {
		if len(w) < 2 || w[len(w)-1] != 'p' {
			return 0, "", false
		}
		num, unit = w[:len(w)-1], "p"
	}
	if !percentWords[unit] && currencyWords[unit] == "" || unit == "per" || unit == "percentage" || unit == "pound" || unit == "pounds" {
		return 0, "", false // "a 500-pound bomb" weighs
	}
	v, scale, _, ok := parseDigits(num)
	if !ok || scale != 1 {
		return 0, "", false
	}
	return v, unit, true
}

// quoteEnd reads a two-sided quote, bid and offer, as Reuters writes
// exchange rates and prices: "1.6190/00 dlrs", "46.40/46.50 Ecu",
// "410.50/411.00". The bid, a decimal, is the amount; it returns the end
// of the offer. A date ("26/02") has no decimal point.
func quoteEnd(toks []tok, i, end int) (int, bool) {
	if i+2 >= end || toks[i+1].lower != "/" || !toks[i+2].digit || toks[i+1].start != toks[i].end ||
		toks[i+2].start != toks[i+1].end || strings.IndexByte(toks[i].lower, '.') < 0 {
		return 0, false
	}
	if _, _, _, ok := parseDigits(toks[i+2].lower); !ok {
		return 0, false
	}
	return i + 3, true
}

// mixedFraction reads "7-1/2" written as the tokens "7-1", "/", "2".
func mixedFraction(toks []tok, i, end int) (float64, bool) {
	if i+2 >= end || toks[i+1].lower != "/" || !toks[i+2].digit || toks[i+1].start != toks[i].end || toks[i+2].start != toks[i+1].end {
		return 0, false
	}
	whole, num, ok := strings.Cut(toks[i].lower, "-")
	if !ok {
		return 0, false
	}
	w, err1 := strconv.Atoi(whole)
	n, err2 := strconv.Atoi(num)
	d, err3 := strconv.Atoi(toks[i+2].lower)
	if err1 != nil || err2 != nil || err3 != nil || d == 0 || n >= d || d > 64 {
		return 0, false
	}
	return float64(w) + float64(n)/float64(d), true
}
