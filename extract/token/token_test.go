package token

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"Possessive", "Syria’s coastal province", []string{"Syria", "’s", "coastal", "province"}},
		{"AsciiPossessive", "Assad's regime", []string{"Assad", "'s", "regime"}},
		{"Hyphen", "Bashar al-Assad's decades-long rule", []string{"Bashar", "al-Assad", "'s", "decades-long", "rule"}},
		{"Number", "More than 450,000 people, 1.1bn.", []string{"More", "than", "450,000", "people", ",", "1.1bn", "."}},
		{"Abbreviation", "The U.S. and Mr. Smith left.", []string{"The", "U.S.", "and", "Mr.", "Smith", "left", "."}},
		{"Quotes", "“there were talks” said", []string{"“", "there", "were", "talks", "”", "said"}},
		{"Negation", "He didn't go", []string{"He", "did", "n't", "go"}},
		{"Name", "O'Brien and AT&T", []string{"O'Brien", "and", "AT&T"}},
		{"Ellipsis", "wait... what", []string{"wait", "...", "what"}},
		{"Colon", "Sochi: Russian", []string{"Sochi", ":", "Russian"}},
		{"InvalidUTF8", "a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tt.in) {
				got = append(got, tok.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"Terminal", "Putin met Assad. He said so! Really?", []string{"Putin met Assad.", "He said so!", "Really?"}},
		{"Abbreviation", "Mr. Smith met Dr. Jones in the U.S. on Monday.", []string{"Mr. Smith met Dr. Jones in the U.S. on Monday."}},
		{"StraightQuoteCloses", "It cut the budget.\" The BBC said so.", []string{"It cut the budget.\"", "The BBC said so."}},
		{"StraightQuoteOpens", "He left. \"We won,\" he said.", []string{"He left.", "\"We won,\" he said."}},
		{"QuoteCloses", "“We won.” Then he left.", []string{"“We won.”", "Then he left."}},
		{"Caption", "Russian President Vladimir Putin Image Credit: AP\n\nSochi: Putin held a meeting.", []string{"Russian President Vladimir Putin Image Credit: AP", "Sochi: Putin held a meeting."}},
		{"Headline", "CRICKET - LEICESTERSHIRE TAKE OVER\nLONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four.", []string{"CRICKET - LEICESTERSHIRE TAKE OVER", "LONDON 1996-08-30", "West Indian all-rounder Phil Simmons took four."}},
		{"HardWrap", "Showers continued throughout the week in the Bahia cocoa zone, alleviating\nComissaria Smith said in its weekly review.\n    The dry period means.", []string{"Showers continued throughout the week in the Bahia cocoa zone, alleviating\nComissaria Smith said in its weekly review.", "The dry period means."}},
		{"Lowercase", "He paid 5 dlrs. per share.", []string{"He paid 5 dlrs. per share."}},
		// Reuters-21578 cut the dateline off a paragraph's first line.
		{"WrappedLead", "NYSE TO MEET\n\nThe vice president of the New York Stock\nExchange, Richard Torenzano, said NYSE officials would hold a\nnews conference.",
			[]string{"NYSE TO MEET", "The vice president of the New York Stock\nExchange, Richard Torenzano, said NYSE officials would hold a\nnews conference."}},
		{"ShortParagraphs", "Tax cuts\n\nLabour won\n\nThe party said it had won the vote by a wide margin on Thursday.",
			[]string{"Tax cuts", "Labour won", "The party said it had won the vote by a wide margin on Thursday."}},
		{"SpacedInitials", "By Diego G . Maldonado . The U . S . Navy left.", []string{"By Diego G . Maldonado .", "The U . S . Navy left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			var got []string
			runes := []rune(tt.in)
			for _, s := range Sentences(tt.in, toks) {
				got = append(got, string(runes[s.Start:s.End]))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSoftBreak checks which line breaks wrap prose inside a name.
func TestSoftBreak(t *testing.T) {
	tests := []struct {
		name, in, at string // the break before the token at
		want         bool
	}{
		{"Wrap", "NYSE TO MEET\n\nThe chairman said the proposals from the Treasury would cost the\nAgriculture Department money.", "Agriculture", true},
		{"DottedAbbrev", "NYSE TO MEET\n\nLeahy said on Tuesday, referring to the proposals that the U.S.\nAgriculture Department save money.", "Agriculture", true},
		{"WrappedLead", "NYSE TO MEET\n\nThe vice president of the New York Stock\nExchange, Richard Torenzano, said NYSE officials would hold a\nnews conference.", "Exchange", true},
		{"Headline", "NYSE TO HOLD NEWS CONFERENCE AFTER THE CLOSE OF MARKETS\nThe vice president said so.", "The", false},
		{"LeadWithoutWrap", "NYSE TO MEET\n\nThe vice president of the New York Stock\nExchange.\n\nMore.", "Exchange", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			i := slices.IndexFunc(toks, func(t Token) bool { return t.Text == tt.at && t.NewlineBefore })
			if i < 0 {
				t.Fatalf("no line starting with %q", tt.at)
			}
			if got := SoftBreak(toks, i); got != tt.want {
				t.Errorf("SoftBreak before %q = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Sochi: Russian President Vladimir Putin’s “meeting” 450,000 U.S. don't")
	f.Add("a\xff\xfe\n\n   b")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		n := utf8.RuneCountInString(s)
		prevEnd := 0
		for _, tok := range toks {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > n {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			if s[tok.Byte:tok.ByteEnd] != tok.Text || utf8.RuneCountInString(s[:tok.Byte]) != tok.Start || utf8.RuneCountInString(tok.Text) != tok.End-tok.Start {
				t.Fatalf("offsets of %+v do not match %q", tok, s)
			}
			prevEnd = tok.End
		}
		prev := 0
		for _, st := range Sentences(s, toks) {
			if st.First != prev || st.Last <= st.First {
				t.Fatalf("sentences do not tile tokens: %+v", st)
			}
			prev = st.Last
		}
		if prev != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", prev, len(toks))
		}
	})
}
