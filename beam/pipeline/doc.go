// Package pipeline is factgraph's extraction and graph build as an Apache
// Beam pipeline, for archives that one machine cannot extract in good
// time: it reads news files by glob from any filesystem Beam has (local,
// gs://), extracts every document on the workers with the
// embedded model (loaded once per worker), and writes
//
//   - the extractions, sharded: OUT/extractions-SSSSS-of-NNNNN.jsonl, one
//     line per document in the layout of `factgraph extract`, each shard
//     in document order;
//   - the graph: OUT/graph.jsonl, the dump that `factgraph import`
//     restores, and OUT/graph.nquads, the same graph in the N-Quads
//     dialect of Dgraph's bulk loader (schema/dgraph.schema).
//
// Documents are read as `factgraph ingest` reads them (internal/input:
// the same JSON Lines fields, ID lines, titles and dates, and the same
// errors), and ordered as ingest orders them: by the input's position on
// the command line, then by path, then by line. The graph is the one that
// `factgraph ingest` of the same documents builds, byte for byte in its
// dump.
//
// # The step that does not scale out
//
// Extraction, nearly all of ingest's CPU, runs on every worker. The graph
// does not: the store resolves a document's entities against everything
// stored before it (the most mentioned entity of a name so far, type
// votes once a name has ten, a surname that becomes ambiguous, the ID
// made from the first name seen), so its result depends on document order
// (BENCHMARKS.md, "Order dependence of resolution", counts how), and a
// per-key Combine would give another graph than ingest. The last stage therefore gathers all
// extractions on one worker, sorts them into document order and stores
// them with the store's own code (store.DB.Ingest) in a temporary Badger
// store, from which it writes the dumps. That stage holds every
// extraction in memory and runs at one store writer's speed; README,
// "Beyond one machine", has its cost.
package pipeline
