package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// group is an entity under construction: the mentions that resolve to it.
type group struct {
	typ    graph.EntityType
	key    string
	place  *gazetteer.Place
	ments  []int
	words  []string // NameKey words of its longest name
	merged int      // the group it was merged into, -1 if none
	weak   bool     // only doubtful proposals
	value  string   // dates
	known  string   // the name of a well-known organization it goes by (shortForms)
}

// minKeep is the tagger score under which a lone capitalized word at the
// start of a sentence is doubtful: it is kept only if another mention of
// its name is not.
const minKeep = 0.35

// nameSet is the mentions of one name (one NameKey) before types are
// decided, with the type votes of the tagger and of context.
type nameSet struct {
	nk     string
	words  []string
	ments  []int
	votes  map[graph.EntityType]float64 // the tagger's
	cues   map[graph.EntityType]float64 // the context's
	place  *gazetteer.Place
	parent int // union-find over name chains ("Putin" → "Vladimir Putin")
	// taggedPerson is set when the tagger called one of its mentions a
	// person, before rules made a country of it ("Jordan").
	taggedPerson bool
	compound     bool // "EU-US": two names, no entity (markCompounds)
	// personCue is the strongest person cue of one of its mentions: many
	// weak ones ("Dome said", as companies say) add up to no strong one.
	personCue float64
}

// resolve groups the document's mentions into entities. Names are first
// chained: a shorter name whose words end a longer one ("Putin", "Al
// Assad") joins it, unless the gazetteer knows it as a place. Each chain
// takes the type that the tagger's scores and the context cues ("X said",
// a title) vote for, so a name keeps one type in the document. Places are
// then keyed by gazetteer identity ("U.S." and "United States").
func (d *docState) resolve() []*group {
	byNK := map[string]int{}
	fixed := map[int]bool{} // mentions resolved by rule: adjectives, conflicts, dates
	sets := d.nameSets(byNK, fixed)
	d.rereadPlaces(sets)
	d.markCompounds(sets, byNK)
	d.chainSuffixes(sets)
	joinGivenNames(sets, d.styledMentions())
	joinFirstSurnames(sets)
	joinInitials(sets)
	d.joinCompanyShortNames(sets)
	joinPlurals(sets, byNK)
	groups := d.groupChains(sets, fixed)
	d.mergeAcronyms(groups)
	mergeDefinitions(groups, d.defines, d.ments)
	d.joinShortForms(groups)
	return groups
}

// root returns the root of the chain of sets[i]: the set its parent links
// lead to, shortening them on the way.
func root(sets []*nameSet, i int) int {
	for sets[i].parent != i {
		sets[i].parent = sets[sets[i].parent].parent
		i = sets[i].parent
	}
	return i
}

// nameSets gathers the mentions into one set per name key, with the
// tagger's votes and the context cues of its mentions, indexed in byNK by
// key; the mentions resolved by rule are added to fixed instead.
func (d *docState) nameSets(byNK map[string]int, fixed map[int]bool) (sets []*nameSet) {
	d.resolveTitles()
	for i := range d.ments {
		m := &d.ments[i]
		if m.titleOnly && m.name == "" {
			continue // a title no one in the document holds
		}
		if m.key != "" || m.adjective {
			fixed[i] = true
			continue
		}
		// "The Huffington Post" and "Huffington Post" are one name.
		nk := strings.TrimPrefix(graph.NameKey(m.name), "the ")
		si, ok := byNK[nk]
		if !ok {
			si = len(sets)
			byNK[nk] = si
			sets = append(sets, &nameSet{nk: nk, words: strings.Fields(nk), votes: map[graph.EntityType]float64{}, cues: map[graph.EntityType]float64{}, parent: si})
		}
		s := sets[si]
		s.ments = append(s.ments, i)
		// The tagger's vote counts at least 0.6, so that context cues
		// (a title, "X said") decide only where it is unsure.
		s.votes[m.typ] += 0.6 + 0.4*m.score
		if m.taggedPerson {
			s.taggedPerson = true
		}
		if m.personCue > 0 {
			s.cues[graph.Person] += m.personCue
			s.personCue = max(s.personCue, m.personCue)
		}
		if m.orgCue > 0 {
			s.cues[graph.Organization] += m.orgCue
		}
		if m.work {
			// As strong as a title is for a person, but for this name
			// only: "the film Ray" is not Ray Charles.
			s.votes[graph.Other] += 2
		}
		if m.place != nil && (s.place == nil || m.isDateline) {
			s.place = m.place
		}
	}
	return sets
}

