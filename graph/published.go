package graph

import (
	"fmt"
	"strings"
	"time"
)

// isoLayouts are the ISO 8601 forms a publication date may take, kept as
// given (with a space before the time turned into "T").
var isoLayouts = []string{
	"2006",
	"2006-01",
	"2006-01-02",
	"2006-01-02T15:04",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05Z07:00",
}

// otherLayouts are common news-feed forms, rewritten in ISO 8601: RSS and
// e-mail dates, Reuters-21578's ("26-FEB-1987 15:01:01.79"), and written-out
// dates. Numeric day/month forms such as 02/03/2020 are ambiguous and
// refused.
var otherLayouts = []struct {
	layout string
	out    string // time.Format layout of the ISO result
}{
	{"2006-01-02T15:04:05 -0700", "2006-01-02T15:04:05Z07:00"},
	{time.RFC1123Z, "2006-01-02T15:04:05Z07:00"},
	{"Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z07:00"},
	{"2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z07:00"},
	{"Monday, 02-Jan-06 15:04:05 -0700", "2006-01-02T15:04:05Z07:00"},
	{time.ANSIC, "2006-01-02T15:04:05"},
	{"2-Jan-2006 15:04:05", "2006-01-02T15:04:05"},
	{"2-Jan-2006", "2006-01-02"},
	{"January 2, 2006", "2006-01-02"},
	{"Jan 2, 2006", "2006-01-02"},
	{"2 January 2006", "2006-01-02"},
	{"2 Jan 2006", "2006-01-02"},
	{"Monday, January 2, 2006", "2006-01-02"},
	{"Monday, 2 January 2006", "2006-01-02"},
}

// NormalizePublished returns a document's publication date in ISO 8601,
// which stores sort and filter as a string (Document.Validate checks the
// shape): ISO dates are kept, common news-feed forms are rewritten,
// anything else is an error saying what to use.
func NormalizePublished(date string) (string, error) {
	given := strings.TrimSpace(date)
	s, err := numericZone(given)
	if err != nil {
		return "", err
	}
	if len(s) > 10 && s[4] == '-' && s[10] == ' ' {
		s = s[:10] + "T" + s[11:] // "2017-11-21 18:04:05"
	}
	if len(s) > 12 && s[4] == '-' && s[10] == 'T' && s[12] == ':' {
		s = s[:11] + "0" + s[11:] // "T6:04": time.Parse takes a one-digit hour
	}
	for _, l := range isoLayouts {
		if _, err := time.Parse(l, stripFraction(s)); err == nil {
			return s, nil
		}
	}
	for _, o := range otherLayouts {
		if t, err := time.Parse(o.layout, stripFraction(s)); err == nil {
			return t.Format(o.out), nil
		}
	}
	// Letters glued to a time's fractional seconds carry no date
	// ("27-MAR-1987 00:02:59.13RM" or "….13E F" in Reuters-21578, editors'
	// marks); a separate word there may be a zone or "pm", so it is not
	// dropped.
	if t := strings.TrimRightFunc(s, isLetterOrSpace); t != s && endsWithFraction(t) && s[len(t)] != ' ' && !meaningfulTail(s[len(t):]) {
		if d, err := NormalizePublished(t); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("unrecognized date %q: use ISO 8601 (2006-01-02 or 2006-01-02T15:04:05Z)", given)
}

// stripFraction removes fractional seconds ("15:01:01.79" → "15:01:01"),
// which the layouts above do not spell out; they carry no meaning for a
// publication date.
func stripFraction(s string) string {
	i := strings.LastIndexByte(s, ':')
	if i < 0 || i+3 >= len(s) || s[i+3] != '.' && s[i+3] != ',' {
		return s
	}
	j := i + 4
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return s[:i+3] + s[j:]
}

func isLetterOrSpace(r rune) bool { return r == ' ' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// meaningfulTail reports whether letters after a time may change it: "PM",
// "AM", "Z", or a word of three letters or more, which may name a time
// zone.
func meaningfulTail(tail string) bool {
	up := strings.ToUpper(tail)
	if strings.HasPrefix(up, "AM") || strings.HasPrefix(up, "PM") || strings.HasPrefix(up, "Z") {
		return true
	}
	for _, w := range strings.Fields(up) {
		if len(w) > 2 { // a zone name ("CET"); Reuters' marks are "F", "RM", "E F"
			return true
		}
	}
	return false
}

// endsWithFraction reports whether s ends with a time's fractional seconds
// (":01.79").
func endsWithFraction(s string) bool {
	i := strings.LastIndexByte(s, '.')
	if i < 3 || i == len(s)-1 || s[i-3] != ':' {
		return false
	}
	for _, r := range s[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// zoneOffsets are the time-zone names of RFC 822 dates (RSS, e-mail),
// which time.Parse would read by the machine's own zone database or as
// UTC: a date must not depend on where it is ingested.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
}

// numericZone replaces a time-zone name at the end of a date with time
// ("… 18:04:05 EST") by its offset, and refuses names it does not know.
func numericZone(s string) (string, error) {
	i := strings.LastIndexByte(s, ' ')
	if i < 1 || !strings.Contains(s[:i], ":") || s[i-1] < '0' || s[i-1] > '9' {
		return s, nil // the last word does not follow a time
	}
	name := s[i+1:]
	if name == "" || strings.TrimRightFunc(name, isLetterOrSpace) != "" {
		return s, nil // not a word of letters
	}
	if off, ok := zoneOffsets[strings.ToUpper(name)]; ok {
		return s[:i+1] + off, nil
	}
	if len(name) <= 5 {
		return "", fmt.Errorf("unknown time zone %q in date %q: use ISO 8601 with a numeric offset (2006-01-02T15:04:05-05:00)", name, s)
	}
	return s, nil
}
