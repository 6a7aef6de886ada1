package extract

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Span is a typed name proposed by a Tagger: tokens [First, Last) of the
// token slice it was given.
type Span struct {
	First, Last int
	Type        graph.EntityType
	Score       float64 // in [0,1]
}

// Tagger proposes entity spans over the tokens and sentences of a window
// of text. Implementations must be safe for concurrent use.
type Tagger interface {
	Tag(toks []token.Token, sents []token.Sentence) []Span
}

// Extractor implements graph.Extractor. It holds only read-only models
// and is safe for concurrent use; each call to Extract is independent.
type Extractor struct {
	tagger     Tagger
	gaz        *gazetteer.Gazetteer
	facts      []factFinder
	chunkBytes int
	maxBytes   int
	doubtful   bool // the tagger's low scores mark doubtful proposals (RuleTagger)
	entities   bool // entities only: no relations, events, figures or quotes
	explain    bool // name the rule behind each figure and role relation
}

var _ graph.Extractor = (*Extractor)(nil)

// Option configures an Extractor.
type Option func(*Extractor)

// WithTagger replaces the default statistical tagger.
func WithTagger(t Tagger) Option { return func(x *Extractor) { x.tagger = t } }

// WithGazetteer replaces the embedded gazetteer.
func WithGazetteer(g *gazetteer.Gazetteer) Option { return func(x *Extractor) { x.gaz = g } }

// WithWindow sets the size in bytes of the windows a document is
// processed in (default 64 KiB). Names, roles and events are found within
// a window; entities are resolved across the whole document.
func WithWindow(bytes int) Option {
	return func(x *Extractor) {
		if bytes > 0 {
			x.chunkBytes = bytes
		}
	}
}

// WithEntitiesOnly makes Extract find entities (dates included) and their
// roles, but no relations, events, figures or quotes: for tagging
// evaluations, and to measure what the facts cost.
func WithEntitiesOnly() Option { return func(x *Extractor) { x.entities = true } }

// WithExplain makes Extract name the rule behind each figure
// (graph.Figure.Rule) and each position relation (graph.Relation.Rules),
// as "factgraph extract --explain" prints them. Nothing else changes.
func WithExplain() Option { return func(x *Extractor) { x.explain = true } }

// WithMaxBytes makes Extract refuse documents longer than n bytes with an
// ELIMIT error (default: no limit).
func WithMaxBytes(n int) Option { return func(x *Extractor) { x.maxBytes = n } }

// New returns an Extractor. Without WithTagger it loads the default tagger
// (see defaultTagger), and without WithGazetteer the embedded gazetteer.
func New(opts ...Option) (*Extractor, error) {
	x := &Extractor{chunkBytes: 64 << 10}
	for _, o := range opts {
		o(x)
	}
	if x.gaz == nil {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, err
		}
		x.gaz = g
	}
	if x.tagger == nil {
		t, err := defaultTagger(x.gaz)
		if err != nil {
			return nil, err
		}
		x.tagger = t
	}
	_, x.doubtful = x.tagger.(*RuleTagger)
	x.facts = defaultFactFinders()
	if x.entities {
		x.facts = x.facts[:1] // dates are entities
	}
	return x, nil
}

// Extract finds the entities and facts of one document. It returns an
// EINVALID error for a document without an ID or with text that is not
// valid UTF-8, ELIMIT for one over WithMaxBytes, and the context's error if
// ctx ends first.
func (x *Extractor) Extract(ctx context.Context, doc graph.Document) (*graph.Extraction, error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if x.maxBytes > 0 && len(doc.Text) > x.maxBytes {
		return nil, graph.Errorf(graph.ELIMIT, "document %q: %d bytes, over the limit of %d", doc.ID, len(doc.Text), x.maxBytes)
	}
	d := newDocState(x, doc)
	cp, sentBase := 0, 0
	for b := 0; b < len(doc.Text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := chunkEnd(doc.Text, b, x.chunkBytes)
		c := newChunk(doc.Text[b:e], cp, sentBase, b == 0)
		d.process(c)
		cp += utf8.RuneCountInString(c.text)
		sentBase += len(c.sents)
		b = e
	}
	return d.finish(), nil
}

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