// rereadPlaces: a place named before the country that disambiguates it
// ("Paris … Texas") was read with the countries known then; read it again
// with all of the document's. A far better known place keeps its name
// ("Paris" in a story that also names the United States), unless the
// document names the namesake's region too.
func (d *docState) rereadPlaces(sets []*nameSet) {
	for _, s := range sets {
		if p := s.place; p != nil && p.Kind != gazetteer.Country && !d.geo.countries[p.CountryCode] {
			if q := d.within(d.ments[s.ments[0]].name, nil); q != nil && q != p && (!gazetteer.Outranks(p, q) || d.regionNamed(q)) {
				s.place = q
			}
		}
	}
}

// chainSuffixes chains shorter names to the longer names they end.
func (d *docState) chainSuffixes(sets []*nameSet) {
	find := func(i int) int { return root(sets, i) }
	order := make([]int, len(sets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(sets[order[a]].words) > len(sets[order[b]].words) })
	// Index every proper suffix of every name, so that a shorter name
	// finds the longer ones it ends without comparing all pairs.
	suffixOf := map[string][]int{}
	for i, s := range sets {
		if s.place != nil && s.votes[graph.Place] > s.votes[graph.Person] || s.compound {
			continue
		}
		for k := 1; k < len(s.words); k++ {
			key := strings.Join(s.words[k:], " ")
			suffixOf[key] = append(suffixOf[key], i)
		}
	}
	for _, si := range order {
		s := sets[si]
		if len(s.words) == 0 || s.votes[graph.Date] > 0 || s.place != nil && s.place.Kind == gazetteer.Country && !s.taggedPerson ||
			s.votes[graph.Place] > s.votes[graph.Person] && s.place != nil && !s.taggedPerson {
			continue
		}
		// A name only ever called an organization joins an organization
		// that it ends if there is one ("Jones" is Dow Jones, not Paul
		// Jones; "State Department" the "US State Department").
		orgOnly := s.votes[graph.Person] == 0 && s.cues[graph.Person] < 0.5 && !s.taggedPerson && s.votes[graph.Organization] > 0
		if len(s.words) == 1 && nameParticles[s.words[0]] || d.namesOther(s) {
			continue
		}
		// A name mostly called a person does not join a name named
		// after it: "Ortega" is not "the Government of Daniel Ortega".
		personal := s.votes[graph.Person]+s.cues[graph.Person] > s.votes[graph.Organization]+s.votes[graph.Place]
		best, bestOrg := -1, -1
		for _, hi := range suffixOf[s.nk] {
			h := sets[hi]
			// "House" alone is the lower chamber ("the House passed the
			// bill"): it joins a longer name it ends only after a country's
			// name or nationality ("US House"), not a building's ("White
			// House", "Opera House").
			if personal && namedAfter(h.words, len(s.words)) || len(s.words) == 1 && s.words[0] == "house" && !d.countryWords(h.words[:len(h.words)-1]) {
				continue // "House" is the House of Representatives, not the White House; "US House" it may join
			}
			if h.votes[graph.Organization] > h.votes[graph.Person]+h.cues[graph.Person] && (bestOrg < 0 || len(h.ments) > len(sets[bestOrg].ments)) {
				bestOrg = hi
			}
			if best < 0 || len(h.ments) > len(sets[best].ments) {
				best = hi
			}
		}
		if orgOnly && bestOrg >= 0 {
			best = bestOrg
		}
		if best >= 0 && find(best) != find(si) {
			sets[find(si)].parent = find(best)
		}
	}
}

// joinGivenNames: a lone given name ("Daniel" after "Daniel Montalvo")
// joins the one person whose name it starts, if only one does. A name
// styled by a sovereign's or a noble's title (styled) is a name of its
// own: "Prince Charles" is not "Charles Kennedy".
func joinGivenNames(sets []*nameSet, styled map[int]bool) {
	find := func(i int) int { return root(sets, i) }
	prefixOf := map[string][]int{}
	for i, s := range sets {
		if len(s.words) >= 2 && s.votes[graph.Person]+s.cues[graph.Person] > s.votes[graph.Organization]+s.votes[graph.Place] {
			prefixOf[s.words[0]] = append(prefixOf[s.words[0]], i)
		}
	}
	for si, s := range sets {
		if len(s.words) != 1 || find(si) != si || s.place != nil || nameParticles[s.words[0]] ||
			s.votes[graph.Person]+s.cues[graph.Person] < s.votes[graph.Organization]+s.votes[graph.Place] ||
			slices.ContainsFunc(s.ments, func(mi int) bool { return styled[mi] }) {
			continue
		}
		roots := map[int]bool{}
		for _, hi := range prefixOf[s.words[0]] {
			roots[find(hi)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				if r != si {
					s.parent = r
				}
			}
		}
	}
}

