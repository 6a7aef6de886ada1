// Package ner finds the names of people, places and organizations in news
// text with a statistical sequence tagger trained in this repository.
//
// The tagger is an averaged structured perceptron (Collins 2002) over
// BILOU labels, decoded with Viterbi under the BILOU constraints. Its
// features are hashed into a flat weight table, and no strings are built
// while tagging. The features cover:
//   - the word: its lower case, prefixes and suffixes, shape and capitalization;
//   - the neighbouring words and shapes, and the position in the sentence;
//   - wire headlines written in capitals;
//   - the run of capitalized words the token is in, with its head word and
//     the words around it;
//   - gazetteers (gazetteer/), and a lexicon of the names annotated in the
//     training data, jackknifed so that the model does not trust it
//     blindly (lexicon.go);
//   - how often raw news capitalizes the word (capitals.go), and cue words
//     learned from the training names, such as "Ministry" (cues.go);
//   - word clusters learned from raw news (clusters.go).
//
// Tag runs two passes, following Ratinov and Roth (2009). A cheaper first
// pass finds candidate names. The second pass then sees, for each
// capitalized word, the class that the first pass gave the same word
// elsewhere in the document, and the contexts of its other mentions.
// After decoding, a surname of a person found in full is a person
// throughout the document (consistency.go), and a few rules add what the
// model sees too rarely to learn (rules.go): a short form defined in
// parentheses ("National Union of Metalworkers of SA (Numsa)") takes the
// long form's type throughout the document; an unsure one-word person
// that the place gazetteer knows and the given-name list does not is a
// place ("Jujuy"); a wire story's "Reuter" sign-off line is no name; a
// person ending in a cue word of another class ("… Charitable
// Foundation") takes that class; and a trailing day of the week ("Sha Tin
// Saturday") is no part of a name.
//
// Span.Score is 1 - exp(-margin/T). The margin is how much better the
// decoded path scores with the span than with O labels in its place. T is
// set in training so that the median training span scores 0.9.
//
// The model is embedded (model.bin) and loaded once by Default, in about
// 60 ms of CPU. Rebuild it with
// "factgraph train --data ../shared/data --out extract/ner/model.bin";
// training is deterministic. Experiments leave out a tuning split of the
// En-Worldwide training files ("nereval train -leave-tune") and never
// look at the held-out fifth that the scores are reported on. MODEL.md at the repository root is the
// model's card: data, licences, features, scores and speed.
//
// Caveats:
//   - Entities never cross sentence boundaries, nor gaps of three or more
//     spaces inside a line (table columns).
//   - Nationality adjectives and other miscellaneous names are learned as a
//     class but never returned.
//   - Dates and amounts are left to the rule-based extractors.
//   - The model was trained on the sentences of package token; retrain it
//     when sentence splitting changes.
package ner
