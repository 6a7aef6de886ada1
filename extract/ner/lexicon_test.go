package ner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/ner/internal/corpus"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// lexDoc makes a one-sentence training document in which each name of
// names (a name, then its class) is annotated.
func lexDoc(id string, names ...string) corpus.Doc {
	var b strings.Builder
	var spans []corpus.Span
	pos := 0
	for i := 0; i+1 < len(names); i += 2 {
		if i > 0 {
			b.WriteString(" and ")
			pos += 5
		}
		n := len([]rune(names[i]))
		spans = append(spans, corpus.Span{Start: pos, End: pos + n, Class: corpus.Class(names[i+1])})
		b.WriteString(names[i])
		pos += n
	}
	b.WriteString(" met .")
	return corpus.Doc{ID: id, Text: b.String(), Spans: spans}
}

// keyOf is the gazetteer key of a name, as buildGazetteer computes it.
func keyOf(t *testing.T, name string) uint64 {
	t.Helper()
	key, ok := newModel(8).gazKey(name, &scratch{})
	if !ok {
		t.Fatalf("%q has no gazetteer key", name)
	}
	return key
}

func TestAddLexicon(t *testing.T) {
	var docs []corpus.Doc
	for i := 0; i < 10; i++ {
		names := []string{"Zorblat Holdings", "ORG"}
		if i == 0 {
			names = append(names, "Quuxly", "PER") // in one document only
		}
		if i == 1 {
			names[1] = "PER" // a stray annotation: 1 of 10
		}
		docs = append(docs, lexDoc(fmt.Sprintf("doc-%d", i), names...))
	}
	m := newModel(8)
	m.gaz = map[uint64]uint32{}
	set := prepare(m, docs)
	addLexicon(m, set)
	bit := func(cat int) uint32 { return 1 << cat }
	tests := []struct {
		name       string
		entry      string
		want, none uint32
	}{
		{"majority class", "Zorblat Holdings", bit(gazLexOrg), bit(gazLexPer)},
		{"single document", "Quuxly", bit(gazLexPer), 0},
		{"unannotated", "Holdings", 0, bit(gazLexOrg) | bit(gazLexPer)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.gaz[keyOf(t, tt.entry)]
			if got&tt.want != tt.want || got&tt.none != 0 {
				t.Errorf("lexicon bits of %q = %b, want %b set and %b clear", tt.entry, got, tt.want, tt.none)
			}
		})
	}
	t.Run("jackknifed", func(t *testing.T) {
		// Document 0 alone names Quuxly, so its own fold's lexicon
		// does not know it; Zorblat Holdings is known from the others.
		info := set.docs[0].info
		var quux, zorb uint32
		for i := range info {
			switch {
			case info[i].lower == keyOf(t, "Quuxly"):
				quux = info[i].gaz
			case info[i].lower == keyOf(t, "Zorblat"):
				zorb = info[i].gaz
			}
		}
		if quux != 0 {
			t.Errorf("Quuxly has gazetteer bits %b in the document that names it", quux)
		}
		if zorb&spreadGaz(bit(gazLexOrg), 1) == 0 {
			t.Errorf("Zorblat has bits %b, want the first token of a lexicon organization", zorb)
		}
	})
}

