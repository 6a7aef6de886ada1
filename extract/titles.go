package extract

import "strings"

// title describes a position word or phrase that precedes or follows a
// name: "President", "Foreign Minister", "spokesperson".
type title struct {
	words     []string // lower case
	predicate string   // relation predicate, "" when the title names no office of anything ("Mr")
}

// titles are matched longest first; lower-case words, as they are also
// written ("Kremlin spokesperson Dmitry Peskov").
var titles = buildTitles(map[string]string{
	"president": "president_of", "vice president": "vice_president_of", "vice-president": "vice_president_of",
	"president-elect": "president_of", "prime minister": "prime_minister_of", "premier": "prime_minister_of",
	"deputy prime minister": "deputy_prime_minister_of", "chancellor": "chancellor_of",
	"minister": "minister_of", "foreign minister": "foreign_minister_of", "foreign secretary": "foreign_minister_of",
	"defence minister": "defence_minister_of", "defense minister": "defence_minister_of",
	"interior minister": "interior_minister_of", "finance minister": "finance_minister_of",
	"health minister": "health_minister_of", "justice minister": "justice_minister_of",
	"energy minister": "minister_of", "oil minister": "minister_of", "agriculture minister": "minister_of",
	"education minister": "minister_of", "work and pensions secretary": "minister_of",
	"transport minister": "minister_of", "environment minister": "minister_of", "industry minister": "minister_of",
	"planning minister": "minister_of", "information minister": "minister_of", "culture minister": "minister_of",
	"chief minister": "chief_minister_of", "general manager": "manager_of", "shadow chancellor": "",
	"shadow home secretary": "", "shadow foreign secretary": "", "shadow health secretary": "",
	"economy minister": "economy_minister_of", "trade minister": "trade_minister_of",
	"secretary of state": "secretary_of_state_of", "secretary": "secretary_of", "home secretary": "home_secretary_of",
	"defense secretary": "defence_minister_of", "defence secretary": "defence_minister_of",
	"secretary-general": "secretary_general_of", "secretary general": "secretary_general_of",
	"spokesperson": "spokesperson_of", "spokesman": "spokesperson_of", "spokeswoman": "spokesperson_of",
	"press secretary": "spokesperson_of",
	"leader":          "leader_of", "opposition leader": "leader_of", "supreme leader": "leader_of", "head": "head_of",
	"king": "king_of", "queen": "queen_of", "prince": "prince_of", "crown prince": "crown_prince_of",
	"emir": "emir_of", "sultan": "sultan_of", "governor": "governor_of", "mayor": "mayor_of",
	"senator": "senator_of", "sen.": "senator_of", "congressman": "member_of", "congresswoman": "member_of",
	"lawmaker": "member_of", "mp": "member_of", "member": "member_of",
	"ambassador": "ambassador_to", "envoy": "ambassador_to", "special envoy": "ambassador_to", "amb.": "ambassador_to",
	"ceo": "ceo_of", "chief executive": "ceo_of", "chief executive officer": "ceo_of",
	"chairman": "chair_of", "chairwoman": "chair_of", "chair": "chair_of", "chairperson": "chair_of",
	"director": "director_of", "director-general": "director_of", "director general": "director_of",
	"founder": "founder_of", "co-founder": "founder_of", "commander": "commander_of",
	"chief": "chief_of", "army chief": "chief_of", "police chief": "chief_of",
	"attorney general": "attorney_general_of", "attorney-general": "attorney_general_of", "solicitor general": "solicitor_general_of",
	"inspector general": "inspector_general_of", "surgeon general": "surgeon_general_of", "governor-general": "governor_general_of",
	"governor general": "governor_general_of", "chief justice": "chief_justice_of", "chief of staff": "chief_of_staff_of",
	"sheriff": "sheriff_of", "police commissioner": "commissioner_of", "commissioner": "commissioner_of",
	"undersecretary": "undersecretary_of", "under-secretary": "undersecretary_of", "deputy minister": "deputy_minister_of",
	"editor": "editor_of", "editor-in-chief": "editor_of", "editor at large": "editor_of", "chief editor": "editor_of",
	"correspondent": "correspondent_of", "executive director": "director_of", "managing director": "director_of",
	"coach": "coach_of", "manager": "manager_of", "captain": "captain_of", "spokesperson for": "spokesperson_of",
	"pope": "", "mr": "", "mr.": "", "mrs": "", "mrs.": "", "ms": "", "ms.": "", "dr": "", "dr.": "",
	"prof.": "", "professor": "", "gen.": "", "general": "", "lt.": "", "col.": "", "colonel": "",
	"sir": "", "dame": "", "lord": "", "lady": "", "rev.": "", "sheikh": "", "judge": "", "justice": "",
	"sergeant": "", "sgt": "", "sgt.": "", "corporal": "", "lieutenant": "", "prof": "", "brig": "", "brig.": "",
	"brigadier": "", "brigadier general": "", "major": "", "maj.": "", "capt.": "", "col": "", "lt": "", "gen": "",
	"his excellency": "", "h.e.": "", "hon.": "", "alhaji": "", "supt": "", "supt.": "",
	"engr": "", "engr.": "", "ustaz": "",
	"rabbi": "", "imam": "", "bishop": "", "archbishop": "", "cardinal": "", "mogul": "", "tycoon": "",
	"president of": "president_of",
})

