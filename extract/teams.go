package extract

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// Sports teams named after a place or a company (issue 13, metonymy):
// in a sports story, "England beat France 2-1" names two national
// teams, "Liverpool drew with Chelsea" two clubs, not the country, the
// city or Chelsea Industries Inc. readTeams, the first reader of stage
// 5, finds them so that the readers after it (roles, relations) see
// organizations, and keys their mentions to a team entity of its own,
// named "England national team" or "Chelsea (team)": the team never
// joins the place (which keeps its facts: "born in France") nor a
// company named like it, in the document or in the store, which joins
// entities by name and alias. A team's mentions give no alias, for
// "Chelsea" would join it to Chelsea Industries across documents again.
//
// A window is a sports story when it uses at least minSportWords of
// sportWords. There, a name of a place or a one-word organization is a
// team when one of its mentions reads as one (teamContext): plural
// verbs ("France have", "Chelsea have"), results ("beat X", "X 2-1 Y",
// "X v Y"), team nouns ("X's captain", "the Ireland squad"), and for a
// club a player's move or name ("joining Chelsea", "Arsenal's Patrick
// Vieira"). Every mention of that name
// then names the team, except those that read as the place: after "in",
// "from" (locativePreps), a nationality in parentheses ("Jurgen Melzer
// (Austria)") or before a person ("Germany's Tommy Haas", "Francis
// Obikwelu of Portugal"), which a national team's player is not.

// minSportWords is how many different words of sportWords make a window
// a sports story.
const minSportWords = 3

// sportWords are words that news uses of sport and rarely of anything
// else (not "win", "final", "season", "coach", which politics and
// business use too).
var sportWords = set("match", "goal", "goals", "striker", "strikers", "midfielder", "defender", "goalkeeper", "keeper",
	"squad", "premiership", "tournament", "championship", "championships", "wicket", "wickets", "innings", "bowler",
	"batsman", "tries", "fly-half", "scrum-half", "scrum", "lineout", "penalty", "referee", "semi-final",
	"quarter-final", "semi-finals", "quarter-finals", "fixture", "fixtures", "kick-off", "half-time", "medal",
	"medals", "olympic", "olympics", "athletics", "rugby", "football", "cricket", "tennis", "stadium", "seeded",
	"playoff", "playoffs", "touchdown", "pitcher", "inning", "relegation", "unbeaten", "hat-trick", "caps", "captain",
	"coach", "cup", "league", "champions", "full-back", "winger", "debut", "slam", "trophy", "midfield", "matches",
	"injured", "indoor", "indoors", "athlete", "athletes", "sprinter", "medallist", "doping", "hamstring", "ankle",
	"kicking", "skipper", "capt", "scoring", "subs", "second-half", "first-half", "seed", "marathon", "iaaf",
	"fifa", "uefa", "wimbledon", "twickenham", "anfield", "scorer", "hurdles", "sprint", "relay", "60m", "100m",
	"200m", "400m", "800m", "players")

// resultVerbs follow a team and say a result: "Wales beat Italy".
var resultVerbs = set("beat", "beats", "drew", "defeated", "thrashed", "edged", "crushed", "trailed", "conceded",
	"v", "vs", "vs.")

// teamVerbsAfter follow a team as its verb: British English gives a team
// plural verbs ("France have", "Ireland were"), which a country as a
// state does not take, and what teams do ("England won", "Wales face").
var teamVerbsAfter = set("have", "are", "were", "won", "win", "wins", "draw", "lost", "lose", "lead", "led",
	"trail", "face", "faced", "scored", "'ve", "go", "need", "play", "played", "travel", "kicked")

// opponentWords come before a team's opponent: "against Wales", "beat
// Italy", "England v France".
var opponentWords = set("against", "beat", "beating", "beaten", "beats", "defeated", "defeating", "v", "vs", "vs.",
	"versus", "thrashed", "edged", "overcame")

// teamWordsBefore come before a team too, but before other things as
// well: "play the game EverQuest" has no capital after "play".
var teamWordsBefore = set("face", "faces", "facing", "host", "hosts", "hosting", "play", "playing", "played", "joined")

// staffNouns after a team's name or its possessive are its people:
// "the Chelsea manager", "Arsenal's striker".
var staffNouns = set("captain", "coach", "manager", "boss", "squad", "side", "keeper", "goalkeeper", "striker",
	"skipper", "midfielder", "winger", "defender", "fly-half", "scrum-half", "hooker", "flanker", "full-back",
	"selectors", "team-mate", "club-mate", "team-mates", "left-back", "right-back", "centre-back", "centre-half",
	"forward", "lock", "prop", "centre", "number-eight")

// rankNouns come before a team as its standing: "leaders Chelsea",
// "champions Arsenal", "title rivals Arsenal".
var rankNouns = set("leaders", "champions", "holders", "rivals", "visitors", "hosts", "opponents")

