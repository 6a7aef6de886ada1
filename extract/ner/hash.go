package ner

// Features are hashed, never stored as strings: a token's strings are
// hashed once (FNV-1a over their bytes), and a feature is a mix of a
// template number with one or more of those hashes.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix combines a feature template with a value (the finalizer of
// SplitMix64 over their sum scrambles both).
func mix(template, v uint64) uint64 {
	z := v + template*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func mix2(template, a, b uint64) uint64 { return mix(template, a*0x100000001b3^mix(0, b)) }
