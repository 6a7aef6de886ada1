package graph

import "context"

// Record kinds of a dump, in the order a dump emits them.
const (
	RecordDocument = "document"
	RecordEntity   = "entity"
	RecordMention  = "mention"
	RecordRelation = "relation"
	RecordFigure   = "figure"
	RecordEvent    = "event"
	RecordQuote    = "quote"
	RecordMerge    = "merge"
)

// Record is one item of a graph dump; exactly one field besides Kind is set.
type Record struct {
	Kind     string     `json:"kind"`
	Document *Document  `json:"document,omitempty"`
	Entity   *Entity    `json:"entity,omitempty"`
	Mention  *Mention   `json:"mention,omitempty"`
	Relation *Relation  `json:"relation,omitempty"`
	Figure   *Figure    `json:"figure,omitempty"`
	Event    *EventFact `json:"event,omitempty"`
	Quote    *Quote     `json:"quote,omitempty"`
	Merge    *Merge     `json:"merge,omitempty"`
}

// DumpFilter restricts a dump. The zero value dumps everything.
type DumpFilter struct {
	Types     []EntityType // only entities of these types, and facts among them
	Since     string       // only documents published on or after this ISO date, and what they support
	Documents []string     // only these documents, and what they support
}

// Dumper streams a consistent snapshot of the graph, in a deterministic
// order: documents, entities, mentions, relations, figures, events,
// quotes, merges, each sorted by ID. Memory does not grow with the graph.
type Dumper interface {
	Dump(ctx context.Context, f DumpFilter, fn func(*Record) error) error
}

// Restorer loads a dump into an empty graph; ECONFLICT if it is not empty.
// next returns io.EOF after the last record.
type Restorer interface {
	Restore(ctx context.Context, next func() (*Record, error)) error
}
