package figure

import "github.com/factgraph/factgraph/graph"

// measureWords give a measure when they follow the number, its counted noun
// and any auxiliaries: "450,000 people have been killed", "355 dead",
// "14,000 people displaced", "44 deaths". Words whose meaning depends on the
// next words ("lost their lives", "taken hostage") are in phraseMeasure.
var measureWords = map[string]string{
	"killed": graph.Killed, "dead": graph.Killed, "died": graph.Killed, "die": graph.Killed,
	"dies": graph.Killed, "perished": graph.Killed, "executed": graph.Killed, "murdered": graph.Killed,
	"slain": graph.Killed, "massacred": graph.Killed, "drowned": graph.Killed, "beheaded": graph.Killed,
	"deaths": graph.Killed, "fatalities": graph.Killed, "bodies": graph.Killed, "succumbed": graph.Killed,
	"wounded": graph.Injured, "injured": graph.Injured, "hurt": graph.Injured, "injuries": graph.Injured,
	"displaced": graph.Displaced, "homeless": graph.Displaced, "fled": graph.Displaced, "uprooted": graph.Displaced,
	"refugees": graph.Refugees,
	"arrested": graph.Arrested, "detained": graph.Arrested, "arrests": graph.Arrested,
	"detainees": graph.Arrested, "jailed": graph.Arrested, "imprisoned": graph.Arrested,
	"captured": graph.Arrested, "seized": graph.Arrested,
	"kidnapped": graph.Kidnapped, "abducted": graph.Kidnapped, "hostages": graph.Kidnapped,
	"missing": graph.Missing, "unaccounted": graph.Missing,
	"evacuated": graph.Evacuated, "evacuees": graph.Evacuated,
	"affected": graph.Affected,
}

// nounMeasures are measure words that name what is counted themselves:
// "5,000 refugees" counts refugees.
var nounMeasures = map[string]bool{"refugees": true, "hostages": true, "evacuees": true, "detainees": true}

// countsItself are measure words that, right after a number, belong to
// the figure's text: "355 dead", "44 deaths".
var countsItself = map[string]bool{
	"dead": true, "deaths": true, "death": true, "fatalities": true, "injured": true, "wounded": true, "missing": true,
	"injuries": true, "arrests": true, "bodies": true, "refugees": true, "hostages": true,
	"evacuees": true, "detainees": true, "homeless": true, "displaced": true,
}

// verbMeasures give a measure when the number directly follows them, after
// any qualifier: "killing at least 12", "the army arrested 30".
var verbMeasures = map[string]string{
	"killing": graph.Killed, "killed": graph.Killed, "kills": graph.Killed, "kill": graph.Killed,
	"massacring": graph.Killed, "massacred": graph.Killed, "murdering": graph.Killed, "slaughtering": graph.Killed,
	"wounding": graph.Injured, "wounded": graph.Injured, "injuring": graph.Injured, "injured": graph.Injured,
	"displacing": graph.Displaced, "displaced": graph.Displaced,
	"arresting": graph.Arrested, "arrested": graph.Arrested, "detaining": graph.Arrested, "detained": graph.Arrested,
	"kidnapping": graph.Kidnapped, "kidnapped": graph.Kidnapped, "abducting": graph.Kidnapped, "abducted": graph.Kidnapped,
	"evacuating": graph.Evacuated, "evacuated": graph.Evacuated, "affecting": graph.Affected, "affected": graph.Affected,
	// headline present tense: "Floods kill 12", "Gunmen kidnap 3"
	"wound": graph.Injured, "wounds": graph.Injured, "injure": graph.Injured, "injures": graph.Injured,
	"arrest": graph.Arrested, "arrests": graph.Arrested, "detain": graph.Arrested, "detains": graph.Arrested,
	"kidnap": graph.Kidnapped, "kidnaps": graph.Kidnapped, "abduct": graph.Kidnapped, "abducts": graph.Kidnapped,
	"evacuate": graph.Evacuated, "evacuates": graph.Evacuated, "displace": graph.Displaced,
	"displaces": graph.Displaced, "seized": graph.Arrested,
}

