package extract

import (
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// readDefinitions notes the short forms defined in parentheses after an
// organization's name: "The Honduran Institute of Tourism (IHT)", whatever
// the short form's letters ("Instituto Hondureño del Café (IHCAFE)"),
// except after a wire name (wireName).
// resolve merges each pair (mergeDefinitions).
func (d *docState) readDefinitions(c *chunk, tm []int32) {
	for mi := d.chunkStart; mi < len(d.ments); mi++ {
		m := &d.ments[mi]
		k := m.last
		if m.typ != graph.Organization || c.tokText(k) != "(" || k+2 >= len(c.toks) || c.tokText(k+2) != ")" || tm[k+1] < 0 {
			continue
		}
		// "Brann (Norway)", "Red Star (Yugoslavia)" in a results table
		// are where, not a short form.
		s := int(tm[k+1])
		if d.ments[s].first != k+1 || d.ments[s].last != k+2 || d.ments[s].typ == graph.Date || d.ments[s].place != nil || formerCountries[c.lower(k+1)] {
			continue
		}
		switch {
		case !wireName(m.Text) || spellsInitials(m.name, c.tokText(k+1)):
			d.defines = append(d.defines, [2]int{mi, s})
		case designated(m.name) && isAllUpper(d.ments[s].Text):
			d.ments[s].weak = true // "Boeing Co (BA)": a stock symbol, no name unless the story uses it again
		}
	}
}

// wireName reports whether a name is written as wire copy writes the
// names it puts a stock symbol or a source after: in capitals (a
// headline's "KANSAS CITY DAILY FEED-WHOLESALE PRICES (USDA)") or with a
// designator ("Boeing Co (BA)"). There a word in parentheses is a short
// form only if it spells the name's initials ("General Motors Corp (GM)").
func wireName(name string) bool {
	return isAllUpper(name) || designated(name)
}

// designated reports whether a name of two words or more ends in a
// designator: "Boeing Co".
func designated(name string) bool {
	words := strings.Fields(graph.NameKey(name))
	return len(words) > 1 && designators[words[len(words)-1]]
}

// spellsInitials reports whether short spells the initials of name's
// words, less joiners ("of") and designators at its end.
func spellsInitials(name, short string) bool {
	words := strings.Fields(graph.NameKey(name))
	for len(words) > 1 && designators[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	var b strings.Builder
	for _, w := range words {
		if !acronymJoiners[w] {
			b.WriteByte(w[0])
		}
	}
	return b.String() == strings.ToLower(short)
}
