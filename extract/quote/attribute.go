package quote

import "github.com/factgraph/factgraph/graph"

// attribute finds the speaker of sp. prevSpeaker is the candidate who said
// the previous quotation, which ended in sentence prevSent. It returns the
// candidate index (-1 if none), the token span naming the speaker, and a
// confidence.
func (d *doc) attribute(sp span, prevSpeaker, prevSent int) (int, [2]int, float64) {
	none := [2]int{}
	// The words after the closing mark attribute it only within its
	// sentence: in `…." She said …` the next sentence says something else.
	if sp.close >= 0 && sp.close+1 < len(d.tt) && d.sentOf(sp.close+1) == d.sentOf(sp.close) {
		if c, at, ok := d.after(sp.close + 1); ok {
			return c, at, 0.9
		}
	}
	openSent := d.sentOf(sp.open)
	first, _ := d.bounds(openSent)
	if c, at, conf, ok := d.before(first, sp.open); ok {
		return c, at, conf
	}
	if d.frameHasVerb(sp) {
		return -1, none, 0
	}
	// A quotation standing alone continues the previous speaker, or quotes
	// the speaker of the sentence before.
	if prevSpeaker >= 0 && prevSent >= openSent-1 {
		c := d.cands[prevSpeaker]
		return prevSpeaker, [2]int{c.First, c.Last}, 0.6
	}
	if pf, pl := d.bounds(openSent - 1); pl > pf {
		for v := pl - 1; v >= pf; v-- {
			if d.inQ[v] || !speechVerbs[d.tt[v].lower] {
				continue
			}
			if c, at, ok := d.subject(v, pf); ok {
				return c, at, 0.6
			}
		}
		// Without a speech verb, the first person the sentence names, most
		// often its subject: "Putin praised the talks. “They were frank.”"
		for k := pf; k < pl; k++ {
			if c := d.candAt[k]; c >= 0 && d.cands[c].Type == graph.Person && !d.inQ[k] {
				return c, [2]int{d.cands[c].First, d.cands[c].Last}, 0.5
			}
		}
	}
	return -1, none, 0
}

// frameHasVerb reports whether a speech verb stands next to sp, outside
// quotations and within its sentences: then a speaker the candidates do
// not hold said it ("officials said"), and no other is guessed.
func (d *doc) frameHasVerb(sp span) bool {
	first, _ := d.bounds(d.sentOf(sp.open))
	for i := sp.open - 1; i >= first && !d.inQ[i]; i-- {
		if speechVerbs[d.tt[i].lower] {
			return true
		}
	}
	if sp.close < 0 || sp.close+1 >= len(d.tt) {
		return false
	}
	_, last := d.bounds(d.sentOf(sp.close))
	for i := sp.close + 1; i < last && !d.inQ[i]; i++ {
		if speechVerbs[d.tt[i].lower] {
			return true
		}
	}
	return false
}

// after reads the attribution right after a closing mark: ", Putin said",
// ", said Peskov", ", he added", "BA chairman Martin Broughton said" (the
// speaker is the candidate nearest the verb).
func (d *doc) after(j int) (int, [2]int, bool) {
	n := len(d.tt)
	for j < n && (d.tt[j].text == "," || d.tt[j].text == "—" || d.tt[j].text == "–" || d.tt[j].text == "-") {
		j++
	}
	if j >= n || d.inQ[j] || d.tt[j].para {
		return -1, [2]int{}, false
	}
	if speechVerbs[d.tt[j].lower] {
		return d.object(j, n)
	}
	_, end := d.bounds(d.sentOf(j))
	for v := j + 1; v < end && v < j+9 && !d.inQ[v]; v++ {
		if speechVerbs[d.tt[v].lower] {
			return d.subject(v, j)
		}
	}
	return -1, [2]int{}, false
}

// before reads the attribution in the sentence before an opening mark,
// from the nearest speech verb: "Peskov told reporters that “", "Al Assad
// said “", "said Putin: “", "According to Peskov, “".
func (d *doc) before(first, open int) (int, [2]int, float64, bool) {
	for v := open - 1; v >= first; v-- {
		if d.inQ[v] || !speechVerbs[d.tt[v].lower] {
			continue
		}
		if d.tt[v].lower == "according" {
			if c, at, ok := d.object(v, open); ok {
				return c, at, 0.8, true
			}
			continue
		}
		if c, at, ok := d.subject(v, first); ok {
			return c, at, 0.85, true
		}
		if c, at, ok := d.object(v, open); ok {
			return c, at, 0.85, true
		}
	}
	return -1, [2]int{}, 0, false
}

// subject finds the speaker before the verb at v: the nearest candidate or
// pronoun within eight tokens, not across a quotation or a semicolon.
func (d *doc) subject(v, first int) (int, [2]int, bool) {
	for k := v - 1; k >= first && k >= v-8; k-- {
		if d.inQ[k] || d.tt[k].text == ";" || (k < v-1 && speechVerbs[d.tt[k].lower]) {
			break
		}
		if c, at, ok := d.speakerAt(k, first); ok {
			return c, at, true
		}
	}
	return -1, [2]int{}, false
}

// object finds the speaker after the verb at v: "said Russian President
// Vladimir Putin", "said he", "according to a Kremlin statement".
func (d *doc) object(v, end int) (int, [2]int, bool) {
	k := v + 1
	if d.tt[v].lower == "according" {
		if k >= end || d.tt[k].lower != "to" {
			return -1, [2]int{}, false
		}
		k++
	}
	for steps := 0; k < end && steps < 5 && !d.inQ[k]; k, steps = k+1, steps+1 {
		if c, at, ok := d.speakerAt(k, k); ok {
			return c, at, true
		}
		t := d.tt[k]
		if !t.upper && t.lower != "the" && t.lower != "a" && t.lower != "an" {
			break
		}
	}
	return -1, [2]int{}, false
}

// speakerAt reports whether token k is part of a speaking candidate or is
// a pronoun, returning the candidate and the span that names it. first
// bounds how far back a candidate covering k may start.
func (d *doc) speakerAt(k, first int) (int, [2]int, bool) {
	if c := d.candAt[k]; c >= 0 && speaks(d.cands[c].Type) {
		return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
	}
	if pronouns[d.tt[k].lower] {
		if c := d.lastPerson(k); c >= 0 {
			return c, [2]int{k, k + 1}, true
		}
	}
	return -1, [2]int{}, false
}

// lastPerson returns the person "he" or "she" at token k refers to: the
// speaker of a quotation in the same or the previous sentence, else the
// last person named before k outside quotations.
func (d *doc) lastPerson(k int) int {
	if d.lastSpeaker >= 0 && d.cands[d.lastSpeaker].Type == graph.Person && d.lastSpeakerSent >= d.sentOf(k)-1 {
		return d.lastSpeaker
	}
	best := -1
	for ci, c := range d.cands {
		if c.Type != graph.Person || c.Last > k || c.First < 0 || c.Last > len(d.inQ) || d.inQ[c.First] {
			continue
		}
		if best < 0 || c.First > d.cands[best].First {
			best = ci
		}
	}
	return best
}

// speaks reports whether an entity of type t can say something: people,
// organizations and the governments that places stand for.
func speaks(t graph.EntityType) bool {
	return t == graph.Person || t == graph.Organization || t == graph.Place || t == graph.Other
}
