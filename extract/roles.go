package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// rankModifiers are part of a title: a deputy governor is not the
// governor ("Bank of England deputy governor Rachel Lomax").
var rankModifiers = set("deputy", "assistant", "vice", "acting", "interim")

// ranked returns the predicate of a title with rank modifiers in tokens
// [from, ts): "deputy_governor_of"; acting and interim holders hold the
// office itself.
func ranked(c *chunk, from, ts int, predicate string) string {
	if predicate == "" {
		return ""
	}
	for j := ts - 1; j >= from; j-- {
		switch l := c.lower(j); l {
		case "deputy", "assistant", "vice":
			if !strings.HasPrefix(predicate, l+"_") {
				predicate = l + "_" + predicate
			}
		}
	}
	return predicate
}

// ambiguousTitles are also verbs or common nouns: they count as titles
// only capitalized, or after what they are of ("club coach").
var ambiguousTitles = set("coach", "head", "chair", "manager", "captain", "chief", "member", "director", "founder",
	"general", "justice", "judge", "leader", "commander", "secretary", "minister", "king", "queen", "prince", "major")

// honorifics are titles that say nothing about a position: forms of
// address, ranks, clergy, and descriptions ("Rap mogul Marion Knight").
var honorifics = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "prof.", "professor", "rev.", "sheikh",
	"sergeant", "sgt", "sgt.", "corporal", "lieutenant", "prof", "brig", "brig.", "brigadier", "brigadier general", "major", "maj.",
	"capt.", "col", "lt", "gen", "gen.", "lt.", "col.", "his excellency", "h.e.", "hon.", "alhaji",
	"supt", "supt.", "engr", "engr.", "ustaz", "rabbi", "imam", "bishop", "archbishop", "cardinal", "mogul", "tycoon")

// readRoles reads the titles beside each person of the window, before
// the name ("German Chancellor Angela Merkel", "Kremlin spokesperson Dmitry
// Peskov", "Syria's President Bashar al-Assad") and in apposition after it
// ("Hamdullah Mohib, Afghan Ambassador to the United States"), and the
// nationality of people described by it ("Russian journalist X").
func (d *docState) readRoles(c *chunk, tm []int32) {
	n := len(d.ments)
	for mi := d.chunkStart; mi < n; mi++ {
		m := &d.ments[mi]
		if m.typ != graph.Person && m.typ != graph.Organization || m.adjective || m.key != "" {
			continue
		}
		first, last := m.first, m.last
		titled := d.roleBefore(c, tm, mi, first)
		if !titled {
			d.citizenBefore(c, tm, mi, first)
		}
		d.roleAfter(c, tm, mi, last, titled)
	}
}

// titlePreps end a title phrase before what the title is of: "President
// of", "Ambassador to", "spokesman for".
var titlePreps = set("of", "to", "for", "at")

// A role before a name is read in two steps, each an ordered table of
// named rules: where the title stands (titleRules), then what it is of
// (ofRules). The first rule of each table that applies decides, and the
// role's rule is both names joined by "/": "title_before/named" for
// "Kremlin spokesperson Dmitry Peskov". A title found, roleBefore marks
// the name a person's (personCue 2, and the type Person for a name the
// tagger took for an organization's); the guards in roleBefore drop what
// only looks like a title ("to head Apple", "Mr").

// titleSpot is where a title rule found a title before a name.
type titleSpot struct {
	t  title
	ts int // the title's first token
	// of is the mention the title is of when it follows the title ("to
	// the United States"), -1 when it is read before it; to says that it
	// follows "to".
	of int
	to bool
}

// titleRule is one place a title can stand before a name at token
// first; i is the token before the name, past a comma.
type titleRule struct {
	name string
	find func(d *docState, c *chunk, tm []int32, i, first int) (titleSpot, bool)
}

// titleRules are the places a title is read before a name, in the order
// they are tried.
var titleRules = []titleRule{
	// "German Chancellor Angela Merkel", "Kremlin spokesperson Dmitry
	// Peskov", "Malaysia's Prime Minister, Najib Razak".
	{"title_before", titleRightBefore},
	// "Minister of Education Stefania Giannini".
	{"title_of_before", titleOfBefore},
	// "Ambassador to the United States Hamdullah Mohib": what the title
	// is of (0.85) stands between it and the name.
	{"title_to_before", titleToBefore},
	// "The head of the SSC, Mohammed Suweysi, said": a title of a named
	// body in apposition before the name, set off by commas.
	{"title_of_comma", titleOfComma},
}

func titleRightBefore(_ *docState, c *chunk, _ []int32, i, first int) (titleSpot, bool) {
	for n := maxTitleWords; n >= 1; n-- {
		if tt, ok := titleAt(c, i-n+1, n); ok && c.sameSentence(i-n+1, first) {
			return titleSpot{t: tt, ts: i - n + 1, of: -1}, true
		}
	}
	return titleSpot{}, false
}

