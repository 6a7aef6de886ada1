package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// Typed relations beyond titles (issue 12): who belongs to, works for,
// plays for, comes from, founded, or is based where. Each reading is a
// named rule (relRule) with the confidence of what it reads; readRelations
// applies the ones that look at the words around a name, and
// relations_doc.go the ones that follow from the whole document (a
// national office's country, a story's home country, national
// institutions).
//
// The rules read what news writes before a name ("Labour MP Louise
// Ellman", "the Brazilian striker Neymar", "Mexico's Sinaloa cartel", "NATO
// member Turkey", "the Paris-based OECD") and in apposition after it ("X, a
// spokesman for Y", "Y, a subsidiary of Z"). They do not read verbs beyond
// "founded" and "based in": "X, who has worked for Y since 2010" says
// nothing to them.

// relRule is one way of reading a typed relation, named so that a
// relation can say which rule stated it.
type relRule struct {
	name      string
	predicate string
	conf      float64
}

var (
	// citizen_of
	ruleDemonymPerson  = relRule{"demonym_person", graph.CitizenOf, 0.75}      // "the Brazilian striker Neymar"
	ruleNationalOffice = relRule{"national_office", graph.CitizenOf, 0.85}     // "German Chancellor Angela Merkel"
	ruleInstitution    = relRule{"national_institution", graph.CitizenOf, 0.6} // a member of the German Bundestag
	ruleFromCountry    = relRule{"from_country", graph.CitizenOf, 0.7}         // "X, a leading parliamentarian from Malta"
	ruleIsDemonym      = relRule{"is_demonym", "", 0.8}                        // "X (born 1969) is a retired Austrian ice hockey player"
	ruleCountryBody    = relRule{"country_body", graph.CitizenOf, 0.7}         // "X, the head of Germany's interior ministers' conference"
	// based_in
	ruleDemonymOrg    = relRule{"demonym_org", graph.BasedIn, 0.8}     // "the German Bundestag", "US Congress"
	rulePossessiveOrg = relRule{"possessive_org", graph.BasedIn, 0.8}  // "Mexico's Sinaloa cartel", "Munich's Bayern"
	rulePlaceBased    = relRule{"place_based", graph.BasedIn, 0.9}     // "the Paris-based OECD"
	ruleDescribedOrg  = relRule{"described_org", graph.BasedIn, 0.8}   // "the Italian news agency ANSA", "Germany's public broadcaster ARD"
	ruleBasedIn       = relRule{"based_in", graph.BasedIn, 0.85}       // "X, based in Y", "headquartered in"
	ruleInstitutionIn = relRule{"institution_in", graph.BasedIn, 0.75} // "the Johns Hopkins University in Washington"
	// located_in
	rulePlaceDefinition = relRule{"place_definition", graph.LocatedIn, 0.85} // "Brookston is a city in Saint Louis County"
	rulePlaceOf         = relRule{"place_of", graph.LocatedIn, 0.9}          // "the town of Uvalde in Texas", "the Texas town of Uvalde"
	rulePlaceComma      = relRule{"place_comma", graph.LocatedIn, 0.85}      // "Kabul, Afghanistan", "Karachi in Pakistan"
	rulePlacePossessive = relRule{"place_possessive", graph.LocatedIn, 0.85} // "London's West End"
	ruleGazetteer       = relRule{"gazetteer", graph.LocatedIn, 0.9}         // Sochi in Russia, both named, by the gazetteer
	// person → organization, the predicate from the noun (affiliations)
	ruleOrgNounPerson = relRule{"org_noun_person", "", 0.75}                     // "Chelsea striker Fernando Torres"
	ruleOrgPossessive = relRule{"org_possessive_person", graph.EmployeeOf, 0.65} // "Amnesty International's Ruth Jüttner"
	ruleAppositionOf  = relRule{"apposition", "", 0.75}                          // "X, an analyst at Deutsche Bank"
	rulePersonOfOrg   = relRule{"person_of_org", graph.EmployeeOf, 0.65}         // "Brian Taylor of Wells Fargo"
	ruleParenParty    = relRule{"paren_party", graph.MemberOf, 0.75}             // "Angela Merkel (CDU)"
	ruleJoined        = relRule{"joined", graph.MemberOf, 0.65}                  // "X joined the Social Democrats"
	rulePartyOffice   = relRule{"party_office", graph.MemberOf, 0.75}            // "SPD interior minister X"
	rulePlaysFor      = relRule{"plays_for", graph.PlayerOf, 0.75}               // "X, who plays for Bayern"
	// organization or country → organization
	ruleAllianceMember = relRule{"alliance_member", graph.MemberOf, 0.8} // "NATO member Turkey"
	ruleFounded        = relRule{"founded", graph.FounderOf, 0.8}        // "X founded Y", "Y, founded by X"
	ruleWorksFor       = relRule{"works_for", graph.EmployeeOf, 0.7}     // "X works for Y", "X, who works as a lecturer at Y"
	rulePartOf         = relRule{"part_of", graph.PartOf, 0.8}           // "Y, a subsidiary of Z"
)

// nationalityRules read an organization's nationality, not only its seat:
// its people are taken for its country's citizens (inferCitizens).
var nationalityRules = map[string]bool{ruleDemonymOrg.name: true, rulePossessiveOrg.name: true, ruleIsDemonym.name: true}

