package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/date"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// maxNameTokens is the most tokens a name may have. The longest names of
// the CoNLL-2003 and En-Worldwide gold have 10 and 17 ("Specialized
// General Attorney's Office for the Attention of Journalists and Freedom
// of Expression"); a longer span is a tagger's run over a list or a
// repeated name ("John Smith John Smith ..."), whose name, aliases and
// keys would grow with the document (12,500 repetitions took 960 MB).
const maxNameTokens = 24

// cleanSpans turns the tagger's spans into mention candidates, after
// cands (the dateline): each span split at hard line breaks and between
// two places, then cleaned (cleanSpan), and the names the tagger missed
// added (supplement). A span over maxNameTokens is no name.
func (d *docState) cleanSpans(c *chunk, spans []Span, mask []bool, cands []mention) []mention {
	spans = d.widenSpans(c, spans, mask) // widen.go: "Swiss Re", "Sheffield Wednesday"
	for _, s := range spans {
		if s.Last-s.First > maxNameTokens {
			continue // a run of names the tagger could not split
		}
		for _, part := range d.splitSpan(c, s) {
			if m, ok := d.cleanSpan(c, part, mask); ok {
				cands = append(cands, m)
			}
		}
	}
	return append(cands, d.supplement(c, cands, mask)...)
}

// takeMentions adds the candidates that do not overlap an earlier or
// longer one as the window's mentions, and returns the mention of each
// token, -1 for none.
func (d *docState) takeMentions(c *chunk, cands []mention) []int32 {
	// Earlier first; at one start, the dateline and then the longer span win.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].first != cands[j].first {
			return cands[i].first < cands[j].first
		}
		return cands[i].last > cands[j].last
	})
	d.chunkStart = len(d.ments)
	tm := make([]int32, len(c.toks))
	for i := range tm {
		tm[i] = -1
	}
	end := 0
	for _, m := range cands {
		if m.first < end {
			continue // overlaps a mention already taken
		}
		i := d.add(c, m.first, m.last, m)
		if m.isDateline {
			d.geo.dateline = i
		}
		for t := m.first; t < m.last; t++ {
			tm[t] = int32(i)
		}
		end = m.last
	}
	return tm
}

// bodyPossessive finds, in an organization's span [f, l), the possessive
// between a body and the body it holds ("the Ministry of Justice's
// Investigation Bureau", "the Council of Agriculture ’ s Agriculture and
// Food Agency"): both sides are bodies by their head words (bodyHeads), so
// the span names two. It returns the possessive's token and the first
// token after it, or -1 when there is none; a place's or a person's
// possessive ("Nunavut's Legal Services Board") stays inside the name.
func bodyPossessive(c *chunk, f, l int) (int, int) {
	for k := f + 1; k < l-1; k++ {
		after := k + 1
		switch {
		case (c.tokText(k) == "'" || c.tokText(k) == "’") && c.lower(k+1) == "s" && k+2 < l:
			after = k + 2 // "’ s" of pre-tokenized text
		case isPossessive(c.tokText(k)) && lowerKey(c.tokText(k)) == "'s":
		default:
			continue
		}
		if !bodyHeads[c.lower(f)] && !bodyHeads[c.lower(k-1)] || !bodyHeads[c.lower(l-1)] {
			return -1, -1
		}
		return k, after
	}
	return -1, -1
}

// softWrap reports whether the line break before token j wraps prose
// inside one sentence (token.SoftBreak) in text that is not pre-tokenized
// (a sentence per line).
func softWrap(c *chunk, j int) bool {
	return !c.pretokenized && c.sameSentence(j-1, j) && token.SoftBreak(c.toks, j)
}

