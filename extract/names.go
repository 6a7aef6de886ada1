package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// The word lists that the stages consult about names (captions,
// agencies, place, war and organization words, words that never start a
// name) and the small tests of a word's form that they share. The titles
// are in titles.go.

// set returns the set of words, for the word lists below.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// captionWords start a caption or credit line: "Image Credit: AP",
// "Photo: Reuters", "File photo".
var captionWords = set("image", "photo", "photograph", "picture", "pic", "credit", "credits", "file", "caption", "video", "source")

// agencies are wire services, whose names in credits and datelines
// ("LONDON (Reuters) -", "(AFP)") are not mentions.
var agencies = set("reuters", "ap", "afp", "xinhua", "ians", "pti", "dpa", "upi", "ani", "efe", "ansa", "anadolu",
	"tass", "bernama", "wam", "apa", "getty", "epa", "bloomberg", "kyodo", "yonhap", "sana", "irna", "ap photo", "getty images", "afp photo", "epa-efe")

// placeNouns name the kind of place a following "of X" is: "the southern
// Russian city of Sochi", "Syria's coastal province of Latakia".
var placeNouns = set("city", "town", "village", "capital", "province", "region", "state", "district", "port",
	"county", "island", "islands", "governorate", "prefecture", "municipality", "oblast", "territory", "suburb",
	"resort", "enclave", "area", "border", "township", "neighbourhood", "neighborhood", "commune", "emirate", "kingdom", "republic")

// regionNouns prefer a region to a city of the same name.
var regionNouns = set("province", "region", "state", "governorate", "prefecture", "oblast", "county", "district", "territory")

// countryNouns after a nationality adjective are the country itself:
// "Syrian territory", "Russian soil".
var countryNouns = set("territory", "soil", "airspace", "waters", "border", "borders", "mainland", "coast", "coastline", "capital")

// citizenNouns after a nationality adjective say a person's nationality:
// "a Russian citizen", "German journalist".
var citizenNouns = set("citizen", "citizens", "national", "nationals", "journalist", "reporter", "activist",
	"businessman", "businesswoman", "tourist", "student", "writer", "author", "lawyer", "doctor", "engineer",
	"worker", "soldier", "man", "woman", "artist", "singer", "actor", "actress", "footballer", "player",
	"blogger", "photographer", "scientist", "researcher", "aid worker", "hostage", "resident", "residents", "teenager", "boy", "girl")

// warNouns head named conflicts: "Syria's civil war", "the Iraq war".
var warNouns = map[string]string{"war": "war", "civil war": "civil war", "conflict": "conflict", "uprising": "uprising",
	"revolution": "revolution", "insurgency": "insurgency", "crisis": "crisis"}

// eventNameHeads end capitalized named events: "World War II" ends in a
// numeral, so war and games are checked as any word of the name.
var eventNameHeads = set("war", "summit", "games", "olympics", "cup", "championship", "championships", "revolution",
	"festival", "expo", "election", "elections", "uprising", "spring", "crisis", "massacre", "genocide", "pandemic", "protests")

// orgWords mark a name as an organization in the fallback tagger.
var orgWords = set("ministry", "party", "council", "university", "inc", "inc.", "corp", "corp.", "company", "bank", "agency",
	"army", "forces", "kremlin", "committee", "commission", "group", "association", "union", "organization",
	"organisation", "front", "movement", "church", "court", "parliament", "congress", "senate", "government",
	"times", "news", "post", "network", "institute", "department", "office", "police", "navy", "administration",
	"foundation", "federation", "league", "club", "fc", "airlines", "airways", "ltd", "ltd.", "plc", "co.", "corporation",
	"brigade", "brigades", "taliban", "nato", "un", "eu", "who", "fbi", "cia", "pentagon", "white house", "school", "hospital",
	"authority", "board", "bureau", "service", "services", "guard", "assembly", "cabinet", "opposition", "regime", "state department")

// knownOrgs are single names that are organizations whatever the tagger
// says, because news uses them as actors: "the Kremlin said".
var knownOrgs = set("kremlin", "pentagon", "white house", "taliban", "hamas", "hezbollah", "nato", "un", "eu", "state department", "downing street", "elysee", "élysée",
	"lib dem", "lib dems", "tories", "tory party",
	// Newspapers named after a weekday, which is no date in them.
	"mail on sunday", "independent on sunday", "sunday times", "sunday telegraph", "sunday mirror", "sunday express",
	"sunday post", "sunday herald", "sunday people", "sunday tribune", "sunday independent")