// affiliations are the nouns that say how a person belongs to the
// organization named before them ("Chelsea striker", "Labour MP") or
// after them ("a member of", "an analyst at").
var affiliations = map[string]string{
	"striker": graph.PlayerOf, "midfielder": graph.PlayerOf, "defender": graph.PlayerOf, "goalkeeper": graph.PlayerOf,
	"keeper": graph.PlayerOf, "forward": graph.PlayerOf, "winger": graph.PlayerOf, "player": graph.PlayerOf,
	"playmaker": graph.PlayerOf, "full-back": graph.PlayerOf, "centre-back": graph.PlayerOf, "footballer": graph.PlayerOf,
	"coach": graph.CoachOf, "manager": graph.CoachOf, "trainer": graph.CoachOf, "head coach": graph.CoachOf,
	"mp": graph.MemberOf, "mps": graph.MemberOf, "peer": graph.MemberOf, "lawmaker": graph.MemberOf, "legislator": graph.MemberOf,
	"deputy": graph.MemberOf, "politician": graph.MemberOf, "member": graph.MemberOf, "candidate": graph.MemberOf,
	"councillor": graph.MemberOf, "councilor": graph.MemberOf, "mep": graph.MemberOf, "militant": graph.MemberOf,
	"fighter": graph.MemberOf, "speaker": graph.MemberOf, "co-leader": graph.MemberOf, "parliamentarian": graph.MemberOf, "delegate": graph.MemberOf,
	"correspondent": graph.EmployeeOf, "reporter": graph.EmployeeOf, "journalist": graph.EmployeeOf,
	"analyst": graph.EmployeeOf, "economist": graph.EmployeeOf, "official": graph.EmployeeOf,
	"employee": graph.EmployeeOf, "researcher": graph.EmployeeOf, "expert": graph.EmployeeOf, "adviser": graph.EmployeeOf,
	"advisor": graph.EmployeeOf, "strategist": graph.EmployeeOf, "scientist": graph.EmployeeOf, "engineer": graph.EmployeeOf,
	"staffer": graph.EmployeeOf, "negotiator": graph.EmployeeOf, "investigator": graph.EmployeeOf, "officer": graph.EmployeeOf,
	"representative": graph.EmployeeOf, "executive": graph.EmployeeOf, "lawyer": graph.EmployeeOf, "columnist": graph.EmployeeOf,
	"presenter": graph.EmployeeOf, "anchor": graph.EmployeeOf, "photographer": graph.EmployeeOf, "professor": graph.EmployeeOf,
	"worker": graph.EmployeeOf, "specialist": graph.EmployeeOf, "campaigner": graph.EmployeeOf, "director": graph.EmployeeOf,
	"counsel": graph.EmployeeOf, "coordinator": graph.EmployeeOf, "consultant": graph.EmployeeOf, "curator": graph.EmployeeOf,
	"founder": graph.FounderOf, "co-founder": graph.FounderOf, "cofounder": graph.FounderOf,
	"subsidiary": graph.PartOf, "unit": graph.PartOf, "division": graph.PartOf, "branch": graph.PartOf, "arm": graph.PartOf,
	"wing": graph.PartOf, "affiliate": graph.PartOf, "offshoot": graph.PartOf,
}

// allianceNouns after an alliance's name make the name after them a member:
// "NATO member Turkey", "EU member state Croatia", "NATO ally Turkey".
var allianceNouns = set("member", "members", "ally", "allies", "partner", "member state", "member country", "member nation")

// relStops end the words between a name and what is read before it: a
// preposition, article or verb joins two phrases, not one description.
var relStops = set("of", "to", "for", "at", "in", "on", "by", "with", "from", "and", "or", "the", "a", "an", "said",
	"says", "told", "is", "was", "were", "are", "has", "had", "have", "as", "than", "that", "who", "which", "but",
	"after", "before", "against", "between", "under", "over", "about", "into", "like", "while", "when", "if", "not",
	"without", "within", "through", "during", "since", "until", "despite", "amid", "via", "toward", "towards")

// maxDescWords bounds the words between a nationality or organization
// and the name it describes: "the German government's deputy spokesman
// Georg Streiter" is four.
const maxDescWords = 4

// readRelations reads the typed relations beside each name of the window.
func (d *docState) readRelations(c *chunk, tm []int32) {
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		if m.adjective || m.key != "" || m.first < 0 || m.last > len(c.toks) {
			continue
		}
		switch m.typ {
		case graph.Person:
			if d.placeDefinition(c, tm, mi); d.ments[mi].typ == graph.Place {
				continue
			}
			d.personRelations(c, tm, mi)
		case graph.Organization:
			d.orgRelations(c, tm, mi)
		case graph.Place:
			d.placeRelations(c, tm, mi)
		}
	}
}

// addRule adds a relation stated by rule r (with predicate pred when the
// rule's own is empty) and, under WithExplain, names the rule.
func (d *docState) addRule(rb *relations, r relRule, pred, subj, obj, role string, ev graph.Mention) {
	if pred == "" {
		pred = r.predicate
	}
	rb.add(subj, pred, obj, role, false, r.conf, ev)
	if d.x.explain {
		rb.explain(subj, pred, obj, r.name)
	}
}

// link adds a relation candidate read by rule r, with predicate pred when
// the rule's own is empty.
func (d *docState) link(r relRule, pred string, subj, obj int, ev graph.Mention) {
	if pred == "" {
		pred = r.predicate
	}
	if subj == obj || pred == "" {
		return
	}
	d.cands.links = append(d.cands.links, linkCand{subj: subj, obj: obj, predicate: pred, conf: r.conf, rule: r.name, ev: ev})
}

// descBefore walks left from token i over the description before a name:
// words that are no preposition, article or verb, at most maxDescWords,
// lower-case or a title's, in the name's sentence. It returns the token
// before the description and the key of the description's head, the word
// next to the name ("striker" in "Chelsea striker"), or "" when the head
// is not a noun the rules know (a verb: "German police arrested X").
func descBefore(c *chunk, tm []int32, i, first int) (int, string) {
	head, gap := "", false
	for n := 0; n < maxDescWords && i >= 0 && c.sameSentence(i, first) && tm[i] < 0; n++ {
		w := c.lower(i)
		if n > 0 && (w == "and" || w == "-") && i > 0 && isWordLower(c.tokText(i-1)) && !relStops[c.lower(i-1)] {
			i-- // "recording artist and songwriter", "singer - songwriter" as the text tokenized it
			continue
		}
		if relStops[w] || !isWord(c.tokText(i)) || isCap(c.tokText(i)) && !titleWord(c, i) {
			break
		}
		if n == 0 {
			if honorifics[w] && i > 0 && c.sameSentence(i-1, first) && (titleWord(c, i-1) || citizenNouns[c.lower(i-1)] || descNouns[c.lower(i-1)]) {
				i-- // "Conservative MP Sir Teddy Taylor": the description is before the honorific
				w = c.lower(i)
			} else if honorifics[w] && affiliations[w] == "" {
				return i, "" // "Labour poster plans attacking Mr Howard": "Mr" describes no one
			}
			if !titleWord(c, i) && !citizenNouns[w] && !descNouns[w] {
				return i, ""
			}
			head = w
			if affiliations[c.lower(i-1)+" "+w] != "" {
				head = c.lower(i-1) + " " + w
			}
		} else if !titleWord(c, i) {
			gap = true
		} else if gap && !modifiers[w] {
			// "Pakistani president met Prime Minister Tony Blair": a
			// title past a word that is none starts another phrase.
			break
		}
		i--
	}
	return i, head
}

