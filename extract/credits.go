package extract

import (
	"slices"
	"strings"
)

// captionMask marks the tokens of photo captions and credits ("Image
// Credit: AP", "Photo: Reuters") and of wire credits in parentheses
// ("(AFP)"), which are never names.
func captionMask(c *chunk) []bool {
	mask := make([]bool, len(c.toks))
	maskLinks(c, mask)
	maskTickers(c, mask)
	for i := 0; i < len(c.toks); i++ {
		t := c.toks[i]
		l := c.lower(i)
		if captionWords[l] && isCap(t.Text) && (creditAhead(c, i) || (i == 0 || t.NewlineBefore) && c.lower(i+1) == "by") {
			for j := i; j < len(c.toks) && (j == i || !c.toks[j].NewlineBefore); j++ {
				mask[j] = true
			}
			continue
		}
		if t.Text == "(" {
			j := i + 1
			for j < len(c.toks) && j <= i+3 && c.toks[j].Text != ")" {
				j++
			}
			if j < len(c.toks) && c.toks[j].Text == ")" && j > i+1 && agencies[lowerKey(c.spanText(i+1, j))] &&
				!definesAcronym(c, i, c.spanText(i+1, j)) {
				for k := i; k <= j; k++ {
					mask[k] = true
				}
			}
		}
	}
	return mask
}

// maskTickers marks stock symbols in angle brackets, as wire copy writes
// them after a company's name ("Sony Corp <SNE.T>", "UNILEVER'S <UN>"):
// one word in capitals, with an exchange's suffix or not. Read as names,
// "UN" joined Unilever to the United Nations, "PA" (Paris) was a place
// and "BA" an alias of Boeing. A company's name in brackets ("<Nippon
// Steel Corp>") is no symbol and stays a name.
func maskTickers(c *chunk, mask []bool) {
	for i := 0; i+2 < len(c.toks); i++ {
		if w := c.lower(i); w == "symbol" || w == "symbols" {
			maskSymbol(c, mask, i+1)
			continue
		}
		if c.toks[i].Text != "<" {
			continue
		}
		j, ok := i+1, false
		for ; j < len(c.toks) && j <= i+4; j++ {
			t := c.toks[j]
			if t.Start != c.toks[j-1].End {
				break // a space: a name, or no bracket of a symbol
			}
			if t.Text == ">" {
				break
			}
			ok = ok || hasLetter(t.Text)
			if strings.ToUpper(t.Text) != t.Text {
				ok = false
				break
			}
		}
		if ok && j < len(c.toks) && j > i+1 && c.toks[j].Text == ">" && c.toks[j].Start == c.toks[j-1].End {
			for k := i; k <= j; k++ {
				mask[k] = true
			}
			i = j
		}
	}
}

// maskSymbol marks the stock symbol written after "symbol" at token i,
// in quotation marks or not ('trading under the symbol "UNO."'): one
// word of up to six capitals. Read as a name, "UNOS" joined a pizza
// chain to the United Nations.
func maskSymbol(c *chunk, mask []bool, i int) {
	if t := c.tokText(i); t == "\"" || t == "“" || t == "'" {
		i++
	}
	t := strings.TrimSuffix(c.tokText(i), ".")
	if len(t) == 0 || len(t) > 6 || strings.ToUpper(t) != t || !hasLetter(t) {
		return
	}
	mask[i] = true
}

// definesAcronym reports whether short, in parentheses at open, spells
// the initials of the capitalized words just before them on the line: an
// agency's acronym ("Environmental Protection Agency (EPA)", "Pakistan
// Tehreek-e-Insaf (PTI)"), not a wire credit.
func definesAcronym(c *chunk, open int, short string) bool {
	short = strings.ToUpper(short)
	if len(short) < 2 {
		return false
	}
	var initials []byte
	for j := open - 1; j >= 0 && j >= open-12 && len(initials) < len(short) && !c.toks[j+1].NewlineBefore; j-- {
		t := c.toks[j].Text
		if isCap(t) && hasLetter(t) {
			parts := strings.Split(t, "-") // "Tehreek-e-Insaf" gives T and I
			for k := len(parts) - 1; k >= 0; k-- {
				if isCap(parts[k]) {
					initials = append(initials, parts[k][0])
				}
			}
			continue
		}
		// Hyphens, "of", "and" and the "e" of "Tehreek-e-Insaf" join
		// the words of a name; a possessive may end it ("the
		// Environmental Protection Agency's (EPA) reasoning").
		if !isDash(t) && !acronymJoiners[c.lower(j)] && !(len(t) == 1 && hasLetter(t)) && !(j >= open-2 && (isPossessive(t) || t == "’")) {
			break
		}
	}
	slices.Reverse(initials)
	return strings.ToUpper(string(initials)) == short
}

// acronymJoiners are the lower-case words that an acronym skips.
var acronymJoiners = set("of", "and", "for", "the", "on", "de", "del", "la", "e", "&")

// maskLinks marks the tokens of web addresses and e-mail addresses: a run
// of tokens with no space between them that holds "://", "www." or "@"
// ("https://www.tehrantimes.com/news/…/Oman-navy-chief-hails-…").
func maskLinks(c *chunk, mask []bool) {
	for i := 0; i < len(c.toks); {
		j := i + 1
		for j < len(c.toks) && c.toks[j].Start == c.toks[j-1].End {
			j++
		}
		if j-i > 1 || strings.Contains(c.tokText(i), "://") {
			if isAddress(c.rawText(i, j)) {
				for k := i; k < j; k++ {
					mask[k] = true
				}
			}
		}
		i = j
	}
}

// isAddress reports whether a run of text with no space is a web or
// e-mail address: "https://…", "www.…", "oman-news.com/…", "bob@example.com"
// (not "@Reuters.Oman", a handle glued to the next sentence).
func isAddress(w string) bool {
	lw := strings.ToLower(w)
	if strings.Contains(lw, "://") || strings.HasPrefix(lw, "www.") {
		return true
	}
	for _, tld := range []string{".com/", ".org/", ".net/", ".gov/", ".edu/", ".co.uk/", ".info/"} {
		if strings.Contains(lw, tld) {
			return true
		}
	}
	at := strings.IndexByte(w, '@')
	dot := strings.LastIndexByte(w, '.')
	if at <= 0 || dot < at || dot == len(w)-1 {
		return false
	}
	for _, r := range w[dot+1:] {
		if r < 'a' || r > 'z' {
			return false // a domain ends in lower case
		}
	}
	return true
}

// creditAhead reports whether a caption word at i introduces a credit: a
// colon or the word "credit" follows on the same line.
func creditAhead(c *chunk, i int) bool {
	for j := i + 1; j < len(c.toks) && j <= i+3 && !c.toks[j].NewlineBefore; j++ {
		switch c.lower(j) {
		case ":", "credit", "credits", "credit:":
			return true
		}
	}
	return false
}
