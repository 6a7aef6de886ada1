package extract_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// FuzzExtract checks that no input panics the extractor, that invalid
// UTF-8 is refused with EINVALID, and that every offset of the result is a
// valid code-point range whose text matches.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"Sochi: Russian President Vladimir Putin held a rare meeting with Bashar Al Assad on Thursday.",
		"LONDON (Reuters) - Shares of Apple Inc fell 3% after CEO Tim Cook said “no”.",
		"Russian President Vladimir Putin Image Credit: AP\n\nSyria’s civil war: more than 450,000 people have been killed.",
		"Hamdullah Mohib, Afghan Ambassador to the United States, said the war in Afghanistan was over.",
		"“Unclosed quote by Merkel\n\n\"Another\" — said ’s 's ' … 1.1bn $",
		"\u00e9\u0301 Zürich\u200b \ufeffKöln, Ελλάδα — 東京: 平和",
		"caf\xe9 \xff\xfe",
		"Officials said that Canadian External Affairs Minister Joe\nClark met Treasury Secretary James\r\nBaker.",
		"Rap mogul Marion \"Suge\" Knight met B O'Driscoll and the Environmental Protection Agency's (EPA) staff \"",
		"According to John Smith, the prime minister said: \"Help me.\" Sales rose 5% in France and fell 3% in Germany.",
	} {
		f.Add(s)
	}
	x := mustExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		got, err := x.Extract(context.Background(), graph.Document{ID: "fuzz", Text: text})
		if !utf8.ValidString(text) {
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("invalid UTF-8: err %v, want %s", err, graph.EINVALID)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, text, got)
	})
}