func titleOfBefore(_ *docState, c *chunk, tm []int32, i, first int) (titleSpot, bool) {
	if i < 2 || tm[i] >= 0 || !isCap(c.tokText(i)) || c.lower(i-1) != "of" || !c.sameSentence(i-2, first) {
		return titleSpot{}, false
	}
	for n := maxTitleWords; n >= 1; n-- {
		if tt, ok := titleAt(c, i-1-n, n); ok && isCap(c.toks[i-1-n].Text) {
			return titleSpot{t: tt, ts: i - 1 - n, of: -1}, true
		}
	}
	return titleSpot{}, false
}

func titleToBefore(d *docState, c *chunk, tm []int32, i, first int) (titleSpot, bool) {
	if i < 0 || tm[i] < 0 || d.ments[tm[i]].typ == graph.Person || d.ments[tm[i]].last != first {
		return titleSpot{}, false
	}
	o := int(tm[i])
	j := d.ments[o].first - 1
	j = d.beforePlacePossessive(c, tm, j) // "chairman of Germany's National Electro-mobility Platform"
	if c.lower(j) == "the" {
		j--
	}
	l := c.lower(j)
	if l != "to" && l != "of" && l != "for" || !c.sameSentence(j, first) {
		return titleSpot{}, false
	}
	for n := maxTitleWords; n >= 1; n-- {
		tt, ok := titleAt(c, j-n, n)
		if !ok || !c.sameSentence(j-n, first) || honorifics[c.lower(j-n)] {
			continue
		}
		// A title in lower case is one only after "the": "the chairman
		// of Germany's National Electro-mobility Platform Henning
		// Kagermann", not "a meeting of the head of the EU Donald Tusk".
		if isCap(c.toks[j-n].Text) || c.lower(j-n-1) == "the" && tt.predicate != "" && !ambiguousTitles[c.lower(j-n)] {
			return titleSpot{t: tt, ts: j - n, of: o, to: l == "to"}, true
		}
	}
	return titleSpot{}, false
}

// beforePlacePossessive returns the token before a place's possessive
// that ends at token j ("Germany's"), or j when there is none.
func (d *docState) beforePlacePossessive(c *chunk, tm []int32, j int) int {
	if isPossessive(c.tokText(j)) && j > 0 && tm[j-1] >= 0 && d.ments[tm[j-1]].typ == graph.Place {
		return d.ments[tm[j-1]].first - 1
	}
	return j
}

// titleOfComma reads "the [modifiers] TITLE of|for|at [the] X [( Y )]
// [in PLACE] [KIND], Name," where X is an organization or a place, KIND
// a description ending in one of orgNouns ("the German VDA automobile
// federation"), and the name
// is followed by a comma, a parenthesis or a verb of speech: "The head of
// the Friedrich Ebert Foundation (FES) in Bamako, Jan Henrik Fahlbusch,
// who…", "The governor of Tamaulipas, Francisco García Cabeza de Vaca,
// condemned…". Without "the" before the title, or with another name after
// the person's, it reads a list and not an apposition.
func titleOfComma(d *docState, c *chunk, tm []int32, _, first int) (titleSpot, bool) {
	i := first - 1 // the comma itself: roleBefore passes the token before it when no name precedes it
	if c.tokText(i) != "," || !c.sameSentence(i, first) {
		return titleSpot{}, false
	}
	if after := d.ments[tm[first]].last; c.tokText(after) != "," && c.tokText(after) != "(" && !speechCues[c.lower(after)] {
		return titleSpot{}, false
	}
	j := i - 1
	// "the German VDA automobile federation": what kind of body the
	// organization is, after its name.
	for n := 0; n < maxDescWords-1 && j > 0 && tm[j] < 0 && isWordLower(c.tokText(j)) && !relStops[c.lower(j)]; n++ {
		if n == 0 && !orgNouns[c.lower(j)] {
			break
		}
		j--
	}
	if j > 1 && tm[j] >= 0 && d.ments[tm[j]].typ == graph.Place && c.lower(d.ments[tm[j]].first-1) == "in" {
		j = d.ments[tm[j]].first - 2 // "… in Bamako": of what stands before
	}
	if c.tokText(j) == ")" { // "(FES)"
		for n := 0; n < 4 && j > 0 && c.tokText(j) != "("; n++ {
			j--
		}
		if c.tokText(j) != "(" {
			return titleSpot{}, false
		}
		j--
	}
	if j < 0 || tm[j] < 0 {
		return titleSpot{}, false
	}
	o := int(tm[j])
	om := &d.ments[o]
	if om.typ != graph.Organization && om.typ != graph.Place || om.adjective || isPossessive(c.tokText(om.last-1)) {
		return titleSpot{}, false
	}
	k := om.first - 1
	for n := 0; n < 2 && k > 0 && tm[k] < 0 && isWordLower(c.tokText(k)) && !relStops[c.lower(k)] && !titlePreps[c.lower(k)]; n++ {
		k-- // "of the opposition Greens party"
	}
	if _, ok := d.x.gaz.Demonym(c.tokText(k)); ok && isCap(c.tokText(k)) {
		k-- // "of the German VDA"
	} else {
		k = d.beforePlacePossessive(c, tm, k) // "of Germany's VDA"
	}
	if c.lower(k) == "the" {
		k--
	}
	if p := c.lower(k); p != "of" && p != "for" && p != "at" || !c.sameSentence(k, first) {
		return titleSpot{}, false
	}
	for n := maxTitleWords; n >= 1; n-- {
		ts := k - n
		tt, ok := titleAt(c, ts, n)
		if !ok || honorifics[c.lower(ts)] {
			continue
		}
		for modifiers[c.lower(ts-1)] {
			ts--
		}
		if c.lower(ts-1) == "the" {
			return titleSpot{t: tt, ts: k - n, of: o}, true
		}
		if b := ts - 1; b >= 0 && tm[b] >= 0 && d.ments[tm[b]].typ == graph.Organization && d.ments[tm[b]].last == ts && c.lower(k) == "for" {
			// "UN Special Envoy for Yemen, Ismail Ould Cheikh Ahmad,": the
			// body named before the title is what it is of (ofBefore);
			// what follows "for" is the title's remit.
			return titleSpot{t: tt, ts: k - n, of: -1}, true
		}
		return titleSpot{}, false
	}
	return titleSpot{}, false
}

