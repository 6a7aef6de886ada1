package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// triggers map words to the kind of event they report.
var triggers = map[string]string{
	"meeting": "meeting", "meetings": "meeting", "met": "meeting", "meet": "meeting", "meets": "meeting",
	"talks": "talks", "talk": "talks", "negotiations": "talks", "summit": "summit",
	"visit": "visit", "visited": "visit", "visiting": "visit", "visits": "visit", "trip": "visit",
	"speech": "speech", "addressed": "speech",
	"attack": "attack", "attacks": "attack", "attacked": "attack", "assault": "attack", "raid": "attack",
	"ambush": "attack", "shooting": "attack", "stabbing": "attack", "airstrike": "attack", "airstrikes": "attack",
	"bombing": "bombing", "bombings": "bombing", "blast": "bombing", "explosion": "bombing", "bombed": "bombing", "bomb": "bombing",
	"clash": "clash", "clashes": "clash", "clashed": "clash", "fighting": "clash",
	"protest": "protest", "protests": "protest", "protested": "protest", "demonstration": "protest", "demonstrations": "protest", "rally": "protest",
	"election": "election", "elections": "election", "referendum": "election", "vote": "election",
	"agreement": "agreement", "deal": "agreement", "treaty": "agreement", "accord": "agreement", "ceasefire": "agreement", "truce": "agreement",
	"earthquake": "disaster", "quake": "disaster", "flood": "disaster", "floods": "disaster", "flooding": "disaster",
	"hurricane": "disaster", "cyclone": "disaster", "typhoon": "disaster", "tsunami": "disaster", "wildfire": "disaster",
	"landslide": "disaster", "crash": "disaster", "collapse": "disaster", "blaze": "disaster", "eruption": "disaster",
	"arrest": "arrest", "arrested": "arrest", "arrests": "arrest", "detained": "arrest",
	"trial": "trial", "prosecuted": "trial", "convicted": "trial", "sentenced": "trial", "charged": "trial",
}

// meetingLike kinds take people as participants and pick up the
// anaphora of one another ("the visit", "the talks" after a meeting).
var meetingLike = set("meeting", "talks", "summit", "visit")

// determiners that make a trigger refer back to an event already told.
var definite = set("the", "this", "that", "its", "his", "her", "their")

// clauseStops end the stretch after a trigger where its place is sought.
var clauseStops = set(",", ";", "and", "said", "says", "which", "who", "that", "while", "but", "“", "\"", ".")

// twoOf are the words of "the two leaders" that stand for the
// participants of the last meeting.
var twoOf = set("leaders", "men", "presidents", "sides", "heads", "ministers", "women", "officials")

const (
	lookBack          = 20 // events searched for an antecedent
	participantWindow = 12 // tokens either side of a trigger where participants are sought
	placeWindow       = 16 // tokens after a trigger where its place is sought
)

// readEvents reads events from trigger words, sentence by sentence.
func (d *docState) readEvents(c *chunk, tm []int32) {
	quoted := quoteMask(c)
	for si, s := range c.sents {
		gsent := c.sentBase + si
		var inSentence []*eventCand
		for i := s.First; i < s.Last; i++ {
			kind, ok := triggers[c.lower(i)]
			if !ok || quoted[i] || tm[i] >= 0 || isCap(c.toks[i].Text) && i > s.First {
				continue
			}
			if (c.lower(i) == "met" || c.lower(i) == "meet") && c.lower(i+1) == "by" {
				continue // "the cross was met by Scott"
			}
			if figurative(c, i) || unreal(c, i, s.First) {
				continue
			}
			if c.lower(i) == "collapse" && !structureNear(c, i) {
				continue // "the collapse of WorldCom" is no disaster
			}
			ev := c.sentenceEvidence(i)
			if d.isDefinite(c, i, s.First) {
				if prev := d.lastEvent(kind); prev != nil {
					prev.evidence = appendEvidence(prev.evidence, ev)
					continue
				}
			}
			e := &eventCand{kind: kind, place: -1, date: -1, entity: -1, sent: gsent, conf: 0.6, background: background(c, i, s.First)}
			e.participants = d.participants(c, tm, quoted, i, s.First, s.Last, kind)
			if len(e.participants) < 2 && kind == "meeting" && d.twoLeaders(c, i, s.First, s.Last) {
				if prev := d.lastWithTwo(); prev != nil {
					e.participants = append([]int(nil), prev.participants...)
				}
			}
			// A meeting, talks or a summit is of two or more; a visit may
			// be of one ("Putin visited Damascus"); a disaster has no
			// agents.
			if kind == "visit" && len(e.participants) == 0 || meetingLike[kind] && kind != "visit" && len(e.participants) < 2 {
				continue
			}
			if kind == "disaster" {
				e.participants = nil
			}
			e.place = d.eventPlace(c, tm, i, s.First, s.Last)
			if !meetingLike[kind] && len(e.participants) == 0 && e.place < 0 {
				continue // "the attack", with nobody and nowhere: not a fact
			}
			// One event per sentence and kind group: "a meeting … , the
			// first face-to-face talk of the year".
			if same := sameGroup(inSentence, kind); same != nil {
				continue
			}
			if e.place < 0 && d.geo.dateline >= 0 {
				e.place, e.placeFromDL = d.geo.dateline, true
			}
			e.date = d.nearestDate(gsent, c.cpBase+c.toks[i].Start)
			e.evidence = []graph.Mention{ev}
			if len(e.participants) >= 2 {
				e.conf = 0.8
			}
			d.cands.events = append(d.cands.events, e)
			inSentence = append(inSentence, e)
		}
	}
}

