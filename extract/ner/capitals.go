package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
)

// Capitalization classes of words in raw news. A capitalized word that
// the news usually writes in lower case ("Commission", "Opposition",
// "Space") is less likely a name than one that is always capitalized
// ("Jumia", "Baffinland"). The class of a word is learned from the raw
// texts that the clusters come from, counting, in the middle of
// sentences, the documents that write it capitalized and those that write
// it in lower case. It is stored in the top bits of the gazetteer table
// under the word's lower-case hash, and read for capitalized tokens only.
const (
	capUnknown = iota // fewer than capMinDocs documents
	capLower          // capitalized in under capLowShare of them
	capMixed          //
	capAlways         // capitalized in at least capHighShare of them
)

// capShift is the bit position of the class in a gazetteer value, above
// the category bits (one per category) and the cue bits (cues.go).
const capShift = 30

// The bits of a gazetteer value must not overlap.
var (
	_ [cueShift - nGaz]struct{}
	_ [capShift - cueShift - nClasses]struct{}
)

const (
	capMinDocs   = 3
	capLowShare  = 0.25
	capHighShare = 0.9
)

// sentenceBreak lists tokens after which a capital says nothing.
var sentenceBreak = map[string]bool{
	".": true, "!": true, "?": true, ":": true, ";": true, "\"": true, "“": true, "”": true,
	"'": true, "‘": true, "’": true, "(": true, "-": true, "–": true, "—": true, "...": true, "…": true,
}

// capitalClasses counts, for each word form of texts, the documents that
// write it mid-sentence capitalized and in lower case, and returns the
// class of each lower-case word hash seen in at least capMinDocs
// documents.
func capitalClasses(m *Model, texts []string) map[uint64]uint8 {
	type counts struct{ upper, lower int32 }
	byLower := map[uint64]*counts{}
	seen := map[string]bool{}
	sc := &scratch{}
	var ti tokInfo
	for _, text := range texts {
		clear(seen)
		toks := token.Tokenize(text)
		for i, t := range toks {
			if i == 0 || t.NewlineBefore || sentenceBreak[toks[i-1].Text] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			if !unicode.IsLetter(r) || seen[t.Text] {
				continue
			}
			seen[t.Text] = true
			m.prepToken(t.Text, &ti, sc)
			if ti.flags&flAllCaps != 0 {
				continue
			}
			c := byLower[ti.lower]
			if c == nil {
				c = &counts{}
				byLower[ti.lower] = c
			}
			if ti.flags&flInitCap != 0 {
				c.upper++
			} else {
				c.lower++
			}
		}
	}
	out := map[uint64]uint8{}
	for k, c := range byLower {
		n := c.upper + c.lower
		if n < capMinDocs {
			continue
		}
		share := float64(c.upper) / float64(n)
		switch {
		case share < capLowShare:
			out[k] = capLower
		case share >= capHighShare:
			out[k] = capAlways
		default:
			out[k] = capMixed
		}
	}
	return out
}

// addCapitals stores the classes in the gazetteer table.
func addCapitals(gaz map[uint64]uint32, classes map[uint64]uint8) {
	for k, c := range classes {
		gaz[k] |= uint32(c) << capShift
	}
}
