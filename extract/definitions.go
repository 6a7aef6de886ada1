package extract

import "github.com/factgraph/factgraph/graph"

// readDefinitions notes the short forms defined in parentheses after an
// organization's name: "The Honduran Institute of Tourism (IHT)", whatever
// the short form's letters ("Instituto Hondureño del Café (IHCAFE)").
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
		if s := int(tm[k+1]); d.ments[s].first == k+1 && d.ments[s].last == k+2 && d.ments[s].typ != graph.Date && d.ments[s].place == nil &&
			!formerCountries[c.lower(k+1)] {
			d.defines = append(d.defines, [2]int{mi, s})
		}
	}
}
