// Currencies beyond the few that Reuters and the BBC write: ISO 4217 codes,
// the abbreviations that newswires of the Gulf, Egypt, Jordan and Peru put
// before an amount ("SR24 million", "KD 890", "LE 22 billion", "S/479
// million"), and the names of currencies after it ("2,500 colones").
// SOURCES.md says where each table comes from.

package figure

import "golang.org/x/text/currency"

// isoCode returns the ISO 4217 code w spells, lowercased as the tokens
// hold it, if w was written in capitals ("EGP", "PEN"): the table is
// CLDR's (golang.org/x/text/currency), with the codes of the past that old
// news still writes ("DEM", "FRF"). Codes that are also English words or
// common acronyms ("ALL", "TOP", "PEN", "COP" of the climate conferences)
// are left out: in capitals before a number they are headlines more often
// than money.
func isoCode(t tok) (string, bool) {
	if !t.caps || len(t.lower) != 3 || isoWords[t.lower] {
		return "", false
	}
	u, err := currency.ParseISO(t.lower)
	if err != nil || u == (currency.Unit{}) {
		return "", false
	}
	return u.String(), true
}

// isoWords are ISO 4217 codes that read as words or acronyms in capitals.
var isoWords = map[string]bool{
	"all": true, "amd": true, "arm": true, "bad": true, "bam": true, "ban": true, "bel": true, "bob": true,
	"bop": true, "cop": true, "cup": true, "esa": true, "gel": true, "mad": true, "maf": true, "mop": true,
	"pen": true, "pes": true, "sit": true, "sos": true, "sur": true, "top": true, "try": true, "uss": true,
	"xxx": true, "xts": true, "tpe": true, "usn": true, "mtp": true, "std": true, "srg": true, "xdr": true,
}

// newswireCodes are currency abbreviations that are no ISO codes, written
// before the number, spaced or joined: "SR24 million", "KD 890", "JD105
// million", "LE 22 billion", "L.E. 5", "RO 12 million", "NIS 400".
var newswireCodes = map[string]string{
	"sr": "SAR", "kd": "KWD", "bd": "BHD", "qr": "QAR", "jd": "JOD", "ro": "OMR", "le": "EGP",
	"l.e": "EGP", "nis": "ILS", "dh": "AED", "dhs": "AED", "yr": "YER", "ld": "LYD", "td": "TND",
}

// newswireCapsOnly are the newswire codes that stand for money only when
// written in capitals, being words or names otherwise ("le", "Ro", "Sr").
var newswireCapsOnly = map[string]bool{
	"le": true, "ro": true, "yr": true, "ld": true, "td": true, "sr": true, "jd": true, "bd": true, "nis": true,
}

// newswirePrefix reads the newswire abbreviation t ("SR", "L.E.") before
// a number.
func newswirePrefix(t tok) (string, bool) {
	w := trimDot(t.lower)
	c, ok := newswireCodes[w]
	if !ok || newswireCapsOnly[w] && !t.caps {
		return "", false
	}
	return c, true
}

// currencyNames are currencies named after the number, as ISO 4217 names
// them and English news writes them in the singular and plural: "2,500
// colones", "479 million soles", "a 100-lempira note". Names that are
// also common words or peoples are left out ("real", "sol", "afghanis").
var currencyNames = map[string]string{
	"colones": "CRC", "colón": "CRC", "soles": "PEN", "bolivianos": "BOB", "boliviano": "BOB",
	"quetzales": "GTQ", "quetzals": "GTQ", "quetzal": "GTQ", "lempiras": "HNL", "lempira": "HNL",
	"córdobas": "NIO", "cordobas": "NIO", "córdoba": "NIO", "guaraníes": "PYG", "guaranis": "PYG",
	"guaraní": "PYG", "reais": "BRL", "bolívares": "VES", "bolivares": "VES", "bolívar": "VES", "bolivar": "VES",
	"gourdes": "HTG", "balboas": "PAB", "dinar": "IQD", "riyal": "SAR", "rial": "IRR", "rials": "IRR",
	"dirham": "AED", "shekels": "ILS", "shekel": "ILS", "kwanza": "AOA", "leones": "SLL", "leone": "SLL",
	"shilling": "KES", "kyats": "MMK", "kyat": "MMK", "riels": "KHR", "riel": "KHR", "tenge": "KZT",
	"manats": "AZN", "manat": "AZN", "laris": "GEL", "lari": "GEL", "hryvnias": "UAH", "hryvnia": "UAH",
	"hryvnia's": "UAH", "zloty": "PLN", "korunas": "CZK", "koruna": "CZK", "forint": "HUF", "lei": "RON",
	"leva": "BGN", "kunas": "HRK", "kuna": "HRK", "denars": "MKD", "tugriks": "MNT", "ngultrum": "BTN",
	"rufiyaa": "MVR", "nakfa": "ERN", "ouguiyas": "MRU", "ouguiya": "MRU", "dalasis": "GMD", "dalasi": "GMD",
	"ariary": "MGA", "pula": "BWP", "emalangeni": "SZL", "maloti": "LSL", "kina": "PGK", "krona": "SEK",
	"kronur": "ISK", "krone": "NOK", "liras": "TRY", "dong": "VND",
	"rupiahs": "IDR", "ringgits": "MYR", "somoni": "TJS",
}