// bridges may stand between a counted noun and its measure word: "people
// have reportedly been killed", "others who were injured".
var bridges = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "be": true, "being": true,
	"are": true, "is": true, "reportedly": true, "reported": true, "also": true, "all": true, "later": true,
	"allegedly": true, "believed": true, "feared": true, "thought": true, "confirmed": true, "known": true,
	"now": true, "still": true, "remain": true, "remained": true, "remains": true, "went": true, "gone": true,
	"who": true, "that": true, "already": true, "so": true, "far": true, "subsequently": true, "then": true,
	"mostly": true, "mainly": true, "to": true, "may": true, "might": true, "could": true, "would": true,
	"will": true, "presumed": true, "officially": true, "seriously": true, "critically": true, "badly": true,
	"slightly": true, "fatally": true, "severely": true, "either": true, "both": true, "left": true,
	"lie": true, "lay": true, "since": true, "recently": true,
	"apparently": true, "shot": true, "burned": true, "burnt": true, "stabbed": true, "beaten": true,
	"found": true, "listed": true, "as": true, "them": true, "whom": true, "involved": true,
	"aboard": true, "onboard": true, "inside": true, "there": true, "themselves": true, "got": true,
	"get": true, "very": true, "too": true, "most": true, "much": true, "more": true,
}

// rises link a toll to its number: "the death toll has risen to 44".
var rises = map[string]bool{
	"has": true, "had": true, "have": true, "risen": true, "rose": true, "rise": true, "rises": true,
	"climbed": true, "climbs": true, "reached": true, "reaches": true, "jumped": true, "stood": true,
	"stands": true, "is": true, "was": true, "now": true, "to": true, "at": true, "of": true,
	"increased": true, "grew": true, "hit": true, "passed": true, "topped": true, "exceeded": true,
	"surpassed": true, "soared": true, "mounted": true, "put": true, "numbered": true, "number": true,
	"officially": true, "further": true, "climbing": true, "rising": true, "had,": true, "reaching": true,
}

// tollHeads name a casualty count that a number completes: "the death toll
// rose to 44", "the number of dead stands at 44".
var tollHeads = map[string]string{
	"toll": graph.Killed, "deaths": graph.Killed, "dead": graph.Killed, "killed": graph.Killed,
	"fatalities": graph.Killed, "injured": graph.Injured, "wounded": graph.Injured,
	"injuries": graph.Injured, "arrested": graph.Arrested, "arrests": graph.Arrested,
	"detained": graph.Arrested, "displaced": graph.Displaced, "refugees": graph.Refugees,
	"missing": graph.Missing, "evacuated": graph.Evacuated,
}

// nominalMeasures are nouns of an event that count those it befell after
// "of": "the death of 10", "the injury of 31 civilians", "the arrest of 12
// protesters".
var nominalMeasures = map[string]string{
	"death": graph.Killed, "deaths": graph.Killed, "killing": graph.Killed, "killings": graph.Killed,
	"murder": graph.Killed, "murders": graph.Killed, "injury": graph.Injured, "injuries": graph.Injured,
	"injuring": graph.Injured, "wounding": graph.Injured, "arrest": graph.Arrested, "arrests": graph.Arrested,
	"detention": graph.Arrested, "abduction": graph.Kidnapped, "abductions": graph.Kidnapped,
	"kidnapping": graph.Kidnapped, "kidnappings": graph.Kidnapped, "displacement": graph.Displaced,
	"evacuation": graph.Evacuated,
}

// qualifiers, longest first within each leading word, as written before a
// number.
var qualifiers = [][]string{
	{"more", "than"}, {"at", "least"}, {"at", "most"}, {"fewer", "than"}, {"less", "than"},
	{"as", "many", "as"}, {"as", "few", "as"}, {"up", "to"}, {"close", "to"}, {"upwards", "of"},
	{"in", "excess", "of"}, {"an", "estimated"}, {"an", "additional"}, {"a", "further"}, {"just", "over"}, {"just", "under"},
	{"well", "over"}, {"nearly"}, {"about"}, {"over"}, {"some"}, {"almost"}, {"around"},
	{"approximately"}, {"roughly"}, {"under"}, {"estimated"}, {"only"}, {"exactly"}, {"another"},
}

// addWords after an amount make it an addition: "25 more", "25 other".
var addWords = map[string]bool{"more": true, "other": true, "further": true, "additional": true}

// notCounted are words that stop a counted noun phrase.
var notCounted = map[string]bool{
	"and": true, "or": true, "but": true, "in": true, "on": true, "at": true, "for": true, "from": true,
	"to": true, "with": true, "by": true, "after": true, "before": true, "during": true, "since": true,
	"than": true, "as": true, "the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"per": true, "a.m.": true, "p.m.": true, "vs": true, "against": true, "into": true, "over": true,
	"under": true, "while": true, "they": true, "we": true, "you": true, "he": true, "she": true, "it": true,
	"i": true, "them": true, "out": true, "up": true, "off": true, "down": true, "back": true, "their": true, "his": true, "her": true, "its": true, "our": true,
	"my": true, "your": true, "when": true, "if": true, "said": true, "says": true, "say": true, "aged": true,
	"last": true, "next": true, "earlier": true, "ago": true,
}

