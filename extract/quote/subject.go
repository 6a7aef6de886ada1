package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

// roleBetween reports whether the words between tokens from and v are a
// noun phrase ending in a word for a person's role or job: "U.S. Customs
// [spokesman] said", "Wanadoo's [chief executive] told"; not "Chelsea
// sacked their manager and said", where a clause comes between.
func (d *doc) roleBetween(from, v int) bool {
	role := false
	for k := from; k < v; k++ {
		t := d.tt[k]
		switch {
		case roleNouns[t.lower] || personNouns[t.lower] || t.lower == "executive":
			role = true
		case isPossessiveText(t.text) || roleModifiers[t.lower] || startsUpper(t.text):
			if role {
				return false // "the envoy Smith": the role is not last
			}
		default:
			return false
		}
	}
	return role
}

// roleModifiers may stand in a role's noun phrase: "senior economist",
// "deputy foreign minister".
var roleModifiers = map[string]bool{
	"senior": true, "former": true, "deputy": true, "top": true, "acting": true, "assistant": true, "press": true,
	"foreign": true, "finance": true, "defence": true, "defense": true, "interior": true, "health": true, "trade": true,
	"prime": true, "vice": true, "general": true, "managing": true, "chief": true, "executive": true, "junior": true,
	"regional": true, "local": true, "national": true, "military": true, "government": true, "company": true, "bank": true,
}

// startsUpper reports whether a word starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// spokesBetween reports whether a word for a spokesperson stands between
// tokens from and v.
func (d *doc) spokesBetween(from, v int) bool {
	for k := from; k < v; k++ {
		switch d.tt[k].lower {
		case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen":
			return true
		}
	}
	return false
}

// apposedBefore returns the person named right before a description that
// starts at token k, set off by a comma: "Eric Abensur, [Wanadoo's chief
// executive]".
func (d *doc) apposedBefore(k, first int) (int, [2]int, bool) {
	k--
	if k >= first && (d.tt[k].lower == "the" || d.tt[k].lower == "a" || d.tt[k].lower == "an") {
		k--
	}
	if k-1 < first || d.tt[k].text != "," {
		return -1, [2]int{}, false
	}
	if c := d.candAt[k-1]; c >= 0 && d.cands[c].Type == graph.Person && d.cands[c].Last == k {
		return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
	}
	return -1, [2]int{}, false
}

// framedBy reports whether a verb of judgement stands between the
// subject, ending at token from, and a quotation opening at open.
func (d *doc) framedBy(from, open int) bool {
	for k := from; k < open; k++ {
		if judgementVerbs[d.tt[k].lower] {
			// "John Smith was accused of “gross misconduct”": the
			// subject is the target, not the speaker.
			return k == 0 || !passiveAux[d.tt[k-1].lower]
		}
	}
	return false
}

// passiveAux before a verb of judgement make its subject the target.
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true, "got": true}

// judgementVerbs frame a quotation as their subject's words: "accused
// them of “squabbling”", "branded the plan “a disaster”".
var judgementVerbs = map[string]bool{
	"accused": true, "accuses": true, "branded": true, "brands": true, "dismissed": true, "dismisses": true,
	"criticised": true, "criticized": true, "condemned": true, "hailed": true, "labelled": true, "labeled": true,
	"blamed": true, "praised": true, "denounced": true, "slammed": true, "mocked": true, "derided": true,
}

// participles of speech verbs take their subject from the clause they
// follow: "Dr Gibbons praised her, saying he …".
var participles = map[string]bool{"saying": true, "adding": true, "telling": true, "insisting": true, "arguing": true, "warning": true}

// sentenceSubject returns the person who opens the words of a sentence
// from first to before end, most often its subject: the first person
// named there, unless a preposition introduces them, a quotation comes
// first, or an unnamed person ("a spokesman for the bank") opens it.
func (d *doc) sentenceSubject(first, end int) (int, [2]int, bool) {
	if d.nominalSubject(first, end) {
		return -1, [2]int{}, false
	}
	for k := first; k < end; k++ {
		if d.inQ[k] {
			return -1, [2]int{}, false
		}
		if c := d.candAt[k]; c >= 0 && d.cands[c].Type == graph.Person {
			if d.prepObject(d.cands[c].First, first) {
				return -1, [2]int{}, false
			}
			return c, [2]int{d.cands[c].First, d.cands[c].Last}, true
		}
	}
	return -1, [2]int{}, false
}

// nominalSubject reports whether the words from first open with an
// unnamed person, "A spokesman", "The prime minister", before end and
// before any name.
func (d *doc) nominalSubject(first, end int) bool {
	k := first
	for k < end && k < first+2 && (d.tt[k].lower == "later" || d.tt[k].lower == "," || d.tt[k].lower == "but" || d.tt[k].lower == "and") {
		k++
	}
	if k >= end || !personDeterminers[d.tt[k].lower] {
		return false
	}
	for j := k + 1; j < end && j <= k+4; j++ {
		if d.candAt[j] >= 0 || d.inQ[j] {
			return false
		}
		if roleNouns[d.tt[j].lower] || personNouns[d.tt[j].lower] {
			// "The actor Tom Hanks", "The chief executive, John Smith,":
			// a name in apposition names the person.
			n := j + 1
			for n < end && n <= j+2 && (d.tt[n].text == "," || roleNouns[d.tt[n].lower] || personNouns[d.tt[n].lower]) {
				n++
			}
			return n >= end || d.candAt[n] < 0
		}
	}
	return false
}

// personDeterminers open an unnamed person: "a spokesman", "the
// official".
var personDeterminers = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true}

// personNouns are unnamed people who may speak: "a spokesman for the
// bank said", "an official said".
var personNouns = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "analyst": true, "witness": true, "resident": true, "aide": true, "diplomat": true,
	"lawyer": true, "prosecutor": true, "judge": true, "police": true, "officer": true, "man": true, "woman": true,
}