// ofRule is one reading of what a title ending after token j is of.
type ofRule struct {
	name       string
	confidence float64
	find       func(d *docState, c *chunk, tm []int32, j int) int // the mention, -1 for none
}

// ofRules are the readings of what a title before a name is of, in the
// order they are tried; with none, the role is of nothing (noOf).
var ofRules = []ofRule{
	// "Syria's President", "the Kremlin's spokesman".
	{"possessive", 0.9, ofPossessive},
	// "Kremlin spokesperson", "Apple chief executive".
	{"named", 0.85, ofNamed},
	// "Russian President": the country of a nationality adjective.
	{"demonym", 0.9, (*docState).ownDemonym},
	// "Yemen's army chief of staff", "the company's finance director":
	// the owner of the service the title heads.
	{"possessive_unit", 0.8, ofPossessiveUnit},
}

// serviceNouns name a service of a country or body that a title heads
// ("Yemen's army chief of staff").
var serviceNouns = set("army", "military", "navy", "police", "intelligence", "security", "defence", "defense",
	"finance", "foreign", "interior", "justice", "health", "trade", "energy", "economy", "education", "culture",
	"environment", "government", "cabinet", "parliamentary", "party", "campaign", "communications", "legal", "research")

// ofPossessiveUnit reads the owner of a service noun at token j
// ("Yemen's army"): the possessive's mention, -1 for none.
func ofPossessiveUnit(d *docState, c *chunk, tm []int32, j int) int {
	if j < 2 || !serviceNouns[c.lower(j)] {
		return -1
	}
	return ofPossessive(d, c, tm, j-1)
}

// noOf names a title read of nothing, and toOf one whose title rule read
// what it is of after it; their confidences are those of the relations
// that cannot be made and of titleToBefore.
const (
	noOf, noOfConfidence = "none", 0.7
	toOf, toOfConfidence = "after", 0.85
)

func ofPossessive(d *docState, c *chunk, tm []int32, j int) int {
	if isPossessive(c.tokText(j)) && j > 0 && tm[j-1] >= 0 {
		if o := int(tm[j-1]); d.ments[o].typ != graph.Person {
			return o
		}
	}
	return -1
}

func ofNamed(d *docState, _ *chunk, tm []int32, j int) int {
	if tm[j] >= 0 {
		if o := int(tm[j]); d.ments[o].typ == graph.Organization || d.ments[o].typ == graph.Place {
			return o
		}
	}
	return -1
}

