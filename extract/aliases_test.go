package extract_test

import (
	"slices"
	"testing"
)

// TestAliases checks which names become aliases: a name that is itself a
// country or a well-known organization never joins a longer name, a
// newspaper named after a city is not the city's, and well-known short
// forms and party names resolve to one entity.
func TestAliases(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		tags    lexTagger
		want    map[string][]string // entity ID → aliases it must have
		notIDs  []string            // entities that must not exist
		noAlias map[string][]string // entity ID → aliases it must not have
	}{
		{"CountryNotShortForm", "The US Trade Office said so. The US said it filed the complaint.",
			lexTagger{"US Trade Office": org, "US": org},
			map[string][]string{"organization/us-trade-office": nil}, nil,
			map[string][]string{"organization/us-trade-office": {"US"}}},
		{"CountryNotCompound", "The EU-US talks failed. The US said so, and the EU agreed.",
			lexTagger{"EU-US": org, "US": org, "EU": org},
			map[string][]string{"organization/european-union": {"EU"}}, nil,
			map[string][]string{"organization/european-union": {"US", "EU-US"}}},
		{"TwoClubsNotAName", "The Manchester United-Arsenal match ended 2-1. Arsenal lost, and Manchester United won.",
			lexTagger{"Manchester United-Arsenal": org, "Arsenal": org, "Manchester United": org},
			map[string][]string{"organization/manchester-united": nil, "organization/arsenal": nil},
			[]string{"organization/manchester-united-arsenal"},
			map[string][]string{"organization/manchester-united": {"Arsenal", "Manchester United-Arsenal"}, "organization/arsenal": {"Manchester United-Arsenal"}}},
		{"NewspaperNotCity", "The Liverpool Echo reported that Liverpool beat Chelsea 2-1.",
			lexTagger{"Liverpool Echo": org, "Liverpool": org, "Chelsea": org},
			map[string][]string{"organization/liverpool-echo": nil, "organization/liverpool": nil}, nil,
			map[string][]string{"organization/liverpool-echo": {"Liverpool"}, "organization/liverpool": {"Liverpool Echo"}}},
		{"PartyForms", "The Tories said so. Tory leader Michael Howard said the Conservatives would win.",
			lexTagger{"Tories": org, "Tory": org, "Conservatives": org, "Michael Howard": per},
			map[string][]string{"organization/conservative-party": {"Tories", "Tory", "Conservatives"}},
			[]string{"organization/tories", "organization/tory", "organization/conservatives"}, nil},
		{"WellKnownAcronym", "The EU and the UN met the IMF and Nato.",
			lexTagger{"EU": org, "UN": org, "IMF": org, "Nato": org},
			map[string][]string{"organization/european-union": {"EU"}, "organization/united-nations": {"UN"},
				"organization/international-monetary-fund": {"IMF"}, "organization/nato": nil},
			[]string{"organization/eu", "organization/un", "organization/imf"}, nil},
		{"AcronymAndExpansion", "The European Union said so. The EU agreed.",
			lexTagger{"European Union": org, "EU": org},
			map[string][]string{"organization/european-union": {"EU"}}, []string{"organization/eu"}, nil},
		{"AcronymWithFor", "For Inspiration and Recognition of Science and Technology runs the contest. FIRST said so.",
			lexTagger{"For Inspiration and Recognition of Science and Technology": org, "FIRST": org},
			map[string][]string{"organization/for-inspiration-and-recognition-of-science-and-technology": {"FIRST"}},
			[]string{"organization/first"}, nil},
		{"InitialJoinsFullName", "Shane Warne took five wickets. S. Warne was named man of the match.",
			lexTagger{"Shane Warne": per, "S. Warne": per},
			map[string][]string{"person/shane-warne": {"S. Warne"}}, []string{"person/s-warne"}, nil},
		// Wire copy (issue 13, the Reuters-21578 + BBC audit).
		{"CoordinatedCompanies", "IBM said so. IBM and Hitachi Ltd said they had agreed.",
			lexTagger{"IBM": org, "IBM and Hitachi Ltd": org},
			map[string][]string{"organization/ibm": nil}, []string{"organization/ibm-and-hitachi-ltd"},
			map[string][]string{"organization/ibm": {"IBM and Hitachi Ltd"}}},
		{"CoordinatedByInitials", "Fiat and General Motors (GM) have until midnight. Fiat wants to sell, and GM does not.",
			lexTagger{"Fiat and General Motors": org, "GM": org, "Fiat": org},
			map[string][]string{"organization/fiat": nil, "organization/gm": nil}, []string{"organization/fiat-and-general-motors"},
			map[string][]string{"organization/gm": {"Fiat"}, "organization/fiat": {"GM"}}},
		{"CompanyOfCompany", "Charles Schwab and Co Inc was sold. Schwab announced the purchase from BankAmerica Co of Charles Schwab and Co Inc. BankAmerica Co agreed.",
			lexTagger{"Charles Schwab and Co Inc": org, "Schwab": org, "BankAmerica Co of Charles Schwab and Co Inc": org, "BankAmerica Co": org},
			map[string][]string{"organization/bankamerica-co": nil}, []string{"organization/bankamerica-co-of-charles-schwab-and-co-inc"},
			map[string][]string{"organization/bankamerica-co": {"BankAmerica Co of Charles Schwab and Co Inc"}}},
		{"CompanyOfPlace", "Public Service Co of Indiana said so. Public Service Co agreed.",
			lexTagger{"Public Service Co of Indiana": org, "Public Service Co": org, "Indiana": plc},
			map[string][]string{"organization/public-service-co-of-indiana": {"Public Service Co"}}, nil, nil},
		{"AgencyBeforeAcronym", "Mitsubishi Heavy Industries Ltd (MHI) makes ships. Iida told Reuters so. Officials told Reuters MHI is the leader. MHI said so.",
			lexTagger{"Mitsubishi Heavy Industries Ltd": org, "MHI": org, "Iida": per, "Reuters": org, "Reuters MHI": org},
			map[string][]string{"organization/mitsubishi-heavy-industries-ltd": {"MHI"}, "organization/reuters": nil},
			[]string{"organization/reuters-mhi"}, map[string][]string{"organization/reuters": {"MHI", "Reuters MHI"}}},
		{"BodyNotItsUnion", "The strike was called by the Central Bank Workers Union. Three Central Bank employees are missing.",
			lexTagger{"Central Bank Workers Union": org, "Central Bank": org},
			map[string][]string{"organization/central-bank": nil, "organization/central-bank-workers-union": nil}, nil,
			map[string][]string{"organization/central-bank-workers-union": {"Central Bank"}}},
		{"BodyShortName", "The Central Bank of Lebanon met. The Central Bank said so.",
			lexTagger{"Central Bank of Lebanon": org, "Central Bank": org, "Lebanon": plc},
			map[string][]string{"organization/central-bank-of-lebanon": {"Central Bank"}}, []string{"organization/central-bank"}, nil},
		{"OneCompanyWithAnd", "Procter and Gamble Co said profits rose.",
			lexTagger{"Procter and Gamble Co": org},
			map[string][]string{"organization/procter-and-gamble-co": nil}, nil, nil},
		{"StockSymbolNoName", "UNILEVER'S <UN> UNIT SELLS BASS\n\nUnilever NV said it sold Bass. The UN was not involved.",
			lexTagger{"UNILEVER'S": org, "UN": org, "Unilever NV": org, "Bass": org},
			map[string][]string{"organization/unilever-nv": nil}, nil,
			map[string][]string{"organization/unilever-nv": {"UN"}, "organization/united-nations": {"UNILEVER", "Unilever NV"}}},
		{"MainCompany", "Sony Corp said so. Sony France SA agreed, and Sony said it would sell.",
			lexTagger{"Sony Corp": org, "Sony France SA": org, "Sony": per},
			map[string][]string{"organization/sony-corp": {"Sony"}}, []string{"person/sony"}, nil},
		{"CompanySaidOften", "DOME PETE CUTS LOSS\n\nDome Petroleum Ltd said it lost money. Dome said so. Dome said more. Dome said it again. Dome said it twice.",
			lexTagger{"DOME PETE": org, "Dome Petroleum Ltd": org, "Dome": per},
			map[string][]string{"organization/dome-petroleum-ltd": {"Dome"}}, []string{"person/dome"}, nil},
		{"CompanyCueOverTagger", "The owners of Russian oil giant Yukos are to ask for help. Yukos had filed for bankruptcy, and Yukos said it would fight.",
			lexTagger{"Yukos": per},
			map[string][]string{"organization/yukos": nil}, []string{"person/yukos"}, nil},
		{"SurnameKeepsPerson", "Shares in Apple fell. Jobs said Apple would recover, and Jobs left.",
			lexTagger{"Jobs": per, "Apple": org},
			map[string][]string{"person/jobs": nil}, []string{"organization/jobs"}, nil},
		{"HeadlineWordNoName", "BRAZIL OIL OUTPUT FELL, USAGE UP\n\nBrazil said output fell. The WHO said so. The World Health Organisation (WHO) recommends it.",
			lexTagger{"UP": plc, "Brazil": plc, "WHO": org},
			map[string][]string{"place/brazil": nil, "organization/who": nil}, []string{"place/up"}, nil},
		{"WellKnownAgency", "The U.S. Agriculture Department (USDA) said so. The USDA added more.",
			lexTagger{"U.S. Agriculture Department": org, "USDA": org},
			map[string][]string{"organization/us-department-of-agriculture": {"USDA", "U.S. Agriculture Department"}},
			[]string{"organization/usda", "organization/us-agriculture-department"}, nil},
		{"CompassDemonymNoEntity", "West German officials met in Bonn. The West German economy grew.",
			lexTagger{"West German": plc, "Bonn": plc},
			map[string][]string{"place/bonn": nil}, []string{"place/west-german", "person/west-german"}, nil},
		{"StateAbbreviation", "Fluor Corp of Irvine, Calif., said so. It added that Calif. utilities agreed.",
			lexTagger{"Irvine": plc, "Calif .": plc, "Fluor Corp": org},
			map[string][]string{"place/california": {"Calif."}}, []string{"place/calif"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			for id, aliases := range tt.want {
				e := entity(x, id)
				if e == nil {
					t.Errorf("no %s in %v", id, ids(x))
					continue
				}
				for _, a := range aliases {
					if !slices.Contains(e.Aliases, a) {
						t.Errorf("%s: no alias %q in %q", id, a, e.Aliases)
					}
				}
			}
			for _, id := range tt.notIDs {
				if entity(x, id) != nil {
					t.Errorf("unexpected %s in %v", id, ids(x))
				}
			}
			for id, aliases := range tt.noAlias {
				if e := entity(x, id); e != nil {
					for _, a := range aliases {
						if slices.Contains(e.Aliases, a) {
							t.Errorf("%s has alias %q", id, a)
						}
					}
				}
			}
		})
	}
}
