package figure

import (
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// The words that may stand between a counted noun phrase and the measure
// word after it: a partitive, a place, an inclusion, an aside between
// commas, dashes or parentheses, auxiliaries and adverbs, and a relative
// clause. measureAfter reads them in that order. measureAt reads the
// measure words and phrases themselves, and tollBefore the toll or
// nominal head a number completes ("the death toll rose to 44", "the
// death of 10").

// measureAfter looks for a measure word after the counted noun phrase
// that countedAfter read (head, ending at npEnd), past a partitive ("of
// the crew"), a place ("from Scotland"), an inclusion ("including a
// French tourist"), one aside and the predicate's auxiliaries, adverbs
// and relative clause.
func measureAfter(tt []tok, head string, npEnd, end int) (after, bool) {
	r := after{head: head, npEnd: npEnd}
	j := r.npEnd
	// "members of my group", "of them", "32 of the 543 passengers and crew"
	if j < end && tt[j].lower == "of" {
		j, r.partHead = partitiveEnd(tt, j, end)
	}
	// "one among them succumbed"
	if j+1 < end && tt[j].lower == "among" && (tt[j+1].lower == "them" || tt[j+1].lower == "whom") {
		j += 2
	}
	r.scan = j
	// "three people from Scotland died", "80 people in eight cities were
	// detained": a phrase saying where, when a predicate follows it
	if j+1 < end && placePreps[tt[j].lower] && !(tt[j].lower == "in" && custody[tt[j+1].lower]) {
		k := j + 1
		for k < end && k < j+5 && (tt[k].word || tt[k].digit) && !bridges[tt[k].lower] && !isMeasureAt(tt, k, end) {
			k++
		}
		if k < end && k > j+1 && (bridges[tt[k].lower] || isMeasureAt(tt, k, end)) {
			j, r.scan = k, k
		}
	}
	// "Three men including a French tourist have died"
	if j < end && tt[j].lower == "including" {
		k := j + 1
		for k < end && k < j+6 && tt[k].word && !bridges[tt[k].lower] {
			k++
		}
		j = k
	}
	// "Two of the crew, operating out of El Salvador, were killed", "2,000
	// people – many of them civilians – have been killed", "13 (inmates)
	// dead"
	if k := asideEnd(tt, j, end); k > 0 {
		if r.head == "" && tt[j].lower == "(" && k == j+3 && nounLike(tt[j+1]) {
			r.head = tt[j+1].lower
		}
		j = k
	}
	if m, first, last, ok := predicate(tt, j, end); ok {
		r.measure, r.mFirst, r.mLast = m, first, last
		return r, true
	}
	return r, false
}

// predicate reads the measure word at j or after auxiliaries, adverbs
// and a relative clause: "have reportedly been killed", "were among
// those killed", "are registered as refugees", "who had gathered outside
// parliament were detained". A measure verb that takes an object is no
// predicate of the count before it.
func predicate(tt []tok, j, end int) (m string, first, last int, ok bool) {
	sawBridge, relative := false, false
	for n := 0; j < end && n < 6; j, n = j+1, n+1 {
		w := trimDot(tt[j].lower)
		if m, first, last, ok := measureAt(tt, j, end); ok {
			if activeVoice(tt, first, last, end) {
				// "a fire at one cafe that killed 25 people": the cafe did
				// the killing; the count follows the verb.
				return "", 0, 0, false
			}
			return m, first, last, true
		}
		if w == "," && n == 0 && j+1 < end && (tt[j+1].lower == "who" || tt[j+1].lower == "including") {
			continue
		}
		if w == "among" && j+1 < end && (tt[j+1].lower == "those" || tt[j+1].lower == "the") {
			j++ // "were among those killed", "among the dead"
			continue
		}
		// Adverbs bridge too: "internally displaced", "critically injured".
		adverb := sawBridge && len(w) > 4 && strings.HasSuffix(w, "ly") && tt[j].word
		// "650,000 Syrians are registered as refugees"
		as := asVerbs[w] && j+1 < end && tt[j+1].lower == "as"
		if w == "who" || w == "that" || w == "which" {
			relative = true
		} else if relative && !bridges[w] && !adverb && !as {
			// "50 MPs who had gathered outside parliament were
			// detained": past the relative clause to the predicate.
			relative = false
			if k := relativeEnd(tt, j, end); k > 0 {
				j, n = k-1, 0
				continue
			}
		}
		if !bridges[w] && !adverb && !as {
			break
		}
		sawBridge = true
	}
	return "", 0, 0, false
}

// partitiveEnd reads the partitive at the "of" at j ("of my group", "of
// them", "of the 543 passengers and crew") and returns where it ends and
// its head noun.
func partitiveEnd(tt []tok, j, end int) (k int, partHead string) {
	k, nested := j+1, false
	for k < end && k < j+8 && (tt[k].word || tt[k].digit) && !bridges[tt[k].lower] && !phraseStarts[tt[k].lower] {
		if _, isM := measureWords[tt[k].lower]; isM {
			break
		}
		if notCounted[tt[k].lower] && tt[k].lower != "the" && tt[k].lower != "and" && !possessives[tt[k].lower] &&
			tt[k].lower != "those" && tt[k].lower != "these" {
			break
		}
		if (tt[k].lower == "and" || tt[k].lower == "or") && k+1 < end && startsAmount(tt[k+1]) {
			break // "38 incidents of torture and seven deaths": a new count
		}
		if tt[k].lower == "of" {
			nested = true // "of the crew of the downed aircraft": crew
		}
		if tt[k].word && !nested && tt[k].lower != "the" && tt[k].lower != "and" {
			partHead = tt[k].lower
		}
		k++
	}
	if k < end && (tt[k].lower == "them" || tt[k].lower == "whom") {
		k++
	}
	return k, partHead
}

// asVerbs before "as" tie a count to the measure after it: "650,000
// Syrians are registered as refugees", "1.5 million living as refugees".
var asVerbs = map[string]bool{
	"registered": true, "living": true, "counted": true, "classified": true, "classed": true,
	"recognised": true, "recognized": true, "registering": true,
}

// asideEnd returns the token after an aside that opens at j and is
// followed by a bridge or a measure word: words and no number between
// commas, dashes or parentheses ("Two of the crew, flying from Lima, were
// killed", "2,000 people – many of them civilians – have been killed",
// "13 (inmates) dead"), or ages between commas ("Two men, aged 50 and 46,
// died"); 0 where there is none. A comma aside may hold a parenthesis:
// ", who had set sail from Fouka (near Tipaza), died".
func asideEnd(tt []tok, j, end int) int {
	if j+1 >= end {
		return 0
	}
	open := tt[j].lower
	limit := 9
	switch {
	case open == "(":
		limit = 8
	case isDash(open):
		limit = 12
	case open != ",":
		return 0
	}
	// ", aged 50 and 46," holds ages, which are never counts; "–
	// including 15 children –" a part, which is a figure of its own.
	ages := open == "," && (tt[j+1].lower == "aged" || tt[j+1].lower == "ages")
	part := tt[j+1].lower == "including" || tt[j+1].lower == "among"
	if part && open == "," {
		limit = 13 // ", including party leader Rahul Gandhi and his sister,"
	}
	for k, n := j+1, 1; k < end && n < limit; k, n = k+1, n+1 {
		t := tt[k].lower
		if tt[k].digit && !ages && !part {
			return 0
		}
		if open == "," && t == "(" {
			if k = parenEnd(tt, k, end); k == 0 {
				return 0
			}
			continue
		}
		closes := t == open || open == "(" && t == ")" || isDash(open) && isDash(t)
		if !closes {
			if t == "," && open != "," || isDash(t) || t == "(" || t == ")" {
				return 0
			}
			continue
		}
		if k+1 < end && k > j+1 && (bridges[tt[k+1].lower] || isMeasureAt(tt, k+1, end)) {
			return k + 1
		}
		return 0
	}
	return 0
}

// parenEnd returns the ")" that closes the parenthesis at j within a few
// words and no number ("(near Tipaza)"), or 0.
func parenEnd(tt []tok, j, end int) int {
	for k := j + 1; k < end && k < j+8; k++ {
		switch {
		case tt[k].digit || tt[k].lower == "(":
			return 0
		case tt[k].lower == ")":
			return k
		}
	}
	return 0
}

// isDash reports a dash that opens or closes an aside.
func isDash(w string) bool { return w == "–" || w == "—" || w == "--" || w == "-" }

// relativeEnd returns the auxiliary that ends a relative clause whose
// verb is at i ("who had gathered outside parliament were detained" →
// "were"), or the measure word after a comma that closes it ("who had set
// sail from Fouka (near Tipaza), died"); 0 if there is none. The clause
// stops at a number, a clause word, a verb of saying or a measure word:
// the count is not theirs.
func relativeEnd(tt []tok, i, end int) int {
	for k := i; k < end && k < i+10; k++ {
		t := tt[k]
		w := t.lower
		switch {
		case w == "(":
			if k = parenEnd(tt, k, end); k == 0 {
				return 0
			}
			continue
		case w == ",":
			if k > i && k+1 < end && isMeasureAt(tt, k+1, end) {
				return k + 1
			}
			return 0
		case t.digit || !t.word || clauseStops[w] || isMeasureAt(tt, k, end):
			return 0
		case k > i && relativeAux[w] && !relativeAux[tt[k-1].lower] && tt[k-1].lower != "who":
			return k
		}
	}
	return 0
}

// relativeAux may end a relative clause as the predicate of the count.
var relativeAux = map[string]bool{"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true}

// clauseStops end a relative clause that is searched for its end.
var clauseStops = map[string]bool{
	"who": true, "which": true, "that": true, "when": true, "where": true, "while": true, "after": true,
	"before": true, "because": true, "if": true, "as": true, "since": true, "until": true, "and": true,
	"but": true, "or": true, "said": true, "says": true, "say": true, "told": true, "reported": true,
	"believe": true, "believed": true, "claimed": true, "announced": true, "warned": true, "feared": true,
}

func isMeasureAt(tt []tok, j, end int) bool {
	_, _, _, ok := measureAt(tt, j, end)
	return ok
}

// measureAt reads a measure word or phrase at j.
func measureAt(tt []tok, j, end int) (m string, first, last int, ok bool) {
	w := trimDot(tt[j].lower)
	next := ""
	if j+1 < end {
		next = tt[j+1].lower
	}
	if next == "to" && j+2 < end && tt[j+2].lower == "death" && tt[j].word && !sentenced[w] &&
		(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) {
		return graph.Killed, j, j + 3, true // "frozen to death", "crushed to death"
	}
	switch w {
	case "lost":
		// "lost their lives", "lost their homes"
		if j+2 < end {
			switch tt[j+2].lower {
			case "lives", "life":
				return graph.Killed, j, j + 3, true
			case "home", "homes":
				return graph.Displaced, j, j + 3, true
			}
		}
		return "", 0, 0, false
	case "taken", "held", "took":
		switch {
		case next == "their" && j+3 < end && tt[j+2].lower == "own" && (tt[j+3].lower == "lives" || tt[j+3].lower == "life"):
			return graph.Killed, j, j + 4, true // "have taken their own lives"
		case next == "hostage" || next == "captive":
			return graph.Kidnapped, j, j + 2, true
		case next == "prisoner" || next == "prisoners":
			return graph.Arrested, j, j + 2, true
		case next == "into" && j+2 < end && tt[j+2].lower == "custody":
			return graph.Arrested, j, j + 3, true
		}
		return "", 0, 0, false
	case "fled":
		// "fled their homes" is displacement; "fled to India", "fled
		// abroad", "fled across the border" crosses one.
		if next == "abroad" || (next == "to" || next == "into" || next == "across") && j+2 < end &&
			(tt[j+2].upper || tt[j+2].lower == "the" && j+3 < end && tt[j+3].lower == "border") {
			return graph.Refugees, j, j + 1, true
		}
		return graph.Displaced, j, j + 1, true
	case "on":
		// "on the missing list"
		if next == "the" && j+2 < end && tt[j+2].lower == "missing" {
			return graph.Missing, j, j + 3, true
		}
		return "", 0, 0, false
	case "in", "behind":
		// "thousands of people in jail", "behind bars"
		if custody[next] {
			return graph.Arrested, j, j + 2, true
		}
		return "", 0, 0, false
	case "made":
		// "made homeless"
		if next == "homeless" {
			return graph.Displaced, j, j + 2, true
		}
		return "", 0, 0, false
	case "rounded":
		if next == "up" {
			return graph.Arrested, j, j + 2, true
		}
		return "", 0, 0, false
	case "forced":
		// "forced from their homes", "forced to flee", "forced out of
		// their villages"; not "forced out of the sport"
		if next == "from" || next == "out" && homeAhead(tt, j+2, end) || (next == "to" && j+2 < end && tt[j+2].lower == "flee") {
			return graph.Displaced, j, j + 2, true
		}
		return "", 0, 0, false
	}
	if m, ok := measureWords[w]; ok {
		return m, j, j + 1, true
	}
	if w == "death" && j > 0 && tt[j-1].lower == "one" && (next == "" || !tt[j+1].word || deathFollows[next]) {
		// "17 cases including one death"; not "one death sentence"
		return graph.Killed, j, j + 1, true
	}
	return "", 0, 0, false
}

// homeAhead reports a word for a home within four tokens of i: "out of
// their homes", "out of the village".
func homeAhead(tt []tok, i, end int) bool {
	for j := i; j < end && j < i+4; j++ {
		if homeWords[tt[j].lower] {
			return true
		}
	}
	return false
}

// tollBefore finds a toll or count head before the number starting at
// qStart, linked by rise words: "the death toll has risen to 44", "the
// number of people killed stood at 44", "the death toll in Angur Adar rose
// to 23".
func tollBefore(tt []tok, qStart, first int) (string, int, bool) {
	// "the deaths of the seven Challenger astronauts", "resulted in the
	// death of 10 and injury of 31 civilians", "the arrest of 12"
	// "Among the injured were 20 local residents": a part of the toll
	if k := qStart - 4; k >= first && tt[k].lower == "among" && tt[k+1].lower == "the" && copulas[tt[qStart-1].lower] {
		if m, ok := tollHeads[tt[k+2].lower]; ok {
			return m, k + 2, true
		}
	}
	k := qStart - 2
	if k > first && tt[qStart-1].lower == "the" {
		k--
	}
	if k >= first && tt[k+1].lower == "of" {
		if m, ok := nominalMeasures[tt[k].lower]; ok {
			return m, k, true
		}
	}
	j := qStart - 1
	links := 0
	for j >= first && links < 5 && rises[tt[j].lower] {
		j--
		links++
	}
	if links == 0 || j < first {
		return "", 0, false
	}
	// The word right before the number must tie it: "to", "at", "of" or a
	// verb such as "reached".
	switch tt[qStart-1].lower {
	case "is", "was", "has", "had", "have", "now", "officially", "further":
		return "", 0, false
	}
	// The head may stand before a phrase saying where: "in the disaster".
	for k := j; k >= first && k > j-9; k-- {
		t := tt[k]
		if m, ok := tollHeads[t.lower]; ok {
			if !countHead(tt, k, first) {
				break
			}
			if k-2 >= first && tt[k-1].lower == "or" {
				// "dead or missing": the first of the two
				if m2, ok := tollHeads[tt[k-2].lower]; ok {
					m, k = m2, k-2
				}
			}
			if t.lower == "toll" && k > first && tt[k-1].lower == "injury" {
				m = graph.Injured
			}
			return m, k, true
		}
		if !t.word || tollStops[t.lower] {
			break
		}
	}
	return "", 0, false
}

// countHead reports whether the toll head at k names a count: "toll",
// "deaths" and "fatalities" do; "dead", "killed" and the like do after "the
// number of" or "the total of" ("the number of Britons dead or missing").
func countHead(tt []tok, k, first int) bool {
	switch tt[k].lower {
	case "toll", "deaths", "fatalities":
		return true
	}
	for j := k - 1; j > first && j >= k-4; j-- {
		if tt[j].lower == "of" && (tt[j-1].lower == "number" || tt[j-1].lower == "total") {
			return true
		}
	}
	return false
}
