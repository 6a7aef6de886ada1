package date

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// IsMonthOrWeekday reports whether a word, in lower case and with any
// final full stop, names a month or a day of the week: "november",
// "nov.", "sunday".
func IsMonthOrWeekday(w string) bool {
	w = strings.TrimSuffix(w, ".")
	_, month := monthNames[w]
	_, day := weekdays[w]
	return month || day
}

// yearPreps before a bare four-digit number make it a year.
var yearPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "during": true,
	"before": true, "after": true, "year": true, "early": true, "late": true, "mid": true,
	"through": true, "between": true, "of": true, "fiscal": true, "for": true, "to": true, "and": true,
	"summer": true, "winter": true, "spring": true, "autumn": true, "around": true, "circa": true,
}

// monthPreps before "May" or "March" make them months, not a verb or name.
var monthPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "during": true,
	"before": true, "after": true, "early": true, "late": true, "mid": true, "last": true,
	"next": true, "this": true, "of": true, "through": true, "on": true, "to": true, "mid-": true,
	"end": true, "between": true, "and": true,
}

// timeParts before "of" make the next word a month: "the end of May".
var timeParts = map[string]bool{
	"end": true, "beginning": true, "start": true, "middle": true, "half": true, "part": true,
	"rest": true, "week": true, "weeks": true, "days": true, "day": true, "first": true, "second": true,
	"third": true, "fourth": true, "last": true, "month": true, "ides": true, "course": true,
}

// parser reads date expressions in one sentence, toks[first:end].
type parser struct {
	tt         []tok
	first, end int
	anchor     time.Time
	hasAnchor  bool
	future     bool // the sentence speaks of the future: "will", "is due", "scheduled"
	past       bool // the sentence speaks of the past: "was", "were", "had", "did"
	tensed     bool // future and past are set for this sentence
}

// pastWords mark a sentence about the past.
var pastWords = map[string]bool{"was": true, "were": true, "had": true, "did": true, "ago": true}

// futureWords mark a sentence about the future, where a weekday or month
// without a year is the next one, not the last.
var futureWords = map[string]bool{
	"will": true, "'ll": true, "’ll": true, "shall": true, "scheduled": true, "upcoming": true,
	"due": true, "tomorrow": true, "planned": true,
}

// setSentence points the parser at toks[first:end].
func (p *parser) setSentence(first, end int) {
	p.first, p.end, p.tensed = first, end, false
}

// tense reads, once per sentence and only when a date needs it, whether
// the sentence speaks of the future or of the past.
func (p *parser) tense() (future, past bool) {
	if !p.tensed {
		p.tensed, p.future, p.past = true, false, false
		for i := p.first; i < p.end; i++ {
			w := p.tt[i].lower
			p.future = p.future || futureWords[w]
			p.past = p.past || pastWords[w]
		}
		if p.future {
			p.past = false
		}
	}
	return p.future, p.past
}

func (p *parser) lower(i int) string {
	if i < p.first || i >= p.end {
		return ""
	}
	return p.tt[i].lower
}

// at reads a date expression starting at token i.
func (p *parser) at(i int) (Date, bool) {
	t := p.tt[i]
	w := t.lower
	switch {
	case t.digit:
		if d, ok := p.numeric(i); ok {
			return d, true
		}
	case t.upper:
		if m, ok := monthNames[w]; ok {
			return p.month(i, m)
		}
		if wd, ok := weekdays[w]; ok {
			return p.weekday(i, i, wd, p.lower(i-1)), true
		}
	}
	// "mid-2004", "early-2005", "mid-December"
	if len(w) > 5 && (w[0] == 'm' || w[0] == 'e' || w[0] == 'l') && strings.IndexByte(w, '-') > 0 {
		if d, ok := p.partOf(i, w); ok {
			return d, true
		}
	}
	switch w {
	case "today", "tonight", "yesterday", "tomorrow":
		return p.relDay(i), true
	case "last", "next", "this":
		return p.relative(i)
	case "noon", "midday", "midnight":
		v := "T12:00"
		if w == "midnight" {
			v = "T00:00"
		}
		return Date{First: i, Last: i + 1, Kind: KindTime, Value: v}, true
	}
	if i+2 < p.end && p.tt[i+2].lower == "ago" {
		return p.ago(i)
	}
	return Date{}, false
}

