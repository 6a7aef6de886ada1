package ner

// Most tokens are frequent words. Half of a token's features depend on
// the token alone (intrinsic), so for the words of the model's vocabulary
// their weights are summed once, when the model is trained (and stored
// with it), and tagging reads one cached row instead of some twenty
// scattered ones.

// buildCache computes the intrinsic-score cache of m and of its first pass.
func (m *Model) buildCache() {
	models := []*Model{m}
	if m.first != nil {
		models = append(models, m.first)
	}
	for _, x := range models {
		x.cacheIdx = make(map[uint64]uint32, len(m.vocab))
		x.cacheVec = make([]int32, (len(m.vocab)+1)*nLabels)
	}
	sc := &scratch{}
	var f [maxFeats]uint32
	for i, w := range m.vocab {
		var ti tokInfo
		m.prepToken(w, &ti, sc)
		for _, x := range models {
			k := x.intrinsic(&ti, f[:], 0)
			v := x.cacheVec[(i+1)*nLabels : (i+2)*nLabels]
			for _, b := range f[:k] {
				r := int(x.idx[b]) * nLabels
				for l, wt := range x.rows[r : r+nLabels] {
					v[l] += int32(wt)
				}
			}
			x.cacheIdx[ti.word] = uint32(i + 1)
		}
	}
	m.index()
}

// indexCache maps the vocabulary's word hashes to their cache rows, for a
// model read from a file, whose cacheVec is already filled.
func (m *Model) indexCache() {
	idx := make(map[uint64]uint32, len(m.vocab))
	for i, w := range m.vocab {
		idx[fnvString(w)] = uint32(i + 1)
	}
	m.cacheIdx = idx
	if m.first != nil {
		m.first.cacheIdx = idx
	}
	m.index()
}

// index builds the fast lookup tables of m and of its first pass from
// their maps.
func (m *Model) index() {
	clusters, gaz := newWordTable(m.clusters), newWordTable(m.gaz)
	for _, x := range []*Model{m, m.first} {
		if x == nil {
			continue
		}
		x.clusterT, x.gazT = clusters, gaz
		if x.cacheIdx != nil {
			x.cacheT = newWordTable(x.cacheIdx)
		}
	}
}

// cluster returns the packed cluster path of word hash k.
func (m *Model) cluster(k uint64) (uint32, bool) {
	if m.clusterT != nil {
		return m.clusterT.get(k)
	}
	c, ok := m.clusters[k]
	return c, ok
}

// gazBits returns the gazetteer categories of word or sequence hash k.
func (m *Model) gazBits(k uint64) uint32 {
	if m.gazT != nil {
		v, _ := m.gazT.get(k)
		return v
	}
	return m.gaz[k]
}

// cacheRow returns the intrinsic-score cache row of word hash k, 0 for
// none.
func (m *Model) cacheRow(k uint64) uint32 {
	if m.cacheT != nil {
		v, _ := m.cacheT.get(k)
		return v
	}
	return m.cacheIdx[k]
}