// worldRegions are continents, oceans and the regions that news names
// across countries; the gazetteer knows only towns and provinces of the
// same names ("Asia" in the Philippines, "West" in Cameroon), so they are
// places without a location.
var worldRegions = set("asia", "europe", "africa", "americas", "north america", "south america",
	"latin america", "central america", "middle east", "near east", "far east", "gulf", "persian gulf", "west",
	"east", "north", "south", "south-east", "south east", "southeast", "north-east", "north east", "northeast",
	"south-west", "south west", "southwest", "north-west", "north west", "northwest", "midlands", "caribbean",
	"balkans", "baltics", "scandinavia", "sahel", "horn of africa", "central asia", "south asia", "southeast asia",
	"south-east asia", "east asia", "asia-pacific", "asia pacific", "pacific", "atlantic", "indian ocean",
	"mediterranean", "arctic", "antarctic", "oceania", "eurasia", "caucasus", "himalayas",
	"andes", "alps", "amazon", "sahara", "west africa", "east africa", "southern africa", "north africa",
	"sub-saharan africa", "western europe", "eastern europe", "central europe", "western world", "third world")

// formerCountries are states that no longer exist, which the gazetteer
// of today's places does not know (but Burma, an old name of Myanmar, for
// the readers that see only a word): like worldRegions they lie in no
// country it has ("West Germany, France and Japan" is a list; a story about Brazil
// does not put West Germany in it).
var formerCountries = set("east germany", "soviet union", "ussr", "u.s.s.r.", "yugoslavia",
	"czechoslovakia", "zaire", "burma", "rhodesia", "south vietnam", "north vietnam", "east pakistan", "upper volta",
	"dahomey", "siam", "persia", "prussia", "ottoman empire", "austria-hungary", "serbia and montenegro",
	"netherlands antilles", "german democratic republic")

// worldRegion reports whether a place name is a world region's
// (worldRegions): "Europe", "the Middle East".
func worldRegion(name string) bool {
	return worldRegions[strings.TrimPrefix(graph.NameKey(name), "the ")]
}

// unlocated reports whether a place name is a world region or a former
// country: a place the document may name that lies in no country.
func unlocated(name string) bool {
	return worldRegion(name) || formerCountries[strings.TrimPrefix(graph.NameKey(name), "the ")]
}

// possessiveNames are companies whose names end in a possessive, which is
// kept: "Moody's said", "McDonald's".
var possessiveNames = set("moody's", "mcdonald's", "sainsbury's", "macy's", "kellogg's", "lloyd's", "christie's",
	"sotheby's", "wendy's", "denny's", "domino's", "dillard's", "hardee's", "kohl's", "friendly's", "carl's jr",
	"standard & poor's", "standard and poor's", "poor's", "barclays'", "levi's", "ben & jerry's", "trader joe's",
	"moody’s", "mcdonald’s", "sainsbury’s", "macy’s", "lloyd’s", "christie’s", "sotheby’s", "standard & poor’s")

// closedClass are capitalized words that never start a name on their own.
var closedClass = set("the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "my", "your", "in", "on", "at", "for", "of", "to", "from", "by", "with", "and", "or", "but",
	"as", "after", "before", "when", "while", "if", "since", "during", "there", "here", "what", "who", "which", "where",
	"why", "how", "not", "no", "yes", "all", "some", "many", "more", "most", "other", "such", "one", "two", "three", "also",
	"according", "meanwhile", "however", "although", "though", "last", "next", "mr", "mrs", "ms", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "said", "says", "image", "photo", "credit", "read", "more",
	"both", "each", "every", "any", "so", "then", "now", "only", "just", "even", "still", "because", "until", "under", "over",
	"about", "into", "up", "out", "would", "will", "can", "could", "should", "may", "might", "must", "has", "have", "had", "is", "are", "was", "were", "be", "been", "do", "does", "did")

// nameParticles may stand inside a name in lower case: "Bashar al-Assad",
// "Ursula von der Leyen".
var nameParticles = set("al", "el", "bin", "ibn", "de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "dos", "das", "y", "abu", "bint", "ben")

// lowerKey is the lower-case form used for lexicon look-ups, with curly
// apostrophes straightened.
func lowerKey(s string) string {
	if needsLower(s) {
		return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	}
	return s
}

// writeLowerKey writes lowerKey(s) to b, without an allocation of its
// own when s is ASCII.
func writeLowerKey(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			b.WriteString(lowerKey(s))
			return
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// needsLower reports whether lowerKey(s) may differ from s.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// isCap reports whether s starts with an upper-case letter.
func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isPossessive reports whether a token is the clitic "'s" or a lone
// apostrophe after a plural ("Reuters'").
func isPossessive(s string) bool {
	switch lowerKey(s) {
	case "'s", "'":
		return true
	}
	return false
}

// isDash reports whether s is a dash that ends a dateline.
func isDash(s string) bool {
	switch s {
	case "-", "--", "—", "–", "―":
		return true
	}
	return false
}

// isAllUpper reports whether s has letters and all of them are upper case.
func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// hasLetter reports whether s has a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
