package web

//go:generate ./build.sh

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// Security headers sent with every response. The page loads nothing from
// other origins; cytoscape sets element styles from script, which CSP
// allows, but style attributes in markup need 'unsafe-inline'.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// contentTypes maps the extensions in dist to their media types; the
// system's MIME tables are not consulted, so the answer never depends on
// the host.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
}

// asset is one file of the page, ready to serve.
type asset struct {
	name        string
	contentType string
	body        []byte
	gzipped     []byte // nil when compression does not pay
	etag        string // strong ETag of body; the gzipped variant appends "-gz"
	version     string // content hash used in ?v=
}

// site is the page's assets by URL path.
type site struct {
	assets map[string]*asset
}

var (
	loadOnce sync.Once
	loaded   *site
	loadErr  error
)

// Handler returns the handler of the explorer page. Mount it at "/" next to
// the GraphQL API at "/graphql"; it answers GET and HEAD for "/",
// "/index.html", "/app.js", "/style.css" and "/THIRD_PARTY_LICENSES.txt",
// 404 for other paths and 405 for other methods.
func Handler() http.Handler {
	loadOnce.Do(func() { loaded, loadErr = load(dist) })
	if loadErr != nil {
		// The embedded files are checked by the tests; this only happens
		// when dist was not built before compiling.
		panic(fmt.Sprintf("web: %v", loadErr))
	}
	return loaded
}

// load reads the page from fsys (holding dist/) and prepares each file.
func load(fsys fs.FS) (*site, error) {
	s := &site{assets: map[string]*asset{}}
	sub, err := fs.Sub(fsys, "dist")
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		return nil, fmt.Errorf("read dist: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		ct, ok := contentTypes[path.Ext(e.Name())]
		if !ok {
			return nil, fmt.Errorf("dist/%s: no content type for its extension", e.Name())
		}
		body, err := fs.ReadFile(sub, e.Name())
		if err != nil {
			return nil, err
		}
		s.assets["/"+e.Name()] = &asset{name: e.Name(), contentType: ct, body: body}
	}
	index := s.assets["/index.html"]
	if index == nil {
		return nil, fmt.Errorf("dist/index.html missing: run web/build.sh")
	}
	// Version the references in index.html by content, so that assets can
	// be cached for good and a new build is still fetched at once.
	for _, name := range []string{"app.js", "style.css"} {
		a := s.assets["/"+name]
		if a == nil {
			return nil, fmt.Errorf("dist/%s missing: run web/build.sh", name)
		}
		a.version = hash(a.body)[:12]
		quoted := []byte(`"` + name + `"`)
		if !bytes.Contains(index.body, quoted) {
			return nil, fmt.Errorf("dist/index.html does not reference %s", name)
		}
		index.body = bytes.ReplaceAll(index.body, quoted, []byte(`"`+name+`?v=`+a.version+`"`))
	}
	for _, a := range s.assets {
		a.etag = `"` + hash(a.body)[:20] + `"`
		a.gzipped = compress(a.body)
	}
	s.assets["/"] = index
	return s, nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// compress gzips b, or returns nil when that saves less than a tenth.
func compress(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if buf.Len() > len(b)*9/10 {
		return nil
	}
	return buf.Bytes()
}

// ServeHTTP serves one asset of the page.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	a := s.assets[r.URL.Path]
	if a == nil {
		http.NotFound(w, r)
		return
	}
	h.Set("Content-Type", a.contentType)
	switch {
	case a.version != "" && r.URL.Query().Get("v") == a.version:
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		// Revalidate every time: the ETag makes that a 304.
		h.Set("Cache-Control", "no-cache")
	}
	if a.contentType == contentTypes[".html"] {
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
	}
	body, etag := a.body, a.etag
	if a.gzipped != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag = a.gzipped, strings.TrimSuffix(a.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	// ServeContent answers If-None-Match and HEAD; with no modification
	// time it sends no Last-Modified, as the ETag says it better.
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: listed
// (or "*") and not with q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		params = strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q, ok := strings.CutPrefix(params, "q="); ok && strings.Trim(q, "0.") == "" {
			return false
		}
		return true
	}
	return false
}