// splitSpan splits a span at a line break that is no soft wrap, and a place
// span at "in" between two places the gazetteer knows ("Karachi in
// Pakistan"), or at a comma before a country or region: "Aceh,
// Indonesia", "Irving, Texas", "Marseilles, France" are two places (and
// placeComma relates them), while "Washington, D.C." stays whole.
func (d *docState) splitSpan(c *chunk, s Span) []Span {
	if s.First < 0 || s.Last > len(c.toks) {
		return []Span{s}
	}
	// A line break that ends a line of its own (a headline, a caption)
	// ends a name, and a name may start the next line: "… Russian leader
	// Vladimir Putin⏎Sergei Lavrov said".
	for k := s.First + 1; k < s.Last; k++ {
		if c.toks[k].NewlineBefore && !softWrap(c, k) {
			return append([]Span{{First: s.First, Last: k, Type: s.Type, Score: s.Score}},
				d.splitSpan(c, Span{First: k, Last: s.Last, Type: s.Type, Score: s.Score})...)
		}
	}
	if s.Type == graph.Organization {
		if k, after := bodyPossessive(c, s.First, s.Last); k > 0 {
			return []Span{{First: s.First, Last: k, Type: s.Type, Score: s.Score}, {First: after, Last: s.Last, Type: s.Type, Score: s.Score}}
		}
	}
	if s.Type != graph.Place {
		return []Span{s}
	}
	for k := s.First + 1; k < s.Last-1; k++ {
		// "Karachi in Pakistan": two places the gazetteer knows.
		if c.toks[k].Text == "in" && d.x.gaz.Known(c.spanText(s.First, k)) && d.x.gaz.Known(c.spanText(k+1, s.Last)) {
			return []Span{{First: s.First, Last: k, Type: s.Type, Score: s.Score}, {First: k + 1, Last: s.Last, Type: s.Type, Score: s.Score}}
		}
		if c.toks[k].Text != "," {
			continue
		}
		right := c.spanText(k+1, s.Last)
		left := d.x.gaz.Known(c.spanText(s.First, k))
		p, ok := d.x.gaz.Best(right)
		// "Aceh, Indonesia"; "Mecca, Islam's holiest city" too, but not
		// "Butte, Mont." or "Zhengzhou, capital of Henan".
		plain := isCap(c.toks[k+1].Text) && len(right) >= 5 && !strings.Contains(right, ".")
		// A country after the comma splits even a place the gazetteer
		// spells otherwise ("Marseilles, France").
		if left && (ok && p.Kind != gazetteer.City || !ok && plain) || ok && p.Kind == gazetteer.Country && isCap(c.tokText(s.First)) && !d.hasRegionReading(right) {
			return []Span{{First: s.First, Last: k, Type: s.Type, Score: s.Score}, {First: k + 1, Last: s.Last, Type: s.Type, Score: s.Score}}
		}
	}
	return []Span{s}
}

// cleanSpan turns a tagger span into a mention candidate: cut at hard
// line breaks and captions, without leading titles, determiners and trailing
// possessives; false when nothing of a name is left.
func (d *docState) cleanSpan(c *chunk, s Span, mask []bool) (mention, bool) {
	f, l := s.First, s.Last
	if f < 0 || l > len(c.toks) || f >= l || !s.Type.Valid() || s.Type == graph.Date || s.Type == graph.Other {
		return mention{}, false
	}
	l = cutSpan(c, f, l, mask)
	// "New York-born Aguilera", "Santa Monica-based Activision": what
	// comes before "-born" or "-based" describes the name.
	for j := l - 2; j >= f; j-- {
		if describesNext(c.lower(j)) {
			f = j + 1
			break
		}
	}
	f, l, typ := d.trimByType(c, f, l, s.Type, mask)
	f, l = trimEdges(c, f, l)
	return d.spanMention(c, s, f, l, typ, mask)
}

// cutSpan returns where a tagger span from f to l should end: at a line
// break that ends a sentence, a caption, a time after a preposition, or a
// dash before lower-case words.
func cutSpan(c *chunk, f, l int, mask []bool) int {
	// A line break ends a name where it ends the sentence (a headline, a
	// caption, a blank line); inside hard-wrapped wire copy it does not
	// ("Treasury Secretary James\nBaker").
	for j := f + 1; j < l; j++ {
		if !c.sameSentence(f, j) || c.toks[j].NewlineBefore && !softWrap(c, j) {
			l = j
			break
		}
	}
	for j := f; j < l; j++ {
		if mask[j] {
			l = j
			break
		}
	}
	// A time after a preposition ends the name: "the Commerce Department
	// for November", "the Fed in March".
	for j := f + 1; j+1 < l; j++ {
		if timePreps[c.tokText(j)] && allTimes(c, j+1, l) {
			l = j
			break
		}
	}
	// A dash set apart by spaces and followed by a lower-case word ends
	// the name: "James Bond - will", "Walt Disney Studios - has".
	// But in pre-tokenized text, where hyphens are spaced too, a short
	// syllable inside the tagger's span joins a hyphenated name: "Moon
	// Jae - in", "Lee Jun - seok", "Chan - o - cha". (In prose they are
	// written "Moon Jae-in", and "Alexander Fang - show how" is a dash.)
	for j := f + 1; j < l; j++ {
		if isDash(c.toks[j].Text) && c.toks[j].Start > c.toks[j-1].End &&
			(j+1 >= len(c.toks) || !isCap(c.toks[j+1].Text) && !nameParticles[c.lower(j+1)]) &&
			!(c.pretokenized && (nameSyllable(c, j, l) || hyphenInName(c, j, l))) {
			l = j
			break
		}
	}
	return l
}

