// Package graph is factgraph's domain: the documents, entities, mentions and
// facts of a news knowledge graph, the filters used to query them, and the
// small interfaces that the other packages implement or consume.
//
// The package imports only the standard library. The store package implements
// its services on Badger, the schema package serves them over GraphQL, the
// extract package produces Extractions from text, and cmd/factgraph wires them
// together.
//
// # Identifiers
//
// Entity IDs are readable and stable: the entity type, a slash, and a slug of
// its canonical name ("person/vladimir-putin", "place/sochi"). Two runs over
// the same input produce the same IDs, so dumps can be diffed. Fact IDs
// (relations, figures, events, quotes) are derived from their content and
// evidence, never from a counter.
//
// # Offsets
//
// Every Mention carries Unicode code-point offsets into its document's text,
// with an exclusive end: []rune(doc.Text)[m.Start:m.End] == m.Text.
package graph
