package extract

// Document-level relation rules: what facts already read, and the
// document's own country, say about the names it leaves unqualified.

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// nationalOffice reports whether a position predicate of a country makes
// its holder a citizen: offices of state, government and diplomacy, not
// a company's ("Hong Kong director"), an embassy's host, nor a national
// team's coach ("Italy coach John Kirwan" is a New Zealander).
func nationalOffice(pred string) bool {
	return pred != "" && pred != "ambassador_to" && !orgPosition(pred) && pred != graph.EmployeeOf && !teamPosition(pred)
}

// teamPosition reports whether a position is a sports team's staff, which
// clubs and countries hire from abroad.
func teamPosition(pred string) bool {
	for _, suf := range []string{"coach_of", "manager_of", "trainer_of", "boss_of"} {
		if strings.HasSuffix(pred, suf) {
			return true
		}
	}
	return false
}

// officeCitizen adds citizen_of for a national office held of a country:
// "German Chancellor Angela Merkel" is German.
func (d *docState) officeCitizen(rb *relations, r *roleCand, p, of *graph.Entity) {
	if r.of < 0 || !nationalOffice(r.predicate) || r.to {
		return
	}
	if pl := d.ments[r.of].place; pl == nil || pl.Kind != gazetteer.Country || of.Type != graph.Place {
		return
	}
	d.addRule(rb, ruleNationalOffice, "", p.ID, of.ID, "", r.ev)
}

// inferCitizens adds citizen_of for a person who is a member of, or holds
// a position in, an organization the document places in a country, when
// nothing else gives the person a nationality: a member of the German
// Bundestag, a spokesman of the Nigerian army. Only an organization whose
// nationality the document reads (national: "the German Bundestag", a
// national institution, a domestic party) makes citizens; one placed by
// its seat or a town in its name does not (a student of the University of
// Texas, an employee of the Paris-based OECD may come from anywhere).
func (d *docState) inferCitizens(rb *relations, countries, national map[string]bool) {
	orgCountry := map[string]string{}
	hasCitizen := map[string]bool{}
	for _, r := range rb.rels {
		switch {
		case r.Predicate == graph.BasedIn && countries[r.Object] && national[r.Subject]:
			if _, ok := orgCountry[r.Subject]; ok && orgCountry[r.Subject] != r.Object {
				orgCountry[r.Subject] = "" // two countries: none
			} else {
				orgCountry[r.Subject] = r.Object
			}
		case r.Predicate == graph.CitizenOf:
			hasCitizen[r.Subject] = true
		}
	}
	n := len(rb.rels)
	for i := 0; i < n; i++ {
		r := rb.rels[i]
		c := orgCountry[r.Object]
		if c == "" || hasCitizen[r.Subject] || !strings.HasPrefix(r.Subject, "person/") || !affiliation(r.Predicate) {
			continue
		}
		hasCitizen[r.Subject] = true
		d.addRule(rb, ruleInstitution, "", r.Subject, c, "", r.Evidence[0])
	}
}

// ruleOfficeMember: whoever holds a post in an organization, or plays or
// coaches for it, belongs to it (schema.org memberOf): "UNHCR director
// Vincent Cochetel", "Bayern coach Pep Guardiola".
var ruleOfficeMember = relRule{"office_member", graph.MemberOf, 0.7}

// inferMembers adds member_of for a person who holds a position in an
// organization, plays or coaches for it, and has no membership of it yet.
func (d *docState) inferMembers(rb *relations) {
	member := map[[2]string]bool{}
	for _, r := range rb.rels {
		if r.Predicate == graph.MemberOf {
			member[[2]string{r.Subject, r.Object}] = true
		}
	}
	n := len(rb.rels)
	for i := 0; i < n; i++ {
		r := rb.rels[i]
		k := [2]string{r.Subject, r.Object}
		if member[k] || !strings.HasPrefix(r.Subject, "person/") || !strings.HasPrefix(r.Object, "organization/") || !officeMember(r.Predicate) {
			continue
		}
		member[k] = true
		d.addRule(rb, ruleOfficeMember, "", r.Subject, r.Object, "", r.Evidence[0])
	}
}

// officeMember reports whether a predicate of a person to an organization
// makes the person one of its members: a post in it or a place in its
// team, not an outsider's relation to it (an ambassador, envoy or
// correspondent to it, its founder), nor a job alone ("an analyst at
// Deutsche Bank" works for it; DWIE would call that membership too).
func officeMember(pred string) bool {
	if strings.HasPrefix(pred, "former_") {
		return false // a former coach is no member now
	}
	switch pred {
	case graph.PlayerOf, graph.CoachOf:
		return true
	case graph.EmployeeOf, graph.FounderOf, graph.PartOf, "ambassador_of", "ambassador_to", "envoy_of", "correspondent_of", "adviser_of", "advisor_of":
		return false
	}
	return affiliation(pred)
}

