package date

import (
	"fmt"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// FuzzFind checks that Find never panics, that every date points at its own
// text in code points, and that values parse as the ISO 8601 forms used.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Putin met Assad on Thursday, since September 2015, last met in December.",
		"SALVADOR, Feb 26 - at 10:30 a.m. and 1500 GMT, three days ago, the 1990s",
		"2015-09-26 next December last Monday yesterday", "a\xffb May 5", "12:", "Feb 31, 2015",
	} {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2018, 5, 17, 0, 0, 0, 0, time.UTC).Unix())
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var anchor time.Time
		if unix != 0 && unix > -1e11 && unix < 1e11 {
			anchor = time.Unix(unix, 0).UTC()
		}
		toks := token.Tokenize(text)
		for _, d := range Find(text, toks, token.Sentences(text, toks), anchor) {
			if got := graph.Slice(text, d.Start, d.End); got != d.Text || d.Text == "" {
				t.Fatalf("date [%d,%d) is %q, Text %q", d.Start, d.End, got, d.Text)
			}
			if d.Kind != KindDate && d.Kind != KindTime {
				t.Fatalf("bad kind %q", d.Kind)
			}
			if d.Value != "" && !validValue(d.Value) {
				t.Fatalf("date %q: bad value %q", d.Text, d.Value)
			}
		}
	})
}

// validValue reports whether v is one of the ISO 8601 forms Find returns.
func validValue(v string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006", "T15:04"} {
		if _, err := time.Parse(layout, v); err == nil {
			return true
		}
	}
	if len(v) == 3 { // a decade, "199"
		return true
	}
	var y, w int
	if n, err := fmtSscanf(v, &y, &w); err == nil && n == 2 && w >= 1 && w <= 53 {
		return true
	}
	return false
}

func fmtSscanf(v string, y, w *int) (int, error) { return fmt.Sscanf(v, "%04d-W%02d", y, w) }
