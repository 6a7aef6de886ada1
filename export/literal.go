package export

import (
	"math"
	"strconv"
)

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
