package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/date"
	"github.com/factgraph/factgraph/extract/figure"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/quote"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// nerTagger adapts package ner's model to Tagger.
type nerTagger struct{ m *ner.Model }

func (t nerTagger) Tag(toks []token.Token, sents []token.Sentence) []Span {
	spans := t.m.Tag(toks, sents)
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = Span{First: s.First, Last: s.Last, Type: s.Type, Score: s.Score}
	}
	return out
}

// defaultTagger returns the tagger New uses without WithTagger: the
// statistical model embedded in package ner.
func defaultTagger(*gazetteer.Gazetteer) (Tagger, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return nerTagger{m}, nil
}

// defaultFactFinders returns the readers of dates, figures and quotes, in
// the order they run: dates first, so that figures and events can be
// dated.
func defaultFactFinders() []factFinder {
	return []factFinder{dateFinder{}, figureFinder{}, quoteFinder{}}
}

// dateFinder adds package date's expressions as date entities, resolved
// against the document's published date.
type dateFinder struct{}

func (dateFinder) find(d *docState, c *chunk, tm []int32) {
	anchor, _ := date.ParseAnchor(d.doc.Published)
	for _, dt := range date.Find(c.text, c.toks, c.sents, anchor) {
		if dt.First < 0 || dt.Last > len(c.toks) || dt.First >= dt.Last || named(tm, dt.First, dt.Last) {
			continue
		}
		m := mention{typ: graph.Date, score: 0.9}
		if dt.Value != "" {
			m.key = datePrefix + dt.Value
		}
		i := d.add(c, dt.First, dt.Last, m)
		// Keep the text package date gives ("Feb" of "Feb."), so that
		// offsets and text agree.
		d.ments[i].Start, d.ments[i].End, d.ments[i].Text = c.cpBase+dt.Start, c.cpBase+dt.End, dt.Text
		d.ments[i].name = dt.Text
		d.cands.dates = append(d.cands.dates, dateCand{mention: i, value: dt.Value})
		for t := dt.First; t < dt.Last; t++ {
			if tm[t] < 0 {
				tm[t] = int32(i)
			}
		}
	}
}

// localCurrency reads a bare "$" or "Rs" as the currency of the country
// that the figure's own sentence places it in: "$8.4 million on roads in
// Wellington" is New Zealand dollars, "Rs 50 billion in Karachi" Pakistani
// rupees. A written prefix ("US$", "US $", "NZ$"; prefixed) stands, and a
// dateline alone decides nothing: world prices are quoted in US dollars
// from everywhere.
func (d *docState) localCurrency(fc *figureCand, prefixed bool) {
	f := fc.fig
	if prefixed || f.Currency != "USD" && f.Currency != "INR" || !bareSymbol(f.Text, f.Currency) || fc.place < 0 || fc.place == d.geo.dateline {
		return
	}
	if p := d.ments[fc.place].place; p != nil {
		if local, ok := localCurrencies[f.Currency][p.CountryCode]; ok {
			f.Currency = local
		}
	}
}

// bareSymbol reports whether a money figure's text writes its currency
// as a bare "$" or "Rs", with no country before it.
func bareSymbol(text, currency string) bool {
	if currency == "INR" {
		return strings.HasPrefix(text, "Rs") || strings.Contains(text, " Rs")
	}
	i := strings.IndexByte(text, '$')
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:i], " "))
	return !unicode.IsLetter(r) // "US $5 million" is written out
}

