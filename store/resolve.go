package store

import (
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// resolveEntity maps an extraction's document-local entity to the ID of the
// global entity it denotes, creating that entity (empty, to be filled by
// contribute) when there is none. In order:
//
//  1. an entity of the same type with the local ID (following merges);
//     a date goes by its ID alone, and is new if none has it;
//  2. an entity of the same type with the same folded name or alias, except
//     that a lone surname of several people joins only a person named by
//     it alone, and a generic word ("Commission", "Fund": genericNames)
//     only an entity named by it;
//  3. for a person named by an initial and a surname ("S. Warne"), the
//     one person whose full name they abbreviate (byInitial); else, for a
//     person with a multi-word name, a new entity for that name, into
//     which a surname-only person ("Putin") is merged if that surname now
//     belongs to exactly one full name;
//  4. an entity of the same type named like one of the aliases, other than
//     a generic word, the name's head (isHead) or its complement
//     (isComplement); an organization only one that aliasJoins accepts;
//  5. for a one-word person name, the one person whose full name ends in it;
//  6. a new entity with the ID made from the name.
//
// Where several entities match, the most mentioned wins, then the smallest ID.
//
// Before all these, a name that documents typed otherwise much more often
// joins the entity of that type (majorityType); the type it is stored
// under is returned with its ID.
func (w *wtx) resolveEntity(e *graph.Entity) (string, graph.EntityType, error) {
	if id, t, ok, err := w.majorityType(e); ok || err != nil {
		return id, t, err
	}
	id, err := w.resolveTyped(e)
	return id, e.Type, err
}

// majorityRatio is how many times the type votes of the entity another
// type gives a name must outweigh those of the document's own type (the
// entity it would join and this document's mentions) for the name to join
// it. Two, not just more: a name of two entities keeps both unless one of
// them is mostly a mistyping. majorityMin is the fewest votes that decide:
// the first documents of a name decide nothing.
const (
	majorityRatio = 2
	majorityMin   = 10
)

// votes reports whether entities of type t take part in type voting:
// dates and events are named by their kind, never mistyped as the others.
func votes(t graph.EntityType) bool {
	return t == graph.Person || t == graph.Organization || t == graph.Place || t == graph.Other
}

// majorityType returns the entity of another type that e's name mostly
// denotes across documents: the one named so with the most type votes, if
// they are at least majorityRatio times those of e's own type (the entity
// e would join by its ID or name, and e's mentions) and majorityMin.
//
// The document's own evidence keeps its type: a role ("chief
// executive"), a place the gazetteer knows, or a person's full name (the
// tagger's surest pattern, and what surnames resolve to), and type other,
// which the extractor gives on a cue of its own ("the film Vera Drake").
// A person never joins a place: the extractor types a gazetteer place a
// person only where the document says so ("Jordan scored"). An
// organization never joins a person, and nothing joins a one-word person
// unless that word is the surname of a full name in the store: the
// tagger's commonest error is a company's name ("Citicorp", "Smith
// Barney") typed person, often in most documents.
func (w *wtx) majorityType(e *graph.Entity) (string, graph.EntityType, bool, error) {
	if !votes(e.Type) || e.Type == graph.Other || len(e.Roles) > 0 || e.Location != nil {
		return "", "", false, nil
	}
	nk := graph.NameKey(e.Name)
	if nk == "" || e.Type == graph.Person && tokenCount(nk) > 1 {
		return "", "", false, nil
	}
	own, err := w.ownVotes(e, nk)
	if err != nil {
		return "", "", false, err
	}
	best, bestT, bestN := "", graph.EntityType(""), 0
	for _, t := range graph.EntityTypes {
		if !votes(t) || t == e.Type || e.Type == graph.Person && t == graph.Place || e.Type == graph.Organization && t == graph.Person {
			continue
		}
		if t == graph.Person && tokenCount(nk) == 1 {
			if full, err := w.ids(key(pSurname, nk)); err != nil || len(full) == 0 {
				if err != nil {
					return "", "", false, err
				}
				continue
			}
		}
		id, rec, err := w.mostVoted(t, nk)
		if err != nil {
			return "", "", false, err
		}
		if rec != nil && voteWeight(rec) > bestN {
			best, bestT, bestN = id, t, voteWeight(rec)
		}
	}
	if best == "" || bestN < majorityMin || bestN < majorityRatio*own {
		return "", "", false, nil
	}
	return best, bestT, true, nil
}

// ownVotes is the type votes of e's own type: its mentions, and the votes
// of the entity it would join by its ID, its name or an alias of that
// entity, whichever has most.
func (w *wtx) ownVotes(e *graph.Entity, nk string) (int, error) {
	n := 0
	if id, ok, err := w.existing(e.ID, e.Type); err != nil {
		return 0, err
	} else if ok {
		rec, err := w.entity(id)
		if err != nil {
			return 0, err
		}
		n = voteWeight(rec)
	}
	if id, ok, err := w.byName(e.Type, nk, false); err != nil {
		return 0, err
	} else if ok {
		rec, err := w.entity(id)
		if err != nil {
			return 0, err
		}
		n = max(n, voteWeight(rec))
	}
	return n + len(e.Mentions), nil
}

// voteWeight is the sum of an entity's type votes, or its mentions for a
// restored entity, which has none.
func voteWeight(rec *entityRec) int {
	if len(rec.Votes) == 0 {
		return rec.Mentions
	}
	n := 0
	for _, v := range rec.Votes {
		n += v.N
	}
	return n
}

// mostVoted returns the entity of type t named (not aliased) nk with the
// most type votes, then the smallest ID. An organization is named nk
// with a designator too: "Sony" is Sony Corp's name, which BBC documents
// typed person.
func (w *wtx) mostVoted(t graph.EntityType, nk string) (string, *entityRec, error) {
	ids, err := w.ids(key(pName, string(t), nk))
	if err != nil {
		return "", nil, err
	}
	var best string
	var bestRec *entityRec
	for _, id := range ids {
		rec, err := w.entity(id)
		if err != nil {
			return "", nil, err
		}
		if rec != nil && (graph.NameKey(rec.Name) == nk || t == graph.Organization && withoutDesignators(graph.NameKey(rec.Name)) == nk) &&
			(bestRec == nil || voteWeight(rec) > voteWeight(bestRec)) {
			best, bestRec = id, rec
		}
	}
	return best, bestRec, nil
}

// resolveTyped is resolveEntity's resolution within e's own type.
func (w *wtx) resolveTyped(e *graph.Entity) (string, error) {
	t := e.Type
	if id, ok, err := w.existing(e.ID, t); ok || err != nil {
		return id, err
	}
	if t == graph.Date {
		// A date's ID is its value, or names its document when it has
		// none (extract's entityName): joined by name, every story's
		// "today" would be one entity.
		return w.create(e.ID, t)
	}
	nk := graph.NameKey(e.Name)
	if t == graph.Person && tokenCount(nk) == 1 {
		// A lone surname that several people's full names end in ("Lee":
		// Stan Lee, Starry Lee) joins none of them, though one may have it
		// as an alias; only a person named by the surname alone.
		others, err := w.ids(key(pSurname, nk))
		if err != nil {
			return "", err
		}
		if len(others) > 1 {
			if id, ok, err := w.byName(t, nk, true); ok || err != nil {
				return id, err
			}
			return w.create(graph.EntityID(t, e.Name), t)
		}
	}
	if id, ok, err := w.byOwnName(t, e.Name); ok || err != nil {
		return id, err
	}
	if t == graph.Person && tokenCount(nk) == 2 {
		if id, ok, err := w.byInitial(nk); ok || err != nil {
			return id, err
		}
	}
	if t == graph.Person && tokenCount(nk) >= 2 {
		id, err := w.create(graph.EntityID(t, e.Name), t)
		if err != nil {
			return "", err
		}
		return id, w.absorbSurname(id, nk[strings.LastIndexByte(nk, ' ')+1:])
	}
	for _, a := range e.Aliases {
		ak := graph.NameKey(a)
		if genericNames[ak] || isHead(ak, nk) || isComplement(ak, nk) {
			continue
		}
		if isAcronym(a) {
			if shortName(ak, nk) {
				continue // "BBC" of "BBC Brown Boveri" is not the BBC
			}
			// "ICO Inc" is named by its acronym: not the International
			// Coffee Organization, whose initials it spells.
			named := withoutDesignators(nk) == ak
			if id, ok, err := w.byAcronym(t, ak, named); ok || err != nil {
				return id, err
			}
			continue
		}
		if t == graph.Organization {
			if id, ok, err := w.bestIndexed(t, ak, func(name string) bool { return aliasJoins(ak, nk, name) }); ok || err != nil {
				return id, err
			}
			continue
		}
		if id, ok, err := w.byName(t, ak, false); ok || err != nil {
			return id, err
		}
	}
	if t == graph.Person && tokenCount(nk) == 1 {
		ids, err := w.ids(key(pSurname, nk))
		if err != nil {
			return "", err
		}
		if len(ids) == 1 {
			return ids[0], nil
		}
	}
	return w.create(graph.EntityID(t, e.Name), t)
}

// isAcronym reports whether an alias is an acronym: one word of two to
// six capital letters ("EMS", "USDA").
func isAcronym(a string) bool {
	if len(a) < 2 || len(a) > 6 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] < 'A' || a[i] > 'Z' {
			return false
		}
	}
	return true
}