// clauseBetween reports whether tokens [from, to) hold a verb, read as a
// word ending in "ed" that is no modifier of a title: "the Springboks
// forced coach Matt Williams" is no Springboks coach.
func clauseBetween(c *chunk, from, to int) bool {
	for i := from; i < to; i++ {
		if w := c.lower(i); strings.HasSuffix(w, "ed") && isWordLower(c.tokText(i)) && !modifiers[w] {
			return true
		}
	}
	return false
}

// descNouns describe a person after a nationality ("a Nigerian pastor"),
// besides titles, affiliations and citizenNouns.
var descNouns = set("pastor", "priest", "cleric", "star", "filmmaker", "director", "novelist", "poet", "dissident",
	"politician", "billionaire", "banker", "athlete", "skier", "cyclist", "boxer", "runner", "swimmer", "driver",
	"rapper", "musician", "composer", "conductor", "designer", "architect", "painter", "historian", "philosopher",
	"physicist", "judge", "prosecutor", "pilot", "climber", "astronaut", "sprinter", "champion", "prisoner",
	"detainee", "suspect", "victim", "survivor", "migrant", "refugee", "monk", "nun", "investor", "entrepreneur",
	"comedian", "model", "chef", "officer", "diplomat", "counterpart", "colleague", "opponent", "rival", "ruler",
	"dictator", "strongman", "tennis", "golfer", "chancellor", "premier", "leader", "lawmaker", "opposition",
	"negotiator", "envoy", "official", "economist", "analyst", "commander", "general", "tourist", "aid", "writer",
	"defector", "challenger", "contender", "veteran", "heavyweight", "middleweight", "striker", "goalkeeper",
	"businessman", "businesswoman", "tycoon", "magnate", "mogul", "novelist", "playwright", "filmmaker", "director",
	"dissident", "opposition leader", "mayor", "governor", "senator", "congressman", "congresswoman",
	"singer", "songwriter", "singer-songwriter", "artist", "actor", "actress", "guitarist", "drummer", "bassist",
	"vocalist", "dancer", "sculptor", "author", "scholar", "academic", "mathematician", "chemist", "biologist",
	"footballer", "cricketer", "activist", "soldier", "explorer", "inventor", "cartoonist", "illustrator", "painters",
	"artists", "actors", "singers", "writers", "envoys", "diplomats", "politicians", "composers", "musicians")

// titleWord reports whether token i is a word of a title ("President",
// "Prime", "Minister").
func titleWord(c *chunk, i int) bool {
	for n := 1; n <= maxTitleWords; n++ {
		for s := i - n + 1; s <= i; s++ {
			if _, ok := titleAt(c, s, n); ok {
				return true
			}
		}
	}
	_, ok := affiliations[c.lower(i)]
	return ok
}

// isWord reports whether a token is made of letters (and inner hyphens).
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127) {
			return false
		}
	}
	return s[0] != '-'
}

// personRelations reads a person's nationality and affiliations from the
// words before the name and from an apposition after it.
func (d *docState) personRelations(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	if leftPost(c, m.last) {
		// "Tottenham manager Jacques Santini has resigned": what the
		// name's words say he is, he is no longer.
		n := len(d.cands.links)
		defer func() { d.cands.links = dropAffiliations(d.cands.links, n, mi) }()
	}
	if w := c.lower(m.last); (w == "founded" || w == "co-founded") && m.last+1 < len(tm) {
		if o, ok := d.mentionAt(tm, m.last+1, graph.Organization); ok && c.sameSentence(m.first, d.ments[o].first) {
			d.link(ruleFounded, "", mi, o, c.evidence(m.first, d.ments[o].last)) // "X founded Y"
		}
	}
	j, head := descBefore(c, tm, m.first-1, m.first)
	if j >= 0 && c.sameSentence(j, m.first) && (head != "" || j == m.first-1) {
		if o := d.adjectiveAt(c, tm, j); o >= 0 {
			d.link(ruleDemonymPerson, "", mi, o, c.evidence(j, m.last)) // "German Chancellor Angela Merkel"
		}
		if o := int(tm[j]); o >= 0 && head != "" {
			om := &d.ments[o]
			switch {
			case isPossessive(c.tokText(om.last-1)) || om.adjective || clauseBetween(c, om.last, m.first):
			case pastModifiers[c.lower(om.first-1)] || signing[c.lower(om.first-1)]:
				// "former Labour MP George Galloway", "has signed Roma
				// defender Vincent Candela": a post he held.
			case om.typ == graph.Organization || om.typ == graph.Place && (om.place == nil || om.place.Kind != gazetteer.Country) && sportsAffiliation(affiliations[head]):
				d.link(ruleOrgNounPerson, personAffiliation(c, om, head), mi, o, c.evidence(om.first, m.last)) // "Labour MP Louise Ellman"
				if affiliations[head] == "" && titleWord(c, m.first-1) && partyLike(om.name) {
					d.link(ruleOrgNounPerson, graph.MemberOf, mi, o, c.evidence(om.first, m.last)) // "Green party leader X"
				}
			}
		}
		if isPossessive(c.tokText(m.first-1)) && m.first >= 2 && tm[m.first-2] >= 0 && !productNouns[c.lower(m.last)] {
			if o := int(tm[m.first-2]); d.ments[o].typ == graph.Organization {
				pred := ""
				if partyLike(d.ments[o].name) {
					pred = graph.MemberOf // "Labour's Jan Berg"
				}
				d.link(ruleOrgPossessive, pred, mi, o, c.evidence(d.ments[o].first, m.last)) // "Amnesty International's Ruth Jüttner"
			}
		}
	}
	d.personApposition(c, tm, mi)
	d.worksFor(c, tm, mi)
	d.isDemonym(c, tm, mi, graph.CitizenOf)
}