// localCurrencies map a bare symbol's default currency and a country to
// the country's own: the dollars and rupees of other countries.
var localCurrencies = map[string]map[string]string{
	"USD": {"AU": "AUD", "NZ": "NZD", "CA": "CAD", "HK": "HKD", "SG": "SGD", "TW": "TWD", "NA": "NAD", "JM": "JMD",
		"LR": "LRD", "FJ": "FJD", "BS": "BSD", "BB": "BBD", "BZ": "BZD", "GY": "GYD", "TT": "TTD", "BN": "BND", "SB": "SBD"},
	"INR": {"PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
}

// phraseDistance is how many tokens separate a phrase from a figure; a
// phrase before the figure counts one more, so that at equal distance
// the phrase after it wins ("fell 3% in Germany").
func phraseDistance(f figure.Figure, p figure.Phrase) int {
	if p.First >= f.Last {
		return p.First - f.Last
	}
	if p.Last <= f.First {
		return f.First - p.Last + 1
	}
	return 0
}

// named reports whether a name already covers one of tokens [f, l): the
// "Sunday" of "The Sunday Times" is no date.
func named(tm []int32, f, l int) bool {
	for t := f; t < l; t++ {
		if tm[t] >= 0 {
			return true
		}
	}
	return false
}

// figureFinder adds package figure's counts, with what each is about (a
// named conflict or event in its sentence's phrases, else a place) and
// where it happened.
type figureFinder struct{}

func (figureFinder) find(d *docState, c *chunk, tm []int32) {
	for _, f := range figure.Find(c.text, c.toks, c.sents) {
		fc := figureCand{about: -1, place: -1, source: d.figureSource(c, tm, f.Sentence)}
		placeDist := 0
		fc.fig = &graph.Figure{
			Value: f.Value, Low: f.Low, High: f.High, Qualifier: f.Qualifier, Measure: f.Measure,
			Currency: f.Currency, Counted: f.Counted, Text: f.Text, Confidence: f.Confidence, Kind: f.Kind,
			AsOf:     d.figureAsOf(c, tm, f.Sentence),
			Evidence: graph.Mention{Sentence: c.sentBase + f.Sentence, Start: c.cpBase + f.Start, End: c.cpBase + f.End, Text: f.Text},
		}
		if d.x.explain {
			fc.fig.Rule = f.Rule
		}
		for _, p := range f.Phrases {
			for t := max(p.First, 0); t < min(p.Last, len(tm)); t++ {
				if tm[t] < 0 {
					continue
				}
				m := &d.ments[tm[t]]
				switch {
				case m.typ == graph.Event && fc.about < 0:
					fc.about = int(tm[t])
				case m.typ == graph.Place && !m.adjective && (p.Prep == "in" || p.Prep == "at" || p.Prep == "near" || p.Prep == "across"):
					// The place phrase nearest the figure: "£339 in
					// the UK and $499 in the US".
					if dist := phraseDistance(f, p); fc.place < 0 || dist < placeDist {
						fc.place, placeDist = int(tm[t]), dist
					}
				}
			}
		}
		if fc.about < 0 && f.Sentence < len(c.sents) {
			// Else a conflict named elsewhere in the sentence.
			s := c.sents[f.Sentence]
			for t := s.First; t < s.Last; t++ {
				if tm[t] >= 0 && d.ments[tm[t]].typ == graph.Event {
					fc.about = int(tm[t])
					break
				}
			}
		}
		// A count about a country's war happened in that country ("more
		// than 450,000 people have been killed" in Syria's war, reported
		// from Sochi).
		if fc.place < 0 && fc.about >= 0 {
			fc.place = d.countryOfWar(d.ments[fc.about].key)
		}
		// A casualty count with no place of its own happened where the
		// dateline is; money and percentages need not.
		if fc.place < 0 && d.geo.dateline >= 0 && f.Measure != graph.Money && f.Measure != graph.Percent {
			fc.place = d.geo.dateline
		}
		if fc.about < 0 {
			fc.about = fc.place
		}
		if k := d.nearestDate(fc.fig.Evidence.Sentence, fc.fig.Evidence.Start); k >= 0 {
			fc.fig.Date = d.cands.dates[k].value
		}
		d.localCurrency(&fc, f.First > 0 && isCap(c.tokText(f.First-1)) && hasLetter(c.tokText(f.First-1)))
		d.cands.figures = append(d.cands.figures, fc)
	}
}

// countryOfWar returns the mention naming the country of a war keyed
// "war:CC", or -1 when the key is no war's or the document never names the
// country itself.
func (d *docState) countryOfWar(key string) int {
	code, ok := strings.CutPrefix(key, "war:")
	if !ok {
		return -1
	}
	for i := range d.ments {
		m := &d.ments[i]
		if p := m.place; p != nil && p.Kind == gazetteer.Country && p.CountryCode == code && !m.adjective && m.typ == graph.Place {
			return i
		}
	}
	return -1
}

// quoteFinder adds package quote's quotations, offering the window's
// people and organizations as speakers.
type quoteFinder struct{}

func (quoteFinder) find(d *docState, c *chunk, tm []int32) {
	var cands []quote.Candidate
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		if m.adjective || m.anaphor || m.typ == graph.Date || m.typ == graph.Event {
			continue
		}
		cands = append(cands, quote.Candidate{First: m.first, Last: m.last, Key: strconv.Itoa(mi), Type: m.typ})
	}
	for _, q := range quote.Find(c.text, c.toks, c.sents, cands) {
		qc := quoteCand{speaker: -1}
		qc.q = graph.Quote{
			Text: q.Text, Confidence: q.Confidence,
			Evidence: graph.Mention{Sentence: c.sentBase + q.Sentence, Start: c.cpBase + q.Start, End: c.cpBase + q.End, Text: q.Text},
		}
		if q.Speaker != "" {
			if k, err := strconv.Atoi(q.Speaker); err == nil && k >= 0 && k < len(d.ments) {
				qc.speaker = d.coordinatedSubject(c, tm, d.teller(c, tm, d.titleHolder(k)), q.First)
			}
		}
		d.cands.quotes = append(d.cands.quotes, qc)
	}
}

