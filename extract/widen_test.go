package extract_test

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestWidenedNames checks the kinds of names whose words the tagger
// leaves out or types wrong (widen.go, spanMention): a nationality that
// opens a company's name, a weekday that ends a club's, a short word
// that completes a name written in full elsewhere, a shop's possessive,
// a publication's foreign article and a street's head; and that the
// same words stay apart where they describe the name.
func TestWidenedNames(t *testing.T) {
	tests := []struct {
		name string
		text string
		tags lexTagger
		want map[string]graph.EntityType // entity ID → type; "" must not exist
	}{
		{"NationalityInCompanyName", "Kurt Karl, economist at Swiss Re in New York, said so.",
			lexTagger{"Kurt Karl": per, "Re": org, "New York": plc},
			map[string]graph.EntityType{"organization/swiss-re": org, "organization/re": "", "place/new-york": plc}},
		{"PairedName", "Standard and Poor's Corp said it cut the debt, and Moody's and Poor's Corp agreed on Monday and Beta Corp said so.",
			lexTagger{"Poor 's Corp": org, "Moody 's": org, "Beta Corp": org},
			map[string]graph.EntityType{"organization/standard-and-poors-corp": org, "organization/moodys": org, "organization/monday-and-beta-corp": ""}},
		{"PairedNameApart", "Standard Oil Co said so. Standard and Mobil Corp each own 40 pct, Standard said.",
			lexTagger{"Standard Oil Co": org, "Mobil Corp": org, "Standard": org},
			map[string]graph.EntityType{"organization/mobil-corp": org, "organization/standard-and-mobil-corp": ""}},
		{"ArabicArticle", "Iraq's Trade Minister Mohammed Mustafa al-Jibouri welcomed the move.",
			lexTagger{"Iraq": plc, "Mohammed Mustafa": per},
			map[string]graph.EntityType{"person/mohammed-mustafa-al-jibouri": per, "person/mohammed-mustafa": ""}},
		{"PlaceInCompanyName", "A spokeswoman for Hanover Re, the reinsurer, said so in Hanover.",
			lexTagger{"Hanover": plc, "Re": org},
			map[string]graph.EntityType{"organization/hanover-re": org, "organization/re": "", "place/hanover": plc}},
		{"CompanyTypedPlace", "A spokeswoman for Hanover Re said so, and Israel left the West Bank.",
			lexTagger{"Hanover Re": plc, "Israel": plc, "West Bank": plc},
			map[string]graph.EntityType{"organization/hanover-re": org, "place/hanover-re": "", "place/west-bank": plc}},
		{"TwoCompanies", "Munich Re and Swiss Re, the world's two biggest reinsurers, said so.",
			lexTagger{"Munich Re": org, "Re": org},
			map[string]graph.EntityType{"organization/munich-re": org, "organization/swiss-re": org, "organization/re": ""}},
		{"UntaggedNationalCompany", "Shares in Swiss Life rose, and British Airways fell.",
			lexTagger{"Airways": org},
			map[string]graph.EntityType{"organization/swiss-life": org, "organization/british-airways": org, "organization/airways": ""}},
		{"NationalityDescribesMinistry", "French Foreign Ministry officials spoke to the German Bundestag.",
			lexTagger{"Foreign Ministry": org, "Bundestag": org},
			map[string]graph.EntityType{"organization/foreign-ministry": org, "organization/bundestag": org,
				"organization/french-foreign-ministry": "", "organization/german-bundestag": ""}},
		{"NationalityBeforeTitle", "Venezuelan Energy Minister Arturo Hernandez said so, and the Swiss Energy Agency agreed.",
			lexTagger{"Arturo Hernandez": per, "Energy": org},
			map[string]graph.EntityType{"organization/venezuelan-energy": "", "organization/swiss-energy": ""}},
		{"WeekdayEndsClub", "McCall would have been sacked if Sheffield Wednesday manager Paul Sturrock had returned. Sheffield Wednesday said nothing.",
			lexTagger{"Sheffield": org, "Paul Sturrock": per},
			map[string]graph.EntityType{"organization/sheffield-wednesday": org, "organization/sheffield": ""}},
		{"WeekdayIsADate", "Chelsea beat Leeds Wednesday in the league.",
			lexTagger{"Chelsea": org, "Leeds": org},
			map[string]graph.EntityType{"organization/leeds-wednesday": "", "organization/leeds-wednesday-team": ""}},
		{"ShortWordCompletesName", "A survey by PC Pro Magazine was published. \"It breaks the code,\" said Tim Danton, editor of PC Pro.",
			lexTagger{"PC Pro Magazine": org, "PC": org, "Tim Danton": per},
			map[string]graph.EntityType{"organization/pc-pro": org, "organization/pc": ""}},
		{"ShortWordAlone", "Sales of the PC rose. Windows PC Magazine said so.",
			lexTagger{"PC": org, "Windows PC Magazine": org},
			map[string]graph.EntityType{"organization/pc": org}},
		{"ShopPossessive", "\"You'll see it in Starbuck's or many other hotspots,\" he says.",
			lexTagger{"Starbuck": plc},
			map[string]graph.EntityType{"organization/starbucks": org, "place/starbuck": ""}},
		{"PossessiveBeforeNoun", "He stayed in Kent's hotels.",
			lexTagger{"Kent": plc},
			map[string]graph.EntityType{"place/kent": plc, "organization/kents": ""}},
		{"PossessiveBeforeFigure", "Its value was small compared to EA's $17.8bn.",
			lexTagger{"EA": org},
			map[string]graph.EntityType{"organization/ea": org, "organization/eas": ""}},
		{"QuoteAfterName", "\"I hope you don't go to Southampton', and he agreed.",
			lexTagger{"Southampton": org},
			map[string]graph.EntityType{"organization/southampton": org}},
		{"SaintsGround", "Wales lost at St Helen's.",
			lexTagger{"Wales": plc, "St Helen": plc},
			map[string]graph.EntityType{"place/st-helens": plc, "organization/st-helens": ""}},
		{"ConjoinedName", "US think-tank Pew Internet and American Life says a blog is created every second.",
			lexTagger{"Pew Internet": org},
			map[string]graph.EntityType{"organization/american-life": ""}},
		{"ForeignArticlePublication", "German magazine Der Spiegel said the talks failed. The newspaper Le Monde agreed.",
			lexTagger{"Der Spiegel": per, "Le Monde": per},
			map[string]graph.EntityType{"organization/der-spiegel": org, "person/der-spiegel": "", "organization/le-monde": org}},
		{"ParticleSurname", "Jean-Marie Le Pen spoke in Paris.",
			lexTagger{"Jean-Marie Le Pen": per, "Paris": plc},
			map[string]graph.EntityType{"person/jean-marie-le-pen": per}},
		{"SquareIsAPlace", "The show filmed a scene in New York's Times Square on 8 November.",
			lexTagger{"New York": plc, "Times Square": org},
			map[string]graph.EntityType{"place/times-square": plc, "organization/times-square": ""}},
		{"DowningStreetSpeaks", "Downing Street said the talks failed.",
			lexTagger{"Downing Street": org},
			map[string]graph.EntityType{"organization/downing-street": org}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypes(t, extractWith(t, tt.tags, tt.text), tt.want)
		})
	}
}
