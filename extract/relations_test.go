package extract_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// TestTypedRelations checks each rule of relations.go on the sentence
// that names it, and readings that must state nothing.
func TestTypedRelations(t *testing.T) {
	tests := []struct {
		name, text      string
		tags            lexTagger
		subj, pred, obj string
		want            bool
	}{
		{"DemonymPerson", "The Brazilian striker Neymar scored twice.", lexTagger{"Neymar": per}, "person/neymar", "citizen_of", "place/brazil", true},
		{"DemonymPastor", "A Nigerian pastor Tunde Bakare spoke.", lexTagger{"Tunde Bakare": per}, "person/tunde-bakare", "citizen_of", "place/nigeria", true},
		{"DemonymNotVerb", "German police arrested John Doe on Monday.", lexTagger{"John Doe": per}, "person/john-doe", "citizen_of", "place/germany", false},
		{"NationalOffice", "Israeli Prime Minister Benjamin Netanyahu spoke.", lexTagger{"Benjamin Netanyahu": per}, "person/benjamin-netanyahu", "citizen_of", "place/israel", true},
		{"NationalOfficePossessive", "Syria's President Bashar al-Assad spoke.", lexTagger{"Syria": plc, "Bashar al-Assad": per}, "person/bashar-al-assad", "citizen_of", "place/syria", true},
		{"AmbassadorToIsNoCitizen", "Hamdullah Mohib, Afghan Ambassador to the United States, spoke.", lexTagger{"Hamdullah Mohib": per, "United States": plc}, "person/hamdullah-mohib", "citizen_of", "place/united-states", false},
		{"PartyMP", "Labour MP Louise Ellman said so.", lexTagger{"Labour": org, "Louise Ellman": per}, "person/louise-ellman", "member_of", "organization/labour-party", true},
		{"PartyLeader", "Green party leader Cem Ozdemir said so.", lexTagger{"Green party": org, "Cem Ozdemir": per}, "person/cem-ozdemir", "member_of", "organization/green-party", true},
		{"PartyNotVerb", "Hamas militants killed John Doe.", lexTagger{"Hamas": org, "John Doe": per}, "person/john-doe", "member_of", "organization/hamas", false},
		{"Player", "Chelsea striker Fernando Torres scored.", lexTagger{"Chelsea": org, "Fernando Torres": per}, "person/fernando-torres", "player_of", "organization/chelsea", true},
		{"Coach", "Bayern coach Pep Guardiola smiled.", lexTagger{"Bayern": org, "Pep Guardiola": per}, "person/pep-guardiola", "coach_of", "organization/bayern", true},
		{"Correspondent", "Reuters reporter John Smith wrote.", lexTagger{"Reuters": org, "John Smith": per}, "person/john-smith", "employee_of", "organization/reuters", true},
		{"OrgPossessive", "Amnesty International's Ruth Jüttner said so.", lexTagger{"Amnesty International": org, "Ruth Jüttner": per}, "person/ruth-juttner", "employee_of", "organization/amnesty-international", true},
		{"AnalystAt", "Tom Brown, an analyst at Deutsche Bank, said so.", lexTagger{"Tom Brown": per, "Deutsche Bank": org}, "person/tom-brown", "employee_of", "organization/deutsche-bank", true},
		{"WorksFor", "Jane Miller works for Amnesty International in London.", lexTagger{"Jane Miller": per, "Amnesty International": org, "London": plc}, "person/jane-miller", "employee_of", "organization/amnesty-international", true},
		{"WhoWorksAsAt", "Jane Miller, who works as a senior lecturer at the University of Zurich, said so.", lexTagger{"Jane Miller": per, "University of Zurich": org}, "person/jane-miller", "employee_of", "organization/university-of-zurich", true},
		{"IsWorkingFor", "Jane Miller is working for Siemens now.", lexTagger{"Jane Miller": per, "Siemens": org}, "person/jane-miller", "employee_of", "organization/siemens", true},
		{"WorkedForIsPast", "Jane Miller worked for Siemens until 2010.", lexTagger{"Jane Miller": per, "Siemens": org}, "person/jane-miller", "employee_of", "organization/siemens", false},
		{"WorksWithIsNoJob", "Jane Miller works with Amnesty International on the report.", lexTagger{"Jane Miller": per, "Amnesty International": org}, "person/jane-miller", "employee_of", "organization/amnesty-international", false},
		{"WorksForPartyIsNoJob", "Jane Miller works for the Green Party campaign.", lexTagger{"Jane Miller": per, "Green Party": org}, "person/jane-miller", "employee_of", "organization/green-party", false},
		{"EnvoyForComma", "The UN envoy for Syria, Staffan de Mistura, arrived in Geneva.", lexTagger{"UN": org, "Syria": plc, "Staffan de Mistura": per, "Geneva": plc}, "person/staffan-de-mistura", "ambassador_of", "organization/united-nations", true},
		{"EnvoyForCommaNotOfRemit", "UN Special Envoy for Syria, Staffan de Mistura, arrived in Geneva.", lexTagger{"UN": org, "Syria": plc, "Staffan de Mistura": per, "Geneva": plc}, "person/staffan-de-mistura", "ambassador_of", "place/syria", false},
		{"TitleAfterAsIsNoRole", "He spoke of his second term as US President, Tony Blair has said.", lexTagger{"US": plc, "Tony Blair": per}, "person/tony-blair", "president_of", "place/united-states", false},
		{"TitleAfterVerbIsAnother", "The Pakistani president met Prime Minister Tony Blair in London.", lexTagger{"Tony Blair": per, "London": plc}, "person/tony-blair", "citizen_of", "place/pakistan", false},
		{"HonorificDescribesNoOne", "Labour poster plans attacking Mr Howard were dropped.", lexTagger{"Labour": org, "Howard": per}, "person/howard", "member_of", "organization/labour-party", false},
		{"HonorificAfterTitle", "Conservative MP Sir Teddy Taylor said so.", lexTagger{"Conservative": org, "Teddy Taylor": per}, "person/teddy-taylor", "member_of", "organization/conservative-party", true},
		{"PeerIsMember", "Labour peer John Smith said so.", lexTagger{"Labour": org, "John Smith": per}, "person/john-smith", "member_of", "organization/labour-party", true},
		{"PeerBeforeHonorificIsMember", "Tory peer Lord Tebbit said so.", lexTagger{"Tory": org, "Tebbit": per}, "person/tebbit", "member_of", "organization/conservative-party", true},
		{"UnitIsNoPersonsRelation", "Tom Brown, a unit of Deutsche Bank, said so.", lexTagger{"Tom Brown": per, "Deutsche Bank": org}, "person/tom-brown", "part_of", "organization/deutsche-bank", false},
		{"RegionPortfolioInItsSentence", "Talks with France.\nEurope minister Denis MacShane said so.", lexTagger{"France": plc, "Europe": plc, "Denis MacShane": per}, "person/denis-macshane", "minister_of", "place/france", false},
		{"ModifierAfterGap", "SEC deputy enforcement director Linda Thomsen said so.", lexTagger{"SEC": org, "Linda Thomsen": per}, "person/linda-thomsen", "employee_of", "organization/securities-and-exchange-commission", true},
		{"ManagerAtCompanyNoCoach", "Stephen Toulouse, a security manager at Microsoft, said so.", lexTagger{"Stephen Toulouse": per, "Microsoft": org}, "person/stephen-toulouse", "coach_of", "organization/microsoft", false},
		{"ManagerAtCompanyManages", "Stephen Toulouse, a security manager at Microsoft, said so.", lexTagger{"Stephen Toulouse": per, "Microsoft": org}, "person/stephen-toulouse", "manager_of", "organization/microsoft", true},
		{"PlayerOutsideSport", "Hollywood player Howard Hughes built planes.", lexTagger{"Hollywood": plc, "Howard Hughes": per}, "person/howard-hughes", "player_of", "place/hollywood", false},
		{"StrikerNeedsNoSportsWords", "Everton striker James Beattie said so.", lexTagger{"Everton": org, "James Beattie": per}, "person/james-beattie", "player_of", "organization/everton", true},
		{"ContinentIsPortfolio", "Britain's Europe minister Denis MacShane said so.", lexTagger{"Britain": plc, "Europe": plc, "Denis MacShane": per}, "person/denis-macshane", "minister_of", "place/united-kingdom", true},
		{"ContinentIsNoOffice", "Britain's Europe minister Denis MacShane said so.", lexTagger{"Britain": plc, "Europe": plc, "Denis MacShane": per}, "person/denis-macshane", "minister_of", "place/europe", false},
		{"ContinentInNoCountry", "Britain's Europe minister Denis MacShane said so.", lexTagger{"Britain": plc, "Europe": plc, "Denis MacShane": per}, "place/europe", "located_in", "place/united-kingdom", false},
		{"InternationalBodyNotCountrys", "Britain's EU presidency starts in July.", lexTagger{"Britain": plc, "EU": org}, "organization/european-union", "based_in", "place/united-kingdom", false},
		{"DomesticDepartmentIsCountrys", "The UK's Department for International Development paid.", lexTagger{"UK": plc, "Department for International Development": org}, "organization/department-for-international-development", "based_in", "place/united-kingdom", true},
		{"CapitalInListIsNotMoved", "It won permission to fly to London, Singapore and Kuala Lumpur.", lexTagger{"London": plc, "Singapore": plc, "Kuala Lumpur": plc}, "place/london", "located_in", "place/singapore", false},
		{"CityInListIsNotMoved", "Road shows went to Toronto, South Korea and Madrid.", lexTagger{"Toronto": plc, "South Korea": plc, "Madrid": plc}, "place/toronto", "located_in", "place/south-korea", false},
		{"SmallNamesakeIsMoved", "Norfolk, England is flat.", lexTagger{"Norfolk": plc, "England": plc}, "place/norfolk", "located_in", "place/england", true},
		{"PartyBeforePublicOffice", "London's Labour mayor Ken Livingstone said so.", lexTagger{"London": plc, "Labour": org, "Ken Livingstone": per}, "person/ken-livingstone", "mayor_of", "organization/labour-party", false},
		{"PartyBeforePublicOfficeMember", "London's Labour mayor Ken Livingstone said so.", lexTagger{"London": plc, "Labour": org, "Ken Livingstone": per}, "person/ken-livingstone", "member_of", "organization/labour-party", true},
		{"OfficeOfInstitutionsCountry", "Iraq votes. Iraq's election is on Sunday. Iraq's parties are ready. Deputy Prime Minister John Prescott said Downing Street agreed that Britain would help.", lexTagger{"Iraq": plc, "John Prescott": per, "Downing Street": org, "Britain": plc}, "person/john-prescott", "deputy_prime_minister_of", "place/united-kingdom", true},
		{"OfficeNotOfStorysCountry", "Iraq votes. Iraq's election is on Sunday. Iraq's parties are ready. Deputy Prime Minister John Prescott said Downing Street agreed that Britain would help.", lexTagger{"Iraq": plc, "John Prescott": per, "Downing Street": org, "Britain": plc}, "person/john-prescott", "deputy_prime_minister_of", "place/iraq", false},
		{"ContinentHoldsNoSeat", "Europe's Sky raised its prices.", lexTagger{"Europe": plc, "Sky": org}, "organization/sky", "based_in", "place/europe", false},
		{"FormerCountryInList", "Trade with the Soviet Union, France said on Monday, fell.", lexTagger{"Soviet Union": plc, "France": plc}, "place/soviet-union", "located_in", "place/france", false},
		{"RegionInHeadlineList", "EUROPE, JAPAN TO DISCUSS TRADE.", lexTagger{"EUROPE": plc, "JAPAN": plc}, "place/europe", "located_in", "place/japan", false},
		{"FormerCountryNotStorys", "Brazil's coffee exports rose. Brazil said Brazil would sell more. Buyers in the Soviet Union paid more.", lexTagger{"Brazil": plc, "Soviet Union": plc}, "place/soviet-union", "located_in", "place/brazil", false},
		{"WestGermanyIsGermany", "West Germany's Finance Minister Gerhard Stoltenberg said so.", lexTagger{"West Germany": plc, "Gerhard Stoltenberg": per}, "person/gerhard-stoltenberg", "finance_minister_of", "place/germany", true},
		{"StateOfRegion", "Officials in the Gulf oil state of Qatar said so.", lexTagger{"Gulf": plc, "Qatar": plc}, "place/gulf", "located_in", "place/qatar", false},
		{"TitledNameTakesNoClause", "Baker cancelled a trip because of the visit by Japanese Prime Minister Yasuhiro Nakasone, a Treasury spokesman said.", lexTagger{"Baker": per, "Yasuhiro Nakasone": per, "Treasury": org}, "person/yasuhiro-nakasone", "spokesperson_of", "organization/treasury", false},
		{"UntitledNameTakesApposition", "Prices rose, said Michael Lamberty, a Lufthansa spokesman.", lexTagger{"Michael Lamberty": per, "Lufthansa": org}, "person/michael-lamberty", "spokesperson_of", "organization/lufthansa", true},
		{"AddresseeOwnsNoTitle", "Monsod told Reuters Finance Secretary Jaime Ongpin had decided not to insist.", lexTagger{"Monsod": per, "Reuters": org, "Jaime Ongpin": per}, "person/jaime-ongpin", "secretary_of", "organization/reuters", false},
		{"PrepositionEndsDescription", "It could not pass Congress without President Reagan's support.", lexTagger{"Congress": org, "Reagan": per}, "person/reagan", "member_of", "organization/congress", false},
		{"PrepositionEndsDemonym", "Aid went to Nicaraguan rebels until President Reagan stopped it.", lexTagger{"Reagan": per}, "person/reagan", "citizen_of", "place/nicaragua", false},
		{"MemberOf", "Jan Berg, a member of the Green Party, said so.", lexTagger{"Jan Berg": per, "Green Party": org}, "person/jan-berg", "member_of", "organization/green-party", true},
		{"PersonOfOrg", "Brian Taylor of Wells Fargo said so.", lexTagger{"Brian Taylor": per, "Wells Fargo": org}, "person/brian-taylor", "employee_of", "organization/wells-fargo", true},
		{"PersonOfPlace", "Jane Smith of Little Snoring said so.", lexTagger{"Jane Smith": per, "Little Snoring": plc}, "person/jane-smith", "employee_of", "place/little-snoring", false},
		{"DemonymOrg", "The German Bundestag voted.", lexTagger{"Bundestag": org}, "organization/bundestag", "based_in", "place/germany", true},
		{"CountryOrg", "The US Congress voted.", lexTagger{"US": plc, "Congress": org}, "organization/congress", "based_in", "place/united-states", true},
		{"PossessiveOrg", "Mexico's Sinaloa cartel grew.", lexTagger{"Mexico": plc, "Sinaloa cartel": org}, "organization/sinaloa-cartel", "based_in", "place/mexico", true},
		{"PlaceBased", "The Paris-based OECD said so.", lexTagger{"Paris": plc, "OECD": org}, "organization/organisation-for-economic-co-operation-and-development", "based_in", "place/paris", true},
		{"BasedIn", "Acme Corp, based in Chicago, said so.", lexTagger{"Acme Corp": org, "Chicago": plc}, "organization/acme-corp", "based_in", "place/chicago", true},
		{"Alliance", "NATO member Turkey objected.", lexTagger{"NATO": org, "Turkey": plc}, "place/turkiye", "member_of", "organization/nato", true},
		{"Founded", "Bill Gates founded Microsoft in 1975.", lexTagger{"Bill Gates": per, "Microsoft": org}, "person/bill-gates", "founder_of", "organization/microsoft", true},
		{"FoundedBy", "Microsoft, founded by Bill Gates, grew.", lexTagger{"Bill Gates": per, "Microsoft": org}, "person/bill-gates", "founder_of", "organization/microsoft", true},
		{"Subsidiary", "Instagram, a subsidiary of Facebook, grew.", lexTagger{"Instagram": org, "Facebook": org}, "organization/instagram", "part_of", "organization/facebook", true},
		{"PersonFromOrg", "Jane Hogg from Chatham House said so.", lexTagger{"Jane Hogg": per, "Chatham House": org}, "person/jane-hogg", "employee_of", "organization/chatham-house", true},
		{"OrgBeforeTitle", "Vincent Cochetel, UNHCR director for Europe, said so.", lexTagger{"Vincent Cochetel": per, "UNHCR": org, "Europe": plc}, "person/vincent-cochetel", "director_of", "organization/unhcr", true},
		{"InstitutionCountry", "Germany sent troops after the Bundestag voted.", lexTagger{"Germany": plc, "Bundestag": org}, "organization/bundestag", "based_in", "place/germany", true},
		{"NameCountry", "Germany won, the German Football Association said.", lexTagger{"Germany": plc, "German Football Association": org}, "organization/german-football-association", "based_in", "place/germany", true},
		{"NameCountryAmbiguous", "North Korea fired, the Korean Central News Agency said.", lexTagger{"North Korea": plc, "Korean Central News Agency": org}, "organization/korean-central-news-agency", "based_in", "place/south-korea", false},
		{"DomesticOffice", "Sri Lanka opened a port. Sri Lanka is proud. President Mahinda Rajapaksa spoke of Sri Lanka.", lexTagger{"Sri Lanka": plc, "Mahinda Rajapaksa": per}, "person/mahinda-rajapaksa", "president_of", "place/sri-lanka", true},
		{"DomesticOfficeCitizen", "Sri Lanka opened a port. Sri Lanka is proud. President Mahinda Rajapaksa spoke of Sri Lanka.", lexTagger{"Sri Lanka": plc, "Mahinda Rajapaksa": per}, "person/mahinda-rajapaksa", "citizen_of", "place/sri-lanka", true},
		{"DomesticNeedsOneCountry", "Sri Lanka and India met. India and Sri Lanka agreed. President Mahinda Rajapaksa spoke.", lexTagger{"Sri Lanka": plc, "India": plc, "Mahinda Rajapaksa": per}, "person/mahinda-rajapaksa", "president_of", "place/sri-lanka", false},
		{"DomesticParty", "Ukraine voted. Ukraine counted. In Ukraine the Radical Party came third.", lexTagger{"Ukraine": plc, "Radical Party": org}, "organization/radical-party", "based_in", "place/ukraine", true},
		{"DomesticNotInternational", "Ukraine voted. Ukraine counted. In Ukraine the European Union watched.", lexTagger{"Ukraine": plc, "European Union": org}, "organization/european-union", "based_in", "place/ukraine", false},
		{"IsDemonym", "Martin Ulrich ( born December 16 , 1969 ) is a retired Austrian ice hockey defenceman .", lexTagger{"Martin Ulrich": per}, "person/martin-ulrich", "citizen_of", "place/austria", true},
		{"IsDemonymOrg", "Roketsan is a major Turkish weapons manufacturer.", lexTagger{"Roketsan": org}, "organization/roketsan", "based_in", "place/turkiye", true},
		{"IsDemonymNotNoun", "Tom Hill is an American in Paris.", lexTagger{"Tom Hill": per, "Paris": plc}, "person/tom-hill", "citizen_of", "place/united-states", false},
		{"NameCountryInside", "He served in the Royal Canadian Air Force and Canada thanked him.", lexTagger{"Royal Canadian Air Force": org, "Canada": plc}, "organization/royal-canadian-air-force", "based_in", "place/canada", true},
		{"DomesticPlace", "Ethiopia grew. Ethiopia voted. Ethiopia has markets in Addis Zemen.", lexTagger{"Ethiopia": plc, "Addis Zemen": plc}, "place/addis-zemen", "located_in", "place/ethiopia", true},
		{"DomesticPlaceNotLocative", "Ethiopia grew. Ethiopia voted. Ethiopia cheered Addis Zemen.", lexTagger{"Ethiopia": plc, "Addis Zemen": plc}, "place/addis-zemen", "located_in", "place/ethiopia", false},
		{"CoachNotCitizen", "Italy coach John Kirwan spoke.", lexTagger{"Italy": plc, "John Kirwan": per}, "person/john-kirwan", "citizen_of", "place/italy", false},
		{"NameCountryNotWord", "British Tolkien fans were sad, said a man in the United Kingdom.", lexTagger{"British Tolkien": org, "United Kingdom": plc}, "organization/british-tolkien", "based_in", "place/united-kingdom", false},
		{"NameCountryHead", "The US Treasury spoke, said a man in the United States.", lexTagger{"US Treasury": org, "United States": plc}, "organization/us-treasury", "based_in", "place/united-states", true},
		{"PlaceList", "England lost to Wales, France and Ireland.", lexTagger{"England": plc, "Wales": plc, "France": plc, "Ireland": plc}, "place/wales", "located_in", "place/france", false},
		{"PlaceCommaCountry", "He flew to Kabul, Afghanistan, and Karachi.", lexTagger{"Kabul": plc, "Afghanistan": plc, "Karachi": plc}, "place/kabul", "located_in", "place/afghanistan", true},
		{"DomesticPlaceNotRegion", "Ethiopia grew. Ethiopia voted. Ethiopia and the Middle East traded.", lexTagger{"Ethiopia": plc, "Middle East": plc}, "place/middle-east", "located_in", "place/ethiopia", false},
		{"FromCountry", "Roberta Metsola, a leading parliamentarian from Malta, spoke.", lexTagger{"Roberta Metsola": per, "Malta": plc}, "person/roberta-metsola", "citizen_of", "place/malta", true},
		{"FromCity", "Jan Berg, a teacher from Paris, spoke.", lexTagger{"Jan Berg": per, "Paris": plc}, "person/jan-berg", "citizen_of", "place/paris", false},
		{"PossessivePartyMember", "Labour's Jan Berg spoke.", lexTagger{"Labour": org, "Jan Berg": per}, "person/jan-berg", "member_of", "organization/labour-party", true},
		{"PossessiveCoach", "Gladbach's coach Andre Schubert smiled.", lexTagger{"Gladbach": org, "Andre Schubert": per}, "person/andre-schubert", "coach_of", "organization/gladbach", true},
		{"CopulaPast", "Jan Berg was president of the World Bank.", lexTagger{"Jan Berg": per, "World Bank": org}, "person/jan-berg", "president_of", "organization/world-bank", false},
		{"CopulaPresent", "Jan Berg is president of the World Bank.", lexTagger{"Jan Berg": per, "World Bank": org}, "person/jan-berg", "president_of", "organization/world-bank", true},
		{"OfTheParty", "Jan Berg of the Green Party spoke.", lexTagger{"Jan Berg": per, "Green Party": org}, "person/jan-berg", "member_of", "organization/green-party", true},
		{"ParenParty", "Angela Merkel (CDU) spoke.", lexTagger{"Angela Merkel": per, "CDU": org}, "person/angela-merkel", "member_of", "organization/cdu", true},
		{"ParenNotParty", "Jan Berg (Siemens) spoke.", lexTagger{"Jan Berg": per, "Siemens": org}, "person/jan-berg", "member_of", "organization/siemens", false},
		{"Joined", "Jan Berg joined the Social Democrats in 2001.", lexTagger{"Jan Berg": per, "Social Democrats": org}, "person/jan-berg", "member_of", "organization/social-democrats", true},
		{"PlaysFor", "Douglas Costa, who plays for Bayern, scored.", lexTagger{"Douglas Costa": per, "Bayern": org}, "person/douglas-costa", "player_of", "organization/bayern", true},
		{"OfficeMember", "Bayern coach Pep Guardiola smiled.", lexTagger{"Bayern": org, "Pep Guardiola": per}, "person/pep-guardiola", "member_of", "organization/bayern", true},
		{"OfficeMemberDirector", "UNHCR director Vincent Cochetel spoke.", lexTagger{"UNHCR": org, "Vincent Cochetel": per}, "person/vincent-cochetel", "member_of", "organization/unhcr", true},
		{"EmployeeNotMember", "Reuters reporter Jan Berg wrote.", lexTagger{"Reuters": org, "Jan Berg": per}, "person/jan-berg", "member_of", "organization/reuters", false},
		{"Institution", "Katrin Berg, a member of the German Bundestag, spoke.", lexTagger{"Katrin Berg": per, "Bundestag": org}, "person/katrin-berg", "citizen_of", "place/germany", true},
		{"PossessiveUnit", "Yemen's army chief of staff Ali Miqdashi spoke.", lexTagger{"Yemen": plc, "Ali Miqdashi": per}, "person/ali-miqdashi", "chief_of_staff_of", "place/yemen", true},
		{"PossessiveUnitCitizen", "Yemen's army chief of staff Ali Miqdashi spoke.", lexTagger{"Yemen": plc, "Ali Miqdashi": per}, "person/ali-miqdashi", "citizen_of", "place/yemen", true},
		{"TitleOfCommaKind", "The president of the German VDA automobile federation, Matthias Wissman, said so.", lexTagger{"VDA": org, "Matthias Wissman": per}, "person/matthias-wissman", "president_of", "organization/vda", true},
		{"TitleOfCommaKindCitizen", "The president of the German VDA automobile federation, Matthias Wissman, said so.", lexTagger{"VDA": org, "Matthias Wissman": per}, "person/matthias-wissman", "citizen_of", "place/germany", true},
		{"TitleOfCommaVerbNoKind", "The head of the SSC said, Mohammed Suweysi, no.", lexTagger{"SSC": org, "Mohammed Suweysi": per}, "person/mohammed-suweysi", "head_of", "organization/ssc", false},
		{"TitleOfPossessiveOrg", "The chairman of Germany's Electro Platform Henning Kagermann spoke.", lexTagger{"Germany": plc, "Electro Platform": org, "Henning Kagermann": per}, "person/henning-kagermann", "chair_of", "organization/electro-platform", true},
		{"TitleOfOrgNeedsThe", "A meeting of head of the EU Donald Tusk.", lexTagger{"EU": org, "Donald Tusk": per}, "person/donald-tusk", "head_of", "organization/european-union", false},
		{"PartyOffice", "Lower Saxony's SPD interior minister Boris Pistorius spoke.", lexTagger{"Lower Saxony": plc, "SPD": org, "Boris Pistorius": per}, "person/boris-pistorius", "member_of", "organization/spd", true},
		{"PartyOfficeOfState", "Lower Saxony's SPD interior minister Boris Pistorius spoke.", lexTagger{"Lower Saxony": plc, "SPD": org, "Boris Pistorius": per}, "person/boris-pistorius", "interior_minister_of", "place/lower-saxony", true},
		{"PartyOfficeNotOfParty", "Lower Saxony's SPD interior minister Boris Pistorius spoke.", lexTagger{"Lower Saxony": plc, "SPD": org, "Boris Pistorius": per}, "person/boris-pistorius", "interior_minister_of", "organization/spd", false},
		{"ParliamentOffice", "Bundestag President Norbert Lammert spoke.", lexTagger{"Bundestag": org, "Norbert Lammert": per}, "person/norbert-lammert", "president_of", "organization/bundestag", true},
		{"MemberClause", "Klaus Bouillon, who is a member of Chancellor Angela Merkel's center-right Christian Democrats, spoke.", lexTagger{"Klaus Bouillon": per, "Angela Merkel": per, "Christian Democrats": org}, "person/klaus-bouillon", "member_of", "organization/christian-democrats", true},
		{"MemberClauseNotPossessor", "Klaus Bouillon, who is a member of Chancellor Angela Merkel's center-right Christian Democrats, spoke.", lexTagger{"Klaus Bouillon": per, "Angela Merkel": per, "Christian Democrats": org}, "person/angela-merkel", "member_of", "organization/christian-democrats", false},
		{"CountryBody", "Klaus Bouillon, the head of Germany's interior ministers' conference, spoke.", lexTagger{"Klaus Bouillon": per, "Germany": plc}, "person/klaus-bouillon", "citizen_of", "place/germany", true},
		{"CountryBodyNotCorrespondent", "Jan Berg, the correspondent of Germany's biggest daily, spoke.", lexTagger{"Jan Berg": per, "Germany": plc}, "person/jan-berg", "citizen_of", "place/germany", false},
		{"InstitutionInParen", "The Friedrich Ebert Foundation (FES) in Bamako helps. Bamako is in Mali.", lexTagger{"Friedrich Ebert Foundation": org, "FES": org, "Bamako": plc, "Mali": plc}, "organization/friedrich-ebert-foundation", "based_in", "place/bamako", true},
		{"InstitutionInCityOf", "He works for the Agency for Self-Help in the city of Osnabrück.", lexTagger{"Agency for Self-Help": org, "Osnabrück": plc}, "organization/agency-for-self-help", "based_in", "place/osnabruck", true},
		{"NativeNationality", "Germany listened to Deutsche Welle.", lexTagger{"Germany": plc, "Deutsche Welle": org}, "organization/deutsche-welle", "based_in", "place/germany", true},
		{"RegionOfCountry", "Drones struck the North Waziristan region of Pakistan.", lexTagger{"North Waziristan": plc, "Pakistan": plc}, "place/north-waziristan", "located_in", "place/pakistan", true},
		{"RegionOfCountryNotReversed", "Drones struck the North Waziristan region of Pakistan.", lexTagger{"North Waziristan": plc, "Pakistan": plc}, "place/pakistan", "located_in", "place/north-waziristan", false},
		{"CountryRegionOf", "Drones struck Pakistan's tribal region of North Waziristan.", lexTagger{"North Waziristan": plc, "Pakistan": plc}, "place/north-waziristan", "located_in", "place/pakistan", true},
		{"DomesticFeature", "Sri Lanka voted. Sri Lanka counted. Sri Lanka is proud. The Kelani River flooded.", lexTagger{"Sri Lanka": plc, "Kelani River": plc}, "place/kelani-river", "located_in", "place/sri-lanka", true},
		{"DomesticNeedsLocative", "Sri Lanka voted. Sri Lanka counted. Sri Lanka is proud. The Beatles sang.", lexTagger{"Sri Lanka": plc, "Beatles": plc}, "place/beatles", "located_in", "place/sri-lanka", false},
		{"DomesticList", "Sri Lanka voted. Sri Lanka counted. Sri Lanka is proud. Floods hit the villages of Xotte, Yugegoda and Zaharagama.", lexTagger{"Sri Lanka": plc, "Xotte": plc, "Yugegoda": plc, "Zaharagama": plc}, "place/zaharagama", "located_in", "place/sri-lanka", true},
		{"OnlyCountryWithOffice", "Greece voted. Greece counted. Greece and Germany met. Chancellor Angela Merkel spoke.", lexTagger{"Greece": plc, "Germany": plc, "Angela Merkel": per}, "person/angela-merkel", "chancellor_of", "place/germany", true},
		{"OnlyCountryWithOfficeNotTwo", "Greece voted. Greece counted. Germany and Austria met. Chancellor Angela Merkel spoke.", lexTagger{"Greece": plc, "Germany": plc, "Austria": plc, "Angela Merkel": per}, "person/angela-merkel", "chancellor_of", "place/germany", false},
		{"TitleOfCommaOpposition", "The leader of the opposition Greens party, Fritz Kuhn, said so.", lexTagger{"Greens": org, "Fritz Kuhn": per}, "person/fritz-kuhn", "leader_of", "organization/greens", true},
		{"NoPresidentOfKingdom", "Britain voted. Britain counted. Britain is proud. President George Bush spoke.", lexTagger{"Britain": plc, "George Bush": per}, "person/george-bush", "president_of", "place/united-kingdom", false},
		{"TitleHolders", "Indonesia voted. Indonesia counted. Indonesia and Britain met. Foreign Secretary Jack Straw spoke.", lexTagger{"Indonesia": plc, "Britain": plc, "Jack Straw": per}, "person/jack-straw", "foreign_minister_of", "place/united-kingdom", true},
		{"TitleHoldersNotLead", "Indonesia voted. Indonesia counted. Indonesia and Britain met. Foreign Secretary Jack Straw spoke.", lexTagger{"Indonesia": plc, "Britain": plc, "Jack Straw": per}, "person/jack-straw", "foreign_minister_of", "place/indonesia", false},
		{"StarredInIsNoPlace", "Britain voted. Britain counted. Britain is proud. She starred in Finding Neverland.", lexTagger{"Britain": plc, "Finding Neverland": plc}, "place/finding-neverland", "located_in", "place/united-kingdom", false},
		{"StemOfAnotherCountry", "Britain voted. Britain counted. Britain is proud. Floods hit Sichuan Province.", lexTagger{"Britain": plc, "Sichuan Province": plc}, "place/sichuan-province", "located_in", "place/united-kingdom", false},
		{"DomesticInstitution", "Britain voted. Britain counted. Britain is proud. The Royal Free Hospital said so.", lexTagger{"Britain": plc, "Royal Free Hospital": org}, "organization/royal-free-hospital", "based_in", "place/united-kingdom", true},
		{"DomesticInstitutionNamedAbroad", "India voted. India counted. India is proud. The University of California said so.", lexTagger{"India": plc, "University of California": org}, "organization/university-of-california", "based_in", "place/india", false},
		{"DomesticInstitutionNotInternational", "Greece voted. Greece counted. Greece is proud. The Court of Arbitration for Sport said so.", lexTagger{"Greece": plc, "Court of Arbitration for Sport": org}, "organization/court-of-arbitration-for-sport", "based_in", "place/greece", false},
		{"CopulaFromCountry", "Daniel Ajayi is a Pentecostal pastor from Nigeria.", lexTagger{"Daniel Ajayi": per, "Nigeria": plc}, "person/daniel-ajayi", "citizen_of", "place/nigeria", true},
		{"DemonymLongDescription", "It was sung by Australian recording artist and songwriter Kylie Minogue.", lexTagger{"Kylie Minogue": per}, "person/kylie-minogue", "citizen_of", "place/australia", true},
		{"DemonymHyphenDescription", "It was sung by American singer - songwriter Taylor Swift.", lexTagger{"Taylor Swift": per}, "person/taylor-swift", "citizen_of", "place/united-states", true},
		{"AppositionAdjective", "They expel Toby Lanzer, the outspoken deputy chief of the United Nations, from the country.", lexTagger{"Toby Lanzer": per, "United Nations": org}, "person/toby-lanzer", "deputy_chief_of", "organization/united-nations", true},
		{"AppositionTwoAdjectives", "They expel Toby Lanzer, the outspoken tough deputy chief of the United Nations, from the country.", lexTagger{"Toby Lanzer": per, "United Nations": org}, "person/toby-lanzer", "deputy_chief_of", "organization/united-nations", false},
		{"CounselAt", "Param Singh, senior international justice counsel at Human Rights Watch, said so.", lexTagger{"Param Singh": per, "Human Rights Watch": org}, "person/param-singh", "employee_of", "organization/human-rights-watch", true},
		{"DomesticInstitutionTownAbroad", "Britain voted. Britain counted. Britain is proud. Elham Manea of the University of Zurich said so.", lexTagger{"Britain": plc, "Elham Manea": per, "University of Zurich": org}, "organization/university-of-zurich", "based_in", "place/united-kingdom", false},
		{"InstitutionOfAbsentCountry", "Iraq voted. Iraq counted. Iraq is proud. The Labour Party was in power then.", lexTagger{"Iraq": plc, "Labour Party": org}, "organization/labour-party", "based_in", "place/iraq", false},
		{"MeetingArranged", "Bill Gates is trying to arrange a meeting with Lula da Silva.", lexTagger{"Bill Gates": per, "Lula da Silva": per}, "person/bill-gates", "met", "person/lula-da-silva", false},
		{"MeetingWill", "Bill Gates will meet Lula da Silva next week.", lexTagger{"Bill Gates": per, "Lula da Silva": per}, "person/bill-gates", "met", "person/lula-da-silva", false},
		{"MeetingHeld", "Bill Gates met Lula da Silva on Monday.", lexTagger{"Bill Gates": per, "Lula da Silva": per}, "person/bill-gates", "met", "person/lula-da-silva", true},
		{"CopulaNeedsArticle", "Ramdhan Kotamaraja is originally from India, but now lives in Dallas.", lexTagger{"Ramdhan Kotamaraja": per, "India": plc, "Dallas": plc}, "person/ramdhan-kotamaraja", "citizen_of", "place/india", false},
		{"TownOfState", "Troops reached the Texas town of Uvalde on Monday.", lexTagger{"Texas": plc, "Uvalde": plc}, "place/texas", "located_in", "place/uvalde", false},
		{"TownOfStateRight", "Troops reached the Texas town of Uvalde on Monday.", lexTagger{"Texas": plc, "Uvalde": plc}, "place/uvalde", "located_in", "place/texas", true},
		{"OustedIsNoOffice", "Mohamed Morsi, the ousted president of Egypt, died in court.", lexTagger{"Mohamed Morsi": per, "Egypt": plc}, "person/mohamed-morsi", "president_of", "place/egypt", false},
		{"WasMemberIsPast", "John Smith was a consultant for Google until 1989.", lexTagger{"John Smith": per, "Google": org}, "person/john-smith", "employee_of", "organization/google", false},
		{"WhoWasMemberIsPast", "Klaus Berg, who was a member of the Christian Democrats, spoke.", lexTagger{"Klaus Berg": per, "Christian Democrats": org}, "person/klaus-berg", "member_of", "organization/christian-democrats", false},
		{"ThinkTankAbroad", "Iran voted. Iran counted. Iran is proud. Ray Takeyh of the Council on Foreign Relations said so.", lexTagger{"Iran": plc, "Ray Takeyh": per, "Council on Foreign Relations": org}, "organization/council-on-foreign-relations", "based_in", "place/iran", false},
		{"StadiumNeedsLocative", "Britain voted. Britain counted. Britain is proud. Yankee Stadium sold out.", lexTagger{"Britain": plc, "Yankee Stadium": plc}, "place/yankee-stadium", "located_in", "place/united-kingdom", false},
		{"HomeFromTowns", "Munich voted. Hanover voted. Kassel voted, and Germany counted. The Free Democrats lost.", lexTagger{"Munich": plc, "Hanover": plc, "Kassel": plc, "Germany": plc, "Free Democrats": org}, "organization/free-democrats", "based_in", "place/germany", true},
		{"TwoWordDemonym", "South African President Thabo Mbeki spoke.", lexTagger{"Thabo Mbeki": per}, "person/thabo-mbeki", "president_of", "place/south-africa", true},
		{"NorthKoreanIsNotSouth", "North Korean leader Kim Jong-il spoke.", lexTagger{"Kim Jong-il": per}, "person/kim-jong-il", "leader_of", "place/south-korea", false},
		{"NorthKorean", "North Korean leader Kim Jong-il spoke.", lexTagger{"Kim Jong-il": per}, "person/kim-jong-il", "citizen_of", "place/north-korea", true},
		{"WestGermanIsGermany", "West German Chancellor Helmut Kohl spoke.", lexTagger{"Helmut Kohl": per}, "person/helmut-kohl", "chancellor_of", "place/germany", true},
		{"ResignedIsFormer", "Tottenham manager Jacques Santini has resigned.", lexTagger{"Tottenham": org, "Jacques Santini": per}, "person/jacques-santini", "former_manager_of", "organization/tottenham", true},
		{"ResignedNoLongerManager", "Tottenham manager Jacques Santini has resigned.", lexTagger{"Tottenham": org, "Jacques Santini": per}, "person/jacques-santini", "manager_of", "organization/tottenham", false},
		{"ResignedNoLongerMember", "Tottenham manager Jacques Santini has resigned.", lexTagger{"Tottenham": org, "Jacques Santini": per}, "person/jacques-santini", "member_of", "organization/tottenham", false},
		{"SackedIsFormer", "Chelsea striker Adrian Mutu was sacked on Friday.", lexTagger{"Chelsea": org, "Adrian Mutu": per}, "person/adrian-mutu", "player_of", "organization/chelsea", false},
		{"DismissedClaimsStillLeader", "Tory leader Michael Howard has dismissed claims of a rift.", lexTagger{"Tory": org, "Michael Howard": per}, "person/michael-howard", "leader_of", "organization/conservative-party", true},
		{"FormerBeforeOrg", "In Bethnal Green, former Labour MP George Galloway is standing.", lexTagger{"Bethnal Green": plc, "Labour": org, "George Galloway": per}, "person/george-galloway", "member_of", "organization/labour-party", false},
		{"SignedFromClub", "Bolton boss Sam Allardyce has signed Roma defender Vincent Candela.", lexTagger{"Bolton": org, "Sam Allardyce": per, "Roma": org, "Vincent Candela": per}, "person/vincent-candela", "player_of", "organization/roma", false},
		{"ToSignStillTheirs", "Newcastle want to sign Real Madrid striker Fernando Morientes.", lexTagger{"Newcastle": org, "Real Madrid": org, "Fernando Morientes": per}, "person/fernando-morientes", "player_of", "organization/real-madrid", true},
		{"OwnersDemonymCoach", "Andre Agassi's Australian coach Darren Cahill spoke.", lexTagger{"Andre Agassi": per, "Darren Cahill": per}, "person/darren-cahill", "coach_of", "place/australia", false},
		{"OwnersDemonymCitizen", "Andre Agassi's Australian coach Darren Cahill spoke.", lexTagger{"Andre Agassi": per, "Darren Cahill": per}, "person/darren-cahill", "citizen_of", "place/australia", true},
		{"DemonymCoachIsNationality", "Dutch coach Guus Hiddink smiled.", lexTagger{"Guus Hiddink": per}, "person/guus-hiddink", "coach_of", "place/netherlands", false},
		{"DemonymCoachCitizen", "Dutch coach Guus Hiddink smiled.", lexTagger{"Guus Hiddink": per}, "person/guus-hiddink", "citizen_of", "place/netherlands", true},
		{"DomesticOfficeNotBesideForeign", "Iraq voted. Iraq counted. Iraq is proud. President George Bush thanked Britain.", lexTagger{"Iraq": plc, "Britain": plc, "George Bush": per}, "person/george-bush", "citizen_of", "place/iraq", false},
		{"DomesticOfficeBesideHome", "Iraq voted. Iraq counted. Iraq is proud. President Jalal Talabani thanked Iraq.", lexTagger{"Iraq": plc, "Jalal Talabani": per}, "person/jalal-talabani", "president_of", "place/iraq", true},
		{"OrgPossessiveProduct", "It was on the BBC's Newsnight programme last night.", lexTagger{"BBC": org, "Newsnight": per}, "person/newsnight", "employee_of", "organization/bbc", false},
		{"PersonOfAfterThe", "Owen moved to the Bernabeu from Liverpool in August.", lexTagger{"Owen": per, "Bernabeu": per, "Liverpool": org}, "person/bernabeu", "employee_of", "organization/liverpool", false},
		{"HeadOfDepartmentNotCountry", "David Cummings, head of UK equities for Standard Life, said so.", lexTagger{"David Cummings": per, "UK": plc, "Standard Life": org}, "person/david-cummings", "head_of", "place/united-kingdom", false},
		{"ResignationOfIsFormer", "The affair prompted the resignation of BBC chairman Gavyn Davies.", lexTagger{"BBC": org, "Gavyn Davies": per}, "person/gavyn-davies", "former_chair_of", "organization/bbc", true},
		{"ResignationOfNoLongerChair", "The affair prompted the resignation of BBC chairman Gavyn Davies.", lexTagger{"BBC": org, "Gavyn Davies": per}, "person/gavyn-davies", "chair_of", "organization/bbc", false},
		{"CalledForResignationStillChair", "They called for the resignation of BBC chairman Gavyn Davies.", lexTagger{"BBC": org, "Gavyn Davies": per}, "person/gavyn-davies", "chair_of", "organization/bbc", true},
		{"PlaceListRegion", "Clubs from Scandinavia, Russia and eastern Europe will play.", lexTagger{"Scandinavia": plc, "Russia": plc, "Europe": plc}, "place/scandinavia", "located_in", "place/russia", false},
		{"DomesticPlaceNotContinent", "Thailand grew. Thailand voted. Thailand sells in South East Asia.", lexTagger{"Thailand": plc, "South East Asia": plc}, "place/south-east-asia", "located_in", "place/thailand", false},
		{"DomesticPlaceNotLanguage", "China grew. China voted. China sang it in Mandarin and Cantonese.", lexTagger{"China": plc, "Mandarin": plc, "Cantonese": plc}, "place/mandarin", "located_in", "place/china", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			if got := hasRelation(x, tt.subj, tt.pred, tt.obj); got != tt.want {
				t.Errorf("%s %s %s: %v, want %v; relations %v", tt.subj, tt.pred, tt.obj, got, tt.want, relations(x))
			}
		})
	}
}

