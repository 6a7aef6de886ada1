package schema

import "testing"

func TestSentenceAt(t *testing.T) {
	const text = "Sochi: Putin met Assad. “We talked,” he said. Then he left!\nNew paragraph here. " +
		"U.S. officials met Mr. Lavrov and Gen. J. Smith in Washington. Is it over? Yes."
	tests := []struct {
		name, span, want string
	}{
		{"First", "Putin", "Sochi: Putin met Assad."},
		{"QuoteClosesSentence", "talked", "“We talked,” he said."},
		{"Exclamation", "left", "Then he left!"},
		{"Paragraph", "paragraph", "New paragraph here."},
		{"Abbreviations", "Lavrov", "U.S. officials met Mr. Lavrov and Gen. J. Smith in Washington."},
		{"Question", "over", "Is it over?"},
		{"Last", "Yes", "Yes."},
		{"SpanCrossesBoundary", "Assad. “We", "Sochi: Putin met Assad. “We talked,” he said."},
	}
	r := []rune(text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := -1
			span := []rune(tt.span)
			for i := 0; i+len(span) <= len(r); i++ {
				if string(r[i:i+len(span)]) == tt.span {
					start = i
					break
				}
			}
			if got := sentenceAt(r, start, start+len(span), "?"); got != tt.want {
				t.Errorf("sentenceAt(%q) = %q, want %q", tt.span, got, tt.want)
			}
			if s, e, ok := sentenceSpan(r, start, start+len(span)); !ok || string(r[s:e]) != tt.want {
				t.Errorf("sentenceSpan(%q) = [%d,%d) %q, want %q", tt.span, s, e, string(r[s:e]), tt.want)
			}
		})
	}
	if got := sentenceAt(r, 5, 500, "fallback"); got != "fallback" {
		t.Errorf("offsets past the end: %q", got)
	}
}