func appendEvidence(evs []graph.Mention, ev graph.Mention) []graph.Mention {
	for _, e := range evs {
		if e.Sentence == ev.Sentence {
			return evs
		}
	}
	return append(evs, ev)
}

func sameGroup(evs []*eventCand, kind string) *eventCand {
	for _, e := range evs {
		if e.kind == kind || meetingLike[e.kind] && meetingLike[kind] {
			return e
		}
	}
	return nil
}

// isDefinite reports whether the trigger at i is introduced by a definite
// determiner, over at most three modifiers: "the meeting", "the first
// face-to-face talk".
func (d *docState) isDefinite(c *chunk, i, first int) bool {
	for j := i - 1; j >= first && j >= i-4; j-- {
		l := c.lower(j)
		switch {
		case definite[l]:
			return true
		case l == "a" || l == "an" || isCap(c.toks[j].Text) || !hasLetter(l):
			return false
		}
	}
	return false
}

// lastEvent returns the latest event of the same kind, or of the meeting
// group for a meeting-like kind.
func (d *docState) lastEvent(kind string) *eventCand {
	for k := len(d.cands.events) - 1; k >= 0 && k >= len(d.cands.events)-lookBack; k-- {
		if e := d.cands.events[k]; !e.background && (e.kind == kind || meetingLike[e.kind] && meetingLike[kind]) {
			return e
		}
	}
	return nil
}

// lastWithTwo returns the latest meeting-like event of exactly two people.
func (d *docState) lastWithTwo() *eventCand {
	for k := len(d.cands.events) - 1; k >= 0 && k >= len(d.cands.events)-lookBack; k-- {
		if e := d.cands.events[k]; meetingLike[e.kind] && len(e.participants) == 2 {
			return e
		}
	}
	return nil
}

// twoLeaders reports whether "the two leaders" (men, presidents …) stands
// in the sentence before the trigger at i.
func (d *docState) twoLeaders(c *chunk, i, first, last int) bool {
	for j := max(first, i-participantWindow); j+2 < last && j < i; j++ {
		if c.lower(j) == "the" && c.lower(j+1) == "two" && twoOf[c.lower(j+2)] {
			return true
		}
	}
	return false
}

// participants returns the people (and for non-meetings, organizations)
// within participantWindow tokens of the trigger, outside quotations.
func (d *docState) participants(c *chunk, tm []int32, quoted []bool, i, first, last int, kind string) []int {
	var out []int
	seen := map[string]bool{}
	from, to := max(first, i-participantWindow), min(last, i+participantWindow+1)
	if !meetingLike[kind] {
		// Attacks, protests, arrests: the agents named in the clause
		// before the trigger ("Hackers attacked", "police arrested"), not
		// everyone in the sentence.
		to = i
		for j := i - 1; j >= from; j-- {
			if l := c.lower(j); l == ";" || l == "said" || l == "says" || l == "“" || l == "”" || l == "\"" {
				from = j + 1
				break
			}
		}
	}
	for j := from; j < to; j++ {
		if tm[j] < 0 || quoted[j] {
			continue
		}
		m := &d.ments[tm[j]]
		if m.first != j {
			continue
		}
		// The tagger's type may still change at resolution ("Bashar Al
		// Assad" tagged as an organization): eventFacts filters by the
		// entity's type. Targets are not participants ("protests against").
		ok := (m.typ == graph.Person || m.typ == graph.Organization) && !m.adjective
		// A possessor after the trigger qualifies its object: "he met
		// Saul Mikoliunas' cross" met no one.
		possessor := j > i && isPossessive(c.tokText(m.last))
		if !ok || possessor || seen[graph.NameKey(m.name)] || targetBefore(c, j, i) {
			continue
		}
		seen[graph.NameKey(m.name)] = true
		out = append(out, int(tm[j]))
	}
	return out
}

