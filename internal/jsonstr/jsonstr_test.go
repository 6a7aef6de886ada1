package jsonstr

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestAppend checks the exact escapes, and that encoding/json and
// strconv.Unquote both read them back to s (invalid UTF-8 to U+FFFD).
func TestAppend(t *testing.T) {
	tests := []struct {
		name, s, want string
	}{
		{"Plain", "plain", "plain"},
		{"Empty", "", ""},
		{"Escapes", "q\" b\\ n\n r\r t\t", `q\" b\\ n\n r\r t\t`},
		{"Controls", "nul \x00 bell \x07 us \x1f del \x7f", `nul \u0000 bell \u0007 us \u001f del ` + "\x7f"},
		{"Unicode", "“Zürich” — 北京 😀", "“Zürich” — 北京 😀"},
		{"HTML", "<b>&</b>", "<b>&</b>"},
		{"Separators", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"InvalidUTF8", "bad \xff byte", `bad \ufffd byte`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Append([]byte("x"), tt.s))
			if got != "x"+tt.want {
				t.Fatalf("Append(%q) = %q, want %q", tt.s, got[1:], tt.want)
			}
			back := strings.ToValidUTF8(tt.s, "\uFFFD")
			var fromJSON string
			if err := json.Unmarshal([]byte(`"`+tt.want+`"`), &fromJSON); err != nil || fromJSON != back {
				t.Errorf("encoding/json reads %q (%v), want %q", fromJSON, err, back)
			}
			if fromGo, err := strconv.Unquote(`"` + tt.want + `"`); err != nil || fromGo != back {
				t.Errorf("strconv.Unquote reads %q (%v), want %q", fromGo, err, back)
			}
		})
	}
}
