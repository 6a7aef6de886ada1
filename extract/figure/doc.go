// Package figure finds the counts that news reports: how many were killed,
// injured, displaced, arrested or kidnapped, sums of money and percentages.
//
// Find works on the tokens and sentences of package token. A number becomes
// a figure only when a measure is tied to it by the words around it:
//
//   - after it, past the counted noun and auxiliaries: "450,000 people have
//     been killed", "at least 355 dead", "two others injured";
//   - a verb right before it: "killing 12", "arrested 30 people";
//   - a toll it completes: "the death toll has risen to 44";
//   - a currency or percent unit: "$1.13bn", "1.5 mln dlrs", "76%", "2 pct";
//   - a comparison with a money or percent figure of the same shape: "5.3
//     mln vs 4.1 mln dlrs" makes both money.
//
// Values are normalized ("11 million" → 11000000, "Thirteen" → 13, "a dozen"
// → 12, "1.1bn" → 1.1e9, "29 cts" → 0.29 USD). Vague amounts have Low and
// High and no Value: "dozens" 24–99, "scores" 40–99, "hundreds" 200–999,
// "thousands" 2,000–9,999, "tens of thousands" 20,000–99,999, "hundreds of
// thousands" 200,000–999,999, "millions" 2–9.99 million. Ranges ("between
// 10 and 12 million", "10-12") have Low and High.
//
// Ages ("the 28-year-old", "Rupak (28)", "aged 28"), years, dates, times,
// durations, ordinals, addresses, phone and model numbers are never figures.
//
// # Caveats
//
// A number with no written unit is not money even where the reader infers
// one ("net profit 5.3 mln"). "Casualties" (killed and wounded together) and
// "victims" are not measures. Reuters' "dlrs" is read as U.S. dollars unless
// an adjective says otherwise ("Canadian dlrs"); "marks" as Deutsche Mark
// and "francs" as French francs likewise.
package figure
