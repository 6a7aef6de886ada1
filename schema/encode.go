package schema

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/factgraph/factgraph/internal/jsonstr"
)

// appendValue appends the JSON encoding of a graphql-go result value to b.
// Results are trees of map[string]any, []any and scalars; encoding them by
// hand is several times faster than encoding/json's reflection, which
// matters because a response is encoded on every request. Object keys are
// sorted, as encoding/json sorts them. Anything unexpected falls back to
// encoding/json.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendString(b, v)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int32:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float64:
		return appendFloat(b, v)
	case float32:
		return appendFloat(b, float64(v))
	case map[string]any:
		// Objects have a few fields: sort their keys in a buffer on the
		// stack rather than a slice on the heap.
		var buf [16]string
		keys := buf[:0]
		for k := range v {
			keys = append(keys, k)
		}
		sortKeys(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendValue(b, v[k])
		}
		return append(b, '}')
	case *object:
		return appendObject(b, v)
	case *string:
		if v == nil {
			return append(b, "null"...)
		}
		return appendString(b, *v)
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, x)
		}
		return append(b, ']')
	}
	j, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, j...)
}

// sortKeys sorts a few keys by insertion, which needs no allocation (and
// beats slices.Sort on the handful of fields an object has).
func sortKeys(keys []string) {
	if len(keys) > 12 {
		slices.Sort(keys)
		return
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

// appendFloat formats f as encoding/json does; NaN and infinities, which
// JSON cannot represent, become null.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Turn e-09 into e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString appends s as a JSON string; see jsonstr for the escapes.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = jsonstr.Append(b, s)
	return append(b, '"')
}
