package schema

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
)

func TestQuoteSubject(t *testing.T) {
	// Each sentence marks its entity mentions [like this] and the quote's
	// opening with “; types by name.
	types := map[string]graph.EntityType{
		"Assad": graph.Person, "Hague": graph.Person, "BBC Sport": graph.Organization, "Brad Adams": graph.Person,
		"Human Rights Watch": graph.Organization, "Franz Ferdinand": graph.Organization, "Kremlin": graph.Organization,
		"Dmitry Peskov": graph.Person, "Germany": graph.Place, "Angela Merkel": graph.Person, "Europe": graph.Place,
		"Thursday": graph.Date, "the Times": graph.Organization,
	}
	tests := []struct {
		name, sentence, speaker, want string
	}{
		{"OK", "[Assad]'s regime is “on the brink of collapse”, [Hague] said.", "Hague", "Assad"},
		{"PersonFirst", "[Germany]'s Chancellor [Angela Merkel] will “meet Putin”.", "", "Angela Merkel"},
		{"PlaceFallback", "The prime minister urged [Europe] to “build anew”.", "", "Europe"},
		{"NoDates", "On [Thursday] the band [Franz Ferdinand]'s album sounded “natural”.", "", "Franz Ferdinand"},
		{"Speaker", "[Kremlin] spokesperson [Dmitry Peskov] said “there were talks”.", "Dmitry Peskov", ""},
		{"Told", "He told [BBC Sport]: “We made hard work of it.”", "", ""},
		{"ToldThe", "He told [the Times] that “it was bad”.", "", ""},
		{"Speaks", "[Brad Adams], from [Human Rights Watch], said: “This is huge.”", "Hague", ""},
		{"None", "“We will not give up,” [Hague] said.", "", ""},
		{"Calling", "[the Times] welcomed the news, calling it “a gift”.", "Hague", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plain strings.Builder
			var before []graph.Mention
			quote := -1
			s := tt.sentence
			for len(s) > 0 {
				r, n := utf8.DecodeRuneInString(s)
				switch r {
				case '[':
					end := strings.IndexByte(s, ']')
					name := s[1:end]
					at := utf8.RuneCountInString(plain.String())
					before = append(before, graph.Mention{Entity: name, Start: at, End: at + utf8.RuneCountInString(name)})
					plain.WriteString(name)
					s = s[end+1:]
					continue
				case '“':
					if quote < 0 {
						quote = utf8.RuneCountInString(plain.String())
					}
				}
				plain.WriteRune(r)
				s = s[n:]
			}
			var kept []graph.Mention
			for _, m := range before {
				if m.End <= quote {
					kept = append(kept, m)
				}
			}
			got := quoteSubject([]rune(plain.String()), kept, quote, tt.speaker, func(id string) graph.EntityType { return types[id] })
			if got != tt.want {
				t.Errorf("%s: subject %q, want %q", plain.String(), got, tt.want)
			}
		})
	}
}
