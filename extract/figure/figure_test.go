package figure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/token"

	"github.com/factgraph/factgraph/internal/testenv"
)

// find runs Find over text.
func find(text string) []Figure {
	toks := token.Tokenize(text)
	return Find(text, toks, token.Sentences(text, toks))
}

// describe renders a figure compactly for comparison.
func describe(f Figure) string {
	var b strings.Builder
	switch {
	case f.Value != nil:
		fmt.Fprintf(&b, "%g", *f.Value)
	case f.Low != nil && f.High != nil:
		fmt.Fprintf(&b, "%g-%g", *f.Low, *f.High)
	}
	b.WriteString(" " + f.Measure)
	if f.Currency != "" {
		b.WriteString(" " + f.Currency)
	}
	if f.Qualifier != "" {
		b.WriteString(" q=" + f.Qualifier)
	}
	if f.Counted != "" {
		b.WriteString(" c=" + f.Counted)
	}
	b.WriteString(" [" + f.Text + "]")
	return b.String()
}

// findCase is a sentence and the figures Find should read in it, as
// describe renders them.
type findCase struct {
	name, in string
	want     []string
}

// checkFinds runs Find over each case as a subtest.
func checkFinds(t *testing.T, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range find(tt.in) {
				got = append(got, describe(f))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	tests := []findCase{
		{"DeathToll", "The death toll has risen to 44.", []string{"44 killed [44]"}},
		{"LeftDead", "The blast left at least 355 dead.", []string{"355 killed q=at least [at least 355 dead]"}},
		{"WordNumber", "Two members of my group died.", []string{"2 killed c=members [Two members]"}},
		{"TwoFigures", "Thirteen inmates were killed and two others injured.", []string{"13 killed c=inmates [Thirteen inmates]", "2 injured c=inmates [two others]"}},
		{"Displaced", "Some 14,000 people displaced by the floods.", []string{"14000 displaced q=some c=people [Some 14,000 people]"}},
		{"Seed", "More than 450,000 people have been killed and 11 million have been displaced from their homes during the course of the war.",
			[]string{"450000 killed q=more than c=people [More than 450,000 people]", "1.1e+07 displaced c=people [11 million]"}},
		{"Dozen", "A dozen soldiers were wounded.", []string{"12 injured c=soldiers [A dozen soldiers]"}},
		{"KillingAll", "The plane crashed, killing all 120 people on board.", []string{"120 killed c=people [120 people]"}},
		{"KillingThe", "Gunmen attacked the convoy, killing the 12 guards.", []string{"12 killed c=guards [12 guards]"}},
		{"FrozenToDeath", "Four climbers were frozen to death on the ridge.", []string{"4 killed c=climbers [Four climbers]"}},
		{"RangingFrom", "Yields are ranging from 3.5 to 4.25 pct.", []string{"3.5-4.25 percent [3.5 to 4.25 pct]"}},
		{"JoinedPercent", "It owns a 40-pct stake.", []string{"40 percent [40-pct]"}},
		{"JoinedCurrency", "It paid a 3-dlr dividend and a 5-mark bonus.", []string{"3 money USD [3-dlr]", "5 money DEM [5-mark]"}},
		{"Pence", "Shares fell 12p to 345p.", []string{"0.12 money GBP [12p]", "3.45 money GBP [345p]"}},
		{"FractionAtEnd", "The spread was 3/16 pct.", []string{"0.1875 percent [3/16 pct]"}},
		{"SeizedMen", "He was held with eight men seized at a hotel.", []string{"8 arrested c=men [eight men]"}},
		{"SeizedVerb", "Police seized eight men at a hotel.", []string{"8 arrested c=men [eight men]"}},
		{"QuoteBidOffer", "Sterling ended at 1.5820/30 dlrs against 1.5790/00.", []string{"1.582 money USD [1.5820/30 dlrs]", "1.579 money USD [1.5790/00]"}},
		{"LowAndHigh", "The dollar touched a low of 1.8020 and a high of 1.8150 marks.", []string{"1.802 money DEM [1.8020]", "1.815 money DEM [1.8150 marks]"}},
		{"Exponent", "Officials said 10^100 people were displaced.", nil},
		{"Killing", "A car bomb exploded, killing at least 12 people.", []string{"12 killed q=at least c=people [at least 12 people]"}},
		{"DeathOf", "The shelling resulted in the death of 12 and the injury of 40 civilians.", []string{"12 killed [12]", "40 injured c=civilians [40 civilians]"}},
		{"ArrestOf", "Rights groups condemned the arrest of 15 students.", []string{"15 arrested c=students [15 students]"}},
		{"KidnappingOf", "Police condemned the kidnapping of 30 villagers.", []string{"30 kidnapped c=villagers [30 villagers]"}},
		{"SeveralHundred", "Two were killed and several hundred were injured.", []string{"2 killed [Two]", "200-999 injured [several hundred]"}},
		{"SeveralThousandFled", "Several thousand residents fled their homes.", []string{"2000-9999 displaced c=residents [Several thousand residents]"}},
		{"DotThousandsPeople", "About 2.500 people were displaced by the floods.", []string{"2500 displaced q=about c=people [About 2.500 people]"}},
		{"MorePassive", "Rebels said two more soldiers were killed overnight.", []string{"2 killed q=more c=soldiers [two more soldiers]"}},
		{"AmongTheDeadWere", "Among the dead were 12 miners, two guards and a cook.", []string{"12 killed c=miners [12 miners]", "2 killed c=guards [two guards]"}},
		{"LocalIsNoTime", "Some 40 local people were evacuated.", []string{"40 evacuated q=some c=people [Some 40 local people]"}},
		{"LocalTime", "The blast came at 10 local time and 5 people died.", []string{"5 killed c=people [5 people]"}},
		{"DrivenFromHomes", "The fighting has driven 40,000 from their homes.", []string{"40000 displaced [40,000]"}},
		{"Massacring", "Troops were accused of massacring 30 villagers.", []string{"30 killed c=villagers [30 villagers]"}},
		{"RangeJoinedUnit", "It targets a 10 to 15-percent cut.", []string{"10-15 percent [10 to 15-percent]"}},
		{"RangeSpacedHyphen", "The target range is 1.5 - 1.75 percent.", []string{"1.5-1.75 percent [1.5 - 1.75 percent]"}},
		{"BetweenUnscaledAndScaled", "Floods displaced between 800,000 and 1.2 million people.", []string{"800000-1.2e+06 displaced c=people [between 800,000 and 1.2 million people]"}},
		{"VaryFromTo", "Losses vary from 20 to 35 percent of the harvest.", []string{"20-35 percent [20 to 35 percent]"}},
		{"OrMore", "A crane fell into the mosque, killing 107 or more and wounding 238.", []string{"107 killed q=or more [107 or more]", "238 injured [238]"}},
		{"OrSo", "The floods killed 30 or so people.", []string{"30 killed q=or so c=people [30 or so people]"}},
		{"OrSoBeforeMeasure", "Of the 200 or so injured, 40 remain in hospital.", []string{"200 injured q=or so [200 or so]"}},
		{"DashAside", "More than 2,000 people – many of them civilians – have been killed.",
			[]string{"2000 killed q=more than c=people [More than 2,000 people]"}},
		{"HyphenAside", "More than 3,000 people - the majority of them women - were displaced.",
			[]string{"3000 displaced q=more than c=people [More than 3,000 people]"}},
		{"DashAsideIncluding", "Five – including two children – died.", []string{"5 killed [Five]", "2 killed c=children [two children]"}},
		{"ParenthesizedGroup", "13 (inmates) dead.", []string{"13 killed c=inmates [13]"}},
		{"ParenthesizedGroupPassive", "Thirteen (inmates) were killed in the riot.", []string{"13 killed c=inmates [Thirteen]"}},
		{"RegisteredAs", "More than 650,000 Syrians are registered as refugees in Jordan.",
			[]string{"650000 refugees q=more than c=refugees [More than 650,000 Syrians]"}},
		{"LivingAs", "About 1.5 million are now living as refugees in Pakistan.", []string{"1.5e+06 refugees q=about c=refugees [About 1.5 million]"}},
		{"RelativeClause", "At least 50 Congress MPs who had gathered outside parliament on Monday were detained.",
			[]string{"50 arrested q=at least c=mps [At least 50 Congress MPs]"}},
		{"RelativeClauseThere", "The US is replacing 28 guards after two who were stationed there were arrested.", []string{"2 arrested [two]"}},
		{"RelativeClauseComma", "Eleven migrants, who had set sail from Fouka (near Tipaza), died.", []string{"11 killed c=migrants [Eleven migrants]"}},
		{"NotRelativeClauseReported", "Three officials who said the protesters were detained resigned.", nil},
		{"NotRelativeClauseOtherCount", "The 3 men who attacked the village where 20 were killed fled.", []string{"20 killed [20]"}},
		{"LongIncludingAside", "At least 50 Congress MPs, including party leader Rahul Gandhi and his sister Priyanka, were detained.",
			[]string{"50 arrested q=at least c=mps [At least 50 Congress MPs]"}},
		{"DashAsideWithPart", "At least 21 people - including 15 children - died.",
			[]string{"21 killed q=at least c=people [At least 21 people]", "15 killed c=children [15 children]"}},
		{"AmongThoseKilled", "Twelve soldiers were among those killed.", []string{"12 killed c=soldiers [Twelve soldiers]"}},
		{"MadeHomeless", "Around 60,000 people have been made homeless.", []string{"60000 displaced q=around c=people [Around 60,000 people]"}},
		{"Captured", "Iraq lost 3,000 men killed and another 289 captured.", []string{"3000 killed c=men [3,000 men]", "289 arrested q=another c=men [another 289]"}},
		{"NotCapturedActive", "Five rebels captured the town.", nil},
		{"TookTheirOwnLives", "Two inmates took their own lives.", []string{"2 killed c=inmates [Two inmates]"}},
		{"OrRange", "Analysts value the company at 51 or 52 dlrs per share.", []string{"51-52 money USD [51 or 52 dlrs]"}},
		{"Cent", "Earnings will bear a 13 cent per share loss.", []string{"0.13 money USD [13 cent]"}},
		{"BareFraction", "It has a 7/8 pct spread while others won a 13/16 pct margin.", []string{"0.875 percent [7/8 pct]", "0.8125 percent [13/16 pct]"}},
		{"QuoteOtherSide", "The periods were steady at 5-7/8, 5/8 pct for one month.", []string{"5.875 percent [5-7/8]", "5.625 percent [5/8 pct]"}},
		{"DeathsOfThe", "Thiokol was blamed for the deaths of the seven Challenger astronauts.", []string{"7 killed c=astronauts [seven Challenger astronauts]"}},
		{"SharedUnit", "Transactions will add some 355 and 55 mln stg to the system.", []string{"3.55e+08 money GBP q=some [some 355]", "5.5e+07 money GBP [55 mln stg]"}},
		{"SharedPercent", "Rates rose 5, 6 and 7 pct.", []string{"5 percent [5]", "6 percent [6]", "7 percent [7 pct]"}},
		{"SharedCents", "Dividends of 29 and 36 cts.", []string{"0.29 money USD [29]", "0.36 money USD [36 cts]"}},
		{"NotSharedByCount", "There were 3 attacks and 5 pct more thefts.", []string{"5 percent [5 pct]"}},
		{"AgesAside", "Two men, aged 50 and 46, died after being struck by bulls.", []string{"2 killed c=men [Two men]"}},
		{"NotPartOfOtherCount", "Eleven died and five young people, including two children, were rescued.", []string{"11 killed [Eleven]"}},
		{"MoreIsAnAddition", "On Tuesday police arrested 25 more protesters.", []string{"25 arrested q=more c=protesters [25 more protesters]"}},
		{"MoreThanIsNoAddition", "Police arrested 25 more than on Monday.", []string{"25 arrested [25]"}},
		{"MoreNounThanIsNoAddition", "The floods killed 25 more people than last year.", []string{"25 killed c=people [25 more people]"}},
		{"QualifiedAddition", "On Tuesday police arrested at least 25 more protesters.", []string{"25 arrested q=at least … more c=protesters [at least 25 more protesters]"}},
		{"MoreAfterAnotherMeasure", "The quake killed 20 people and injured at least 100 more.", []string{"20 killed c=people [20 people]", "100 injured q=at least c=people [at least 100]"}},
		{"AFurther", "A further 25 protesters were arrested on Tuesday.", []string{"25 arrested q=a further c=protesters [A further 25 protesters]"}},
		{"AdditionInAList", "On Tuesday they arrested 10 students and 25 other protesters.", []string{"10 arrested c=students [10 students]", "25 arrested q=other c=protesters [25 other protesters]"}},
		{"Hundreds", "Hundreds of people were arrested.", []string{"200-999 arrested c=people [Hundreds of people]"}},
		{"TensOfThousands", "Tens of thousands fled their homes.", []string{"20000-99999 displaced [Tens of thousands]"}},
		{"Range", "Between 10 and 12 million people are affected.", []string{"1e+07-1.2e+07 affected c=people [Between 10 and 12 million people]"}},
		{"MoneyBn", "Profits jumped 76% to $1.13bn (£600m).", []string{"76 percent [76%]", "1.13e+09 money USD [$1.13bn]", "6e+08 money GBP [£600m]"}},
		{"MoneyMln", "It paid 5.93 mln dlrs.", []string{"5.93e+06 money USD [5.93 mln dlrs]"}},
		{"Cents", "Shr 29 cts vs 36 cts.", []string{"0.29 money USD [29 cts]", "0.36 money USD [36 cts]"}},
		{"TotalRestatedPerShare", "Net includes a charge of 4,860,000, or 50 cts a share.", []string{"4.86e+06 money USD [4,860,000]", "0.5 money USD [50 cts]"}},
		{"ComparedAfterPeriod", "Borrowings were 6.16 billion dlrs in the fourth quarter against 3.88 billion in the third quarter and 4.03 billion a year earlier.",
			[]string{"6.16e+09 money USD [6.16 billion dlrs]", "3.88e+09 money USD [3.88 billion]", "4.03e+09 money USD [4.03 billion]"}},
		{"ComparedAfterRate", "Turnover should reach 450 mln francs a year from 10 mln.", []string{"4.5e+08 money FRF [450 mln francs]", "1e+07 money FRF [10 mln]"}},
		{"CommaDownFrom", "Provisions were 111.9 mln dlrs, down from 139.5 mln a year ago.", []string{"1.119e+08 money USD [111.9 mln dlrs]", "1.395e+08 money USD [139.5 mln]"}},
		{"ChangeByToLevel", "Commitments fell by 8.0 per cent in June to 9,393.", []string{"8 percent [8.0 per cent]"}},
		{"Pfennigs", "The bond eased five pfennigs to 101.25.", []string{"0.05 money DEM [five pfennigs]"}},
		{"HomelessRefugees", "They clothe millions of homeless refugees in Darfur.", []string{"2e+06-9.999999e+06 refugees c=refugees [millions of homeless refugees]"}},
		{"KilledOneOf", "The crash killed one of two crewmen aboard.", []string{"1 killed [one]"}},
		{"OneOfWasKilled", "One of the two pilots was killed.", []string{"1 killed c=pilots [One of the two pilots]"}},
		{"OneOfThoseArrested", "One of the 10 protesters arrested was released.", []string{"10 arrested c=protesters [10 protesters]"}},
		{"TotalRestatedNoComma", "It posted a charge of 4,860,000 or 50 cts a share.", []string{"4.86e+06 money USD [4,860,000]", "0.5 money USD [50 cts]"}},
		{"Compared", "Net profit rose to 5.3 mln dlrs from 4.1 mln.", []string{"5.3e+06 money USD [5.3 mln dlrs]", "4.1e+06 money USD [4.1 mln]"}},
		{"Pct", "Inflation rose to 5.1 pct from 4.8.", []string{"5.1 percent [5.1 pct]", "4.8 percent [4.8]"}},
		{"Hostages", "Gunmen took 5 hostages.", []string{"5 kidnapped c=hostages [5 hostages]"}},
		{"Including", "Twelve people were killed, including five children.", []string{"12 killed c=people [Twelve people]", "5 killed c=children [five children]"}},
		{"NotAge", "The 28-year-old was killed.", nil},
		{"NotAgeParen", "Rupak (28) died on Monday.", nil},
		{"NotAged", "A man aged 28 was killed.", nil},
		{"NotYear", "He was killed in 2015.", nil},
		{"NotDuration", "Fighting for 30 years killed many.", nil},
		{"NotDate", "Five were arrested on Feb 26.", []string{"5 arrested [Five]"}},
		{"NotTime", "At 10:30 two were killed.", []string{"2 killed [two]"}},
		{"NotOrdinal", "The 3rd victim died.", nil},
		{"NotModel", "A Boeing 737 crashed.", nil},
		{"NotAddress", "Police arrested him at 10 Downing Street.", nil},
		{"NotBareNumber", "Arrivals were 155,221 bags of 60 kilos.", nil},
		{"ListSharesMeasure", "Nine workers, one driver and three rescuers were injured.",
			[]string{"9 injured c=workers [Nine workers]", "1 injured c=driver [one driver]", "3 injured c=rescuers [three rescuers]"}},
		{"NounMeasureNotShared", "There were 10,500 offences and 70 deaths.", []string{"70 killed [70 deaths]"}},
		{"Partitive", "Two of the crew of the aircraft, flying from Lima, were killed.", []string{"2 killed c=crew [Two]"}},
		{"PartOfThem", "At least 60 people were arrested - 45 of them in the US.", []string{"60 arrested q=at least c=people [At least 60 people]", "45 arrested c=people [45]"}},
		{"KilledOrWounded", "Troops killed or wounded over 2,600 Iraqis.", []string{"2600 killed q=over c=iraqis [over 2,600 Iraqis]"}},
		{"TakenPrisoner", "Some 438 Libyans were taken prisoner.", []string{"438 arrested q=some c=libyans [Some 438 Libyans]"}},
		{"FledAbroad", "Nearly 40,000 Rohingya fled to India.", []string{"40000 refugees q=nearly c=rohingya [Nearly 40,000 Rohingya]"}},
		{"AdjectiveBeforeNoun", "The blast left 12 injured workers.", []string{"12 injured c=workers [12 injured workers]"}},
		{"UnitRange", "A loss of 1,300,000 dlrs to 1,600,000 dlrs.", []string{"1.3e+06-1.6e+06 money USD [1,300,000 dlrs to 1,600,000 dlrs]"}},
		{"ChangeNotRange", "Sales rose 5 pct to 6 mln dlrs.", []string{"5 percent [5 pct]", "6e+06 money USD [6 mln dlrs]"}},
		{"SpacedCurrency", "It appealed for US$ 371 million.", []string{"3.71e+08 money USD [US$ 371 million]"}},
		{"Fraction", "Inflation of around 7¾ per cent.", []string{"7.75 percent q=around [around 7¾ per cent]"}},
		{"PercentRange", "Growth of between 3% and 3.5%.", []string{"3-3.5 percent [between 3% and 3.5%]"}},
		{"NotAffectedThings", "About 5,000 affected vehicles were recalled.", nil},
		{"NotYearCount", "The company said 2004 net income was affected.", nil},
		{"NotRateBase", "Opioid deaths per population of 100,000 rose.", nil},
		{"NotNameNumber", "Parts of Objective One areas will be affected.", nil},
		{"NotAgeOfPhrase", "He was found dead at the age of 87.", nil},
		{"NotScore", "She won 6-2 7-5 after her rival retired hurt.", nil},
		{"ClaimedLives", "The quake claimed the lives of 12 people.", []string{"12 killed c=people [12 people]"}},
		{"NotAverageLives", "The tranches have average lives of 12.1 years.", nil},
		{"NotPronounOne", "You will be the one imprisoned.", nil},
		{"NotTimesOut", "At 40mph, nine times out of ten they will die.", nil},
		{"CoordinationStopsAtVerb", "Mitch killed about 10,000 people and caused damage.", []string{"10000 killed q=about c=people [about 10,000 people]"}},
		{"SameObject", "Police detained 558 suspects and 135 fugitives.", []string{"558 arrested c=suspects [558 suspects]", "135 arrested c=fugitives [135 fugitives]"}},
		{"NotSameObjectThings", "Police detained 558 suspects and 135 cars.", []string{"558 arrested c=suspects [558 suspects]"}},
		{"JoinedCode", "The project will cost Sh2 billion and Rs500 crore.", []string{"2e+09 money KES [Sh2 billion]", "5e+09 money INR [Rs500 crore]"}},
		{"SpacedCode", "Farmers lost Rs 50 lakh.", []string{"5e+06 money INR [Rs 50 lakh]"}},
		{"ClaimedLivesCount", "The crash claimed 12 lives.", []string{"12 killed c=lives [12 lives]"}},
		{"NotCodeWord", "The R5 engine and the N95 mask.", nil},
		{"SingleLetterScaled", "Eskom needs R5bn.", []string{"5e+09 money ZAR [R5bn]"}},
		{"PlaceBetween", "At least three people from Scotland died.", []string{"3 killed q=at least c=people [At least three people]"}},
		{"IncludingBetweenCommas", "At least six persons, including three soldiers, were wounded.",
			[]string{"6 injured q=at least c=persons [At least six persons]", "3 injured c=soldiers [three soldiers]"}},
		{"NotActiveSubject", "A fire at one cafe that killed 25 people.", []string{"25 killed c=people [25 people]"}},
		{"ScaledMark", "The 500 mln mark drop hurt.", []string{"5e+08 money DEM [500 mln mark]"}},
		{"PartitiveStopsAtCount", "Claims of 38 incidents of torture and seven deaths.", []string{"7 killed [seven deaths]"}},
		{"InJail", "Thousands of people in jail.", []string{"2000-9999 arrested c=people [Thousands of people]"}},
		{"PlaceWithNumber", "Over 80 people in eight cities were detained.", []string{"80 arrested q=over c=people [Over 80 people]"}},
		{"RangeUnitOnce", "Liability of between 30,000 stg and 50,000.", []string{"30000-50000 money GBP [between 30,000 stg and 50,000]"}},
		{"EllipsisMore", "Almost 400,000 persons were displaced in 2013, and almost 200,000 more so far this year.",
			[]string{"400000 displaced q=almost c=persons [Almost 400,000 persons]", "200000 displaced q=almost … more c=persons [almost 200,000 more]"}},
		{"NotEllipsisOwnPredicate", "Seventeen miners were missing and 29 others were trapped but safe.", []string{"17 missing c=miners [Seventeen miners]"}},
		{"NotEllipsisChange", "There were 167,645 deaths, while the population fell by 68,380.", []string{"167645 killed [167,645 deaths]"}},
		{"MixedFraction", "It carries a coupon of 7-1/2 pct.", []string{"7.5 percent [7-1/2 pct]"}},
		{"NotMoneyForCount", "Shareholders lost about $180bn and 20,000 workers lost their jobs.", []string{"1.8e+11 money USD q=about [about $180bn]"}},
		{"MissingList", "A further three are on the missing list.", []string{"3 missing q=a further [A further three]"}},
		{"ChangeFromNotRange", "Approval rose from the initial 39 percent to 49 percent.", []string{"39 percent [39 percent]", "49 percent [49 percent]"}},
		{"SpacedCurrencyPrefix", "The referendum cost NZ $ 26 million.", []string{"2.6e+07 money NZD [NZ $ 26 million]"}},
		{"ArticleBeforeDollar", "A $ 5 fee was charged.", []string{"5 money USD [$ 5]"}},
		{"SpacedOneLetterPrefix", "Shares rose to S $ 2.50 on Monday.", []string{"2.5 money SGD [S $ 2.50]"}},
		{"PrefixOnTheLineBefore", "TALKS IN HK\n$ 5 million was raised.", []string{"5e+06 money USD [$ 5 million]"}},
		{"LowerCasePrefix", "It cost nz $ 5.", []string{"5 money USD [$ 5]"}},
		{"GulfCurrency", "Costs are capped at KD 890.", []string{"890 money KWD [KD 890]"}},
		{"NotDeadWeight", "Ten ships totalling 460,000 dead weight tons.", nil},
		{"Headline", "FLOODS KILL 12 IN SOUTH CHINA", []string{"12 killed [12]"}},
		{"HeadlinePresent", "Gunmen kidnap 3 aid workers", []string{"3 kidnapped c=workers [3 aid workers]"}},
		{"AmongWhomList", "A truck with 51 people who died, among whom were 27 Mexicans, 14 Hondurans and one Guatemalan.",
			[]string{"51 killed c=people [51 people]", "27 killed c=mexicans [27 Mexicans]", "14 killed c=hondurans [14 Hondurans]", "1 killed c=guatemalan [one Guatemalan]"}},
		{"OneOfMany", "She was one of 10 protesters arrested.", []string{"10 arrested c=protesters [10 protesters]"}},
		{"AmongThemSuccumbed", "Three people were injured and one among them succumbed.", []string{"3 injured c=people [Three people]", "1 killed c=people [one]"}},
		{"Empty", "", nil},
	}
	checkFinds(t, tests)
}

// TestNotCounts lists numbers that measure something else than people or
// money (magnitudes, ages, scores, sizes, distances, years, durations,
// speeds, temperatures, weights) in sentences that also hold a casualty
// word: none of them may become a count of people. want is every figure
// of the sentence.
func TestNotCounts(t *testing.T) {
	tests := []findCase{
		{"Magnitude", "A magnitude 6.1 earthquake struck, but no one was killed.", nil},
		{"MagnitudeHyphen", "The 6.1-magnitude quake injured no one.", nil},
		{"MagnitudeAfter", "A 7.2 magnitude quake killed 300 people.", []string{"300 killed c=people [300 people]"}},
		{"MagnitudeMeasured", "The quake measured 7.2 and killed 300 people.", []string{"300 killed c=people [300 people]"}},
		{"MagnitudeBetweenCommas", "The quake, of magnitude 7.2, killed 300 people.", []string{"300 killed c=people [300 people]"}},
		{"MagnitudeRelative", "The quake, which measured 6.1, killed 2 people.", []string{"2 killed c=people [2 people]"}},
		{"MagnitudeRichter", "The earthquake, measuring 6.1 on the Richter scale, killed 12 people.", []string{"12 killed c=people [12 people]"}},
		{"MagnitudeBare", "A 6.8 quake struck; 12 were killed.", []string{"12 killed [12]"}},
		{"AgeHyphen", "The 32-year-old was killed.", nil},
		{"AgeTwoHyphens", "A 40-year-old woman and her 12-year-old son were killed.", nil},
		{"AgeAged", "A man aged 45 died.", nil},
		{"AgeBetweenCommas", "The man, 45, was killed.", nil},
		{"AgeHeadline", "Man, 28, dies in crash.", nil},
		{"AgesOfTwo", "Two men, aged 19 and 21, were arrested.", []string{"2 arrested c=men [Two men]"}},
		{"AgeRange", "The victims, aged between 18 and 25, were killed.", nil},
		{"AgeOfKiller", "The gunman, 25, killed 4 people.", []string{"4 killed c=people [4 people]"}},
		{"Score", "Manchester United won 3-1, and two fans were injured.", []string{"2 injured c=fans [two fans]"}},
		{"ScoreBeat", "Chelsea beat Arsenal 2-1 and 12 fans were hurt.", []string{"12 injured c=fans [12 fans]"}},
		{"ScoreWin", "The 2-0 win was marred as 30 fans were arrested.", []string{"30 arrested c=fans [30 fans]"}},
		{"Points", "He scored 25 points as the crowd of 40,000 looked on.", nil},
		{"Length", "The 400-metre-long bridge collapsed, killing 12.", []string{"12 killed [12]"}},
		{"Distance", "A bus carrying 40 passengers plunged 200 metres into a gorge, killing 12.", []string{"12 killed [12]"}},
		{"Weight", "A 3.5-tonne truck killed 2.", []string{"2 killed [2]"}},
		{"Kilograms", "Police seized 20 kg of heroin and arrested 4.", []string{"4 arrested [4]"}},
		{"Height", "The 6ft 2in man was arrested.", nil},
		{"Seats", "The 5,000-seat stadium was evacuated.", nil},
		{"Temperature", "Temperatures of 45 degrees killed 12 people.", []string{"12 killed c=people [12 people]"}},
		{"Speed", "The storm with winds of 150 mph killed 20.", []string{"20 killed [20]"}},
		{"YearBefore", "In 2004, 300 died.", []string{"300 killed [300]"}},
		{"YearAdjective", "The 2004 tsunami killed 230,000.", []string{"230000 killed [230,000]"}},
		{"Sentence", "She was jailed for 15 years.", nil},
		{"Served", "He served 12 years in jail.", nil},
		{"Fine", "He was fined $500 and jailed.", []string{"500 money USD [$500]"}},
		{"Flight", "Flight 370 disappeared with 239 people aboard.", nil},
		{"VoteShare", "He won 52% of the vote as 3 protesters were killed.", []string{"52 percent [52%]", "3 killed c=protesters [3 protesters]"}},
		{"Homes", "The fire destroyed 300 homes and left 1,200 homeless.", []string{"1200 displaced [1,200 homeless]"}},
		{"Livestock", "I had 45 cattle and 50 goats, but they all died.", nil},
		{"FractionOfStaff", "It was dated 26/02/1987 and 3/4 of staff were affected.", nil},
		{"FractionOdds", "She was 1/4 to leave and 3 fans were hurt.", []string{"3 injured c=fans [3 fans]"}},
		{"Millimetres", "Snowfalls of 10 mm have affected spring sowing.", nil},
		{"MagnitudeUnit", "Some 12 magnitude readings were affected.", nil},
		{"AgeSpaced", "It is that of a 12 year-old girl, whose parents died of Aids.", nil},
		{"YearRange", "Between 1990 and 2004, 25 children have taken their own lives.", []string{"25 killed c=children [25 children]"}},
		{"Ships", "About 15 freighters were affected in Las Palmas.", nil},
		{"Shipments", "The FDA had detained 15 shipments of condoms.", nil},
		{"RatePer", "The road toll is 12 deaths per 100,000 people, against 8 in Sweden.", nil},
		{"RateADay", "Malaria kills 3,000 children a day in Africa.", nil},
		{"RateEveryYear", "Some 400 people drown every year in the lakes.", nil},
		{"ArticleLabel", "Under article 5, 12 people were detained.", []string{"12 arrested c=people [12 people]"}},
		{"SectionLabel", "Rebels took section 4 of the camp, where 30 were wounded.", []string{"30 injured [30]"}},
		{"StageNotLabel", "At this stage 40 people have died.", []string{"40 killed c=people [40 people]"}},
		{"AnimalsKilled", "The flu killed 40 million chickens.", nil},
		{"AnimalsPartitive", "Twenty-two of the 25 horses in the race were injured.", nil},
		{"AnimalsReferredBack", "Twelve whales were stranded and eight died.", nil},
		{"AnimalsListed", "The farmer lost 300 sheep, and 40 were killed by the floods.", nil},
		{"AnimalsThenPeople", "Around 300 birds died and 20 people were hurt.", []string{"20 injured c=people [20 people]"}},
		{"Bourses", "Three stock exchanges were affected by the strike.", nil},
		{"SeizedThings", "Customs officers seized 300 rifles and arrested 4.", []string{"4 arrested [4]"}},
		{"QuoteNoCurrency", "The index closed at 1,845.20, and 3 traders were detained.", []string{"3 arrested c=traders [3 traders]"}},
		{"PriceAndRate", "Crude rose 50 cents to 18.50 dlrs a barrel.", []string{"0.5 money USD [50 cents]", "18.5 money USD [18.50 dlrs]"}},
		{"ShareOfInjured", "About 45 pct of the injured were children.", []string{"45 percent q=about [About 45 pct]"}},
		{"SentencedToDeath", "Three men were sentenced to death for the attack.", nil},
		{"BaseEach", "Holders get 1,020 dlrs for each 1,000 dlrs of bonds.", []string{"1020 money USD [1,020 dlrs]"}},
		{"RapperName", "The rapper 50 Cent said two fans were hurt.", []string{"2 injured c=fans [two fans]"}},
		{"SacredCows", "The reform killed one of the party's sacred cows.", nil},
		{"CountriesAffected", "The ban hurt the three affected countries.", nil},
		{"FlightsAffected", "The storm affected 300 flights, and some 40 routes were affected.", nil},
		{"PartOfTheInjured", "Three of the 10 injured were in critical condition.", []string{"10 injured [10 injured]"}},
		{"PartOfTheArrested", "Police said 12 of the 40 arrested were women.", []string{"40 arrested [40]"}},
		{"OfWhomNoList", "The plant's 1,200 workers, 40 of whom were injured, struck.", []string{"40 injured [40]"}},
		{"InjuredIncluded", "The 300 injured included 40 children.", []string{"300 injured [300 injured]"}},
		{"PoundBomb", "A 500-pound bomb exploded and 2 people died.", []string{"2 killed c=people [2 people]"}},
		{"TrappedOthers", "The blast killed two men and trapped 30 others.", []string{"2 killed c=men [two men]"}},
		{"LastWeekNotCounted", "Copper was 62.5 cts, up from 61.75 last week, and 4 miners died.", []string{"0.625 money USD [62.5 cts]", "0.6175 money USD [61.75]", "4 killed c=miners [4 miners]"}},
		{"PercentagePoints", "Turnout fell 4.5 percentage points, and support rose 2 pct points.", nil},
		{"PerCentPoint", "Approval slipped half a per cent point to 40 per cent.", []string{"40 percent [40 per cent]"}},
		{"YearMarksVerb", "The year 2019 marks the end of an era in which 30 people died.", []string{"30 killed c=people [30 people]"}},
		{"YearMarksMoney", "He was paid 2000 marks a month.", []string{"2000 money DEM [2000 marks]"}},
		{"FiscalYearRange", "The 2021-2022 budget rose to 5 billion rupees.", []string{"5e+09 money INR [5 billion rupees]"}},
		{"WeightInPounds", "The boxer weighed 100 kilograms (220 pounds) and 3 fans were hurt.", []string{"3 injured c=fans [3 fans]"}},
		{"ScoreHyphen", "The score stood at 2 - 1 when 4 fans were hurt.", []string{"4 injured c=fans [4 fans]"}},
		{"JumpedToLevel", "Visitors jumped 12 percent to 4,210.", []string{"12 percent [12 percent]"}},
		{"OneDeath", "The outbreak has caused 40 cases, including one death.", []string{"1 killed [one death]"}},
		{"OneDeathSentence", "The court handed down one death sentence.", nil},
		{"ComparedWith", "The deficit was 5.1 compared with 6.3 percent a year earlier.", []string{"5.1 percent [5.1]", "6.3 percent [6.3 percent]"}},
		{"PartSentenced", "Police arrested 61 people, and 30 of them had been sentenced by May.", []string{"61 arrested c=people [61 people]"}},
		{"PartKilled", "Gunmen seized 20 hostages, and 3 of them were later killed.", []string{"20 kidnapped c=hostages [20 hostages]", "3 killed c=hostages [3]"}},
		{"ForcedOutOfSport", "The striker with 12 caps was forced out of the game by injury.", nil},
		{"ForcedOutOfHomes", "Some 3,000 villagers were forced out of their homes.", []string{"3000 displaced q=some c=villagers [Some 3,000 villagers]"}},
		{"RateLaterInClause", "About 2 million children die from hunger every year.", nil},
		{"DeathsAnnually", "Malaria causes thousands of deaths annually in the region.", nil},
		{"InjuriesDaily", "The roads see 300 injuries daily.", nil},
		{"RestatedShare", "Exports may reach 2,400,000, or 40% of capacity.", []string{"40 percent [40%]"}},
		{"DeathOfCuts", "Critics called it the death of a thousand cuts.", nil},
		{"DeathOfCattle", "The drought caused the death of 3,000 cattle.", nil},
		{"ArrestOfYears", "The arrest of 2019 ended the feud.", nil},
		{"DecimalThousandsMoney", "The share rose to 1.250 dinars.", []string{"1.25 money IQD [1.250 dinars]"}},
		{"DecimalNoCount", "The index stood at 1.500, and nobody was hurt.", nil},
		{"COPConference", "Delegates at COP 27 said 12 people were injured.", []string{"12 injured c=people [12 people]"}},
		{"CodeModel", "The SR71 flew at 2,000 mph.", nil},
		{"LeArticle", "Le 22 juillet, il a dit.", nil},
	}
	checkFinds(t, tests)
}

// TestSeed checks the figures of the seed article against expected.json:
// the two counts and nothing else.
func TestSeed(t *testing.T) {
	text := testenv.ReadShared(t, "seed/article.txt")
	var got []string
	for _, f := range find(string(text)) {
		got = append(got, describe(f))
	}
	want := []string{
		"450000 killed q=more than c=people [More than 450,000 people]",
		"1.1e+07 displaced c=people [11 million]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("seed figures\n got %q\nwant %q", got, want)
	}
}
