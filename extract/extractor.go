package extract

import (
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/relate"
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
	doubtful   bool          // the tagger's low scores mark doubtful proposals (RuleTagger)
	entities   bool          // entities only: no relations, events, figures or quotes
	explain    bool          // name the rule behind each figure and role relation
	reader     *relate.Model // the trained relation reader, or nil
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
// (graph.Figure.Rule) and the rules behind each relation that named rules
// read (graph.Relation.Rules): positions (roles.go) and the typed relations
// of relations.go. "factgraph extract --explain" prints them. Nothing else
// changes.
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
