// Package extract turns a news document into a graph.Extraction: the
// people, places, organizations, named events and dates it names, each
// with its mentions (sentence index and code-point offsets), and the facts
// between them: roles, containment, meetings and other events, figures and
// quotes, each with evidence and a confidence.
//
// An Extractor runs in stages, in the order pipeline.go runs them: stages
// 1 to 6 over windows of the text (about 64 KB at a time, cut at
// paragraph breaks, so that memory stays bounded on very large inputs),
// then 7 to 9 over the whole document. Each stage is a function in the
// file named beside it:
//
//  1. newChunk (chunk.go): package token splits the window into tokens and
//     sentences;
//  2. findDateline (dateline.go): the document's first lines are read for
//     a dateline ("Sochi:", "LONDON (Reuters) -"), which becomes
//     Document.Place;
//  3. tag (tagger.go): a Tagger (the statistical tagger of package ner by
//     default) proposes typed spans;
//  4. cleanSpans and takeMentions (spans.go): the spans are cleaned into
//     the window's mentions: titles are cut off names ("Russian President
//     Vladimir Putin" is the person "Vladimir Putin"), possessives are
//     stripped ("Syria's"), caption and photo credits are dropped (see
//     credits.go), places are geocoded with package gazetteer;
//  5. the readers of what the words around names say: readTeams
//     (teams.go: in a sports story, "England beat France" names two
//     teams, organizations of their own, not the countries),
//     readDefinitions (definitions.go), readWars (wars.go), readRoles and readCues
//     (roles.go: "Russian President Vladimir Putin" holds the role
//     President of Russia, "X said" is a person; the role rules are the
//     tables titleRules and ofRules), readRelations (relations.go: typed
//     relations, each read by a named relRule), readPlaces (places.go);
//     nationality adjectives link what they modify to their country;
//  6. readFacts (facts.go): figures, dates and quotes come from packages
//     figure, date and quote, and events from events.go, as candidates
//     whose arguments are still mentions;
//  7. resolve (resolve.go): mentions are resolved into entities for the
//     whole document: "Putin" and "Vladimir Putin" are one person whose
//     canonical name is the longest (a lone given name joins the one
//     person it starts); a name is a person throughout or nowhere,
//     decided by the tagger's votes for its longest form and by context
//     cues (a title, "X said", "a meeting with X", "X's regime"), while
//     between a place and an organization each mention keeps the tagger's
//     reading ("NEW YORK" the city in the dateline, the team in the
//     results); countries are places;
//  8. entities (entities.go): the entities of the resolved groups, with
//     their mentions, aliases and IDs;
//  9. output (output.go): the facts, with the entities of their mentions:
//     position relations, located_in, events and their participants, met,
//     participant_in, citizen_of, figures, quotes, and mentioned_with for
//     every other pair in a sentence.
//
// The stages share the document's state (state.go) in parts that say
// which stages fill and which read them: its mentions, its geography
// (dateline and countries), the short forms defined in parentheses, and
// the fact candidates; pipeline.go tabulates them.
//
// With WithExplain, each figure and position relation names the rule
// that read it (graph.Figure.Rule, graph.Relation.Rules).
//
// Caveats: coreference is by name only (pronouns are not resolved, except
// "the two leaders" after a meeting of two people, and package quote's
// "he said"); a name split across two windows of a huge document is seen
// as two mentions; memory grows with the number of mentions and facts,
// which are held until the end: about 8 bytes of heap per byte of news
// text at the peak, half of it the result (a 50 MB document of Reuters
// news peaks at 380 MB over the text, 500 MB RSS).
//
// Conventions that differ from some gold corpora, by design: titles are
// not part of names ("Prince Charles" is Charles, with the role Prince),
// possessives are stripped ("Mahé's" is Mahé), "Nairobi, Kenya" is two
// places related by located_in, and wire credits ("(IPS)") are not names.
package extract