// worksFor reads an employer after a person's name: "X works for Y", "X,
// who works as a lecturer at Y", "X is working for Y". The present tense
// only: "X worked for Y" is a past job, which the graph keeps no
// relation for; "works with Y" is no employment.
func (d *docState) worksFor(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	k := m.last
	if c.lower(k) == "," && c.lower(k+1) == "who" {
		k += 2
	}
	switch {
	case c.lower(k) == "works":
		k++
	case (c.lower(k) == "is" || c.lower(k) == "'s") && c.lower(k+1) == "working":
		k += 2
	default:
		return
	}
	if c.lower(k) == "as" && (c.lower(k+1) == "a" || c.lower(k+1) == "an") {
		// "as a senior lecturer": up to three lower-case words.
		j := k + 2
		for j < len(tm) && j-k-2 < 3 && tm[j] < 0 && isWordLower(c.tokText(j)) && !relStops[c.lower(j)] {
			j++
		}
		if j == k+2 {
			return
		}
		k = j
	}
	if p := c.lower(k); p != "for" && p != "at" {
		return
	}
	if o, ok := d.mentionAt(tm, k+1, graph.Organization); ok && c.sameSentence(m.first, d.ments[o].first) && !partyLike(d.ments[o].name) {
		d.link(ruleWorksFor, "", mi, o, c.evidence(m.first, d.ments[o].last))
	}
}

// skipOwner returns the token after the owner that may stand before a
// body's name at token k, and the words that describe the body: "a member
// of Chancellor Angela Merkel's center-right Christian Democrats" → the
// token of "Christian". With no owner's possessive it returns k.
func skipOwner(d *docState, c *chunk, tm []int32, k int) int {
	j := k
	for n := 0; n < maxTitleWords && j < len(tm) && tm[j] < 0 && titleWord(c, j); n++ {
		j++ // "Chancellor"
	}
	if j >= len(tm) || tm[j] < 0 || !isPossessive(c.tokText(d.ments[tm[j]].last)) {
		return k
	}
	j = d.ments[tm[j]].last + 1 // "Angela Merkel's"
	for n := 0; n < maxDescWords && j < len(tm) && tm[j] < 0 && isWordLower(c.tokText(j)) && !relStops[c.lower(j)]; n++ {
		j++ // "center-right"
	}
	return j
}

// maxParenthesis bounds the tokens of a parenthesis skipped after a name:
// "Martin Ulrich ( born December 16 , 1969 ) is".
const maxParenthesis = 24

// isDemonym reads the definition that opens an encyclopedia entry or
// describes a name: "X ( 1861 – 1922 ) was a Norwegian military officer",
// "Roketsan is a major Turkish weapons manufacturer". The nationality gives
// a person citizen_of, an organization based_in (pred).
func (d *docState) isDemonym(c *chunk, tm []int32, mi int, pred string) {
	m := d.ments[mi]
	k := m.last
	if c.tokText(k) == "(" {
		for n := 0; n < maxParenthesis && k < len(c.toks) && c.tokText(k) != ")"; n++ {
			k++
		}
		k++
	}
	switch c.lower(k) {
	case "is", "was":
	default:
		return
	}
	k++
	switch c.lower(k) {
	case "a", "an", "the":
		k++
	default:
		return
	}
	for n := 0; n < 2 && isWordLower(c.tokText(k)); n++ {
		k++ // "a retired", "a major"
	}
	if k+1 >= len(c.toks) || !c.sameSentence(m.first, k+1) || !isWordLower(c.tokText(k+1)) || relStops[c.lower(k+1)] {
		return // the nationality describes a noun: "an American songwriter"
	}
	if o := d.adjectiveAt(c, tm, k); o >= 0 {
		d.link(ruleIsDemonym, pred, mi, o, c.evidence(m.first, k+2))
	} else if o, ok := d.mentionAt(tm, k, graph.Place); ok && d.ments[o].first == k && d.ments[o].place != nil &&
		d.ments[o].place.Kind == gazetteer.Country && !isPossessive(c.tokText(d.ments[o].last-1)) && isWordLower(c.tokText(d.ments[o].last)) {
		d.link(ruleIsDemonym, pred, mi, o, c.evidence(m.first, d.ments[o].last+1)) // "X is a U.S. businessman"
	}
}

// sportsAffiliation reports whether pred ties a player or coach to a
// club, which news often names after its town ("Chelsea striker").
func sportsAffiliation(pred string) bool { return pred == graph.PlayerOf || pred == graph.CoachOf }

// personAffiliation returns the predicate that a description's head
// word (affiliations) gives a person of organization om, or "" for none.
// A head that sport shares with other trades (sportsOnlyInSport) makes a
// coach or player only of a team or in a sports story: "Stephen
// Toulouse, a security manager at Microsoft" coaches nothing, nor is
// "Hollywood player Howard Hughes" on a team. A "wing" is a player of a
// team or of a club in a sports story, and otherwise no relation of a
// person ("Wales wing Rhys Williams"; "the party's youth wing" is an
// organization's). Another part_of read of a name the tagger took for a
// person's stands only if resolution makes it an organization's
// ("Symantec subsidiary Brightmail"): output drops part_of of a person.
func personAffiliation(c *chunk, om *mention, head string) string {
	pred := affiliations[head]
	switch {
	case !sportsOnlyInSport[head]:
		return pred
	case !strings.HasPrefix(om.key, teamPrefix) && !c.sports:
		return ""
	case pred == graph.PartOf:
		return graph.PlayerOf
	}
	return pred
}

// sportsOnlyInSport are the heads of affiliations whose sports reading
// other trades share: a manager, a player, a defender of rights.
var sportsOnlyInSport = set("manager", "player", "forward", "defender", "keeper", "trainer", "wing")

// partyWords mark a party, parliament or movement one is a member of.
var partyWords = set("party", "parliament", "bundestag", "congress", "senate", "assembly", "greens", "green", "democrats",
	"republicans", "conservatives", "labour", "liberals", "socialists", "front", "movement", "league", "bloc",
	"union", "alliance", "coalition", "cdu", "spd", "csu", "fdp", "afd", "ukip", "snp", "tories", "tory", "republican",
	"democratic", "democrat", "socialist", "conservative", "liberal", "taliban", "hamas", "hezbollah", "qaeda", "cabinet")

