package extract_test

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestWorks checks that films, books and prizes the tagger calls people
// are typed other where their context says so, and that people in the
// same contexts stay people.
func TestWorks(t *testing.T) {
	tests := []struct {
		name string
		text string
		tags lexTagger
		want map[string]graph.EntityType // entity ID → type; "" must not exist
	}{
		{"FilmBeforeTitle", "Imelda Staunton won for the abortion drama Vera Drake. Vera Drake has seven nominations.",
			lexTagger{"Imelda Staunton": per, "Vera Drake": per},
			map[string]graph.EntityType{"other/vera-drake": graph.Other, "person/vera-drake": "", "person/imelda-staunton": per}},
		{"PrizeWon", "Jamie Foxx won an Oscar for best actor. The Oscar nominations were read out.",
			lexTagger{"Jamie Foxx": per, "Oscar": per},
			map[string]graph.EntityType{"other/oscar": graph.Other, "person/oscar": "", "person/jamie-foxx": per}},
		{"NameAsModifier", "Gordon Brown spoke. A Treasury source said a Brown ally agreed.",
			lexTagger{"Gordon Brown": per, "Brown": per},
			map[string]graph.EntityType{"person/gordon-brown": per, "other/brown": ""}},
		{"InitialInTeamList", "Leicester: A Titterrell, D Bell, S Borthwick.",
			lexTagger{"A Titterrell": per, "D Bell": per, "S Borthwick": per},
			map[string]graph.EntityType{"person/a-titterrell": per}},
		{"BiopicKeepsThePerson", "Ray Charles died in June. The film Ray opens this week.",
			lexTagger{"Ray Charles": per, "Ray": per},
			map[string]graph.EntityType{"person/ray-charles": per, "other/ray-charles": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypes(t, extractWith(t, tt.tags, tt.text), tt.want)
		})
	}
}
