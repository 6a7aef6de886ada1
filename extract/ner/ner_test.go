package ner

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/internal/benchnews"
	"github.com/factgraph/factgraph/extract/ner/internal/corpus"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

func TestAllowed(t *testing.T) {
	bPer, iPer, lPer, uPer := label(classPer, partB), label(classPer, partI), label(classPer, partL), label(classPer, partU)
	bLoc, lLoc := label(classLoc, partB), label(classLoc, partL)
	tests := []struct {
		name string
		a, b int
		want bool
	}{
		{"StartO", startRow, labelO, true},
		{"StartB", startRow, bPer, true},
		{"StartI", startRow, iPer, false},
		{"StartL", startRow, lPer, false},
		{"BThenI", bPer, iPer, true},
		{"BThenL", bPer, lPer, true},
		{"BThenOtherL", bPer, lLoc, false},
		{"BThenO", bPer, labelO, false},
		{"LThenB", lPer, bLoc, true},
		{"UThenU", uPer, uPer, true},
		{"OThenL", labelO, lLoc, false},
		{"BEnds", bPer, labelEnd, false},
		{"LEnds", lPer, labelEnd, true},
		{"OEnds", labelO, labelEnd, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := allowed(tt.a, tt.b); got != tt.want {
				t.Errorf("allowed(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestLabelsRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		spans []span
	}{
		{"Empty", 3, nil},
		{"Unit", 3, []span{{1, 2, classLoc}}},
		{"Multi", 5, []span{{0, 3, classPer}, {3, 4, classOrg}}},
		{"Adjacent", 4, []span{{0, 2, classOrg}, {2, 4, classOrg}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := make([]uint8, tt.n)
			labelsFromSpans(tt.spans, labels)
			got := spansFromLabels(labels, nil)
			if len(got) != len(tt.spans) {
				t.Fatalf("got %v, want %v", got, tt.spans)
			}
			for i := range got {
				if got[i] != tt.spans[i] {
					t.Errorf("span %d = %v, want %v", i, got[i], tt.spans[i])
				}
			}
		})
	}
}

// TestViterbiValid decodes random scores and checks that every labelling
// obeys BILOU, however the emissions disagree with it.
func TestViterbiValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	trans, endW := constraintTables()
	sc := &scratch{}
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(12)
		sc.scores = make([]float32, n*nLabels)
		for i := range sc.scores {
			sc.scores[i] = float32(rng.NormFloat64())
		}
		labels := viterbi(n, sc, trans, endW)
		prev := startRow
		for _, l := range labels {
			if !allowed(prev, int(l)) {
				t.Fatalf("trial %d: %v breaks BILOU", trial, labels)
			}
			prev = int(l)
		}
		if !allowed(prev, labelEnd) {
			t.Fatalf("trial %d: %v ends inside a span", trial, labels)
		}
	}
}

func TestPrepToken(t *testing.T) {
	m := newModel(8)
	tests := []struct {
		name       string
		tok        string
		set, unset uint32
		sameShape  string
	}{
		{"Title", "Putin", flInitCap, flAllCaps | flLower, "Syria"},
		{"Caps", "NATO", flInitCap | flAllCaps, flLower, "USA"},
		{"Lower", "said", flLower, flInitCap, "went"},
		{"Digits", "1996", flHasDigit | flAllDigit, flInitCap, "2015"},
		{"Hyphen", "al-Assad", flHyphen | flLower | flMixed, flInitCap, "el-Sisi"},
		{"Abbrev", "U.S.", flInitCap | flAllCaps | flPeriod, 0, "U.K."},
		{"Punct", ",", flPunct, flInitCap, ","},
		{"Accented", "Ébola", flInitCap, flAllCaps, "Éclat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b tokInfo
			sc := &scratch{}
			m.prepToken(tt.tok, &a, sc)
			m.prepToken(tt.sameShape, &b, sc)
			if a.flags&tt.set != tt.set || a.flags&tt.unset != 0 {
				t.Errorf("flags of %q = %b, want %b set and %b unset", tt.tok, a.flags, tt.set, tt.unset)
			}
			if a.shape != b.shape {
				t.Errorf("%q and %q have different shapes", tt.tok, tt.sameShape)
			}
		})
	}
	t.Run("LowerAndTitle", func(t *testing.T) {
		var a, b, c tokInfo
		sc := &scratch{}
		m.prepToken("SYRIA", &a, sc)
		m.prepToken("Syria", &b, sc)
		m.prepToken("syria", &c, sc)
		if a.lower != c.lower || b.lower != c.lower {
			t.Error("lower-case hashes differ")
		}
		if a.title != b.word {
			t.Error("title-case hash of SYRIA is not the hash of Syria")
		}
	})
}

func TestCodecRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	mk := func() *Model {
		m := newModel(8)
		dense := make([]int16, len(m.idx)*nLabels)
		for i := range dense {
			if rng.IntN(40) == 0 {
				dense[i] = int16(rng.IntN(65535) - 32767)
			}
		}
		m.setDense(dense)
		for i := range m.trans {
			m.trans[i] = float32(rng.NormFloat64())
		}
		m.scale, m.temp = 0.001, 2.5
		return m
	}
	m, first := mk(), mk()
	m.first, m.twoPass = first, true
	m.clusters = map[uint64]uint32{1: 5, 1 << 60: 7}
	m.gaz = map[uint64]uint32{42: 3}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !got.twoPass || got.first == nil || got.scale != m.scale || got.temp != m.temp {
		t.Fatalf("header not restored: %+v", got)
	}
	for b := range m.idx {
		for l := 0; l < nLabels; l++ {
			if got.row(b)[l] != m.row(b)[l] || got.first.row(b)[l] != first.row(b)[l] {
				t.Fatalf("weight %d/%d differs", b, l)
			}
		}
	}
	for i := range m.trans {
		if got.trans[i] != m.trans[i] {
			t.Fatalf("transition %d differs", i)
		}
	}
	if got.clusters[1<<60] != 7 || got.gaz[42] != 3 || len(got.clusters) != 2 {
		t.Errorf("tables not restored: %v %v", got.clusters, got.gaz)
	}
}

func TestReadModelErrors(t *testing.T) {
	var good bytes.Buffer
	m := newModel(8)
	m.WriteTo(&good)
	tests := []struct {
		name string
		in   []byte
	}{
		{"Empty", nil},
		{"NotGzip", []byte("hello")},
		{"Truncated", good.Bytes()[:len(good.Bytes())/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadModel(bytes.NewReader(tt.in)); err == nil {
				t.Error("ReadModel succeeded on bad input")
			}
		})
	}
}

func mustDefault(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestSeedArticle tags ../shared/seed/article.txt.
func TestSeedArticle(t *testing.T) {
	text := testenv.ReadShared(t, "seed/article.txt")
	m := mustDefault(t)
	toks := token.Tokenize(string(text))
	spans := m.Tag(toks, token.Sentences(string(text), toks))
	found := map[string]map[graph.EntityType]bool{}
	for _, s := range spans {
		if s.First < 0 || s.Last > len(toks) || s.First >= s.Last || s.Score < 0 || s.Score > 1 {
			t.Fatalf("bad span %+v", s)
		}
		var words []string
		for _, tk := range toks[s.First:s.Last] {
			words = append(words, tk.Text)
		}
		name := strings.Join(words, " ")
		if found[name] == nil {
			found[name] = map[graph.EntityType]bool{}
		}
		found[name][s.Type] = true
	}
	tests := []struct {
		name string
		typ  graph.EntityType
		want bool
	}{
		{"Vladimir Putin", graph.Person, true},
		{"Putin", graph.Person, true},
		{"Syria", graph.Place, true},
		{"Syria", graph.Person, false},
		{"Kremlin", graph.Organization, true},
		{"Sochi", graph.Place, true},
		{"Latakia", graph.Place, true},
		{"Dmitry Peskov", graph.Person, true},
		{"Russian", graph.Place, false},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_")+"_"+string(tt.typ), func(t *testing.T) {
			if got := found[tt.name][tt.typ]; got != tt.want {
				t.Errorf("%q as %s found = %v, want %v (found %v)", tt.name, tt.typ, got, tt.want, found[tt.name])
			}
		})
	}
}

