// Package extract turns a news document into a graph.Extraction: the
// people, places, organizations, named events and dates it names, each
// with its mentions (sentence index and code-point offsets), and the facts
// between them: roles, containment, meetings and other events, figures and
// quotes, each with evidence and a confidence.
//
// An Extractor runs in stages over windows of the text (about 64 KB at a
// time, cut at paragraph breaks, so that memory stays bounded on very
// large inputs):
//
//  1. token splits the window into tokens and sentences;
//  2. a Tagger (the statistical tagger of package ner by default) proposes
//     typed spans;
//  3. the spans are cleaned: titles become roles ("Russian President
//     Vladimir Putin" is the person "Vladimir Putin", President of Russia),
//     possessives are stripped ("Syria's"), caption and photo credits are
//     dropped, nationality adjectives link what they modify to their
//     country, places are geocoded with package gazetteer;
//  4. the document's first lines are read for a dateline ("Sochi:",
//     "LONDON (Reuters) -"), which becomes Document.Place;
//  5. mentions are resolved into entities for the whole document: "Putin"
//     and "Vladimir Putin" are one person whose canonical name is the
//     longest, and a name keeps one type throughout;
//  6. facts are read from the entities' contexts: position relations,
//     located_in, events and their participants, met, participant_in,
//     citizen_of, and mentioned_with for every other pair in a sentence;
//     figures, dates and quotes come from packages figure, date and quote,
//     with their references resolved to the document's entities.
//
// Caveats: coreference is by name only (pronouns are not resolved, except
// "the two leaders" after a meeting of two people), and a name split across
// two windows of a huge document is seen as two mentions.
package extract
