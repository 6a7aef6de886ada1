package extract_test

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestAuditFiveEntities checks the classes of entity errors of the fifth
// BBC relation audit (relations_bbc5.json): lines and awards typed as
// places (things.go), a party glued to a portfolio, a club in a result
// line read as its town (teams.go) and a body's name cut at "and"
// (widen.go); and that the same words stay what they are elsewhere.
func TestAuditFiveEntities(t *testing.T) {
	const oth = graph.Other
	tests := []struct {
		name string
		text string
		tags lexTagger
		want map[string]graph.EntityType // entity ID → type; "" must not exist
	}{
		{"UndergroundLines", "Tube Lines maintains the Jubilee, Northern and Piccadilly lines for London Underground.",
			lexTagger{"Tube Lines": org, "Jubilee": plc, "Northern": plc, "Piccadilly": plc},
			map[string]graph.EntityType{"other/jubilee": oth, "other/northern": oth, "other/piccadilly": oth, "place/jubilee": "", "place/piccadilly": ""}},
		{"OneLine", "Trains on the Victoria line were delayed at every station.",
			lexTagger{"Victoria": plc},
			map[string]graph.EntityType{"other/victoria": oth, "place/victoria": ""}},
		{"TryLineIsNoLine", "Wales are camped on the England line in the dying seconds.",
			lexTagger{"Wales": plc, "England": plc},
			map[string]graph.EntityType{"place/england": plc, "other/england": ""}},
		{"PartyLine", "The Tory line on tax was clear, and Leeds line up against Hull.",
			lexTagger{"Tory": org, "Leeds": plc, "Hull": plc},
			map[string]graph.EntityType{"organization/conservative-party": org, "place/leeds": plc, "other/leeds": ""}},
		{"AwardsShow", "U2 to play at Grammy awards show\nU2 will play at the Grammy Awards in Los Angeles.",
			lexTagger{"Grammy": plc, "U2": org, "Los Angeles": plc},
			map[string]graph.EntityType{"other/grammy": oth, "place/grammy": "", "place/los-angeles": plc}},
		{"Ceremonies", "Kanye West leads the Grammys, and the Academy Awards come later.",
			lexTagger{"Kanye West": per, "Grammys": plc, "Academy Awards": org},
			map[string]graph.EntityType{"other/grammys": oth, "other/academy-awards": oth, "person/kanye-west": per}},
		{"GiverOfAwards", "Britain awards more grants than the Fifa awards panel.",
			lexTagger{"Britain": plc, "Fifa": org},
			map[string]graph.EntityType{"place/united-kingdom": plc, "organization/fifa": org}},
		{"CeremonyInAPlace", "The film won at the central London ceremony, and Mike Leigh won at the Bafta ceremony.",
			lexTagger{"London": plc, "Mike Leigh": per, "Bafta": per},
			map[string]graph.EntityType{"place/london": plc, "other/london": "", "other/bafta": oth}},
		{"BritsAreBritish", "We Brits love a queue.",
			lexTagger{"Brits": plc},
			map[string]graph.EntityType{"other/brits": ""}},
		{"PartyAndPortfolio", "Lib Dem Treasury spokesman Vince Cable called it fantasy economics.",
			lexTagger{"Lib Dem Treasury": org, "Vince Cable": per},
			map[string]graph.EntityType{"organization/liberal-democrats": org, "organization/lib-dem-treasury": "", "person/vince-cable": per}},
		{"TorySpokesman", "Tory Home Office spokesman Mark Oaten disagreed, and the Labour Party spokesman agreed.",
			lexTagger{"Tory Home Office": org, "Mark Oaten": per, "Labour Party": org},
			map[string]graph.EntityType{"organization/conservative-party": org, "organization/tory-home-office": "", "organization/labour-party": org}},
		{"PartyBranch", "Peter Nielson, who is UKIP Scotland chairman, said so.",
			lexTagger{"Peter Nielson": per, "UKIP Scotland": org},
			map[string]graph.EntityType{"organization/ukip-scotland": org}},
		{"ResultLine", "Newcastle 27-27 Gloucester\nNewcastle could not stop Gloucester grabbing a draw after a late try.",
			lexTagger{"Newcastle": org, "Gloucester": plc},
			map[string]graph.EntityType{"organization/gloucester-team": org, "organization/newcastle-team": org, "place/gloucester": ""}},
		{"NoResultLine", "Shares in Newcastle rose 2-3% and Gloucester fell.",
			lexTagger{"Newcastle": org, "Gloucester": plc},
			map[string]graph.EntityType{"place/gloucester": plc, "organization/gloucester-team": ""}},
		{"NameCutAtAnd", "Lee Rainie, director of the Pew Internet and American Life Project, said so.",
			lexTagger{"Lee Rainie": per, "Pew Internet": org, "American Life Project": org},
			map[string]graph.EntityType{"organization/pew-internet-and-american-life-project": org, "organization/pew-internet": ""}},
		{"NameCutAtAndUntagged", "A study by the Pew Internet and American Life Project found that MP3 players sell.",
			lexTagger{"Pew Internet": org},
			map[string]graph.EntityType{"organization/pew-internet-and-american-life-project": org, "organization/pew-internet": ""}},
		{"TwoBodies", "Deutsche Bank and Credit Suisse Institute agreed, and the EU and Gates Foundation paid.",
			lexTagger{"Deutsche Bank": org, "Credit Suisse Institute": org, "EU": org, "Gates Foundation": org},
			map[string]graph.EntityType{"organization/deutsche-bank": org, "organization/credit-suisse-institute": org, "organization/gates-foundation": org}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypes(t, extractWith(t, tt.tags, tt.text), tt.want)
		})
	}
}
