package extract_test

import "testing"

func TestNames(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		tags    lexTagger
		want    map[string]string // entity ID → mention text that must exist
		notWant []string          // entity IDs that must not exist
	}{
		{"PossessiveStripped", "Syria's war goes on.", lexTagger{"Syria 's": plc},
			map[string]string{"place/syria": "Syria"}, []string{"place/syria-s"}},
		{"CurlyPossessive", "Syria’s coast is long.", lexTagger{"Syria": plc},
			map[string]string{"place/syria": "Syria"}, nil},
		{"BodyNamedAfterPlace", "Richmond Municipality said so, and Curepipe College agreed.", lexTagger{"Richmond Municipality": plc, "Curepipe College": plc},
			map[string]string{"organization/richmond-municipality": "Richmond Municipality", "organization/curepipe-college": "Curepipe College"},
			[]string{"place/richmond-municipality", "place/curepipe-college"}},
		{"CamelCaseBrand", "Herrick founded wikiHow in 2005. wikiHow grew. Shares in eBay rose as eBay sold more, and the uMngeni Municipality and uMngeni voters agreed. The kWh price and mRNA rose; a newSpaper fell.", lexTagger{"Herrick": per},
			map[string]string{"other/wikihow": "wikiHow", "organization/ebay": "eBay", "organization/umngeni-municipality": "uMngeni Municipality"},
			[]string{"organization/wikihow", "other/kwh", "other/mrna", "other/newspaper"}},
		{"FoundationOfTwo", "A grant from the Bill and Melinda Gates Foundation came. Jassim and Hamad bin Jassim Charitable Foundation helped.",
			lexTagger{"Melinda Gates Foundation": org, "Hamad bin Jassim Charitable Foundation": org},
			map[string]string{"organization/bill-and-melinda-gates-foundation": "Bill and Melinda Gates Foundation",
				"organization/jassim-and-hamad-bin-jassim-charitable-foundation": "Jassim and Hamad bin Jassim Charitable Foundation"},
			[]string{"organization/melinda-gates-foundation"}},
		{"BodyOfBody", "The Ministry of Justice's Investigation Bureau searched it. The Council of Agriculture ’ s Agriculture and Food Agency said so. Nunavut's Legal Services Board agreed.",
			lexTagger{"Ministry of Justice 's Investigation Bureau": org, "Council of Agriculture ’ s Agriculture and Food Agency": org, "Nunavut 's Legal Services Board": org},
			map[string]string{"organization/ministry-of-justice": "Ministry of Justice", "organization/investigation-bureau": "Investigation Bureau",
				"organization/council-of-agriculture": "Council of Agriculture", "organization/agriculture-and-food-agency": "Agriculture and Food Agency",
				"organization/nunavuts-legal-services-board": "Nunavut's Legal Services Board"},
			[]string{"organization/ministry-of-justices-investigation-bureau"}},
		{"OfficeAcronym", "The CFO said profits rose. The IGP wishes to thank the public, said Ousainou Darboe.",
			lexTagger{"CFO": org, "IGP": org, "Ousainou Darboe": per},
			map[string]string{"person/ousainou-darboe": "Ousainou Darboe"}, []string{"organization/cfo", "organization/igp"}},
		{"Portfolio", "The Minister of Higher Education and Scientific Research, Abdelbaki Benziane, spoke. Deputy Minister for Finance John Kuma agreed with the Ministry of Finance.",
			lexTagger{"Higher Education and Scientific Research": org, "Abdelbaki Benziane": per, "Finance": org, "John Kuma": per, "Ministry of Finance": org},
			map[string]string{"person/john-kuma": "John Kuma", "organization/ministry-of-finance": "Ministry of Finance"},
			[]string{"organization/higher-education-and-scientific-research", "organization/finance"}},
		{"CompanyAfterSecretary", "Xu Yusheng, board secretary of DBG, said so. DBG makes phones.",
			lexTagger{"Xu Yusheng": per, "DBG": org}, map[string]string{"organization/dbg": "DBG"}, nil},
		{"NumberedPart", "Talabira - II and Talabira - III are coal blocks, Talabira said, and III is larger.",
			lexTagger{"Talabira - II": plc, "Talabira - III": plc, "Talabira": org, "III": plc},
			map[string]string{"place/talabira-iii": "Talabira - III"}, nil},
		{"ShortNameJoinsLong", "Vladimir Putin spoke. Putin then left.", lexTagger{"Vladimir Putin": per, "Putin": per},
			map[string]string{"person/vladimir-putin": "Putin"}, []string{"person/putin"}},
		{"ParticleName", "Bashar Al Assad spoke. Al Assad then left.", lexTagger{"Bashar Al Assad": per, "Al Assad": per},
			map[string]string{"person/bashar-al-assad": "Al Assad"}, []string{"person/al-assad"}},
		{"GivenNameAlone", "Daniel Montalvo fled. Daniel was later held.", lexTagger{"Daniel Montalvo": per, "Daniel": per},
			map[string]string{"person/daniel-montalvo": "Daniel"}, []string{"person/daniel"}},
		{"StyledNameIsOwn", "Liberal Democrat leader Charles Kennedy spoke. On Thursday Prince Charles hosted a dinner.", lexTagger{"Charles Kennedy": per, "Charles": per},
			map[string]string{"person/charles": "Charles"}, nil},
		{"ChamberIsNoBuilding", "The White House spoke. The House passed the bill.", lexTagger{"White House": org, "House": org},
			map[string]string{"organization/house": "House"}, nil},
		{"ShortChamberJoinsFullName", "The House of Commons met. The Commons voted.", lexTagger{"House of Commons": org, "Commons": org},
			map[string]string{"organization/house-of-commons": "Commons"}, []string{"organization/commons"}},
		{"ChamberOfCountry", "The US House spoke. The House passed the bill.", lexTagger{"US House": org, "House": org},
			map[string]string{"organization/us-house": "House"}, []string{"organization/house"}},
		{"GivenNameAmbiguous", "George Bush met George Clooney. George smiled.", lexTagger{"George Bush": per, "George Clooney": per, "George": per},
			map[string]string{"person/george": "George"}, nil},
		{"OrganizationJoinsOrganization", "The US State Department spoke. The State Department then wrote.", lexTagger{"US State Department": org, "State Department": org},
			map[string]string{"organization/us-state-department": "State Department"}, []string{"organization/state-department"}},
		{"OrganizationNotPerson", "Paul Jones spoke. Shares in Dow Jones rose; Jones fell.", lexTagger{"Paul Jones": per, "Dow Jones": org, "Jones": org},
			map[string]string{"organization/dow-jones": "Jones"}, []string{"organization/jones"}},
		{"CityAndTeam", "NEW YORK 1996-08-30\nNEW YORK beat Boston in New York.", lexTagger{"NEW YORK": org, "Boston": org, "New York": plc},
			map[string]string{"organization/new-york": "NEW YORK", "place/new-york": "New York"}, nil},
		{"DashEndsName", "The film stars James Bond - will he return?", lexTagger{"James Bond - will": per},
			map[string]string{"person/james-bond": "James Bond"}, []string{"person/james-bond-will"}},
		{"SpacedHyphenName", "President Moon Jae - in met Lee Jun - seok .", lexTagger{"Moon Jae - in": per, "Lee Jun - seok": per},
			map[string]string{"person/moon-jae-in": "Moon Jae - in", "person/lee-jun-seok": "Lee Jun - seok"}, []string{"person/moon-jae", "person/lee-jun"}},
		{"SpacedHyphenParticles", "Prayut Chan - o - cha met Inzamam - ul - Haq .", lexTagger{"Prayut Chan - o - cha": per, "Inzamam - ul - Haq": per},
			map[string]string{"person/prayut-chan-o-cha": "Prayut Chan - o - cha", "person/inzamam-ul-haq": "Inzamam - ul - Haq"}, []string{"person/prayut-chan"}},
		{"TimeAfterName", "The Commerce Department for November reported a deficit. The Fed in Sept. agreed.",
			lexTagger{"Commerce Department for November": org, "Fed in Sept.": org},
			map[string]string{"organization/commerce-department": "Commerce Department", "organization/federal-reserve": "Fed"}, nil},
		{"DescriptorRelativeClause", "Microsoft is the company Bill Gates founded. Gates said he was proud.", lexTagger{"Microsoft": org, "Bill Gates": per, "Gates": per},
			map[string]string{"person/bill-gates": "Gates"}, []string{"organization/bill-gates"}},
		{"DashInProse", "Three designers - Oded Cohen, Dani Hak and Alexander Fang - show how it works.", lexTagger{"Alexander Fang - show": per},
			map[string]string{"person/alexander-fang": "Alexander Fang"}, []string{"person/alexander-fang-show"}},
		{"DashBeforeVerbInSpan", "Walt Disney Studios - has grown .", lexTagger{"Walt Disney Studios - has": org},
			map[string]string{"organization/walt-disney-studios": "Walt Disney Studios"}, []string{"organization/walt-disney-studios-has"}},
		{"DashBeforeLongWordInSpan", "Lee Jae - announced it .", lexTagger{"Lee Jae - announced": per},
			map[string]string{"person/lee-jae": "Lee Jae"}, nil},
		{"NicknameNoDescriptor", `Rapper Calvin "Snoop" Broadus performed.`, lexTagger{"Broadus": per, "Rapper": per},
			map[string]string{"person/calvin-snoop-broadus": `Calvin "Snoop" Broadus`}, []string{"person/rapper-calvin-snoop-broadus"}},
		{"NicknameOverOtherType", `Earvin "Magic" Johnson retired in 1991.`, lexTagger{"Magic": org, "Johnson": per},
			map[string]string{"person/earvin-magic-johnson": `Earvin "Magic" Johnson`}, []string{"organization/magic"}},
		{"Nickname", `Rap mogul Marion "Suge" Knight was arrested. Knight denied it. Earvin "Magic" Johnson agreed.`,
			lexTagger{`Marion "Suge`: per, "Knight": per, "Johnson": per},
			map[string]string{"person/marion-suge-knight": "Knight", "person/earvin-magic-johnson": `Earvin "Magic" Johnson`},
			[]string{"person/knight", "person/johnson", "person/marion-suge"}},
		{"NicknameNotInHeadline", `Obama "Deeply Concerned" Over Syria Talks`, lexTagger{"Obama": per, "Syria": plc},
			map[string]string{"person/obama": "Obama"}, nil},
		{"DemonymBeforeName", "He won. Australian Nicole Pratt beat Selima Sfar.", lexTagger{"Australian Nicole Pratt": per, "Selima Sfar": per},
			map[string]string{"person/nicole-pratt": "Nicole Pratt"}, []string{"person/australian-nicole-pratt"}},
		{"InitialJoinsFullName", "Brian O'Driscoll returns. Ireland: G Dempsey, B O'Driscoll, B Smith. Girvan Dempsey is fit.",
			lexTagger{"Brian O'Driscoll": per, "G Dempsey": per, "B O'Driscoll": per, "B Smith": per, "Girvan Dempsey": per},
			map[string]string{"person/brian-odriscoll": "B O'Driscoll", "person/girvan-dempsey": "G Dempsey", "person/b-smith": "B Smith"},
			[]string{"person/b-odriscoll", "person/g-dempsey"}},
		{"PluralJoinsSingular", "The Lib Dems gained seats. Lib Dem leader Charles Kennedy said the Lib Dems would win.",
			lexTagger{"Lib Dems": org, "Lib Dem": org, "Charles Kennedy": per},
			map[string]string{"organization/liberal-democrats": "Lib Dem"}, []string{"organization/lib-dem", "organization/lib-dems"}},
		{"NewspaperNoDate", "The Mail on Sunday said so. The Sunday Times reported it on Sunday.", lexTagger{"Sunday Times": org},
			map[string]string{"organization/mail-on-sunday": "Mail on Sunday", "organization/sunday-times": "Sunday Times", "date/sunday@t": "Sunday"}, nil},
		{"CompanyContext", "Shares in Ericsson fell. Siemens's shareholders left. Steve Linford, director of Spamhaus, agreed. Putin's spokesman spoke. " +
			"Brian Taylor of Wells Fargo said so, and analyst firm Gartner agreed, said broker Shakil Rizvi.",
			lexTagger{"Ericsson": per, "Siemens": per, "Steve Linford": per, "Spamhaus": per, "Putin": per, "Brian Taylor": per, "Wells Fargo": per,
				"Gartner": per, "Shakil Rizvi": per},
			map[string]string{"organization/ericsson": "Ericsson", "organization/siemens": "Siemens", "organization/spamhaus": "Spamhaus",
				"organization/wells-fargo": "Wells Fargo", "organization/gartner": "Gartner", "person/shakil-rizvi": "Shakil Rizvi"},
			[]string{"person/ericsson", "person/siemens", "person/spamhaus", "organization/putin"}},
		{"CompanyShortName", "Pentland Industries PLC cut its stake. Pentland said so. General Motors Corp agreed; General Motors left.",
			lexTagger{"Pentland Industries PLC": org, "Pentland": per, "General Motors Corp": org, "General Motors": org},
			map[string]string{"organization/pentland-industries-plc": "Pentland", "organization/general-motors-corp": "General Motors"},
			[]string{"person/pentland", "organization/general-motors"}},
		{"NamedAfterStandsAlone", "President Trump said his sons would run the Trump Organization. Trump spoke. Apple said sales rose. Apple Daily was closed.",
			lexTagger{"Trump": per, "Trump Organization": org, "Apple": org, "Apple Daily": org},
			map[string]string{"person/trump": "Trump", "organization/apple": "Apple", "organization/apple-daily": "Apple Daily"}, nil},
		{"NameWithOfStandsAlone", "The University of Texas Arlington Muslim Student Association met. The University of Texas agreed.",
			lexTagger{"University of Texas Arlington Muslim Student Association": org, "University of Texas": org},
			map[string]string{"organization/university-of-texas": "University of Texas"}, nil},
		{"PersonNotOrgNamedAfter", "The Government of Daniel Ortega banned them. Ortega said so. Later Ortega left.",
			lexTagger{"Government of Daniel Ortega": org, "Ortega": per},
			map[string]string{"person/ortega": "Ortega"}, []string{"organization/ortega"}},
		{"TitleInsideName", "Somalia's President Hassan Sheikh Mohamud met Sikandar Sultan Raja and Qatar Emir Sheikh Tamim .",
			lexTagger{"Somalia": plc, "Hassan Sheikh Mohamud": per, "Sikandar Sultan Raja": per, "Qatar Emir Sheikh Tamim": per},
			map[string]string{"person/hassan-sheikh-mohamud": "Hassan Sheikh Mohamud", "person/sikandar-sultan-raja": "Sikandar Sultan Raja"},
			[]string{"person/mohamud", "person/raja", "person/hassan", "person/qatar-emir-sheikh-tamim"}},
		{"HyphenatedNameKept", "Robert Kilroy-Silk spoke.", lexTagger{"Robert Kilroy-Silk": per},
			map[string]string{"person/robert-kilroy-silk": "Robert Kilroy-Silk"}, nil},
		{"BornPrefix", "The New York-born Aguilera sang.", lexTagger{"New York-born Aguilera": per},
			map[string]string{"person/aguilera": "Aguilera"}, []string{"person/new-york-born-aguilera"}},
		{"BasedPrefix", "Santa Monica-based Activision rose.", lexTagger{"Santa Monica-based Activision": org},
			map[string]string{"organization/activision": "Activision"}, nil},
		{"AmbiguousTitleOpensName", "Justice Ekwo ruled. King Abdullah and Prof Nandi met Brig Salim and Dr al-Mannai. John Major and Stephen King left.",
			lexTagger{"Justice Ekwo": per, "King Abdullah": per, "Prof Nandi": per, "Brig Salim": per, "Dr al-Mannai": per, "John Major": per, "Stephen King": per},
			map[string]string{"person/ekwo": "Ekwo", "person/abdullah": "Abdullah", "person/nandi": "Nandi", "person/salim": "Salim",
				"person/al-mannai": "al-Mannai", "person/john-major": "John Major", "person/stephen-king": "Stephen King"},
			[]string{"person/justice-ekwo", "person/king-abdullah", "person/major", "person/king"}},
		{"WithoutLastSurname", "Priyanka Gandhi Vadra spoke; Priyanka Gandhi agreed. Sarah Jessica Parker starred; her co-star Jessica said so.",
			lexTagger{"Priyanka Gandhi Vadra": per, "Priyanka Gandhi": per, "Sarah Jessica Parker": per, "Jessica": per},
			map[string]string{"person/priyanka-gandhi-vadra": "Priyanka Gandhi", "person/jessica": "Jessica"},
			[]string{"person/priyanka-gandhi"}},
		{"DefinitionNotPerson", "The ruling Justice and Development Party (Erdogan) won. Erdogan thanked voters.",
			lexTagger{"Justice and Development Party": org, "Erdogan": per},
			map[string]string{"person/erdogan": "Erdogan"}, nil},
		{"DefinedShortForm", "The Honduran Institute of Tourism (IHT) launched it. The IHT said so.",
			lexTagger{"Honduran Institute of Tourism": org, "IHT": org},
			map[string]string{"organization/honduran-institute-of-tourism": "IHT"}, []string{"organization/iht"}},
		{"WireNameSpellsItsShortForm", "General Motors Corp (GM) said so. GM added more.",
			lexTagger{"General Motors Corp": org, "GM": org},
			map[string]string{"organization/general-motors-corp": "GM"}, []string{"organization/gm"}},
		{"HeadlineSourceNoShortForm", "KANSAS CITY DAILY FEED-WHOLESALE PRICES (USDA)\n\nSoybean meal was 156.70 dlrs, the USDA said.",
			lexTagger{"DAILY FEED-WHOLESALE PRICES": org, "USDA": org},
			map[string]string{"organization/daily-feed-wholesale-prices": "DAILY FEED-WHOLESALE PRICES", "organization/us-department-of-agriculture": "USDA"}, nil},
		{"WebAddress", "https://www.tehrantimes.com/news/475000/Oman-navy-chief-hails-Iran-s-technology\n\nTEHRAN - Oman praised Iran. Mail bob@example.com today.",
			lexTagger{"Oman-navy-chief-hails-Iran-s-technology": plc, "Oman": plc, "Iran": plc, "example": org},
			map[string]string{"place/oman": "Oman"}, []string{"place/oman-navy-chief-hails-iran-s-technology", "organization/example"}},
		{"SurnameNotTitle", "The camp grew, where King and 15 youths planted seeds. The King spoke.", lexTagger{"King": per},
			map[string]string{"person/king": "King"}, nil},
		{"Honorifics", "Maj. Gen. Ahmad Husni met Hon. Kwame Mensah and Alhaji Musa Bello of Hon Hai Precision Industry.",
			lexTagger{"Maj. Gen. Ahmad Husni": per, "Hon. Kwame Mensah": per, "Alhaji Musa Bello": per, "Hon Hai Precision Industry": per},
			map[string]string{"person/ahmad-husni": "Ahmad Husni", "person/kwame-mensah": "Kwame Mensah", "person/musa-bello": "Musa Bello"},
			[]string{"person/hai-precision-industry"}},
		{"CompanyNotTitle", "General Motors said so. General Electric agreed.", lexTagger{"General Motors": per, "General Electric": per},
			nil, []string{"person/motors", "person/electric"}},
		{"RankTitle", "Sergeant Keith McDonald was hurt.", lexTagger{"Sergeant Keith McDonald": per},
			map[string]string{"person/keith-mcdonald": "Keith McDonald"}, []string{"person/sergeant-keith-mcdonald"}},
		{"DescriptionTitle", "Rap mogul Marion Knight was held.", lexTagger{"Rap mogul Marion Knight": per},
			map[string]string{"person/marion-knight": "Marion Knight"}, []string{"person/rap-mogul-marion-knight"}},
		{"TitleBeforeOrgWord", "The Premier League said so.", lexTagger{"Premier League": per},
			map[string]string{}, []string{"person/league"}},
		{"TitleBeforeOrgWordUntagged", "Arsenal play in the Premier League and the Chancellor Club.", lexTagger{"Arsenal": org},
			map[string]string{"organization/arsenal": "Arsenal"}, []string{"person/league", "person/club"}},
		{"ArticleAfterAbbreviation", "They sang in Washington D.C. The team left.", lexTagger{"Washington D.C. The": plc},
			map[string]string{"place/washington-dc": "Washington D.C."}, nil},
		{"DemonymTitleAlone", "According to Afghan Ambassador to the United States Hamdullah Mohib, it went well.", lexTagger{"Afghan Ambassador": per, "Hamdullah Mohib": per},
			map[string]string{"person/hamdullah-mohib": "Hamdullah Mohib"}, []string{"person/afghan-ambassador"}},
		{"PartyNickname", "The Lib Dems said so. Lib Dem leader Charles Kennedy agreed.", lexTagger{"Lib Dems": per, "Lib Dem": per, "Charles Kennedy": per},
			map[string]string{"organization/liberal-democrats": "Lib Dems"}, []string{"person/lib-dems", "person/lib-dem"}},
		{"PossessiveName", "Moody's said it cut the rating. Syria's army advanced.", lexTagger{"Moody 's": org, "Moody's": org, "Syria 's": plc, "Syria's": plc},
			map[string]string{"organization/moodys": "Moody's", "place/syria": "Syria"}, []string{"organization/moody"}},
		{"DesignatorAlone", "UNITED PRESIDENTIAL CORP <UPCO> 4TH QTR NET\n\nShr 39 cts. By S/P, Reuter correspondents said so.\n REUTER",
			lexTagger{"CORP": org, "P": per, "Reuter": per, "REUTER": per},
			map[string]string{"organization/united-presidential-corp": "UNITED PRESIDENTIAL CORP"},
			[]string{"organization/corp", "person/p", "person/reuter"}},
		{"CapitalInCountry", "Analysts questioned the role of Moscow in Syria after the talks.", lexTagger{"Moscow": plc, "Syria": plc},
			map[string]string{"place/moscow": "Moscow"}, nil},
		{"PlaceInPlace", "The ship docked at Karachi in Pakistan before sailing to Marseilles, France.",
			lexTagger{"Karachi in Pakistan": plc, "Marseilles , France": plc, "Marseilles, France": plc},
			map[string]string{"place/karachi": "Karachi", "place/pakistan": "Pakistan", "place/marseilles": "Marseilles", "place/france": "France"},
			[]string{"place/karachi-in-pakistan"}},
		{"PlaceCommaLower", "He lives in Southwark, south London.", lexTagger{"Southwark , south London": plc},
			map[string]string{"place/southwark": "Southwark"}, nil},
		{"PlaceCompass", "The Isle of Sheppey east of London floods.", lexTagger{"Isle of Sheppey east of London": plc},
			map[string]string{"place/isle-of-sheppey": "Isle of Sheppey"}, nil},
		{"DemonymDescription", "The German magazine Computer Reseller News said so.", lexTagger{"German magazine Computer Reseller News": org},
			map[string]string{"organization/computer-reseller-news": "Computer Reseller News"}, nil},
		{"OneTypePerName", "Putin spoke. Vladimir Putin said so.", lexTagger{"Putin": org, "Vladimir Putin": per},
			map[string]string{"person/vladimir-putin": "Putin"}, []string{"organization/putin"}},
		{"CountryNeverPerson", "Syria said no.", lexTagger{"Syria": per},
			map[string]string{"place/syria": "Syria"}, []string{"person/syria"}},
		{"CountryAlias", "The U.S. and the United States are one.", lexTagger{"U.S.": plc, "United States": plc},
			map[string]string{"place/united-states": "U.S."}, []string{"place/us"}},
		{"DemonymNotEntity", "Russian television showed it.", lexTagger{"Russian": plc},
			nil, []string{"place/russian", "place/russia"}},
		{"CaptionCredit", "Russian President Vladimir Putin Image Credit: AP\n\nHe spoke.", lexTagger{"Vladimir Putin Image Credit": per, "AP": org},
			map[string]string{"person/vladimir-putin": "Vladimir Putin"}, []string{"organization/ap", "person/vladimir-putin-image-credit"}},
		{"PhotoBy", "Talks resumed.\nPhoto by John Smith\nThe talks went on.", lexTagger{"John Smith": per},
			nil, []string{"person/john-smith"}},
		{"WireCredit", "The talks (AFP) went on.", lexTagger{"AFP": org}, nil, []string{"organization/afp"}},
		{"AcronymNotCredit", "The Environmental Protection Agency's (EPA) staff and Pakistan Tehreek-e-Insaf (PTI) said so. EPA agreed.",
			lexTagger{"Environmental Protection Agency": org, "EPA": org, "Pakistan Tehreek-e-Insaf": org, "PTI": org},
			map[string]string{"organization/environmental-protection-agency": "EPA", "organization/pakistan-tehreek-e-insaf": "PTI"}, nil},
		{"CreditAfterName", "Shares in Apple (AP) fell.", lexTagger{"Apple": org, "AP": org}, nil, []string{"organization/ap"}},
		{"NamedWar", "Russia joined Syria's civil war. The war goes on.", lexTagger{"Russia": plc, "Syria": plc},
			map[string]string{"event/syrian-civil-war": "war"}, nil},
		{"LeadingThe", "The Huffington Post said so. Later the Huffington Post added more.", lexTagger{"The Huffington Post": org, "Huffington Post": org},
			map[string]string{"organization/huffington-post": "The Huffington Post"}, []string{"organization/the-huffington-post"}},
		{"TrailingFunctionWord", "Mecca is holy. Mecca each year fills.", lexTagger{"Mecca is": plc, "Mecca each": plc},
			map[string]string{"place/mecca": "Mecca"}, []string{"place/mecca-each", "place/mecca-is"}},
		{"CommaUnknownRight", "Pilgrims in Mecca, Islam's holiest city.", lexTagger{"Mecca , Islam": plc},
			map[string]string{"place/mecca": "Mecca"}, []string{"place/mecca-islam"}},
		{"UntaggedEvent", "Crowds filled Taipei for the Lantern Festival on Sunday.", lexTagger{"Taipei": plc},
			map[string]string{"event/lantern-festival": "Lantern Festival"}, nil},
		{"UntaggedEventYear", "Sweden won at the FIFA World Cup 2018 in Russia.", lexTagger{},
			map[string]string{"event/fifa-world-cup-2018": "FIFA World Cup 2018"}, nil},
		{"LeadingNumber", "Shares of 3 Group and 60 Decibels rose.", lexTagger{"3 Group": org, "60 Decibels": org},
			map[string]string{"organization/3-group": "3 Group", "organization/60-decibels": "60 Decibels"}, nil},
		{"OfficeOfTitle", "The Office of Attorney General said so.", lexTagger{"Office of Attorney General": org},
			map[string]string{"organization/office-of-attorney-general": "Office of Attorney General"}, nil},
		{"CommaDescription", "Zhengzhou, capital of central Henan province, grew.", lexTagger{"Zhengzhou , capital of central Henan province": plc},
			nil, []string{"place/capital-of-central-henan-province"}},
		{"TitledName", "Facebook co-founder Mark Zuckerberg tweeted. Team member Rodaba Noori said so.", lexTagger{"Facebook": org},
			map[string]string{"person/mark-zuckerberg": "Mark Zuckerberg", "person/rodaba-noori": "Rodaba Noori"}, nil},
		{"AmbiguousTitleNoName", "He was hired to head Apple.", lexTagger{},
			nil, []string{"person/apple"}},
		{"PlaceBeforeItsCountry", "Paris police arrested him. Paris is a town in Texas, in the United States.", lexTagger{"Paris": plc, "Texas": plc, "United States": plc},
			map[string]string{"place/paris": "Paris"}, nil},
		{"TitleForHolder", "U.S. President Donald Trump spoke. The President later took action.", lexTagger{"U.S.": plc, "Donald Trump": per, "President": per},
			map[string]string{"person/donald-trump": "President"}, []string{"person/president"}},
		{"TitleNobodyHolds", "The Sheriff's office said so.", lexTagger{"Sheriff": per},
			nil, []string{"person/sheriff"}},
		{"CurrencyPrefix", "It raised US $ 5 million and US$ 2 million .", lexTagger{"US": plc},
			nil, []string{"place/united-states"}},
		{"PostNominal", "The barrister, Tom Molomby, SC, said the prosecutor, Mark Tedeschi, QC, was wrong.", lexTagger{"Tom Molomby": per, "SC": org, "Mark Tedeschi": per, "QC": org},
			map[string]string{"person/tom-molomby": "Tom Molomby", "person/mark-tedeschi": "Mark Tedeschi"}, []string{"organization/sc", "organization/qc"}},
		{"StateAfterCity", "Police in Columbia, SC, said so.", lexTagger{"Columbia": plc, "SC": plc},
			map[string]string{"place/columbia": "Columbia"}, nil},
		{"CountryBeforeNoun", "The US economy grew .", lexTagger{},
			map[string]string{"place/united-states": "US"}, nil},
		{"DemonymNotCountryName", "He flew in a Saudi plane to meet Thai officials .", lexTagger{},
			nil, []string{"place/saudi-arabia", "place/thailand"}},
		{"SentenceOpener", "Yet Jujuy grew . Jujuy is a province . Jujuy has lithium .", lexTagger{"Yet Jujuy": per, "Jujuy": plc},
			map[string]string{"place/jujuy": "Jujuy"}, []string{"person/yet-jujuy", "person/jujuy"}},
		{"LongerTitleNoName", "She would act as Chief Executive Officer of Zipmex .", lexTagger{"Zipmex": org},
			nil, []string{"person/officer", "person/executive-officer"}},
		{"MixedCaseNoCountryCode", "Chips from UK - based Arm sold well . Arm grew .", lexTagger{"Arm": org, "UK": plc},
			map[string]string{"organization/arm": "Arm"}, []string{"place/armenia"}},
		{"TitleOfOrganization", "Savarkar led the Hindu Mahasabha . He was President of Hindu Mahasabha then .", lexTagger{"Savarkar": per, "Hindu Mahasabha": org},
			map[string]string{"organization/hindu-mahasabha": "Hindu Mahasabha"}, []string{"person/hindu-mahasabha"}},
		{"WholeTitleSpan", "Acme named a new Chief Executive Officer in May .", lexTagger{"Chief Executive Officer": per},
			nil, []string{"person/officer", "person/executive-officer", "person/chief-executive-officer"}},
		{"CountryFromGazetteer", "Talks in Afghanistan resumed.", lexTagger{}, map[string]string{"place/afghanistan": "Afghanistan"}, nil},
		{"HyphenInName", "The Organisation for Economic Co - operation and Development met the G - 8 .",
			lexTagger{"Organisation for Economic Co - operation and Development": org, "G - 8": org},
			map[string]string{"organization/organisation-for-economic-co-operation-and-development": "Organisation for Economic Co - operation and Development",
				"organization/g-8": "G - 8"}, []string{"organization/organisation-for-economic-co", "organization/g"}},
		{"CurrencyNoun", "Aid reached 53 billion US dollars .", lexTagger{},
			nil, []string{"place/united-states"}},
		{"CapitalsConjunction", "SHARES RISE AND FALL IN PERU", lexTagger{},
			map[string]string{"place/peru": "PERU"}, []string{"place/andorra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			for id, text := range tt.want {
				e := entity(x, id)
				if e == nil {
					t.Errorf("no %s in %v", id, ids(x))
					continue
				}
				found := false
				for _, m := range e.Mentions {
					found = found || m.Text == text
				}
				if !found {
					t.Errorf("%s has no mention %q: %+v", id, text, e.Mentions)
				}
			}
			for _, id := range tt.notWant {
				if entity(x, id) != nil {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
}

// TestWrappedNames checks that a line break inside hard-wrapped wire copy
// does not cut a name, while one that ends a headline or a line of
// pre-tokenized text (a sentence per line) does.
func TestWrappedNames(t *testing.T) {
	tests := []struct {
		name, text string
		tags       lexTagger
		want       map[string]string // entity ID → its name
		notWant    []string
	}{
		{"WireCopy", "OTTAWA, March 3 - Officials said that Canadian External Affairs Minister Joe\nClark would meet with the United States Treasury Secretary James\nBaker on Monday.",
			lexTagger{"Joe Clark": per, "James Baker": per},
			map[string]string{"person/joe-clark": "Joe Clark", "person/james-baker": "James Baker"}, []string{"person/joe", "person/clark"}},
		{"Headline", "Talks with Joe\nClark said the talks went well.", lexTagger{"Joe": per, "Clark": per, "Joe Clark": per},
			nil, []string{"person/joe-clark"}},
		{"DesignatorOnNextLine", "FORM FINANCIAL UNIT\n\nStandard Oil Co and BP North America\nInc said they plan to form a venture.",
			lexTagger{"BP North America Inc": org}, map[string]string{"organization/bp-north-america-inc": "BP North America Inc"}, nil},
		{"LongHeadline", "Kerry to visit Moscow for talks with Russian leader Vladimir Putin\nSergei Lavrov said on Monday that the talks would go ahead.",
			lexTagger{"Vladimir Putin Sergei Lavrov": per},
			map[string]string{"person/vladimir-putin": "Vladimir Putin", "person/sergei-lavrov": "Sergei Lavrov"}, []string{"person/vladimir-putin-sergei-lavrov"}},
		{"Pretokenized", "Results , in order , of the race ( metres ) run on Sunday , won by Jane\nQuigley ( USA ) ahead of others .",
			lexTagger{"Jane": per, "Quigley": per, "Jane Quigley": per}, map[string]string{"person/jane": "Jane"}, []string{"person/jane-quigley"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			for id, name := range tt.want {
				if e := entity(x, id); e == nil {
					t.Errorf("no %s in %v", id, ids(x))
				} else if e.Name != name {
					t.Errorf("%s is named %q, want %q", id, e.Name, name)
				}
			}
			for _, id := range tt.notWant {
				if entity(x, id) != nil {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
}
