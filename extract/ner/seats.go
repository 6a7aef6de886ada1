package ner

import (
	"strings"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// governmentSeats are buildings that news uses for the government inside
// them ("the Kremlin said"). CoNLL-2003 tags them as locations; factgraph's
// schema makes them organizations (issue 3: "the Kremlin" is an
// organization), so Tag retypes a place span that is exactly one of them.
var governmentSeats = [][]string{
	{"kremlin"},
	{"white", "house"},
	{"pentagon"},
	{"downing", "street"},
	{"elysee"}, {"élysée"}, {"elysee", "palace"}, {"élysée", "palace"},
	{"zhongnanhai"},
	{"blue", "house"},
	{"quai", "d'orsay"},
	{"whitehall"},
	{"kremlin", "palace"},
}

// seatsToOrganizations retypes government-seat place spans.
func seatsToOrganizations(toks []token.Token, spans []Span) {
	for i := range spans {
		s := &spans[i]
		if s.Type != graph.Place || s.Last-s.First > 2 {
			continue
		}
		for _, seat := range governmentSeats {
			if len(seat) != s.Last-s.First {
				continue
			}
			match := true
			for j, w := range seat {
				match = match && strings.EqualFold(toks[s.First+j].Text, w)
			}
			if match {
				s.Type = graph.Organization
				break
			}
		}
	}
}
