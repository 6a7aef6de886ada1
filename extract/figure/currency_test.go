package figure

import "testing"

// TestCurrencies reads amounts in the currencies of ISO 4217, the
// newswire abbreviations and the currency names of currency.go, and
// leaves the words and models they resemble alone.
func TestCurrencies(t *testing.T) {
	tests := []findCase{
		{"ISOBefore", "The bank lent EGP 500 million to farmers.", []string{"5e+08 money EGP [EGP 500 million]"}},
		{"ISOAfter", "Sales reached 40 million BRL last year.", []string{"4e+07 money BRL [40 million BRL]"}},
		{"ISOHistoric", "The fund held DEM 3.5 billion.", []string{"3.5e+09 money DEM [DEM 3.5 billion]"}},
		{"ISOLowercaseIsNoCode", "The mzn 500 form was filed.", nil},
		{"ISOWordTop", "TOP 10 ranked players met.", nil},
		{"SaudiJoined", "Spending rose from SR12 billion to SR15 billion.", []string{"1.2e+10 money SAR [SR12 billion]", "1.5e+10 money SAR [SR15 billion]"}},
		{"KuwaitiSpaced", "The contract is worth KD 45 million.", []string{"4.5e+07 money KWD [KD 45 million]"}},
		{"JordanianHyphen", "It signed a JD40-million deal.", []string{"4e+07 money JOD [JD40-million]"}},
		{"EgyptianLE", "The budget allots LE 3 billion to bread.", []string{"3e+09 money EGP [LE 3 billion]"}},
		{"EgyptianDotted", "Tickets cost L.E. 50 each.", []string{"50 money EGP [L.E. 50]"}},
		{"OmaniRial", "The port cost RO 120 million.", []string{"1.2e+08 money OMR [RO 120 million]"}},
		{"ShekelCode", "The fine was NIS 4,000.", []string{"4000 money ILS [NIS 4,000]"}},
		{"PeruSoles", "Lima will spend S/250 million on roads.", []string{"2.5e+08 money PEN [S/250 million]"}},
		{"SolesName", "The fine is 3,000 soles.", []string{"3000 money PEN [3,000 soles]"}},
		{"Colones", "A permit costs 12,000 colones.", []string{"12000 money CRC [12,000 colones]"}},
		{"Quetzales", "Wages rose to 3,100 quetzales a month.", []string{"3100 money GTQ [3,100 quetzales]"}},
		{"Reais", "Petrobras earned 10 billion reais.", []string{"1e+10 money BRL [10 billion reais]"}},
		{"Hryvnias", "Kyiv raised 2 billion hryvnias.", []string{"2e+09 money UAH [2 billion hryvnias]"}},
		{"NairaSymbol", "Fuel costs ₦617 a litre.", []string{"617 money NGN [₦617]"}},
		{"PesoSymbol", "Rice sells at ₱45 a kilo.", []string{"45 money PHP [₱45]"}},
		{"BrazilDollarSign", "Lula pledged R$ 50 billion.", []string{"5e+10 money BRL [R$ 50 billion]"}},
		{"BillionsOfDollars", "Donors pledged billions of dollars.", []string{"2e+09-9.999999999e+09 money USD [billions of dollars]"}},
		{"ThousandsOfPoundsOf", "Thousands of pounds of rice rotted.", nil},
		{"SaudiSenior", "Sr 12 said the plan had failed.", nil},
		{"DirhamPlain", "Speeding costs Dh600.", []string{"600 money AED [Dh600]"}},
		{"SpacedThousands", "Bail was set at N$12 500 for each.", []string{"12500 money NAD [N$12 500]"}},
		{"SpacedMillions", "The tender is worth R1 250 000.", []string{"1.25e+06 money ZAR [R1 250 000]"}},
		{"SpacedNotAfterSign", "The 12 500 tickets sold out.", nil},
		{"KoreanWon", "Sales hit 3 trillion Korean won.", []string{"3e+12 money KRW [3 trillion Korean won]"}},
		{"USDollars", "It earned 40 million US dollars.", []string{"4e+07 money USD [40 million US dollars]"}},
		{"Worth", "Each may buy US$20,000-worth of bonds.", []string{"20000 money USD [US$20,000-worth]"}},
	}
	checkFinds(t, tests)
}