// roleBefore reads "[of] [modifiers] TITLE Name", right to left from the
// token before the name, with titleRules and ofRules.
func (d *docState) roleBefore(c *chunk, tm []int32, mi, first int) bool {
	i := first - 1
	comma := false
	if c.tokText(i) == "," && i > 0 && tm[i-1] < 0 {
		i-- // "Malaysia's Prime Minister, Najib Razak": kept only with what it is of
		comma = true
	}
	var spot titleSpot
	rule := ""
	for _, r := range titleRules {
		if s, ok := r.find(d, c, tm, i, first); ok {
			spot, rule = s, r.name
			break
		}
	}
	t, ts := spot.t, spot.ts
	if rule == "" || honorifics[c.lower(ts)] && ts == i {
		return false
	}
	j := ts - 1
	past := false
	rankStart := ts
	for j >= 0 && modifiers[c.lower(j)] && c.sameSentence(j, first) {
		past = past || pastModifiers[c.lower(j)]
		if rankModifiers[c.lower(j)] && rankStart == j+1 {
			rankStart = j
		}
		j--
	}
	if ambiguousTitles[c.lower(ts)] && rule != "title_of_comma" && (isAllUpper(c.toks[ts].Text) || !isCap(c.toks[ts].Text) && (j < 0 || tm[j] < 0 && !isCap(c.toks[j].Text) && !isPossessive(c.toks[j].Text) && ofPossessiveUnit(d, c, tm, j) < 0)) {
		return false // "TO COACH NICE", "to head Apple"; not "Gladbach's coach X"
	}
	if m := &d.ments[mi]; m.typ != graph.Person {
		// "President Obama" tagged as an organization is a person, but
		// not "Director WWF's Congo programme".
		// Nor "President of Hindu Mahasabha": after a title's
		// preposition comes what the title is of, not who holds it.
		if t.predicate == "" || !isCap(c.toks[ts].Text) || !personLike(m.name) || isPossessive(c.tokText(m.last)) || titlePreps[c.lower(first-1)] {
			return false
		}
		m.typ = graph.Person
	}
	d.ments[mi].personCue = 2
	of, conf, ofName := d.ofBefore(c, tm, j, first)
	if of >= 0 && ofName == "named" && (domesticOffice(t.predicate) || publicOffice(t.predicate)) && partyOnly(d.ments[of].name) {
		// "Lower Saxony's SPD interior minister", "CDU Chancellor Angela
		// Merkel", "Labour mayor Ken Livingstone": a member of the party,
		// in an office of the state or country before it, if any.
		d.link(rulePartyOffice, "", mi, of, c.evidence(d.ments[of].first, d.ments[mi].last))
		of, conf, ofName = d.ofBefore(c, tm, d.ments[of].first-1, first)
	}
	if ofName == "demonym" && nationalityAmbiguous[t.predicate] {
		// "Dutch coach Guus Hiddink", "the Australian captain": his own
		// country as often as the team's; the demonym says his
		// nationality (demonym_person), not what he is coach of.
		of, conf, ofName = -1, noOfConfidence, noOf
	}
	if comma && of < 0 && spot.of < 0 {
		return false
	}
	if comma && c.lower(phraseStart(d, j, of)-1) == "as" {
		// "in his second term as US President, Tony Blair has said": the
		// title completes the clause before the comma, not the name.
		return false
	}
	past = past || leftPost(c, d.ments[mi].last) || leftBefore(c, ts) // "Tottenham manager Jacques Santini has resigned"
	titleEnd := i + 1
	if c.tokText(i) == "," {
		titleEnd = i // "UN Special Envoy for Yemen, X": the title ends before the comma
	}
	if spot.of >= 0 {
		// The demonym before the title is the sender, the entity after
		// it what the role is of (or to).
		for titleEnd = ts + 1; titleEnd < first && c.lower(titleEnd) != "to" && c.lower(titleEnd) != "of" && c.lower(titleEnd) != "for"; titleEnd++ {
		}
		of, conf, ofName = spot.of, toOfConfidence, toOf
	}
	evStart := ts
	if of >= 0 && d.ments[of].first < ts {
		evStart = d.ments[of].first
		// "former Russian President": the modifier precedes the adjective.
		for k := evStart - 1; k >= 0 && k >= evStart-2 && modifiers[c.lower(k)]; k-- {
			past = past || pastModifiers[c.lower(k)]
		}
	}
	d.cands.roles = append(d.cands.roles, roleCand{
		person: mi, title: trimTitle(c.spanText(rankStart, titleEnd)), predicate: ranked(c, rankStart, ts, t.predicate), of: of, past: past, to: spot.to,
		conf: conf, ev: c.evidence(evStart, d.ments[mi].last), rule: [2]string{rule, ofName},
	})
	return true
}

// phraseStart returns the first token of a title phrase whose modifiers
// end after token j, with what it is of (mention of, -1 for none) when
// that stands before it ("US President").
func phraseStart(d *docState, j, of int) int {
	if of >= 0 && d.ments[of].first <= j {
		return d.ments[of].first
	}
	return j + 1
}

// ofBefore finds what a title ending just after token j is of, with the
// first of ofRules that applies. It returns the mention, -1 for none, the
// confidence of the reading and the name of its rule.
func (d *docState) ofBefore(c *chunk, tm []int32, j, first int) (int, float64, string) {
	if j < 0 || !c.sameSentence(j, first) {
		return -1, noOfConfidence, noOf
	}
	if o := tm[j]; o >= 0 && d.ments[o].typ == graph.Place && worldRegion(d.ments[o].name) && d.ments[o].first > 0 && c.sameSentence(d.ments[o].first-1, first) {
		// "Britain's Europe minister": a continent before a title is its
		// portfolio; what the title is of stands before it.
		j = d.ments[o].first - 1
	}
	for _, r := range ofRules {
		if o := r.find(d, c, tm, j); o >= 0 {
			return o, r.confidence, r.name
		}
	}
	// "EU Enlargement Commissioner", "UN Special Envoy": a portfolio of
	// one or two capitalized words between the body and the title.
	for k := j; k > j-maxPortfolio && k > 0 && tm[k] < 0 && isCap(c.tokText(k)) && isWord(c.tokText(k)) && c.sameSentence(k-1, first); k-- {
		if o := int(tm[k-1]); o >= 0 && d.ments[o].typ == graph.Organization && d.ments[o].last == k && !isPossessive(c.tokText(k-1)) &&
			!addressVerbs[c.lower(d.ments[o].first-1)] { // "Monsod told Reuters Finance Secretary Jaime Ongpin had decided"
			return o, portfolioConfidence, portfolioOf
		}
	}
	return -1, noOfConfidence, noOf
}

