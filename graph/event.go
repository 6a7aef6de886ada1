package graph

import "context"

// EventFact is something that happened, as a node with its participants:
// "Putin held a rare meeting with Bashar Al Assad on Thursday" in a
// document datelined Sochi is a meeting of Putin and Assad in Sochi.
// (Named events such as wars are Entities of type Event; an EventFact may
// refer to one through Entity.)
type EventFact struct {
	ID           string    `json:"id"`
	Kind         string    `json:"kind"`                   // meeting, visit, talks, attack, war, …
	Name         string    `json:"name"`                   // readable: "meeting of Vladimir Putin and Bashar Al Assad"
	Participants []string  `json:"participants,omitempty"` // entity IDs
	Place        string    `json:"place,omitempty"`        // entity ID
	Date         string    `json:"date,omitempty"`         // ISO 8601, possibly partial
	DateText     string    `json:"date_text,omitempty"`    // the date as written ("Thursday")
	Entity       string    `json:"entity,omitempty"`       // the named event entity, if any
	Evidence     []Mention `json:"evidence,omitempty"`
	Confidence   float64   `json:"confidence"`
}

// EventFilter selects events.
type EventFilter struct {
	Kind        string // "" for any
	Participant string // entity ID; "" for any
	Place       string // entity ID; "" for any
	DateRange          // stated by a document published within this range
	Page
}

// EventService reads events.
type EventService interface {
	// Events returns a page of events matching f. EINVALID for a kind no
	// event has (kinds are the extractor's words, with no fixed list), or
	// a bad date range.
	Events(ctx context.Context, f EventFilter) (List[*EventFact], error)
}