// parliamentWords name a body whose offices are its own ("Bundestag
// President"), unlike a party's members who hold offices of the state.
var parliamentWords = set("parliament", "bundestag", "congress", "senate", "assembly", "cabinet")

// partyOnly reports whether a name is a party's or a movement's and not a
// parliament's.
func partyOnly(name string) bool {
	for _, w := range strings.Fields(graph.NameKey(name)) {
		if parliamentWords[w] {
			return false
		}
	}
	return partyLike(name)
}

// partyLike reports whether a name is a party's, a parliament's or a
// movement's, whose leader is also a member.
func partyLike(name string) bool {
	for _, w := range strings.Fields(graph.NameKey(name)) {
		if partyWords[w] {
			return true
		}
	}
	return false
}

// personApposition reads "X, [a|the] [modifiers] NOUN of|for|at|with [the] Y"
// for the affiliation nouns, and "X of Y" for an organization Y.
func (d *docState) personApposition(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	k := m.last
	if w := c.lower(k); w == "of" || w == "from" {
		d.personOf(c, tm, mi, k)
		return
	}
	if c.tokText(k) == "(" && !partyLike(m.name) { // not "Christian Democrats (CDU)" read as a person
		// "Angela Merkel (CDU)", "X ( Green Party )"
		if o, ok := d.mentionAt(tm, k+1, graph.Organization); ok && c.tokText(d.ments[o].last) == ")" && partyLike(d.ments[o].name) && c.sameSentence(m.first, d.ments[o].last) {
			d.link(ruleParenParty, "", mi, o, c.evidence(m.first, d.ments[o].last+1))
		}
		return
	}
	if w := c.lower(k); w == "joined" || w == "rejoined" {
		if o, ok := d.mentionAt(tm, k+1, graph.Organization); ok && c.sameSentence(m.first, d.ments[o].first) {
			d.link(ruleJoined, "", mi, o, c.evidence(m.first, d.ments[o].last)) // "X joined the Social Democrats"
		}
		return
	}
	if c.tokText(k) != "," && !(c.lower(k) == "is" && articles[c.lower(k+1)]) {
		return // "X, a …" or "X is a …"; not "X is originally from India", nor "X was a member" (once)
	}
	k++
	if w := c.lower(k); w == "who" && (c.lower(k+1) == "plays" || c.lower(k+1) == "played") && c.lower(k+2) == "for" {
		if o, ok := d.mentionAt(tm, k+3, graph.Organization); ok && c.sameSentence(m.first, d.ments[o].first) {
			d.link(rulePlaysFor, "", mi, o, c.evidence(m.first, d.ments[o].last)) // "X, who plays for Bayern"
		}
		return
	}
	switch c.lower(k) {
	case "a", "an", "the":
		k++
	}
	head, past := "", false
	for n := 0; n < maxDescWords && k < len(c.toks) && tm[k] < 0 && c.sameSentence(m.first, k); n++ {
		w := c.lower(k)
		if titlePreps[w] || w == "with" || w == "from" || !isWord(c.tokText(k)) {
			break
		}
		past = past || w == "was" || w == "were" // "X, who was a member of Y": once
		head = w
		k++
	}
	if past {
		return
	}
	if c.lower(k) == "from" && head != "" && k+1 < len(tm) && tm[k+1] >= 0 {
		// "Roberta Metsola, a leading European parliamentarian from Malta"
		if o := int(tm[k+1]); d.ments[o].place != nil && d.ments[o].place.Kind == gazetteer.Country && d.ments[o].first == k+1 {
			d.link(ruleFromCountry, "", mi, o, c.evidence(m.first, d.ments[o].last))
		}
		return
	}
	pred := affiliations[head]
	if pred == "" || !(titlePreps[c.lower(k)] || c.lower(k) == "with") {
		return
	}
	if c.lower(k) == "of" {
		k = subjectAt(c, tm, k) // "a professor of robotics at the Georgia Institute of Technology"
	}
	k++
	if c.lower(k) == "the" {
		k++
	}
	k = skipOwner(d, c, tm, k)
	if k+1 < len(tm) && tm[k] < 0 && isCap(c.tokText(k)) {
		if _, ok := d.x.gaz.Demonym(c.tokText(k)); ok {
			k++ // "a member of the German Bundestag"
		}
	}
	if k >= len(tm) || tm[k] < 0 {
		return
	}
	o := int(tm[k])
	if om := &d.ments[o]; om.first == k && c.sameSentence(m.first, k) && (om.typ == graph.Organization || sportsAffiliation(pred) && om.typ == graph.Place) &&
		!isPossessive(c.tokText(om.last-1)) {
		d.link(ruleAppositionOf, personAffiliation(c, om, head), mi, o, c.evidence(m.first, om.last)) // "X, an analyst at Deutsche Bank"
	}
}

// subjectAt skips the field after "of" at token k ("a professor of
// computer science at"): one to five lower-case words followed by "at",
// "for" or "with", whose token it returns; k itself when there are none.
func subjectAt(c *chunk, tm []int32, k int) int {
	for n := 1; n <= maxDescWords+1; n++ {
		j := k + n
		if j >= len(tm) || tm[j] >= 0 || !c.sameSentence(k, j) {
			return k
		}
		switch w := c.lower(j); {
		case n > 1 && (w == "at" || w == "for" || w == "with"):
			return j
		case relStops[w] && w != "and" || !isWordLower(c.tokText(j)):
			return k
		}
	}
	return k
}

