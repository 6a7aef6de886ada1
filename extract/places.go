package extract

import (
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// readPlaces reads containment stated in the window, "the southern
// Russian city of Sochi", "Syria's coastal province of Latakia",
// "Kabul, Afghanistan", and nationality adjectives that stand for their
// country's land ("Syrian territory").
func (d *docState) readPlaces(c *chunk, tm []int32) {
	n := len(d.ments)
	for mi := d.chunkStart; mi < n; mi++ {
		m := &d.ments[mi]
		if m.typ != graph.Place || m.adjective {
			continue
		}
		d.placeOf(c, tm, mi)
		d.placeComma(c, tm, mi)
		d.placePossessive(c, tm, mi)
	}
	for i := range c.toks {
		if tm[i] < 0 && countryNouns[c.lower(i+1)] && c.sameSentence(i, i+1) {
			d.adjectiveAt(c, tm, i)
		}
	}
}

// placeOf reads "[the] [Country's|Demonym|Place] [adjectives] NOUN of X".
func (d *docState) placeOf(c *chunk, tm []int32, mi int) {
	m := &d.ments[mi]
	f := m.first
	if c.lower(f-1) != "of" || !placeNouns[c.lower(f-2)] || !c.sameSentence(f-2, f) {
		return
	}
	noun := c.lower(f - 2)
	if regionNouns[noun] && m.place != nil && m.place.Kind == gazetteer.City {
		if r := d.geocode(m.Text, true); r != nil && r.Kind == gazetteer.Region {
			m.place = r
		}
	}
	// Up to three lower-case adjectives: "southern", "coastal", "northern".
	j := f - 3
	for k := 0; k < 3 && j >= 0 && !isCap(c.toks[j].Text) && c.lower(j) != "the" && !isPossessive(c.toks[j].Text) && hasLetter(c.toks[j].Text) && c.sameSentence(j, f); k++ {
		j--
	}
	if j < 0 || !c.sameSentence(j, f) {
		return
	}
	cont, named := -1, false // named: the place before the noun is named, not a possessive or a nationality
	switch {
	case isPossessive(c.toks[j].Text) && j > 0 && tm[j-1] >= 0:
		cont = int(tm[j-1])
	case tm[j] >= 0:
		cont, named = int(tm[j]), !d.ments[tm[j]].adjective
	default:
		cont = d.adjectiveAt(c, tm, j)
	}
	if cont < 0 || cont == mi || d.ments[cont].typ != graph.Place {
		return
	}
	ev := c.evidence(min(j, d.ments[cont].first), m.last)
	subj := mi
	if named && c.lower(d.ments[cont].first-1) == "the" && largerPlace(m.place, d.ments[cont].place) && !(d.ments[cont].place == nil && unlocated(d.ments[cont].name)) {
		// "the North Waziristan region of Pakistan": the named region is
		// in what follows "of" when that is larger; "the Texas town of
		// Uvalde" is read the other way, and so is "the Gulf oil state of
		// Qatar", for a world region is in no country.
		subj, cont = cont, mi
	}
	d.link(rulePlaceOf, "", subj, cont, ev)
}

// largerPlace reports whether outer, the place after "the X NOUN of", is
// the larger of the two: a country, or a region around a town or an
// unknown place.
func largerPlace(outer, inner *gazetteer.Place) bool {
	if outer == nil {
		return false
	}
	return outer.Kind == gazetteer.Country && (inner == nil || inner.Kind != gazetteer.Country) ||
		outer.Kind == gazetteer.Region && (inner == nil || inner.Kind == gazetteer.City)
}

// placeComma reads "Kabul, Afghanistan" and "Karachi in Pakistan": a
// place that is not a country, a comma or "in", then a country or region
// that contains it (by the gazetteer, when it knows both).
func (d *docState) placeComma(c *chunk, tm []int32, mi int) {
	m := &d.ments[mi]
	if m.place == nil && unlocated(m.name) {
		return // "EUROPE, JAPAN", "West Germany, France": a list
	}
	l := m.last
	sep := c.tokText(l)
	if sep != "," && sep != "in" || l+1 >= len(tm) || tm[l+1] < 0 || !c.sameSentence(l, l+1) {
		return
	}
	oi := int(tm[l+1])
	o := &d.ments[oi]
	if o.typ != graph.Place || o.place == nil || o.place.Kind == gazetteer.City || o.first != l+1 || d.placeList(c, tm, o, m.place == nil) {
		return
	}
	if sep == "in" {
		// "Karachi in Pakistan", but not "the role of Moscow in Syria":
		// only where the gazetteer already puts the one in the other.
		if m.place != nil && d.x.gaz.Within(m.place, o.place) {
			d.link(rulePlaceComma, "", mi, oi, c.evidence(m.first, o.last))
		}
		return
	}
	if m.place != nil {
		if m.place.Kind == gazetteer.Country || !d.x.gaz.Within(m.place, o.place) {
			// "Lagos, Nigeria" where Lagos was read as elsewhere: move it.
			if alt := d.within(c.spanText(m.first, m.last), o.place); alt != nil {
				m.place = alt
			} else if m.place.Kind == gazetteer.Country || m.place.CountryCode == o.place.CountryCode {
				return
			} else if q := d.containerOf(m.place, c.spanText(o.first, o.last)); q != nil {
				// "Atlanta, Georgia": the container was misread (the
				// country), and the place's reading tells which it is.
				o.place, o.name = q, q.Name
			} else if m.place.Capital || m.place.Population >= majorCity {
				// "offices in New York, London, Singapore and Hong Kong":
				// a capital or a large city is no namesake the text puts
				// elsewhere, so the comma joins a list.
				return
			} else {
				// "Norfolk, England" that the gazetteer knows only in
				// the United States: a place the text puts in England.
				m.place, m.name = nil, c.spanText(m.first, m.last)
			}
		}
	}
	d.link(rulePlaceComma, "", mi, oi, c.evidence(m.first, o.last))
}

// majorCity is the population from which a city is too well known for a
// comma after it to move it to another country (placeComma).
const majorCity = 1_000_000

// placeList reports whether the country o goes on into a list of
// countries, "Wales, France and Ireland", where the comma before it joins
// a list, not a place to its country. With anyPlace, a list of places of
// any kind counts ("Scandinavia, Russia and eastern Europe"): for a place
// the gazetteer does not know, whose containment only the comma says.
func (d *docState) placeList(c *chunk, tm []int32, o *mention, anyPlace bool) bool {
	if o.place.Kind != gazetteer.Country {
		return false
	}
	k := o.last
	if w := c.tokText(k); w != "," && w != "and" && w != "or" {
		return false
	}
	if c.tokText(k) == "," && (c.lower(k+1) == "and" || c.lower(k+1) == "or") {
		k++
	}
	k++
	if anyPlace && k+1 < len(tm) && tm[k] < 0 && compassAdjectives[c.tokText(k)] {
		k++ // "eastern Europe"
	}
	if k >= len(tm) || tm[k] < 0 || !c.sameSentence(o.first, k) {
		return false
	}
	n := &d.ments[tm[k]]
	return n.typ == graph.Place && (anyPlace || n.place != nil && n.place.Kind == gazetteer.Country)
}

// compassAdjectives stand before a region in lower case: "eastern Europe".
var compassAdjectives = set("northern", "southern", "eastern", "western", "central", "north", "south", "east", "west")

// placePossessive reads "London's West End", "Syria's Latakia": a place
// that a possessive place names as its container. The gazetteer's
// reading of the place must lie in the container's country; a namesake
// elsewhere (a West End in Canada) is dropped, and the text's containment
// stands.
func (d *docState) placePossessive(c *chunk, tm []int32, mi int) {
	m := &d.ments[mi]
	f := m.first
	if f < 2 || !isPossessive(c.tokText(f-1)) || tm[f-2] < 0 || !c.sameSentence(f-2, f) {
		return
	}
	oi := int(tm[f-2])
	o := &d.ments[oi]
	if oi == mi || o.typ != graph.Place || o.adjective || o.place == nil || o.last != f-1 || m.place != nil && m.place.Kind == gazetteer.Country {
		return
	}
	if worldRegion(m.name) {
		return // "Britain's Europe minister": a continent is in no country
	}
	if m.place != nil && m.place.CountryCode != o.place.CountryCode {
		name := c.spanText(m.first, m.last)
		m.place = d.within(name, o.place)
		if m.place == nil {
			m.name = name // no longer the gazetteer's name
		}
	}
	d.link(rulePlacePossessive, "", mi, oi, c.evidence(o.first, m.last))
}

// containerOf returns the place named name that contains p, if any.
func (d *docState) containerOf(p *gazetteer.Place, name string) *gazetteer.Place {
	for _, q := range d.x.gaz.Lookup(name) {
		if q.Kind != gazetteer.City && d.x.gaz.Within(p, q) {
			return q
		}
	}
	return nil
}

// regionNamed reports whether the document names the region that
// contains place p.
func (d *docState) regionNamed(p *gazetteer.Place) bool {
	r, ok := d.x.gaz.Region(p)
	if !ok {
		return false
	}
	for i := range d.ments {
		if d.ments[i].place == r {
			return true
		}
	}
	return false
}

// within returns the place named name inside container, or with a nil
// container the best one inside a country the document names, if any.
func (d *docState) within(name string, container *gazetteer.Place) *gazetteer.Place {
	for _, p := range d.x.gaz.Lookup(name) {
		if p.Kind == gazetteer.Country {
			continue
		}
		if container != nil && d.x.gaz.Within(p, container) || container == nil && d.geo.countries[p.CountryCode] {
			return p
		}
	}
	return nil
}