// titleAcronyms are offices written as acronyms, which the tagger may
// read as organizations: "the CFO", "the IGP" (Inspector General of
// Police), "the MEC" (a South African provincial minister), "the MCE"
// (a Ghanaian Municipal Chief Executive).
var titleAcronyms = set("ceo", "cfo", "coo", "cto", "igp", "mec", "mce", "mp", "mep", "mla")

// modifiers may stand between a title and what it is of, or before the
// title: "former", "deputy", "acting".
var modifiers = set("former", "then", "deputy", "acting", "interim", "new", "incoming", "outgoing",
	"late", "ex", "current", "senior", "assistant", "top", "veteran", "longtime", "long-time", "chief", "first",
	"artistic", "international", "national", "regional", "global", "political")

// pastModifiers mark a role not held now: the role is kept, the relation
// is not stated.
var pastModifiers = set("former", "late", "ex", "then", "outgoing")

func buildTitles(m map[string]string) map[string]title {
	out := make(map[string]title, len(m))
	for k, v := range m {
		out[k] = title{words: strings.Fields(k), predicate: v}
	}
	return out
}

// maxTitleWords bounds the title phrases tried.
const maxTitleWords = 4

// lastTitleEnd returns the token after the last title word in [f, l) that
// still leaves a capitalized name after it, or f when there is none:
// "Russian President Vladimir Putin" → the index of "Vladimir".
func (d *docState) lastTitleEnd(c *chunk, f, l int) int {
	end := f
	for i := f; i < l-1; i++ {
		if d.midNameTitle(c, f, i) {
			continue
		}
		for n := maxTitleWords; n >= 1; n-- {
			if i+n > l {
				continue
			}
			if i+n == l {
				// A title to the end of the span ("Chief Executive
				// Officer") leaves no name, and no shorter title in it
				// ("Chief Executive") is stripped.
				if _, ok := titleAt(c, i, n); ok {
					return end
				}
				continue
			}
			// A title that is also a common word or a surname ("King",
			// "Justice", "Major") is one only where it opens the name.
			opens := i == f && isCap(c.tokText(i)) && !companyTitles[c.lower(i)]
			if t, ok := titleAt(c, i, n); ok && opensName(c.toks[i+n].Text) &&
				(t.predicate != "" || honorifics[c.lower(i)] || opens) && (!ambiguousTitles[c.lower(i)] || opens) {
				end = i + n
				break
			}
			// "Minister of Education Stefania Giannini".
			if t, ok := titleAt(c, i, n); ok && t.predicate != "" && c.lower(i+n) == "of" && i+n+3 < l+1 && i+n+2 < l &&
				isCap(c.toks[i+n+1].Text) && isCap(c.toks[i+n+2].Text) && isCap(c.toks[i].Text) {
				end = i + n + 2
				break
			}
		}
	}
	return end
}

// companyTitles open company names as often as people's: "General
// Motors", "General Electric", "Chief Executive".
var companyTitles = set("general", "chief", "head", "director", "member", "leader")

// surnameTitles are titles that are common surnames too.
var surnameTitles = set("king", "bishop", "judge", "major", "cardinal", "prince", "marshal")