// addressVerbs take whom they address as their object: a body right
// after one is the one addressed, not the owner of a title after it.
var addressVerbs = set("told", "tells", "telling", "tell")

// maxPortfolio bounds the words of a portfolio between a body and a title
// ("EU Enlargement Commissioner"); portfolioOf names that reading.
const (
	maxPortfolio                     = 2
	portfolioOf, portfolioConfidence = "portfolio", 0.8
)

// adjectiveAt returns the mention of the country that the nationality
// adjective at token j stands for, adding it if needed; -1 if token j is
// not a capitalized demonym.
func (d *docState) adjectiveAt(c *chunk, tm []int32, j int) int {
	if j < 0 || j >= len(c.toks) || !isCap(c.toks[j].Text) {
		return -1
	}
	if tm[j] >= 0 {
		if m := &d.ments[tm[j]]; m.adjective {
			return int(tm[j])
		}
		return -1
	}
	first := j
	p, ok := d.x.gaz.Demonym(c.toks[j].Text)
	if j > 0 && tm[j-1] < 0 && isCap(c.toks[j-1].Text) && c.sameSentence(j-1, j) && c.toks[j-1].End == c.toks[j].Start-1 {
		// Two words: "South African", "Sri Lankan", and "North Korean",
		// which is not "Korean" (South Korea's in the table). "West
		// German" stays Germany's.
		if p2, ok2 := d.x.gaz.Demonym(c.toks[j-1].Text + " " + c.toks[j].Text); ok2 {
			p, ok, first = p2, true, j-1
		} else if w := c.lower(j - 1); w == "north" || w == "south" {
			return -1
		}
	}
	if !ok {
		return -1
	}
	i := d.add(c, first, j+1, mention{typ: graph.Place, score: 0.9, place: p, name: p.Name, adjective: true})
	for k := first; k <= j; k++ {
		tm[k] = int32(i)
	}
	return i
}

// leftBefore reports whether the words before a title phrase that
// starts at token k (or at a body's name before it) say its holder left
// the post: "the resignation of BBC chairman Gavyn Davies".
func leftBefore(c *chunk, k int) bool {
	for n := 0; n < maxTitleWords+2 && k > 1 && c.lower(k-1) != "of"; n++ {
		k-- // back over "BBC", "the"
	}
	if c.lower(k-1) != "of" || !leavingNouns[c.lower(k-2)] {
		return false
	}
	j := k - 3
	if c.lower(j) == "the" || c.lower(j) == "his" || c.lower(j) == "her" {
		j--
	}
	return !demandWords[c.lower(j)] // not "called for the resignation of X"
}

// leavingNouns name a holder's leaving: "the resignation of X".
var leavingNouns = set("resignation", "departure", "sacking", "dismissal", "ousting", "exit", "removal", "retirement")

// demandWords ask for a leaving that has not happened: "called for the
// resignation of Prime Minister Tony Blair".
var demandWords = set("for", "demanded", "demand", "demands", "demanding", "sought", "seek", "seeks", "urged",
	"want", "wants", "wanted", "over", "against", "rejected", "refused")

// departmentNouns after a place say that a title is of a firm's
// department, not of the place: "head of UK equities", "director of
// European operations". Lower case only: "of UK Sport" is a body.
var departmentNouns = set("equities", "operations", "sales", "research", "markets", "trading", "strategy", "marketing",
	"investments", "investment", "affairs", "policy", "communications", "business", "services", "retail", "banking",
	"securities", "bonds", "economics", "desk", "division", "unit", "office", "operation", "team", "programmes")

// nationalityAmbiguous are the titles that a nationality adjective
// before them does not tie to its country: a team's and a firm's, not a
// state's.
var nationalityAmbiguous = set("coach_of", "manager_of", "captain_of")

// ownDemonym returns the country of the nationality adjective at token j
// that a title is of (adjectiveAt), unless a person's possessive stands
// before it: "Andre Agassi's Australian coach Darren Cahill" coaches
// Agassi, and Australia is only his own country.
func (d *docState) ownDemonym(c *chunk, tm []int32, j int) int {
	o := d.adjectiveAt(c, tm, j)
	if o < 0 {
		return -1
	}
	if k := d.ments[o].first - 1; k > 0 && isPossessive(c.tokText(k)) && tm[k-1] >= 0 && d.ments[tm[k-1]].typ == graph.Person {
		return -1
	}
	return o
}