// teamNouns after a place's name or its possessive say a team: its
// staff and "the England fans", "Ireland's victory".
var teamNouns = set("captain", "coach", "manager", "boss", "squad", "side", "team", "players", "player", "keeper",
	"goalkeeper", "striker", "defence", "defense", "attack", "pack", "forwards", "backs", "fly-half", "scrum-half",
	"skipper", "fans", "supporters", "victory", "win", "defeat", "debut", "international", "cap", "caps", "bench",
	"line-up", "midfielder", "winger", "hooker", "flanker", "selectors", "bowlers", "batsmen", "openers",
	"chances", "hopes", "campaign", "game", "pair", "duo", "trio", "prop", "lock", "outfit", "forward")

// readTeams marks the teams of window c when it is a sports story (see
// the comment above).
func (d *docState) readTeams(c *chunk, tm []int32) {
	if !c.sports && !d.resultLine(c, tm) {
		return
	}
	// A club's short name ("United" of "Manchester United") is left to
	// resolution, which joins it to the club.
	inLonger := map[string]bool{}
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		if words := strings.Fields(graph.NameKey(d.ments[mi].name)); len(words) > 1 {
			for _, w := range words {
				inLonger[w] = true
			}
		}
	}
	teams, companies := map[string]bool{}, map[string]bool{}
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		org := m.typ == graph.Organization
		nk := graph.NameKey(m.name)
		switch {
		case !teamCandidate(m):
		case org && d.orgContext(c, tm, m.first, m.last):
			companies[nk] = true // "shares in Wembley": the company
		case !(org && (inLonger[nk] || clubWords[nk])) && (teamContext(c, m.first, m.last, org) || org && (d.playerPossessive(c, tm, m) || d.townClub(m))):
			teams[nk] = true
		}
	}
	for nk := range companies {
		delete(teams, nk)
	}
	if len(teams) == 0 {
		return
	}
	d.coordinatedTeams(c, tm, teams)
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		if !teamCandidate(m) || !teams[graph.NameKey(m.name)] || d.placeContext(c, tm, m) {
			continue
		}
		name := m.name + " (team)"
		if nation(m.place) {
			name = m.place.Name + nationalTeam
		}
		m.typ, m.place, m.name, m.key, m.locative = graph.Organization, nil, name, teamPrefix+graph.NameKey(name), false
	}
}

// coordinatedTeams adds to teams the names of the window that a list
// joins to a team's ("Arsenal and Chelsea have", "the gap on Chelsea,
// Everton and Arsenal"): a list of teams names teams.
func (d *docState) coordinatedTeams(c *chunk, tm []int32, teams map[string]bool) {
	next := func(mi int) int { // the mention after mi's "and" or comma, or -1
		m := &d.ments[mi]
		if w := c.lower(m.last); (w == "and" || w == ",") && m.last+1 < len(tm) && tm[m.last+1] >= 0 {
			return int(tm[m.last+1])
		}
		return -1
	}
	for changed := true; changed; {
		changed = false
		for mi := d.chunkStart; mi < len(d.ments); mi++ {
			ni := next(mi)
			if ni < 0 {
				continue
			}
			a, b := &d.ments[mi], &d.ments[ni]
			ka, kb := graph.NameKey(a.name), graph.NameKey(b.name)
			switch {
			case nation(a.place) != nation(b.place):
				// "Stade de France, Paris": a town listed with a
				// nation is where it plays.
			case teams[ka] && !teams[kb] && teamCandidate(b) && !clubWords[kb]:
				teams[kb], changed = true, true
			case teams[kb] && !teams[ka] && teamCandidate(a) && !clubWords[ka]:
				teams[ka], changed = true, true
			}
		}
	}
}

// nationalTeam ends the name of a country's team: "England national team".
const nationalTeam = " national team"

// teamPrefix starts the resolution key of a team's mentions.
const teamPrefix = "team:"

// sportsWindow reports whether window c uses minSportWords different
// words of sportWords.
func sportsWindow(c *chunk) bool {
	var seen []string
	for i := range c.toks {
		if w := c.lowers[i]; sportWords[w] && !slices.Contains(seen, w) {
			if seen = append(seen, w); len(seen) >= minSportWords {
				return true
			}
		}
	}
	return false
}

// resultLine reports whether window c gives a result between two names,
// each a place or an organization, as a report's headline does:
// "Newcastle 27-27 Gloucester". A score between two names is a match,
// whatever words the story uses ("try", "conversion" are others' too).
func (d *docState) resultLine(c *chunk, tm []int32) bool {
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		l := m.last
		if teamCandidate(m) && l+1 < len(tm) && isScore(c.tokText(l)) && c.sameSentence(l, l+1) && tm[l+1] >= 0 && teamCandidate(&d.ments[tm[l+1]]) {
			return true
		}
	}
	return false
}

// teamCandidate reports whether a mention may name a team: a place, or
// an organization of one word ("Arsenal"), that no rule fixed.
func teamCandidate(m *mention) bool {
	if m.adjective || m.key != "" || m.anaphor {
		return false
	}
	switch m.typ {
	case graph.Place:
		return m.place != nil
	case graph.Organization:
		return !strings.Contains(m.name, " ") && !isAllUpper(m.name)
	}
	return false
}

