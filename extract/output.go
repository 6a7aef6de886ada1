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

// output is stage 9 of the pipeline (doc.go): the document's relations,
// events, figures and quotes, from the candidates that the window stages
// read, with the entities of their mentions.
func (d *docState) output(x *graph.Extraction, entOf []*graph.Entity, placeOfEnt map[*graph.Entity]*gazetteer.Place) {
	rb := newRelations()
	d.roleFacts(rb, entOf)
	national := map[string]bool{} // organizations whose nationality the document reads
	for _, l := range d.cands.links {
		s, o := entOf[l.subj], entOf[l.obj]
		// No rule links to a person, only places are located in places,
		// and no person is part_of anything: a link read while the tagger
		// took a name for another type's is dropped if resolution agreed
		// with the tagger.
		if s != nil && o != nil && s != o && o.Type != graph.Person && (l.predicate != graph.LocatedIn || s.Type == graph.Place) &&
			(l.predicate != graph.PartOf || s.Type != graph.Person) {
			rb.add(s.ID, l.predicate, o.ID, "", false, l.conf, l.ev)
			if l.predicate == graph.BasedIn && nationalityRules[l.rule] {
				national[s.ID] = true
			}
			if d.x.explain && l.rule != "" {
				rb.explain(s.ID, l.predicate, o.ID, l.rule)
			}
		}
	}
	d.gazetteerContainment(rb, x.Entities, placeOfEnt)
	d.domesticFacts(rb, entOf, placeOfEnt, national)
	d.inferCitizens(rb, countryIDs(placeOfEnt), national)
	d.inferMembers(rb)
	if d.x.reader != nil {
		d.readModel(rb, x.Entities)
	}
	x.Events = d.eventFacts(rb, entOf, x.Entities)
	x.Figures = d.figureFacts(entOf)
	x.Quotes = d.quoteFacts(entOf)
	cooccurrence(rb, d.ments, d.cands.sents, entOf)
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
}

// roleFacts gives people their roles and position relations.
func (d *docState) roleFacts(rb *relations, entOf []*graph.Entity) {
	seen := map[string]bool{}
	for _, r := range d.cands.roles {
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
		if of != nil && of != p && r.predicate != "" {
			pred := r.predicate
			if pred == "ambassador_to" && !r.to {
				pred = "ambassador_of" // "Afghan Ambassador X" represents Afghanistan
			}
			if r.past && !strings.HasPrefix(pred, "former_") {
				pred = "former_" + pred // "former French President Nicolas Sarkozy"
			}
			rb.add(p.ID, pred, of.ID, r.title, false, r.conf, r.ev)
			if d.x.explain {
				rb.explain(p.ID, pred, of.ID, r.rule[0]+"/"+r.rule[1])
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
				d.addRule(rb, ruleGazetteer, "", e.ID, ce.ID, "", e.Mentions[0])
			}
		}
	}
}

// noteSentences keeps the span of each sentence of window c in which two
// or more of ments, the window's mentions, stand: the evidence of their
// mentioned_with relations.
func (fc *factCands) noteSentences(c *chunk, ments []mention) {
	count := map[int32]int{}
	for mi := range ments {
		m := &ments[mi]
		s := c.sentOf[m.first]
		if count[s]++; count[s] == 2 {
			ev := c.sentenceEvidence(m.first)
			fc.sents[ev.Sentence] = sentSpan{ev.Start, ev.End, ev.Text}
		}
	}
}

// cooccurrence relates every other pair of entities named in one
// sentence: entOf gives the entity of each of ments, and spans the
// sentences that noteSentences kept.
func cooccurrence(rb *relations, ments []mention, spans map[int]sentSpan, entOf []*graph.Entity) {
	bySent := map[int][]*graph.Entity{}
	var sents []int
	for mi := range ments {
		e := entOf[mi]
		if e == nil || e.Type == graph.Date {
			continue
		}
		s := ments[mi].Sentence
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
		span, ok := spans[s]
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

// subjectsOf returns the subjects of the relations with predicate pred.
func (rb *relations) subjectsOf(pred string) map[string]bool {
	out := map[string]bool{}
	for _, r := range rb.rels {
		if r.Predicate == pred {
			out[r.Subject] = true
		}
	}
	return out
}

// hasSubject reports whether subj is the subject of a relation with
// predicate pred.
func (rb *relations) hasSubject(subj, pred string) bool {
	return slices.ContainsFunc(rb.rels, func(r *graph.Relation) bool { return r.Subject == subj && r.Predicate == pred })
}

// has reports whether the relation (subj, pred, obj) is stated.
func (rb *relations) has(subj, pred, obj string) bool {
	return rb.index[relKey{subj, pred, obj}] != nil
}

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