// currencyPrefix are symbols written before the digits, joined to a
// country prefix where there is one ("US$", "C$").
var currencyPrefix = map[string]string{
	"$": "USD", "us$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD",
	"nt$": "TWD", "n$": "NAD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₦": "NGN", "rs": "INR",
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "ksh": "KES", "r": "ZAR",
	"aed": "AED",
	"rm":  "MYR", "rp": "IDR", "tk": "BDT", "kes": "KES", "ush": "UGX", "tsh": "TZS", "php": "PHP",
	"inr": "INR", "pkr": "PKR", "npr": "NPR", "lkr": "LKR", "egp": "EGP", "zar": "ZAR",
	"ngn": "NGN", "ghs": "GHS", "sh": "KES", "cny": "CNY", "rmb": "CNY", "krw": "KRW",
	"r$": "BRL", "mx$": "MXN", "rd$": "DOP", "j$": "JMD", "tt$": "TTD", "₱": "PHP", "₩": "KRW",
	"₺": "TRY", "₽": "RUB", "₫": "VND", "₪": "ILS", "฿": "THB", "₴": "UAH", "₵": "GHS", "₡": "CRC",
	"₲": "PYG",
}

// currencyWords follow the number: "1.5 mln dlrs", "600 million pounds".
var currencyWords = map[string]string{
	"dlrs": "USD", "dlr": "USD", "dollars": "USD", "dollar": "USD", "cts": "USD", "cents": "USD",
	"pounds": "GBP", "pound": "GBP", "stg": "GBP", "sterling": "GBP", "pence": "GBP", "p": "GBP",
	"yen": "JPY", "marks": "DEM", "mark": "DEM", "francs": "FRF", "franc": "FRF", "euros": "EUR",
	"euro": "EUR", "lire": "ITL", "lira": "TRY", "rupees": "INR", "rupee": "INR", "pesos": "MXN",
	"rand": "ZAR", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB", "won": "KRW",
	"riyals": "SAR", "dinars": "IQD", "naira": "NGN", "shillings": "KES", "cedis": "GHS", "cedi": "GHS",
	"kwacha": "ZMW", "guilders": "NLG", "pesetas": "ESP", "crowns": "SEK", "kronor": "SEK",
	"kroner": "DKK", "ecus": "XEU", "usd": "USD", "eur": "EUR", "gbp": "GBP", "birr": "ETB",
	"taka": "BDT", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "dirhams": "AED", "escudos": "PTE",
	"schillings": "ATS", "drachmas": "GRD", "australs": "ARS", "cruzados": "BRL", "zlotys": "PLN",
	"forints": "HUF", "pfennigs": "DEM", "pfennig": "DEM", "centimes": "FRF", "cent": "USD",
	"ct": "USD", "markka": "FIM", "markkaa": "FIM", "peseta": "ESP", "guilder": "NLG", "ecu": "XEU",
}

// copulas after a measure say something of those it counts: "of the 10
// injured were in critical condition", "of the 40 arrested included".
var copulas = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "remain": true, "remained": true,
	"included": true, "include": true, "includes": true,
}

// rangeVerbs before "from" make "from X to Y" a range, not a change.
var rangeVerbs = map[string]bool{
	"ranging": true, "ranged": true, "range": true, "ranges": true, "varying": true, "varied": true,
	"vary": true, "varies": true,
}

// sentenced are the verbs of "sentenced to death", which kill no one yet.
var sentenced = map[string]bool{"sentenced": true, "condemned": true, "doomed": true, "put": true}

// subunits are currency words worth a hundredth of their currency.
var subunits = map[string]bool{"ct": true, "cts": true, "cents": true, "cent": true, "pence": true, "p": true, "pfennigs": true, "pfennig": true, "centimes": true}

