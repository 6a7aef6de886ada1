package extract

import (
	"cmp"
	"math"
	"strconv"

	"github.com/factgraph/factgraph/graph"
)

// factFinder reads one kind of fact from a window, after its entity
// mentions are known: package figure's counts, package date's dates,
// package quote's quotations. Implementations add candidates to d.
type factFinder interface {
	find(d *docState, c *chunk, tm []int32)
}

// readFacts is stage 6 of the pipeline (doc.go): the fact finders
// (dates, figures, quotes and the rest of defaultFactFinders) and the
// events of window c, kept as candidates until the document's entities
// are known; and the sentences that name two or more entities.
func (d *docState) readFacts(c *chunk, tm []int32) {
	for _, f := range d.x.facts {
		f.find(d, c, tm)
	}
	if !d.x.entities {
		d.readEvents(c, tm)
	}
	d.cands.noteSentences(c, d.ments[d.chunkStart:])
}

// figureCand is a figure whose about and place are still mentions.
type figureCand struct {
	fig   *graph.Figure // the output figure, completed by figureFacts
	about int           // mention, -1 for none
	place int           // mention, -1 for none
	// source is the mention that reports it, -1 for none (figsource.go).
	source int
}

// quoteCand is a quote whose speaker is still a mention.
type quoteCand struct {
	q       graph.Quote
	speaker int // mention, -1 for none
}

// eventFacts turns event candidates into EventFacts, and gives named
// events (wars) facts of their own; meetings of two or more people give
// met relations.
func (d *docState) eventFacts(rb *relations, entOf []*graph.Entity, ents []*graph.Entity) []*graph.EventFact {
	out := []*graph.EventFact{}
	for _, ec := range d.cands.events {
		e := &graph.EventFact{Kind: ec.kind, Evidence: ec.evidence, Confidence: ec.conf}
		var names []string
		var people, others []*graph.Entity
		seen := map[string]bool{}
		for _, mi := range ec.participants {
			p := entOf[mi]
			if p == nil || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			switch p.Type {
			case graph.Person:
				people = append(people, p)
			case graph.Organization:
				others = append(others, p)
			}
		}
		// Meetings are of people; organizations take part in them only
		// when fewer than two people are named ("talks between Hamas and
		// Israel's government").
		parts := people
		if !meetingLike[ec.kind] || len(people) < 2 {
			parts = append(parts, others...)
		}
		for _, p := range parts {
			e.Participants = append(e.Participants, p.ID)
			names = append(names, p.Name)
		}
		if meetingLike[ec.kind] && len(people) == 0 {
			continue // meetings, talks and visits are of people
		}
		var placeName string
		if ec.place >= 0 && entOf[ec.place] != nil {
			e.Place, placeName = entOf[ec.place].ID, entOf[ec.place].Name
			if ec.placeFromDL {
				e.Confidence *= 0.9
			}
		}
		if ec.date >= 0 {
			dm := d.ments[d.cands.dates[ec.date].mention]
			e.Date, e.DateText = d.cands.dates[ec.date].value, dm.Text
		}
		e.Name = ec.kind
		if len(names) > 0 {
			e.Name += " of " + joinNames(names)
		}
		if placeName != "" {
			e.Name += " in " + placeName
		}
		e.ID = factID("event", d.doc.ID, ec.kind, strconv.Itoa(ec.evidence[0].Start))
		out = append(out, e)
		if meetingLike[ec.kind] && ec.kind != "visit" {
			for i := range people {
				for j := i + 1; j < len(people); j++ {
					for _, ev := range ec.evidence {
						rb.add(people[i].ID, graph.Met, people[j].ID, "", true, ec.conf, ev)
					}
				}
			}
		}
	}
	// Named events: a fact for each, with the entities that take part.
	takePart := map[string][]string{}
	for _, r := range rb.rels {
		if r.Predicate == graph.ParticipantIn {
			takePart[r.Object] = append(takePart[r.Object], r.Subject)
		}
	}
	for _, ent := range ents {
		if ent.Type != graph.Event || len(ent.Mentions) == 0 {
			continue
		}
		e := &graph.EventFact{Kind: eventKindOf(ent.Name), Name: ent.Name, Entity: ent.ID, Confidence: 0.7}
		e.Participants = takePart[ent.ID]
		for i, m := range ent.Mentions {
			if i == maxEvidence {
				break
			}
			e.Evidence = append(e.Evidence, m)
		}
		e.ID = factID("event", d.doc.ID, ent.ID)
		out = append(out, e)
	}
	return out
}

