// Package schema serves factgraph's knowledge graph over GraphQL, built on
// github.com/graphql-go/graphql over the service interfaces of package
// graph; it never touches the store directly.
//
// New returns a Server that answers GraphQL at /graphql (GET for queries,
// POST with a JSON body for queries and mutations), GraphiQL at /graphiql
// (bundled, so it works offline), /healthz and Prometheus metrics at
// /metrics.
//
// # Safety
//
// Every request is checked before any resolver runs: the body size, the
// bracket nesting of the raw text, then on the parsed query its depth,
// aliases, root fields and total fields (with fragments expanded), then its
// estimated cost with the request's variables, where every list counts
// `first` times what it contains. Execution has a deadline, and at most
// Config.MaxConcurrent requests execute at once; more get 503. Mutations
// need the bearer token of Config.Token and are disabled without one.
//
// # Errors
//
// Every error carries extensions.code: INVALID, NOT_FOUND,
// UNAUTHENTICATED, CONFLICT, LIMIT (with extensions.limit naming the
// limit) or INTERNAL. Codes come from graph.ErrorCode; internal errors and
// panics are logged and reach the client only as "Internal error.".
//
// # Speed
//
// Parsed and validated queries are kept in an LRU cache keyed by the query
// text, with each query operation compiled into a plan for the fast
// executor (fastexec.go), which calls the schema's resolvers without
// graphql-go's executor and its allocations for every field; a query it
// does not cover (mutations, directives, introspection), or a request whose
// execution meets an error, runs on graphql-go, so errors are always
// graphql-go's. Both give the same bytes (TestFastExecutorMatchesGraphQLGo). Entities and documents referred to by facts (a relation's subject,
// a mention's document) are loaded in one batch per level of the response
// through graph.EntityService.EntitiesByID, using graphql-go's thunks.
// Responses to queries are kept in a second cache, keyed by the raw
// request (a POST body or a GET query string), and emptied by every mutation; it is exact
// because the server's process is the store's only writer (call
// Server.Invalidate after writing to the graph by other means). A request
// with "Cache-Control: no-cache" is always executed. Results are encoded
// to JSON by hand rather than by reflection.
//
// # Caveats
//
// Mention.sentence is found by a punctuation heuristic around the span,
// which may split at abbreviations differently from the extractor.
// Document.entities needs a DocumentService that also implements
// DocumentEntityLister, and Document.mentions one that implements
// DocumentMentionLister; without them each reads a one-document
// graph.Dumper dump, which may scan. A request that times out ends when the service call in
// progress sees its context's deadline; services must honour it.
package schema
