package ner

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/extract/token"
)

// The gazetteers are openly licensed name lists (provenance in the header
// line of each file and in MODEL.md). They are read at training time and
// stored in the model as hashes, so tagging needs no files.
//
//go:embed gazetteer/*.txt gazetteer/*.tsv
var gazetteerFiles embed.FS

// Gazetteer categories. A token gets three bits per category: the whole
// entry (U), the first token of a longer entry (B), a later token (C).
const (
	gazCity    = iota // places with at least 15,000 inhabitants
	gazCountry        // countries and territories
	gazGiven          // English given names
	gazBigCity        // places with at least 300,000 inhabitants
	gazCapital        // capital cities
	gazRegion         // states, provinces and other first-level regions
	// The entity lexicon of the training data (lexicon.go), one category
	// per class, in class order.
	gazLexPer
	gazLexLoc
	gazLexOrg
	gazLexMisc
	nGaz
)

// bigCity is the population from which a place is also a big city.
const bigCity = 300000

// maxGazTokens is the longest entry matched, in tokens.
const maxGazTokens = 4

// gazKey returns the gazetteer key of an entry: its token's lower-case
// hash for one token, the seqKey of its tokens for more; false for an
// empty entry or one longer than maxGazTokens.
func (m *Model) gazKey(name string, sc *scratch) (uint64, bool) {
	toks := token.Tokenize(name)
	if len(toks) == 0 || len(toks) > maxGazTokens {
		return 0, false
	}
	var ti tokInfo
	key := uint64(seqSeed)
	for _, t := range toks {
		m.prepToken(t.Text, &ti, sc)
		key = seqKey(key, ti.lower)
	}
	if len(toks) == 1 {
		key = ti.lower
	}
	return key, true
}

// buildGazetteer reads the embedded lists into a table from a token's
// lower-case hash (one-token entries) or a token sequence's key
// (seqKey, longer entries) to a mask of categories.
func buildGazetteer() (map[uint64]uint32, error) {
	gaz := map[uint64]uint32{}
	m := newModel(8)
	sc := &scratch{}
	add := func(name string, cat int) {
		if key, ok := m.gazKey(name, sc); ok {
			gaz[key] |= 1 << cat
		}
	}
	lists := []struct {
		file string
		cat  int
	}{
		{"gazetteer/cities.tsv", gazCity},
		{"gazetteer/countries.txt", gazCountry},
		{"gazetteer/given_names.txt", gazGiven},
		{"gazetteer/capitals.txt", gazCapital},
		{"gazetteer/regions.txt", gazRegion},
	}
	for _, l := range lists {
		f, err := gazetteerFiles.Open(l.file)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			name, pop, hasPop := strings.Cut(line, "\t")
			add(name, l.cat)
			if hasPop {
				p, err := strconv.Atoi(pop)
				if err != nil {
					f.Close()
					return nil, fmt.Errorf("%s:%d: bad population %q", l.file, n, pop)
				}
				if p >= bigCity {
					add(name, gazBigCity)
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return gaz, nil
}

const seqSeed = 0x2545f4914f6cdd1d

// seqKey extends the key of a token sequence by one lower-case token hash.
func seqKey(key, lower uint64) uint64 { return mix(key, lower) }

// matchGazetteer sets the gazetteer bits of the capitalized tokens of a
// document, longest entries included.
func (m *Model) matchGazetteer(info []tokInfo) {
	if len(m.gaz) == 0 {
		return
	}
	for i := range info {
		if info[i].flags&(flInitCap|flAllCaps) == 0 {
			continue
		}
		if v := m.gazBits(info[i].lower); v != 0 {
			info[i].gaz |= spreadGaz(v, 0)
			info[i].capc = uint8(v >> capShift)
			info[i].cue = uint8(v>>cueShift) & (1<<nClasses - 1)
		}
		key := seqKey(seqSeed, info[i].lower)
		for n := 2; n <= maxGazTokens && i+n <= len(info); n++ {
			key = seqKey(key, info[i+n-1].lower)
			v := m.gazBits(key)
			if v == 0 {
				continue
			}
			info[i].gaz |= spreadGaz(v, 1)
			for j := i + 1; j < i+n; j++ {
				info[j].gaz |= spreadGaz(v, 2)
			}
		}
	}
}

// spreadGaz turns a category mask into token bits at position pos (0 U,
// 1 B, 2 C).
func spreadGaz(v uint32, pos int) uint32 {
	var out uint32
	for c := 0; c < nGaz; c++ {
		if v&(1<<c) != 0 {
			out |= 1 << (3*c + pos)
		}
	}
	return out
}
