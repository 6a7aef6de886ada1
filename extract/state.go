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
	locative     bool // a place after "in", "at", "near", "from": where something is or happens
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
	date         int   // date index in factCands.dates, -1 for none
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

// docState is one document as the stages of pipeline.go read it: its
// mentions, which every stage reads, and the parts that some stages fill
// for later ones, each saying who fills and who reads it.
type docState struct {
	x   *Extractor
	doc graph.Document
	// ments are the document's mentions: takeMentions (stage 4) adds a
	// window's names, and the readers of stage 5 the names they find
	// ("the war", a nationality's country); resolve (7) groups them.
	ments      []mention
	chunkStart int // index of the first mention of the window being read
	geo        docGeo
	cands      factCands
	// defines pairs an organization's mention with the one-word mention
	// in parentheses right after it, its short form: "the Honduran
	// Institute of Tourism (IHT)". readDefinitions (stage 5) fills it,
	// resolve (7) merges each pair.
	defines [][2]int
	lastWar int // readWars' (stage 5) mention of the most recent war or conflict, -1 for none
}

// docGeo is the document's geography: the place of its dateline (stage
// 2, findDateline, kept by takeMentions) and the countries it names (each
// mention added with a country place, stages 4 and 5), which geocode
// prefers when a name is ambiguous and which places (5), resolve (7),
// events and figures (6) and entities (8) read.
type docGeo struct {
	dateline  int             // mention of the dateline place, -1 for none
	countries map[string]bool // country codes the document names
	prefer    []string        // the same, in the order the document names them
}

// noteCountry adds the country of place p, if p is one, to the countries
// the document names.
func (g *docGeo) noteCountry(p *gazetteer.Place) {
	if p != nil && p.Kind == gazetteer.Country && !g.countries[p.CountryCode] {
		g.countries[p.CountryCode] = true
		g.prefer = append(g.prefer, p.CountryCode)
	}
}

// factCands are the document's fact candidates, whose arguments are
// still mentions: the readers of stage 5 fill roles and links, readFacts
// (6) the rest, reading roles for the speakers of quotes and the dates
// for figures and events; resolve (7) reads roles for titles, and output
// (9) turns them all into facts with the entities of their mentions.
type factCands struct {
	roles   []roleCand       // readRoles
	links   []linkCand       // readWars, readRoles, readRelations, readPlaces
	events  []*eventCand     // readEvents
	dates   []dateCand       // dateFinder
	figures []figureCand     // figureFinder
	quotes  []quoteCand      // quoteFinder
	sents   map[int]sentSpan // noteSentences: sentences naming two or more entities, for mentioned_with evidence
}

func newDocState(x *Extractor, doc graph.Document) *docState {
	// Room for a short story's mentions; a longer text grows the slice
	// by what its mentions so far foretell (growMentions).
	ments := make([]mention, 0, min(mentionRoom(len(doc.Text)), 256))
	return &docState{
		x: x, doc: doc, ments: ments, lastWar: -1,
		geo:   docGeo{dateline: -1, countries: map[string]bool{}},
		cands: factCands{sents: map[int]sentSpan{}},
	}
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
	d.geo.noteCountry(m.place)
	if len(d.ments) == cap(d.ments) {
		d.growMentions(m.Start)
	}
	d.ments = append(d.ments, m)
	return len(d.ments) - 1
}

// mentionRoom is the most mentions a text of n bytes is given room for
// ahead of need: news has about one per 64 bytes.
func mentionRoom(n int) int { return min(n/64+16, 1<<22) }

// growMentions makes room in d.ments for twice the mentions that the
// whole document would hold at the rate of those found before code point
// at, up to the room news of its length needs (mentionRoom), beyond which
// the slice doubles. A long news document's slice is then copied once,
// early and small, instead of at every doubling (each copy holds the old
// slice and the new at once), and a text with few mentions (a name
// repeated with no break, a table of numbers) holds no room for the many
// that news would have, as a slice sized up front by length did: 2 bytes
// of heap per byte of text.
func (d *docState) growMentions(at int) {
	n, room := len(d.ments), mentionRoom(len(d.doc.Text))
	want := n + n/4 + 64
	if at > 0 {
		want = max(want, int(2*int64(n)*int64(len(d.doc.Text))/int64(at)))
	}
	if n < room {
		want = min(want, room)
	} else {
		want = max(want, 2*n)
	}
	grown := make([]mention, n, want)
	copy(grown, d.ments)
	d.ments = grown
}

// preferred returns the country codes the document has named so far, in
// the order it named them.
func (d *docState) preferred() []string { return d.geo.prefer }

// geocode looks a place name up, preferring the document's countries, and
// regions when region is set ("the province of Latakia").
func (d *docState) geocode(name string, region bool) *gazetteer.Place {
	if worldRegion(name) {
		return nil // "Asia", "the Gulf": no town of that name
	}
	if region {
		for _, p := range d.x.gaz.Lookup(name) {
			if p.Kind == gazetteer.Region && (len(d.geo.countries) == 0 || d.geo.countries[p.CountryCode]) {
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