// affiliation reports whether a predicate ties a person to an
// organization: a membership, a job, a position.
func affiliation(pred string) bool {
	switch pred {
	case graph.LocatedIn, graph.Met, graph.ParticipantIn, graph.CitizenOf, graph.MentionedWith, graph.BasedIn,
		graph.PartOf, "ambassador_to":
		return false
	}
	return true
}

// countryIDs returns the IDs of the entities that are countries.
func countryIDs(placeOf map[*graph.Entity]*gazetteer.Place) map[string]bool {
	out := map[string]bool{}
	for e, p := range placeOf {
		if p.Kind == gazetteer.Country {
			out[e.ID] = true
		}
	}
	return out
}

// Document-level readings: what the document's own country, and the
// country of a national institution, say about the names it leaves
// unqualified ("President Mahinda Rajapaksa", "the Bundestag").
var (
	ruleInstitutionCountry = relRule{"institution_country", graph.BasedIn, 0.8} // the Bundestag is German
	ruleDomesticOffice     = relRule{"domestic_office", "", 0.55}               // "Prime Minister X" in a story about one country
	ruleNameCountry        = relRule{"name_country", graph.BasedIn, 0.7}        // "the German Football Association"
	ruleNamePlace          = relRule{"name_place", graph.BasedIn, 0.7}          // "University of Sheffield", "Libya Herald"
	ruleDomesticParty      = relRule{"domestic_party", graph.BasedIn, 0.55}     // "the Radical Party" in a story about Ukraine
	ruleDomesticPlace      = relRule{"domestic_place", graph.LocatedIn, 0.5}    // "Addis Zemen" in an entry about Ethiopia
	// "University College Hospital" in a story about the United Kingdom.
	ruleDomesticInstitution = relRule{"domestic_institution", graph.BasedIn, 0.5}
	ruleDomesticCitizen     = relRule{"domestic_office_citizen", graph.CitizenOf, 0.55}
)

// institutions are national bodies that news names without their
// country: the country's ISO code by name key.
var institutions = map[string]string{
	"bundestag": "DE", "bundesrat": "DE", "bundeswehr": "DE", "bundesbank": "DE", "bundesliga": "DE",
	"white house": "US", "pentagon": "US", "state department": "US", "fbi": "US", "cia": "US", "nasa": "US",
	"federal reserve": "US", "fed": "US", "house of representatives": "US", "us congress": "US", "wall street": "US",
	"kremlin": "RU", "duma": "RU", "state duma": "RU", "fsb": "RU", "gazprom": "RU",
	"downing street": "GB", "house of commons": "GB", "house of lords": "GB", "bank of england": "GB", "nhs": "GB",
	"mi5": "GB", "mi6": "GB", "scotland yard": "GB", "whitehall": "GB",
	"elysee": "FR", "élysée": "FR", "elysee palace": "FR", "national assembly": "", "knesset": "IL", "idf": "IL",
	"mossad": "IL", "shin bet": "IL", "lok sabha": "IN", "rajya sabha": "IN", "bjp": "IN", "rada": "UA",
	"verkhovna rada": "UA", "sejm": "PL", "storting": "NO", "riksdag": "SE", "folketing": "DK", "cortes": "ES",
	"quai d'orsay": "FR", "zhongnanhai": "CN", "xinhua": "CN", "pla": "CN", "isi": "PK", "majlis": "IR",
	"revolutionary guards": "IR", "irgc": "IR", "hezbollah": "LB", "hamas": "PS", "taliban": "AF", "cdu": "DE",
	"spd": "DE", "csu": "DE", "fdp": "DE", "afd": "DE", "die linke": "DE", "ukip": "GB", "snp": "GB", "tories": "GB",
	"labour party": "GB", "conservative party": "GB", "liberal democrats": "GB", "lib dems": "GB", "anc": "ZA",
}

// institutionName reports whether a lower-case name is a national
// institution's (institutions), after a nationality word if any: "the
// Bundestag", "German Bundestag". The name of a street that stands for an
// institution ("Wall Street") is not one: it is a place too.
func (d *docState) institutionName(lk string) bool {
	lk = strings.TrimPrefix(lk, "the ")
	if first, rest, ok := strings.Cut(lk, " "); ok {
		if _, dem := d.x.gaz.Demonym(first); dem {
			lk = rest
		}
	}
	_, ok := institutions[lk]
	return ok && !strings.HasSuffix(lk, " street") && lk != "whitehall"
}

// domesticOffices are the offices a story names without their country
// when the country is its own: "President X", "Defense Minister Y".
func domesticOffice(pred string) bool {
	switch pred {
	case "president_of", "prime_minister_of", "chancellor_of", "king_of", "queen_of", "emir_of", "sultan_of",
		"secretary_of_state_of", "home_secretary_of", "attorney_general_of":
		return true
	}
	return strings.HasSuffix(pred, "minister_of") && !strings.HasPrefix(pred, "chief_")
}

