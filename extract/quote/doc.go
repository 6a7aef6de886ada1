// Package quote finds direct and partial quotations in news text and
// attributes each to a speaker among the entity mentions the caller gives.
//
// Quotations are spans between curly double quotes (“ ”), guillemets (« »)
// or straight double quotes, paired by how they attach to the words around
// them. A quotation left open at the end of a paragraph ends there, as in
// wire copy where a quote runs over several paragraphs and each opens with
// a new mark; it takes the speaker of the quotation that goes on in the
// next paragraph when it has none of its own. Single quotes are not read as quotation marks: they are
// apostrophes far more often. Quotations of one word ("desperate") are
// left out as scare quotes. Text is the quotation without its marks.
//
// The speaker is found, in order of preference:
//
//  1. after the closing mark, in its sentence: “…,” Putin said; “…,” said
//     Peskov; “…,” BA chairman Martin Broughton said (the candidate nearest
//     the verb); “…,” Vincent Koen, a senior economist, told the BBC; “…,”
//     the new chair of the IETF, Brian Carpenter, says; “…,” said England
//     coach Andy Robinson (the person after a describing place or
//     organization); “…,” Reuters quoted an official as saying (the one
//     quoted, or no one);
//  2. before the opening mark, from the nearest speech verb: Peskov told
//     reporters that “…”; According to a Kremlin statement, Al Assad said
//     “…”; Mr Balls, who stepped down …, had suggested “…” (a clause after
//     a person is stepped over); Putin held a meeting with Al Assad and
//     said … a “political process” (a verb after "and" shares the clause's
//     subject, and a person after a preposition is no subject); who is
//     told or asked is never the speaker;
//  3. at the end of the sentence: a “spectacular comeback” … would help,
//     the OECD said;
//  4. the person right before a quotation used as a predicate: Richard
//     Thomas “totally condemned” the deletion;
//  5. for a quotation standing alone, the speaker of the previous one when
//     it ended in the sentence before, else the speaker of a speech verb in
//     the sentence before, else that sentence's first person.
//
// "He" and "she", and descriptions such as "the foreign secretary", refer
// to the first person named in the nearest sentence that names one (most
// often its subject); "it", "the report" and "the ministry" to the first
// organization. A
// speech verb whose speaker is none of the candidates ("officials said")
// leaves the quotation without a speaker rather than guessing one.
//
// testdata/bbc_quotes.json holds the hand-checked speakers of real articles
// that TestGoldenBBC checks.
package quote