// currencyAdjectives refine a currency word: "Canadian dlrs", "Swiss francs".
var currencyAdjectives = map[string]map[string]string{
	"canadian": {"USD": "CAD"}, "australian": {"USD": "AUD"}, "hong": {"USD": "HKD"},
	"singapore": {"USD": "SGD"}, "taiwan": {"USD": "TWD"}, "new": {"USD": "NZD"}, "zealand": {"USD": "NZD"},
	"n.z.": {"USD": "NZD"}, "zimbabwe": {"USD": "ZWD"}, "jamaican": {"USD": "JMD"},
	"swiss": {"FRF": "CHF"}, "belgian": {"FRF": "BEF"}, "french": {"FRF": "FRF"}, "cfa": {"FRF": "XOF"},
	"egyptian": {"GBP": "EGP"}, "irish": {"GBP": "IEP"}, "lebanese": {"GBP": "LBP"},
	"philippine": {"MXN": "PHP"}, "argentine": {"MXN": "ARS"}, "chilean": {"MXN": "CLP"},
	"colombian": {"MXN": "COP"}, "mexican": {"MXN": "MXN"}, "pakistani": {"INR": "PKR"},
	"sri": {"INR": "LKR"}, "nepalese": {"INR": "NPR"}, "kenyan": {"KES": "KES"},
	"ugandan": {"KES": "UGX"}, "tanzanian": {"KES": "TZS"}, "danish": {"DKK": "DKK"},
	"norwegian": {"DKK": "NOK"}, "swedish": {"SEK": "SEK"}, "turkish": {"TRY": "TRY"},
	"kuwaiti": {"IQD": "KWD"}, "iraqi": {"IQD": "IQD"}, "jordanian": {"IQD": "JOD"},
	"libyan": {"IQD": "LYD"}, "algerian": {"IQD": "DZD"}, "tunisian": {"IQD": "TND"},
	"bahraini": {"IQD": "BHD"}, "qatari": {"SAR": "QAR"}, "iranian": {"SAR": "IRR"},
	"west": {"DEM": "DEM"}, "german": {"DEM": "DEM"}, "finnish": {"DEM": "FIM"}, "korean": {"KRW": "KRW"},
	"us": {"USD": "USD"},
}

// percentWords follow a number: "76%", "2.5 pct", "10 per cent".
var percentWords = map[string]bool{"%": true, "pct": true, "percent": true, "per": true, "percentage": true}

// timeUnits after a number make it a duration or an age, never a figure.
var timeUnits = map[string]bool{
	"year": true, "years": true, "yr": true, "yrs": true, "month": true, "months": true, "week": true,
	"weeks": true, "day": true, "days": true, "hour": true, "hours": true, "hrs": true, "minute": true,
	"minutes": true, "mins": true, "second": true, "seconds": true, "decade": true, "decades": true,
	"century": true, "centuries": true, "am": true, "pm": true, "a.m.": true, "p.m.": true, "gmt": true,
	"o'clock": true, "bst": true, "edt": true, "est": true, "utc": true, "nights": true,
	"night": true, "weekend": true, "weekends": true, "innings": true, "overs": true,
}

// sizeUnits after a number make it a measurement, never a figure: "10 mm
// have affected", "a 6.1 magnitude quake".
var sizeUnits = map[string]bool{
	"mm": true, "cm": true, "km": true, "kg": true, "kilos": true, "kilograms": true, "grams": true,
	"metres": true, "meters": true, "metre": true, "meter": true, "feet": true, "ft": true, "foot": true,
	"inches": true, "inch": true, "miles": true, "mile": true, "mph": true, "kph": true, "km/h": true,
	"degrees": true, "tonnes": true, "tons": true, "tonne": true, "ton": true, "litres": true,
	"liters": true, "gallons": true, "barrels": true, "bpd": true, "acres": true, "hectares": true,
	"ounces": true, "oz": true, "magnitude": true, "kilometres": true, "kilometers": true,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// yearWords before a four-digit number make it a year: "in 2015", "since 1990".
var yearWords = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "during": true,
	"before": true, "after": true, "of": true, "year": true, "early": true, "late": true, "mid": true,
	"the": true, "fiscal": true, "season": true, "through": true, "to": true, "and": true, "for": true,
	"between": true, "summer": true, "winter": true, "spring": true, "autumn": true, "fall": true,
}

// addressWords after a number and a name make it a street address.
var addressWords = map[string]bool{
	"street": true, "st.": true, "road": true, "rd": true, "rd.": true, "avenue": true, "ave": true,
	"ave.": true, "boulevard": true, "blvd": true, "lane": true, "drive": true, "square": true,
	"place": true, "way": true, "court": true, "highway": true, "route": true, "strasse": true,
}

// personWords head a counted noun phrase that is a group of people; they
// are carried over to a following figure that names none.
var groupWords = map[string]bool{"others": true, "other": true, "more": true, "them": true, "whom": true}