// countryLead is the country a document names most (nationality words
// included), how often, and how often the next one.
type countryLead struct {
	best          *graph.Entity
	first, second int
}

// mostNamedCountry counts the document's mentions of each country it
// names, and of the towns and regions of each: a story that names Munich,
// Hanover and Kassel is about Germany even when it names Germany once.
func (d *docState) mostNamedCountry(entOf []*graph.Entity, byCode map[string]*graph.Entity) countryLead {
	count := map[*graph.Entity]int{}
	for mi := range d.ments {
		e, m := entOf[mi], &d.ments[mi]
		if e == nil || m.place == nil {
			continue
		}
		if m.place.Kind == gazetteer.Country {
			count[e]++
		} else if c := byCode[m.place.CountryCode]; c != nil && e.Type == graph.Place {
			count[c]++
		}
	}
	var l countryLead
	for e, n := range count {
		switch {
		case n > l.first || n == l.first && l.best != nil && e.ID < l.best.ID:
			l.best, l.first, l.second = e, n, max(l.first, l.second)
		case n > l.second:
			l.second = n
		}
	}
	return l
}

// home returns the document's own country: the one it names most, if
// named at least three times and twice as often as any other; nil
// otherwise.
func (l countryLead) home() *graph.Entity {
	if l.first < 3 || l.first < 2*l.second {
		return nil
	}
	return l.best
}

// lead returns the country the document names most if named at least
// twice and more often than any other, nil otherwise: a weaker reading
// than home, for the offices a story leaves unqualified.
func (l countryLead) lead() *graph.Entity {
	if l.first < 2 || l.first == l.second {
		return nil
	}
	return l.best
}

// domesticFacts adds the document-level readings: the country of a
// national institution the document names, and, in a story about one
// country, the country of the offices and parties it leaves unqualified.
// It adds to national the organizations whose nationality it read (a
// national institution, a nationality in the name, a domestic party).
func (d *docState) domesticFacts(rb *relations, entOf []*graph.Entity, placeOf map[*graph.Entity]*gazetteer.Place, national map[string]bool) {
	byCode := map[string]*graph.Entity{}
	placeByID := make(map[string]*gazetteer.Place, len(placeOf))
	for e, p := range placeOf {
		placeByID[e.ID] = p
		if p.Kind == gazetteer.Country {
			byCode[p.CountryCode] = e
		}
	}
	countries := d.mostNamedCountry(entOf, byCode)
	home := countries.home()
	based := rb.subjectsOf(graph.BasedIn)
	seen := map[*graph.Entity]bool{}
	for mi := range d.ments {
		e := entOf[mi]
		if e == nil || e.Type != graph.Organization || seen[e] || based[e.ID] {
			continue
		}
		seen[e] = true
		ev := d.ments[mi].evidence(d.doc.ID)
		cc := institutions[graph.NameKey(e.Name)]
		if cc != "" && byCode[cc] == nil {
			continue // Britain's Labour Party in a story about Iraq that never names Britain
		}
		if c := byCode[cc]; c != nil {
			d.addRule(rb, ruleInstitutionCountry, "", e.ID, c.ID, "", ev)
			national[e.ID] = true
		} else if c := byCode[d.nameCountry(e.Name)]; c != nil {
			d.addRule(rb, ruleNameCountry, "", e.ID, c.ID, "", ev)
			national[e.ID] = true
		} else if c := byCode[d.namePlace(e.Name)]; c != nil {
			d.addRule(rb, ruleNamePlace, "", e.ID, c.ID, "", ev)
		} else if home != nil && d.domesticParty(e.Name) {
			d.addRule(rb, ruleDomesticParty, "", e.ID, home.ID, "", ev)
			national[e.ID] = true
		} else if home != nil && domesticBody(e.Name) && !international(e.Name) && d.nameForeign(e.Name, placeByID[home.ID]) == "" {
			d.addRule(rb, ruleDomesticInstitution, "", e.ID, home.ID, "", ev)
		}
	}
	d.localOfficeCitizens(rb, placeByID, byCode)
	d.townCountries(rb, placeByID, byCode)
	d.domesticOffices(rb, entOf, placeOf, byCode, countries.lead())
	if home == nil {
		return
	}
	homePlace := placeOf[home]
	located := rb.subjectsOf(graph.LocatedIn)
	locative := map[*graph.Entity]bool{}
	for mi := range d.ments {
		if d.ments[mi].locative && entOf[mi] != nil {
			locative[entOf[mi]] = true
		}
	}
	for mi := range d.ments {
		e := entOf[mi]
		if e == nil || e.Type != graph.Place || e == home || seen[e] || located[e.ID] || d.ments[mi].adjective || !locative[e] && !naturalFeature(e.Name) {
			continue
		}
		seen[e] = true
		if p := placeOf[e]; p != nil && (p.Kind == gazetteer.Country || homePlace == nil || p.CountryCode != homePlace.CountryCode) {
			continue // a country, or a known place of another country
		}
		if p := d.stemPlace(e.Name); p != nil && homePlace != nil && p.CountryCode != homePlace.CountryCode {
			continue // "Sichuan Province", "Guantanamo Bay": a known place of another country
		}
		if k := strings.TrimPrefix(graph.NameKey(e.Name), "the "); worldRegions[k] || formerCountries[k] || regionWords[lastWord(k)] || languageNames[k] || agencies[k] || knownOrgs[k] || institutions[k] != "" {
			continue // "Europe", "the Middle East", "AFP": in no country
		}
		d.addRule(rb, ruleDomesticPlace, "", e.ID, home.ID, "", d.ments[mi].evidence(d.doc.ID))
	}
}

