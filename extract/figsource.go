package extract

import (
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Who reports a figure and the date it holds for (graph.Figure's Source
// and AsOf), read from the figure's sentence: "according to the UN", "the
// Syrian Observatory for Human Rights said", "said John Smith", "as of
// Monday". A figure inside a quotation is its speaker's (figureFacts,
// once quotes are found). Only people and organizations report; a place
// that "said" is a government, which the extractor does not yet tell
// apart, so it is left out.

// reportVerbs are the verbs whose subject reports a number, beyond the
// speech verbs of roles.go.
var reportVerbs = set("reported", "reports", "estimated", "estimates", "counted", "confirmed", "announced", "stated")

// reporter reports whether mention k can report a figure.
func (d *docState) reporter(k int32) bool {
	if k < 0 {
		return false
	}
	m := &d.ments[k]
	return !m.adjective && !m.anaphor && (m.typ == graph.Person || m.typ == graph.Organization)
}

// figureSource returns the mention that reports the figures of chunk
// sentence si, or -1.
func (d *docState) figureSource(c *chunk, tm []int32, si int) int {
	if si < 0 || si >= len(c.sents) {
		return -1
	}
	s := c.sents[si]
	at := func(i int) int32 {
		if i < s.First || i >= s.Last || i >= len(tm) {
			return -1
		}
		return tm[i]
	}
	for j := s.First; j < s.Last; j++ {
		w := c.lower(j)
		switch {
		case w == "according" && c.lower(j+1) == "to" && j+2 < s.Last:
			k := j + 2
			if c.lower(k) == "the" {
				k++
			}
			if d.reporter(at(k)) {
				return int(at(k))
			}
		case speechCues[w] || reportVerbs[w]:
			// "X said", "X has said"; "X, a spokesman, said" is left to
			// quotes; "said X".
			b := j - 1
			if perfect := c.lower(b); perfect == "has" || perfect == "have" || perfect == "had" {
				b--
			}
			if d.reporter(at(b)) {
				return int(at(b))
			}
			k := j + 1
			if c.lower(k) == "the" {
				k++
			}
			if speechCues[w] && d.reporter(at(k)) {
				return int(at(k))
			}
		}
	}
	return -1
}

// figureAsOf returns the ISO date that "as of", "as at" or "as on" gives
// in chunk sentence si, or "".
func (d *docState) figureAsOf(c *chunk, tm []int32, si int) string {
	if si < 0 || si >= len(c.sents) {
		return ""
	}
	s := c.sents[si]
	for j := s.First; j+2 < s.Last && j+2 < len(tm); j++ {
		if c.lower(j) != "as" || c.lower(j+1) != "of" && c.lower(j+1) != "at" && c.lower(j+1) != "on" {
			continue
		}
		if k := tm[j+2]; k >= 0 && d.ments[k].typ == graph.Date {
			if v, ok := strings.CutPrefix(d.ments[k].key, datePrefix); ok {
				return v
			}
		}
	}
	return ""
}

// quoteSpeaker returns the speaker mention of the quotation that holds
// span m, or -1: "“At least 30 people died,” said John Smith".
func (d *docState) quoteSpeaker(m graph.Mention) int {
	for i := range d.cands.quotes {
		q := &d.cands.quotes[i]
		if q.speaker >= 0 && q.q.Evidence.Start <= m.Start && m.End <= q.q.Evidence.End {
			return q.speaker
		}
	}
	return -1
}