// tollStops end the search for a toll's head: "five were killed when
// prices rose to 44" does not make 44 a toll.
var tollStops = map[string]bool{
	"when": true, "and": true, "but": true, "while": true, "after": true, "as": true, "because": true,
	"which": true, "that": true, "who": true, "said": true, "since": true, "before": true, "if": true,
	"per": true,
}

// nounOnly measure words name the counted thing itself ("70 gun crime
// deaths"); they are never a predicate shared by a list of amounts.
var nounOnly = map[string]bool{
	"deaths": true, "fatalities": true, "injuries": true, "arrests": true, "refugees": true,
	"hostages": true, "evacuees": true, "detainees": true, "bodies": true,
}

// phraseStarts are words that begin a clause or a phrase, ending a counted
// noun phrase.
var phraseStarts = map[string]bool{
	"who": true, "which": true, "that": true, "when": true, "where": true, "including": true,
	"among": true, "during": true, "near": true, "across": true, "inside": true, "outside": true,
}

// things are counted nouns that are not people: a number of them "affected"
// or "hurt" is no casualty figure.
var things = map[string]bool{
	"cars": true, "vehicles": true, "products": true, "hectares": true, "acres": true, "tonnes": true,
	"tons": true, "shares": true, "barrels": true, "bags": true, "units": true, "income": true,
	"earnings": true, "sales": true, "profits": true, "loans": true, "debts": true, "debt": true,
	"crops": true, "acreage": true, "models": true, "planes": true, "aircraft": true, "items": true,
	"buildings": true, "net": true, "revenue": true, "revenues": true, "cattle": true, "animals": true,
	"birds": true, "trees": true, "kilometres": true, "km": true, "miles": true, "square": true,
	"pct": true, "percent": true, "dlrs": true, "contracts": true, "accounts": true, "computers": true,
	"times": true, "points": true, "goals": true, "votes": true, "seats": true, "ships": true,
	"vessels": true, "boats": true, "freighters": true, "tankers": true, "shipments": true,
	"bourses": true, "exchanges": true, "markets": true, "countries": true, "areas": true,
	"regions": true, "provinces": true, "flights": true, "routes": true, "trains": true, "roads": true,
	"bridges": true, "mines": true, "wells": true, "plants": true, "factories": true, "stores": true,
	"shops": true, "outlets": true, "machines": true, "copies": true,
}

// animals are counted nouns for animals: "40 million chickens" killed,
// "Twelve whales were stranded and eight died", are no casualty figures,
// nor is a bare number that refers back to them.
var animals = map[string]bool{
	"animals": true, "cattle": true, "livestock": true, "sheep": true, "goats": true, "pigs": true,
	"cows": true, "horses": true, "ponies": true, "donkeys": true, "camels": true, "dogs": true,
	"cats": true, "chickens": true, "poultry": true, "hens": true, "ducks": true, "geese": true,
	"turkeys": true, "birds": true, "fish": true, "whales": true, "dolphins": true, "seals": true,
	"sharks": true, "turtles": true, "foxes": true, "deer": true, "elephants": true, "lions": true,
	"tigers": true, "wolves": true, "bears": true, "monkeys": true, "apes": true, "gorillas": true,
	"rhinos": true, "rats": true, "mice": true, "bees": true, "kiwi": true, "penguins": true,
	"calves": true, "lambs": true, "hounds": true, "badgers": true, "swans": true, "pigeons": true,
}

// peopleOnly are measure words that count people only with a noun for
// them: "eight men seized" were arrested, "300 weapons seized" were not.
var peopleOnly = map[string]bool{"seized": true}

// labelNouns name a numbered thing when a number follows them without a
// determiner before: "under article 5", "section 4 of the camp", "room
// 101"; the number is a label, not a count.
var labelNouns = map[string]bool{
	"article": true, "section": true, "clause": true, "chapter": true, "paragraph": true, "page": true,
	"room": true, "platform": true, "gate": true, "route": true, "ward": true, "block": true,
	"annex": true, "appendix": true, "exhibit": true, "item": true, "rule": true, "resolution": true,
	"amendment": true, "protocol": true, "category": true, "grade": true, "division": true,
}

// labelDeterminers before a label noun make it a noun of the clause, not
// a label: "at this stage 40 people", "the article 12 people read".
var labelDeterminers = map[string]bool{
	"this": true, "that": true, "the": true, "each": true, "every": true, "one": true, "a": true,
	"an": true, "any": true, "no": true, "which": true, "what": true,
}