// ruleLocalOffice: the holder of a public office of a town or region is
// a citizen of its country ("Zug's mayor, Dolfi Müller", "the governor
// of Tamaulipas").
var ruleLocalOffice = relRule{"local_office_citizen", graph.CitizenOf, 0.7}

// localOfficeCitizens adds citizen_of for the holders of public offices
// of a town or region of a country the document names, when nothing else
// gives them a nationality.
func (d *docState) localOfficeCitizens(rb *relations, placeByID map[string]*gazetteer.Place, byCode map[string]*graph.Entity) {
	hasCitizen := rb.subjectsOf(graph.CitizenOf)
	n := len(rb.rels)
	for i := 0; i < n; i++ {
		r := rb.rels[i]
		p := placeByID[r.Object]
		if p == nil || p.Kind == gazetteer.Country || hasCitizen[r.Subject] || !strings.HasPrefix(r.Subject, "person/") || !publicOffice(r.Predicate) {
			continue
		}
		if c := byCode[p.CountryCode]; c != nil {
			hasCitizen[r.Subject] = true
			d.addRule(rb, ruleLocalOffice, "", r.Subject, c.ID, "", r.Evidence[0])
		}
	}
}

// ruleTownCountry: what is based or located in a town or region is based
// or located in the country the town is in.
var ruleTownCountry = relRule{"town_country", "", 0.8}

// townCountries adds, for an organization based in a town or region, or
// a place located in one, the same relation to the country that contains
// the town, by the gazetteer or by a located_in the document states, when
// the document names the country ("the Friedrich Ebert Foundation in
// Bamako" is in Mali; "Brookston, Saint Louis County, Minnesota, United
// States"). The confidence is that of the weaker link, at most 0.8.
func (d *docState) townCountries(rb *relations, placeByID map[string]*gazetteer.Place, byCode map[string]*graph.Entity) {
	isCountry := func(id string) bool { p := placeByID[id]; return p != nil && p.Kind == gazetteer.Country }
	country := map[string]*graph.Relation{} // place ID -> its located_in of a country
	for _, r := range rb.rels {
		if r.Predicate == graph.LocatedIn && isCountry(r.Object) && !isCountry(r.Subject) && country[r.Subject] == nil {
			country[r.Subject] = r
		}
	}
	// A chain of towns and regions reaches its country in as many steps
	// as it has links; four cover "village, district, county, region".
	for step := 0; step < 4; step++ {
		added := false
		n := len(rb.rels)
		for i := 0; i < n; i++ {
			r := rb.rels[i]
			if r.Predicate != graph.BasedIn && r.Predicate != graph.LocatedIn || isCountry(r.Object) || isCountry(r.Subject) {
				continue
			}
			var c string
			conf := r.Confidence
			if via := country[r.Object]; via != nil {
				c, conf = via.Object, min(conf, via.Confidence)
			} else if p := placeByID[r.Object]; p != nil && byCode[p.CountryCode] != nil {
				c = byCode[p.CountryCode].ID
			}
			if c == "" || c == r.Subject || rb.has(r.Subject, r.Predicate, c) {
				continue
			}
			rb.add(r.Subject, r.Predicate, c, "", false, min(conf, ruleTownCountry.conf), r.Evidence[0])
			if d.x.explain {
				rb.explain(r.Subject, r.Predicate, c, ruleTownCountry.name)
			}
			if r.Predicate == graph.LocatedIn && country[r.Subject] == nil {
				country[r.Subject] = rb.rels[len(rb.rels)-1]
			}
			added = true
		}
		if !added {
			break
		}
	}
}

// publicOffice reports whether a position predicate is an elected or
// appointed public office of a town or region (not a company's director
// for a region: "UNHCR director for Europe").
func publicOffice(pred string) bool {
	switch pred {
	case "mayor_of", "governor_of", "premier_of", "president_of", "prime_minister_of", "deputy_mayor_of", "lord_mayor_of":
		return true
	}
	return strings.HasSuffix(pred, "minister_of") && !strings.HasPrefix(pred, "chief_")
}