func TestCapitalClasses(t *testing.T) {
	var texts []string
	for i := 0; i < 4; i++ {
		texts = append(texts, fmt.Sprintf("Yesterday the commission met Zorblat in town %d .", i))
	}
	texts = append(texts, "Yesterday the Commission met Quuxly .", "Then Quuxly left .")
	m := newModel(8)
	got := capitalClasses(m, texts)
	tests := []struct {
		word string
		want uint8
	}{
		{"commission", capLower},   // 4 of 5 documents in lower case
		{"zorblat", capAlways},     // always capitalized
		{"quuxly", capUnknown},     // two documents only
		{"yesterday", capUnknown},  // only ever at the start of a sentence
		{"met", capLower},          // common word
		{"town", capLower},         //
		{"Commission", capUnknown}, // classes are keyed by lower case
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if c := got[fnvString(tt.word)]; c != tt.want {
				t.Errorf("class of %q = %d, want %d", tt.word, c, tt.want)
			}
		})
	}
	gaz := map[uint64]uint32{fnvString("zorblat"): 1}
	addCapitals(gaz, got)
	m.gaz = gaz
	info := m.prep(token.Tokenize("and Zorblat and Commission"), &scratch{})
	if info[1].capc != capAlways || info[3].capc != capLower || info[1].gaz != spreadGaz(1, 0) {
		t.Errorf("prep: Zorblat class %d bits %b, Commission class %d; want %d, %b, %d",
			info[1].capc, info[1].gaz, info[3].capc, capAlways, spreadGaz(1, 0), capLower)
	}
}

func TestAddCues(t *testing.T) {
	var docs []corpus.Doc
	for i := 0; i < cueMinDocs; i++ {
		docs = append(docs, lexDoc(fmt.Sprintf("doc-%d", i),
			fmt.Sprintf("Ministry of Zorb%c", 'a'+i), "ORG", // a common word, in organizations
			fmt.Sprintf("Zorblat%c", 'a'+i), "PER"))
	}
	docs = append(docs, lexDoc("short", "Quuxly Ministry", "ORG"))
	m := newModel(8)
	m.gaz = map[uint64]uint32{}
	addCapitals(m.gaz, map[uint64]uint8{fnvString("ministry"): capLower})
	set := prepare(m, docs)
	addCues(m, set)
	if got := m.gaz[fnvString("ministry")] >> cueShift & 0xf; got != 1<<classOrg {
		t.Errorf("cue classes of ministry = %b, want %b", got, 1<<classOrg)
	}
	if got := m.gaz[fnvString("zorblata")] >> cueShift & 0xf; got != 0 {
		t.Errorf("a name became a cue word: %b", got)
	}
	info := m.prep(token.Tokenize("the Ministry of Peace"), &scratch{})
	chunks := capitalChunks(info, 0, len(info), &scratch{})
	if chunks[3].cue != 1<<classOrg {
		t.Errorf("chunk cue seen from Peace = %b, want %b", chunks[3].cue, 1<<classOrg)
	}
}

func TestCueHeads(t *testing.T) {
	tests := []struct {
		name string
		cue  uint8
		n    int
		want graph.EntityType
	}{
		{"organization cue", 1 << classOrg, 2, graph.Organization},
		{"place cue", 1 << classLoc, 2, graph.Place},
		{"ambiguous cue", 1<<classOrg | 1<<classPer, 2, graph.Person},
		{"no cue", 0, 2, graph.Person},
		{"one word", 1 << classOrg, 1, graph.Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := make([]tokInfo, 3)
			info[tt.n-1].cue = tt.cue
			spans := []Span{{First: 0, Last: tt.n, Type: graph.Person}}
			cueHeads(info, spans)
			if spans[0].Type != tt.want {
				t.Errorf("type %s, want %s", spans[0].Type, tt.want)
			}
		})
	}
}

func TestTrimWeekdays(t *testing.T) {
	tests := []struct {
		name, text string
		typ        graph.EntityType
		want       int // tokens left
	}{
		{"place", "Sha Tin Saturday", graph.Place, 2},
		{"weekday alone", "Saturday", graph.Place, 1},
		{"capitals", "SHA TIN SATURDAY", graph.Organization, 2},
		{"event", "Good Friday", miscType, 2},
		{"no weekday", "Sha Tin Town", graph.Place, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			info := newModel(8).prep(toks, &scratch{})
			spans := []Span{{First: 0, Last: len(toks), Type: tt.typ}}
			trimWeekdays(info, spans)
			if got := spans[0].Last - spans[0].First; got != tt.want {
				t.Errorf("%d tokens left, want %d", got, tt.want)
			}
		})
	}
}