// partOf reads "mid-2004", "early-2005", "mid-December".
func (p *parser) partOf(i int, w string) (Date, bool) {
	pre, rest, _ := strings.Cut(w, "-")
	if pre != "mid" && pre != "early" && pre != "late" {
		return Date{}, false
	}

	if y, ok := yearOf(rest); ok {
		return Date{First: i, Last: i + 1, Kind: KindDate, Value: fmt.Sprintf("%04d", y)}, true
	}
	if m, ok := monthNames[rest]; ok && len(rest) > 3 {
		d := Date{First: i, Last: i + 1, Kind: KindDate, Relative: true}
		if y, ok := p.yearAt(i + 1); ok {
			d.Last, d.Relative = i+2, false
			d.Value = fmt.Sprintf("%04d-%02d", y, m)
		} else if y, ok := p.resolveMonth(m, ""); ok {
			d.Value = fmt.Sprintf("%04d-%02d", y, m)
		}
		return d, true
	}
	return Date{}, false
}

// numeric reads expressions that start with digits: "2015-09-26", "26
// February 2015", "in 2015", "the 1990s", "10:30 a.m.", "1500 GMT", "3 pm",
// "three days ago".
func (p *parser) numeric(i int) (Date, bool) {
	t := p.tt[i]
	w := t.lower
	if v, ok := isoDate(w); ok {
		return Date{First: i, Last: i + 1, Kind: KindDate, Value: v}, true
	}
	if n, ok := smallInt(w); ok {
		// "26 February 2015", "26th of February"
		j := i + 1
		if p.lower(j) == "of" {
			j++
		}
		if j < p.end && p.tt[j].upper {
			if m, ok := monthNames[p.tt[j].lower]; ok && n >= 1 && n <= 31 {
				d := Date{First: i, Last: j + 1, Kind: KindDate}
				if y, ok := p.yearAt(j + 1); ok {
					d.Last = j + 2
					d.Value = fmt.Sprintf("%04d-%02d-%02d", y, m, n)
				} else {
					d.Relative = true
					if y, ok := p.resolveMonth(m, ""); ok {
						d.Value = fmt.Sprintf("%04d-%02d-%02d", y, m, n)
					}
				}
				return d, validDay(d)
			}
		}
		if d, ok := p.clock(i); ok {
			return d, true
		}
		if d, ok := p.ago(i); ok {
			return d, true
		}
	}
	if d, ok := p.clock(i); ok {
		return d, true
	}
	// "the 1990s" is the decade "199".
	if len(w) == 5 && strings.HasSuffix(w, "s") {
		if y, err := strconv.Atoi(w[:4]); err == nil && y >= 1000 && y <= 2090 && y%10 == 0 {
			return Date{First: i, Last: i + 1, Kind: KindDate, Value: w[:3]}, true
		}
	}
	if y, ok := yearOf(w); ok && p.yearContext(i, y) {
		return Date{First: i, Last: i + 1, Kind: KindDate, Value: fmt.Sprintf("%04d", y)}, true
	}
	return Date{}, false
}

// yearContext reports whether the four digits at i, read as y, are a year
// by the words around them: "in 2015", "the 1991 Hajj", "a 2003
// interview", "World Cup 2018", "2002 World Cup", "(2012)", "2000 - 2050";
// but not "2000 troops" or "1500 people".
func (p *parser) yearContext(i, y int) bool {
	prev, next := p.lower(i-1), p.lower(i+1)
	if yearPreps[prev] || monthNames[prev] != 0 {
		return true
	}
	if y < 1900 || y > 2100 {
		return false
	}
	var nextTok tok
	if i+1 < p.end {
		nextTok = p.tt[i+1]
	}
	switch {
	case prev == "the" || prev == "a" || prev == "an" || prev == "'s" || prev == "’s" || prev == "his" || prev == "her" || prev == "its" || prev == "their":
		return true // attributive: "the 2014 protests"
	case i-1 > p.first && p.tt[i-1].upper && p.tt[i-1].text != strings.ToUpper(p.tt[i-1].text):
		return true // "World Cup 2018", "Fan Expo Canada 2016"
	case nextTok.upper:
		return true // "2002 World Cup"
	case next == "" || !isWordStart(nextTok.text):
		return true // "from file, 2008.", "(2012)", "2000 - 2050"
	}
	return false
}

