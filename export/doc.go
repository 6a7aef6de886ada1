// Package export writes graph dumps in the formats researchers load
// elsewhere, and reads back factgraph's own.
//
// Every encoder consumes the record stream of a graph.Dumper, one record at
// a time, so an export runs in constant memory whatever the size of the
// store:
//
//   - NQuadsEncoder: RDF 1.1 N-Quads. Entities are typed with schema.org
//     (schema:Person, schema:Place, schema:Organization, schema:Event) and
//     fg:Entity; names and aliases are literals tagged @en; factgraph's own
//     terms are in NS (described by vocab.ttl, VocabularyTurtle) and relation
//     predicates in RelNS. What one document says is in the named graph of
//     that document. NQuadsOptions.Dgraph selects the dialect of Dgraph's
//     loaders, which schema/dgraph.schema describes.
//   - JSONLDEncoder: the same dataset as JSON-LD, with Context as @context.
//   - GraphMLEncoder: entities and relations as a GraphML graph with typed
//     keys, for NetworkX, Gephi, Cytoscape and yEd.
//   - CSVEncoder: entities and relations in the nodes.csv and
//     relationships.csv layout of neo4j-admin database import.
//   - JSONLEncoder: the lossless dump, a Header line then one graph.Record
//     per line; Reader reads it back for a graph.Restorer.
//
// Provenance (Describe) says what made a dump: factgraph's version, its
// models' checksums, the time of the snapshot, the store's counts and the
// filters, in each format's own way. No dump states a statement twice: a
// span cited by many facts is described once. vocab.ttl is generated
// (WriteVocabulary) from vocab_terms.ttl and graph.FixedPredicates; the
// position predicates, formed from role titles, are declared in each RDF
// dump that uses them, as subproperties of fg:position.
//
// Caveats. GraphML and CSV carry the entity graph only (nodes and edges);
// documents, mentions, figures, events and quotes are in the RDF formats
// and jsonl. Neo4j array columns cannot escape their delimiter, so an alias
// containing ";" splits in the CSV export. XML cannot carry most control
// characters: GraphML replaces them with U+FFFD. Only jsonl is lossless by
// construction.
package export
