package schema

import (
	"embed"
	"net/http"
	"path"
	"strconv"
)

// The GraphiQL IDE, served from embedded copies of the npm packages
// graphiql@1.4.7, react@17.0.2 and react-dom@17.0.2 (all MIT licensed; see
// graphiql/LICENSES.txt), so that it works without network access.
//
//go:embed graphiql/*.js graphiql/*.css graphiql/LICENSES.txt
var graphiqlAssets embed.FS

// graphiqlCSP is GraphiQL's Content-Security-Policy: scripts, requests
// and fonts from this server only, never inline scripts; styles also
// inline, which the page's one <style> and GraphiQL's editor use. The
// bundled GraphiQL compiles code at run time, so it needs 'unsafe-eval'
// (without it the page stays blank: TestGraphiQLRendersOffline).
const graphiqlCSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
	"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"

const graphiqlPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>factgraph GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="graphiql/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="graphiql/react.production.min.js"></script>
<script src="graphiql/react-dom.production.min.js"></script>
<script src="graphiql/graphiql.min.js"></script>
<script src="graphiql/boot.js"></script>
</body>
</html>
`

func (s *Server) serveGraphiQL(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	// The page runs only its own scripts and may not be framed, so that another site cannot overlay it to make
	// a user with a token run a mutation.
	h.Set("Content-Security-Policy", graphiqlCSP)
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Length", strconv.Itoa(len(graphiqlPage)))
	if r.Method == http.MethodGet {
		w.Write([]byte(graphiqlPage))
	}
}

func (s *Server) serveGraphiQLAsset(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/graphiql/" {
		http.Redirect(w, r, "/graphiql", http.StatusMovedPermanently)
		return
	}
	name := path.Base(r.URL.Path)
	b, err := graphiqlAssets.ReadFile("graphiql/" + name)
	if err != nil || name == "." || name == "/" {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	switch path.Ext(name) {
	case ".js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		h.Set("Content-Type", "text/css; charset=utf-8")
	default:
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	// The assets change only with the binary.
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method == http.MethodGet {
		w.Write(b)
	}
}
