package relate

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// fixture builds a document "NAME VERB ORG ." with a person and an
// organization; gold says employee_of when the verb is "works for".
func fixture(i int, verb string) Example {
	name, org := fmt.Sprintf("Person%d Smith", i), fmt.Sprintf("Org%d Corp", i)
	text := "Yesterday " + name + " " + verb + " " + org + " in town ."
	ps := strings.Index(text, name)
	os := strings.Index(text, org)
	ents := []*graph.Entity{
		{ID: "person/" + name, Type: graph.Person, Name: name, Mentions: []graph.Mention{{Start: ps, End: ps + len(name), Text: name}}},
		{ID: "organization/" + org, Type: graph.Organization, Name: org, Mentions: []graph.Mention{{Start: os, End: os + len(org), Text: org}}},
	}
	g := GoldDoc{ID: fmt.Sprint(i), Text: text}
	g.Entities = []GoldEntity{{EID: 0}, {EID: 1}}
	g.Entities[0].Mentions = append(g.Entities[0].Mentions, struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}{ps, ps + len(name)})
	g.Entities[1].Mentions = append(g.Entities[1].Mentions, struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}{os, os + len(org)})
	if verb == "works for" {
		g.Relations = append(g.Relations, struct {
			H     int    `json:"h"`
			T     int    `json:"t"`
			Group string `json:"group"`
		}{0, 1, "agent_of"})
	}
	return Example{Gold: g, X: &graph.Extraction{Entities: ents}}
}

var verbs = []string{"works for", "hates", "visited", "works for", "sued", "praised"}

func TestTrainLearnsSeparablePattern(t *testing.T) {
	var fit, held []Example
	for i := 0; i < 60; i++ {
		fit = append(fit, fixture(i, verbs[i%len(verbs)]))
		held = append(held, fixture(100+i, verbs[i%len(verbs)]))
	}
	m, err := Train(context.Background(), fit, held, TrainConfig{Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	// round trip through the file format
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m, err = ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		verb string
		want bool
	}{{"works for", true}, {"hates", false}, {"sued", false}, {"visited", false}} {
		ex := fixture(1000, tc.verb)
		got := m.Read(ex.Gold.Text, ex.X.Entities, nil)
		found := false
		for _, f := range got {
			if f.Predicate == graph.EmployeeOf && f.Subj == 0 && f.Obj == 1 {
				found = true
				if f.Ev.Text != "Person1000 Smith "+tc.verb+" Org1000 Corp" {
					t.Errorf("%s: evidence %q", tc.verb, f.Ev.Text)
				}
			} else {
				t.Errorf("%s: unexpected %+v", tc.verb, f)
			}
		}
		if found != tc.want {
			t.Errorf("%s: employee_of found %v, want %v", tc.verb, found, tc.want)
		}
	}
}

func TestDefaultLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.thresh) != len(labels) || len(m.w) != (1<<m.bits)*len(labels) {
		t.Fatalf("model shape: %d thresholds, %d weights at %d bits", len(m.thresh), len(m.w), m.bits)
	}
}

func TestReadModelRejects(t *testing.T) {
	for name, data := range map[string]string{
		"empty":     "",
		"magic":     "FGNER1\n",
		"truncated": string(embedded[:len(embedded)-3]),
	} {
		if _, err := ReadModel(strings.NewReader(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestTokens(t *testing.T) {
	got := strings.Join(tokens(" , the Paris-based OECD's chief ( ex ) "), "|")
	if want := ",|the|paris-based|oecd|'s|chief|(|ex|)"; got != want {
		t.Errorf("tokens = %s, want %s", got, want)
	}
}

func BenchmarkCandidates(b *testing.B) {
	ex := fixture(1, "works for")
	for b.Loop() {
		Candidates(ex.Gold.Text, ex.X.Entities, nil)
	}
}

// BenchmarkReadModel measures loading the embedded model (Default does it
// once per process).
func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
