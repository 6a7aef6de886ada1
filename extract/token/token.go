// Package token splits news text into tokens and sentences, keeping the
// Unicode code-point offsets of each, so that everything the extractor
// finds can point back into the original text.
//
// The tokenizer follows the conventions of the CoNLL-2003 and OntoNotes
// news corpora that the tagger is trained on: possessive "'s" and "n't" are
// tokens of their own, hyphenated words stay whole ("al-Assad",
// "decades-long"), abbreviations keep their period ("U.S.", "Gen."), and
// numbers keep their separators ("450,000", "1.1").
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a span of text. Start and End are code-point offsets into the
// text, end exclusive; Byte and ByteEnd are the same span in bytes.
type Token struct {
	Text            string
	Start, End      int  // code points
	Byte, ByteEnd   int  // bytes
	NewlineBefore   bool // a line break separates it from the previous token
	BlankLineBefore bool // a blank line or an indented line start precedes it
}

// abbreviations keep their trailing period: "Mr. Smith" is two tokens, not
// three, and the period does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "mt": true, "ft": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "cmdr": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "rev": true, "hon": true, "amb": true, "sec": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "bros": true, "llc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true, "fri": true,
	"vs": true, "etc": true, "no": true, "nos": true, "approx": true, "dept": true, "est": true, "fig": true,
	"mln": true, "bln": true, "pct": true, "cts": true, "dlrs": true, "u.s": true, "u.k": true, "u.n": true,
}

// Tokenize splits text into tokens. It never fails: invalid UTF-8 bytes
// become single-byte tokens of U+FFFD width one code point each, as Go's
// range over a string counts them.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	var (
		b, cp      int // byte and code-point position
		newline    bool
		blank      bool
		lineBreaks int
	)
	for b < len(text) {
		r, n := utf8.DecodeRuneInString(text[b:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				lineBreaks++
				newline = true
				if lineBreaks >= 2 {
					blank = true
				}
			} else if newline && (r == ' ' || r == '\t') {
				// An indented line start marks a paragraph in wire copy.
				blank = true
			}
			b += n
			cp++
			continue
		}
		endB, endCP := scan(text, b, cp)
		toks = append(toks, Token{
			Text: text[b:endB], Start: cp, End: endCP, Byte: b, ByteEnd: endB,
			NewlineBefore: newline, BlankLineBefore: blank,
		})
		b, cp = endB, endCP
		newline, blank, lineBreaks = false, false, 0
	}
	return toks
}

// scan returns the end (in bytes and code points) of the token starting at
// byte b, code point cp.
func scan(text string, b, cp int) (int, int) {
	r, n := utf8.DecodeRuneInString(text[b:])
	if !isWordRune(r) {
		// Punctuation: runs of the same character ("...", "--") stay together.
		e, c := b+n, cp+1
		if r == '.' || r == '-' || r == '!' || r == '?' {
			for e < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[e:])
				if r2 != r {
					break
				}
				e += n2
				c++
			}
		}
		// Possessive and contraction clitics: 's 're 've 'll 'd 'm.
		if isApostrophe(r) && b > 0 {
			if e2, c2, ok := clitic(text, e, c); ok {
				return e2, c2
			}
		}
		return e, c
	}
	// "n't" is a token of its own, as in "do n't" (Penn Treebank style).
	if (r == 'n' || r == 'N') && isNegation(text[b+n:]) {
		_, an := utf8.DecodeRuneInString(text[b+n:])
		return b + n + an + 1, cp + 3
	}
	// A word: letters, digits and marks, joined by internal hyphens,
	// apostrophes (O'Brien), periods (U.S., 1.1) and commas between digits.
	e, c := b, cp
	for e < len(text) {
		r, n := utf8.DecodeRuneInString(text[e:])
		if isWordRune(r) {
			e += n
			c++
			continue
		}
		next := utf8.RuneError
		if e+n < len(text) {
			next = firstRune(text[e+n:])
		}
		prev, _ := utf8.DecodeLastRuneInString(text[b:e])
		switch {
		case (r == '-' || r == '‐') && isWordRune(next):
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case r == '.' && unicode.IsLetter(next) && isInitial(text[b:e]):
			// "U.S": keep going; the final period is handled below.
		case r == '&' && isUpperWord(text[b:e]) && unicode.IsUpper(next):
			// "AT&T", "S&P"
		case isApostrophe(r) && (prev == 'n' || prev == 'N') && isNegation(text[e:]):
			return e - 1, c - 1
		case isApostrophe(r) && unicode.IsLetter(next) && !isClitic(text[e+n:]):
			// "O'Brien", "d'Ivoire"
		default:
			return finishWord(text, b, e, cp, c)
		}
		e += n
		c++
	}
	return finishWord(text, b, e, cp, c)
}

// finishWord attaches the period of an abbreviation to its word.
func finishWord(text string, b, e, cp, c int) (int, int) {
	if e < len(text) && text[e] == '.' {
		w := text[b:e]
		if abbreviations[strings.ToLower(w)] || isInitial(w+".") {
			return e + 1, c + 1
		}
	}
	return e, c
}

// clitic reports whether an apostrophe at the end of e is followed by a
// clitic, returning the clitic's end.
func clitic(text string, e, c int) (int, int, bool) {
	rest := text[e:]
	for _, cl := range []string{"s", "S", "re", "ve", "ll", "d", "m"} {
		if strings.HasPrefix(rest, cl) && (len(rest) == len(cl) || !isWordRune(firstRune(rest[len(cl):]))) {
			return e + len(cl), c + utf8.RuneCountInString(cl), true
		}
	}
	return e, c, false
}

// isNegation reports whether s starts with "'t" or "’t" ending a word.
func isNegation(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !isApostrophe(r) || len(s) <= n || (s[n] != 't' && s[n] != 'T') {
		return false
	}
	return len(s) == n+1 || !isWordRune(firstRune(s[n+1:]))
}

func isClitic(rest string) bool {
	_, _, ok := clitic(rest, 0, 0)
	return ok
}

// isInitial reports whether w is a run of single letters and periods, such
// as "U.S" or "J." — an abbreviation whose periods belong to it.
func isInitial(w string) bool {
	letters := 0
	prevLetter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			if prevLetter {
				return false
			}
			prevLetter = true
			letters++
		case r == '.':
			prevLetter = false
		default:
			return false
		}
	}
	return letters > 0
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
