package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/gazetteer"

	"github.com/factgraph/factgraph/graph"
)

// shortForms maps the folded names (graph.NameKey, without "the") by
// which news calls well-known organizations to the one name each goes by,
// so that "EU" in one story and "European Union" in another, or "Tories",
// "Tory" and "Conservatives", are one entity across documents. A story
// that defines its own acronym ("the Honduran Institute of Tourism
// (IHT)") needs no entry: mergeDefinitions and mergeAcronyms join it. An
// entry is added only where the short form names one organization in
// English-language news; forms that are common words in capitals ("WHO")
// are left out.
var shortForms = func() map[string]string {
	m := map[string]string{}
	for name, forms := range map[string][]string{
		"European Union":                  {"eu", "european union", "europe union"},
		"United Nations":                  {"un", "united nations", "uno"},
		"International Monetary Fund":     {"imf", "international monetary fund"},
		"Nato":                            {"nato", "north atlantic treaty organization", "north atlantic treaty organisation"},
		"Federal Bureau of Investigation": {"fbi", "federal bureau of investigation"},
		"Central Intelligence Agency":     {"cia", "central intelligence agency"},
		"World Trade Organization":        {"wto", "world trade organization", "world trade organisation"},
		"World Bank":                      {"world bank"},
		"European Central Bank":           {"ecb", "european central bank"},
		"European Commission":             {"european commission", "ec"},
		"Federal Reserve":                 {"federal reserve", "fed", "us federal reserve"},
		"Organization of the Petroleum Exporting Countries":      {"opec", "organization of the petroleum exporting countries", "organisation of the petroleum exporting countries"},
		"International Olympic Committee":                        {"ioc", "international olympic committee"},
		"World Anti-Doping Agency":                               {"wada", "world anti doping agency"},
		"International Association of Athletics Federations":     {"iaaf", "international association of athletics federations"},
		"National Health Service":                                {"nhs", "national health service"},
		"Conservative Party":                                     {"conservative party", "conservatives", "tory", "tories", "tory party", "conservative"},
		"Labour Party":                                           {"labour party", "labour"},
		"Liberal Democrats":                                      {"liberal democrats", "lib dems", "lib dem", "liberal democrat", "liberal democrat party"},
		"UK Independence Party":                                  {"uk independence party", "ukip"},
		"Scottish National Party":                                {"scottish national party", "snp"},
		"Democratic Party":                                       {"democratic party"},
		"Republican Party":                                       {"republican party"},
		"Organisation for Economic Co-operation and Development": {"oecd"},
		"World Health Organization":                              {"world health organization", "world health organisation"},
		"Securities and Exchange Commission":                     {"securities and exchange commission", "sec", "us securities and exchange commission"},
		"U.S. Department of Agriculture":                         {"usda", "us department of agriculture", "us agriculture department", "department of agriculture"},
	} {
		for _, f := range forms {
			m[f] = name
		}
	}
	return m
}()

// shortForm returns the name of the well-known organization that a
// folded name stands for, "" if none.
func shortForm(nk string) string {
	return shortForms[strings.TrimPrefix(nk, "the ")]
}

// namesOther reports whether a name is itself the name of an entity the
// world knows apart from any longer name it might start or end: a
// country ("US" is not short for the US Trade Representative's Office)
// or a well-known organization of the shortForms table, a region or a
// large city (majorPlace). Such a name never joins a longer one, unless
// the document calls it a person ("Jordan"). (A smaller city may:
// "Rochester" is the Rochester Red Wings in a sports table; the
// newspapers named after one are namedAfterHeads.)
func (d *docState) namesOther(s *nameSet) bool {
	if len(s.ments) == 0 || s.taggedPerson || s.votes[graph.Person]+s.cues[graph.Person] > s.votes[graph.Organization]+s.votes[graph.Place] {
		return false
	}
	name := d.ments[s.ments[0]].name
	return shortForm(s.nk) != "" || d.x.gaz.IsCountryName(name) || d.majorPlace(name)
}

// majorPlace reports whether a name is first of all a place the world
// knows: a region, a capital or a city of minCityPopulation ("London"
// is no short name of the London Stock Exchange, "CHICAGO" of a
// headline none of the Chicago Board of Trade).
func (d *docState) majorPlace(name string) bool {
	p, ok := d.x.gaz.Best(name)
	return ok && (p.Kind == gazetteer.Region || p.Capital || p.Population >= minCityPopulation)
}

// joinShortForms gives each organization group that goes by a
// well-known form its one name (group.known), and merges the document's
// groups that share one ("Tories" and "Conservatives").
func (d *docState) joinShortForms(groups []*group) {
	first := map[string]int{}
	for gi, g := range groups {
		if g.typ != graph.Organization || g.merged >= 0 {
			continue
		}
		for _, mi := range g.ments {
			if m := &d.ments[mi]; !m.anaphor && !m.adjective {
				if k := shortForm(graph.NameKey(m.name)); k != "" {
					g.known = k
					break
				}
			}
		}
		if g.known == "" {
			continue
		}
		if hi, ok := first[g.known]; ok {
			g.merged = hi
			groups[hi].ments = append(groups[hi].ments, g.ments...)
			groups[hi].weak = groups[hi].weak && g.weak
			continue
		}
		first[g.known] = gi
	}
}

