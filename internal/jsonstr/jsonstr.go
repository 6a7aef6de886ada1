// Package jsonstr escapes strings for the inside of a JSON string, the one
// escaping that the GraphQL responses of schema and the N-Triples, N-Quads,
// JSON-LD and GraphML dumps of export share.
//
// The escapes are those that encoding/json, N-Triples' STRING_LITERAL_QUOTE
// and Go's strconv.Unquote all read (Dgraph's loaders unquote literals with
// strconv.Unquote): quote, backslash, line feed, carriage return and tab get
// their two-character escapes, every other control character and U+2028,
// U+2029 (which JavaScript reads as line ends) a \u escape, and invalid UTF-8
// the escape of U+FFFD. Everything else stays UTF-8, so that names read the
// same in a viewer, without the HTML escapes of encoding/json.
package jsonstr

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// Append appends s escaped, without the surrounding quotes, to b.
func Append(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