// titleHolder returns the person whose title names mention k, when k is
// the organization of an apposition ("Jeff Rathke, the State Department
// Spokesperson, said"), else k: the speaker is the person, not the body
// in their title.
func (d *docState) titleHolder(k int) int {
	m := &d.ments[k]
	if m.typ == graph.Person {
		return k
	}
	for i := len(d.cands.roles) - 1; i >= 0 && i >= len(d.cands.roles)-lookBack; i-- {
		r := &d.cands.roles[i]
		if r.of == k && r.ev.Start <= m.Start && m.End <= r.ev.End {
			return r.person
		}
	}
	return k
}

// teller returns the person who told mention k, when k is the one told:
// "Colette Heald told The Huffington Post, “…”" is Heald's quote.
func (d *docState) teller(c *chunk, tm []int32, k int) int {
	m := &d.ments[k]
	if m.first >= len(c.toks) || m.Start < c.cpBase {
		return k
	}
	j := m.first - 1
	if c.lower(j) == "the" {
		j--
	}
	if c.lower(j) != "told" || j < 1 || tm[j-1] < 0 {
		return k
	}
	if s := int(tm[j-1]); d.ments[s].typ == graph.Person || d.ments[s].typ == graph.Organization {
		return s
	}
	return k
}

// coordinatedSubject returns the subject of the sentence when the speech
// verb is coordinated with an earlier one and k is an object: in "Putin
// held a meeting with Assad on Thursday and said … “political process”",
// Putin speaks, not Assad.
func (d *docState) coordinatedSubject(c *chunk, tm []int32, k, quoteFirst int) int {
	m := &d.ments[k]
	if m.first >= len(c.toks) || m.Start < c.cpBase || quoteFirst > len(c.toks) || !c.sameSentence(m.first, max(quoteFirst-1, 0)) {
		return k
	}
	and := false
	for j := m.last; j+1 < quoteFirst; j++ {
		if c.lower(j) == "and" && speechCues[c.lower(j+1)] {
			and = true
			break
		}
	}
	if !and {
		return k
	}
	s := c.sents[c.sentOf[m.first]]
	for j := s.First; j < m.first; j++ {
		if tm[j] >= 0 {
			if sm := &d.ments[tm[j]]; sm.first == j && (sm.typ == graph.Person || sm.typ == graph.Organization) && !sm.adjective {
				return int(tm[j])
			}
		}
	}
	return k
}
