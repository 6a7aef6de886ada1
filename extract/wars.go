package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// warRank orders the heads of a country's conflict by how well they name
// it: the entity is named after the best one the document uses.
var warRank = map[string]int{"civil war": 0, "war": 1, "conflict": 2, "uprising": 3, "revolution": 4, "insurgency": 5, "crisis": 6}

// readWars finds named events: a country's war or conflict ("Syria's
// civil war", "the Syrian conflict", "the war in Syria"), capitalized
// names of events ("World War II", "Arab Spring"), and the definite
// references that follow them ("the war", "civil war"), which resolve to
// the most recent one.
func (d *docState) readWars(c *chunk, tm []int32) {
	for i := 0; i < len(c.toks); i++ {
		if tm[i] >= 0 {
			if e := d.namedEvent(c, tm, i); e > i {
				i = e - 1
			}
			continue
		}
		head, n := warHead(c, i)
		if n == 0 {
			continue
		}
		end := i + n
		if isCap(c.tokText(end)) && c.sameSentence(i, end) {
			continue // "the American Revolution Constitution Hall" is a longer name
		}
		if isCap(c.toks[i].Text) {
			head = c.spanText(i, end) // "American Revolution" keeps its capitals
		}
		// "Syria's civil war": a country's possessive before the head.
		if j := i - 2; j >= 0 && isPossessive(c.tokText(i-1)) && tm[j] >= 0 && c.sameSentence(j, i) {
			if p := d.ments[tm[j]].place; p != nil && p.Kind == gazetteer.Country {
				d.addWar(c, tm, d.ments[tm[j]].first, end, p, head)
				i = end - 1
				continue
			}
		}
		// "the Syrian civil war": a demonym before it.
		if j := i - 1; j >= 0 && isCap(c.toks[j].Text) && c.sameSentence(j, i) {
			if p, ok := d.x.gaz.Demonym(c.toks[j].Text); ok && (tm[j] < 0 || d.ments[tm[j]].adjective) {
				d.addWar(c, tm, j, end, p, head)
				i = end - 1
				continue
			}
		}
		// "the war in Syria".
		if c.lower(end) == "in" && end+1 < len(tm) && tm[end+1] >= 0 && c.sameSentence(i, end+1) {
			if p := d.ments[tm[end+1]].place; p != nil && p.Kind == gazetteer.Country {
				d.addWar(c, tm, i, d.ments[tm[end+1]].last, p, head)
				i = end
				continue
			}
		}
		// "the war", "into civil war": the latest conflict named.
		if d.lastWar >= 0 && (c.lower(i-1) == "the" || head == "civil war") && !isCap(c.toks[i].Text) {
			w := d.ments[d.lastWar]
			k := d.add(c, i, end, mention{typ: graph.Event, score: 0.7, anaphor: true, key: w.key, name: w.name})
			for t := i; t < end; t++ {
				tm[t] = int32(k)
			}
			d.participantBefore(c, tm, i, k)
			i = end - 1
		}
	}
}

// warHead returns the conflict noun at token i and its length in tokens.
func warHead(c *chunk, i int) (string, int) {
	if c.lower(i) == "civil" && c.lower(i+1) == "war" && c.sameSentence(i, i+1) {
		return "civil war", 2
	}
	if c.lower(i) == "civil" {
		return "", 0
	}
	if h, ok := warNouns[c.lower(i)]; ok && h != "civil war" {
		return h, 1
	}
	return "", 0
}

// addWar adds the mention of country p's conflict over tokens [f, e).
// Every conflict of one country in a document is one entity, named after
// the best head used: "Syrian civil war".
func (d *docState) addWar(c *chunk, tm []int32, f, e int, p *gazetteer.Place, head string) {
	demonym := p.Name
	if len(p.Demonyms) > 0 {
		demonym = p.Demonyms[0]
	}
	key := "war:" + p.CountryCode
	k := d.add(c, f, e, mention{typ: graph.Event, score: 0.8, key: key, name: demonym + " " + head})
	d.ments[k].score += 0.01 * float64(len(warRank)-warRank[strings.ToLower(head)]) // the better head names the entity
	for t := f; t < e; t++ {
		if tm[t] < 0 {
			tm[t] = int32(k)
		}
	}
	d.lastWar = k
	d.participantBefore(c, tm, f, k)
}

// joinVerbs before "in" or a conflict make their subject a participant:
// "Russia has been involved in Syria's civil war", "Iran entered the war".
var joinVerbs = set("involved", "engaged", "intervened", "fighting", "fought", "participated", "participating", "joined", "entered", "fights")

// participantBefore reads "X (has been) involved in WAR" and "X joined the
// war", where the event's mention starts at token f.
func (d *docState) participantBefore(c *chunk, tm []int32, f, ev int) {
	j := f - 1
	if c.lower(j) == "the" {
		j--
	}
	if c.lower(j) == "in" {
		j--
	}
	if j < 0 || !joinVerbs[c.lower(j)] || !c.sameSentence(j, f) {
		return
	}
	for k := j - 1; k >= 0 && k >= j-6 && c.sameSentence(k, f); k-- {
		if tm[k] < 0 {
			continue
		}
		m := &d.ments[tm[k]]
		if m.typ == graph.Event || m.typ == graph.Date || m.adjective {
			return
		}
		d.cands.links = append(d.cands.links, linkCand{subj: int(tm[k]), obj: ev, predicate: graph.ParticipantIn, conf: 0.75, ev: c.evidence(m.first, d.ments[ev].last)})
		return
	}
}

// namedEvent retypes a capitalized name that names an event ("World War
// II", "Arab Spring", "Tokyo Olympics") starting at token i, returning the
// token after it, or i if it is not one.
func (d *docState) namedEvent(c *chunk, tm []int32, i int) int {
	m := &d.ments[tm[i]]
	if m.first != i || m.typ == graph.Person || m.adjective || m.anaphor || m.place != nil && m.last-m.first == 1 {
		return i
	}
	words := strings.Fields(graph.NameKey(m.Text))
	for i, w := range words {
		// The head ends the name, or only a number or numeral follows
		// it ("World War II"); "Organisation of Islamic Conference" is
		// an organization.
		if eventNameHeads[w] && (i == len(words)-1 || i == len(words)-2 && isNumeral(words[i+1])) && !anyOrgWord(words) {
			m.typ, m.place = graph.Event, nil
			if w == "war" || w == "revolution" || w == "uprising" {
				d.lastWar = int(tm[i])
				if m.key == "" {
					m.key = "event:" + graph.NameKey(m.Text)
				}
			}
			return m.last
		}
	}
	return i
}

func isNumeral(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi":
		return true
	}
	return isDigits(w)
}

func anyOrgWord(words []string) bool {
	for _, w := range words {
		if orgWords[w] && !eventNameHeads[w] {
			return true
		}
	}
	return false
}
