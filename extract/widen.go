package extract

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/extract/date"
	"github.com/factgraph/factgraph/graph"
)

// widenSpans gives back to the tagger's spans the words of a name it
// left out, each a kind of word that is usually no part of a name:
//   - a nationality before a company's head word ("Swiss Re", "Swiss
//     Life", "British Gas"), where the tagger saw an adjective;
//   - a weekday after a club's name before what a team has ("Sheffield
//     Wednesday manager"), where it saw a date;
//   - a short capitalized word after a name that the document writes in
//     full elsewhere ("PC Pro" of "PC Pro Magazine");
//   - a surname after the Arabic article ("Mohammed Mustafa al-Jibouri").
//
// It also adds the "Swiss Life" the tagger missed altogether.
func (d *docState) widenSpans(c *chunk, spans []Span, mask []bool) []Span {
	covered := make([]bool, len(c.toks))
	for _, s := range spans {
		for t := max(s.First, 0); t < min(s.Last, len(c.toks)); t++ {
			covered[t] = true
		}
	}
	free := func(k int) bool {
		return k >= 0 && k < len(c.toks) && !covered[k] && !mask[k]
	}
	var names []string // the texts of the organizations' spans, lower-case
	for _, s := range spans {
		if s.Type == graph.Organization && s.First >= 0 && s.Last <= len(c.toks) && s.First < s.Last {
			names = append(names, lowerKey(c.spanText(s.First, s.Last)))
		}
	}
	var clubs []string // the names widened by a weekday, lower-case
	for i := range spans {
		s := &spans[i]
		if s.First < 0 || s.Last > len(c.toks) || s.First >= s.Last {
			continue
		}
		switch {
		case shopPossessive(c, s.First, s.Last+1) && free(s.Last) && !d.x.gaz.IsCountryName(c.spanText(s.First, s.Last)):
			s.Last++ // "in Starbuck's or": the shop, not a place
			if !saints[c.lower(s.First)] {
				s.Type = graph.Organization // but "at St Mary's" may be a ground, a church, a ward
			}
		case s.Type == graph.Person && publicationAt(c, s.First):
			s.Type = graph.Organization // "German magazine Der Spiegel"
		case companyHeadAt(c, s) && d.nationalityAt(c, s.First-1, free):
			s.First-- // "Swiss Re"
		case companyHeadAt(c, s) && placeBefore(c, spans, i) >= 0:
			p := &spans[placeBefore(c, spans, i)]
			s.First, p.Type = p.First, graph.Other // "Hanover Re": the company, not the city and a word
		case (s.Type == graph.Organization || s.Type == graph.Place) && weekdayClubAt(c, s.Last, free):
			s.Last++ // "Sheffield Wednesday manager"
			s.Type = graph.Organization
			clubs = append(clubs, lowerKey(c.spanText(s.First, s.Last)))
		case s.Type == graph.Organization && d.pairedNameAt(c, s.First, s.Last, free) && !startsOrgName(c.lower(s.First-2), names):
			s.First -= 2 // "Standard and Poor's Corp", where the tagger read "Poor's Corp"
		case s.Type == graph.Person && free(s.Last) && c.sameSentence(s.First, s.Last) && arabicSurname(c.tokText(s.Last)):
			s.Last++ // "Mohammed Mustafa al-Jibouri"
		case s.Type == graph.Organization:
			if l := fullNameEnd(c, s.First, s.Last, names, free); l > s.Last {
				s.Last = l // "PC Pro" of "PC Pro Magazine"
			}
		}
	}
	// The club named so once keeps its weekday in the window: "Sheffield
	// Wednesday beat Leeds".
	for i := range spans {
		s := &spans[i]
		if (s.Type == graph.Organization || s.Type == graph.Place) && s.First >= 0 && s.Last < len(c.toks) && free(s.Last) &&
			c.sameSentence(s.First, s.Last) && slices.Contains(clubs, lowerKey(c.spanText(s.First, s.Last+1))) {
			s.Last++
			s.Type = graph.Organization
		}
	}
	for k := 0; k+1 < len(c.toks); k++ {
		if free(k+1) && isCap(c.tokText(k+1)) && companyHeads[c.lower(k+1)] && !capWordAt(c, k+2) && d.nationalityAt(c, k, free) && !conjoinedAt(c, k) {
			spans = append(spans, Span{First: k, Last: k + 2, Type: graph.Organization, Score: 0.6}) // "Swiss Life"
			covered[k], covered[k+1] = true, true
		}
	}
	return spans
}