// markCompounds finds the names that join two names of the document with
// a hyphen, each of an organization or a place ("EU-US" talks, the
// "Manchester United-Arsenal" match, "Gazprom-Rosneft"): they name a
// relation between two entities, not a third, and would otherwise make
// each an alias of the other. Their mentions are dropped (weak) and they
// join no chain. The hyphen is written between the names: a spaced one
// ("Talabira - II") is a corpus's tokenization.
func (d *docState) markCompounds(sets []*nameSet, byNK map[string]int) {
	// mostly reports whether a name of the document is mostly not a
	// person's; notPerson also that the tagger never called it one.
	mostly := func(name string) (*nameSet, bool) {
		i, ok := byNK[graph.NameKey(name)]
		if !ok {
			return nil, false
		}
		s := sets[i]
		return s, s.votes[graph.Person]+s.cues[graph.Person] < s.votes[graph.Organization]+s.votes[graph.Place]+s.cues[graph.Organization]
	}
	notPerson := func(name string) bool {
		if d.x.gaz.IsCountryName(name) {
			return true // a country's mentions go by its gazetteer name
		}
		s, ok := mostly(name)
		return ok && !s.taggedPerson
	}
	// An acronym the tagger once read as a person ("MHI president Yotaro
	// Iida") is still mostly a company's.
	named := func(name string) bool {
		_, ok := mostly(name)
		return ok
	}
	for _, s := range sets {
		name := d.ments[s.ments[0]].name
		if coordinated(name, notPerson) || juxtaposed(name, named) {
			s.compound = true
			for _, mi := range s.ments {
				d.ments[mi].weak = true
			}
			continue
		}
		a, b, ok := strings.Cut(name, "-")
		if !ok || strings.Contains(b, "-") || strings.HasSuffix(a, " ") || strings.HasPrefix(b, " ") || !notPerson(a) || !notPerson(b) {
			continue
		}
		s.compound = true
		for _, mi := range s.ments {
			d.ments[mi].weak = true
		}
	}
}

// coordinated reports whether a name joins two names with "and", "&", "of" or
// a slash ("IBM and Hitachi Ltd", "Fiat and General Motors", "Pennzoil/
// Texaco Inc"): the tagger's one span over two companies, which made each
// the other's alias and, across documents, Hitachi's mentions IBM's. One
// part must be a name the document uses on its own (known: an
// organization or place of its own, or a country; the second part also
// by its initials, "Fiat and General Motors (GM)"), and the other too or
// a company's name with a designator. "Procter and Gamble Co" stays one name where "Procter" is
// not used alone, and "Securities and Exchange Commission" always.
func coordinated(name string, known func(string) bool) bool {
	// "purchase from BankAmerica Co of Charles Schwab and Co Inc": a
	// company's name with a designator does not go on with "of" and
	// another's ("Public Service Co of Indiana" and "Hospital Corp of
	// America" go on with a place).
	if a, b, ok := strings.Cut(name, " of "); ok && designated(a) && designated(b) {
		return true
	}
	for _, sep := range []string{" and ", " & ", "/"} {
		a, b, ok := strings.Cut(name, sep)
		if !ok || strings.Contains(b, sep) || a == "" || b == "" {
			continue
		}
		ka, kb := known(a) || known(bare(a)), known(b) || known(bare(b)) || known(initials(b))
		if ka && kb || ka && designated(b) || kb && designated(a) {
			return true
		}
	}
	return false
}

// juxtaposed reports whether a name is two names of the document side by
// side, the second an acronym: "officials told Reuters MHI is the
// leader", where the tagger read one span over the agency and Mitsubishi
// Heavy Industries (MHI), which made "MHI" an alias of Reuters. Both
// parts must be names the document uses on their own (known); a
// designator is no acronym ("Unilever NV").
func juxtaposed(name string, known func(string) bool) bool {
	i := strings.LastIndexByte(name, ' ')
	if i <= 0 {
		return false
	}
	a, b := strings.TrimSpace(name[:i]), name[i+1:]
	if r, _ := utf8.DecodeLastRuneInString(a); !unicode.IsLetter(r) {
		return false // "Talabira - III": a numbered part of one name
	}
	return len(b) >= 2 && len(b) <= 6 && isAllUpper(b) && !isAllUpper(a) && !designators[strings.ToLower(b)] && known(a) && known(b)
}

// bare is a company's name without its designator: "Hitachi" of
// "Hitachi Ltd", the name itself if it has none.
func bare(name string) string {
	if !designated(name) {
		return name
	}
	return strings.TrimSpace(name[:strings.LastIndexByte(strings.TrimSpace(name), ' ')])
}

// initials are the first letters of a name's capitalized words: "GM" of
// "General Motors"; "" for a name of one word.
func initials(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		if isCap(w) {
			b.WriteString(w[:1])
		}
	}
	return b.String()
}
