package ner

// wordTable is a read-only open-addressing hash table from word hashes
// (already well mixed: FNV-1a or mix) to uint32 values, built once from a
// map when a model is loaded. Tagging looks every token up in three such
// tables (clusters, gazetteer, intrinsic-score cache); a probe here is one
// multiply and, mostly, one cache line, where a Go map also hashes the key
// again and matches control bytes.
type wordTable struct {
	slots []wordSlot
	shift uint8 // 64 - log2(len(slots))
	// The zero key marks an empty slot, so its value is kept apart.
	zero    uint32
	hasZero bool
}

type wordSlot struct {
	key uint64
	val uint32
}

// newWordTable copies m into a table at most half full.
func newWordTable(m map[uint64]uint32) *wordTable {
	size, bits := 8, uint8(3)
	for size < 2*len(m) {
		size, bits = size*2, bits+1
	}
	t := &wordTable{slots: make([]wordSlot, size), shift: 64 - bits}
	mask := uint64(size - 1)
	for k, v := range m {
		if k == 0 {
			t.zero, t.hasZero = v, true
			continue
		}
		i := t.home(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = wordSlot{k, v}
	}
	return t
}

// home is the first slot probed for key k.
func (t *wordTable) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the value of key k and whether it is present.
func (t *wordTable) get(k uint64) (uint32, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}
