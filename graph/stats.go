package graph

import "context"

// Stats are exact counts of what the graph holds.
type Stats struct {
	Documents int                `json:"documents"`
	Entities  int                `json:"entities"`
	Mentions  int                `json:"mentions"`
	Relations int                `json:"relations"`
	Figures   int                `json:"figures"`
	Events    int                `json:"events"`
	Quotes    int                `json:"quotes"`
	ByType    map[EntityType]int `json:"by_type"`
	SizeBytes int64              `json:"size_bytes,omitempty"` // on disk, where known
}

// StatsService reports counts without scanning the graph.
type StatsService interface {
	Stats(ctx context.Context) (Stats, error)
}