// citizenBefore reads "Russian journalist X", "a German citizen, X".
func (d *docState) citizenBefore(c *chunk, tm []int32, mi, first int) {
	i := first - 1
	if i < 1 || !citizenNouns[c.lower(i)] || !c.sameSentence(i-1, first) {
		return
	}
	if o := d.adjectiveAt(c, tm, i-1); o >= 0 {
		d.cands.links = append(d.cands.links, linkCand{subj: mi, obj: o, predicate: graph.CitizenOf, conf: 0.75, ev: c.evidence(i-1, d.ments[mi].last)})
	}
}

// roleAfter reads an apposition: "Name, [the|a] [Country's|Demonym|Org]
// [modifiers] TITLE [of|to|for|at the X]", and "Name, a Russian citizen";
// and after a copula "Name is [the|a] [modifiers] TITLE of|to|for|at X".
// Its rule is "apposition/" and the reading of what the title is of, named
// as ofRules name them ("after" for "of|to|for|at the X").
func (d *docState) roleAfter(c *chunk, tm []int32, mi, last int, titled bool) {
	copula := copulas[c.lower(last)] // "Jackson Janes is executive director of X"
	if d.ments[mi].typ != graph.Person || c.tokText(last) != "," && !copula || !c.sameSentence(last, last+1) {
		return
	}
	k := last + 1
	switch c.lower(k) {
	case "the", "a", "an":
		k++
	}
	of, conf, ofName := -1, 0.8, noOf
	if tm[min(k, len(tm)-1)] >= 0 && k < len(c.toks) {
		o := int(tm[k])
		if om := &d.ments[o]; om.typ != graph.Person && om.first == k {
			switch {
			case isPossessive(c.tokText(om.last)):
				of, k, ofName = o, om.last+1, "possessive"
			case om.adjective:
				of, k, ofName = o, om.last, "demonym"
			case om.typ == graph.Organization:
				of, k, ofName = o, om.last, "named"
			}
		}
	} else if o := d.adjectiveAt(c, tm, k); o >= 0 {
		of, k, ofName = o, k+1, "demonym"
	}
	if citizenNouns[c.lower(k)] && of >= 0 && d.ments[of].adjective && (c.lower(k) == "citizen" || c.lower(k) == "national") {
		d.cands.links = append(d.cands.links, linkCand{subj: mi, obj: of, predicate: graph.CitizenOf, conf: 0.85, ev: c.evidence(d.ments[mi].first, k+1)})
		return
	}
	t, k, te, rankStart, past := titleAfter(c, k)
	past = past || c.lower(last) == "was" // "Hoddle was manager at Southampton": a post held once
	if te < 0 || honorifics[c.lower(k)] {
		return
	}
	// "Putin, President Trump and …" is a list, not an apposition.
	if te < len(c.toks) && isCap(c.tokText(te)) && tm[te] >= 0 && d.ments[tm[te]].typ == graph.Person {
		return
	}
	if te-1 > k && titlePreps[c.lower(te-1)] {
		te-- // "X, president of the World Bank": the title phrase's "of" is read below
	}
	evEnd := te
	to := false
	switch c.lower(te) {
	case "of", "to", "for", "at", "in":
		x := te + 1
		if c.lower(x) == "the" {
			x++
		}
		// "head of Malawi's journalists": of the journalists, not of
		// Malawi.
		// "UNHCR director for Europe": the organization named before
		// the title is what it is of, not the region after it.
		orgBefore := of >= 0 && d.ments[of].typ == graph.Organization && x < len(tm) && tm[x] >= 0 && d.ments[tm[x]].typ == graph.Place
		if c.lower(te) == "of" && nationalOffice(t.predicate) {
			d.countryBody(c, tm, mi, x)
		}
		if x < len(tm) && tm[x] >= 0 && !orgBefore && d.ments[tm[x]].typ != graph.Person && d.ments[tm[x]].first == x && !isPossessive(c.tokText(d.ments[tm[x]].last)) &&
			!departmentNouns[c.tokText(d.ments[tm[x]].last)] {
			// "Afghan Ambassador to the United States": the embassy's
			// host is what an ambassador_to relation points at.
			of, conf, ofName = int(tm[x]), toOfConfidence, toOf
			evEnd = d.ments[tm[x]].last
			to = c.lower(te) == "to"
		}
	}
	if copula && ofName != toOf {
		return // "X is president": only a title of a named body is read after a verb
	}
	if listGoesOn(c, evEnd) || titled && !copula && speechCues[c.lower(evEnd)] {
		// "… Japanese Prime Minister Yasuhiro Nakasone, a Treasury
		// spokesman said": a name already titled before it takes no
		// second title from a phrase with its own verb, a new clause
		// whose speaker it names ("Michael Lamberty, a Lufthansa
		// spokesman said" is still his title).
		return
	}
	d.ments[mi].personCue = 2
	d.cands.roles = append(d.cands.roles, roleCand{
		person: mi, title: trimTitle(c.spanText(rankStart, te)), predicate: ranked(c, rankStart, k, t.predicate), of: of, past: past, conf: conf, to: to,
		ev: c.evidence(d.ments[mi].first, evEnd), rule: [2]string{appositionRule(copula), ofName},
	})
}