// targetBefore reports whether the name at token j is the target of the
// event at trigger i: "protests against X", "an attack on X".
func targetBefore(c *chunk, j, i int) bool {
	if j < i {
		return false
	}
	for k := j - 1; k > i && k >= j-3; k-- {
		switch c.lower(k) {
		case "against", "on", "targeting", "into", "of":
			return true
		}
	}
	return false
}

// eventPlace finds where an event happened: the most specific place after
// "in", "at" or "near" within the trigger's clause ("a meeting in Sochi",
// "met … at a Russian air base in Syria's coastal province of Latakia"), or
// "in X" just before the trigger.
func (d *docState) eventPlace(c *chunk, tm []int32, i, first, last int) int {
	best := -1
	prep := false
	for j := i + 1; j < min(last, i+placeWindow+1); j++ {
		l := c.lower(j)
		if clauseStops[l] && !(l == "," && best >= 0) {
			break
		}
		if l == "in" || l == "at" || l == "near" || l == "outside" {
			prep = true
			continue
		}
		if tm[j] < 0 || !prep {
			continue
		}
		m := &d.ments[tm[j]]
		if m.typ != graph.Place || m.first != j || m.adjective {
			continue
		}
		if best < 0 || d.isCountry(best) && !d.isCountry(int(tm[j])) {
			best = int(tm[j])
		}
	}
	if best >= 0 {
		return best
	}
	for j := i - 1; j >= first && j >= i-6; j-- {
		if tm[j] >= 0 && d.ments[tm[j]].typ == graph.Place && !d.ments[tm[j]].adjective {
			if l := c.lower(d.ments[tm[j]].first - 1); l == "in" || l == "at" {
				return int(tm[j])
			}
		}
	}
	// A place named before the trigger in the sentence ("Syria's conflict
	// began with mass protests"), except for meetings, whose place
	// otherwise comes from the dateline.
	if triggers[c.lower(i)] != "" && !meetingLike[triggers[c.lower(i)]] {
		for j := i - 1; j >= first; j-- {
			if tm[j] >= 0 && d.ments[tm[j]].typ == graph.Place && !d.ments[tm[j]].adjective && (d.ments[tm[j]].last == i || !modifierPlace(c, &d.ments[tm[j]])) {
				return int(tm[j])
			}
		}
	}
	return -1
}

// modifierPlace reports whether a place mention qualifies the noun after
// it, an article before: "a US entrepreneur", "the UK economy". (The
// caller keeps "the Manchester bombing", where the noun is the event.)
func modifierPlace(c *chunk, m *mention) bool {
	before, next := c.lower(m.first-1), c.tokText(m.last)
	return (before == "a" || before == "an" || before == "the") && next != "" && isWordLower(next)
}

func (d *docState) isCountry(mi int) bool {
	p := d.ments[mi].place
	return p != nil && p.Kind == gazetteer.Country
}

// nearestDate returns the date in sentence sent nearest to code point cp,
// -1 if the sentence has none.
func (d *docState) nearestDate(sent, cp int) int {
	best, dist := -1, 0
	for k := len(d.cands.dates) - 1; k >= 0; k-- {
		m := &d.ments[d.cands.dates[k].mention]
		if m.Sentence < sent {
			break
		}
		if m.Sentence != sent {
			continue
		}
		dd := m.Start - cp
		if dd < 0 {
			dd = -dd
		}
		if best < 0 || dd < dist {
			best, dist = k, dd
		}
	}
	return best
}

