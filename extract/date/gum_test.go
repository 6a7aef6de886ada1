package date

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/token"

	"github.com/factgraph/factgraph/internal/testenv"
)

// gumDoc is a document of GUM's Wikinews genres with its gold date spans
// (code points) and their normalized values.
type gumDoc struct {
	ID          string `json:"doc_id"`
	DateCreated string `json:"dateCreated"`
	Text        string `json:"text"`
	Dates       []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		When  string `json:"when"`
	} `json:"dates"`
}

// TestGUM measures Find against the gold dates of GUM's Wikinews news and
// interviews (the 39 documents outside its test split), anchored at each
// document's creation date: spans found (overlap), and values equal to
// GUM's "when" where both have one. It logs the numbers (-v) and fails below
// the floors that the current rules reach, so that a change that loses
// dates shows.
func TestGUM(t *testing.T) {
	f, err := os.Open(testenv.Shared(t, "data/gum_wikinews/gum_wikinews_entities.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var gold, found, pred, correct, valued, rightValue int
	for sc.Scan() {
		var d gumDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		anchor, _ := ParseAnchor(d.DateCreated)
		toks := token.Tokenize(d.Text)
		got := Find(d.Text, toks, token.Sentences(d.Text, toks), anchor)
		dates := got // GUM marks times of day as dates too
		pred += len(dates)
		for _, p := range dates {
			for _, g := range d.Dates {
				if p.Start < g.End && g.Start < p.End {
					correct++
					break
				}
			}
		}
		for _, g := range d.Dates {
			gold++
			hit := false
			for _, p := range dates {
				if p.Start < g.End && g.Start < p.End {
					hit = true
				}
			}
			if !hit && os.Getenv("GUM_MISSES") != "" {
				t.Logf("missed %s: %q", d.ID, g.Text)
			}
			for _, p := range dates {
				if p.Start < g.End && g.Start < p.End {
					found++
					if g.When != "" && p.Value != "" {
						valued++
						if p.Value == g.When || strings.HasPrefix(g.When, p.Value) && len(p.Value) >= 4 && partialOK(g.Text) {
							rightValue++
						} else if testing.Verbose() {
							t.Logf("%s: %q = %q, gold %q (anchor %s)", d.ID, p.Text, p.Value, g.When, anchor.Format(time.DateOnly))
						}
					}
					break
				}
			}
		}
	}
	precision, recall := ratio(correct, pred), ratio(found, gold)
	values := ratio(rightValue, valued)
	t.Logf("dates GUM: gold=%d predicted=%d precision=%.3f recall=%.3f values right=%d/%d (%.3f)",
		gold, pred, precision, recall, rightValue, valued, values)
	if precision < 0.9 || recall < 0.85 || values < 0.9 {
		t.Errorf("precision %.3f, recall %.3f, values %.3f: below 0.9, 0.85, 0.9", precision, recall, values)
	}
}

// partialOK reports whether a gold expression is itself partial, so that
// a partial value is the right one ("in 2015" is 2015 even where GUM
// writes 2015-01-01).
func partialOK(text string) bool { return !strings.ContainsAny(text, "0123456789") || len(text) <= 9 }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