// styledMentions returns the mentions whose name follows a sovereign's
// or a noble's title (royalStyles): "Prince Charles", "King Abdullah",
// "Pope Benedict".
func (d *docState) styledMentions() map[int]bool {
	out := map[int]bool{}
	for _, r := range d.cands.roles {
		if royalStyles[strings.ToLower(r.title)] {
			out[r.person] = true
		}
	}
	return out
}

// royalStyles are the titles before the name a sovereign or a noble is
// known by, which may be a given name alone.
var royalStyles = set("prince", "princess", "king", "queen", "pope", "emperor", "empress", "crown prince",
	"crown princess", "duke", "duchess", "sultan", "emir", "tsar", "czar", "shah")

// joinFirstSurnames: a given name and a first surname ("Priyanka Gandhi")
// join the one person named before them with one more surname ("Priyanka
// Gandhi Vadra"). (A lone word is not read so: "Jessica" of "Sarah Jessica
// Parker" is a middle name.)
func joinFirstSurnames(sets []*nameSet) {
	find := func(i int) int { return root(sets, i) }
	withoutLast := map[string][]int{}
	for i, s := range sets {
		if len(s.words) == 3 && s.votes[graph.Person]+s.cues[graph.Person] > s.votes[graph.Organization]+s.votes[graph.Place] {
			k := strings.Join(s.words[:2], " ")
			withoutLast[k] = append(withoutLast[k], i)
		}
	}
	for si, s := range sets {
		if find(si) != si || s.place != nil || len(s.words) != 2 || nameParticles[s.words[1]] ||
			s.votes[graph.Person]+s.cues[graph.Person] < s.votes[graph.Organization]+s.votes[graph.Place] {
			continue
		}
		roots := map[int]bool{}
		for _, hi := range withoutLast[s.nk] {
			if sets[hi].ments[0] < s.ments[0] {
				roots[find(hi)] = true
			}
		}
		if len(roots) == 1 {
			for r := range roots {
				if r != si {
					s.parent = r
				}
			}
		}
	}
}

// joinInitials: an initial and a surname ("B O'Driscoll", "J. Smith") join
// the one person whose given name starts with that letter and whose surname
// it is ("Brian O'Driscoll").
func joinInitials(sets []*nameSet) {
	find := func(i int) int { return root(sets, i) }
	initialKey := func(words []string) string { return words[0][:1] + " " + strings.Join(words[1:], " ") }
	byInitial := map[string][]int{}
	for i, s := range sets {
		if len(s.words) >= 2 && !isInitial(s.words[0]) && s.votes[graph.Person]+s.cues[graph.Person] > 0 {
			k := initialKey(s.words)
			byInitial[k] = append(byInitial[k], i)
		}
	}
	for si, s := range sets {
		if len(s.words) < 2 || find(si) != si || !isInitial(s.words[0]) {
			continue
		}
		roots := map[int]bool{}
		for _, hi := range byInitial[initialKey(s.words)] {
			roots[find(hi)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				s.parent = r
			}
		}
	}
}

