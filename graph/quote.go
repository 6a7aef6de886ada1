package graph

import "context"

// Quote is a direct or partial quotation, kept exactly as written, with its
// speaker resolved to an entity where possible.
type Quote struct {
	ID         string  `json:"id"`
	Text       string  `json:"text"`
	Speaker    string  `json:"speaker,omitempty"` // entity ID
	Evidence   Mention `json:"evidence"`          // the span of Text
	Confidence float64 `json:"confidence"`
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker   string // entity ID; "" for any
	DateRange        // in a document published within this range
	Page
}

// QuoteService reads quotes.
type QuoteService interface {
	// Quotes returns a page of quotes matching f; EINVALID for a bad
	// date range (DateRange.Validate).
	Quotes(ctx context.Context, f QuoteFilter) (List[*Quote], error)
}
