// Package store keeps factgraph's knowledge graph in an embedded Badger
// database (github.com/dgraph-io/badger/v4). A *DB implements every graph
// service: Ingester, DocumentService, EntityService, RelationService,
// FigureService, EventService, QuoteService, StatsService, Dumper and
// Restorer.
//
//	db, err := store.Open("factgraph.db")
//	if err != nil { ... } // ECONFLICT if another process has it open
//	defer db.Close()
//	res, err := db.Ingest(ctx, extractions)
//
// # Layout
//
// key.go documents every key byte by byte. Each entity, relation, document
// and fact has a primary record; indexes (entities by type and folded name,
// edges outward and inward by predicate, facts by entity, documents by date)
// are keys written in the same transaction as the record. Exact counts live
// in counter keys updated in that transaction too, so Stats reads a dozen
// keys whatever the size of the graph.
//
// Aggregates that readers would otherwise compute by scanning are kept the
// same way: each entity's relation counts by predicate and direction
// (degree.go), which give a page of relations its total count; each
// well-connected entity's edges and neighbours in strength order
// (ties.go), so that a page of its relations, strongest first, or of its
// strongest neighbours reads as many keys as it returns, not every edge,
// and a path search reads one key per neighbour (entities of fewer than 64
// relations are ranked from their edges when read); each toll's reports under one prefix of the
// tally keyspace (tally.go), so a measure's tallies are one scan that reads no figure record, and
// FigureTotals sums those tallies; and each relation's first 20
// evidence mentions inside its record, so rendering a relation is one read.
// Each document's title and text are indexed for full-text search in its
// own transaction (search.go): one forward key per document, and per
// block of 128 documents one key per stem with the documents' word
// counts and positions, so a query reads a key per block of its stems'
// postings, ranks them by BM25 and checks phrases without reading a text.
//
// # Reads
//
// Values are a compact binary encoding (codec.go) decoded with one
// allocation for all their strings. Exact name lookups are point reads
// (bloom filters skip most tables); scans use one iterator per key prefix
// with IteratorOptions.Prefix set, read values only where needed, and stop
// as soon as a page is full when the total is known. A document's entities
// and mentions (DocumentEntities, DocumentMentions) are read from its
// contribution records and each entity's mention keys in it, so they cost
// what the document holds, not what the store holds.
//
// # Documents, provenance and deletion
//
// Every document records what it contributed ('x' keys): the name forms,
// roles and attributes it gave each entity, its support of each relation
// (count, confidence, evidence), and its figures, events and quotes.
// Entities keep their forms and roles as multisets counting documents, and
// a relation's weight is the sum of its supports, so deleting or replacing
// a document subtracts exactly what it added. Entities no document supports
// any more disappear; so do relations no document states.
//
// A document is applied in one Badger transaction, so after a crash
// (SIGKILL included) it is entirely present or entirely absent: Badger
// replays its write-ahead value log on Open and drops incomplete
// transactions. Documents passed to one Ingest call may share a transaction
// for speed, which keeps that guarantee. A transaction may use at most 15%
// of a memtable (2.4 MB, about 20,000 entries, with the default 16 MB): far
// more than a news article needs; a document whose facts exceed it is
// refused with ELIMIT rather than split, since splitting would give up
// atomicity (WithMemTableSize raises the bound). crash_test.go kills an
// ingesting process with SIGKILL and checks this.
//
// # Entity resolution
//
// Extractions name entities with document-local IDs. Ingest resolves each
// to a global entity of the same type: by ID, by folded name (graph.NameKey),
// by alias, and for a one-word person name by the one person whose full
// name ends in it ("Putin" → person/vladimir-putin). When a full name
// arrives after a surname-only person exists, the surname entity is merged
// into the new one and the merge recorded, so its ID keeps resolving. IDs
// are made from names (graph.EntityID) and never from counters, so the same
// input in the same order gives the same IDs. When a deletion leaves an
// entity without the name its ID was made from, it takes the ID its
// remaining name gives (undoing a surname merge if there was one), so the
// store matches one that never had the document.
//
// Where a later document would have decided otherwise, the store
// re-decides (absorb.go): an entity named only by a short name joins the
// full name that gains it as an alias ("Ford" and Ford Motor Co), and an
// entity of a name's minority type joins the type whose votes come to
// decide (an early "CANADA" organization and place/canada), each by an
// automatic merge.
//
// # Memory
//
// Badger is tuned (db.go) to keep the heap bounded while ingesting: small
// memtables, 2 MB tables at every level, a 16 MB block cache. Most of what
// remains is Badger's compaction buffers, garbage the Go collector frees
// late; a process that must stay under a memory budget should also set a
// soft memory limit (GOMEMLIMIT or debug.SetMemoryLimit; "factgraph
// ingest" sets 360 MiB). Badger also memory-maps its tables, value logs
// and memtable logs, and the kernel counts every page a process touched in
// its RSS: Ingest and Restore have the kernel reclaim those pages every
// 250 ms, and Dump every 32,768 keys (mapped_linux.go), which keeps an
// export's RSS flat whatever the store size. BENCHMARKS.md has the
// measurements.
//
// # Concurrency
//
// Writes (Ingest, DeleteDocument, MergeEntities, Restore) are serialized by
// a mutex; reads run in Badger snapshot transactions alongside them. Only
// one process may open a store for writing: a second gets ECONFLICT.
//
// # Caveats
//
//   - Resolution still depends on arrival order (BENCHMARKS.md, "Order
//     dependence of resolution", counts how): an entity's ID is made from
//     the first name seen, a name indexed under several entities joins the
//     most mentioned so far, a merge leaves a record that the other order
//     has not, and which entity a short name joins
//     can differ between two orders of the same documents ("Putin" joins
//     "Vladimir Putin" only if that is the one full name ending in Putin
//     when it arrives). A surname-only person merged into the one full
//     name it then matched stays merged when a second full name with that
//     surname arrives, so later lone mentions of the surname still join
//     the first ("Lee" before "Stan Lee" and "Starry Lee"); in the other
//     order they get an entity of their own.
//   - The merges of absorb.go are not undone when the document that
//     caused them is deleted: "Ford" absorbed by "Ford Motor Co" through
//     an alias stays absorbed, and an early "CANADA" organization merged
//     into place/canada stays there, where a store that never had the
//     deleted document would keep two entities. Surname merges are undone
//     (unfold); these are not yet.
//   - Analysts' merges are permanent: deleting every document of a merged
//     entity removes the entity, and the merge keeps pointing at its ID.
//   - Role targets and document places name entities as they were when
//     stored; readers resolve them through merges.
//   - Fact IDs come from the extractor; a fact whose ID another document's
//     fact already holds is stored as "ID@document".
//   - Relation evidence is capped at 20 mentions per relation and document;
//     weights stay exact.
//   - Tallies are reconciled when read (graph.Reconcile): a measure with
//     many reports costs a scan of them all, whatever the page size.
//   - Restore reproduces a dump exactly, but a dump does not attribute name
//     forms, roles or relation weight beyond evidence to documents, so
//     deleting documents of a restored store leaves those in place.
package store
