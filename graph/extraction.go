package graph

import "context"

// Extraction is everything the extractor found in one document. Entity IDs
// in it are local to the document (they follow the ID scheme, but the store
// may resolve them to existing entities: "person/putin" to
// "person/vladimir-putin"); every fact refers to entities by those IDs.
type Extraction struct {
	Document  Document     `json:"document"`
	Entities  []*Entity    `json:"entities"` // with Mentions filled
	Relations []*Relation  `json:"relations"`
	Figures   []*Figure    `json:"figures"`
	Events    []*EventFact `json:"events"`
	Quotes    []*Quote     `json:"quotes"`
}

// Extractor turns a document into facts. Implementations are safe for
// concurrent use.
type Extractor interface {
	Extract(ctx context.Context, doc Document) (*Extraction, error)
}

// IngestResult says what an ingest changed.
type IngestResult struct {
	Added     int `json:"added"`     // new documents
	Replaced  int `json:"replaced"`  // documents whose text, title, URL or date changed
	Unchanged int `json:"unchanged"` // documents already stored exactly so
}

// Ingester stores extractions. Each document is applied atomically: after
// a crash it is entirely present or entirely absent. Ingesting the same
// document (same ID, text, title, URL and date) again changes nothing; the
// same ID with any of them new replaces that document's facts.
type Ingester interface {
	Ingest(ctx context.Context, xs []*Extraction) (IngestResult, error)
}
