// Package quote finds direct and partial quotations in news text and
// attributes each to a speaker among the entity mentions the caller gives.
//
// Quotations are spans between curly double quotes (“ ”), guillemets (« »)
// or straight double quotes, paired by how they attach to the words around
// them. A quotation left open at the end of a paragraph ends there, as in
// wire copy where a quote runs over several paragraphs and each opens with
// a new mark. Single quotes are not read as quotation marks: they are
// apostrophes far more often.
//
// The speaker is found, in order of preference, in the words after the
// closing mark (“…,” Putin said; “…,” said Peskov), then in the words of the
// sentence before the opening mark (Peskov told reporters that “…”;
// According to a Kremlin statement, Al Assad said “…”), then in a speech
// verb of the sentence before, or in the previous quotation's speaker when
// the quotation stands alone. "He" and "she" resolve to the last person
// mentioned before the quotation. A speaker that is not among the
// candidates ("the statement said", "officials said") is left empty.
package quote
