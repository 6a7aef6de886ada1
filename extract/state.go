package extract

import (
	"strings"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/graph"
)

// mention is one entity mention before resolution. A large document has
// a mention every 64 bytes or so, all held until the end: the struct is
// kept small (its flags together, no Document or Entity strings, the
// value of a date in its key), which on a 50 MB document is worth 60 MB.
type mention struct {
	Sentence   int              // global sentence index
	Start, End int              // global code-point offsets
	Text       string           // as written: a substring of the document
	name       string           // the name it gives: Text less titles and possessive, or a country for an adjective
	typ        graph.EntityType //
	key        string           // resolution key when fixed by a rule ("war:SY", "date:2015-09"); "" to key by name
	place      *gazetteer.Place // for geocoded places
	score      float64          // tagger confidence
	personCue  float64          // how strongly its context says person ("X said", a title)
	orgCue     float64          // how strongly it says organization ("shares in X", "director of X")
	first      int              // chunk-local tokens [first, last), valid while its chunk is processed
	last       int              //
	// Flags, packed together.
	taggedPerson bool // the tagger called it a person, before rules made a country of it
	adjective    bool // a nationality adjective standing for its country ("Russian")
	anaphor      bool // "the war": refers to an earlier entity, gives it no alias
	isDateline   bool // the place of the document's dateline
	titleOnly    bool // a title standing for its holder ("the President")
	weak         bool // a doubtful proposal: dropped unless another mention confirms its name
	work         bool // its context says a work or a prize ("the film X"): a vote for type other
}

// datePrefix starts the key of a date mention with a value.
const datePrefix = "date:"

// value returns the ISO value of a date mention, "" for others.
func (m *mention) value() string {
	if m.typ != graph.Date {
		return ""
	}
	return strings.TrimPrefix(m.key, datePrefix)
}

// evidence returns the mention as a graph.Mention of document doc.
func (m *mention) evidence(doc string) graph.Mention {
	return graph.Mention{Document: doc, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text}
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
	rule      [2]string // the rules that read it, where the title stands and what it is of: {"title_before", "named"}
}

// linkCand is a relation read from text between two mentions.
type linkCand struct {
	subj, obj int // mentions
	predicate string
	conf      float64
	rule      string // the relRule that read it, "" for the older readers
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

// sentSpan is the span of a sentence, whose index is its key.
type sentSpan struct {
	start, end int // code points
	text       string
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
	dateline   int              // mention of the dateline place, -1 for none
	countries  map[string]bool  // country codes the document names, to geocode ambiguous names
	prefer     []string         // the same, in the order the document names them
	lastWar    int              // mention of the most recent war or conflict, -1 for none
	chunkStart int              // index of the first mention of the window being read
	sentEv     map[int]sentSpan // sentences naming two or more entities, for mentioned_with evidence
	// defines pairs an organization's mention with the one-word mention
	// in parentheses right after it, its short form: "the Honduran
	// Institute of Tourism (IHT)".
	defines [][2]int
}

func newDocState(x *Extractor, doc graph.Document) *docState {
	// About one mention per 64 bytes of news: sized up front, the slice
	// does not grow by copying, which on a large document would double
	// the memory it takes at its peak.
	ments := make([]mention, 0, min(len(doc.Text)/64+16, 1<<22))
	return &docState{x: x, doc: doc, ments: ments, dateline: -1, lastWar: -1, countries: map[string]bool{}, sentEv: map[int]sentSpan{}}
}

// add appends a mention made from chunk tokens [first, last) and returns
// its index.
func (d *docState) add(c *chunk, first, last int, m mention) int {
	ev := c.evidence(first, last)
	m.Sentence, m.Start, m.End, m.Text = ev.Sentence, ev.Start, ev.End, ev.Text
	m.first, m.last = first, last
	if m.name == "" {
		m.name = c.spanText(first, last)
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
	if worldRegions[strings.TrimPrefix(graph.NameKey(name), "the ")] {
		return nil // "Asia", "the Gulf": no town of that name
	}
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
