package extract

import (
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// mention is one entity mention before resolution.
type mention struct {
	graph.Mention                  // global offsets and sentence; Text as written
	name          string           // the name it gives: Text less titles and possessive, or a country for an adjective
	typ           graph.EntityType //
	taggedPerson  bool             // the tagger called it a person, before rules made a country of it
	score         float64          // tagger confidence
	place         *gazetteer.Place // for geocoded places
	adjective     bool             // a nationality adjective standing for its country ("Russian")
	anaphor       bool             // "the war": refers to an earlier entity, gives it no alias
	key           string           // resolution key when fixed by a rule ("war:SY"); "" to key by name
	isDateline    bool             // the place of the document's dateline
	titleOnly     bool             // a title standing for its holder ("the President")
	value         string           // ISO value of a date mention
	weak          bool             // a doubtful proposal: dropped unless another mention confirms its name
	personCue     float64          // how strongly its context says person ("X said", a title)
	first, last   int              // chunk-local tokens, valid while its chunk is processed
}

// roleCand is a title read beside a person: "Russian President Vladimir
// Putin" gives person Putin, title "President", of Russia.
type roleCand struct {
	person    int    // mention
	title     string // as written
	predicate string // "" when the title states no relation
	of        int    // mention, -1 for none
	past      bool   // "former": a role, not a relation
	to        bool   // of was read after "to" ("Ambassador to the United States")
	conf      float64
	ev        graph.Mention
}

// linkCand is a relation read from text between two mentions.
type linkCand struct {
	subj, obj int // mentions
	predicate string
	conf      float64
	ev        graph.Mention
}

// eventCand is an event before its participants are resolved.
type eventCand struct {
	kind         string
	participants []int // mentions
	place        int   // mention, -1 for none
	placeFromDL  bool  // place is the dateline's
	date         int   // date index in docState.dates, -1 for none
	entity       int   // mention of a named event entity, -1 for none
	evidence     []graph.Mention
	sent         int  // global sentence of the trigger
	background   bool // told in passing: no antecedent for "the visit"
	conf         float64
}

// dateCand is a date expression found by package date.
type dateCand struct {
	mention int // the date entity's mention
	value   string
}

// docState accumulates one document's mentions and fact candidates over
// its windows.
type docState struct {
	x          *Extractor
	doc        graph.Document
	ments      []mention
	roles      []roleCand
	links      []linkCand
	events     []*eventCand
	dates      []dateCand
	figures    []figureCand
	quotes     []quoteCand
	dateline   int                   // mention of the dateline place, -1 for none
	countries  map[string]bool       // country codes the document names, to geocode ambiguous names
	prefer     []string              // the same, in the order the document names them
	lastWar    int                   // mention of the most recent war or conflict, -1 for none
	chunkStart int                   // index of the first mention of the window being read
	sentEv     map[int]graph.Mention // sentences naming two or more entities, for mentioned_with evidence
}

func newDocState(x *Extractor, doc graph.Document) *docState {
	// About one mention per 64 bytes of news: sized up front, the slice
	// does not grow by copying, which on a large document would double
	// the memory it takes at its peak.
	ments := make([]mention, 0, min(len(doc.Text)/64+16, 1<<22))
	return &docState{x: x, doc: doc, ments: ments, dateline: -1, lastWar: -1, countries: map[string]bool{}, sentEv: map[int]graph.Mention{}}
}

// add appends a mention made from chunk tokens [first, last) and returns
// its index.
func (d *docState) add(c *chunk, first, last int, m mention) int {
	m.Mention = c.evidence(first, last)
	m.first, m.last = first, last
	if m.name == "" {
		m.name = m.Text
	}
	if m.place != nil && m.place.Kind == gazetteer.Country && !d.countries[m.place.CountryCode] {
		d.countries[m.place.CountryCode] = true
		d.prefer = append(d.prefer, m.place.CountryCode)
	}
	d.ments = append(d.ments, m)
	return len(d.ments) - 1
}

// preferred returns the country codes the document has named so far, in
// the order it named them.
func (d *docState) preferred() []string { return d.prefer }

// geocode looks a place name up, preferring the document's countries, and
// regions when region is set ("the province of Latakia").
func (d *docState) geocode(name string, region bool) *gazetteer.Place {
	if region {
		for _, p := range d.x.gaz.Lookup(name) {
			if p.Kind == gazetteer.Region && (len(d.countries) == 0 || d.countries[p.CountryCode]) {
				return p
			}
		}
	}
	p, ok := d.x.gaz.Best(name, d.preferred()...)
	if !ok {
		return nil
	}
	return p
}
