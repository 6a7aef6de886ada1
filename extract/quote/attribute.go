package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// attribute finds the speaker of sp. prevSpeaker is the candidate who said
// the previous quotation, which ended in sentence prevSent. It returns the
// candidate index (-1 if none), the token span naming the speaker, and a
// confidence.
func (d *doc) attribute(sp span, prevSpeaker, prevSent int) (int, [2]int, float64) {
	none := [2]int{}
	// "an article titled “Nutrient quality …”": a title, said by no one.
	if k := sp.open - 1; k >= 0 && !d.inQ[k] && titleVerbs[d.tt[k].lower] {
		return -1, none, 0
	}
	// The words after the closing mark attribute it only within its
	// sentence: in `…." She said …` the next sentence says something else.
	if sp.close >= 0 && sp.close+1 < len(d.tt) && d.sentOf(sp.close+1) == d.closeSent(sp) {
		if c, at, ok := d.after(sp.close + 1); ok {
			return c, at, 0.9
		}
	}
	openSent := d.sentOf(sp.open)
	first, _ := d.bounds(openSent)
	if c, at, conf, ok := d.before(first, sp.open); ok {
		return c, at, conf
	}
	// Reported speech closed by an attribution at the end of the sentence:
	// a “spectacular comeback” in Japan … would help, the OECD said.
	if sp.close >= 0 && d.closeSent(sp) == openSent {
		if c, at, ok := d.sentenceEnd(sp.close+1, openSent); ok {
			return c, at, 0.7
		}
	}
	if d.frameHasVerb(sp) {
		return -1, none, 0
	}
	// A quotation used as the speaker's own predicate: Richard Thomas
	// "totally condemned" the deletion.
	if k := sp.open - 1; k >= first && !d.inQ[k] {
		if c := d.candAt[k]; c >= 0 && d.cands[c].Type == graph.Person {
			return c, [2]int{d.cands[c].First, d.cands[c].Last}, 0.6
		}
	}
	// A quotation that a verb of judgement frames is its subject's word:
	// Tory leader Michael Howard accused them of "squabbling like
	// schoolboys".
	if c, at, ok := d.sentenceSubject(first, sp.open); ok && d.framedBy(at[1], sp.open) {
		return c, at, 0.5
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
		// often its subject: "Putin praised the talks. “They were frank.”";
		// "He plans to … . “…”" names them by a pronoun.
		w := pf
		for w < pl && markOf(d.tt[w].text) != noMark {
			w++
		}
		if w < pl && pronouns[d.tt[w].lower] {
			if c := d.lastPerson(w); c >= 0 {
				return c, [2]int{w, w + 1}, 0.5
			}
		}
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
	if sp.close < 0 || sp.close+1 >= len(d.tt) || d.closeSent(sp) != d.sentOf(sp.close) {
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

// closeSent returns the sentence a closing mark ends. A straight quote
// joined to the period before it ("… budget." The BBC's …) can be split
// off into the next sentence by the sentence splitter; it still closes
// the one before.
func (d *doc) closeSent(sp span) int {
	k := d.sentOf(sp.close)
	if first, _ := d.bounds(k); first == sp.close && sp.close > 0 && d.tt[sp.close-1].end == d.tt[sp.close].start {
		return k - 1
	}
	return k
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
		if d.tt[v].lower == "quoted" || d.tt[v].lower == "quoting" {
			// "Reuters quoted a central bank official as saying": the
			// one quoted speaks, named or not.
			if c, at, ok := d.object(v, end); ok && d.cands[c].Type == graph.Person {
				return c, at, true
			}
			return -1, [2]int{}, true
		}
		if speechVerbs[d.tt[v].lower] {
			return d.subject(v, j)
		}
	}
	// "the new chair of the Internet Engineering Task Force (IETF), Brian
	// Carpenter, says": a long description, then the name in apposition
	// right before the verb.
	for v := j + 9; v < end && v < j+25 && !d.inQ[v]; v++ {
		if !speechVerbs[d.tt[v].lower] || d.tt[v-1].text != "," {
			continue
		}
		if c := d.candAt[v-2]; c >= 0 && d.cands[c].Type == graph.Person && d.cands[c].Last == v-1 &&
			d.cands[c].First > j && d.tt[d.cands[c].First-1].text == "," {
			return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
		}
		break
	}
	// "Vincent Koen, a senior economist with the OECD, told …", "Jeff
	// Joseph, from the Consumer Electronics Association (CEA) told …"
	if c := d.candAt[j]; c >= 0 && d.cands[c].Type == graph.Person {
		k := d.cands[c].Last
		if k < end && d.tt[k].text == "," {
			for m := k + 1; m < end && m < k+15 && !d.inQ[m]; m++ {
				if d.tt[m].text == ")" && m+1 < end && speechVerbs[d.tt[m+1].lower] {
					return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
				}
				if d.tt[m].text != "," {
					continue
				}
				for v := m + 1; v < end && v < m+3; v++ {
					if speechVerbs[d.tt[v].lower] {
						return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
					}
				}
				break
			}
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
			if at[1] <= v && d.nominalSubject(d.clauseOf(at[1], v), v) {
				// "According to Robert Peston, the prime minister
				// said: “…”": an unnamed subject stands between.
				return -1, [2]int{}, 0, true
			}
			return c, at, 0.85, true
		}
		if c, at, ok := d.object(v, open); ok {
			return c, at, 0.85, true
		}
	}
	return -1, [2]int{}, 0, false
}

// clauseOf returns where the clause of the verb at v begins, at from or
// after the last comma or colon between them.
func (d *doc) clauseOf(from, v int) int {
	for k := v - 1; k >= from; k-- {
		if t := d.tt[k].text; t == "," || t == ":" || t == ";" {
			return k + 1
		}
	}
	return from
}

// subject finds the speaker before the verb at v, within eight tokens and
// not across a quotation or a semicolon: the nearest person, else the
// nearest other candidate or pronoun ("analyst Nick Van den Brul of BNP
// Paribas described" is the analyst's word, not the bank's).
//
// A verb joined by "and" to an earlier one shares its subject, which may
// stand further back ("Putin held a rare meeting with Bashar Al Assad on
// Thursday and said"), and a person named after a preposition is an
// object, not the subject: only a fallback when no other speaker stands
// there.
func (d *doc) subject(v, first int) (int, [2]int, bool) {
	// ", saying", ", adding": the participle's subject is the clause's.
	if participles[d.tt[v].lower] && v > first && d.tt[v-1].text == "," {
		if c, at, ok := d.sentenceSubject(first, v); ok {
			return c, at, true
		}
	}
	best, bestAt := -1, [2]int{}
	limit := v - 8
	if d.coordinated(v, first) {
		limit = first
	}
	for k := v - 1; k >= first && k >= limit; k-- {
		if d.inQ[k] || d.tt[k].text == ";" || (k < v-1 && speechVerbs[d.tt[k].lower]) {
			break
		}
		if d.tt[k].text == "," {
			// "Mr Balls, who stepped down …, had suggested": step over a
			// clause between commas that follows a person.
			if j := d.clauseStart(k, first); j >= 0 {
				k, limit = j, j-8
				continue
			}
		}
		c, at, ok := d.speakerAt(k, first)
		if !ok {
			continue
		}
		if d.cands[c].Type == graph.Person && !d.prepObject(at[0], first) {
			return c, at, true
		}
		if best < 0 {
			if d.roleBetween(at[1], v) && !d.coordinated(at[0], first) && d.tt[max(at[0]-1, 0)].lower != "and" {
				// "a U.S. Customs spokesman said", "Eric Abensur,
				// Wanadoo's chief executive, told": the name only
				// qualifies the speaker, who is named in apposition
				// before it or not at all; an organization's
				// spokesperson speaks for it ("a Cabinet Office
				// spokeswoman said").
				if p, pat, ok := d.apposedBefore(at[0], first); ok {
					return p, pat, true
				}
				if d.cands[c].Type == graph.Organization && d.spokesBetween(at[1], v) {
					return c, at, true
				}
				return -1, [2]int{}, true
			}
			best, bestAt = c, at
		}
		k = at[0] // skip the rest of this candidate
	}
	if best < 0 {
		return d.anaphor(v, first)
	}
	return best, bestAt, true
}

// titleVerbs introduce the title of a work in quotation marks.
var titleVerbs = map[string]bool{"titled": true, "entitled": true, "headlined": true}

// coordinated reports whether the verb at v follows "and" or "but" (an
// adverb between allowed): "… and said", "… but later said".
func (d *doc) coordinated(v, first int) bool {
	k := v - 1
	for k >= first && adverbs[d.tt[k].lower] {
		k--
	}
	return k >= first && (d.tt[k].lower == "and" || d.tt[k].lower == "but")
}

// prepObject reports whether the name starting at token k follows a
// preposition, directly or after "the": "a meeting with Bashar Al Assad".
func (d *doc) prepObject(k, first int) bool {
	k--
	if k >= first && d.tt[k].lower == "the" {
		k--
	}
	return k >= first && objectPreps[d.tt[k].lower]
}

// objectPreps introduce a noun phrase that is not the subject of the verb
// after it. "after" and "before" are left out: they open clauses as often
// ("Fox was speaking after Mr Blair told members").
var objectPreps = map[string]bool{
	"with": true, "between": true, "to": true, "for": true, "from": true, "by": true,
	"against": true, "among": true, "of": true, "about": true, "on": true, "at": true,
	"in": true, "into": true, "than": true, "like": true,
	"toward": true, "towards": true, "under": true, "over": true, "without": true,
}

// anaphor resolves a subject right before the verb at v that refers back
// to someone named earlier: "it said" (an organization), "the foreign
// secretary said" (a person), "the report warned" (its organization).
func (d *doc) anaphor(v, first int) (int, [2]int, bool) {
	k := v - 1
	for k >= first && adverbs[d.tt[k].lower] {
		k--
	}
	if k < first || d.inQ[k] {
		return -1, [2]int{}, false
	}
	w := d.tt[k].lower
	if w == "it" {
		if c := d.lastOf(k, graph.Organization); c >= 0 {
			return c, [2]int{k, k + 1}, true
		}
		return -1, [2]int{}, false
	}
	person, document := roleNouns[w], documentNouns[w]
	if !person && !document {
		return -1, [2]int{}, false
	}
	// "the foreign secretary", "the German chancellor": words after "the"
	// that name no entity
	j := k - 1
	for j >= first && j > k-4 && d.tt[j].lower != "the" && d.candAt[j] < 0 && isWordText(d.tt[j].text) {
		j--
	}
	if j < first || d.tt[j].lower != "the" {
		return -1, [2]int{}, false
	}
	typ := graph.Person
	if document {
		typ = graph.Organization
	}
	if c := d.lastOf(j, typ); c >= 0 {
		return c, [2]int{j, k + 1}, true
	}
	return -1, [2]int{}, false
}

// sentenceEnd reads an attribution that ends sentence k after token j:
// ", the OECD said.", ", said Mr Smith.".
func (d *doc) sentenceEnd(j, k int) (int, [2]int, bool) {
	first, last := d.bounds(k)
	end := last
	for end > first && !isWordText(d.tt[end-1].text) {
		end--
	}
	for v := end - 1; v >= j && v >= end-6; v-- {
		if d.inQ[v] {
			return -1, [2]int{}, false
		}
		// "for the claims about China": a noun, not a verb of speech.
		if !speechVerbs[d.tt[v].lower] || v > 0 && determiners[d.tt[v-1].lower] {
			continue
		}
		if v+1 < end {
			return d.object(v, end)
		}
		// the subject must open after a comma: ", the OECD said"
		for c := v - 1; c >= j && c >= v-6; c-- {
			if d.tt[c].text == "," {
				return d.subject(v, c+1)
			}
		}
		return -1, [2]int{}, false
	}
	return -1, [2]int{}, false
}

// clauseStart returns the comma that opens a clause or apposition closed
// by the comma at k, when a person candidate stands right before it; -1
// otherwise.
func (d *doc) clauseStart(k, first int) int {
	for j := k - 1; j > first && j >= k-25; j-- {
		if d.inQ[j] || d.tt[j].text == ";" || speechVerbs[d.tt[j].lower] {
			return -1
		}
		if d.tt[j].text != "," {
			continue
		}
		if c := d.candAt[j-1]; c >= 0 && d.cands[c].Type == graph.Person {
			return j
		}
		return -1
	}
	return -1
}

// object finds the speaker after the verb at v: "said Russian President
// Vladimir Putin", "said he", "according to a Kremlin statement".
func (d *doc) object(v, end int) (int, [2]int, bool) {
	k := v + 1
	switch d.tt[v].lower {
	case "according":
		if k >= end || d.tt[k].lower != "to" {
			return -1, [2]int{}, false
		}
		k++
	case "told", "tells", "tell", "telling", "asked", "asks", "urged":
		// Who is told or asked does not speak: "telling the BBC".
		return -1, [2]int{}, false
	}
	// "said England sevens coach Mike Friday", "said MSN's Blake Irving",
	// "said SEC deputy enforcement director Linda Thomsen": a place or an
	// organization that describes the speaker gives way to the person
	// after it.
	best, bestAt := -1, [2]int{}
	for steps := 0; k < end && steps < 7 && !d.inQ[k]; k, steps = k+1, steps+1 {
		if c, at, ok := d.speakerAt(k, k); ok {
			if d.cands[c].Type == graph.Person {
				return c, at, true
			}
			if best < 0 {
				best, bestAt = c, at
			}
			k = max(k, at[1]-1)
			continue
		}
		t := d.tt[k]
		if best < 0 && (documentNouns[t.lower] || roleNouns[t.lower]) && (d.tt[k-1].lower == "the" || k >= 2 && d.tt[k-2].lower == "the") {
			// "said the radio station", "said the foreign secretary".
			typ := graph.Person
			if documentNouns[t.lower] {
				typ = graph.Organization
			}
			j := k - 1
			if d.tt[j].lower != "the" {
				j--
			}
			if c := d.lastOf(j, typ); c >= 0 {
				return c, [2]int{j, k + 1}, true
			}
			break
		}
		if best >= 0 && isPossessiveText(t.lower) || isWordText(t.text) && !t.upper && !clauseWords[t.lower] && steps < 5 {
			continue // "MSN's", "England sevens coach", "prosecutor"
		}
		if !t.upper && t.lower != "the" && t.lower != "a" && t.lower != "an" {
			break
		}
	}
	return best, bestAt, best >= 0
}

// clauseWords end the search for a speaker after a verb: "said on
// Monday that Putin …" names no speaker.
var clauseWords = map[string]bool{
	"that": true, "on": true, "in": true, "at": true, "to": true, "for": true, "by": true, "with": true,
	"after": true, "before": true, "during": true, "when": true, "while": true, "and": true, "but": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "was": true, "is": true, "would": true,
	"will": true, "this": true, "there": true, "as": true, "if": true, "of": true, "from": true,
}

// isPossessiveText reports whether a lower-case token is a possessive
// ending.
func isPossessiveText(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

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

// lastPerson returns the person "he" or "she" at token k refers to.
func (d *doc) lastPerson(k int) int { return d.lastOf(k, graph.Person) }

// lastOf returns the entity of type typ that a pronoun or a description at
// token k refers to: the first one named, outside quotations, in the words
// of k's sentence before k, else in the nearest of the five sentences
// before that names one. The first of a sentence is most often its
// subject, and the subject is what a later "he said" refers to.
func (d *doc) lastOf(k int, typ graph.EntityType) int {
	sk := d.sentOf(k)
	for s := sk; s >= 0 && s >= sk-5; s-- {
		first, last := d.bounds(s)
		if s == sk {
			last = k
		}
		if typ == graph.Person && d.nominalSubject(first, last) {
			// "A spokesman for the bank said … “…,” he said": he is the
			// spokesman, whom the text does not name.
			return -1
		}
		for i := first; i < last; i++ {
			if c := d.candAt[i]; c >= 0 && !d.inQ[i] && d.cands[c].Type == typ {
				return c
			}
		}
	}
	return -1
}

// speaks reports whether an entity of type t can say something: people,
// organizations and the governments that places stand for.
func speaks(t graph.EntityType) bool {
	return t == graph.Person || t == graph.Organization || t == graph.Place || t == graph.Other
}

// roleNouns end descriptions of people that refer back to one named
// before: "the foreign secretary said", "the world champion says".
var roleNouns = map[string]bool{
	"secretary": true, "minister": true, "president": true, "champion": true, "chancellor": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "leader": true, "chairman": true,
	"chairwoman": true, "chief": true, "premier": true, "governor": true, "senator": true, "mayor": true,
	"coach": true, "manager": true, "actor": true, "actress": true, "singer": true, "star": true,
	"economist": true, "analyst": true, "lawyer": true, "judge": true, "commander": true,
	"ambassador": true, "envoy": true, "king": true, "queen": true, "prince": true, "candidate": true,
	"captain": true, "founder": true, "boss": true, "player": true, "striker": true, "director": true,
	"executive": true, "co-chairman": true, "pope": true, "novelist": true, "author": true,
	"cardinal": true, "archbishop": true, "bishop": true, "rabbi": true, "imam": true, "priest": true,
	"professor": true, "scientist": true, "researcher": true, "mp": true, "writer": true, "director-general": true,
}

// documentNouns speak for the organization that issued them: "the report
// warned".
var documentNouns = map[string]bool{"report": true, "statement": true, "study": true, "survey": true,
	// and the organizations that the text named before: "the ministry
	// said", "said the radio station".
	"ministry": true, "station": true, "company": true, "firm": true, "agency": true, "department": true,
	"broadcaster": true, "newspaper": true, "network": true, "council": true, "commission": true, "club": true,
}

// adverbs may stand between a subject and its speech verb: "he also said".
var adverbs = map[string]bool{
	"also": true, "later": true, "then": true, "further": true, "again": true, "once": true,
	"previously": true, "earlier": true, "recently": true, "has": true, "had": true, "have": true,
}

func isWordText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