// personOf reads "X of|from Y" at token k after a person's name: an
// organization Y employs X ("Brian Taylor of Wells Fargo") or counts X
// as a member ("X of the Green Party"), a country Y is X's ("Eugene Owusu
// of Ghana"). The tagger may still call Y a person's name here ("Petra
// Hohn of Verwaiste Eltern"): the link is kept if resolution makes it an
// organization's (output drops links to people).
func (d *docState) personOf(c *chunk, tm []int32, mi, k int) {
	m := d.ments[mi]
	o, _ := d.mentionAt(tm, k+1, graph.Organization)
	if o < 0 || !c.sameSentence(k, d.ments[o].first) || c.lower(m.first-1) == "the" {
		return // not "moved to the Bernabeu from Liverpool": a place or a thing, no one
	}
	om := &d.ments[o]
	switch {
	case om.typ == graph.Place && om.place != nil && om.place.Kind == gazetteer.Country && om.first == k+1 && !om.adjective:
		d.link(ruleFromCountry, "", mi, o, c.evidence(m.first, om.last)) // "Eugene Owusu of Ghana"
	case strings.HasPrefix(om.key, teamPrefix) && strings.HasSuffix(om.name, nationalTeam):
		// "Alyona Bondarenko of the Ukraine" in a sports story: whom she
		// plays for or where she is from, no employer.
	case om.typ == graph.Organization, om.typ == graph.Person && om.personCue == 0 && om.first == k+1:
		pred := graph.EmployeeOf
		if partyLike(om.name) {
			pred = graph.MemberOf
		}
		d.link(rulePersonOfOrg, pred, mi, o, c.evidence(m.first, om.last)) // "Brian Taylor of Wells Fargo"
	}
}

// orgRelations reads where an organization is based ("the German
// Bundestag", "Mexico's Sinaloa cartel", "the Paris-based OECD", "X, based
// in Y"), whom it belongs to ("Y, a subsidiary of Z") and who founded it.
func (d *docState) orgRelations(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	i := m.first - 1
	if isPossessive(c.tokText(i)) && i > 0 && tm[i-1] >= 0 && c.sameSentence(i-1, m.first) {
		if o := int(tm[i-1]); d.ments[o].typ == graph.Place && !d.internationalOf(m.name, &d.ments[o]) {
			// "Mexico's Sinaloa cartel", not "Britain's EU presidency".
			d.link(rulePossessiveOrg, "", mi, o, c.evidence(d.ments[o].first, m.last))
		}
	} else if o := d.adjectiveAt(c, tm, i); o >= 0 && c.sameSentence(i, m.first) {
		if !international(m.name) { // "Russia WTO talks": a party to the body, not its seat
			d.link(ruleDemonymOrg, "", mi, o, c.evidence(i, m.last)) // "the German Bundestag"
		}
	} else if i >= 0 && tm[i] >= 0 && c.sameSentence(i, m.first) && !international(m.name) {
		o := int(tm[i])
		if om := &d.ments[o]; om.typ == graph.Place && om.last == m.first && om.place != nil && om.place.Kind == gazetteer.Country {
			d.link(ruleDemonymOrg, "", mi, o, c.evidence(om.first, m.last)) // "US Congress"
		}
	} else if p, ok := d.placeBased(c, tm, i, m.first); ok {
		d.link(rulePlaceBased, "", mi, p, c.evidence(d.ments[p].first, m.last)) // "the Paris-based OECD"
	} else if p, ok := d.describedPlace(c, tm, i, m.first); ok {
		d.link(ruleDescribedOrg, "", mi, p, c.evidence(min(d.ments[p].first, i), m.last)) // "the Italian news agency ANSA"
	}
	d.orgApposition(c, tm, mi)
	d.isDemonym(c, tm, mi, graph.BasedIn)
}

// internationalOf reports whether an organization that place p names
// with a possessive is a body of many nations, not p's own: "Britain's
// EU presidency", "Ireland's RBS Six Nations", but not "the UK's
// Department for International Development" nor "London's International
// Petroleum Exchange"; and whether p is a continent or world region,
// which holds no organization's seat.
func (d *docState) internationalOf(name string, p *mention) bool {
	if worldRegion(p.name) {
		return true // "Europe's Sky", "South America's Champions League": a continent is no seat
	}
	return international(name) && !domesticBody(name) && p.place != nil && p.place.Kind == gazetteer.Country
}

// orgNouns name what kind of body an organization is, written between
// its place and its name: "German broadcaster NDR", "the Swiss private
// bank Julius Bär".
var orgNouns = set("firm", "company", "retailer", "group", "giant", "maker", "insurer", "airline", "carrier",
	"manufacturer", "conglomerate", "lender", "bank", "automaker", "carmaker", "broadcaster", "agency", "newspaper",
	"daily", "weekly", "paper", "magazine", "tabloid", "channel", "network", "station", "broadcasting", "ngo",
	"think-tank", "tank", "charity", "foundation", "institute", "university", "club", "team", "federation",
	"association", "union", "operator", "producer", "publisher", "utility", "exchange", "regulator", "watchdog",
	"party")

// describedPlace finds the place of "[the] Demonym|Place|Place's
// [modifiers] NOUN Name" ending at token i before an organization's name
// at token first, where NOUN is one of orgNouns: "the Italian news
// agency ANSA", "Germany's public broadcaster ARD", "Cologne portfolio
// management firm Flossbach von Storch". It returns the place's mention,
// added for a nationality word if needed.
func (d *docState) describedPlace(c *chunk, tm []int32, i, first int) (int, bool) {
	if i < 1 || tm[i] >= 0 || !orgNouns[c.lower(i)] || !c.sameSentence(i, first) {
		return -1, false
	}
	for n := 0; n < maxDescWords && i >= 0 && tm[i] < 0 && isWordLower(c.tokText(i)) && !relStops[c.lower(i)]; n++ {
		i--
	}
	if i < 0 || !c.sameSentence(i, first) {
		return -1, false
	}
	if o := d.adjectiveAt(c, tm, i); o >= 0 {
		return o, true
	}
	if isPossessive(c.tokText(i)) && i > 0 {
		i--
	}
	if tm[i] < 0 {
		return -1, false
	}
	o := int(tm[i])
	return o, d.ments[o].typ == graph.Place && !d.ments[o].adjective
}

// placeBased finds the place of "the Paris-based X" (one token) or
// "Paris - based X" ending at token i: its mention, added for the one
// token if needed, and whether there is one.
func (d *docState) placeBased(c *chunk, tm []int32, i, first int) (int, bool) {
	if i < 0 || !c.sameSentence(i, first) {
		return -1, false
	}
	if w := c.tokText(i); tm[i] < 0 && len(w) > len("-based") && strings.HasSuffix(c.lower(i), "-based") && isCap(w) {
		name := w[:len(w)-len("-based")]
		p := d.geocode(name, false)
		if p == nil {
			return -1, false
		}
		o := d.add(c, i, i+1, mention{typ: graph.Place, score: 0.9, place: p, name: name})
		tm[i] = int32(o)
		return o, true
	}
	if c.lower(i) != "based" || c.tokText(i-1) != "-" && c.tokText(i-1) != "–" || i < 2 || tm[i-2] < 0 {
		return -1, false
	}
	o := int(tm[i-2])
	return o, d.ments[o].typ == graph.Place
}