// byAcronym returns the best entity of type t that the folded acronym ak
// names across documents: one named by it alone, or with a designator
// ("IBM Corp"), or, unless named (the entity is named by the acronym
// itself), whose name it spells ("European Monetary System").
// Another entity that merely has it as an alias is no match: the
// European Monetary System's "EMS" had joined it to EMS Systems Ltd,
// whose own documents call it EMS too.
func (w *wtx) byAcronym(t graph.EntityType, ak string, named bool) (string, bool, error) {
	if named {
		return w.bestIndexed(t, ak, func(name string) bool { return withoutDesignators(name) == ak })
	}
	return w.bestIndexed(t, ak, func(name string) bool { return acronymOf(ak, name) })
}

// shortName reports whether the folded acronym ak opens the folded name
// nk and other words than designators follow it: "BBC Brown Boveri",
// "AMC Entertainment Inc". Such a company goes by its acronym in its own
// stories, but the acronym names others too (the BBC, American Motors),
// so it joins nothing across documents.
func shortName(ak, nk string) bool {
	rest, ok := strings.CutPrefix(nk, ak+" ")
	return ok && withoutDesignators(rest) != "" && !designatorWords[strings.Fields(withoutDesignators(rest))[0]]
}

// acronymOf reports whether the folded acronym ak stands for the folded
// name nk: nk is ak, alone or with designators after it, or ak spells
// the initials of nk's words other than "of", "the", "and", "for".
func acronymOf(ak, nk string) bool {
	if withoutDesignators(nk) == ak {
		return true
	}
	var b strings.Builder
	for _, w := range strings.Fields(nk) {
		if w != "of" && w != "the" && w != "and" && w != "for" {
			b.WriteByte(w[0])
		}
	}
	return b.String() == ak
}

