package extract_test

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestTeams checks that in a sports story a place or a one-word club
// that plays is a team of its own (teams.go), that the place keeps its
// own mentions, and that outside sport nothing changes.
func TestTeams(t *testing.T) {
	tests := []struct {
		name string
		text string
		tags lexTagger
		want map[string]graph.EntityType // entity ID → type; "" must not exist
	}{
		{"NationalTeams", "England beat France 24-18 in the Six Nations match at Twickenham. The England captain praised the squad. France have one win and face Wales in Paris, where the tournament ends.",
			lexTagger{"England": plc, "France": plc, "Twickenham": plc, "Wales": plc, "Paris": plc},
			map[string]graph.EntityType{"organization/england-national-team": org, "organization/france-national-team": org,
				"organization/wales-national-team": org, "place/paris": plc, "place/england": "", "place/france": ""}},
		{"NationalityStaysThePlace", "Germany's Tommy Haas beat Spain's Carlos Moya in the tournament. Germany have won the tennis cup twice, and their coach was pleased with the seeded players.",
			lexTagger{"Germany": plc, "Tommy Haas": per, "Spain": plc, "Carlos Moya": per},
			map[string]graph.EntityType{"organization/germany-national-team": org, "place/germany": plc, "place/spain": plc}},
		{"ClubNotCompany", "Chelsea beat Arsenal 2-1 in the Premiership. Arsenal's manager said the striker missed a penalty.",
			lexTagger{"Chelsea": org, "Arsenal": org},
			map[string]graph.EntityType{"organization/chelsea-team": org, "organization/arsenal-team": org, "organization/chelsea": ""}},
		{"ShortNameOfAClub", "Manchester United beat Chelsea in the league. United's striker scored a penalty for the cup holders.",
			lexTagger{"Manchester United": org, "United": org, "Chelsea": org},
			map[string]graph.EntityType{"organization/manchester-united": org, "organization/united-team": ""}},
		{"ClubVerbAndMoves", "Chelsea have sacked the striker after a failed drugs test. He spent two years at Arsenal before joining Chelsea, and Arsenal's Patrick Vieira said the football league must act.",
			lexTagger{"Chelsea": org, "Arsenal": org, "Patrick Vieira": per},
			map[string]graph.EntityType{"organization/chelsea-team": org, "organization/arsenal-team": org, "organization/chelsea": "", "organization/arsenal": ""}},
		{"ClubPossessiveAlone", "Arsenal's Patrick Vieira denied it. The referee and the players said the match went on.",
			lexTagger{"Arsenal": org, "Patrick Vieira": per},
			map[string]graph.EntityType{"organization/arsenal-team": org, "organization/arsenal": ""}},
		{"TownClub", "The striker signed for Newcastle last week, and the football league said the match was off. Fifa agreed.",
			lexTagger{"Newcastle": org, "Fifa": org},
			map[string]graph.EntityType{"organization/newcastle-team": org, "organization/newcastle": "", "organization/fifa": org}},
		{"ClubPair", "Williams could turn to Edinburgh pair Alasdair Strokosch and Simon Cross for the Six Nations. The Gloucester prop is injured and the squad will train at the stadium before the match.",
			lexTagger{"Williams": per, "Edinburgh": plc, "Alasdair Strokosch": per, "Simon Cross": per, "Gloucester": plc},
			map[string]graph.EntityType{"organization/edinburgh-team": org, "organization/gloucester-team": org, "place/edinburgh": ""}},
		{"NoSport", "France have cut taxes. Germany beat forecasts for growth, and the UK said its exports rose.",
			lexTagger{"France": plc, "Germany": plc, "UK": plc},
			map[string]graph.EntityType{"place/france": plc, "place/germany": plc, "organization/france-national-team": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypes(t, extractWith(t, tt.tags, tt.text), tt.want)
		})
	}
}
