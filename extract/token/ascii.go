package token

import "unicode/utf8"

// LowerASCII lowercases the ASCII letters of s and keeps every other byte,
// so that byte offsets into s (a Token's Byte and ByteEnd) hold in the
// result. The date and figure finders match their word lists against one
// such copy of the text rather than lowering each token.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s // nothing to lower: no copy
}

// IsASCII reports whether s is all ASCII, that is whether a slice of
// LowerASCII's copy is the lower-case form of the same slice of s.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