// withoutDesignators is a folded name without the designators that end
// it: "sony" of "sony corp".
func withoutDesignators(nk string) string {
	words := strings.Fields(nk)
	n := len(words)
	for n > 1 && designatorWords[words[n-1]] {
		n--
	}
	return strings.Join(words[:n], " ")
}

// designatorWords end a company's name: "IBM Corp" is IBM.
var designatorWords = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true, "ag": true, "nv": true,
	"bv": true, "gmbh": true, "spa": true, "sa": true, "group": true, "corporation": true, "company": true,
}

// byInitial returns, for a folded person's name of an initial and a
// surname ("s warne"), the one person of the store whose full name has
// that surname and a given name with that initial (Shane Warne): a story
// that writes "S. Warne" alone made a second person of him.
func (w *wtx) byInitial(nk string) (string, bool, error) {
	initial, surname, _ := strings.Cut(nk, " ")
	if len(initial) != 1 {
		return "", false, nil
	}
	ids, err := w.ids(key(pSurname, surname))
	if err != nil {
		return "", false, err
	}
	found := ""
	for _, id := range ids {
		rec, err := w.entity(id)
		if err != nil {
			return "", false, err
		}
		if rec == nil {
			continue
		}
		given, _, _ := strings.Cut(graph.NameKey(rec.Name), " ")
		if len(given) > 1 && given[0] == initial[0] && strings.HasSuffix(graph.NameKey(rec.Name), " "+surname) {
			if found != "" {
				return "", false, nil // two people it may be
			}
			found = id
		}
	}
	return found, found != "", nil
}

