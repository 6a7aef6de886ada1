// Package figure finds the counts that news reports: how many were killed,
// injured, displaced, arrested or kidnapped, sums of money and percentages.
//
// Find works on the tokens and sentences of package token, one sentence at
// a time, with the lowercased tokens computed once. A number becomes a
// figure only when a measure of graph.Measures is tied to it by the words
// around it:
//
//   - after it, past the counted noun, a partitive, a place, an aside
//     between commas, dashes or parentheses, a relative clause, "or so"
//     and auxiliaries: "450,000 people have been killed", "at least 355
//     dead", "Two members of my group died", "three people from Scotland
//     died", "Two of the crew, flying from Lima, were killed", "2,000
//     people – many of them civilians – have been killed", "13 (inmates)
//     dead", "50 MPs who had gathered outside parliament were detained",
//     "650,000 Syrians are registered as refugees";
//   - a verb right before it: "killing 12", "arrested 30 people", "killed or
//     wounded over 2,600" (the first of the two);
//   - a toll it completes: "the death toll has risen to 44", "the number of
//     Britons dead or missing has reached 440", "the death of 10 and injury
//     of 31 civilians", "Among the dead were 12 miners, two guards …";
//   - a currency or percent unit: "$1.13bn", "1.5 mln dlrs", "£600m",
//     "Rs500 crore", "KD 890", "SR24 million", "EGP 500", "S/479 million",
//     "2,500 colones" (ISO 4217 codes, newswire abbreviations and currency
//     names: currency.go, SOURCES.md), "76%", "2 pct", "7-1/2 pct";
//   - an earlier figure of the sentence it shares the measure with: a list
//     ("Nine workers, one driver and three rescuers were injured"), an
//     inclusion ("including five children"), a partitive ("45 of them"), an
//     ellipsis ("and almost 200,000 more"), the object of the same verb
//     ("detained 558 suspects and 135 fugitives"), or a comparison with a
//     money or percent amount of the same shape ("5.3 mln vs 4.1 mln dlrs").
//
// Each of these ways is a named rule, and Figure.Rule names the one that
// tied a figure (RuleNames lists them in the order they are tried). The
// casualty rules are the table casualtyRules in classify.go: the first that
// applies decides, with its confidence; a new rule goes where it must win
// over the ones after it, and TestRuleFired gets a sentence for it.
//
// Values are normalized ("11 million" → 11000000, "Thirteen" → 13, "a dozen"
// → 12, "1.1bn" → 1.1e9, "29 cts" → 0.29 USD). Vague amounts have Low and
// High and no Value: "dozens" 24–99, "scores" 40–99, "hundreds" 200–999,
// "thousands" 2,000–9,999, "tens of thousands" 20,000–99,999, "hundreds of
// thousands" 200,000–999,999, "millions" 2–9.99 million. Ranges ("between
// 10 and 12 million", "10-12", "40 to 50 pct") have Low and High.
//
// Ages ("the 28-year-old", "Rupak (28)", "aged 28", "at the age of 87"),
// years, dates, times, durations, ordinals, scores, addresses, phone and
// model numbers ("Boeing 737", "Objective One"), labels ("under article
// 5"), rate bases ("per 100,000", "for each 1,000 dlrs"), rates ("12 deaths
// per 100,000 people", "kills 3,000 children a day"), counts of things
// ("5,000 affected vehicles", "300 flights") and of animals, with the bare
// numbers that refer back to them ("Twelve whales were stranded and eight
// died"), are never figures.
//
// testdata/figures.jsonl holds hand-annotated sentences of real news; its
// README gives the annotation guidelines and the scores of each held-out
// split when it was first seen.
//
// # Caveats
//
// "1.000" is a decimal, except in a count of people, which comes whole:
// "More than 1.000 persons died" counts a thousand. Percentage points are
// no percent. A number with no written unit is not money even where the reader infers
// one ("net profit 5.3 mln"). "Casualties" (killed and wounded together) and
// "victims" are not measures. Reuters' "dlrs" is read as U.S. dollars unless
// an adjective says otherwise ("Canadian dlrs"); "marks" as Deutsche Mark,
// "francs" as French francs and "Rs" as Indian rupees likewise. A relative
// clause is crossed only up to ten words without a number, a comma or a
// verb of saying ("Three officials who said the protesters were detained"
// counts no one).
package figure