// listGoesOn reports whether a list goes on at token i, after a title
// read after a name: "Bill Clinton, the King of Belgium as well as the
// French ministry" names another item of a list, not Clinton's title.
func listGoesOn(c *chunk, i int) bool {
	w := c.lower(i)
	return w == "as" && c.lower(i+1) == "well" || (w == "and" || w == "or") && (c.lower(i+1) == "the" || isCap(c.tokText(i+1)))
}

// countryBody reads the country whose body a title after a name is of,
// at token x: "Klaus Bouillon, the head of Germany's interior ministers'
// conference" is a citizen of Germany.
func (d *docState) countryBody(c *chunk, tm []int32, mi, x int) {
	if x >= len(tm) || tm[x] < 0 {
		return
	}
	if xm := &d.ments[tm[x]]; xm.first == x && isPossessive(c.tokText(xm.last)) && xm.place != nil && xm.place.Kind == gazetteer.Country {
		d.link(ruleCountryBody, "", mi, int(tm[x]), c.evidence(d.ments[mi].first, xm.last))
	}
}

// titleAfter reads "[modifiers] TITLE" from token k, after a name and
// its apposition's article: the title, its first token, the token after
// it (-1 for no title), where its rank starts ("deputy chief") and
// whether a modifier puts it in the past. One word that is no modifier
// may stand before the title: "the outspoken deputy chief of".
func titleAfter(c *chunk, k int) (t title, ts, te, rankStart int, past bool) {
	te, rankStart = -1, -1
	free := 1
	for ; te < 0; k++ {
		for n := maxTitleWords; n >= 1; n-- {
			if tt, ok := titleAt(c, k, n); ok && c.sameSentence(k, k+n-1) {
				t, te = tt, k+n
				break
			}
		}
		if te >= 0 {
			break
		}
		if !modifiers[c.lower(k)] {
			// Not a participle: "the ousted president of Egypt" holds the
			// office no more, "the elected president" may not yet.
			if free == 0 || !isWordLower(c.tokText(k)) || relStops[c.lower(k)] || copulas[c.lower(k)] || strings.HasSuffix(c.lower(k), "ed") || k == 0 || !articles[c.lower(k-1)] {
				break
			}
			free--
			continue
		}
		past = past || pastModifiers[c.lower(k)]
		if rankModifiers[c.lower(k)] && rankStart < 0 {
			rankStart = k
		} else if !rankModifiers[c.lower(k)] {
			rankStart = -1
		}
	}
	if rankStart < 0 {
		rankStart = k
	}
	return t, k, te, rankStart, past
}

// articles open an apposition: "X, the outspoken chief of Y".
var articles = set("the", "a", "an")

// appositionRule names roleAfter's reading: after a comma or a verb.
func appositionRule(copula bool) string {
	if copula {
		return "copula"
	}
	return "apposition"
}

// copulas before a title read it as the name's: "X is executive director
// of Y", "X became chairman of Y".
var copulas = set("is", "was", "became", "becomes")

// speechCues are verbs whose subject is a speaker: a person, unless the
// name is an institution's ("the Kremlin said").
var speechCues = set("said", "says", "told", "added", "asked", "insisted", "stressed", "tweeted", "wrote", "recalled")

// personNouns after a possessive say that a name is a person's: "Al
// Assad's regime", "Merkel's husband".
var personNouns = set("regime", "rule", "wife", "husband", "son", "daughter", "father", "mother", "brother",
	"sister", "family", "resignation", "successor", "predecessor", "loyalists", "widow", "lawyer", "lawyers", "aides", "aide")

// readCues notes what the context of each name of the window says of its
// type, for resolution to weigh against the tagger: "Al Assad said", "a
// meeting with Bashar Al Assad", "between Putin and Merkel".
func (d *docState) readCues(c *chunk, tm []int32) {
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		if m.adjective || m.key != "" || m.personCue > 0 || m.typ == graph.Place && m.place != nil && m.place.Kind == gazetteer.Country {
			continue
		}
		orgLike := knownOrgs[lowerKey(m.name)] || isAllUpper(m.name) || anyOrgWord(strings.Fields(graph.NameKey(m.name)))
		next := c.lower(m.last)
		if m.typ == graph.Person && workContext(c, m.first, m.last) {
			m.work = true
			continue
		}
		if m.place == nil && d.orgContext(c, tm, m.first, m.last) {
			m.orgCue = 2 // as strong as a title is for a person
			continue
		}
		switch {
		case orgLike:
		case speechCues[next]:
			m.personCue = 0.15
		case next == "family" || isPossessive(c.tokText(m.last)) && personNouns[c.lower(m.last+1)]:
			m.personCue = 0.5
		case c.lower(m.first-1) == "with" || c.lower(m.first-1) == "between":
			if _, ok := triggers[c.lower(m.first-2)]; ok && meetingLike[triggers[c.lower(m.first-2)]] {
				m.personCue = 0.5
			}
		case c.lower(m.first-1) == "and" && m.first >= 2 && tm[m.first-2] >= 0 && c.lower(d.ments[tm[m.first-2]].first-1) == "between":
			m.personCue = 0.5
		}
	}
}