// orgApposition reads "Y, [a|the] NOUN of Z" (part_of), "Y, based in Z"
// and "Y, founded by X" after an organization's name.
func (d *docState) orgApposition(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	k := m.last
	comma := c.tokText(k) == ","
	if comma {
		k++
	}
	switch {
	case c.lower(k) == "based" || c.lower(k) == "headquartered":
		if w := c.lower(k + 1); w == "in" || w == "at" {
			if o, ok := d.mentionAt(tm, k+2, graph.Place); ok && c.sameSentence(m.first, k+2) {
				d.link(ruleBasedIn, "", mi, o, c.evidence(m.first, d.ments[o].last))
			}
		}
		return
	case !comma && (c.lower(k) == "in" || c.tokText(k) == "(") && institutional(m.name):
		// "the University of Sheffield in the United Kingdom", "the
		// Friedrich Ebert Foundation (FES) in Bamako", "the Agency for
		// Self-Help in the city of Osnabrück"
		if k = skipParen(c, k); c.lower(k) != "in" {
			return
		}
		if c.lower(k+1) == "the" && townNouns[c.lower(k+2)] && c.lower(k+3) == "of" {
			k += 3
		}
		if o, ok := d.mentionAt(tm, k+1, graph.Place); ok && !d.ments[o].adjective && c.sameSentence(m.first, k+1) && !isPossessive(c.tokText(d.ments[o].last-1)) {
			d.link(ruleInstitutionIn, "", mi, o, c.evidence(m.first, d.ments[o].last))
		}
		return
	case comma && (c.lower(k) == "founded" || c.lower(k) == "co-founded") && c.lower(k+1) == "by":
		if o, ok := d.mentionAt(tm, k+2, graph.Person); ok && c.sameSentence(m.first, k+2) {
			d.link(ruleFounded, "", o, mi, c.evidence(m.first, d.ments[o].last))
		}
		return
	case !comma:
		return
	}
	switch c.lower(k) {
	case "a", "an", "the":
		k++
	}
	if w := c.lower(k); affiliations[w] == graph.PartOf && titlePreps[c.lower(k+1)] {
		if o, ok := d.mentionAt(tm, k+2, graph.Organization); ok && c.sameSentence(m.first, k+2) {
			d.link(rulePartOf, "", mi, o, c.evidence(m.first, d.ments[o].last))
		}
	}
}

// townNouns name a kind of place before its name: "the city of
// Osnabrück".
var townNouns = set("city", "town", "village", "state", "province", "region", "district", "port")

// skipParen returns the token after a short parenthesis that opens at
// token k ("(FES)"), or k when there is none.
func skipParen(c *chunk, k int) int {
	if c.tokText(k) != "(" {
		return k
	}
	for j := k + 1; j < len(c.toks) && j <= k+4; j++ {
		if c.tokText(j) == ")" {
			return j + 1
		}
	}
	return k
}

// internationalBodies are the bodies of many countries that news names
// after a country taking part: "Russia WTO talks", "the British EU
// rebate".
var internationalBodies = set("wto", "world trade organization", "world trade organisation", "un", "united nations",
	"imf", "international monetary fund", "nato", "eu", "european union", "opec", "who", "world health organization",
	"world bank", "oecd", "interpol", "unesco", "unicef", "unhcr", "g8", "g7", "g20", "asean", "african union",
	"arab league", "commonwealth", "fifa", "uefa", "ioc", "european commission", "european parliament", "icc",
	"court of arbitration for sport", "cas", "world anti-doping agency", "wada", "iaea", "international atomic energy agency",
	"european court of human rights", "european court of justice", "icj", "world economic forum", "red cross")

// international reports whether a name is an international body's: one
// of internationalBodies, or a name with an international word.
func international(name string) bool {
	k := strings.TrimPrefix(graph.NameKey(name), "the ")
	if internationalBodies[k] {
		return true
	}
	for _, w := range strings.Fields(k) {
		if internationalWords[w] {
			return true
		}
	}
	return false
}

// institutionWords name bodies that stay where they are: "the University
// of Sheffield in the United Kingdom" is based there, while "Toyota in the
// US" sells there.
var institutionWords = set("university", "institute", "institution", "foundation", "stiftung", "school", "college",
	"academy", "court", "council", "museum", "hospital", "clinic", "cathedral", "mosque", "theatre",
	"theater", "orchestra", "library", "agency", "ministry", "office", "embassy", "consulate", "centre", "center",
	"club", "association", "society", "trust", "zoo", "observatory", "laboratory", "gallery", "parliament", "assembly")

// institutional reports whether a name is an institution's (institutionWords).
func institutional(name string) bool {
	for _, w := range strings.Fields(graph.NameKey(name)) {
		if institutionWords[w] {
			return true
		}
	}
	return false
}

// mentionAt returns the mention of type typ that starts at token k, or
// after "the" there.
func (d *docState) mentionAt(tm []int32, k int, typ graph.EntityType) (int, bool) {
	if k < len(tm) && k >= 0 && tm[k] < 0 && k+1 < len(tm) {
		k++ // "the"
	}
	if k < 0 || k >= len(tm) || tm[k] < 0 {
		return -1, false
	}
	o := int(tm[k])
	return o, d.ments[o].typ == typ && d.ments[o].first == k
}

// featureNouns name the natural and built places a definition's subject
// may be besides placeNouns: "X is a river in Y".
var featureNouns = set("river", "lake", "mountain", "valley", "hamlet", "settlement", "community", "parish",
	"borough", "peak", "volcano", "glacier", "bay", "peninsula", "desert", "forest", "park", "airport", "stadium")