// trimByType takes off the words around a name that describe it, by its
// type: a place's trailing directions, an organization's nationality and
// its holder's title, determiners and sentence openers, a person's
// nationality, titles and what they are of. It returns the name's span
// and its type, which a title makes a person.
func (d *docState) trimByType(c *chunk, f, l int, typ graph.EntityType, mask []bool) (int, int, graph.EntityType) {
	if typ == graph.Place {
		// "Southwark, south London", "Isle of Sheppey east of London":
		// a comma or a compass point before lower-case words ends the place.
		for j := f + 1; j+1 < l; j++ {
			if c.toks[j].Text == "," && !isCap(c.toks[j+1].Text) || compass[c.lower(j)] && !isCap(c.toks[j].Text) && c.lower(j+1) == "of" {
				l = j
				break
			}
		}
	}
	if typ == graph.Organization && l-f >= 3 {
		// "German magazine Computer Reseller News": a nationality and a
		// common noun describe the organization named after them.
		if _, ok := d.x.gaz.Demonym(c.tokText(f)); ok {
			if k := f + 1; k+1 < l && isWordLower(c.toks[k].Text) && isCap(c.toks[k+1].Text) {
				f = k + 1
			}
		}
	}
	if typ == graph.Organization {
		// "the State Department Spokesperson": the title is the role of
		// someone beside the name, not part of the organization's.
		for n := 2; n >= 1; n-- {
			if l-f > n && c.lower(l-n-1) != "of" {
				if t, ok := titleAt(c, l-n, n); ok && t.predicate != "" {
					l -= n
					break
				}
			}
		}
	}
	// Leading determiners, and for people titles with what they are of:
	// "Russian President Vladimir Putin", "Kremlin spokesperson Dmitry Peskov".
	// "the Kremlin"; a capitalized "The Oval" is the tagger's choice.
	for f < l && (c.tokText(f) == "the" || c.tokText(f) == "a") {
		f++
	}
	// A conjunction or sentence adverb that opens the sentence is no part
	// of the name after it: "Yet Jujuy", "But Macron".
	if l-f > 1 && sentenceOpeners[c.lower(f)] && f == c.sents[c.sentOf[f]].First {
		f++
	}
	// A nationality before a person's full name is no part of it:
	// "Australian Nicole Pratt" (the tagger keeps it at a sentence's
	// start); the country link is read from it as from any adjective.
	if typ == graph.Person && l-f >= 3 && isCap(c.tokText(f+1)) {
		if _, ok := d.x.gaz.Demonym(c.tokText(f)); ok {
			f++
		}
	}
	if typ == graph.Person || typ == graph.Organization && personLike(c.spanText(f, l)) {
		if k := d.lastTitleEnd(c, f, l); k > f && !(l-k == 1 && orgWords[c.lower(k)]) {
			// (not "Premier League": no one is called League)
			f, typ = k, graph.Person
		}
	}
	if typ == graph.Person && l-f == 1 && f >= 2 && isCap(c.toks[f-1].Text) && hasLetter(c.toks[f-1].Text) &&
		!closedClass[c.lower(f-1)] && !mask[f-1] && c.sameSentence(f-2, f) && titleEndsAt(c, f-2) {
		f-- // "co-founder [Mark] Zuckerberg": the tagger left out the given name
	}
	if typ == graph.Person {
		// "[Minister] of Education Stefania Giannini": the department
		// belongs to the title before the span.
		if c.lower(f) == "of" && l-f >= 4 && isCap(c.tokText(f+1)) {
			f += 2
		} else if c.lower(f-1) == "of" && l-f >= 3 && titleEndsAt(c, f-2) {
			f++ // "Minister of [Education Stefania Giannini]"
		}
		for f < l && !opensName(c.toks[f].Text) && hasLetter(c.toks[f].Text) {
			f++
		}
	}
	return f, l, typ
}