// quoteMask marks the tokens inside quotation marks, which report what
// someone said rather than what happened.
func quoteMask(c *chunk) []bool {
	mask := make([]bool, len(c.toks))
	for _, s := range c.sents {
		in := false
		for i := s.First; i < s.Last; i++ {
			switch c.toks[i].Text {
			case "“", "«":
				in = true
			case "”", "»":
				in = false
			case "\"":
				in = !in
			default:
				mask[i] = in
			}
		}
	}
	return mask
}

// structures are what collapses in a disaster.
var structures = set("crane", "building", "buildings", "bridge", "mine", "roof", "dam", "wall", "stadium", "tower",
	"hotel", "school", "factory", "house", "houses", "block", "church", "mosque", "temple", "tunnel", "scaffolding")

// structureNear reports whether a structure collapsed at trigger i: "crane
// collapse", "the collapse of a building".
func structureNear(c *chunk, i int) bool {
	if structures[c.lower(i-1)] {
		return true
	}
	for j := i + 1; j <= i+4 && j < len(c.toks) && c.sameSentence(i, j); j++ {
		if structures[c.lower(j)] {
			return true
		}
	}
	return false
}

// background reports whether the trigger at i tells of an earlier event
// in passing ("the two leaders, who last met in December"): such an event
// is not what a later "the visit" refers to.
func background(c *chunk, i, first int) bool {
	for j := i - 1; j >= first && j >= i-3; j-- {
		switch c.lower(j) {
		case "last", "previously", "earlier", "had", "who", "once":
			return true
		}
	}
	return false
}

// unreal reports whether the words before the trigger at token i, or
// right after it, make it an event that did not take place: denied,
// hoped for, feared or still to come ("has yet to reach agreement",
// "before the next general election", "an attack is about to happen",
// "the threat of attacks").
func unreal(c *chunk, i, first int) bool {
	// Only words as written in lower case, outside names and dates:
	// "Theresa May met …", "the May 22 attack" are no modal.
	word := func(k int) string {
		if t := c.tokText(k); t != "" && !isCap(t) {
			return c.lower(k)
		}
		return ""
	}
	for k := i - 1; k >= first && k >= i-3; k-- {
		if w := word(k); unrealBefore[w] && !(w == "yet" && c.lower(k+1) == "another") {
			return true
		}
	}
	if definite[c.lower(i-1)] {
		return false // "the attack will be investigated" happened
	}
	// The trigger's clause: "an attack [in Wales] is about to happen", "a
	// deal would end it" (not "attacks could be linked", "an attack may
	// have been the work of …", which happened).
	for k := i + 1; k < len(c.toks) && k <= i+5 && c.sameSentence(i, k) && !clauseStops[c.lower(k)]; k++ {
		w, then := word(k), c.lower(k+1)
		if unrealAfter[w] && then != "be" && then != "have" || (w == "is" || w == "was") && (then == "about" || then == "unlikely" || then == "expected") {
			return true
		}
	}
	return false
}

// unrealBefore are the words before a trigger that deny it or put it in
// the future or the mind.
var unrealBefore = set("no", "not", "never", "yet", "would", "could", "might", "may", "if", "whether", "next",
	"upcoming", "forthcoming", "future", "possible", "potential", "planned", "proposed", "threat", "threats",
	"risk", "fear", "fears", "feared", "without", "any", "prevent", "avoid", "will", "shall", "arrange", "arranging",
	"seek", "seeks", "seeking", "request", "requested", "hopes", "hoping", "scheduled", "expected")

// unrealAfter are the words after a trigger noun that put it in the
// future or in doubt: "an attack would …", "a deal could …".
var unrealAfter = set("would", "could", "might", "may", "will")

