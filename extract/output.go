package extract

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// maxPairEntities bounds the entities of one sentence that get
// mentioned_with relations, so that a sentence listing hundreds of names
// does not produce a quadratic number of pairs.
const maxPairEntities = 12

// maxEvidence bounds the evidence kept per relation from one document.
const maxEvidence = 5

// finish resolves the document's mentions into entities and turns the
// candidates into facts.
func (d *docState) finish() *graph.Extraction {
	groups := d.resolve()
	x := &graph.Extraction{Document: d.doc, Relations: []*graph.Relation{}, Figures: []*graph.Figure{}, Events: []*graph.EventFact{}, Quotes: []*graph.Quote{}}
	byID := map[string]*graph.Entity{}
	gEnt := make([]*graph.Entity, len(groups))
	for gi, g := range groups {
		if g.merged >= 0 || g.weak || g.typ == "" {
			continue
		}
		name, id := d.entityName(g)
		e := byID[id]
		if e == nil {
			e = &graph.Entity{ID: id, Type: g.typ, Name: name, Value: g.value}
			if g.place != nil {
				e.Location = g.place.GeoPoint()
			}
			byID[id] = e
			x.Entities = append(x.Entities, e)
		}
		gEnt[gi] = e
	}
	// Mentions, through merges.
	entOf := make([]*graph.Entity, len(d.ments))
	placeOfEnt := map[*graph.Entity]*gazetteer.Place{}
	for gi, g := range groups {
		root := gi
		for groups[root].merged >= 0 {
			root = groups[root].merged
		}
		e := gEnt[root]
		if e == nil {
			continue
		}
		if groups[root].place != nil {
			placeOfEnt[e] = groups[root].place
		}
		for _, mi := range g.ments {
			entOf[mi] = e
		}
	}
	// A nationality adjective is not a name: it stays among a country's
	// mentions only when the country is not named otherwise ("German
	// Chancellor Angela Merkel" is the only mention of Germany). It still
	// stands for the country in facts.
	named := map[*graph.Entity]bool{}
	for mi := range d.ments {
		if e := entOf[mi]; e != nil && !d.ments[mi].adjective {
			named[e] = true
		}
	}
	// Each entity's mentions sized exactly: appending would leave up to
	// half of every large slice unused.
	count := make(map[*graph.Entity]int, len(x.Entities))
	for mi := range d.ments {
		if e := entOf[mi]; e != nil && !(d.ments[mi].adjective && named[e]) {
			count[e]++
		}
	}
	for e, n := range count {
		e.Mentions = make([]graph.Mention, 0, n)
	}
	aliases := map[*graph.Entity]map[string]bool{}
	for mi := range d.ments {
		e := entOf[mi]
		if e == nil || d.ments[mi].adjective && named[e] {
			continue
		}
		m := d.ments[mi].evidence(d.doc.ID)
		m.Entity = e.ID
		e.Mentions = append(e.Mentions, m)
		if dm := &d.ments[mi]; !dm.adjective && !dm.anaphor && dm.name != e.Name && !relativeDate(e, dm.name) {
			if aliases[e] == nil {
				aliases[e] = map[string]bool{}
			}
			if !aliases[e][dm.name] {
				aliases[e][dm.name] = true
				e.Aliases = append(e.Aliases, dm.name)
			}
		}
	}
	for _, e := range x.Entities {
		sort.SliceStable(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		e.MentionCount = len(e.Mentions)
	}
	sort.SliceStable(x.Entities, func(a, b int) bool {
		if len(x.Entities[a].Mentions) == 0 || len(x.Entities[b].Mentions) == 0 {
			return len(x.Entities[a].Mentions) > 0
		}
		return x.Entities[a].Mentions[0].Start < x.Entities[b].Mentions[0].Start
	})
	if d.dateline >= 0 && entOf[d.dateline] != nil {
		x.Document.Place = entOf[d.dateline].ID
	}
	if d.x.entities {
		d.roleFacts(newRelations(), entOf) // roles only: the relations are dropped
		return x
	}
	rb := newRelations()
	d.roleFacts(rb, entOf)
	for _, l := range d.links {
		s, o := entOf[l.subj], entOf[l.obj]
		if s != nil && o != nil && s != o {
			rb.add(s.ID, l.predicate, o.ID, "", false, l.conf, l.ev)
		}
	}
	d.gazetteerContainment(rb, x.Entities, placeOfEnt)
	inferCitizens(rb, countryIDs(placeOfEnt))
	x.Events = d.eventFacts(rb, entOf, x.Entities)
	x.Figures = d.figureFacts(entOf)
	x.Quotes = d.quoteFacts(entOf)
	d.cooccurrence(rb, entOf)
	x.Relations = rb.list()
	for _, r := range x.Relations {
		for i := range r.Evidence {
			r.Evidence[i].Document = d.doc.ID
		}
	}
	for _, e := range x.Events {
		for i := range e.Evidence {
			e.Evidence[i].Document = d.doc.ID
		}
	}
	return x
}

// entityName returns the name and ID of a group's entity. A date belongs
// to its document: one with a value ("today" of a document published on
// 1 December 2004) is the day, month or year it stands for, named and
// keyed by its ISO value (date/2004-12-01), so that every document that
// names that day shares it; one without ("today" with no publication
// date, "Wednesday") is keyed by its document too (date/today@DOC), so
// that unrelated stories never join through one "today".
func (d *docState) entityName(g *group) (name, id string) {
	name = d.canonical(g)
	switch {
	case g.typ != graph.Date:
		return name, graph.EntityID(g.typ, name)
	case g.value != "":
		return g.value, graph.EntityID(g.typ, g.value)
	}
	return name, graph.EntityID(g.typ, name) + "@" + graph.Slug(d.doc.ID)
}

// relativeDate reports whether name is a date entity's relative form,
// one without a digit ("today", "last year"): no alias of the day it
// stood for in one document, since it names others in the rest.
func relativeDate(e *graph.Entity, name string) bool {
	return e.Type == graph.Date && strings.IndexAny(name, "0123456789") < 0
}

// roleFacts gives people their roles and position relations.
func (d *docState) roleFacts(rb *relations, entOf []*graph.Entity) {
	seen := map[string]bool{}
	for _, r := range d.roles {
		p := entOf[r.person]
		if p == nil || p.Type != graph.Person {
			continue
		}
		role := graph.Role{Title: r.title}
		var of *graph.Entity
		if r.of >= 0 {
			of = entOf[r.of]
		}
		if of != nil && of.Type == graph.Place && orgPosition(r.predicate) {
			// "Hong Kong director Wong Kar-Wai", "deputy editor of UK":
			// a company's position is not held of a place.
			of = nil
		}
		if of != nil && of != p && !(r.predicate == "ambassador_to" && r.to) {
			// An ambassador to a country is not its ambassador ("Afghan
			// Ambassador to the United States"): the ambassador_to
			// relation says where he is posted.
			role.Of = of.ID
		}
		if k := p.ID + "\x00" + graph.NameKey(role.Title) + "\x00" + role.Of; !seen[k] {
			seen[k] = true
			p.Roles = append(p.Roles, role)
		}
		if of != nil && of != p && r.predicate != "" && !r.past {
			pred := r.predicate
			if pred == "ambassador_to" && !r.to {
				pred = "ambassador_of" // "Afghan Ambassador X" represents Afghanistan
			}
			rb.add(p.ID, pred, of.ID, r.title, false, r.conf, r.ev)
			if d.x.explain {
				rb.explain(p.ID, pred, of.ID, r.rule)
			}
			d.officeCitizen(rb, &r, p, of)
		}
	}
	// A role read once with what it is of and once without is one role.
	for _, e := range entOf {
		if e == nil || len(e.Roles) < 2 || seen["done\x00"+e.ID] {
			continue
		}
		seen["done\x00"+e.ID] = true
		withOf := map[string]bool{}
		for _, r := range e.Roles {
			if r.Of != "" {
				withOf[graph.NameKey(r.Title)] = true
			}
		}
		kept := e.Roles[:0]
		for _, r := range e.Roles {
			if r.Of != "" || !withOf[graph.NameKey(r.Title)] {
				kept = append(kept, r)
			}
		}
		e.Roles = kept
	}
}

// gazetteerContainment adds located_in for each place whose region or
// country the document also names: Sochi in Russia.
func (d *docState) gazetteerContainment(rb *relations, ents []*graph.Entity, placeOf map[*graph.Entity]*gazetteer.Place) {
	byPlace := map[*gazetteer.Place]*graph.Entity{}
	for e, p := range placeOf {
		byPlace[p] = e
	}
	for _, e := range ents {
		p := placeOf[e]
		if p == nil || len(e.Mentions) == 0 {
			continue
		}
		for _, c := range d.x.gaz.Containers(p) {
			if ce := byPlace[c]; ce != nil && ce != e {
				rb.add(e.ID, graph.LocatedIn, ce.ID, "", false, 0.9, e.Mentions[0])
			}
		}
	}
}

// cooccurrence relates every other pair of entities named in one sentence.
func (d *docState) cooccurrence(rb *relations, entOf []*graph.Entity) {
	bySent := map[int][]*graph.Entity{}
	var sents []int
	for mi := range d.ments {
		e := entOf[mi]
		if e == nil || e.Type == graph.Date {
			continue
		}
		s := d.ments[mi].Sentence
		if _, ok := bySent[s]; !ok {
			sents = append(sents, s)
		}
		es := bySent[s]
		dup := false
		for _, x := range es {
			dup = dup || x == e
		}
		if !dup && len(es) < maxPairEntities {
			bySent[s] = append(es, e)
		}
	}
	sort.Ints(sents)
	for _, s := range sents {
		es := bySent[s]
		span, ok := d.sentEv[s]
		ev := graph.Mention{Sentence: s, Start: span.start, End: span.end, Text: span.text}
		for i := 0; i < len(es) && ok; i++ {
			for j := i + 1; j < len(es); j++ {
				a, b := es[i].ID, es[j].ID
				if rb.related(a, b) {
					continue
				}
				if b < a {
					a, b = b, a
				}
				rb.add(a, graph.MentionedWith, b, "", true, 0, ev)
			}
		}
	}
	for _, r := range rb.rels {
		if r.Predicate == graph.MentionedWith {
			r.Confidence = 1 - 0.5/float64(r.Weight+1)
		}
	}
}

// relations collects one document's relations, one per (subject,
// predicate, object), counting the sentences that state each.
type relations struct {
	rels  []*graph.Relation
	index map[relKey]*graph.Relation
	pairs map[[2]string]bool // unordered pairs with a relation other than mentioned_with
	// lastSent is the sentence of a relation's latest statement: evidence
	// is capped, and this keeps the weight a count of sentences beyond it.
	lastSent map[*graph.Relation]int
}

func newRelations() *relations {
	return &relations{index: map[relKey]*graph.Relation{}, pairs: map[[2]string]bool{}, lastSent: map[*graph.Relation]int{}}
}

type relKey struct{ subj, pred, obj string }

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

func (rb *relations) related(a, b string) bool { return rb.pairs[pairKey(a, b)] }

func (rb *relations) add(subj, pred, obj, role string, symmetric bool, conf float64, ev graph.Mention) {
	if symmetric && obj < subj {
		subj, obj = obj, subj
	}
	k := relKey{subj, pred, obj}
	r := rb.index[k]
	if r == nil {
		r = &graph.Relation{ID: factID("rel", subj, pred, obj), Subject: subj, Predicate: pred, Object: obj, Role: role, Symmetric: symmetric}
		rb.index[k] = r
		rb.rels = append(rb.rels, r)
		if pred != graph.MentionedWith {
			rb.pairs[pairKey(subj, obj)] = true
		}
	}
	r.Confidence = max(r.Confidence, min(conf, 1))
	if last, ok := rb.lastSent[r]; ok && last == ev.Sentence {
		return
	}
	for _, e := range r.Evidence {
		if e.Sentence == ev.Sentence {
			return
		}
	}
	rb.lastSent[r] = ev.Sentence
	r.Weight++
	if len(r.Evidence) < maxEvidence {
		r.Evidence = append(r.Evidence, ev)
	}
}

// explain adds rule to the rules of the relation (subj, pred, obj), once.
func (rb *relations) explain(subj, pred, obj, rule string) {
	if r := rb.index[relKey{subj, pred, obj}]; r != nil && !slices.Contains(r.Rules, rule) {
		r.Rules = append(r.Rules, rule)
	}
}

func (rb *relations) list() []*graph.Relation { return rb.rels }

// factID derives a fact's ID from its content: kind, a slash, 16 hex
// digits of FNV-1a over the parts.
func factID(kind string, parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%s/%016x", kind, h.Sum64())
}

// joinNames writes "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// orgPosition reports whether a position predicate is held only in an
// organization: director, editor, chief executive, chair, founder,
// correspondent.
func orgPosition(pred string) bool {
	for _, suf := range []string{"director_of", "editor_of", "ceo_of", "chair_of", "founder_of", "correspondent_of"} {
		if strings.HasSuffix(pred, suf) {
			return true
		}
	}
	return false
}