// pairedNameAt reports whether the company's span [f, l) that ends in a
// designator ("Poor's Corp"), or the span of a body named after people
// (foundationHeads), is the second half of a name of two joined by "and"
// whose first the tagger left out ("Standard and Poor's Corp", "Smith
// and Wesson Corp", "Jassim and Hamad bin Jassim Charitable Foundation"): a free capitalized word on the same line
// that is no date, nationality, country or designator ("Standard Oil Co
// and BP North America Inc" are two). A word of another name is not
// free ("Moody's and Poor's Corp" keeps Moody's apart), nor one that
// names another organization of the window (startsOrgName).
func (d *docState) pairedNameAt(c *chunk, f, l int, free func(int) bool) bool {
	if f < 2 || !designated(c.spanText(f, l)) && !foundationHeads[c.lower(l-1)] || c.lower(f-1) != "and" || !free(f-1) || !free(f-2) || !capWordAt(c, f-2) ||
		!c.sameSentence(f-2, f) || c.toks[f].NewlineBefore || c.toks[f-1].NewlineBefore {
		return false
	}
	w := c.lower(f - 2)
	_, demonym := d.x.gaz.Demonym(c.tokText(f - 2))
	return !date.IsMonthOrWeekday(w) && !closedClass[w] && !designators[w] && !demonym && !d.x.gaz.IsCountryName(c.tokText(f-2))
}

// startsOrgName reports whether the lower-case word w is the window's name
// of an organization or opens one other than by "w and": "Standard" of
// "Standard Oil Co", which makes "Standard and Mobil Corp" two.
func startsOrgName(w string, names []string) bool {
	for _, n := range names {
		if n == w || strings.HasPrefix(n, w+" ") && !strings.HasPrefix(n, w+" and ") {
			return true
		}
	}
	return false
}

// companyHeadAt reports whether span s is an organization named only by
// a company's head word ("Re", "Life") that no capitalized word follows.
func companyHeadAt(c *chunk, s *Span) bool {
	return s.Type == graph.Organization && s.Last-s.First == 1 && companyHeads[c.lower(s.First)] && !capWordAt(c, s.Last)
}

// arabicSurname reports whether a word is a surname after the Arabic
// article, written in lower case: "al-Jibouri", "el-Sisi".
func arabicSurname(w string) bool {
	for _, p := range []string{"al-", "el-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && isCap(rest) {
			return true
		}
	}
	return false
}

// nationalityAt reports whether token k is a free capitalized nationality
// adjective ("Swiss", not "SWISS" of a headline) in the sentence of k+1,
// written just before it.
func (d *docState) nationalityAt(c *chunk, k int, free func(int) bool) bool {
	if !free(k) || !c.sameSentence(k, k+1) || !isCap(c.tokText(k)) || isAllUpper(c.tokText(k)) || c.toks[k+1].NewlineBefore {
		return false
	}
	_, ok := d.x.gaz.Demonym(c.tokText(k))
	return ok && !d.x.gaz.IsCountryName(c.tokText(k))
}

// placeBefore returns the index of the place's span that ends just
// before span i in its sentence and line, -1 if none.
func placeBefore(c *chunk, spans []Span, i int) int {
	f := spans[i].First
	for j, p := range spans {
		if j != i && p.Type == graph.Place && p.Last == f && p.First < f && c.sameSentence(p.First, f) && !c.toks[f].NewlineBefore {
			return j
		}
	}
	return -1
}

// conjoinedAt reports whether token k follows "and" or "&" after a
// capitalized word, where the tagger left a longer name untagged: "Pew
// Internet and American Life".
func conjoinedAt(c *chunk, k int) bool {
	return (c.tokText(k-1) == "&" || c.lower(k-1) == "and") && capWordAt(c, k-2)
}

// capWordAt reports whether token k is a capitalized word, which would
// make a nationality and a company's head the start of a longer name or
// a title: "Venezuelan Energy Minister".
func capWordAt(c *chunk, k int) bool {
	return isCap(c.tokText(k)) && hasLetter(c.tokText(k))
}

// companyHeads end companies named by a nationality and a common word,
// which alone name nothing: "Swiss Re", "British Airways", "Deutsche
// Bank", "Irish Life".
var companyHeads = set("re", "life", "airways", "airlines", "express", "bank", "telecom", "telekom", "post", "bahn",
	"gas", "steel", "petroleum", "energy", "rail", "aerospace", "leyland", "insurance", "mutual", "water", "power")

// corporateHeads end companies' names and never a place's, unlike
// "Bank" (the West Bank) or "Water": a place's span that ends in one is
// an organization ("Hanover Re", "Thai Airways").
var corporateHeads = set("re", "airways", "airlines", "telecom", "telekom", "petroleum", "insurance", "aerospace")

