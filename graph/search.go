package graph

// SearchHit is one document found by a full-text search, with its BM25
// score and a short passage of its title or text in which the matched
// words are marked « like this ».
type SearchHit struct {
	Document *Document
	Score    float64
	Snippet  string
}

// MaxSearchQuery is the longest full-text query accepted, in bytes.
const MaxSearchQuery = 500