// domesticOffices gives the holders of offices named without their
// country ("President Mahinda Rajapaksa", "former Prime Minister Benazir
// Bhutto") the country the story ties them to (officeCountry): the office
// for a current holder, the citizenship for every holder.
func (d *docState) domesticOffices(rb *relations, entOf []*graph.Entity, placeOf map[*graph.Entity]*gazetteer.Place, byCode map[string]*graph.Entity, home *graph.Entity) {
	var named map[int][]string // countries by sentence, read once
	inst := d.institutionCountries(entOf)
	for _, r := range d.cands.roles {
		p := entOf[r.person]
		if p == nil || p.Type != graph.Person || r.of >= 0 || !domesticOffice(r.predicate) || !isCap(r.title) {
			continue // "president Lee Scott" heads a company
		}
		c := d.officeCountry(rb, entOf, p, home)
		if named == nil {
			named = d.sentenceCountries()
		}
		if c != nil && c == home && placeOf[c] != nil && !rb.hasSubject(p.ID, graph.CitizenOf) {
			if x := institutionOffice(inst, placeOf[c].CountryCode, r.predicate, byCode); x != nil {
				// "Deputy Prime Minister John Prescott" in a story about
				// Iraq that names Downing Street and the Commons.
				c = x
			}
		}
		if c != nil && c == home && placeOf[c] != nil && foreignIn(named[r.ev.Sentence], placeOf[c].CountryCode) {
			// "President Bush is to send the bill to the US Congress"
			// in a story about Iraq: the sentence names another country.
			c = nil
		}
		holders := officeHolders(r.predicate, r.title)
		if c == nil || placeOf[c] == nil || !officeOf(r.predicate, placeOf[c].CountryCode) || holders != nil && !slices.Contains(holders, placeOf[c].CountryCode) {
			// "Chancellor Angela Merkel" in a story about Greece: the one
			// country named that has the office, if the office is rare.
			if c = onlyCountryWith(holders, placeOf); c == nil {
				continue
			}
		}
		if !r.past {
			d.addRule(rb, ruleDomesticOffice, r.predicate, p.ID, c.ID, r.title, r.ev)
		}
		d.addRule(rb, ruleDomesticCitizen, "", p.ID, c.ID, "", r.ev)
	}
}

// institutionCountries returns the ISO codes of the countries whose
// national institutions (institutions) the document names: "Downing
// Street", "the Bundestag", "the White House".
func (d *docState) institutionCountries(entOf []*graph.Entity) map[string]bool {
	out := map[string]bool{}
	for _, e := range entOf {
		if e == nil || e.Type != graph.Organization {
			continue
		}
		if k := strings.TrimPrefix(graph.NameKey(e.Name), "the "); institutions[k] != "" && !armedMovements[k] {
			out[institutions[k]] = true
		}
	}
	return out
}

// armedMovements are the institutions of a country that are no part of
// its state: a story that names the Taliban is about Afghanistan, but its
// unqualified president need not be Afghan.
var armedMovements = set("taliban", "hamas", "hezbollah", "irgc", "revolutionary guards")

// institutionOffice returns the country an unqualified office belongs to
// when the story's own country (lead) names none of its institutions and
// exactly one other country whose institutions it names has the office:
// the story is about Iraq, its people are British. Nil otherwise.
func institutionOffice(inst map[string]bool, lead, pred string, byCode map[string]*graph.Entity) *graph.Entity {
	if inst[lead] {
		return nil
	}
	var only string
	for cc := range inst {
		if !officeOf(pred, cc) || only != "" {
			if officeOf(pred, cc) {
				return nil // two candidates
			}
			continue
		}
		only = cc
	}
	if only == "" {
		return nil
	}
	return byCode[only]
}

// sentenceCountries returns, by sentence, the codes of the countries
// each names outside a locative ("the summit in Chile" does not count)
// by name or adjective. Towns do not count: a name the tagger took for a
// small town abroad ("the Ifo index") would count too.
func (d *docState) sentenceCountries() map[int][]string {
	out := map[int][]string{}
	for i := range d.ments {
		if m := &d.ments[i]; m.typ == graph.Place && !m.locative && m.place != nil && m.place.Kind == gazetteer.Country {
			out[m.Sentence] = append(out[m.Sentence], m.place.CountryCode)
		}
	}
	return out
}

// foreignIn reports whether a sentence's countries (sentenceCountries)
// include one other than cc: there the story's country is no safe guess
// for what the sentence leaves unqualified.
func foreignIn(countries []string, cc string) bool {
	return slices.ContainsFunc(countries, func(c string) bool { return c != cc })
}

// nationalTitles are offices that only some countries have, by the ISO
// codes of those countries: an unqualified "Secretary of State John Kerry"
// in a story about Indonesia is no Indonesian minister.
var nationalTitles = map[string][]string{
	"secretary_of_state_of": {"US", "GB", "VA"}, "chancellor_of": {"DE", "AT", "GB"}, "home_secretary_of": {"GB"},
	"attorney_general_of": {"US", "GB", "AU", "IE", "IN", "CA", "NZ", "ZA", "KE", "NG", "GH", "JM", "PH"},
	"emir_of":             {"QA", "KW", "AE"}, "sultan_of": {"OM", "BN", "MY"},
}