func TestTagEdgeCases(t *testing.T) {
	m := mustDefault(t)
	tests := []struct {
		name string
		text string
	}{
		{"Empty", ""},
		{"Spaces", "   \n\n  "},
		{"Punctuation", "!!! ... ---"},
		{"InvalidUTF8", "\xff\xfe Putin \xff"},
		{"LongToken", strings.Repeat("A", 10000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			for _, s := range m.Tag(toks, token.Sentences(tt.text, toks)) {
				if s.First < 0 || s.Last > len(toks) || s.First >= s.Last {
					t.Errorf("bad span %+v", s)
				}
			}
		})
	}
	t.Run("BadSentences", func(t *testing.T) {
		toks := token.Tokenize("Putin met Assad in Sochi.")
		sents := []token.Sentence{{First: -1, Last: 2}, {First: 3, Last: 99}, {First: 2, Last: 1}}
		if got := m.Tag(toks, sents); len(got) != 0 {
			t.Errorf("Tag with out-of-range sentences = %v, want none", got)
		}
	})
}

func BenchmarkTag(b *testing.B) {
	texts, err := corpus.ReadJSONLText(testenv.Shared(b, "data/news_raw_reuters21578/reuters21578.jsonl"), "body", 2000)
	if err != nil {
		b.Fatal(err)
	}
	m := mustDefault(b)
	type doc struct {
		toks  []token.Token
		sents []token.Sentence
	}
	docs := make([]doc, len(texts))
	words := 0
	for i, t := range texts {
		toks := token.Tokenize(t)
		docs[i] = doc{toks, token.Sentences(t, toks)}
		words += len(toks)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := benchnews.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			m.Tag(d.toks, d.sents)
		}
	}
	cpu := benchnews.CPUTime() - cpu0
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	// On a shared machine wall time overstates the cost; CPU time of the
	// process (GC included) is what one core would spend.
	if cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
}

