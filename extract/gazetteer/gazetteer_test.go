package gazetteer_test

import (
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/gazetteer"
)

func mustDefault(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestBest(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, in string
		prefer   []string
		want     string // name
		kind     gazetteer.Kind
		cc       string
	}{
		{"Country", "Syria", nil, "Syria", gazetteer.Country, "SY"},
		{"CountryAlias", "U.S.", nil, "United States", gazetteer.Country, "US"},
		{"Britain", "Britain", nil, "United Kingdom", gazetteer.Country, "GB"},
		{"City", "Sochi", nil, "Sochi", gazetteer.City, "RU"},
		{"CaseAndDiacritics", "ZURICH", nil, "Zürich", gazetteer.City, "CH"},
		{"CountryBeatsState", "Georgia", nil, "Georgia", gazetteer.Country, "GE"},
		{"Population", "Paris", nil, "Paris", gazetteer.City, "FR"},
		{"PreferDocumentCountry", "Birmingham", []string{"US"}, "Birmingham", gazetteer.City, "US"},
		{"PreferDocumentCountryOrder", "Birmingham", []string{"US", "GB"}, "Birmingham", gazetteer.City, "GB"},
		{"CapitalBeatsPreferred", "Paris", []string{"US"}, "Paris", gazetteer.City, "FR"},
		{"CapitalBeatsPreferredSmall", "Amsterdam", []string{"US"}, "Amsterdam", gazetteer.City, "NL"},
		{"PopulousBeatsPreferred", "Melbourne", []string{"US"}, "Melbourne", gazetteer.City, "AU"},
		{"SeatBeatsPreferred", "Venice", []string{"US"}, "Venice", gazetteer.City, "IT"},
		{"SeatBeatsPreferredGeneva", "Geneva", []string{"US"}, "Geneva", gazetteer.City, "CH"},
		{"SeatBeatsPreferredBoston", "Boston", []string{"GB"}, "Boston", gazetteer.City, "US"},
		{"Capital", "Tripoli", nil, "Tripoli", gazetteer.City, "LY"},
		{"StateAbbreviation", "Calif.", nil, "California", gazetteer.Region, "US"},
		{"StateAbbreviationDotted", "N.J.", nil, "New Jersey", gazetteer.Region, "US"},
		{"RegionAlias", "Krasnodar Krai", nil, "Krasnodar Krai", gazetteer.Region, "RU"},
		{"CodeInCapitals", "BRA", nil, "Brazil", gazetteer.Country, "BR"},
		{"CodeNotInCapitals", "Bra", nil, "Bra", gazetteer.City, "IT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Best(tt.in, tt.prefer...)
			if !ok {
				t.Fatalf("Best(%q) found nothing", tt.in)
			}
			if p.Name != tt.want || p.Kind != tt.kind || p.CountryCode != tt.cc {
				t.Errorf("Best(%q) = %s %s %s, want %s %s %s", tt.in, p.Name, p.Kind, p.CountryCode, tt.want, tt.kind, tt.cc)
			}
		})
	}
	t.Run("Unknown", func(t *testing.T) {
		if p, ok := g.Best("Qwzxv"); ok {
			t.Errorf("Best(Qwzxv) = %v", p)
		}
	})
}

func TestContainment(t *testing.T) {
	g := mustDefault(t)
	sochi, _ := g.Best("Sochi")
	russia, _ := g.Best("Russia")
	syria, _ := g.Best("Syria")
	if !g.Within(sochi, russia) || g.Within(sochi, syria) {
		t.Errorf("Sochi containers = %v", g.Containers(sochi))
	}
	if r, ok := g.Region(sochi); !ok || r.Name != "Krasnodar Krai" {
		t.Errorf("Region(Sochi) = %v, %v", r, ok)
	}
	for _, l := range g.Lookup("Latakia") {
		if !g.Within(l, syria) {
			t.Errorf("%s %s not within Syria", l.Name, l.Kind)
		}
	}
	if pt := sochi.GeoPoint(); pt.CountryCode != "RU" || pt.Lat < 43.5 || pt.Lat > 43.7 || pt.Lon < 39.6 || pt.Lon > 39.8 {
		t.Errorf("Sochi at %+v", pt)
	}
	if len(g.Containers(russia)) != 0 {
		t.Errorf("a country has containers: %v", g.Containers(russia))
	}
}

func TestDemonym(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ in, want string }{
		{"Russian", "Russia"}, {"German", "Germany"}, {"Syrian", "Syria"},
		{"Afghan", "Afghanistan"}, {"American", "United States"}, {"British", "United Kingdom"},
		{"Scottish", "Scotland"}, {"Welsh", "Wales"}, {"English", "England"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, ok := g.Demonym(tt.in)
			if !ok || p.Name != tt.want {
				t.Errorf("Demonym(%q) = %v, %v; want %s", tt.in, p, ok, tt.want)
			}
		})
	}
	if _, ok := g.Demonym("Table"); ok {
		t.Error("Demonym(Table) found a country")
	}
}

func TestIsCountryName(t *testing.T) {
	g := mustDefault(t)
	for in, want := range map[string]bool{"Syria": true, "SYRIA": true, "U.S.": true, "Sochi": false, "Russian": false} {
		if got := g.IsCountryName(in); got != want {
			t.Errorf("IsCountryName(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestCodesOnlyInCapitals checks that a country code names the country
// only when written in capitals: "the Mac mini" names no Macau.
func TestCodesOnlyInCapitals(t *testing.T) {
	g := mustDefault(t)
	for _, name := range []string{"Mac", "mac"} {
		for _, p := range g.Lookup(name) {
			if p.Kind == gazetteer.Country {
				t.Errorf("Lookup(%q) has the country %s", name, p.Name)
			}
		}
		if g.IsCountryName(name) {
			t.Errorf("IsCountryName(%q) = true", name)
		}
	}
	if p, ok := g.Best("MAC"); !ok || p.CountryCode != "MO" {
		t.Errorf("Best(MAC) = %+v, want Macau", p)
	}
	if !g.IsCountryName("UK") || !g.Known("USA") {
		t.Errorf("UK or USA not known")
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := gazetteer.Parse([]byte("not gzip")); err == nil {
		t.Error("Parse accepted non-gzip input")
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	g, err := gazetteer.Parse(gazetteer.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 20000 {
		t.Errorf("only %d places", g.Len())
	}
	t.Logf("parsed %d places in %v", g.Len(), time.Since(start))
}