// orgContext reports whether the words around tokens [f, l) say that
// they name an organization: "shares in X", "X shares fell", "X's
// profits", "analyst at X", "director of X", "firm X", and a person's
// affiliation, "Brian Taylor of X" (a place there is read before).
func (d *docState) orgContext(c *chunk, tm []int32, f, l int) bool {
	before, after := c.lower(f-1), c.lower(l)
	switch {
	case companyDescriptors[before] && !isCap(c.tokText(f-1)) && !relativeClause(c, f, l):
		return true // "analyst firm Gartner", "retailer Morrisons"
	case before == "of" && f >= 2 && tm[f-2] >= 0 && d.ments[tm[f-2]].typ == graph.Person && d.ments[tm[f-2]].last == f-1 &&
		tm[f] >= 0 && d.ments[tm[f]].typ != graph.Place:
		return true // "Brian Taylor of Wells Fargo", not "Jane Smith of Little Snoring"
	case (before == "in" || before == "of") && stakeNouns[c.lower(f-2)]:
		return true
	case stakeNouns[after] && after != "stake" && marketVerbs[c.lower(l+1)]:
		return true // "Ericsson shares fell", not "Beyonce shares a photo"
	case isPossessive(c.tokText(l)) && companyNouns[c.lower(l+1)]:
		return true
	case before == "at" && f >= 2 && (titleEndsAt(c, f-2) || workerNouns[c.lower(f-2)]):
		return true
	case before == "of" && f >= 2 && companyTitleEndsAt(c, f-2):
		return true
	}
	return false
}

// relativeClause reports whether the name at [f, l) opens a relative
// clause after an article and a noun: "the company Bill Gates founded".
func relativeClause(c *chunk, f, l int) bool {
	art := c.lower(f - 2)
	return (art == "the" || art == "a" || art == "an") && isWordLower(c.tokText(l)) && !speechCues[c.lower(l)]
}

// companyDescriptors are nouns written before a company's name: "analyst
// firm Gartner", "retailer Morrisons" (not "broker", "rival", "publisher"
// or "carrier", which come before people and ships too).
var companyDescriptors = set("firm", "company", "retailer", "group", "giant", "maker", "insurer", "airline", "chain",
	"startup", "start-up", "manufacturer", "supermarket", "conglomerate", "subsidiary", "lender", "bank", "automaker",
	"carmaker")

// stakeNouns are what one holds in a company: "shares in X", "X shares".
var stakeNouns = set("shares", "stake", "stock", "shareholders", "shareholding")

// companyNouns after a possessive say that a name is a company's: "X's
// profits", "X's shareholders" (a person has a spokesman and a chief of
// staff too).
var companyNouns = set("shares", "shareholders", "profit", "profits", "revenue", "revenues", "earnings",
	"subsidiary", "subsidiaries", "ceo", "headquarters", "customers", "products", "stock", "takeover", "factory",
	"plant", "plants")

// marketVerbs follow "X shares" when X is a company: "Ericsson shares fell".
var marketVerbs = set("fell", "rose", "gained", "lost", "closed", "dropped", "jumped", "slipped", "climbed", "surged",
	"slumped", "tumbled", "plunged", "soared", "were", "have", "had", "ended", "opened", "traded", "rallied", "eased")

// workerNouns are jobs held at an organization: "an analyst at Gartner".
var workerNouns = set("analyst", "analysts", "researcher", "researchers", "economist", "economists", "engineer",
	"engineers", "employee", "employees", "executive", "executives", "staff", "worker", "workers", "scientist")

// companyTitleEndsAt reports whether a title that only an organization
// has ends at token i: "chief executive of X", "chairman of X",
// "director of X", "spokesman for X" is read by the caller's "of".
func companyTitleEndsAt(c *chunk, i int) bool {
	switch c.lower(i) {
	case "executive", "ceo", "chairman", "chairwoman", "director", "founder", "co-founder", "shareholder", "owner", "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return false
}

// personLike reports whether a name could be a person's: not an acronym,
// no organization word.
func personLike(name string) bool {
	return !isAllUpper(name) && !anyOrgWord(strings.Fields(graph.NameKey(name)))
}

// trimTitle drops the preposition that a title phrase can end in:
// "president of" StreamCast Networks is a president.
func trimTitle(t string) string {
	for _, p := range []string{" of", " for", " to", " at"} {
		if len(t) > len(p) && strings.EqualFold(t[len(t)-len(p):], p) {
			return t[:len(t)-len(p)]
		}
	}
	return t
}
