package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Stage 1 of the pipeline (doc.go): a document is read in windows of
// about 64 KB cut at paragraph breaks (chunkEnd), each split into tokens
// and sentences by package token (newChunk), with the lookups that every
// later stage makes of a token computed once.

// chunkEnd returns where the window starting at byte b ends: at a blank
// line (or failing that a line break, then a space) near size bytes on, so
// that windows rarely split a sentence and never split a code point.
func chunkEnd(text string, b, size int) int {
	if len(text)-b <= size+size/2 {
		return len(text)
	}
	lim := b + size
	window := text[b+size/2 : lim]
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(window, sep); i >= 0 {
			return b + size/2 + i + len(sep)
		}
	}
	for lim > b && !utf8.RuneStart(text[lim]) {
		lim--
	}
	return lim
}

// chunk is one window of a document, tokenized; offsets of toks and sents
// are relative to it, cpBase and sentBase make them global.
type chunk struct {
	text     string
	toks     []token.Token
	sents    []token.Sentence
	sentOf   []int32  // token → sentence index in sents
	lowers   []string // lexicon keys of the tokens
	cpBase   int
	sentBase int
	first    bool // the document's first window, where its dateline is
	// pretokenized is set for text written one token apart, as corpora
	// such as CoNLL-2003 ship it ("Smith , 42 , said ."): there each line
	// is a sentence, so a line break never wraps a name.
	pretokenized bool
	// sports is set for a window that uses minSportWords of sportWords
	// (sportsWindow): read once, for the teams and the affiliations.
	sports bool
}

func newChunk(text string, cpBase, sentBase int, first bool) *chunk {
	c := &chunk{text: text, cpBase: cpBase, sentBase: sentBase, first: first}
	c.toks = token.Tokenize(text)
	c.sents = token.Sentences(text, c.toks)
	c.pretokenized = token.Pretokenized(c.toks)
	c.lowers = make([]string, len(c.toks))
	// The lower-case forms that differ from their tokens are built into
	// one string, so that a window costs one allocation, not one per
	// capitalized word.
	var b strings.Builder
	ends := make([]int32, len(c.toks))
	for i, t := range c.toks {
		if needsLower(t.Text) {
			writeLowerKey(&b, t.Text)
			ends[i] = int32(b.Len())
		}
	}
	all, start := b.String(), 0
	for i, t := range c.toks {
		if ends[i] == 0 {
			c.lowers[i] = t.Text
			continue
		}
		c.lowers[i] = all[start:ends[i]]
		start = int(ends[i])
	}
	c.sentOf = make([]int32, len(c.toks))
	for i, s := range c.sents {
		for j := s.First; j < s.Last; j++ {
			c.sentOf[j] = int32(i)
		}
	}
	c.sports = sportsWindow(c)
	return c
}

// lower returns the lexicon key of token i, "" out of range.
func (c *chunk) lower(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.lowers[i]
}

// tokText returns the text of token i, "" out of range.
func (c *chunk) tokText(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].Text
}

// rawText returns the text covered by tokens [first, last), as written.
func (c *chunk) rawText(first, last int) string {
	if first < 0 || last > len(c.toks) || first >= last {
		return ""
	}
	return c.text[c.toks[first].Byte:c.toks[last-1].ByteEnd]
}

// spanText returns the text covered by tokens [first, last) as a name
// reads: line breaks and tabs inside it are single spaces (a name wrapped
// over two lines of wire copy).
func (c *chunk) spanText(first, last int) string {
	s := c.rawText(first, last)
	if strings.ContainsAny(s, "\n\r\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// sameSentence reports whether tokens i and j are in one sentence.
func (c *chunk) sameSentence(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(c.toks) && j < len(c.toks) && c.sentOf[i] == c.sentOf[j]
}

// evidence returns the mention of tokens [first, last) with global offsets.
func (c *chunk) evidence(first, last int) graph.Mention {
	return graph.Mention{
		Sentence: c.sentBase + int(c.sentOf[first]),
		Start:    c.cpBase + c.toks[first].Start,
		End:      c.cpBase + c.toks[last-1].End,
		Text:     c.rawText(first, last),
	}
}

// sentenceEvidence returns the mention of the whole sentence of token i.
func (c *chunk) sentenceEvidence(i int) graph.Mention {
	s := c.sents[c.sentOf[i]]
	return c.evidence(s.First, s.Last)
}