// titleArticles before a title make it the title: "the King", "his
// Majesty", "former Judge".
var titleArticles = set("the", "a", "an", "his", "her", "their", "our", "its", "former", "late", "then", "new")

// opensName reports whether a word may begin a name after a title: a
// capitalized word or a particle ("Dr al-Mannai", "Dr de Villiers").
func opensName(w string) bool {
	if isCap(w) {
		return true
	}
	first, _, _ := strings.Cut(lowerKey(w), "-")
	return nameParticles[first]
}

// midNameTitle reports whether the title-like word at i, inside a name
// that starts at f, is part of the name: "Hassan Sheikh Mohamud",
// "Sikandar Sultan Raja". Such words ("Sheikh", "Sultan") are titles
// before a name, but inside one, after a word that is no title, demonym,
// country or organization word, they are the name's own.
func (d *docState) midNameTitle(c *chunk, f, i int) bool {
	if i == f || !nameTitles[c.lower(i)] {
		return false
	}
	prev := c.tokText(i - 1)
	if !isCap(prev) || orgWords[c.lower(i-1)] || d.x.gaz.IsCountryName(prev) {
		return false
	}
	if _, ok := titles[c.lower(i-1)]; ok {
		return false
	}
	_, demonym := d.x.gaz.Demonym(prev)
	return !demonym
}

// nameTitles are titles that are also common parts of names.
var nameTitles = set("sheikh", "sultan", "shah", "raja", "begum", "mirza", "emir", "amir", "pasha", "khan", "malik", "nawab")

// titleEndsAt reports whether a title other than an honorific ends at
// token i.
func titleEndsAt(c *chunk, i int) bool {
	for n := maxTitleWords; n >= 1; n-- {
		if t, ok := titleAt(c, i-n+1, n); ok && t.predicate != "" {
			return true
		}
	}
	return false
}

// titleAt returns the title spelled by tokens [i, i+n).
func titleAt(c *chunk, i, n int) (title, bool) {
	if i < 0 || i+n > len(c.toks) {
		return title{}, false
	}
	if n == 1 {
		t, ok := titles[c.lower(i)]
		return t, ok
	}
	// The key is built on the stack: a lookup with string(bytes) does not
	// allocate.
	var buf [64]byte
	key := append(buf[:0], c.lower(i)...)
	for j := i + 1; j < i+n; j++ {
		key = append(append(key, ' '), c.lower(j)...)
	}
	t, ok := titles[string(key)]
	return t, ok
}

// titledNameAt returns the end of a name that a title introduces and the
// tagger left out ("co-founder Mark Zuckerberg", "team member Rodaba
// Noori"): one to three capitalized words after a title that is not also
// a common verb or noun, or i if there is none.
func titledNameAt(c *chunk, covered, mask []bool, i int) int {
	if i == 0 || !c.sameSentence(i-1, i) || !titleEndsAt(c, i-1) && !honorifics[c.lower(i-1)] {
		return i
	}
	// "team member Rodaba Noori", "Barcelona coach Ronald Koeman", but not
	// "to head Apple".
	if ambiguousTitles[c.lower(i-1)] && (i < 2 || !c.sameSentence(i-2, i) || closedClass[c.lower(i-2)] || !hasLetter(c.toks[i-2].Text)) {
		return i
	}
	// "Chief Executive Officer": the word after "Chief Executive" ends a
	// longer title, and names no one.
	for n := 2; n <= maxTitleWords; n++ {
		if _, ok := titleAt(c, i-n+1, n); ok {
			return i
		}
	}
	j := i
	for j < len(c.toks) && j < i+3 && !covered[j] && !mask[j] && c.sameSentence(i, j) && isNameWord(c.toks[j].Text) &&
		!isDigits(c.toks[j].Text) && !closedClass[c.lower(j)] && !c.toks[j].NewlineBefore {
		if _, ok := titles[c.lower(j)]; ok {
			break
		}
		j++
	}
	// "Premier League", "Chairman Club": a word that ends an
	// organization's name names no one.
	if j == i || isAllUpper(c.spanText(i, j)) || orgWords[c.lower(j-1)] {
		return i
	}
	return j
}
