package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

// goldenArticles is testdata/bbc_quotes.json: hand-checked speakers of the
// quotations of real articles.
type goldenArticles struct {
	Articles []struct {
		Source string `json:"source"`
		Split  string `json:"split"` // "dev" or "blind"
		Names  []struct {
			Key   string           `json:"key"`
			Type  graph.EntityType `json:"type"`
			Names []string         `json:"names"`
		} `json:"names"`
		Quotes []struct {
			Starts  string `json:"starts"`
			Speaker string `json:"speaker"`
			// Note explains a known miss; the quote is counted but not failed.
			Note string `json:"note"`
		} `json:"quotes"`
	} `json:"articles"`
}

// loadBBC returns the texts of the given BBC articles; the data set is
// missing for t when absent (testenv.Missing).
func loadBBC(t *testing.T, ids map[string]bool) map[string]string {
	t.Helper()
	f, err := os.Open(testenv.Shared(t, "data/news_raw_bbc2225/bbc2225.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	for sc.Scan() {
		var r struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if ids[r.ID] {
			out[r.ID] = r.Text
		}
	}
	return out
}

// TestGoldenBBC attributes the quotations of BBC and En-Worldwide articles, with the
// names a reader would mark as the candidates, and checks every speaker
// against the hand-checked key. It logs the share found and right (-v).
func TestGoldenBBC(t *testing.T) {
	raw, err := os.ReadFile("testdata/bbc_quotes.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenArticles
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, a := range g.Articles {
		ids[a.Source] = true
	}
	texts := loadBBC(t, ids)
	for id := range ids {
		if name, ok := strings.CutPrefix(id, "worldwide/"); ok {
			texts[id] = string(testenv.ReadShared(t, "data/en_worldwide_newswire/original_articles/"+name))
		}
	}
	type tally struct{ total, found, right int }
	tallies := map[string]*tally{"dev": {}, "blind": {}}
	for _, a := range g.Articles {
		n := tallies[a.Split]
		if n == nil {
			t.Fatalf("%s: unknown split %q", a.Source, a.Split)
		}
		text, ok := texts[a.Source]
		if !ok {
			t.Errorf("%s: not in the data set", a.Source)
			continue
		}
		toks := token.Tokenize(text)
		var ents []entity
		for _, n := range a.Names {
			for _, name := range n.Names {
				ents = append(ents, entity{name: name, key: n.Key, typ: n.Type})
			}
		}
		quotes := Find(text, toks, token.Sentences(text, toks), tokenCandidates(toks, ents))
		for _, w := range a.Quotes {
			n.total++
			var q *Quote
			for i := range quotes {
				if strings.HasPrefix(strings.TrimSpace(quotes[i].Text), w.Starts) {
					q = &quotes[i]
					break
				}
			}
			switch {
			case q == nil:
				t.Errorf("%s: quotation %q not found", a.Source, w.Starts)
			case q.Speaker != w.Speaker && w.Note != "":
				n.found++
				t.Logf("%s: %q said by %q, want %q (known: %s)", a.Source, w.Starts, q.Speaker, w.Speaker, w.Note)
			case q.Speaker != w.Speaker:
				n.found++
				t.Errorf("%s: %q said by %q, want %q", a.Source, w.Starts, q.Speaker, w.Speaker)
			default:
				n.found++
				n.right++
			}
		}
	}
	for _, split := range []string{"dev", "blind"} {
		n := tallies[split]
		t.Logf("quotes BBC %-5s %d quotations, %d found, %d right speaker (%.3f)",
			split, n.total, n.found, n.right, float64(n.right)/float64(max(n.total, 1)))
	}
}

// tokenCandidates marks every occurrence of each name in toks, comparing
// tokens, longest names first.
func tokenCandidates(toks []token.Token, ents []entity) []Candidate {
	type pat struct {
		words []string
		e     entity
	}
	var pats []pat
	for _, e := range ents {
		var words []string
		for _, t := range token.Tokenize(e.name) {
			words = append(words, t.Text)
		}
		pats = append(pats, pat{words, e})
	}
	sort.SliceStable(pats, func(i, j int) bool { return len(pats[i].words) > len(pats[j].words) })
	taken := make([]bool, len(toks))
	var out []Candidate
	for _, p := range pats {
	next:
		for i := 0; i+len(p.words) <= len(toks); i++ {
			for k, w := range p.words {
				if taken[i+k] || toks[i+k].Text != w {
					continue next
				}
			}
			for k := range p.words {
				taken[i+k] = true
			}
			out = append(out, Candidate{First: i, Last: i + len(p.words), Key: p.e.key, Type: p.e.typ})
		}
	}
	return out
}