// figurative reports whether the trigger at token i reports no event by
// the words around it: "a heart attack", "a convicted fraudster", "the
// visiting defence", "fans will vote", "the right to a fair trial".
func figurative(c *chunk, i int) bool {
	w, prev := c.lower(i), c.lower(i-1)
	switch w {
	case "attack", "attacks", "attacked":
		// "a heart attack", "come under attack" (in a game), "little in
		// attack" (in a match); "attacked the decision": words, not force.
		return medicalAttacks[prev] || prev == "under" && c.lower(i-2) == "come" || prev == "in" && gameAmounts[c.lower(i-2)] ||
			c.anyWithin(i+1, 5, verbalTargets)
	case "convicted", "charged", "sentenced":
		// An adjective before a noun: "a convicted child molester",
		// "emotionally charged rock"; "charged down" in rugby.
		return prev == "a" || prev == "an" || prev == "the" || strings.HasSuffix(prev, "ly") || c.lower(i+1) == "down"
	case "visiting":
		next := c.tokText(i + 1)
		return next != "" && !isCap(next) && hasLetter(next) && !definite[c.lower(i+1)] && c.lower(i+1) != "a" && c.lower(i+1) != "an"
	case "vote":
		k := i - 1
		for adverbsBeforeVerb[c.lower(k)] {
			k--
		}
		return verbBefore[c.lower(k)]
	case "trial", "trials":
		// "a fair trial", "without trial"; "clinical trials" of drugs.
		return prev == "fair" || prev == "without" || medicalTrials[prev]
	case "rally":
		// "a rally car", "the rally" of a market.
		return rallyNotProtest[c.lower(i+1)] || c.anyWithin(c.sents[c.sentOf[i]].First, c.sents[c.sentOf[i]].Last-c.sents[c.sentOf[i]].First, marketWords)
	case "speech":
		return speechTechnology[c.lower(i+1)] // "speech technology"
	case "meet", "meets", "met":
		// "Umaga will meet O'Driscoll in Saturday's Rugby Aid match":
		// opponents in a game, not a meeting; "his words met a cool
		// reception", "met the target": no one met.
		return c.anyWithin(i+1, 10, fixtureWords) || c.anyWithin(i+1, 4, metObjects)
	}
	return false
}

// anyWithin reports whether one of the n tokens from i, within the
// sentence of token i, is in words.
func (c *chunk) anyWithin(i, n int, words map[string]bool) bool {
	for k := i; k < len(c.toks) && k < i+n && c.sameSentence(i, k); k++ {
		if words[c.lower(k)] {
			return true
		}
	}
	return false
}

// gameAmounts judge a team "in attack": "little in attack".
var gameAmounts = set("little", "much", "more", "less", "strong", "weak", "good", "poor", "better", "sharp", "toothless", "blunt")

// verbalTargets are what words attack: "attacked the decision".
var verbalTargets = set("decision", "decisions", "plans", "plan", "policy", "policies", "proposals", "proposal", "claims",
	"remarks", "comments", "record", "tabloids", "media", "critics", "idea", "move", "report", "budget", "spending",
	"ruling", "stance", "handling", "approach", "strategy", "reforms", "law", "bill", "scheme", "views", "magazines")

// medicalTrials are the trials of drugs and treatments: "clinical trials".
var medicalTrials = set("clinical", "drug", "drugs", "medical", "vaccine", "human", "field")

// rallyNotProtest follow "rally" in its other senses: "rally car".
var rallyNotProtest = set("car", "cars", "driver", "drivers", "championship", "stage", "stages", "team", "racing")

// marketWords make a rally one of prices.
var marketWords = set("shares", "stocks", "market", "markets", "prices", "dollar", "euro", "index", "bonds", "investors", "trading")

// speechTechnology follow "speech" when it is the faculty, not an address.
var speechTechnology = set("technology", "recognition", "software", "synthesis", "therapy", "therapist", "impediment", "patterns")

// metObjects are what "met" takes when no one is met: "met a cool
// reception", "met the target".
var metObjects = set("reception", "response", "criticism", "resistance", "opposition", "fate", "end", "death", "demand",
	"demands", "target", "targets", "deadline", "standard", "standards", "criteria", "requirement", "requirements",
	"expectations", "approval", "success", "costs", "needs", "challenge", "disapproval", "hostility", "silence")

// fixtureWords are the games in which players "meet".
var fixtureWords = set("match", "game", "final", "semi-final", "semi-finals", "quarter-final", "quarter-finals",
	"fixture", "tie", "derby", "round", "showdown", "bout")

// medicalAttacks are the words before "attack" that make it a bout of
// illness: "a heart attack".
var medicalAttacks = set("heart", "panic", "asthma", "anxiety", "allergic", "epileptic")

// verbBefore are the words after which "vote" is a verb, not a poll:
// "to vote", "will vote", "they vote".
var verbBefore = set("to", "will", "would", "can", "could", "may", "might", "should", "must", "shall",
	"i", "we", "you", "they", "not")

// adverbsBeforeVerb may stand between a modal and its verb: "will then vote".
var adverbsBeforeVerb = set("then", "also", "still", "now", "never", "not", "again", "soon", "probably", "all")
