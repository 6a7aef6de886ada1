package ner

import (
	"sort"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// Document-level consistency. A news story names a person in full once
// ("Vladimir Putin") and by surname afterwards ("Putin"); the tagger's
// second pass already sees what the first pass found elsewhere in the
// document, and consistent adds two rules on top:
//
//   - a lone surname of a person found in full is a person;
//   - an untagged capitalized repeat of a person's surname, or of a
//     confidently tagged one-word name, is tagged.
//
// Mentions of the same string are deliberately not forced to one type:
// "Chicago" the city and "Chicago" the team share sports pages, and doing
// so cost 0.6 F1 on the CoNLL-2003 development set.
func consistent(toks []token.Token, info []tokInfo, spans []Span, sc *scratch) []Span {
	if len(spans) == 0 {
		return spans
	}
	if sc.surname == nil {
		sc.surname = map[uint64]bool{}
		sc.single = map[uint64]graph.EntityType{}
	}
	surname, single := sc.surname, sc.single
	clear(surname)
	clear(single)
	for _, s := range spans {
		if s.Type == graph.Person && s.Last-s.First >= 2 && s.Score >= 0.5 {
			surname[info[s.Last-1].word] = true
		}
	}
	if cap(sc.covered) < len(toks) {
		sc.covered = make([]bool, len(toks))
	}
	covered := sc.covered[:len(toks)]
	clear(covered)
	for i := range spans {
		s := &spans[i]
		for j := s.First; j < s.Last; j++ {
			covered[j] = true
		}
		if s.Last-s.First == 1 && s.Type != graph.Person && surname[info[s.First].word] {
			s.Type = graph.Person
		}
	}
	// Untagged repeats: single capitalized tokens that are a person's
	// surname or a confidently tagged one-word name elsewhere.
	for _, s := range spans {
		if s.Last-s.First == 1 && s.Score >= 0.8 {
			single[info[s.First].word] = s.Type
		}
	}
	n := len(spans)
	for i := range toks {
		if covered[i] || info[i].flags&flInitCap == 0 || info[i].flags&flAllCaps != 0 {
			continue
		}
		w := info[i].word
		// Only a token standing alone: a neighbour that is capitalized and
		// untagged suggests a different name ("Putin Street").
		if (i > 0 && !covered[i-1] && info[i-1].flags&flInitCap != 0 && !info[i].startsLine()) ||
			(i+1 < len(toks) && !covered[i+1] && info[i+1].flags&flInitCap != 0) {
			continue
		}
		switch {
		case surname[w]:
			spans = append(spans, Span{First: i, Last: i + 1, Type: graph.Person, Score: 0.6})
		case single[w] != "":
			spans = append(spans, Span{First: i, Last: i + 1, Type: single[w], Score: 0.6})
		}
	}
	if len(spans) > n {
		sort.Slice(spans, func(a, b int) bool { return spans[a].First < spans[b].First })
	}
	return spans
}

func (t *tokInfo) startsLine() bool { return t.flags&flLineStart != 0 }

// setDocEvidence records, for every capitalized token, the class that the
// first pass gave the same word elsewhere in the document: the
// document-level feature of Ratinov and Roth (2009). Spans include Misc.
func setDocEvidence(info []tokInfo, spans []Span, sc *scratch) {
	if sc.byWord == nil {
		sc.byWord = map[uint64][nClasses]int32{}
	}
	byWord := sc.byWord
	clear(byWord)
	for _, s := range spans {
		c := typeClass(s.Type)
		for i := s.First; i < s.Last; i++ {
			v := byWord[info[i].lower]
			v[c]++
			byWord[info[i].lower] = v
		}
	}
	for i := range info {
		info[i].doc = 0
		if info[i].flags&(flInitCap|flAllCaps) == 0 {
			continue
		}
		v, ok := byWord[info[i].lower]
		if !ok {
			info[i].doc = 1 // capitalized, never tagged in this document
			continue
		}
		best, total := 0, int32(0)
		for c := range v {
			total += v[c]
			if v[c] > v[best] {
				best = c
			}
		}
		unanimous := uint64(0)
		if v[best] == total {
			unanimous = 8
		}
		info[i].doc = 2 + uint64(best) + unanimous
	}
}

func typeClass(t graph.EntityType) int {
	switch t {
	case graph.Person:
		return classPer
	case graph.Place:
		return classLoc
	case graph.Organization:
		return classOrg
	}
	return classMisc
}
