// Package web serves factgraph's explorer: a single page that searches the
// graph, shows an entity with its roles, figures, events, quotes and source
// sentences, highlights the entities of a document, and draws an entity's
// neighbourhood as an interactive force-directed graph.
//
// The page talks to the GraphQL API at "graphql" relative to where it is
// mounted (so at /graphql when mounted at /), using only the names of the
// schema contract; it has no server-side logic of its own. Its JavaScript is
// bundled from src/ into dist/ by build.sh (npm and esbuild; see README.md)
// and dist/ is committed and embedded, so the factgraph binary serves the
// page offline and building it needs no npm.
//
// Handler serves index.html at "/" with Cache-Control: no-cache, and rewrites
// its references to app.js and style.css to carry a content hash
// ("app.js?v=…"); a request with the current hash is cached for a year as
// immutable, so a new binary is picked up at once while an unchanged page
// costs one conditional request. Responses carry ETags, are gzipped for
// clients that accept it, and come with a Content-Security-Policy that
// allows nothing but the page's own origin.
package web