// trimEdges takes off what a name does not begin or end with:
// possessives, punctuation, an article that starts the next sentence, a
// trailing function word.
func trimEdges(c *chunk, f, l int) (int, int) {
	for l > f && (isPossessive(c.toks[l-1].Text) && !possessiveNames[lowerKey(c.spanText(f, l))] && !shopPossessive(c, f, l) ||
		!isPossessive(c.toks[l-1].Text) && !hasLetterOrDigit(c.toks[l-1].Text) && c.toks[l-1].Text != "." && c.toks[l-1].Text != "+") {
		l--
	}
	for f < l && !hasLetterOrDigit(c.toks[f].Text) {
		f++
	}
	// Nor in an article, which starts the next sentence after an
	// abbreviation: "Washington D.C. The six-member team".
	for l > f+1 && (c.toks[l-1].Text == "The" || c.toks[l-1].Text == "A" || c.toks[l-1].Text == "An") {
		l--
	}
	// Names do not end in a function word: "Mecca is", "Church of
	// Scientology and" are the tagger overreaching.
	for l > f+1 && closedClass[c.lower(l-1)] && !isCap(c.toks[l-1].Text) && c.toks[l-2].Text != "-" {
		l--
		for l > f && (isPossessive(c.toks[l-1].Text) || !hasLetterOrDigit(c.toks[l-1].Text) && c.toks[l-1].Text != ".") {
			l--
		}
	}
	return f, l
}

// spanMention makes the mention of the cleaned span [f, l) of tagger
// span s, typed typ; false if it is no name (a designator or one letter
// alone, a nationality adjective, a currency, a post-nominal).
func (d *docState) spanMention(c *chunk, s Span, f, l int, typ graph.EntityType, mask []bool) (mention, bool) {
	if f >= l {
		return mention{}, false
	}
	// A company's designator alone ("CORP" of a headline in capitals)
	// takes the capitalized words before it on its line: "UNITED
	// PRESIDENTIAL CORP".
	if l-f == 1 && designators[c.lower(f)] {
		for f > 0 && f > s.First-4 && !mask[f-1] && !c.toks[f].NewlineBefore && isCap(c.tokText(f-1)) && hasLetter(c.tokText(f-1)) &&
			!closedClass[c.lower(f-1)] && c.sameSentence(f-1, f) {
			f--
		}
		typ = graph.Organization
	}
	if typ == graph.Organization {
		l = d.partyEnd(c, f, l) // "Lib Dem Treasury spokesman": the party, and a portfolio
	}
	text := c.spanText(f, l)
	lk := lowerKey(text)
	if d.x.doubtful && l-f == 1 && closedClass[lk] {
		return mention{}, false
	}
	// A headline's word in capitals is no name when it is a function word
	// ("BRAZIL OIL OUTPUT FELL, USAGE UP": 155 "UP" places in
	// Reuters-21578).
	if l-f == 1 && isAllUpper(text) && (closedClass[lk] || headlineParticles[lk]) && inCaps(c, f) {
		return mention{}, false
	}
	// No name is one letter ("S/P" gave "P"), nor a designator alone, nor
	// the agency's "Reuter" (its sign-off, or "Reuter correspondents").
	if l-f == 1 && (utf8.RuneCountInString(strings.TrimSuffix(text, ".")) == 1 || designators[lk] || lk == "reuter") {
		return mention{}, false
	}
	// An office's acronym ("the CFO said", "the IGP wishes") names no
	// organization; a person's mention of it is a title (below).
	if l-f == 1 && typ != graph.Person && isAllUpper(text) && titleAcronyms[lk] {
		return mention{}, false
	}
	if typ == graph.Organization && portfolio(c, f, l) {
		return mention{}, false
	}
	m := mention{typ: typ, taggedPerson: typ == graph.Person, score: s.Score, first: f, last: l}
	if _, ok := titles[lk]; ok && typ == graph.Person || typ == graph.Person && l-f >= 2 && d.demonymTitle(c, f, l) {
		// "The President later took action": a title alone names whoever
		// holds it in the document, if anyone (see resolve). A title that
		// is also a surname, with no article before it mid-sentence, is
		// the surname: "where King and 15 youths planted seeds".
		m.titleOnly = !(l-f == 1 && surnameTitles[lk] && f > c.sents[c.sentOf[f]].First && !titleArticles[c.lower(f-1)])
	}
	if m.score < 0 || m.score > 1 {
		m.score = 0.5
	}
	m.weak = d.x.doubtful && m.score < minKeep && l-f == 1 && f == c.sents[c.sentOf[f]].First
	if m.typ == graph.Organization && l-f >= 2 && streetHeads[c.lower(l-1)] {
		m.typ = graph.Place // "Times Square", "Oxford Street": places (but see knownOrgs: "Downing Street")
	}
	if m.typ == graph.Place && l-f >= 2 && (corporateHeads[c.lower(l-1)] || bodyNameHeads[c.lower(l-1)]) {
		// "Hanover Re", "Thai Airways": a company named after its
		// place; "Richmond Municipality", "Curepipe College": a body
		m.typ = graph.Organization
	}
	if knownOrgs[lk] || d.institutionName(lk) {
		m.typ = graph.Organization
	}
	if (m.typ == graph.Place || m.typ == graph.Organization) && namedLine(c, f, l) && (m.typ == graph.Place || lineWindow(c)) || d.prizeName(c, f, l, lk, m.typ) {
		m.typ, m.work = graph.Other, true // "the Northern line", "Grammy awards" (things.go)
	}
	if d.postNominal(c, f, l) {
		return mention{}, false
	}
	if currencyPrefix(c, f, l) {
		return mention{}, false
	}
	// A lone nationality adjective is not an entity ("Russian television").
	if _, ok := d.x.gaz.Demonym(text); ok && !d.x.gaz.Known(text) || d.compassDemonym(text) {
		return mention{}, false
	}
	// A country is a place, whatever the tagger says: "Syria" is never a
	// person, and "North Korea said" is the country speaking.
	// But a short word in mixed case is no country code: "Arm" (the
	// company) is not ARM, Armenia.
	codeLike := len(text) <= 3 && !isAllUpper(text)
	if places := d.x.gaz.Lookup(text); !codeLike && (len(places) > 0 && places[0].Kind == gazetteer.Country && !isAllUpper(text) || len(places) > 0 && places[0].Kind == gazetteer.Country && l-f > 1) {
		m.typ = graph.Place // resolve still lets "Jordan" join "Eddie Jordan"
	}
	if m.typ == graph.Place {
		m.place = d.geocode(text, false)
		if m.place != nil && m.place.Kind == gazetteer.Country {
			m.name = m.place.Name
		}
	}
	return m, true
}

