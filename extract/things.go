package extract

import (
	"slices"

	"github.com/factgraph/factgraph/graph"
)

// Names of things that the tagger, which learned names of people, places
// and organizations, calls one of them (the fifth BBC relation audit):
// railway and Underground lines named after places ("the Jubilee,
// Northern and Piccadilly lines") and awards named like places or people
// ("U2 to play at Grammy awards show"). They are type other: no line is
// located in another, and no award in a country.

// namedLine reports whether tokens [f, l) name a railway or Underground
// line: a name before "line", or in a list of names before "lines" ("the
// Jubilee, Northern and Piccadilly lines"). A list says it alone; one name
// before "line" needs a window that speaks of trains (lineWords), for "the
// England line" of a rugby report is its try line, and "line up" is a verb.
func namedLine(c *chunk, f, l int) bool {
	listed := c.lower(f-1) == "and" || c.lower(f-1) == "," || c.lower(f-1) == "&" // "Northern and Piccadilly lines"
	for j := l; j < len(c.toks) && j < l+12 && c.sameSentence(f, j); j++ {
		w := c.lower(j)
		switch {
		case (w == "line" || w == "lines") && !isCap(c.tokText(j)):
			if c.lower(j+1) == "up" || w == "lines" && !listed {
				return false
			}
			return listed && w == "lines" || lineWindow(c)
		case w == "," || w == "and" || w == "&":
			listed = true
		case isCap(c.tokText(j)) && !closedClass[w]:
		default:
			return false
		}
	}
	return false
}

// lineWords say that a window speaks of trains.
var lineWords = set("tube", "underground", "railway", "railways", "rail", "train", "trains", "metro", "subway",
	"station", "stations", "commuters")

// lineWindow reports whether window c uses one of lineWords.
func lineWindow(c *chunk) bool {
	return slices.ContainsFunc(c.lowers, func(w string) bool { return lineWords[w] })
}

// prizeName reports whether tokens [f, l), lk in lower case, typed typ by
// the tagger, name
// an award or its ceremony: a name that ends in "Award(s)" ("the Academy
// Awards"), a ceremony's plural ("the Oscars", "the Grammys"; "the Brits"
// where the window speaks of awards, for "we Brits" are the British), or a
// place's or a person's name before "award(s)", a person's before
// "ceremony" ("Grammy awards show", "a Brit award", "the Bafta ceremony").
// An organization before "awards" is the body that gives them ("the Fifa
// awards", "MTV Awards"), a country stays itself ("Britain awards"), and
// so does a place before "ceremony", where it is held ("the central London
// ceremony").
func (d *docState) prizeName(c *chunk, f, l int, lk string, typ graph.EntityType) bool {
	switch last := c.lower(l - 1); {
	case l-f >= 2 && (last == "award" || last == "awards"):
		return true
	case ceremonies[lk]:
		return lk != "brits" || slices.Contains(c.lowers, "awards") || slices.Contains(c.lowers, "award")
	}
	if after := c.lower(l); after != "award" && after != "awards" && (typ != graph.Person || after != "ceremony") {
		return false
	}
	return typ != graph.Organization && !isAllUpper(c.tokText(f)) && !d.x.gaz.IsCountryName(c.spanText(f, l))
}

// ceremonies are the plurals by which news names award ceremonies.
var ceremonies = set("oscars", "grammys", "baftas", "emmys", "brits", "mobos", "golden globes")

// partyEnd returns where the name of a party ends in an organization's
// span [f, l) that goes on with a portfolio before a title: "Lib Dem
// Treasury spokesman Vince Cable", "Tory Home Office spokesman" name the
// Liberal Democrats and the Tories; Treasury and Home Office are part of
// the title, not of the party's name, and no organization "Lib Dem
// Treasury" exists. It returns l when the span is a party's name whole
// ("Labour Party spokesman"), when no title follows, or when a place
// follows the party ("UKIP Scotland chairman": its branch).
func (d *docState) partyEnd(c *chunk, f, l int) int {
	if _, ok := titles[c.lower(l)]; !ok || isCap(c.tokText(l)) || partyNames[shortForm(graph.NameKey(c.spanText(f, l)))] {
		return l
	}
	for k := l - 1; k > f; k-- {
		if partyNames[shortForm(graph.NameKey(c.spanText(f, k)))] {
			if d.x.gaz.Known(c.spanText(k, l)) {
				return l // "UKIP Scotland chairman": the party's branch
			}
			return k
		}
	}
	return l
}

// partyNames are the parties of shortForms.
var partyNames = set("Conservative Party", "Labour Party", "Liberal Democrats", "UK Independence Party",
	"Scottish National Party", "Democratic Party", "Republican Party")
