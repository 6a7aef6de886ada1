package graph

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NameKey folds a name for matching: lower case, diacritics removed,
// punctuation dropped, runs of spaces collapsed. "Bashar al-Assad" and
// "BASHAR AL ASSAD" share a key; so do "Zürich" and "Zurich".
func NameKey(name string) string {
	folded := name
	if !isASCII(name) { // ASCII has no diacritics: skip the costly transform
		t := foldPool.Get().(transform.Transformer)
		var err error
		if folded, _, err = transform.String(t, name); err != nil {
			folded = name
		}
		foldPool.Put(t)
	}
	var b strings.Builder
	b.Grow(len(folded))
	space := false
	for _, r := range folded {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "O'Brien", "U.S." fold to "obrien", "us".
		default:
			space = true
		}
	}
	return b.String()
}

// foldPool holds diacritic-folding transformers: a transform.Chain keeps
// state between calls, so each goroutine needs its own.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Slug returns the readable part of an ID: NameKey with hyphens for spaces.
// It is never empty: a name with no letters or digits slugs to "x".
func Slug(name string) string {
	s := strings.ReplaceAll(NameKey(name), " ", "-")
	if s == "" {
		return "x"
	}
	return s
}

// EntityID returns the canonical ID of an entity of type t named name:
// "person/vladimir-putin".
func EntityID(t EntityType, name string) string {
	return string(t) + "/" + Slug(name)
}
