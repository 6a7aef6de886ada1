// Package relate is a trained relation reader: it classifies pairs of a
// document's entities into typed relations (citizen_of, member_of,
// employee_of, leader_of, located_in, based_in) that the extractor's named
// rules (extract/relations.go) do not state.
//
// Candidates are the pairs of people, organizations and places that share
// a sentence (through any of their mentions, so within-document resolution
// links pairs across sentences), and each person or organization paired
// with the document's most mentioned places. Each candidate is described
// by cheap hashed features: the words and punctuation between and around
// its closest pair of mentions (role nouns, appositions, possessives,
// prepositions), the entity types, the object's surface form (a
// nationality word or the country's name), whether the gazetteer knows it,
// how often the document names each side, and the relations the rules
// already read between the two and from each. One averaged perceptron per
// predicate scores the candidate; a relation is stated when the score
// passes that predicate's threshold.
//
// The model is trained by Train on the tune halves of the DWIE and
// Re-DocRED dev sets (`factgraph train relations`, see MODEL.md, "Trained
// relation reader"), embedded (model.bin) and loaded once by Default.
// Training is deterministic for a given seed.
//
// Caveats: the reader sees only what the extractor found. It cannot
// relate an entity the tagger missed, and it reads no verbs beyond what
// the words between two names say.
package relate