// placeDefinition reads where a definition puts its subject: "X is a
// [small] city in Y", "X is located in Y", "X, a village in Y". A name
// the tagger took for a person's is a place's when nothing else calls it
// a person ("Brookston is a city in Saint Louis County").
func (d *docState) placeDefinition(c *chunk, tm []int32, mi int) {
	m := &d.ments[mi]
	k := m.last
	switch c.lower(k) {
	case "is", "was", ",":
	default:
		return
	}
	k++
	switch w := c.lower(k); {
	case w == "located" || w == "situated":
		k++
	case w == "a" || w == "an" || w == "the":
		k++
		for n := 0; n < 3 && isWordLower(c.tokText(k)) && !placeNouns[c.lower(k)] && !featureNouns[c.lower(k)] && !relStops[c.lower(k)]; n++ {
			k++ // "a small coastal town"
		}
		if !placeNouns[c.lower(k)] && !featureNouns[c.lower(k)] {
			return
		}
		k++
	default:
		return
	}
	if w := c.lower(k); w != "in" && w != "within" || k+1 >= len(tm) {
		return
	}
	o, ok := d.mentionAt(tm, k+1, graph.Place)
	if !ok || d.ments[o].adjective || !c.sameSentence(m.first, k+1) {
		return
	}
	if m.typ != graph.Place {
		if m.personCue > 0 || m.typ != graph.Person {
			return
		}
		m.typ = graph.Place
	}
	d.link(rulePlaceDefinition, "", mi, o, c.evidence(m.first, d.ments[o].last))
}

// locativePreps before a place say that it is one: "in Twickenham", "from
// St Katherine's dock" (and not "Flight of the Phoenix", "Jamelia").
var locativePreps = set("in", "at", "near", "outside", "from", "inside", "around", "across", "throughout", "within")

// locativeAt reports whether the place named at token f is named as one:
// after a locative preposition ("in Twickenham"), after a place noun and
// "of" ("the unincorporated areas of Lochridge"), or further on in a list
// that one of them opens ("areas of Chocolate Bayou, Lochridge, and Otey").
func (d *docState) locativeAt(c *chunk, tm []int32, f int) bool {
	w := c.lower(f - 1)
	if w == "in" && performanceWords[c.lower(f-2)] || w == "the" && c.lower(f-2) == "in" && performanceWords[c.lower(f-3)] {
		return false // "starred in Finding Neverland"
	}
	if locativePreps[w] || w == "the" && locativePreps[c.lower(f-2)] || w == "of" && placeNouns[strings.TrimSuffix(c.lower(f-2), "s")] {
		return true
	}
	k := f - 2 // the last token of the item before, past "," or "and"
	switch {
	case w == "and" || w == "or":
		if c.tokText(k) == "," {
			k--
		}
	case w != ",":
		return false
	}
	if k < 0 || tm[k] < 0 || !c.sameSentence(k, f) {
		return false
	}
	p := &d.ments[tm[k]]
	return p.typ == graph.Place && p.locative && p.last == k+1
}

// performanceWords before "in" say that a work follows, not a place:
// "starred in Finding Neverland", "his role in Chocolat".
var performanceWords = set("starred", "starring", "stars", "star", "appeared", "appears", "appearance", "role", "roles",
	"cast", "character", "characters", "scene", "scenes", "featured")

// placeRelations reads a country's membership of an alliance named before
// it: "NATO member Turkey", "EU member state Croatia".
func (d *docState) placeRelations(c *chunk, tm []int32, mi int) {
	m := d.ments[mi]
	d.ments[mi].locative = d.locativeAt(c, tm, m.first)
	d.placeDefinition(c, tm, mi)
	if m.place == nil || m.place.Kind != gazetteer.Country {
		return
	}
	i := m.first - 1
	if !allianceNouns[c.lower(i)] {
		if !allianceNouns[c.lower(i-1)+" "+c.lower(i)] {
			return
		}
		i--
	}
	i--
	if i >= 0 && tm[i] >= 0 && c.sameSentence(i, m.first) {
		if o := int(tm[i]); d.ments[o].typ == graph.Organization && !isPossessive(c.tokText(d.ments[o].last-1)) {
			d.link(ruleAllianceMember, "", mi, o, c.evidence(d.ments[o].first, m.last))
		}
	}
}

// productNouns after "Org's Name" say the name is the organization's
// product, not one of its people: "the BBC's Newsnight programme".
var productNouns = set("programme", "program", "show", "series", "magazine", "newspaper", "brand", "channel",
	"website", "site", "service", "project", "unit", "division", "film", "album", "game", "console", "model")

// leftPost reports whether the words from token k, just after a person's
// name, say the person has left a post: "has resigned", "was sacked",
// "stepped down", "quits".
func leftPost(c *chunk, k int) bool {
	passive := false
	for n := 0; n < 2 && pastAuxiliaries[c.lower(k)]; n++ {
		passive = passive || c.lower(k) != "has" && c.lower(k) != "have" && c.lower(k) != "had"
		k++ // "has been"
	}
	w := c.lower(k)
	return leavingVerbs[w] || passive && removedVerbs[w] || downVerbs[w] && c.lower(k+1) == "down"
}

// pastAuxiliaries stand between a name and its verb: "has been sacked".
var pastAuxiliaries = set("has", "have", "had", "was", "were", "is", "been")

// leavingVerbs say that their subject has left a post: "has resigned".
// ("Will resign" has not yet; "left" leaves rooms and cities as often.)
var leavingVerbs = set("resigned", "resigns", "quit", "quits", "retired", "retires", "departed")

// removedVerbs say, in the passive, that their subject was made to leave
// a post: "was sacked", not "has dismissed claims".
var removedVerbs = set("sacked", "fired", "dismissed", "ousted", "expelled", "axed", "deposed", "removed", "replaced")

// downVerbs leave a post with "down": "stepped down", "stands down".
var downVerbs = set("stepped", "steps", "stood", "stands")

// signing verbs before "Roma defender X" say that X is moving to another
// club: the one named is the club he leaves.
// ("To sign Real Madrid striker X": he is still theirs.)
var signing = set("signed", "bought")

// dropAffiliations removes from links[from:] the person mi's ties to an
// organization (a post, a membership, a job, a team), keeping the others
// (citizenship, meetings).
func dropAffiliations(links []linkCand, from, mi int) []linkCand {
	out := links[:from]
	for _, l := range links[from:] {
		if l.subj == mi && affiliation(l.predicate) {
			continue
		}
		out = append(out, l)
	}
	return out
}
