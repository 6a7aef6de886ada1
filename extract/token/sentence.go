package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a run of tokens, toks[First:Last]; Start and End are its
// code-point span in the text.
type Sentence struct {
	First, Last int // token indexes, Last exclusive
	Start, End  int // code points
}

// Sentences groups tokens into sentences. A sentence ends at a terminal
// mark (. ! ?, with any closing quotes or brackets after it) before a token
// that can start a sentence, at a blank line or indented paragraph start,
// and at a line break after a line that reads as a headline, caption or
// dateline. Line breaks inside hard-wrapped wire copy do not end sentences.
func Sentences(text string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	lineStart := 0 // token index where the current line began
	flush := func(last int) {
		if last > first {
			out = append(out, Sentence{First: first, Last: last, Start: toks[first].Start, End: toks[last-1].End})
		}
		first = last
	}
	for i := range toks {
		t := toks[i]
		if i > first {
			switch {
			case t.BlankLineBefore:
				flush(i)
			case t.NewlineBefore && lineBreakEnds(toks, lineStart, i):
				flush(i)
			case endsWithTerminal(toks, first, i) && canStart(t) && !spacedInitial(toks, first, i) && !closesQuote(toks, i):
				flush(i)
			}
		}
		if t.NewlineBefore || i == 0 {
			lineStart = i
		}
	}
	flush(len(toks))
	return out
}

// endsWithTerminal reports whether the tokens before i end in a terminal
// mark, possibly followed by closing quotes or brackets.
func endsWithTerminal(toks []Token, first, i int) bool {
	for j := i - 1; j >= first; j-- {
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		switch {
		case isCloser(r):
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			return true
		}
		return false
	}
	return false
}

// spacedInitial reports whether the tokens before i end in a capital letter
// and a period written apart, "G ." or "U . S .": initials in text that was
// tokenized once already (as corpora such as En-Worldwide ship it), which
// must not end the sentence inside a name.
func spacedInitial(toks []Token, first, i int) bool {
	if i-2 < first || toks[i-1].Text != "." {
		return false
	}
	r, n := utf8.DecodeRuneInString(toks[i-2].Text)
	return n == len(toks[i-2].Text) && unicode.IsUpper(r)
}

func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '\'', ')', ']', '»':
		return true
	}
	return false
}

// closesQuote reports whether toks[i] is a straight quote written right
// after the previous token, so that it closes a quotation ("budget." The)
// rather than opening one.
func closesQuote(toks []Token, i int) bool {
	t := toks[i]
	return (t.Text == "\"" || t.Text == "'") && t.Start == toks[i-1].End
}

// canStart reports whether t can begin a sentence.
func canStart(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '['
}

// lineBreakEnds decides whether the line break before toks[i] ends the
// sentence begun on the line starting at toks[lineStart].
func lineBreakEnds(toks []Token, lineStart, i int) bool {
	prev := toks[i-1]
	if endsWithTerminal(toks, lineStart, i) || prev.Text == ":" {
		return true
	}
	if !canStart(toks[i]) || designatorAfterName(toks, i) {
		return false
	}
	// A short line that does not end in punctuation is a headline, a
	// caption or a dateline; a long one is hard-wrapped prose.
	width := toks[i-1].End - toks[lineStart].Start
	return width < 50 && !wrapsLead(toks, lineStart, i)
}

// wrapsLead reports whether the line from toks[lineStart] to the break
// before toks[i] is the short first line of a hard-wrapped paragraph:
// Reuters-21578 leaves the rest of a line whose dateline it took off
// ("The vice president of the New York Stock⏎Exchange, Richard
// Torenzano, said"). It follows a blank line but is not the text's first
// (a headline), and the line after it is at least MinWrapWidth wide and
// goes on without a blank line.
func wrapsLead(toks []Token, lineStart, i int) bool {
	if lineStart == 0 || !toks[lineStart].BlankLineBefore {
		return false
	}
	j := i + 1
	for j < len(toks) && !toks[j].NewlineBefore {
		j++
	}
	return j < len(toks) && !toks[j].BlankLineBefore && toks[j-1].End-toks[i].Start >= MinWrapWidth
}

// MinWrapWidth is the shortest line, in code points, that SoftBreak takes
// for hard-wrapped prose; shorter lines are headlines, captions and
// datelines.
const MinWrapWidth = 50

// SoftBreak reports whether the line break before toks[i] wraps a line of
// prose, as wire copy is wrapped at 60 to 80 characters, rather than ending
// a line of its own: no blank line comes between, the line before is not
// the text's first (a headline), is at least MinWrapWidth code points
// wide, and ends in a word. Whether both
// lines are in one sentence is for the caller to check.
func SoftBreak(toks []Token, i int) bool {
	if i <= 0 || i >= len(toks) || !toks[i].NewlineBefore || toks[i].BlankLineBefore {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(toks[i-1].Text)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !dottedAbbrev(toks[i-1].Text) {
		return false
	}
	if designatorAfterName(toks, i) {
		return true
	}
	k := i - 1
	for k > 0 && !toks[k].NewlineBefore {
		k--
	}
	// The first line of a text is most often its headline, which may
	// run long without punctuation ("Kerry to visit Moscow for talks
	// with Russian leader Vladimir Putin").
	return k > 0 && (toks[i-1].End-toks[k].Start >= MinWrapWidth || wrapsLead(toks, k, i))
}

// dottedAbbrev reports whether a word is an abbreviation with periods
// inside it, "U.S." or "U.K.", which ends a line of wire copy inside a
// name ("the U.S.⏎Agriculture Department") as a word does.
func dottedAbbrev(w string) bool {
	body, ok := strings.CutSuffix(w, ".")
	return ok && strings.Contains(body, ".") && !strings.Contains(body, "..")
}

// Pretokenized reports whether most punctuation marks and clitics (",",
// ".", brackets, ":", "'s", "n't") stand apart from the words they belong
// to, as in text that was tokenized once
// already and written a sentence per line (as corpora such as CoNLL-2003
// ship it: "Smith , 42 , said ."). There a line break always ends a
// sentence.
func Pretokenized(toks []Token) bool {
	spaced, marks := 0, 0
	for i := 1; i < len(toks); i++ {
		switch toks[i].Text {
		case ",", ".", ")", ":", ";", "'s", "n't":
			// After a number, only a mark set apart counts: "1." and
			// "4:30" are numbers.
			apart := toks[i].Start > toks[i-1].End
			if !apart && !hasLetter(toks[i-1].Text) {
				continue
			}
			marks++
			if apart {
				spaced++
			}
		case "(":
			if i+1 == len(toks) {
				continue
			}
			marks++
			if toks[i+1].Start > toks[i].End {
				spaced++
			}
		}
	}
	return marks >= 1 && spaced*5 >= marks*4
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// designatorAfterName reports whether toks[i] is a company's designator
// ("Inc", "Corp") after a capitalized word: "BP North America\nInc said"
// carries the name across the line, however short the line before.
func designatorAfterName(toks []Token, i int) bool {
	if i <= 0 || i >= len(toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i-1].Text)
	if !unicode.IsUpper(r) {
		return false
	}
	switch strings.TrimSuffix(strings.ToLower(toks[i].Text), ".") {
	case "inc", "corp", "co", "ltd", "plc", "llc":
		return true
	}
	return false
}
