package ner

// Cue words: common words that, capitalized inside a name, nearly always
// mark its class: "Ministry", "Party", "University", "Bank" for
// organizations, "Province", "River" for places. They are learned from
// the training annotations rather than listed by hand, and stored in the
// gazetteer table with the word, in bits cueShift and up. Every token of a capitalized chunk
// sees the cue classes of the whole chunk (tChunkCue), and cueHeads
// retypes a person that ends in a cue word of another class.
//
// Only words that raw news usually writes in lower case (capitals.go) can
// be cues, so that names ("Putin") stay the lexicon's business.

// cueMinDocs is the number of training documents in which a word must be
// capitalized inside a name of the class.
const cueMinDocs = 8

// cueShare is the smallest share of those documents' classes that the
// cue's class must have.
const cueShare = 0.8

// cueShift is the position of a word's cue class bits (one per class) in
// its gazetteer value, between the category bits and the capitalization
// class.
const cueShift = 20

// addCues learns cue words: common words ("Ministry", "Province",
// "Party") that, capitalized inside a training name, nearly always mark
// one class. Each gets its class bit in the gazetteer table.
func addCues(m *Model, set *trainSet) {
	counts := map[uint64]*[nClasses]int32{}
	var sp []span
	for d := range set.docs {
		td := &set.docs[d]
		seen := map[[2]uint64]bool{}
		for _, si := range td.trainSt {
			s := &set.sents[si]
			sp = spansFromLabels(s.labels, sp[:0])
			for _, x := range sp {
				for j := s.first + x.first; j < s.first+x.last; j++ {
					t := &td.info[j]
					if t.flags&flInitCap == 0 || (t.capc != capLower && t.capc != capMixed) {
						continue
					}
					k := [2]uint64{t.lower, uint64(x.class)}
					if seen[k] {
						continue
					}
					seen[k] = true
					c := counts[t.lower]
					if c == nil {
						c = &[nClasses]int32{}
						counts[t.lower] = c
					}
					c[x.class]++
				}
			}
		}
	}
	for k, c := range counts {
		total := int32(0)
		for _, v := range c {
			total += v
		}
		for cl, v := range c {
			if v >= cueMinDocs && float64(v) >= cueShare*float64(total) {
				m.gaz[k] |= 1 << (cueShift + cl)
			}
		}
	}
}