// joinCompanyShortNames: a company's short name ("Pentland", "General
// Motors") joins the one organization whose name it starts ("Pentland
// Industries PLC", "General Motors Corp"), if only one does (or one is
// its main company: mainCompany) and it is no place the tagger reads as
// one. A name with "of" is a name of its own ("University of Texas"), and
// so is one that a title or a possessive calls a person's ("President
// Trump"; not "Dome said", however often); an organization whose last word says it is a thing of its own,
// named after another, is never the longer name ("Apple Daily", "Trump
// Organization").
func (d *docState) joinCompanyShortNames(sets []*nameSet) {
	find := func(i int) int { return root(sets, i) }
	orgPrefix := map[string][]int{}
	for i, s := range sets {
		if len(s.words) >= 2 && s.place == nil && !s.compound && s.votes[graph.Organization] > s.votes[graph.Person]+s.cues[graph.Person]+s.votes[graph.Place] &&
			!namedAfterHeads[s.words[len(s.words)-1]] {
			for k := 1; k < len(s.words) && k <= 3; k++ {
				if bodyHeads[s.words[k-1]] && !designators[s.words[k]] && !isConnector(s.words[k]) {
					// "Central Bank" names a body of its own, not the
					// "Central Bank Employees' Union"; it is short for
					// "Central Bank of Lebanon" or "Central Bank SA".
					break
				}
				key := strings.Join(s.words[:k], " ")
				orgPrefix[key] = append(orgPrefix[key], i)
			}
		}
	}
	for si, s := range sets {
		// A small town the tagger mostly reads as something else is no
		// place here: "Dome" is a town in Ghana, and Dome Petroleum's
		// name. A country, a region, a capital or a large city stays one
		// ("London" is no short name of the London Stock Exchange).
		placeLike := s.place != nil && (s.votes[graph.Place] >= s.votes[graph.Person]+s.votes[graph.Organization] ||
			s.place.Kind != gazetteer.City || s.place.Capital || s.place.Population >= minCityPopulation)
		if find(si) != si || placeLike || len(s.words) == 0 || s.votes[graph.Date] > 0 || s.personCue >= 0.5 ||
			nameParticles[s.words[0]] || slices.ContainsFunc(s.words, isConnector) || d.namesOther(s) {
			continue
		}
		roots := map[int]bool{}
		for _, hi := range orgPrefix[s.nk] {
			roots[find(hi)] = true
		}
		if len(roots) > 1 {
			roots = d.mainCompany(sets, orgPrefix[s.nk], len(s.words))
		}
		if len(roots) == 1 {
			for r := range roots {
				if r != si {
					s.parent = r
				}
			}
		}
	}
}

// minCityPopulation is the population from which a city's name is taken
// for the city even where the tagger reads it otherwise.
const minCityPopulation = 250000

// mainCompany picks, among the organizations whose names start with a
// short name of n words (cands), the one the short name stands for when
// several do: the name that adds only a designator ("Sony Corp", not
// "Sony France SA"), else the one name not written in capitals (a
// headline's "DOME PETE" beside "Dome Petroleum Ltd"). It returns the
// roots of the chains so chosen: one, or none or several where it
// cannot tell.
func (d *docState) mainCompany(sets []*nameSet, cands []int, n int) map[int]bool {
	pick := func(keep func(*nameSet) bool) map[int]bool {
		roots := map[int]bool{}
		for _, hi := range cands {
			if keep(sets[hi]) {
				roots[root(sets, hi)] = true
			}
		}
		return roots
	}
	if roots := pick(func(h *nameSet) bool { return len(h.words) == n+1 && designators[h.words[n]] }); len(roots) == 1 {
		return roots
	}
	return pick(func(h *nameSet) bool { return !isAllUpper(d.ments[h.ments[0]].Text) })
}

// joinPlurals: an organization's name in the plural joins the singular
// ("Lib Dems", "Lib Dem"; "Democrats", "Democrat").
func joinPlurals(sets []*nameSet, byNK map[string]int) {
	find := func(i int) int { return root(sets, i) }
	for si, s := range sets {
		single, ok := strings.CutSuffix(s.nk, "s")
		if !ok || len(single) < 3 || find(si) != si || s.place != nil || !orgVoted(s) {
			continue
		}
		if hi, ok := byNK[single]; ok && orgVoted(sets[hi]) && find(hi) != si {
			s.parent = find(hi)
		}
	}
}