// demonymTitle reports whether tokens [f, l) are a nationality and a
// title only: "Afghan Ambassador" names no one by itself.
func (d *docState) demonymTitle(c *chunk, f, l int) bool {
	if _, ok := d.x.gaz.Demonym(c.tokText(f)); !ok {
		return false
	}
	_, ok := titleAt(c, f+1, l-f-1)
	return ok
}

// nameSyllable reports whether the spaced dash at token j, inside the
// span that ends at l, joins a lower-case syllable to the name part before
// it: the syllable is in the span, short, not a common word, and followed
// by the span's end, another dash or a capitalized word ("Moon Jae - in",
// "Inzamam - ul - Haq", "Majlis - e Mushawarat"), while "James Bond -
// will" and "Studios - has" end the name at the dash.
func nameSyllable(c *chunk, j, l int) bool {
	if j < 1 || j+1 >= l {
		return false
	}
	prev := c.toks[j-1].Text
	if !isCap(prev) && !(isWordLower(prev) && j >= 2 && isDash(c.toks[j-2].Text)) {
		return false
	}
	w := c.lower(j + 1)
	if !isWordLower(c.toks[j+1].Text) || strings.Contains(w, "-") || utf8.RuneCountInString(w) > 6 {
		return false
	}
	if len(w) > 2 && (closedClass[w] || commonShortWords[w]) {
		return false
	}
	k := j + 2
	return k >= l || isDash(c.toks[k].Text) || isCap(c.toks[k].Text)
}

// commonShortWords are short lower-case words that follow a dash in
// running prose and are no syllable of a name ("Bond - will").
var commonShortWords = set("will", "has", "had", "have", "was", "were", "is", "are", "says", "said", "can", "could",
	"would", "should", "must", "did", "does", "now", "then", "just", "only", "been", "told", "adds", "added", "saw",
	"won", "lost", "led", "took", "makes", "made", "new", "old", "still", "even", "once", "again", "not",
	"both", "each", "every", "any", "into", "over", "under", "about", "than", "whose", "whom", "like", "plus")