func isWordStart(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

// month reads "September 2015", "Feb 26", "February 26, 1987", "Dec. 5",
// "December".
func (p *parser) month(i int, m time.Month) (Date, bool) {
	w := p.tt[i].lower
	prev := p.lower(i - 1)
	d := Date{First: i, Last: i + 1, Kind: KindDate}
	j := i + 1
	day := 0
	if j < p.end {
		if n, ok := dayOf(p.tt[j].lower); ok {
			day, j = n, j+1
			d.Last = j
		}
	}
	if j < p.end && p.tt[j].text == "," && day > 0 {
		if _, ok := p.yearAt(j + 1); ok {
			j++
		}
	}
	year, hasYear := p.yearAt(j)
	if hasYear {
		d.Last = j + 1
	}
	if day == 0 && !hasYear {
		// "May" and "March" are verbs and names too, and "Jan" a name; "of"
		// makes them months only after a part of time: "the end of May",
		// not "The Darling Buds of May".
		if w == "may" || w == "march" || len(w) <= 4 && !strings.HasSuffix(p.tt[i].text, ".") {
			if !monthPreps[prev] || prev == "of" && !timeParts[p.lower(i-2)] {
				return Date{}, false
			}
		}
		if i == p.first && !monthPreps[prev] && (w == "may" || w == "march") {
			return Date{}, false
		}
	}
	switch {
	case hasYear && day > 0:
		d.Value = fmt.Sprintf("%04d-%02d-%02d", year, m, day)
	case hasYear:
		d.Value = fmt.Sprintf("%04d-%02d", year, m)
	default:
		d.Relative = true
		if y, ok := p.resolveMonth(m, prev); ok {
			if day > 0 {
				d.Value = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
			} else {
				d.Value = fmt.Sprintf("%04d-%02d", y, m)
			}
		}
	}
	if (prev == "last" || prev == "next" || prev == "this") && i > p.first {
		d.First = i - 1
	}
	return d, validDay(d)
}

// resolveMonth picks the year of a month named without one: after "last"
// the most recent before the anchor's month, after "next" the first after
// it; in a sentence about the future the first on or after it; else the
// nearest to the anchor, the past one on a tie.
func (p *parser) resolveMonth(m time.Month, prev string) (int, bool) {
	if !p.hasAnchor {
		return 0, false
	}
	y, am := p.anchor.Year(), p.anchor.Month()
	future, past := p.tense()
	switch {
	case prev == "last":
		if m >= am {
			y--
		}
	case prev == "next":
		if m <= am {
			y++
		}
	case future:
		if m < am {
			y++
		}
	case past:
		if m > am {
			y--
		}
	case m > am && int(m-am) >= 6:
		y-- // December seen from May: five months back, seven ahead
	case m < am && int(am-m) > 6:
		y++ // February seen from September: five months ahead
	}
	return y, true
}

// weekday reads "Thursday", "last Thursday", "next Thursday"; first is
// where the expression starts.
func (p *parser) weekday(first, i int, wd time.Weekday, prev string) Date {
	// "Friday, July 21, 2017", "Tuesday 18 June 2019": the date says it all
	j := i + 1
	if j < p.end && p.tt[j].text == "," {
		j++
	}
	if j < p.end && (p.tt[j].upper || p.tt[j].digit) {
		if full, ok := p.at(j); ok && full.Kind == KindDate && !full.Relative && len(full.Value) == 10 {
			full.First = first
			return full
		}
	}
	d := Date{First: first, Last: i + 1, Kind: KindDate, Relative: true}
	if (prev == "last" || prev == "next" || prev == "this") && i > p.first {
		d.First = i - 1
	}
	if !p.hasAnchor {
		return d
	}
	a := day(p.anchor)
	var t time.Time
	switch prev {
	case "last":
		back := (int(a.Weekday()) - int(wd) + 7) % 7
		if back == 0 {
			back = 7
		}
		t = a.AddDate(0, 0, -back)
	case "next":
		fwd := (int(wd) - int(a.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = a.AddDate(0, 0, fwd)
	case "this":
		// The ISO week runs Monday to Sunday.
		t = a.AddDate(0, 0, isoIndex(wd)-isoIndex(a.Weekday()))
	default:
		// News tells of the days just past: "on Friday" in a Monday story
		// is three days before; in a sentence about the future it is the
		// next one.
		if future, _ := p.tense(); future {
			t = a.AddDate(0, 0, (int(wd)-int(a.Weekday())+7)%7)
		} else {
			t = a.AddDate(0, 0, -((int(a.Weekday()) - int(wd) + 7) % 7))
		}
	}
	d.Value = t.Format("2006-01-02")
	return d
}

func isoIndex(wd time.Weekday) int { return (int(wd) + 6) % 7 }

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// relDay reads "today", "tonight", "yesterday", "tomorrow".
func (p *parser) relDay(i int) Date {
	d := Date{First: i, Last: i + 1, Kind: KindDate, Relative: true}
	if p.hasAnchor {
		off := map[string]int{"yesterday": -1, "tomorrow": 1}[p.tt[i].lower]
		d.Value = day(p.anchor).AddDate(0, 0, off).Format("2006-01-02")
	}
	return d
}

// relative reads "last year", "this month", "next week", "last Monday",
// "last December".
func (p *parser) relative(i int) (Date, bool) {
	if i+1 >= p.end {
		return Date{}, false
	}
	rel, next := p.tt[i].lower, p.tt[i+1]
	if next.upper {
		if wd, ok := weekdays[next.lower]; ok {
			return p.weekday(i, i+1, wd, rel), true
		}
		if m, ok := monthNames[next.lower]; ok && len(next.lower) > 3 {
			return p.month(i+1, m)
		}
	}
	off := map[string]int{"last": -1, "next": 1}[rel]
	d := Date{First: i, Last: i + 2, Kind: KindDate, Relative: true}
	a := day(p.anchor)
	switch next.lower {
	case "year":
		if p.hasAnchor {
			d.Value = fmt.Sprintf("%04d", a.Year()+off)
		}
	case "month":
		if p.hasAnchor {
			d.Value = time.Date(a.Year(), a.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
	case "week", "weekend":
		// A weekend is the end of its ISO week: "this weekend" is the week's.
		if p.hasAnchor {
			y, wk := a.AddDate(0, 0, 7*off).ISOWeek()
			d.Value = fmt.Sprintf("%04d-W%02d", y, wk)
		}
	case "morning", "afternoon", "evening", "night":
		if rel != "this" && !(rel == "last" && next.lower == "night") {
			return Date{}, false
		}
		if p.hasAnchor {
			if rel == "last" {
				a = a.AddDate(0, 0, -1)
			}
			d.Value = a.Format("2006-01-02")
		}
	default:
		return Date{}, false
	}
	return d, true
}

// ago reads "three days ago", "a year ago", "two weeks ago".
func (p *parser) ago(i int) (Date, bool) {
	if i+2 >= p.end || p.tt[i+2].lower != "ago" {
		return Date{}, false
	}
	n, ok := countOf(p.tt[i].lower)
	if !ok {
		return Date{}, false
	}
	d := Date{First: i, Last: i + 3, Kind: KindDate, Relative: true}
	a := day(p.anchor)
	unit := strings.TrimSuffix(p.tt[i+1].lower, "s")
	switch unit {
	case "day", "week", "month", "year", "decade", "hour", "minute":
	default:
		return Date{}, false
	}
	if !p.hasAnchor || n < 0 {
		return d, true
	}
	switch unit {
	case "hour", "minute":
		d.Value = p.anchor.Add(-time.Duration(n) * map[string]time.Duration{"hour": time.Hour, "minute": time.Minute}[unit]).Format("2006-01-02")
	case "day":
		d.Value = a.AddDate(0, 0, -n).Format("2006-01-02")
	case "week":
		d.Value = a.AddDate(0, 0, -7*n).Format("2006-01-02")
	case "month":
		d.Value = time.Date(a.Year(), a.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	case "year":
		d.Value = fmt.Sprintf("%04d", a.Year()-n)
	case "decade":
		d.Value = fmt.Sprintf("%04d", a.Year()-10*n)
	}
	return d, true
}

// clock reads "10:30", "10:30 a.m.", "3 pm", "3pm", "1500 GMT".
func (p *parser) clock(i int) (Date, bool) {
	w := p.tt[i].lower
	h, m := -1, 0
	last := i + 1
	if p.lower(i+1) == ":" && i+2 < p.end && p.tt[i+2].start == p.tt[i+1].end && p.tt[i+1].start == p.tt[i].end {
		hh, err1 := strconv.Atoi(w)
		mm, err2 := strconv.Atoi(p.tt[i+2].lower)
		mins := p.tt[i+2].lower
		if strings.HasSuffix(mins, "am") || strings.HasSuffix(mins, "pm") {
			w = mins[2:] // "6:00am"
			mins = mins[:2]
			mm, err2 = strconv.Atoi(mins)
		}
		if err1 != nil || err2 != nil || len(mins) != 2 {
			return Date{}, false
		}
		h, m, last = hh, mm, i+3
	} else if n, suf := splitSuffix(w); suf == "am" || suf == "pm" {
		h, last = n, i+1
		w = suf
	} else if n, err := strconv.Atoi(w); err == nil {
		switch p.lower(i + 1) {
		case "a.m", "p.m", "am", "pm":
			h = n
		case "gmt", "utc", "bst", "edt", "est", "hrs", "local":
			if len(w) == 4 {
				h, m = n/100, n%100
			} else {
				return Date{}, false
			}
		default:
			return Date{}, false
		}
	} else {
		return Date{}, false
	}
	suffix := p.lower(last)
	if w == "am" || w == "pm" {
		suffix = w
	} else if suffix == "a.m" || suffix == "p.m" || suffix == "am" || suffix == "pm" || suffix == "gmt" || suffix == "utc" || suffix == "hrs" || suffix == "bst" || suffix == "edt" || suffix == "est" {
		last++
	}
	if strings.HasPrefix(suffix, "p") && h < 12 {
		h += 12
	} else if strings.HasPrefix(suffix, "a") && h == 12 {
		h = 0
	}
	if h < 0 || h > 24 || m < 0 || m > 59 {
		return Date{}, false
	}
	return Date{First: i, Last: last, Kind: KindTime, Value: fmt.Sprintf("T%02d:%02d", h, m)}, true
}

// splitSuffix splits "3pm" into 3 and "pm".
func splitSuffix(w string) (int, string) {
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(w[:k])
	if err != nil || k > 2 {
		return 0, ""
	}
	return n, w[k:]
}

// yearAt reads a year at token j: "2015", "1987".
func (p *parser) yearAt(j int) (int, bool) {
	if j < p.first || j >= p.end {
		return 0, false
	}
	return yearOf(p.tt[j].lower)
}

// yearOf reads a four-digit year between 1000 and 2199.
func yearOf(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

// dayOf reads a day of the month: "26", "26th", "1st".
func dayOf(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 || len(w) > 2 {
		return 0, false
	}
	return n, true
}

// smallInt reads a day number, with or without an ordinal suffix.
func smallInt(w string) (int, bool) { return dayOf(w) }

// countWords are the spelled-out counts of "three days ago"; -1 is a
// count the text leaves open.
var countWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "several": -1, "few": -1, "couple": -1,
}

// countOf reads the count of "three days ago".
func countOf(w string) (int, bool) {
	if n, ok := countWords[w]; ok {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 0 && n < 1000
}

// isoDate reads "2015-09-26" or "2015-09".
func isoDate(w string) (string, bool) {
	if len(w) != 10 && len(w) != 7 {
		return "", false
	}
	layout := "2006-01-02"
	if len(w) == 7 {
		layout = "2006-01"
	}
	if _, err := time.Parse(layout, w); err != nil {
		return "", false
	}
	return w, true
}

// validDay rejects "February 31".
func validDay(d Date) bool {
	if len(d.Value) != 10 {
		return true
	}
	_, err := time.Parse("2006-01-02", d.Value)
	return err == nil
}