// genericNames are the common nouns (and one adjective) that a document
// may use alone for the organization it names in full ("the Commission"
// after "the Panama Canal Commission", "Federal" for the Federal Reserve),
// but that do not identify one organization across documents: joined by
// them, the Reuters-21578 + BBC store gave the European Commission the
// aliases "Canal Commission" and "Casino Control Commission", and the IMF
// "Alger Fund" and "A Brazil Fund". Such a name joins only an entity
// named by it alone, and such an alias joins nothing. ("United", which
// a document may call Manchester United or United Airlines, had gathered
// 20 companies named United in one entity.)
var genericNames = map[string]bool{
	"administration": true, "agency": true, "army": true, "assembly": true, "association": true,
	"authority": true, "bank": true, "board": true, "bureau": true, "cabinet": true, "center": true,
	"centre": true, "club": true, "commission": true, "committee": true, "company": true,
	"congress": true, "corp": true, "corporation": true, "council": true, "court": true,
	"department": true, "exchange": true, "federal": true, "federation": true, "foundation": true,
	"fund": true, "government": true, "group": true, "house": true, "inc": true, "institute": true,
	"league": true, "ministry": true, "navy": true, "office": true, "parliament": true, "party": true,
	"police": true, "reserve": true, "senate": true, "service": true, "society": true, "treasury": true,
	"trust": true, "union": true, "united": true, "university": true,
}

// existing returns id, following merges, if an entity of type t is stored
// under it.
func (w *wtx) existing(id string, t graph.EntityType) (string, bool, error) {
	id, err := w.resolve(id)
	if err != nil {
		return "", false, err
	}
	rec, err := w.entity(id)
	if err != nil || rec == nil || rec.Type != t {
		return "", false, err
	}
	return id, true, nil
}

// byName returns the best entity of type t indexed under the folded name
// nk; with own, only one whose name (not an alias) is nk.
func (w *wtx) byName(t graph.EntityType, nk string, own bool) (string, bool, error) {
	if nk == "" {
		return "", false, nil
	}
	return w.bestIndexed(t, nk, func(name string) bool { return !own || name == nk })
}

// byOwnName is rule 2 of resolveEntity: the best entity of type t
// indexed under the document's name. A generic word joins only an entity
// named by it. Nor does a name join, where absorbShort would merge, one
// whose name it is the head or complement of ("Central Bank" and the
// Egyptian Central Bank, "Mississippi River" and the Lower Mississippi
// River), nor an acronym a company whose name it opens ("CTC" and C.T.C.
// Dealer Holdings Ltd): rule 4 does not join them by such an alias either,
// and a rule that holds one way only makes the graph depend on which
// document came first.
func (w *wtx) byOwnName(t graph.EntityType, name string) (string, bool, error) {
	nk := graph.NameKey(name)
	if nk == "" {
		return "", false, nil
	}
	own, acronym := genericNames[nk], isAcronym(name)
	return w.bestIndexed(t, nk, func(cand string) bool {
		switch {
		case own || cand == nk:
			return cand == nk
		case !shortNamed(t):
			return true
		}
		return !isHead(nk, cand) && !isComplement(nk, cand) && !(acronym && shortName(nk, cand))
	})
}

// bestIndexed returns the most mentioned entity of type t indexed under
// the folded name nk whose folded name keep accepts.
func (w *wtx) bestIndexed(t graph.EntityType, nk string, keep func(name string) bool) (string, bool, error) {
	ids, err := w.ids(key(pName, string(t), nk))
	if err != nil || len(ids) == 0 {
		return "", false, err
	}
	best, bestN := "", -1
	for _, id := range ids {
		rec, err := w.entity(id)
		if err != nil {
			return "", false, err
		}
		if rec != nil && rec.Mentions > bestN && keep(graph.NameKey(rec.Name)) {
			best, bestN = id, rec.Mentions
		}
	}
	return best, best != "", nil
}

