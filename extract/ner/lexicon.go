package ner

// The entity lexicon: the names annotated in the training documents, each
// with the classes it was annotated with, used as four more gazetteer
// categories (gazLexPer … gazLexMisc). It gives the tagger knowledge of
// organizations ("Standard Chartered", "Hamas"), which no open list
// reachable here provides.
//
// A model trusts a list blindly when every training name is in it. So,
// like the first-pass evidence of the second pass, the lexicon that a
// training document sees is jackknifed: it comes from the other
// lexFolds-1 folds of the training documents, so that, as on new text,
// some names are missing and the context has to decide. The model file
// stores the lexicon of all training documents.

// lexFolds is the number of jackknife folds of the lexicon.
const lexFolds = 5

// lexShare is the smallest share of a name's annotations (counted once
// per document) that a class needs for the name to carry its bit, so
// that a stray annotation does not mark "Chicago" an organization.
const lexShare = 0.25

// lexCounts maps a name's gazetteer key to the number of documents that
// annotated it with each class.
type lexCounts map[uint64][nClasses]int32

// docLexicon returns the keys and classes of the names annotated in one
// prepared training document, each (key, class) once.
func docLexicon(set *trainSet, d int) lexCounts {
	out := lexCounts{}
	td := &set.docs[d]
	var sp []span
	for _, si := range td.trainSt {
		s := &set.sents[si]
		sp = spansFromLabels(s.labels, sp[:0])
		for _, x := range sp {
			n := x.last - x.first
			if n > maxGazTokens {
				continue
			}
			first := s.first + x.first
			key := td.info[first].lower
			if n > 1 {
				key = seqKey(seqSeed, key)
				for j := first + 1; j < first+n; j++ {
					key = seqKey(key, td.info[j].lower)
				}
			}
			c := out[key]
			c[x.class] = 1
			out[key] = c
		}
	}
	return out
}

// lexBits turns the counts of names into gazetteer category masks.
func lexBits(counts lexCounts, dst map[uint64]uint32) {
	for k, c := range counts {
		total := int32(0)
		for _, n := range c {
			total += n
		}
		for cl, n := range c {
			if n > 0 && float64(n) >= lexShare*float64(total) {
				dst[k] |= 1 << (gazLexPer + cl)
			}
		}
	}
}

// addLexicon builds the lexicon from the prepared training documents. It
// replaces each document's gazetteer bits by those of the static lists
// plus the lexicon of the other folds, and sets m.gaz to the static lists
// plus the lexicon of all documents, for the model file.
func addLexicon(m *Model, set *trainSet) {
	static := m.gaz
	var fold [lexFolds]lexCounts
	for k := range fold {
		fold[k] = lexCounts{}
	}
	total := lexCounts{}
	for d := range set.docs {
		for key, c := range docLexicon(set, d) {
			f, t := fold[d%lexFolds][key], total[key]
			for i := range c {
				f[i] += c[i]
				t[i] += c[i]
			}
			fold[d%lexFolds][key], total[key] = f, t
		}
	}
	withLex := func(counts lexCounts) map[uint64]uint32 {
		g := make(map[uint64]uint32, len(static)+len(counts))
		for k, v := range static {
			g[k] = v
		}
		lexBits(counts, g)
		return g
	}
	for k := range fold {
		// The lexicon without fold k: the total minus the fold.
		rest := make(lexCounts, len(total))
		for key, t := range total {
			f := fold[k][key]
			var r [nClasses]int32
			some := false
			for i := range t {
				r[i] = t[i] - f[i]
				some = some || r[i] > 0
			}
			if some {
				rest[key] = r
			}
		}
		fm := &Model{gaz: withLex(rest)}
		for d := k; d < len(set.docs); d += lexFolds {
			info := set.docs[d].info
			for i := range info {
				info[i].gaz = 0
			}
			fm.matchGazetteer(info)
		}
	}
	m.gaz = withLex(total)
}