// chainTypes returns the type of each chain by its root: one type per
// chain, the tagger's votes for its longest name, which says more than a
// surname alone, and the context cues of all its names.
func chainTypes(sets []*nameSet) func(r int) graph.EntityType {
	find := func(i int) int { return root(sets, i) }
	chainVotes := map[int]map[graph.EntityType]float64{}
	personCue := map[int]float64{} // the strongest person cue of a chain's mentions
	orgCues := map[int]float64{}   // the company cues of a chain's mentions
	for i, s := range sets {
		r := find(i)
		if chainVotes[r] == nil {
			chainVotes[r] = map[graph.EntityType]float64{}
		}
		personCue[r] = max(personCue[r], s.personCue)
		orgCues[r] += s.cues[graph.Organization]
		for t, v := range s.cues {
			chainVotes[r][t] += v
		}
		if i == r {
			for t, v := range s.votes {
				chainVotes[r][t] += v
			}
		}
	}
	return func(r int) graph.EntityType {
		if p := sets[r].place; p != nil && p.Kind == gazetteer.Country && len(sets[r].words) > 0 && !sets[r].taggedPerson {
			return graph.Place
		}
		best, bs := graph.EntityType(""), -1.0
		for _, t := range graph.EntityTypes {
			if v, ok := chainVotes[r][t]; ok && v > bs {
				best, bs = t, v
			}
		}
		// A one-word name that the context calls a company ("oil giant
		// Yukos", "shares in Sony", "Dome's profits") and nothing calls a
		// person's is a company, however often the tagger says person: it
		// has no given name to be a person's by, and a company cue is as
		// strong as a title.
		if best == graph.Person && len(sets[r].words) == 1 && sets[r].place == nil && orgCues[r] >= 2 && personCue[r] < 0.5 {
			return graph.Organization
		}
		return best
	}
}

// groupChains keys the mentions of sets and the fixed ones into groups,
// one type per chain (chainTypes).
func (d *docState) groupChains(sets []*nameSet, fixed map[int]bool) []*group {
	find := func(i int) int { return root(sets, i) }
	typeOf := chainTypes(sets)
	byKey := map[string]int{}
	var groups []*group
	addTo := func(key string, typ graph.EntityType, place *gazetteer.Place, mi int, words []string) {
		gi, ok := byKey[key]
		if !ok {
			gi = len(groups)
			byKey[key] = gi
			groups = append(groups, &group{typ: typ, key: key, place: place, merged: -1, weak: true})
		}
		g := groups[gi]
		m := &d.ments[mi]
		g.ments = append(g.ments, mi)
		if g.value == "" {
			g.value = m.value()
		}
		if !m.weak {
			g.weak = false
		}
		if !m.adjective && !m.anaphor && len(words) > len(g.words) {
			g.words = words
		}
	}
	for i, s := range sets {
		r := find(i)
		chainType := typeOf(r)
		for _, mi := range s.ments {
			// One type per name between people and the rest; between a
			// place and an organization the tagger reads each mention
			// ("NEW YORK" the city in the dateline, the team in the table).
			typ := chainType
			if mt := d.ments[mi].typ; (typ == graph.Place || typ == graph.Organization) && (mt == graph.Place || mt == graph.Organization) {
				typ = mt
				if s.place != nil && s.place.Kind == gazetteer.Country {
					typ = graph.Place
				}
			}
			switch {
			case typ == graph.Place && s.place != nil:
				addTo(placeKey(s.place), typ, s.place, mi, s.words)
			case typ == graph.Place && sets[r].place != nil && r != i:
				addTo(placeKey(sets[r].place), typ, sets[r].place, mi, s.words)
			default:
				addTo(string(typ)+":"+sets[r].nk, typ, nil, mi, s.words)
			}
		}
	}
	for mi := range d.ments {
		if !fixed[mi] {
			continue
		}
		m := &d.ments[mi]
		switch {
		case m.key != "":
			addTo(m.key, m.typ, nil, mi, nil)
		case m.place != nil:
			addTo(placeKey(m.place), graph.Place, m.place, mi, nil)
		}
	}
	return groups
}

func placeKey(p *gazetteer.Place) string {
	return "gaz:" + p.CountryCode + "|" + p.RegionCode + "|" + p.Name + "|" + p.Kind.String()
}

// countryWords reports whether words name a country or its nationality:
// "us", "u.s.", "philippine", "united states".
func (d *docState) countryWords(words []string) bool {
	if len(words) == 0 {
		return false
	}
	name := strings.Join(words, " ")
	if _, ok := d.x.gaz.Demonym(name); ok {
		return true
	}
	for _, p := range d.x.gaz.Lookup(name) {
		if p.Kind == gazetteer.Country {
			return true
		}
	}
	return false
}

// bodyHeads end the names of a kind of body: a name that ends in one
// ("Central Bank", "Commerce Department") is a whole name, not the short
// name of a longer one that goes on after it with other words.
var bodyHeads = set("bank", "ministry", "department", "commission", "committee", "council", "union", "association",
	"federation", "agency", "authority", "board", "bureau", "office", "court", "parliament", "party", "exchange",
	"university", "institute", "church", "army", "police")

