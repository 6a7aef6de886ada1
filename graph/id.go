package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NameKey folds a name for matching: lower case, diacritics removed,
// punctuation dropped, runs of spaces collapsed. "Bashar al-Assad" and
// "BASHAR AL ASSAD" share a key; so do "Zürich" and "Zurich".
func NameKey(name string) string {
	folded, _, err := transform.String(newFoldDiacritics(), name)
	if err != nil {
		folded = name
	}
	var b strings.Builder
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

// newFoldDiacritics returns a fresh transformer per call: a transform.Chain
// keeps state between calls and is not safe for concurrent use.
func newFoldDiacritics() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
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