func BenchmarkReadModel(b *testing.B) {
	b.ReportAllocs()
	cpu0 := benchnews.CPUTime()
	for i := 0; i < b.N; i++ {
		if _, err := readModel(embedded); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((benchnews.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// FuzzTag checks that Tag never panics and returns spans inside their
// sentence, in order, with scores in [0, 1].
func FuzzTag(f *testing.F) {
	f.Add("Sochi: Russian President Vladimir Putin met Bashar Al Assad.\n\nKREMLIN SAYS")
	f.Add("\xff\xfe U . S . Navy G . Maldonado")
	f.Add("")
	m := mustDefault(f)
	f.Fuzz(func(t *testing.T, s string) {
		toks := token.Tokenize(s)
		sents := token.Sentences(s, toks)
		prev := -1
		for _, sp := range m.Tag(toks, sents) {
			if sp.First < 0 || sp.Last > len(toks) || sp.First >= sp.Last || sp.First < prev {
				t.Fatalf("bad span %+v of %d tokens", sp, len(toks))
			}
			if sp.Score < 0 || sp.Score > 1 || sp.Type == "" || sp.Type == miscType {
				t.Fatalf("bad span %+v", sp)
			}
			in := false
			for _, st := range sents {
				in = in || (st.First <= sp.First && sp.Last <= st.Last)
			}
			if !in {
				t.Fatalf("span %+v crosses a sentence boundary", sp)
			}
			prev = sp.First
		}
	})
}

// TestTagConcurrent tags documents from several goroutines at once; the
// results must equal the sequential ones (run with -race).
func TestTagConcurrent(t *testing.T) {
	m := mustDefault(t)
	texts := []string{
		"Sochi: Russian President Vladimir Putin met Bashar Al Assad on Thursday. Putin said the war was over.",
		"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 for Leicestershire.",
		"The Kremlin and the White House disagreed about Syria, officials in Moscow said.",
	}
	want := make([][]Span, len(texts))
	for i, s := range texts {
		toks := token.Tokenize(s)
		want[i] = m.Tag(toks, token.Sentences(s, toks))
	}
	errs := make(chan string, 4*20*8)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for r := 0; r < 20; r++ {
				i := (g + r) % len(texts)
				toks := token.Tokenize(texts[i])
				got := m.Tag(toks, token.Sentences(texts[i], toks))
				if len(got) != len(want[i]) {
					errs <- texts[i]
					continue
				}
				for k := range got {
					if got[k] != want[i][k] {
						errs <- texts[i]
					}
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Tag differs on %q", e)
	}
}

func TestSplitTables(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"Prose", "Putin met Assad in Sochi.", []string{"Putin met Assad in Sochi."}},
		{"Columns", "Natl   Loan      Release 4.65", []string{"Natl", "Loan", "Release 4.65"}},
		{"HardWrap", "the New\n    York Stock Exchange", []string{"the New\n    York Stock Exchange"}},
		{"TwoSpaces", "Vladimir  Putin", []string{"Vladimir  Putin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			sents := []token.Sentence{{First: 0, Last: len(toks), Start: 0, End: toks[len(toks)-1].End}}
			var got []string
			runes := []rune(tt.text)
			for _, s := range splitTables(toks, sents, &scratch{}) {
				got = append(got, string(runes[s.Start:s.End]))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitTables(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSoftWraps checks that a line break inside hard-wrapped prose is no
// line start for the tagger, while one in pre-tokenized text (a sentence
// per line) stays one.
func TestSoftWraps(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lineStart := func(text, word string) bool {
		toks := token.Tokenize(text)
		sents := token.Sentences(text, toks)
		info := m.prep(toks, &scratch{})
		softWraps(toks, info, sents)
		for i, tk := range toks {
			if tk.Text == word {
				return info[i].flags&flLineStart != 0
			}
		}
		t.Fatalf("no %q in %q", word, text)
		return false
	}
	wrapped := "ISRAEL SEES EXPORTS DOUBLING\nThe mideast nation's goal of economic independence is to be achieved, said Gad\nYaacobi, the minister."
	if lineStart(wrapped, "Yaacobi") {
		t.Errorf("Yaacobi starts a line in wrapped prose")
	}
	if !lineStart("Putin meets Assad\nSochi: Russian President Vladimir Putin held talks.", "Sochi") {
		t.Errorf("Sochi after a headline does not start a line")
	}
	pretok := "Results , in order , of the long race ( metres ) run on Sunday in the city centre , won by Jane\nQuigley ( USA ) ."
	if !lineStart(pretok, "Quigley") {
		t.Errorf("Quigley in pre-tokenized text does not start a line")
	}
}

func TestCapitalChunks(t *testing.T) {
	m := newModel(8)
	tests := []struct {
		name string
		text string
		want []string // chunk text per token, "" outside any chunk
	}{
		{"Connector", "the Bank of England said", []string{"", "Bank of England", "Bank of England", "Bank of England", ""}},
		{"TrailingConnector", "Putin and the others", []string{"Putin", "", "", ""}},
		{"TwoChunks", "Putin met Assad", []string{"Putin", "", "Assad"}},
		{"Caps", "NATO SUMMIT ends", []string{"NATO SUMMIT", "NATO SUMMIT", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			sc := &scratch{}
			info := m.prep(toks, sc)
			chunks := capitalChunks(info, 0, len(info), sc)
			for i, c := range chunks {
				got := ""
				if c.len > 0 {
					var w []string
					for _, tk := range toks[c.first : c.last+1] {
						w = append(w, tk.Text)
					}
					got = strings.Join(w, " ")
				}
				if got != tt.want[i] {
					t.Errorf("token %d (%s): chunk %q, want %q", i, toks[i].Text, got, tt.want[i])
				}
			}
		})
	}
}

func TestMatchGazetteer(t *testing.T) {
	gaz, err := buildGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(8)
	m.gaz = gaz
	unit := func(c int) uint32 { return 1 << (3 * c) }
	begin := func(c int) uint32 { return 1 << (3*c + 1) }
	cont := func(c int) uint32 { return 1 << (3*c + 2) }
	tests := []struct {
		name string
		text string
		tok  int
		want uint32 // bits that must be set
		none uint32 // bits that must not be set
	}{
		{"Country", "in Syria today", 1, unit(gazCountry), 0},
		{"CityBig", "in Moscow today", 1, unit(gazCity) | unit(gazBigCity) | unit(gazCapital), 0},
		{"MultiFirst", "in Cape Town today", 1, begin(gazCity), unit(gazCity)},
		{"MultiLast", "in Cape Town today", 2, cont(gazCity), 0},
		{"MultiRegion", "in New South Wales today", 3, cont(gazRegion), 0},
		{"GivenName", "said Angela Merkel", 1, unit(gazGiven), 0},
		{"Region", "in Jujuy province", 1, unit(gazRegion), 0},
		{"Lowercase", "the syria file", 1, 0, unit(gazCountry)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.Tokenize(tt.text)
			info := m.prep(toks, &scratch{})
			got := info[tt.tok].gaz
			if got&tt.want != tt.want || got&tt.none != 0 {
				t.Errorf("gazetteer bits of %q = %b, want %b set and %b clear", toks[tt.tok].Text, got, tt.want, tt.none)
			}
		})
	}
}
