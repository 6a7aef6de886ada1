package export

import "github.com/factgraph/factgraph/graph"

// spanSet remembers which spans an RDF encoder has described, so that a
// sentence that is the evidence of fifty facts is described once rather
// than fifty times: issue 16 counted 689,730 identical lines (11.7%) in
// the N-Quads dump of the Reuters and BBC corpora before it. It holds one key of
// 12 bytes per span described (a few tens of bytes with the map's
// overhead) and one index per document, so an export's memory grows with
// the spans of its corpus, not with its facts; the rest of the export
// still holds only the record it writes.
type spanSet struct {
	docs  map[string]uint32
	spans map[spanKey]string // span → the entity it was described with, "" for none
	// fact and cited are the evidence spans of the fact being written,
	// so that a fact citing one span twice links it once.
	fact  string
	cited map[spanKey]bool
}

type spanKey struct {
	doc        uint32
	start, end int32
}

func newSpanSet() spanSet {
	return spanSet{docs: map[string]uint32{}, spans: map[spanKey]string{}, cited: map[spanKey]bool{}}
}

func (s *spanSet) key(m *graph.Mention) spanKey {
	d, ok := s.docs[m.Document]
	if !ok {
		d = uint32(len(s.docs))
		s.docs[m.Document] = d
	}
	return spanKey{doc: d, start: int32(m.Start), end: int32(m.End)}
}

// add records that m is being described and says what of it is new: the
// span itself (its type, document, offsets, sentence and text), and its
// entity, which differs where two entities were found in one span. Dumps
// emit mentions sorted by entity, so an entity is new at most once per
// span.
func (s *spanSet) add(m *graph.Mention) (span, entity bool) {
	k := s.key(m)
	prev, seen := s.spans[k]
	if !seen {
		s.spans[k] = m.Entity
		return true, m.Entity != ""
	}
	if m.Entity == "" || m.Entity == prev {
		return false, false
	}
	s.spans[k] = m.Entity
	return false, true
}

// cite reports whether fact (its resource path and ID) cites m for the
// first time. Facts are written one at a time: a new fact forgets the
// spans of the last.
func (s *spanSet) cite(fact string, m *graph.Mention) bool {
	if fact != s.fact {
		s.fact = fact
		clear(s.cited)
	}
	k := s.key(m)
	if s.cited[k] {
		return false
	}
	s.cited[k] = true
	return true
}
