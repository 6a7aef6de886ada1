package figure

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/figures.golden.jsonl")
	show   = flag.String("show", "", "with -v, log the errors of this split (dev, heldout)")
)

// labelled is one hand-annotated sentence of testdata/figures.jsonl.
type labelled struct {
	Text    string  `json:"text"`
	Figures []label `json:"figures"`
	Source  string  `json:"source"`
	Split   string  `json:"split"` // "dev", "heldout", "heldout2", …
}

// label is a figure as the annotator read it: a Value, or Low and High for
// ranges and vague amounts.
type label struct {
	Value   *float64 `json:"value,omitempty"`
	Low     *float64 `json:"low,omitempty"`
	High    *float64 `json:"high,omitempty"`
	Measure string   `json:"measure"`
	Text    string   `json:"text"`
	// Qualifier and Kind are labelled in the blindN.jsonl files only: the
	// qualifier as written and the kind (graph.KindToll,
	// graph.KindForecast or "" for an incident).
	Qualifier *string `json:"qualifier,omitempty"`
	Kind      *string `json:"kind,omitempty"`
}

// key renders what precision and recall count: the value and the measure.
func (l label) key() string {
	if l.Value != nil {
		return fmt.Sprintf("%s=%s", l.Measure, num(*l.Value))
	}
	if l.Low != nil && l.High != nil {
		return fmt.Sprintf("%s=%s..%s", l.Measure, num(*l.Low), num(*l.High))
	}
	return l.Measure + "=?"
}

// num prints v with enough precision to compare decimals read two ways.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.6g", v)
}

// labelSets are the hand-annotated files, read in this order.
var labelSets = []string{"testdata/figures.jsonl", "testdata/blind8.jsonl", "testdata/blind9.jsonl", "testdata/blind10.jsonl", "testdata/blind11.jsonl", "testdata/blind12.jsonl", "testdata/blind13.jsonl"}

func loadLabelled(tb testing.TB) []labelled {
	var out []labelled
	for _, path := range labelSets {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			var l labelled
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				tb.Fatalf("%s line %d: %v", path, line, err)
			}
			out = append(out, l)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// score counts true positives, predictions and gold figures of one split;
// of the true positives whose label gives a qualifier and a kind, how many
// the extractor read the same.
type score struct {
	tp, pred, gold, sentences, negatives int
	typed, qualOK, kindOK                int
}

func (s score) precision() float64 { return ratio(s.tp, s.pred) }
func (s score) recall() float64    { return ratio(s.tp, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestGolden measures precision and recall of (value, measure) on the
// hand-annotated sentences, and checks the full output against
// testdata/figures.golden.jsonl (rewrite it with -update).
func TestGolden(t *testing.T) {
	rows := loadLabelled(t)
	scores := map[string]*score{"dev": {}, "heldout": {}, "heldout2": {}, "heldout3": {}, "heldout4": {}, "heldout5": {}, "heldout6": {}, "heldout7": {}, "heldout8": {}, "heldout9": {}, "heldout10": {}, "heldout11": {}, "heldout12": {}, "heldout13": {}, "all": {}}
	var golden bytes.Buffer
	for _, r := range rows {
		toks := token.Tokenize(r.Text)
		figs := Find(r.Text, toks, token.Sentences(r.Text, toks))
		want := map[string]int{}
		for _, l := range r.Figures {
			want[l.key()]++
		}
		tp, typed, qualOK, kindOK := 0, 0, 0, 0
		var got []string
		for _, f := range figs {
			k := label{Value: f.Value, Low: f.Low, High: f.High, Measure: f.Measure}.key()
			got = append(got, k)
			if want[k] > 0 {
				want[k]--
				tp++
				if l := labelOf(r.Figures, k, f.Text); l != nil && (r.Split == "heldout8" || r.Split == "heldout9" || r.Split == "heldout10" || r.Split == "heldout11" || r.Split == "heldout12" || r.Split == "heldout13") {
					typed++
					if deref(l.Qualifier) == f.Qualifier {
						qualOK++
					} else if *show == r.Split {
						t.Logf("%s: qualifier %q, want %q in %q", r.Source, f.Qualifier, deref(l.Qualifier), r.Text)
					}
					if deref(l.Kind) == f.Kind {
						kindOK++
					} else if *show == r.Split {
						t.Logf("%s: kind %q, want %q in %q", r.Source, f.Kind, deref(l.Kind), r.Text)
					}
				}
			} else if *show == r.Split {
				t.Logf("%s: extra %s [%s] in %q", r.Source, k, f.Text, r.Text)
			}
		}
		for k, n := range want {
			if n > 0 && *show == r.Split {
				t.Logf("%s: missed %s in %q", r.Source, k, r.Text)
			}
		}
		for _, name := range []string{r.Split, "all"} {
			s := scores[name]
			if s == nil {
				t.Fatalf("%s: unknown split %q", r.Source, r.Split)
			}
			s.tp += tp
			s.typed, s.qualOK, s.kindOK = s.typed+typed, s.qualOK+qualOK, s.kindOK+kindOK
			s.pred += len(figs)
			s.gold += len(r.Figures)
			s.sentences++
			if len(r.Figures) == 0 {
				s.negatives++
			}
		}
		line, _ := json.Marshal(struct {
			Source  string   `json:"source"`
			Figures []string `json:"figures"`
		}{r.Source, got})
		golden.Write(line)
		golden.WriteByte('\n')
	}
	for _, name := range []string{"dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "all"} {
		s := scores[name]
		t.Logf("figures %-7s sentences=%d (no figure: %d) gold=%d predicted=%d precision=%.3f recall=%.3f",
			name, s.sentences, s.negatives, s.gold, s.pred, s.precision(), s.recall())
		if s.typed > 0 {
			t.Logf("figures %-7s of %d found: qualifier right %.3f, kind right %.3f",
				name, s.typed, ratio(s.qualOK, s.typed), ratio(s.kindOK, s.typed))
		}
	}
	all := scores["all"]
	if all.gold < 150 || all.negatives < 50 {
		t.Errorf("test set too small: %d figures, %d sentences without one", all.gold, all.negatives)
	}
	if all.precision() < 0.95 || all.recall() < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.95 each", all.precision(), all.recall())
	}
	const path = "testdata/figures.golden.jsonl"
	if *update {
		if err := os.WriteFile(path, golden.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	prev, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(prev, golden.Bytes()) {
		t.Errorf("output differs from %s; review with -v and rewrite with -update", path)
	}
}

// labelOf returns the label of figures with key k, the one whose text is
// text if there are several; nil if none.
func labelOf(figures []label, k, text string) *label {
	var found *label
	for i := range figures {
		if figures[i].key() != k {
			continue
		}
		if found == nil || figures[i].Text == text {
			found = &figures[i]
		}
	}
	return found
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