// weekdayClubAt reports whether token k is a capitalized weekday that ends
// a club's name, as the team nouns or the possessive after it say:
// "Sheffield Wednesday manager Paul Sturrock", "Sheffield Wednesday's
// striker". A weekday after a name is otherwise a date ("Chelsea beat
// Leeds Wednesday").
func weekdayClubAt(c *chunk, k int, free func(int) bool) bool {
	if !free(k) || !isCap(c.tokText(k)) || !c.sameSentence(k-1, k) || !date.IsMonthOrWeekday(c.lower(k)) || months[c.lower(k)] {
		return false
	}
	next := c.lower(k + 1)
	if isPossessive(c.tokText(k + 1)) {
		next = c.lower(k + 2)
	}
	return c.sameSentence(k, k+1) && teamNouns[next]
}

// months are the month names, which date.IsMonthOrWeekday also accepts.
var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december")

// fullNameEnd returns where an organization's span [f, l) ends when the
// capitalized words after it, at most two, complete a longer name of
// names ("PC" and "Pro" of "PC Pro Magazine"); l when they do not.
func fullNameEnd(c *chunk, f, l int, names []string, free func(int) bool) int {
	end := l
	for j := l; j < l+2 && free(j) && c.sameSentence(f, j) && isCap(c.tokText(j)) && hasLetter(c.tokText(j)) && !closedClass[c.lower(j)]; j++ {
		text := lowerKey(c.spanText(f, j+1))
		for _, n := range names {
			if len(n) > len(text) && strings.HasPrefix(n, text+" ") {
				end = j + 1
				break
			}
		}
	}
	return end
}

// shopPreps put a shop or firm named by a possessive alone: "in
// Starbuck's", "at Sainsbury's".
var shopPreps = set("in", "at", "from", "outside", "inside", "into", "to")

// shopPossessive reports whether tokens [f, l), a name and the possessive
// that ends them, name a shop or firm: an elliptical possessive after a
// place's preposition, with no noun after it ("you'll see in Starbuck's
// or many other hotspots"). Such a possessive is part of the name.
func shopPossessive(c *chunk, f, l int) bool {
	if f < 1 || l-f < 2 || l > len(c.toks) || !clitic[c.lower(l-1)] || !shopPreps[c.lower(f-1)] || !isCap(c.tokText(f)) {
		return false
	}
	if l == len(c.toks) || !c.sameSentence(l-1, l) {
		return true
	}
	return shopFollowers[c.tokText(l)]
}

// saints open the names of places, churches and grounds ("St Mary's",
// "St Helen's"), whose possessive says no shop.
var saints = set("st", "st.", "saint")

// clitic is the possessive "'s", not the lone apostrophe that may close
// a quotation ("go to Southampton', and").
var clitic = set("'s", "’s")

// shopFollowers may follow a shop's possessive name: the end of a
// clause, or a conjunction ("in Starbuck's or"), but no noun, quote
// or figure ("compared to EA's $17.8bn").
var shopFollowers = set(".", ",", ";", ":", "?", "!", ")", "or", "and")

// publicationNouns before a name say it is a newspaper or magazine, not
// a person: "German magazine Der Spiegel", "the newspaper Le Monde".
var publicationNouns = set("magazine", "newspaper", "daily", "weekly", "paper", "tabloid", "journal", "broadsheet", "monthly")

// foreignArticles open a foreign title and never a person's name: "Der
// Spiegel", "Die Zeit", "Das Erste".
var foreignArticles = set("der", "die", "das")

// publicationAt reports whether the name at token f is a publication's:
// after a publication noun, or opened by a German article.
func publicationAt(c *chunk, f int) bool {
	return publicationNouns[c.lower(f-1)] && !isCap(c.tokText(f-1)) && c.sameSentence(f-1, f) ||
		foreignArticles[c.lower(f)] && isCap(c.tokText(f)) && c.sameSentence(f, f+1) && isCap(c.tokText(f+1))
}

// bodyNameHeads end the names of bodies that the tagger, reading the
// place they are named after, types a place ("Richmond Municipality",
// "Curepipe College", "Ladysmith Town Council"): the three annotated
// corpora type such names organizations. (Hospitals, temples and
// mosques, which they type both ways, are left as read.)
var bodyNameHeads = set("university", "college", "school", "institute", "academy", "council", "municipality", "church")

// foundationHeads end the names of bodies named after their founders,
// often two of them ("the Bill and Melinda Gates Foundation").
var foundationHeads = set("foundation", "trust", "fund")

// streetHeads end the names of streets, squares and bridges, which are
// places even where the tagger read an organization.
var streetHeads = set("square", "street", "avenue", "road", "bridge", "lane", "boulevard")