// rateUnits after "a", "each" or "every" make a count a rate: "kills
// 3,000 children a day" (rate reads them).
var rateUnits = map[string]bool{
	"day": true, "week": true, "month": true, "year": true, "hour": true, "minute": true, "decade": true,
}

// deathFollows may follow "one death" that counts the dead.
var deathFollows = map[string]bool{
	"in": true, "was": true, "has": true, "had": true, "reported": true, "and": true, "from": true, "at": true,
	"on": true, "among": true, "after": true, "so": true, "while": true, "linked": true, "related": true,
}

// homeWords name where the displaced were forced out of.
var homeWords = map[string]bool{
	"home": true, "homes": true, "houses": true, "house": true, "village": true, "villages": true,
	"town": true, "towns": true, "city": true, "neighbourhood": true, "neighborhood": true, "camp": true, "camps": true,
}

// expellers before a count and "from their homes" displace it: "driven
// 700,000 from their homes".
var expellers = map[string]bool{"driven": true, "drove": true, "forced": true, "chased": true, "expelled": true, "evicted": true}

// changeVerbs before a change in percent or hundredths make the amount
// after "to" the level it reaches, in no unit the sentence gives: "fell by
// 8.0 per cent in June to 9,393", "jumped 15 percent to 5,587".
var changeVerbs = map[string]bool{
	"by": true, "rose": true, "fell": true, "jumped": true, "climbed": true, "dropped": true, "declined": true,
	"increased": true, "decreased": true, "grew": true, "slipped": true, "slid": true, "gained": true,
	"surged": true, "soared": true, "plunged": true, "eased": true,
}

// objectStarts open a noun phrase: after "2022 marks", a verb's object.
var objectStarts = map[string]bool{
	"a": true, "an": true, "the": true, "another": true, "its": true, "his": true, "her": true, "their": true,
	"one": true, "this": true, "our": true,
}

// rateAdverbs after a count make it a rate: "millions of deaths annually".
var rateAdverbs = map[string]bool{"annually": true, "yearly": true, "daily": true, "weekly": true, "monthly": true}

// people are counted nouns for persons, which let a year-like number count:
// "1500 people were killed".
var people = map[string]bool{
	"people": true, "persons": true, "civilians": true, "children": true, "women": true, "men": true,
	"soldiers": true, "troops": true, "policemen": true, "police": true, "officers": true,
	"workers": true, "miners": true, "residents": true, "villagers": true, "students": true,
	"inmates": true, "prisoners": true, "protesters": true, "demonstrators": true, "militants": true,
	"rebels": true, "fighters": true, "passengers": true, "tourists": true, "migrants": true,
	"families": true, "households": true, "employees": true, "pilgrims": true, "fishermen": true,
}

// possessives may open a partitive: "two members of my group".
var possessives = map[string]bool{"their": true, "his": true, "her": true, "its": true, "our": true, "my": true, "your": true}

// adjectives are measure words that can stand before the noun they count:
// "5,000 affected vehicles", "12 injured workers".
var adjectives = map[string]bool{
	"affected": true, "injured": true, "wounded": true, "dead": true, "missing": true, "displaced": true,
	"detained": true, "arrested": true, "abducted": true, "kidnapped": true, "evacuated": true, "homeless": true,
}

// takers are the verbs of "claimed the lives of 12".
var takers = map[string]bool{
	"claimed": true, "claiming": true, "claim": true, "claims": true, "took": true, "taken": true,
	"taking": true, "cost": true, "costing": true, "costs": true,
}

// joinedCodes are currency codes written onto the digits: "Rs500",
// "Sh2 billion", "KSh40,000", "R5bn", "N10m".
var joinedCodes = map[string]string{
	"rs": "INR", "r": "ZAR", "sh": "KES", "ksh": "KES", "tsh": "TZS", "ush": "UGX", "rm": "MYR",
	"n": "NGN", "rp": "IDR", "php": "PHP", "usd": "USD", "eur": "EUR", "gbp": "GBP", "inr": "INR",
	"ghs": "GHS", "kes": "KES", "zar": "ZAR", "ngn": "NGN", "pkr": "PKR", "lkr": "LKR", "tk": "BDT",
}

// placePreps open a phrase that may stand between a count and its
// predicate: "80 people in eight cities were detained".
var placePreps = map[string]bool{"in": true, "from": true, "at": true, "across": true, "near": true, "on": true}

// custody words after "in" or "behind" mean arrested: "in jail".
var custody = map[string]bool{"jail": true, "prison": true, "custody": true, "detention": true, "bars": true}