// officeHolders returns the countries that have an office, by the words
// of its title ("Foreign Secretary" is British) or its predicate
// (nationalTitles); nil when any country may have it.
func officeHolders(pred, title string) []string {
	if cs, ok := titleHolders[strings.ToLower(trimTitleModifiers(title))]; ok {
		return cs
	}
	return nationalTitles[pred]
}

// titleHolders are the countries whose offices bear a title, for titles
// that only some countries use: "Foreign Secretary Jack Straw" in a story
// about Indonesia is Britain's.
var titleHolders = map[string][]string{
	"foreign secretary": {"GB"}, "home secretary": {"GB"}, "defence secretary": {"GB", "US"},
	"defense secretary": {"US"}, "chancellor of the exchequer": {"GB"}, "culture secretary": {"GB"},
	"health secretary": {"GB", "US"}, "education secretary": {"GB", "US"}, "trade secretary": {"GB"},
	"environment secretary": {"GB"}, "transport secretary": {"GB", "US"}, "work and pensions secretary": {"GB"},
	"northern ireland secretary": {"GB"}, "scottish secretary": {"GB"}, "welsh secretary": {"GB"},
	"first minister": {"GB", "CA", "AU"}, "taoiseach": {"IE"},
}

// trimTitleModifiers drops the modifiers that open a title ("former",
// "deputy"): what remains names the office.
func trimTitleModifiers(title string) string {
	words := strings.Fields(title)
	for len(words) > 1 && modifiers[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// onlyCountryWith returns the one country of placeOf among cs, the
// countries that have an office; nil if none or several, or if cs is nil.
func onlyCountryWith(cs []string, placeOf map[*graph.Entity]*gazetteer.Place) *graph.Entity {
	if cs == nil {
		return nil
	}
	var only *graph.Entity
	for e, p := range placeOf {
		if p.Kind != gazetteer.Country || !slices.Contains(cs, p.CountryCode) {
			continue
		}
		if only != nil {
			return nil
		}
		only = e
	}
	return only
}

// officeOf reports whether the country with ISO code cc has the office
// of predicate pred: not if withoutOffice lists it for the office, and
// for a rare office only if nationalTitles lists it; otherwise yes.
func officeOf(pred, cc string) bool {
	if slices.Contains(withoutOffice[pred], cc) {
		return false
	}
	cs, ok := nationalTitles[pred]
	return !ok || slices.Contains(cs, cc)
}

// withoutOffice lists, for the common national offices, the countries
// much in the news that have no such office: "President Bush" in a story
// about the United Kingdom is not its president, nor "Prime Minister
// Tony Blair" in one about the United States its prime minister.
var withoutOffice = map[string][]string{
	"president_of": {"GB", "JP", "CA", "AU", "NZ", "ES", "NL", "BE", "SE", "NO", "DK", "TH", "MY", "SA", "JO", "MA",
		"KW", "QA", "AE", "BH", "OM", "LU", "LI", "MC", "VA", "BN"},
	"prime_minister_of": {"US", "BR", "MX", "AR", "CL", "CO", "PE", "VE", "ID", "PH", "NG", "ZA", "AF", "IR", "KE",
		"GH", "CH", "SA", "CY"},
	"chancellor_of": {"US", "FR", "RU", "CN"},
}

// officeCountry returns the country of an office that person p holds
// without a country named beside the title: the one country whose
// citizen another reading made p ("the Pakistani leader"), or else the
// story's home country; nil when neither says.
func (d *docState) officeCountry(rb *relations, entOf []*graph.Entity, p, home *graph.Entity) *graph.Entity {
	var c string
	for _, r := range rb.rels {
		if r.Subject == p.ID && r.Predicate == graph.CitizenOf {
			if c != "" && c != r.Object {
				return nil // two nationalities: which office is unclear
			}
			c = r.Object
		}
	}
	if c == "" {
		return home
	}
	for _, e := range entOf {
		if e != nil && e.ID == c {
			return e
		}
	}
	return nil
}

// domesticWords mark a party or parliament of the story's country;
// international words ("European", "World") and a nationality in the name
// ("German parliament") say it may be another's.
var domesticWords = set("party", "parliament", "congress", "senate", "assembly", "greens", "democrats", "republicans",
	"conservatives", "labour", "liberals", "socialists", "front", "movement", "bloc", "coalition", "cabinet", "government")

var internationalWords = set("european", "international", "world", "nations", "african", "arab", "global", "islamic",
	"union", "asian", "atlantic", "eu", "un", "nato")

// domesticParty reports whether a name is a party's, parliament's or
// government's that a story names without its country.
func (d *docState) domesticParty(name string) bool {
	dom := false
	for _, w := range strings.Fields(graph.NameKey(name)) {
		if _, ok := d.x.gaz.Demonym(w); ok || internationalWords[w] {
			return false
		}
		dom = dom || domesticWords[w]
	}
	return dom
}

// domesticBodies are the words of institutions that a story about one
// country names when they are its own: its schools, courts, ministries
// and hospitals. Councils, associations, societies and think tanks are
// quoted from abroad as often ("Ray Takeyh of the Council on Foreign
// Relations" in a story about Iran).
var domesticBodies = set("university", "college", "school", "academy", "hospital", "clinic", "court", "ministry",
	"department", "parliament", "assembly", "museum", "library", "theatre", "theater", "police", "cathedral",
	"mosque", "observatory", "zoo", "gallery", "orchestra")

// domesticBody reports whether a name is one of domesticBodies'.
func domesticBody(name string) bool {
	for _, w := range strings.Fields(graph.NameKey(name)) {
		if domesticBodies[w] {
			return true
		}
	}
	return false
}

// nameForeign returns the code of a country other than home's that an
// organization's name names by a nationality word or a place ("the
// Chinese Academy of Sciences" in a story about Britain), "" for none.
func (d *docState) nameForeign(name string, home *gazetteer.Place) string {
	for _, cc := range []string{d.nameCountry(name), d.namedPlace(name, minForeignPopulation, true)} {
		if cc != "" && (home == nil || cc != home.CountryCode) {
			return cc
		}
	}
	return ""
}

// minForeignPopulation is the size of a town whose name in an
// institution's name says that it is not in the story's country:
// "Loughborough University" in a story about Japan.
const minForeignPopulation = 20000

// nameCountry returns the code of the country whose nationality word is
// in a name ("German Football Association", "Royal Canadian Air Force"),
// the first if several, "" for none.
func (d *docState) nameCountry(name string) string {
	words := strings.Fields(name)
	for _, w := range words {
		if cc := nativeNationality[graph.NameKey(w)]; cc != "" && len(words) > 1 && isCap(w) {
			return cc // "Deutsche Welle": no English words around it
		}
	}
	if len(words) == 2 && !orgHeads[graph.NameKey(words[1])] {
		return "" // "British Tolkien fans", "US TV": a nationality before a word, not a body's name
	}
	for i, w := range words {
		if i+2 < len(words) && isCap(w) {
			if p, ok := d.x.gaz.Demonym(w + " " + words[i+1]); ok {
				return p.CountryCode // "North Korean Foreign Ministry", "South African Reserve Bank"
			}
		}
		if p, ok := d.x.gaz.Demonym(w); ok && len(words) > 1 && isCap(w) && !ambiguousDemonyms[graph.NameKey(w)] {
			return p.CountryCode
		}
	}
	return ""
}

// nativeNationality holds the nationality words and country names that
// organizations keep in their own language ("Deutsche Welle", "Bitcoin
// Suisse", "Redaktionsnetzwerk Deutschland"), which the English
// gazetteer does not know: the country's ISO code by word.
var nativeNationality = map[string]string{
	"deutsche": "DE", "deutscher": "DE", "deutsches": "DE", "deutschen": "DE", "deutschland": "DE",
	"suisse": "CH", "schweizer": "CH", "schweizerische": "CH", "schweiz": "CH", "svizzera": "CH",
	"française": "FR", "francaise": "FR", "français": "FR", "francais": "FR",
	"italiana": "IT", "italiano": "IT", "italia": "IT", "española": "ES", "espanola": "ES", "español": "ES",
	"espanol": "ES", "españa": "ES", "nederlandse": "NL", "nederland": "NL", "polska": "PL", "polskie": "PL",
	"österreichische": "AT", "österreich": "AT", "svenska": "SE", "sverige": "SE", "norske": "NO", "norge": "NO",
	"danske": "DK", "danmark": "DK", "nippon": "JP", "brasil": "BR", "brasileira": "BR", "türkiye": "TR",
}

// minNamePopulation is the size of a town whose name in an organization's
// name places it there: "University of Sheffield", not "Victims Support
// Europe" (a hamlet named Support).
const minNamePopulation = 100000

// namePlace returns the code of the country of a country or city that
// opens an organization's name or follows "of" in it ("University of
// Sheffield", "Export-Import Bank of China", "Seoul Central District
// Court"), "" for none or for an international body's name.
func (d *docState) namePlace(name string) string {
	return d.namedPlace(name, minNamePopulation, false)
}

// namedPlace is namePlace with the smallest town that counts and whether
// regions count ("University of California").
func (d *docState) namedPlace(name string, minPop int, regions bool) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		if internationalWords[graph.NameKey(w)] {
			return ""
		}
	}
	code := ""
	for i := range words {
		if i > 0 && !ofWords[graph.NameKey(words[i-1])] {
			continue // a town opens the name or follows "of": not "Lab for Mobile Communications", "Grant Thornton"
		}
		for n := min(2, len(words)-i); n >= 1; n-- {
			span := strings.Join(words[i:i+n], " ")
			if !isCap(words[i]) || worldRegions[graph.NameKey(span)] || wordTowns[graph.NameKey(span)] || institutionWords[graph.NameKey(words[i])] || n == len(words) {
				continue
			}
			p, ok := d.x.gaz.Best(span) // the name's own town, not one the story prefers: "Manchester United"
			if !ok || p.Kind == gazetteer.City && p.Population < minPop || p.Kind == gazetteer.Region && !regions {
				continue
			}
			if code != "" && code != p.CountryCode {
				return "" // two countries' places: a bilateral body
			}
			code = p.CountryCode
			break
		}
	}
	return code
}