// eventKindOf names the kind of a named event from its name.
func eventKindOf(name string) string {
	k := graph.NameKey(name)
	for _, w := range []struct{ word, kind string }{
		{"war", "war"}, {"conflict", "war"}, {"insurgency", "war"}, {"uprising", "protest"}, {"revolution", "protest"},
		{"protests", "protest"}, {"election", "election"}, {"elections", "election"}, {"summit", "summit"},
		{"olympics", "competition"}, {"games", "competition"}, {"cup", "competition"}, {"championship", "competition"},
		{"conference", "conference"}, {"festival", "festival"}, {"expo", "festival"}, {"massacre", "attack"},
	} {
		for _, f := range splitWords(k) {
			if f == w.word {
				return w.kind
			}
		}
	}
	return "event"
}

func splitWords(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// figureFacts resolves figures' references to entities, and drops the
// restatements of a figure (see restates).
func (d *docState) figureFacts(entOf []*graph.Entity) []*graph.Figure {
	out := make([]*graph.Figure, 0, len(d.cands.figures))
	// Figures by measure and amount: only those can restate each other.
	type amountKey struct {
		measure        string
		value, low, hi uint64 // float bits; noAmount when absent
	}
	const noAmount = math.MaxUint64
	bits := func(v *float64) uint64 {
		if v == nil {
			return noAmount
		}
		return math.Float64bits(*v)
	}
	keyOf := func(f *graph.Figure) amountKey {
		return amountKey{f.Measure, bits(f.Value), bits(f.Low), bits(f.High)}
	}
	byAmount := map[amountKey][]*graph.Figure{}
next:
	for i := range d.cands.figures {
		fc := &d.cands.figures[i]
		f := fc.fig
		if fc.about >= 0 && entOf[fc.about] != nil {
			f.About = entOf[fc.about].ID
		}
		if fc.place >= 0 && entOf[fc.place] != nil {
			f.Place = entOf[fc.place].ID
		}
		src := fc.source
		if src < 0 {
			src = d.quoteSpeaker(f.Evidence) // only where no source was read
		}
		if src >= 0 && entOf[src] != nil {
			f.Source = entOf[src].ID
		}
		k := keyOf(f)
		for _, g := range byAmount[k] {
			if restates(g, f) {
				g.About = cmp.Or(g.About, f.About)
				g.Place = cmp.Or(g.Place, f.Place)
				g.Counted = cmp.Or(g.Counted, f.Counted)
				g.Qualifier = cmp.Or(g.Qualifier, f.Qualifier)
				g.Date = cmp.Or(g.Date, f.Date)
				g.Source = cmp.Or(g.Source, f.Source)
				continue next
			}
		}
		f.Evidence.Document = d.doc.ID
		f.ID = factID("figure", d.doc.ID, strconv.Itoa(f.Evidence.Start), strconv.Itoa(f.Evidence.End), f.Measure)
		if f.Validate() != nil {
			continue // a misread number: "999,999,999,999,999,999 killed"
		}
		out = append(out, f)
		byAmount[k] = append(byAmount[k], f)
	}
	return out
}

// adds reports whether a figure counts more of something already counted
// ("another 25", "a further 25", "25 more protesters", "25 other people"): an addition,
// never a restatement.
func adds(f *graph.Figure) bool { return graph.Addition(f.Qualifier) }

// restates reports whether figure f, later in a document, states again
// the figure g of its first sentence, as a story's body restates its
// headline ("At least 107 killed in Mecca crane collapse" … "killing 107 or
// more"): a count of people (not money or a percentage, where equal
// amounts are often different things), the same measure and amount,
// nothing that contradicts g (another place, subject, counted noun or
// date), and f no addition ("25 more") unless g is one too. Counting both would count the dead
// twice in every total. Equal counts later in a story are left apart: they
// are as often two events as one.
func restates(g, f *graph.Figure) bool {
	if g.Evidence.Sentence != 0 || g.Measure == graph.Money || g.Measure == graph.Percent || adds(f) && !adds(g) {
		return false
	}
	same := func(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
	compatible := func(a, b string) bool { return a == "" || b == "" || a == b }
	return g.Measure == f.Measure && same(g.Value, f.Value) && same(g.Low, f.Low) && same(g.High, f.High) &&
		g.Currency == f.Currency && compatible(g.Place, f.Place) && compatible(g.About, f.About) &&
		compatible(g.Counted, f.Counted) && compatible(g.Date, f.Date)
}

// quoteFacts resolves quotes' speakers to entities.
func (d *docState) quoteFacts(entOf []*graph.Entity) []*graph.Quote {
	out := make([]*graph.Quote, 0, len(d.cands.quotes))
	for i := range d.cands.quotes {
		qc := &d.cands.quotes[i]
		q := qc.q
		if qc.speaker >= 0 && entOf[qc.speaker] != nil {
			q.Speaker = entOf[qc.speaker].ID
		}
		q.Evidence.Document = d.doc.ID
		q.ID = factID("quote", d.doc.ID, strconv.Itoa(q.Evidence.Start), strconv.Itoa(q.Evidence.End))
		out = append(out, &q)
	}
	return out
}