// TestTypedRelationRules checks that WithExplain names the rule behind a
// typed relation, in the sentence and at the document level.
func TestTypedRelationRules(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tags := lexTagger{"Chelsea": org, "Fernando Torres": per, "Germany": plc, "Bundestag": org}
	x, err := extract.New(extract.WithTagger(tags), extract.WithGazetteer(g), extract.WithExplain())
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Extract(context.Background(), graph.Document{ID: "t", Text: "Chelsea striker Fernando Torres scored. Germany sent troops after the Bundestag voted."})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ subj, pred, obj, rule string }{
		{"person/fernando-torres", "player_of", "organization/chelsea", "org_noun_person"},
		{"organization/bundestag", "based_in", "place/germany", "institution_country"},
	} {
		found := false
		for _, r := range got.Relations {
			if r.Subject == tt.subj && r.Predicate == tt.pred && r.Object == tt.obj {
				found = slices.Contains(r.Rules, tt.rule)
				if !found {
					t.Errorf("%s %s %s: rules %v, want %s", tt.subj, tt.pred, tt.obj, r.Rules, tt.rule)
				}
			}
		}
		if !found {
			t.Errorf("no %s %s %s named %s in %v", tt.subj, tt.pred, tt.obj, tt.rule, relations(got))
		}
	}
}