// wordTowns are towns named like the words that organizations' names are
// made of: "Mobile TV", "Phoenix Torrent", "Reading Room".
var wordTowns = set("mobile", "phoenix", "reading", "independence", "victoria", "orange", "providence", "concord",
	"columbia", "national", "union", "liberty", "enterprise", "commerce", "progress", "energy", "temple", "surprise")

// ofWords join a name to the place it is of: "University of Sheffield",
// "Banco de España".
var ofWords = set("of", "de", "del", "di", "du", "des", "von", "van")

// orgHeads end the two-word names of national bodies and papers: "US
// Treasury", "British Airways", "Scottish Parliament", "Saudi Gazette".
var orgHeads = set("treasury", "senate", "government", "parliament", "airlines", "airways", "express", "embassy",
	"navy", "army", "council", "library", "telecom", "fa", "federation", "assembly", "office", "authority",
	"democrats", "state", "ministry", "bank", "court", "party", "union", "association", "agency", "commission",
	"institute", "foundation", "company", "corporation", "group", "board", "committee", "department", "service",
	"police", "league", "cabinet", "congress", "raj", "republicans", "conservatives", "liberals", "socialists",
	"gazette", "herald", "tribune", "times", "post", "journal", "telegraph", "observer", "daily", "radio")

// ambiguousDemonyms are shared by two countries: the "Korean Central News
// Agency" is North Korea's.
var ambiguousDemonyms = set("korean", "congolese", "guinean", "sudanese")