// namedAfterHeads end names of things named after another name: a
// newspaper, a foundation, a building, a prize, a broadcaster's station
// ("Apple Daily", "Trump Organization", "Nobel Prize", "BBC Radio",
// "Apple Insider").
var namedAfterHeads = set("daily", "news", "times", "post", "magazine", "journal", "herald", "tribune", "foundation",
	"organization", "organisation", "institute", "university", "college", "school", "hospital", "museum", "stadium",
	"arena", "airport", "station", "street", "avenue", "road", "square", "park", "tower", "hotel", "centre", "center",
	"prize", "award", "awards", "cup", "league", "festival", "trophy", "fund", "trust", "library", "bridge",
	"echo", "chronicle", "gazette", "mirror", "express", "observer", "telegraph", "courier", "argus", "mail",
	"insider", "radio", "television", "tv")

// orgVoted reports whether the tagger and the context call a name an
// organization more than anything else.
func orgVoted(s *nameSet) bool {
	org := s.votes[graph.Organization] + s.cues[graph.Organization]
	return org > s.votes[graph.Person]+s.cues[graph.Person] && org > s.votes[graph.Place]
}

// isInitial reports whether a name's word is an initial: "b", "j.".
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z'
}

// initialFirst reports whether a name starts with an initial.
func initialFirst(name string) bool {
	first, _, _ := strings.Cut(graph.NameKey(name), " ")
	return isInitial(first)
}

// isConnector reports whether a word joins the words of a name: "of",
// "for", "and", "the".
func isConnector(w string) bool {
	return w == "of" || w == "for" || w == "and" || w == "the" || w == "&"
}

// namedAfter reports whether a name is named after words that end it,
// its last n among them, and follow "of" or "for": "Government of Daniel
// Ortega", "Foundation for Nelson Mandela". (An organization may go by
// those words, as "the Church of Scientology" by "Scientology"; a person
// does not.)
func namedAfter(words []string, n int) bool {
	for k := 1; k < len(words)-n; k++ {
		if words[k] == "of" || words[k] == "for" {
			return true
		}
	}
	return false
}

