package export

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendLiteral appends s as the inside of an N-Triples STRING_LITERAL_QUOTE,
// which is also the inside of a JSON string: quote, backslash, line feed,
// carriage return and tab get their two-character escapes, every other
// control character a \u escape, and the rest stays UTF-8. Only escapes
// that Go's strconv.Unquote also reads are used, since Dgraph's loaders
// unquote literals with it. Invalid UTF-8 becomes U+FFFD.
func appendLiteral(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			i++
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		i++
		start = i
	}
	return append(b, s[start:]...)
}

func appendInt(b []byte, v int64) []byte {
	return strconv.AppendInt(b, v, 10)
}

// appendDouble appends v in a lexical form that xsd:double, JSON-LD and
// Dgraph all read back to the same value.
func appendDouble(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "INF"...)
	case math.IsInf(v, -1):
		return append(b, "-INF"...)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}