// hyphenInName reports whether the spaced dash at token j, inside the
// tagger's span that ends at l, is a hyphen within the name: a number
// follows it ("G - 8"), or a lower-case word that the span continues
// after with capitalized words ("Organisation for Economic Co -
// operation and Development", "Canadian Co - operative Association").
func hyphenInName(c *chunk, j, l int) bool {
	if j+1 >= l {
		return false
	}
	next := c.toks[j+1].Text
	if isDigits(next) {
		return true
	}
	w := c.lower(j + 1)
	if !isWordLower(next) || closedClass[w] || slices.Contains(describingSuffixes, "-"+w) {
		return false // "UK - based Arm"
	}
	for k := j + 2; k < l; k++ {
		if isCap(c.toks[k].Text) {
			return true
		}
	}
	return false
}

// currencyNouns are words for currencies that a country code may qualify.
var currencyNouns = set("dollar", "dollars")

// postNominals are letters written after a name, between commas: "Mark
// Tedeschi, QC, said", "Tom Molomby, SC, said", "John Smith, MP, said".
var postNominals = map[string]bool{
	"QC": true, "KC": true, "SC": true, "MP": true, "MEP": true, "MSP": true, "OBE": true, "MBE": true,
	"CBE": true, "KBE": true, "DBE": true, "PhD": true, "Esq": true, "Jr": true, "Sr": true,
}

// postNominal reports whether tokens [f, l) are one post-nominal between
// commas after a capitalized word that is no place the gazetteer knows
// ("Columbia, SC, said" is South Carolina): no name of its own.
func (d *docState) postNominal(c *chunk, f, l int) bool {
	return l-f == 1 && f >= 2 && l < len(c.toks) && postNominals[strings.TrimSuffix(c.toks[f].Text, ".")] &&
		c.toks[f-1].Text == "," && c.toks[l].Text == "," && isCap(c.toks[f-2].Text) && !d.x.gaz.Known(c.toks[f-2].Text)
}

// currencyPrefix reports whether tokens [f, l) are one upper-case word
// that prefixes a currency sign, "US $ 5 billion", "HK$", "A $": the
// country qualifies the dollar and is not mentioned as a place.
func currencyPrefix(c *chunk, f, l int) bool {
	if l-f != 1 || l >= len(c.toks) || !isAllUpper(c.toks[f].Text) || len(c.toks[f].Text) > 3 || c.toks[l].NewlineBefore {
		return false
	}
	switch c.toks[l].Text {
	case "$", "$.":
		return true
	}
	return false
}

// sentenceOpeners are the capitalized words that start a sentence
// before a name without being part of it.
var sentenceOpeners = set("yet", "but", "and", "so", "still", "although", "though", "however", "meanwhile", "also", "or", "nor")

// compass words locate a place relative to another: "east of London".
var compass = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
	"north-east", "north-west", "south-east", "south-west")

