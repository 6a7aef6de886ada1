package extract

import (
	"github.com/factgraph/factgraph/graph"
)

// datelineLines is how many lines from the top of a document may hold its
// dateline: headlines and captions come first.
const datelineLines = 6

// findDateline reads the dateline of a document's first window: a line
// that starts with a place and then, before a colon or a dash, at most a
// region or date after a comma and a wire credit in parentheses:
//
//	Sochi: Russian President …
//	LONDON (Reuters) - …
//	SALVADOR, Feb 26 - …
//	KABUL, Afghanistan — …
//
// The place must be one the gazetteer knows; the credit is masked so that
// it is not read as a name.
func (d *docState) findDateline(c *chunk, mask []bool) (mention, bool) {
	lines := 0
	for i := 0; i < len(c.toks) && lines < datelineLines; i++ {
		if i > 0 && !c.toks[i].NewlineBefore {
			continue
		}
		lines++
		if m, ok := d.datelineAt(c, i, mask); ok {
			return m, true
		}
	}
	return mention{}, false
}

func (d *docState) datelineAt(c *chunk, i0 int, mask []bool) (mention, bool) {
	// The place: up to four capitalized words.
	j := i0
	for j < len(c.toks) && j < i0+4 && isCap(c.toks[j].Text) && hasLetter(c.toks[j].Text) && (j == i0 || !c.toks[j].NewlineBefore) {
		j++
	}
	if j == i0 || j >= len(c.toks) {
		return mention{}, false
	}
	placeEnd := j
	name := c.spanText(i0, placeEnd)
	upper := isAllUpper(name)
	p := d.geocode(name, false)
	if p == nil {
		return mention{}, false // "SOCCER -" is a section, not a place
	}
	// What may follow: ", Region", ", Feb 26", "(Reuters)", then : or a dash.
	k := placeEnd
	sawComma := false
	for steps := 0; k < len(c.toks) && steps < 8 && !c.toks[k].NewlineBefore; steps++ {
		t := c.toks[k].Text
		switch {
		case t == ":" || isDash(t):
			if t == ":" && sawComma {
				return mention{}, false // "Paris, he said: …"
			}
			m := mention{typ: graph.Place, score: 1, place: p, first: i0, last: placeEnd, isDateline: true}
			if p != nil && (upper || graph.NameKey(p.Name) == graph.NameKey(name)) {
				m.name = p.Name
			}
			return m, true
		case t == ",":
			sawComma = true
			k++
		case t == "(":
			e := k + 1
			for e < len(c.toks) && e < k+4 && c.toks[e].Text != ")" {
				e++
			}
			if e >= len(c.toks) || c.toks[e].Text != ")" {
				return mention{}, false
			}
			for x := k; x <= e; x++ {
				mask[x] = true
			}
			k = e + 1
		case sawComma && (isCap(t) || isDigits(t) || t == "."):
			k++
		default:
			return mention{}, false
		}
	}
	return mention{}, false
}