// hasSuffix reports whether the words of long end with short, and short
// is not only a particle ("Al").
func hasSuffix(long, short []string) bool {
	if len(short) == 1 && nameParticles[short[0]] {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

// mergeAcronyms merges an organization written as an acronym ("UN") into
// the one whose initials it spells ("United Nations").
func (d *docState) mergeAcronyms(groups []*group) {
	initials := map[string]int{}
	for i, g := range groups {
		if g.typ != graph.Organization || g.merged >= 0 || len(g.words) < 2 || g.weak {
			continue // a weak name ("EU-US", markCompounds) is no expansion
		}
		// Hyphenated words may give one initial or one per part:
		// "Al-Qaeda in the Arabian Peninsula" is AQAP, and
		// "Pakistan Tehreek-e-Insaf" PTI.
		var whole, parts, withFor strings.Builder
		for k, w := range g.words {
			if k == len(g.words)-1 && designators[w] {
				break // "Unilever NV" is no "UN"
			}
			if w == "for" {
				// "For Inspiration and Recognition of Science and
				// Technology" is FIRST.
				withFor.WriteByte(w[0])
			}
			if w == "of" || w == "the" || w == "and" || w == "for" {
				continue
			}
			whole.WriteByte(w[0])
			withFor.WriteByte(w[0])
			for _, p := range strings.Split(w, "-") {
				if len(p) > 1 {
					parts.WriteByte(p[0])
				}
			}
		}
		for _, b := range []string{whole.String(), parts.String(), withFor.String()} {
			switch hi, ok := initials[b]; {
			case len(b) < 2:
			case ok && hi != i:
				// Two names with the same initials (the European
				// Commission and the European Council): "EC" is
				// neither's by its letters alone, only by a
				// definition ("(EC)", mergeDefinitions).
				initials[b] = -1
			default:
				initials[b] = i
			}
		}
	}
	for i, g := range groups {
		if g.typ != graph.Organization || g.merged >= 0 || len(g.words) != 1 {
			continue
		}
		if hi, ok := initials[g.words[0]]; ok && hi >= 0 && hi != i {
			g.merged = hi
			groups[hi].ments = append(groups[hi].ments, g.ments...)
			groups[hi].weak = groups[hi].weak && g.weak
		}
	}
}

// mergeDefinitions merges the short form defined in parentheses after an
// organization's name into it (readDefinitions): "IHT" is the Honduran
// Institute of Tourism wherever the document uses it. defines are the
// pairs of mentions, of ments, that readDefinitions read.
func mergeDefinitions(groups []*group, defines [][2]int, ments []mention) {
	if len(defines) == 0 {
		return
	}
	of := make(map[int]int, 2*len(defines))
	for _, p := range defines {
		of[p[0]], of[p[1]] = -1, -1
	}
	for gi, g := range groups {
		for _, mi := range g.ments {
			if _, ok := of[mi]; ok {
				of[mi] = gi
			}
		}
	}
	root := func(gi int) int {
		for gi >= 0 && groups[gi].merged >= 0 {
			gi = groups[gi].merged
		}
		return gi
	}
	for _, p := range defines {
		long, short := root(of[p[0]]), root(of[p[1]])
		if long < 0 || short < 0 || long == short || groups[long].typ != graph.Organization || len(groups[short].words) > 1 || groups[long].weak ||
			strings.HasPrefix(groups[long].key, teamPrefix) {
			continue // a weak name ("Fiat and General Motors (GM)", markCompounds) defines nothing, nor a team ("France v Wales (Sat)")
		}
		// A person or a place in parentheses ("(Erdogan)", "(Somaliland)")
		// is no short form, unless written like an acronym ("(MENA)").
		if groups[short].typ != graph.Organization && !isAllUpper(ments[p[1]].Text) {
			continue
		}
		groups[short].merged = long
		groups[long].ments = append(groups[long].ments, groups[short].ments...)
		groups[long].weak = groups[long].weak && groups[short].weak
	}
}

// canonical returns the name an entity goes by: the gazetteer's for a
// place it knows, the best-scored for a named conflict, otherwise the
// longest name used (then one not in capitals, then the most used).
func (d *docState) canonical(g *group) (name string) {
	if g.place != nil {
		return g.place.Name
	}
	if g.known != "" {
		return g.known
	}
	if strings.HasPrefix(g.key, "war:") {
		best := -1
		for _, mi := range g.ments {
			if m := &d.ments[mi]; !m.anaphor && (best < 0 || m.score > d.ments[best].score) {
				best = mi
			}
		}
		if best >= 0 {
			return d.ments[best].name
		}
	}
	count := map[string]int{}
	var names []string
	for _, mi := range g.ments {
		m := &d.ments[mi]
		if m.adjective || m.anaphor {
			continue
		}
		if count[m.name] == 0 {
			names = append(names, m.name)
		}
		count[m.name]++
	}
	if len(names) == 0 {
		return d.ments[g.ments[0]].name
	}
	defer func() {
		// An organization goes by its name without the article, so that
		// "The Huffington Post" here and "Huffington Post" elsewhere
		// share an ID; places keep theirs ("The Hague").
		if s, ok := strings.CutPrefix(name, "The "); ok && g.typ == graph.Organization && s != "" {
			name = s
		}
	}()
	sort.SliceStable(names, func(a, b int) bool {
		wa, wb := len(strings.Fields(strings.TrimPrefix(graph.NameKey(names[a]), "the "))), len(strings.Fields(strings.TrimPrefix(graph.NameKey(names[b]), "the ")))
		if wa != wb {
			return wa > wb
		}
		// "Girvan Dempsey" rather than "G Dempsey".
		if ia, ib := initialFirst(names[a]), initialFirst(names[b]); ia != ib {
			return !ia
		}
		if ua, ub := isAllUpper(names[a]), isAllUpper(names[b]); ua != ub {
			return !ua
		}
		if ta, tb := strings.HasPrefix(names[a], "The "), strings.HasPrefix(names[b], "The "); ta != tb {
			return !ta
		}
		return count[names[a]] > count[names[b]]
	})
	return names[0]
}

// resolveTitles gives each title standing alone ("The President", "the
// Sheriff") the name of the person who last held that title before it in
// the document, or no name, so that it is dropped.
func (d *docState) resolveTitles() {
	for i := range d.ments {
		m := &d.ments[i]
		if !m.titleOnly {
			continue
		}
		key := graph.NameKey(m.name)
		name := ""
		for _, r := range d.cands.roles {
			if p := &d.ments[r.person]; p.Start < m.Start && graph.NameKey(r.title) == key && !p.titleOnly {
				name = p.name
			}
		}
		m.name, m.anaphor = name, true
	}
}
