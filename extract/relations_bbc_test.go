package extract_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// judgedRelation is one typed relation of the BBC precision audits (issue
// 12): drawn at random from the extractor's output on the BBC corpus
// (scripts/relaudit.py) and judged by a reader against its sentence.
type judgedRelation struct {
	Doc       string   `json:"doc"`
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    string   `json:"object"`
	Rules     []string `json:"rules,omitempty"` // the rules that stated it when drawn
	Sentence  string   `json:"sentence"`
	Verdict   string   `json:"verdict"` // "right" or "wrong"
	Why       string   `json:"why"`
	Unfixed   bool     `json:"unfixed"` // judged wrong and still stated: a known error
}

// bbcAudits are the draws of the BBC precision audit, one per stop that
// changed the relation rules: seed 12 (relations_bbc.json), seed 23
// (relations_bbc2.json, after the rules of the second stop) and seed 24
// (relations_bbc3.json, after the rules of the third); then two larger
// development samples of the fourth stop, drawn to find classes of error
// and tuned on (seed 2501, 150 rows, relations_bbc_dev1.json; seed 2502,
// 147 rows once the first's were left out, relations_bbc_dev2.json); and
// the fourth stop's draw, seed 25, after its last rule
// (relations_bbc4.json); and the fifth stop's, seed 26, drawn at f19af54
// (relations_bbc5.json).
var bbcAudits = []struct {
	file string
	rows int
}{
	{"testdata/relations_bbc.json", 50}, {"testdata/relations_bbc2.json", 50}, {"testdata/relations_bbc3.json", 50},
	{"testdata/relations_bbc_dev1.json", 150}, {"testdata/relations_bbc_dev2.json", 147},
	{"testdata/relations_bbc4.json", 50}, {"testdata/relations_bbc5.json", 50},
}

// TestRelationsBBC re-extracts the documents of each audit (bbcAudits)
// and requires each relation judged right to be stated again and each
// judged wrong to stay out, so that neither a lost fact nor a fixed error
// that returns goes unnoticed. A wrong row marked unfixed is a known error
// that must still be stated until a fix drops it and the mark (so the file
// says how many are right now). The draw is never redone: the rows judged
// wrong are the errors found, fixed or not.
func TestRelationsBBC(t *testing.T) {
	for _, a := range bbcAudits {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(a.file, "testdata/"), ".json"), func(t *testing.T) { checkAudit(t, a.file, a.rows) })
	}
}

// checkAudit checks one draw of n rows of the BBC audit
// (TestRelationsBBC).
func checkAudit(t *testing.T, file string, n int) {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows []judgedRelation
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("%d rows, want the %d drawn", len(rows), n)
	}
	want := map[string]bool{}
	right := 0
	for _, r := range rows {
		want[r.Doc] = true
		switch r.Verdict {
		case "right":
			right++
		case "wrong":
		default:
			t.Fatalf("%s %s %s %s: verdict %q", r.Doc, r.Subject, r.Predicate, r.Object, r.Verdict)
		}
	}
	got := extractBBC(t, want)
	unfixed := 0
	for _, r := range rows {
		ex := got[r.Doc]
		if ex == nil {
			t.Fatalf("no document %s", r.Doc)
		}
		has := hasRelation(ex, r.Subject, r.Predicate, r.Object)
		switch {
		case r.Verdict == "right" && !has:
			t.Errorf("%s: lost %s %s %s (right: %q)", r.Doc, r.Subject, r.Predicate, r.Object, r.Sentence)
		case r.Verdict == "wrong" && has && !r.Unfixed:
			t.Errorf("%s: states %s %s %s again (wrong: %s)", r.Doc, r.Subject, r.Predicate, r.Object, r.Why)
		case r.Verdict == "wrong" && !has && r.Unfixed:
			t.Errorf("%s: %s %s %s is gone: clear its unfixed mark", r.Doc, r.Subject, r.Predicate, r.Object)
		case r.Unfixed:
			unfixed++
		}
	}
	t.Logf("drawn %d: judged right %d, wrong %d (fixed %d, known %d); now right %d of %d stated",
		len(rows), right, len(rows)-right, len(rows)-right-unfixed, unfixed, right, right+unfixed)
}

// extractBBC extracts the BBC articles whose IDs are in want.
func extractBBC(t *testing.T, want map[string]bool) map[string]*graph.Extraction {
	t.Helper()
	f, err := os.Open(testenv.Shared(t, "data/news_raw_bbc2225/bbc2225.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := mustExtractor(t)
	got := map[string]*graph.Extraction{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var doc struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if !want[doc.ID] {
			continue
		}
		if doc.Title != "" && !strings.HasPrefix(doc.Text, doc.Title) {
			doc.Text = doc.Title + "\n\n" + doc.Text // as factgraph's input reads it
		}
		ex, err := x.Extract(context.Background(), graph.Document{ID: doc.ID, Title: doc.Title, Text: doc.Text})
		if err != nil {
			t.Fatal(err)
		}
		got[doc.ID] = ex
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}
