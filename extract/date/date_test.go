package date

import (
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/token"

	"github.com/factgraph/factgraph/internal/testenv"
)

func run(text string, anchor time.Time) []Date {
	toks := token.Tokenize(text)
	return Find(text, toks, token.Sentences(text, toks), anchor)
}

func TestFind(t *testing.T) {
	// Thursday 17 May 2018, the day of the seed article's meeting.
	anchor := time.Date(2018, 5, 17, 12, 0, 0, 0, time.UTC)
	var none time.Time
	type d struct{ text, value string }
	tests := []struct {
		name, in string
		anchor   time.Time
		want     []d
	}{
		{"MonthYear", "Russia has been involved since September 2015.", none, []d{{"September 2015", "2015-09"}}},
		{"FullDate", "It began on February 26, 1987, in Brazil.", none, []d{{"February 26, 1987", "1987-02-26"}}},
		{"DayMonthYear", "Polls open on 5 March 2019.", none, []d{{"5 March 2019", "2019-03-05"}}},
		{"ISO", "LONDON 1996-08-30", none, []d{{"1996-08-30", "1996-08-30"}}},
		{"Year", "He was elected in 2015.", none, []d{{"2015", "2015"}}},
		{"Decade", "Prices fell in the 1990s.", none, []d{{"1990s", "199"}}},
		{"MonthNoAnchor", "They last met in December.", none, []d{{"December", ""}}},
		{"MonthAnchorPast", "They last met in December.", anchor, []d{{"December", "2017-12"}}},
		{"MonthAnchorSame", "They met in May.", anchor, []d{{"May", "2018-05"}}},
		{"NextMonth", "They meet again next December.", anchor, []d{{"next December", "2018-12"}}},
		{"AbbrevDay", "SALVADOR, Feb 26 - Showers continued.", time.Date(1987, 2, 26, 15, 1, 0, 0, time.UTC), []d{{"Feb 26", "1987-02-26"}}},
		{"WeekdayNoAnchor", "Putin met Assad on Thursday.", none, []d{{"Thursday", ""}}},
		{"Weekday", "Putin met Assad on Thursday.", anchor, []d{{"Thursday", "2018-05-17"}}},
		{"WeekdayEarlier", "They spoke on Monday.", anchor, []d{{"Monday", "2018-05-14"}}},
		{"LastWeekday", "They spoke last Thursday.", anchor, []d{{"last Thursday", "2018-05-10"}}},
		{"Yesterday", "The talks ended yesterday.", anchor, []d{{"yesterday", "2018-05-16"}}},
		{"LastYear", "Sales fell last year.", anchor, []d{{"last year", "2017"}}},
		{"LastMonth", "Sales fell last month.", anchor, []d{{"last month", "2018-04"}}},
		{"ThisWeek", "He arrives this week.", anchor, []d{{"this week", "2018-W20"}}},
		{"Ago", "He left three years ago.", anchor, []d{{"three years ago", "2015"}}},
		{"LastYearNoAnchor", "Sales fell last year.", none, []d{{"last year", ""}}},
		{"Time", "The blast hit at 10:30 a.m. local time.", none, []d{{"10:30 a.m.", "T10:30"}}},
		{"TimeGMT", "Trading closed at 1500 GMT.", none, []d{{"1500 GMT", "T15:00"}}},
		{"TimePM", "He spoke at 3pm.", none, []d{{"3pm", "T15:00"}}},
		{"MidYear", "Prices peaked in mid-2004.", none, []d{{"mid-2004", "2004"}}},
		{"MidMonth", "Talks resume in mid-December.", anchor, []d{{"mid-December", "2017-12"}}},
		{"WeekdayWithDate", "Published Friday, July 21, 2017 in Washington.", none, []d{{"Friday, July 21, 2017", "2017-07-21"}}},
		{"WeekdayFuture", "The team will play on Friday.", anchor, []d{{"Friday", "2018-05-18"}}},
		{"WeekdayPast", "The team played on Friday.", anchor, []d{{"Friday", "2018-05-11"}}},
		{"MonthFuture", "Elections will be held in March.", anchor, []d{{"March", "2019-03"}}},
		{"MonthNearestAhead", "The festival opens in July.", anchor, []d{{"July", "2018-07"}}},
		{"MonthPastTense", "Talks were held in July.", anchor, []d{{"July", "2017-07"}}},
		{"AttributiveYear", "Pilgrims died in the 1991 Hajj.", none, []d{{"1991", "1991"}}},
		{"NameYear", "FIFA World Cup 2018 day five.", none, []d{{"2018", "2018"}}},
		{"NotYearCount", "Some 2000 troops arrived.", none, nil},
		{"YearsAgoWord", "He left Seventeen years ago.", anchor, []d{{"Seventeen years ago", "2001"}}},
		{"HoursAgo", "It was posted 24 hours ago.", anchor, []d{{"24 hours ago", "2018-05-16"}}},
		{"ThisWeekend", "Crowds gather this weekend.", anchor, []d{{"this weekend", "2018-W20"}}},
		{"ClockAmJoined", "Police came at 6:00am.", none, []d{{"6:00am", "T06:00"}}},
		{"NotMayVerb", "Prices may rise.", none, nil},
		{"NotMayName", "Theresa May said so.", none, nil},
		{"NotMayTitle", "He starred in The Darling Buds of May on TV.", none, nil},
		{"EndOfMay", "It is due by the end of May.", anchor, []d{{"May", "2018-05"}}},
		{"NotMarchNoun", "The March on Rome failed.", none, nil},
		{"NotCount", "Some 2015 people came.", none, nil},
		{"NotJanName", "Jan Smith spoke.", none, nil},
		{"InvalidDay", "Due on February 31, 2015.", none, []d{{"2015", "2015"}}},
		{"Empty", "", none, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []d
			for _, x := range run(tt.in, tt.anchor) {
				got = append(got, d{x.Text, x.Value})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("date %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseAnchor(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		ok       bool
	}{
		{"RFC3339", "2018-05-17T10:00:00Z", "2018-05-17", true},
		{"Date", "2018-05-17", "2018-05-17", true},
		{"Reuters", "26-FEB-1987 15:01:01.79", "1987-02-26", true},
		{"Long", "May 17, 2018", "2018-05-17", true},
		{"RFC1123", "Thu, 17 May 2018 10:00:00 GMT", "2018-05-17", true},
		{"Spaces", "  2018-05-17 ", "2018-05-17", true},
		{"Empty", "", "", false},
		{"Garbage", "yesterday-ish", "", false},
		{"BadMonth", "2018-13-01", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseAnchor(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseAnchor(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if ok && got.Format("2006-01-02") != tt.want {
				t.Errorf("ParseAnchor(%q) = %s, want %s", tt.in, got.Format("2006-01-02"), tt.want)
			}
		})
	}
}

// TestSeed checks the dates of the seed article: Thursday, December and
// September 2015.
func TestSeed(t *testing.T) {
	text := testenv.ReadShared(t, "seed/article.txt")
	var got []string
	for _, d := range run(string(text), time.Time{}) {
		got = append(got, d.Text+"="+d.Value)
	}
	want := "Thursday=|December=|September 2015=2015-09"
	if strings.Join(got, "|") != want {
		t.Errorf("dates = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestIsMonthOrWeekday(t *testing.T) {
	for w, want := range map[string]bool{"november": true, "nov.": true, "sept": true, "sunday": true, "may": true, "mayor": false, "summer": false, "": false} {
		if got := IsMonthOrWeekday(w); got != want {
			t.Errorf("IsMonthOrWeekday(%q) = %v, want %v", w, got, want)
		}
	}
}
