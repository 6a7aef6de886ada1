package ner

import "github.com/factgraph/factgraph/graph"

// The tagger's classes. classMisc (nationalities, products, named events
// in CoNLL's sense) is learned because it keeps those words from being
// tagged as something else, but Tag never returns it.
const (
	classPer = iota
	classLoc
	classOrg
	classMisc
	nClasses
)

var classTypes = [nClasses]graph.EntityType{graph.Person, graph.Place, graph.Organization, ""}

// BILOU labels: O is 0; class c has B = 1+4c, I = 2+4c, L = 3+4c, U = 4+4c.
const (
	labelO   = 0
	nLabels  = 1 + 4*nClasses
	partB    = 0
	partI    = 1
	partL    = 2
	partU    = 3
	negInf   = float32(-1e30)
	startRow = nLabels // row of the transition table for "before the sentence"
)

func label(class, part int) int { return 1 + 4*class + part }

func labelClass(l int) int { return (l - 1) / 4 }

func labelPart(l int) int { return (l - 1) % 4 }

// allowed reports whether label b may follow label a under BILOU; a ==
// startRow means b starts the sentence, b == labelEnd means a ends it.
func allowed(a, b int) bool {
	open := a != startRow && a != labelO && (labelPart(a) == partB || labelPart(a) == partI)
	if b == labelEnd {
		return !open
	}
	if open {
		return labelClass(b) == labelClass(a) && b != labelO && (labelPart(b) == partI || labelPart(b) == partL)
	}
	return b == labelO || labelPart(b) == partB || labelPart(b) == partU
}

// labelEnd stands for "after the sentence" in allowed.
const labelEnd = -1

// span is a class over tokens [first, last) of a sentence.
type span struct{ first, last, class int }

// spansFromLabels decodes a valid BILOU sequence.
func spansFromLabels(labels []uint8, out []span) []span {
	start := -1
	for i, l := range labels {
		if l == labelO {
			start = -1
			continue
		}
		switch labelPart(int(l)) {
		case partU:
			out = append(out, span{i, i + 1, labelClass(int(l))})
			start = -1
		case partB:
			start = i
		case partL:
			if start >= 0 {
				out = append(out, span{start, i + 1, labelClass(int(l))})
			}
			start = -1
		}
	}
	return out
}

// labelsFromSpans writes BILOU labels for n tokens; spans must not overlap.
func labelsFromSpans(spans []span, labels []uint8) {
	for i := range labels {
		labels[i] = labelO
	}
	for _, s := range spans {
		if s.last-s.first == 1 {
			labels[s.first] = uint8(label(s.class, partU))
			continue
		}
		labels[s.first] = uint8(label(s.class, partB))
		for i := s.first + 1; i < s.last-1; i++ {
			labels[i] = uint8(label(s.class, partI))
		}
		labels[s.last-1] = uint8(label(s.class, partL))
	}
}
