package ner

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
)

func TestWordTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	big := map[uint64]uint32{}
	for len(big) < 5000 {
		big[rng.Uint64()] = rng.Uint32()
	}
	tests := []struct {
		name string
		m    map[uint64]uint32
	}{
		{"Empty", map[uint64]uint32{}},
		{"ZeroKey", map[uint64]uint32{0: 7, 1: 0, 1 << 63: 9}},
		{"ZeroValues", map[uint64]uint32{5: 0, 6: 0}},
		{"Colliding", map[uint64]uint32{1: 1, 1 + 1<<61: 2, 1 + 1<<62: 3, 1 + 3<<61: 4}},
		{"Random", big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wt := newWordTable(tt.m)
			for k, v := range tt.m {
				if got, ok := wt.get(k); !ok || got != v {
					t.Errorf("get(%#x) = %d, %v; want %d, true", k, got, ok, v)
				}
			}
			for range 2000 {
				k := rng.Uint64()
				want, wok := tt.m[k]
				if got, ok := wt.get(k); ok != wok || got != want {
					t.Errorf("get(%#x) = %d, %v; want %d, %v", k, got, ok, want, wok)
				}
			}
			if _, ok := tt.m[0]; !ok {
				if _, ok := wt.get(0); ok {
					t.Error("get(0) found a key never added")
				}
			}
		})
	}
}

// TestIndexedModelTags checks that the fast tables change nothing: the
// embedded model tags a text alike through its maps and its tables.
func TestIndexedModelTags(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	slow, err := readModel(embedded)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []*Model{slow, slow.first} {
		x.clusterT, x.gazT, x.cacheT = nil, nil, nil
	}
	text := "Russian President Vladimir Putin met Bashar Al Assad in Sochi on Thursday, the Kremlin said. NEW YORK (Reuters) - Shares of Apple Inc rose."
	toks := token.Tokenize(text)
	sents := token.Sentences(text, toks)
	got, want := m.Tag(toks, sents), slow.Tag(toks, sents)
	if len(got) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("tables tag %v, maps %v", got, want)
	}
}