// nation reports whether p is a country or a region that news treats as
// one (England, Scotland), whose team is a national team.
func nation(p *gazetteer.Place) bool {
	return p != nil && (p.Kind == gazetteer.Country || p.Kind == gazetteer.Region && len(p.Demonyms) > 0)
}

// teamContext reports whether the words around tokens [f, l) read as a
// team's: see readTeams. An organization's name needs a result, a
// team's verb ("Chelsea have sacked"), a player's move ("joining
// Chelsea") or a team's staff ("Arsenal beat", "against Chelsea", "the
// Chelsea manager"): companies, games and shows have fans, lose deals and
// are played too.
func teamContext(c *chunk, f, l int, org bool) bool {
	before, after := c.lower(f-1), c.lower(l)
	nouns := teamNouns
	if org {
		nouns = staffNouns
	}
	switch {
	case resultVerbs[after] && c.sameSentence(f, l):
		return true // "Wales beat Italy", "England v France"
	case teamVerbsAfter[after] && c.sameSentence(f, l):
		return true // "France have", "Chelsea have sacked"
	case org && clubVerbsBefore[before]:
		return true // "before joining Chelsea"
	case opponentWords[before] || rankNouns[before]:
		return true // "against Wales", "leaders Chelsea"
	case teamWordsBefore[before]:
		return true // "face Italy", "they face Chelsea"
	case before == "to" && (c.lower(f-2) == "lost" || c.lower(f-2) == "lose" || c.lower(f-2) == "losing" || c.lower(f-2) == "defeat"):
		return true // "lost to Wales"
	case (before == "over" || before == "with") && resultNouns[c.lower(f-2)]:
		return true // "victory over France", "draw with Italy"
	case isScore(after) || isScore(before):
		return true // "England 2-1 France"
	case nouns[after] && !isCap(c.tokText(l)):
		return true // "the England squad", "an Ireland side"
	case isPossessive(c.tokText(l)) && nouns[c.lower(l+1)] && !isCap(c.tokText(l+1)):
		return true // "Ireland's captain"
	}
	return false
}

// clubVerbsBefore come before a club that a player joins or leaves:
// "before joining Chelsea", "he left Arsenal".
var clubVerbsBefore = set("joined", "joining", "joins", "rejoined", "leaving", "left", "quit", "quitting")

// playerPossessive reports whether an organization's mention is the
// possessive of a person's name, in a sports story its player's:
// "Arsenal's Patrick Vieira", "Chelsea's John Terry".
func (d *docState) playerPossessive(c *chunk, tm []int32, m *mention) bool {
	l := m.last
	return isPossessive(c.tokText(l)) && l+1 < len(tm) && tm[l+1] >= 0 && d.ments[tm[l+1]].typ == graph.Person
}

// townClub reports whether an organization's mention is named by one word
// that the gazetteer knows as a town: in a sports story, the club of
// the town ("Newcastle", "Bath", "Milan"), which the tagger did not read
// as the place. A word of sportWords names a body or a contest ("Fifa",
// "Wimbledon").
func (d *docState) townClub(m *mention) bool {
	if sportWords[strings.ToLower(m.name)] {
		return false
	}
	p, ok := d.x.gaz.Best(m.name)
	return ok && p.Kind == gazetteer.City
}

// clubWords end clubs' names, or name a competition, and name no one
// team alone: "United", "City", "the Premiership".
var clubWords = set("united", "city", "town", "county", "athletic", "albion", "wanderers", "rovers", "premiership",
	"league")

// resultNouns are followed by "over" or "with" and a team: "victory over
// France", "a draw with Italy".
var resultNouns = set("victory", "win", "triumph", "draw", "drew", "drawn", "level", "success", "defeat")

// isScore reports whether a token is a score: "2-1", "18-12".
func isScore(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	return ok && a != "" && b != "" && len(a) <= 3 && len(b) <= 3 && isDigits(a) && isDigits(b)
}

// placeContext reports whether a mention of a team's name that the tagger
// read as a place reads as the place itself: "in Paris", "from Ireland",
// "Jurgen Melzer (Austria)", and, for a nation, "Germany's Tommy Haas",
// "Francis Obikwelu of Portugal". A club the tagger read as an
// organization is the club "at Chelsea", and "Arsenal's Thierry Henry"
// is its player.
func (d *docState) placeContext(c *chunk, tm []int32, m *mention) bool {
	f, l := m.first, m.last
	before := c.lower(f - 1)
	switch {
	case m.typ != graph.Place:
		return false // a club "at Chelsea", "Frank Lampard (Chelsea)"
	case locativePreps[before] || before == "the" && locativePreps[c.lower(f-2)]:
		return true
	case before == "(" && c.lower(l) == ")":
		return true
	case !nation(m.place):
		return false
	case d.playerPossessive(c, tm, m):
		return true // "England's Jonny Wilkinson"
	case before == "of" && f >= 2 && tm[f-2] >= 0 && d.ments[tm[f-2]].typ == graph.Person:
		return true
	}
	return false
}
