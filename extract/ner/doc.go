// Package ner finds the names of people, places and organizations in news
// text with a statistical sequence tagger trained in this repository.
//
// The tagger is an averaged structured perceptron (Collins 2002) over
// BILOU labels, decoded with Viterbi under the BILOU constraints. Its
// features are hashed into a flat weight table (no strings are built while
// tagging): the word and its lower-case form, prefixes and suffixes,
// shape and capitalization, neighbouring words and shapes, position in the
// sentence, wire-headline capitals, and word clusters learned from raw
// news (see clusters.go). A second pass adds document-level evidence: the
// class the first pass gave the same word elsewhere in the document
// (Ratinov and Roth 2009), and Tag then makes the labels of a document
// agree (a person named in full once is a person throughout).
//
// The model is embedded (model.bin) and loaded once by Default. Rebuild it
// with "factgraph train --data ../shared/data --out extract/ner/model.bin";
// MODEL.md at the repository root is its card: data, licences, features,
// scores and speed.
//
// Caveats: entities never cross sentence boundaries, so a sentence split
// inside a name splits the name; nationality adjectives and other
// miscellaneous names are learned as a class but never returned; dates and
// amounts are left to the rule-based extractors.
package ner