// regionWords end the names of regions that span countries: "the
// Southern Mediterranean", "the Sahel region".
var regionWords = set("east", "west", "mediterranean", "sea", "ocean", "pacific", "atlantic", "sahel", "americas",
	"quartet", "zone", "heights", "asia", "europe", "africa", "america")

// languageNames are languages that the tagger may take for places ("in
// Mandarin and Cantonese") and that are no nationality word of the
// gazetteer's: spoken somewhere, located nowhere.
var languageNames = set("mandarin", "cantonese", "hindi", "urdu", "swahili", "arabic", "farsi", "hebrew", "latin",
	"esperanto", "punjabi", "bengali", "tamil", "gaelic", "yiddish", "pashto", "dari", "tagalog", "sanskrit")

// stemPlace returns the place that a name ending in a feature or place
// noun is named after, if the gazetteer knows it: "Sichuan Province" →
// Sichuan, "Guantanamo Bay" → Guantánamo; nil otherwise.
func (d *docState) stemPlace(name string) *gazetteer.Place {
	i := strings.LastIndexByte(name, ' ')
	if i <= 0 || !featureName(name) {
		return nil
	}
	if p, ok := d.x.gaz.Best(name[:i]); ok {
		return p
	}
	return nil
}

// featureName reports whether a name ends in a word for a natural or
// built feature or a division of a country ("Nabesna Glacier", "Abbay
// River", "Coös County"): a place, wherever the story names it.
func featureName(name string) bool {
	w := lastWord(graph.NameKey(name))
	return featureNouns[w] || placeNouns[w] || extraFeatures[w]
}

// naturalFeature reports whether a name says that it is a place without a
// locative: a natural feature or a division of a country, not a built one
// ("Yankee Stadium", "Hyde Park", "Heathrow Airport" may be a club, a
// concert or a company's).
func naturalFeature(name string) bool {
	return featureName(name) && !builtFeatures[lastWord(graph.NameKey(name))]
}

// builtFeatures are the feature words of built places (naturalFeature).
var builtFeatures = set("stadium", "park", "airport", "bridge", "settlement", "community", "resort", "border", "area")

// extraFeatures are feature words that neither placeNouns nor featureNouns
// hold, since they introduce no definition: "Wyre Forest", "Mogollon Rim".
var extraFeatures = set("rim", "pass", "canyon", "creek", "brook", "falls", "gorge", "range", "ranges", "hills",
	"reservoir", "bight", "strait", "gulf", "cape", "plateau", "basin", "marsh", "swamp", "moor", "heath")

// lastWord returns the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
