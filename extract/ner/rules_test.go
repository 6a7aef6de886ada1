package ner

import (
	"testing"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

func TestIsAcronymOf(t *testing.T) {
	tests := []struct {
		name, short, long string
		want              bool
	}{
		{"initials", "NUM", "National Union of Mineworkers", true},
		{"mixed case", "Numsa", "National Union of Metalworkers of South Africa", true},
		{"capitals word", "Numsa", "National Union of Metalworkers of SA", true},
		{"skips words", "HRW", "Human Rights Watch", true},
		{"first initial differs", "UN", "The United Nations", false},
		{"letters missing", "NATO", "North Atlantic Alliance", false},
		{"lower case start", "numsa", "National Union of Metalworkers of SA", false},
		{"one letter", "N", "Nation", false},
		{"digits", "G7", "Group of Seven", false},
		{"a country", "Argentina", "Jujuy Province", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isAcronymOf(tt.short, token.Tokenize(tt.long)); got != tt.want {
				t.Errorf("isAcronymOf(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
			}
		})
	}
}

func TestAcronyms(t *testing.T) {
	text := "The National Union of Metalworkers of SA ( Numsa ) struck . Numsa said so ."
	toks := token.Tokenize(text)
	find := func(w string, from int) int {
		for i := from; i < len(toks); i++ {
			if toks[i].Text == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	long, open := find("National", 0), find("(", 0)
	second := find("Numsa", open+2)
	spans := []Span{
		{First: long, Last: open, Type: graph.Organization, Score: 0.9},
		{First: second, Last: second + 1, Type: graph.Person, Score: 0.7},
	}
	got := acronyms(toks, spans)
	want := []Span{
		spans[0],
		{First: open + 1, Last: open + 2, Type: graph.Organization, Score: 0.9},
		{First: second, Last: second + 1, Type: graph.Organization, Score: 0.7},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d spans %+v, want %+v", len(got), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReutersSignOff(t *testing.T) {
	tests := []struct {
		name, text string
		keep       bool
	}{
		{"sign-off line", "Profits rose.\nReuter\n", false},
		{"capitals", "Profits rose.\n REUTER", false},
		{"in a sentence", "Paul Julius Reuter founded it.", true},
		{"starts a line", "Profits rose.\nReuter founded it.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			i := 0
			for toks[i].Text != "Reuter" && toks[i].Text != "REUTER" {
				i++
			}
			got := reutersSignOff(toks, []Span{{First: i, Last: i + 1, Type: graph.Person}})
			if (len(got) == 1) != tt.keep {
				t.Errorf("kept %v, want %v", len(got) == 1, tt.keep)
			}
		})
	}
}

func TestGazetteerPlaces(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		word  string
		score float64
		want  graph.EntityType
	}{
		{"unsure known place", "Jujuy", 0.4, graph.Place},
		{"sure known place", "Jujuy", 0.9, graph.Person},
		{"given name", "Chelsea", 0.4, graph.Person},
		{"unknown word", "Zorblat", 0.4, graph.Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.word + " said .")
			info := m.prep(toks, &scratch{})
			spans := []Span{{First: 0, Last: 1, Type: graph.Person, Score: tt.score}}
			gazetteerPlaces(info, spans)
			if spans[0].Type != tt.want {
				t.Errorf("type %s, want %s", spans[0].Type, tt.want)
			}
		})
	}
}