// isWordLower reports whether s is a lower-case word of letters.
func isWordLower(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

// describingSuffixes end a word that describes the name after it: "New
// York-born", "London-based", "state-owned".
var describingSuffixes = []string{"-born", "-based", "-backed", "-owned", "-led", "-listed", "-headquartered", "-bred", "-raised"}

// describesNext reports whether the lower-case word w ends in one of
// describingSuffixes.
func describesNext(w string) bool {
	for _, suf := range describingSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// designators end a company's name and are none on their own.
var designators = set("inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "nv", "bv", "gmbh", "spa", "s.a.", "sa")

// timePreps may put a time after a name.
var timePreps = set("for", "in", "on", "since", "until", "by")

// allTimes reports whether tokens [f, l) are all months, weekdays or
// years: "November", "March 1987".
func allTimes(c *chunk, f, l int) bool {
	for k := f; k < l; k++ {
		if !date.IsMonthOrWeekday(c.lower(k)) && !(len(c.tokText(k)) == 4 && isDigits(c.tokText(k))) {
			return false
		}
	}
	return f < l
}

// supplement finds the countries and well-known institutions the tagger
// missed, outside its spans: a country name is a place wherever it is
// capitalized.
func (d *docState) supplement(c *chunk, cands []mention, mask []bool) []mention {
	covered := make([]bool, len(c.toks))
	for _, m := range cands {
		for t := m.first; t < m.last; t++ {
			covered[t] = true
		}
	}
	var out []mention
	for i := 0; i < len(c.toks); i++ {
		if !covered[i] && !mask[i] && camelName(c.toks[i].Text) && repeated(c, i) {
			if k := orgStartingAt(cands, i+1); k >= 0 && c.sameSentence(i, i+1) {
				// "the uMngeni Municipality": the name the tagger cut.
				cands[k].first, cands[k].name = i, ""
			} else {
				// "the uMngeni Municipality", where the tagger found
				// no name at all.
				j := i + 1
				for j < len(c.toks) && j-i < 4 && !covered[j] && !mask[j] && c.sameSentence(i, j) && isCap(c.toks[j].Text) && !closedClass[c.lower(j)] {
					j++
				}
				// A brand alone may be a company ("eBay", "wikiHow") or a
				// product ("iPod"): type other, which the context's company
				// cues overrule ("shares in eBay").
				typ := graph.Other
				if j > i+1 {
					typ = graph.Organization
				}
				out = append(out, mention{typ: typ, score: 0.5, first: i, last: j})
				i = j - 1
			}
			continue
		}
		if covered[i] || mask[i] || !isCap(c.toks[i].Text) {
			continue
		}
		if e := namedEventAt(c, covered, mask, i); e > i {
			out = append(out, mention{typ: graph.Event, score: 0.7, first: i, last: e})
			i = e - 1
			continue
		}
		if e := titledNameAt(c, covered, mask, i); e > i {
			out = append(out, mention{typ: graph.Person, taggedPerson: true, score: 0.6, first: i, last: e})
			i = e - 1
			continue
		}
		for n := 4; n >= 1; n-- {
			j := i + n
			if j > len(c.toks) || !c.sameSentence(i, j-1) || anyTrue(covered[i:j]) || anyTrue(mask[i:j]) || !isCap(c.toks[j-1].Text) {
				continue
			}
			if currencyPrefix(c, i, j) || n == 1 && j < len(c.toks) && currencyNouns[c.lower(j)] {
				// "US $", and "53 billion US dollars", which the tagger
				// left untagged: the currency's, not the country's.
				break
			}
			text := c.spanText(i, j)
			if knownOrgs[lowerKey(text)] {
				out = append(out, mention{typ: graph.Organization, score: 0.8, first: i, last: j})
				i = j - 1
				break
			}
			if !d.x.gaz.IsCountryName(text) {
				continue
			}
			// "AND" in a headline in capitals is a conjunction, not
			// Andorra's code.
			if n == 1 && closedClass[lowerKey(text)] {
				continue
			}
			// "Saudi", "Thai" name their countries too, but the tagger
			// alone tells the noun from the far commoner adjective.
			if _, ok := d.x.gaz.Demonym(text); ok && !isAllUpper(text) {
				continue
			}
			if p, ok := d.x.gaz.Best(text); ok && p.Kind == gazetteer.Country && (n > 1 || len(text) > 3 || isAllUpper(text)) {
				out = append(out, mention{typ: graph.Place, score: 0.8, place: p, name: p.Name, first: i, last: j})
				i = j - 1
				break
			}
		}
	}
	return out
}

// repeated reports whether the word of token i comes again in window c:
// a brand is named more than once, a typo ("newSpaper") seldom.
func repeated(c *chunk, i int) bool {
	for j := range c.toks {
		if j != i && c.toks[j].Text == c.toks[i].Text {
			return true
		}
	}
	return false
}

// orgStartingAt returns the index of the organization among cands that
// starts at token i, -1 if none.
func orgStartingAt(cands []mention, i int) int {
	for k := range cands {
		if cands[k].first == i && cands[k].typ == graph.Organization {
			return k
		}
	}
	return -1
}

// camelName reports whether w is a brand written in camel case, a
// lower-case prefix glued to a capitalized word ("wikiHow", "eBay",
// "eThekwini", "iLaw"), which the tagger, reading capitals, leaves out;
// supplement takes it as a name where the window uses it twice.
// A word of under four letters is none ("kWh", "iOS"), nor one with no
// lower-case letter right after a capital ("mRNA").
func camelName(w string) bool {
	if len(w) < 4 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	prev := rune(0)
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLower(r) && unicode.IsUpper(prev) {
			return true
		}
		prev = r
	}
	return false
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// isNameWord reports whether a word can end a name: capitalized, or a
// particle joined to a capitalized word ("al-Assad", "bin-Laden").
func isNameWord(w string) bool {
	if isCap(w) || isDigits(w) {
		return true
	}
	if p, rest, ok := strings.Cut(w, "-"); ok && nameParticles[strings.ToLower(p)] && isCap(rest) {
		return true
	}
	return false
}

// namedEventAt returns the end of a capitalized name of an event starting
// at token i that the tagger left out ("Lantern Festival", "FIFA World Cup
// 2018", "World War II"), or i if there is none. The name is two words or
// more and its head, capitalized, is last or before a year or numeral.
func namedEventAt(c *chunk, covered, mask []bool, i int) int {
	j := i
	for j < len(c.toks) && j < i+6 && !covered[j] && !mask[j] && c.sameSentence(i, j) &&
		(isCap(c.toks[j].Text) && hasLetter(c.toks[j].Text) || j > i && isDigits(c.toks[j].Text)) {
		j++
	}
	end := j
	if end > i && isDigits(c.toks[end-1].Text) || end > i && isNumeral(c.lower(end-1)) {
		end--
	}
	if end-i < 2 || !eventNameHeads[c.lower(end-1)] || closedClass[c.lower(i)] {
		return i
	}
	return j
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// compassDemonym reports whether a name is a nationality adjective after
// a compass point, "West German", "W. GERMAN", "East German": an
// adjective of a state the gazetteer does not hold apart, which made
// "West German" a place and a person among the most-mentioned entities of
// Reuters-21578.
func (d *docState) compassDemonym(text string) bool {
	words := strings.Fields(graph.NameKey(text))
	if len(words) != 2 || !compassWords[words[0]] || d.x.gaz.Known(text) {
		return false
	}
	_, ok := d.x.gaz.Demonym(words[1])
	return ok
}

// compassWords open a nationality adjective: "West German", "W. German".
var compassWords = set("west", "east", "north", "south", "w", "e", "n", "s")

// inCaps reports whether the words nearest the word at i on its line are
// in no lower case, as in a headline or a table: "USAGE UP", "168.38 UP
// 1.62", not "the WHO said" or "(WHO) recommends".
func inCaps(c *chunk, i int) bool {
	// The nearest words on each side, past punctuation: "(WHO) recommends".
	lower := func(j int) bool { return strings.ToUpper(c.tokText(j)) != c.tokText(j) }
	for j := i - 1; j >= 0 && !c.toks[j+1].NewlineBefore; j-- {
		if hasLetter(c.tokText(j)) {
			if lower(j) {
				return false
			}
			break
		}
	}
	for j := i + 1; j < len(c.toks) && !c.toks[j].NewlineBefore; j++ {
		if hasLetter(c.tokText(j)) {
			return !lower(j)
		}
	}
	return true
}

// headlineParticles are the adverbs of headlines in capitals that
// closedClass lacks: "PROFITS UP", "SALES DOWN".
var headlineParticles = set("up", "down", "off", "out")

// hasRegionReading reports whether a name is also a region's ("Georgia",
// the US state), so that a comma before it may name a town there.
func (d *docState) hasRegionReading(name string) bool {
	for _, p := range d.x.gaz.Lookup(name) {
		if p.Kind == gazetteer.Region {
			return true
		}
	}
	return false
}

// portfolio reports whether tokens [f, l) are a minister's portfolio, not
// an organization: after a capitalized "Minister of" or "for" ("the
// Minister of Higher Education and Scientific Research", "Deputy
// Minister for Finance"), words that name no body (orgWords: "Minister
// of the Interior Ministry" is none) and no acronym ("board secretary of
// DBG" is the company's).
func portfolio(c *chunk, f, l int) bool {
	if f < 2 || !portfolioTitles[c.lower(f-2)] || !isCap(c.tokText(f-2)) || c.lower(f-1) != "of" && c.lower(f-1) != "for" {
		return false
	}
	for i := f; i < l; i++ {
		if orgWords[c.lower(i)] || len(c.tokText(i)) > 1 && isAllUpper(c.tokText(i)) {
			return false
		}
	}
	return true
}

// portfolioTitles hold a portfolio: "Minister for Finance".
var portfolioTitles = set("minister", "secretary", "provost", "vice-president", "mec", "commissioner", "undersecretary")