// create returns the entity for a new name: id, or what id was merged
// into. The record itself is written by the first contribution.
func (w *wtx) create(id string, t graph.EntityType) (string, error) {
	return w.resolve(id)
}

// absorbSurname merges the surname-only person named surname into the
// person id, when id is the only person whose full name ends in surname.
func (w *wtx) absorbSurname(id, surname string) error {
	others, err := w.ids(key(pSurname, surname))
	if err != nil {
		return err
	}
	for _, o := range others {
		if o != id {
			return nil // the surname is ambiguous
		}
	}
	ids, err := w.ids(key(pName, string(graph.Person), surname))
	if err != nil {
		return err
	}
	var short []string
	for _, cand := range ids {
		if cand == id {
			continue
		}
		rec, err := w.entity(cand)
		if err != nil {
			return err
		}
		if rec != nil && len(surnames(rec)) == 0 {
			short = append(short, cand)
		}
	}
	if len(short) != 1 {
		return nil
	}
	// A new entity has no record yet; merging needs one to merge into.
	if rec, err := w.entity(id); err != nil {
		return err
	} else if rec == nil {
		if err := w.putEntity(id, nil, &entityRec{Type: graph.Person}, true); err != nil {
			return err
		}
	}
	return w.mergeEntity(short[0], id, true)
}

// isHead reports whether the folded alias ak is the head noun of the
// folded name nk, with or without "the": the words before "of" ("Bank" of
// "Bank of Finland", not "Scientology" of "Church of Scientology"), else
// its last words ("Commission" of "Arbitration Commission", "the Bank" of
// "First Midwest Bank"; none in a coordination). A document may call an
// organization by its head, but the head names many others: joining
// documents by it made the Bank of England also the Bank of Finland.
func isHead(ak, nk string) bool {
	ak = strings.TrimPrefix(ak, "the ")
	if ak == "" || len(ak) >= len(nk) {
		return false
	}
	if before, _, ok := strings.Cut(nk, " of "); ok {
		return before == ak
	}
	// The last word of "Microsoft and Intel" is no head but a name.
	return strings.HasSuffix(nk, " "+ak) && !strings.Contains(nk, " and ")
}

// aliasJoins reports whether an organization named nk (folded) joins,
// by its folded alias ak, the organization named name that is indexed
// under ak too. A company named by the alias and a designator ("Merrill
// Corp", alias "Merrill") joins only one named by it, alone or with
// designators: another company's short name ("Merrill" of Merrill Lynch)
// is not its name. Otherwise the other is named by the alias, or one
// name starts the other ("Merrill Lynch" and "Merrill Lynch Capital
// Markets" by "Merrill"): two names that share a short form but go on
// apart name two bodies ("Commerce Group Corp" and the "Commerce
// Department", both "Commerce" in their stories).
func aliasJoins(ak, nk, name string) bool {
	bn, bname := withoutDesignators(nk), withoutDesignators(name)
	if bn == ak {
		return bname == ak
	}
	return name == ak || startsWords(bn, bname) || startsWords(bname, bn)
}

// startsWords reports whether the folded name short is the first words
// of the folded name long.
func startsWords(short, long string) bool {
	return short == long || strings.HasPrefix(long, short+" ")
}

// isComplement reports whether the folded alias ak is the complement of
// a generic head (genericNames) after "of" or "for" in the folded name
// nk: the field or the seat of a bank, a ministry or a department
// ("Commerce" of "Canadian Imperial Bank of Commerce", "Trade and
// Industry" of "Department for Trade and Industry"). A document may call
// the body by it, but across documents it names others of the field:
// joined by it, the Canadian bank was the US Commerce Department and
// Britain's trade department Japan's MITI. A complement after another
// word is a name ("Scientology" of "Church of Scientology").
func isComplement(ak, nk string) bool {
	ak = strings.TrimPrefix(ak, "the ")
	if ak == "" || len(ak) >= len(nk) {
		return false
	}
	for _, prep := range []string{" of ", " for "} {
		if before, ok := strings.CutSuffix(nk, prep+ak); ok {
			return genericNames[before[strings.LastIndexByte(before, ' ')+1:]]
		}
	}
	return false
}
