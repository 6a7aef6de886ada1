package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgraph/factgraph/internal/testenv"
)

// get serves one request through Handler and returns the response.
func get(t *testing.T, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	var r io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var versionRE = regexp.MustCompile(`"(app\.js|style\.css)\?v=([0-9a-f]{12})"`)

// versions returns the content hashes index.html gives its assets.
func versions(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range versionRE.FindAllStringSubmatch(body(t, get(t, "GET", "/", nil)), -1) {
		out[m[1]] = m[2]
	}
	if len(out) != 2 {
		t.Fatalf("index.html references %v, want versioned app.js and style.css", out)
	}
	return out
}

func TestHandler(t *testing.T) {
	v := versions(t)
	tests := []struct {
		name, method, target string
		header               map[string]string
		status               int
		contentType          string
		cacheControl         string
		encoding             string
		contains             string
	}{
		{name: "Index", method: "GET", target: "/", status: 200, contentType: "text/html; charset=utf-8",
			cacheControl: "no-cache", contains: `<input id="search"`},
		{name: "IndexByName", method: "GET", target: "/index.html", status: 200,
			contentType: "text/html; charset=utf-8", cacheControl: "no-cache", contains: "factgraph explorer"},
		{name: "ScriptVersioned", method: "GET", target: "/app.js?v=" + v["app.js"], status: 200,
			contentType: "text/javascript; charset=utf-8", cacheControl: "public, max-age=31536000, immutable",
			contains: "graphql"},
		{name: "ScriptStaleVersion", method: "GET", target: "/app.js?v=000000000000", status: 200,
			contentType: "text/javascript; charset=utf-8", cacheControl: "no-cache"},
		{name: "StyleGzip", method: "GET", target: "/style.css?v=" + v["style.css"],
			header: map[string]string{"Accept-Encoding": "br, gzip;q=0.8"}, status: 200,
			contentType: "text/css; charset=utf-8", cacheControl: "public, max-age=31536000, immutable",
			encoding: "gzip", contains: "--c-person"},
		{name: "GzipRefused", method: "GET", target: "/app.js",
			header: map[string]string{"Accept-Encoding": "gzip;q=0, identity"}, status: 200,
			contentType: "text/javascript; charset=utf-8", cacheControl: "no-cache"},
		{name: "Licences", method: "GET", target: "/THIRD_PARTY_LICENSES.txt", status: 200,
			contentType: "text/plain; charset=utf-8", cacheControl: "no-cache", contains: "cytoscape 3."},
		{name: "Head", method: "HEAD", target: "/", status: 200, contentType: "text/html; charset=utf-8",
			cacheControl: "no-cache"},
		{name: "ErrNotFound", method: "GET", target: "/nope.js", status: 404},
		{name: "ErrNotFoundDirectory", method: "GET", target: "/dist/app.js", status: 404},
		{name: "ErrMethod", method: "POST", target: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, tt.method, tt.target, tt.header)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			if tt.status != 200 {
				if tt.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
					t.Errorf("Allow = %q", res.Header.Get("Allow"))
				}
				return
			}
			if got := res.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := res.Header.Get("Cache-Control"); got != tt.cacheControl {
				t.Errorf("Cache-Control = %q, want %q", got, tt.cacheControl)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.encoding)
			}
			if res.Header.Get("ETag") == "" {
				t.Error("no ETag")
			}
			b := body(t, res)
			if tt.method == "HEAD" {
				if b != "" {
					t.Errorf("HEAD has a body of %d bytes", len(b))
				}
				return
			}
			if !strings.Contains(b, tt.contains) {
				t.Errorf("body does not contain %q", tt.contains)
			}
		})
	}
}

func TestHandler_IndexHeaders(t *testing.T) {
	res := get(t, "GET", "/", nil)
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if got := res.Header.Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("X-Frame-Options = %q", got)
	}
}

func TestHandler_NotModified(t *testing.T) {
	for _, enc := range []string{"", "gzip"} {
		t.Run("Encoding="+enc, func(t *testing.T) {
			first := get(t, "GET", "/app.js", map[string]string{"Accept-Encoding": enc})
			etag := first.Header.Get("ETag")
			again := get(t, "GET", "/app.js", map[string]string{"Accept-Encoding": enc, "If-None-Match": etag})
			if again.StatusCode != http.StatusNotModified {
				t.Fatalf("status = %d, want 304", again.StatusCode)
			}
			if enc == "" {
				return
			}
			// The gzipped variant must not share the identity ETag.
			plain := get(t, "GET", "/app.js", nil).Header.Get("ETag")
			if plain == etag {
				t.Errorf("gzip and identity share ETag %s", etag)
			}
		})
	}
}

func TestHandler_GzipMatchesIdentity(t *testing.T) {
	plain := body(t, get(t, "GET", "/app.js", nil))
	zipped := get(t, "GET", "/app.js", map[string]string{"Accept-Encoding": "gzip"})
	if zipped.Header.Get("Content-Encoding") != "gzip" {
		t.Fatal("app.js not gzipped")
	}
	if body(t, zipped) != plain {
		t.Fatal("gzipped app.js differs from app.js")
	}
}

func TestLoad(t *testing.T) {
	good := func() fstest.MapFS {
		return fstest.MapFS{
			"dist/index.html": {Data: []byte(`<link href="style.css"><script src="app.js"></script>`)},
			"dist/app.js":     {Data: []byte("console.log(1)")},
			"dist/style.css":  {Data: []byte("body{}")},
		}
	}
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		err    string
	}{
		{name: "OK", change: func(fstest.MapFS) {}},
		{name: "ErrNoIndex", change: func(m fstest.MapFS) { delete(m, "dist/index.html") }, err: "index.html missing"},
		{name: "ErrNoScript", change: func(m fstest.MapFS) { delete(m, "dist/app.js") }, err: "app.js missing"},
		{name: "ErrUnreferenced", change: func(m fstest.MapFS) { m["dist/index.html"] = &fstest.MapFile{Data: []byte("<p>")} },
			err: "does not reference"},
		{name: "ErrUnknownType", change: func(m fstest.MapFS) { m["dist/x.wasm"] = &fstest.MapFile{} }, err: "no content type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := good()
			tt.change(m)
			s, err := load(m)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			idx := s.assets["/"].body
			if !bytes.Contains(idx, []byte(`src="app.js?v=`)) || !bytes.Contains(idx, []byte(`href="style.css?v=`)) {
				t.Errorf("index not versioned: %s", idx)
			}
		})
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"deflate, gzip;q=1.0", true},
		{"br;q=1, gzip; q=0.5", true},
		{"gzip;q=0", false},
		{"gzip;q=0.000", false},
		{"*", true},
		{"identity", false},
		{"x-gzip-not", false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := acceptsGzip(tt.header); got != tt.want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

// TestJavaScriptUnits runs the page's own unit tests (src/*.test.js) with
// Node's test runner. They need no npm packages, only node.
func TestJavaScriptUnits(t *testing.T) {
	node := testenv.Tool(t, "apt-get install nodejs", "node")
	// Files, not the directory: Node 18 searches a directory, newer
	// versions take glob patterns instead.
	files, err := filepath.Glob("src/*.test.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no src/*.test.js: %v", err)
	}
	out, err := exec.Command(node, append([]string{"--test", "--test-reporter=tap"}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("node --test %v: %v\n%s", files, err, out)
	}
	if !regexp.MustCompile(`(?m)^# pass [1-9]`).Match(out) {
		t.Fatalf("node --test ran no test:\n%s", out)
	}
}

// TestDistUpToDate checks that dist/ is what build.sh makes of src/, so that
// a change to the page's source cannot ship without its bundle. It needs the
// npm packages ("npm ci" in web/, or build.sh once): without them it checks
// the files copied verbatim and skips, or fails under CI=true.
func TestDistUpToDate(t *testing.T) {
	for _, name := range []string{"index.html", "style.css"} {
		src, err := os.ReadFile(filepath.Join("src", name))
		if err != nil {
			t.Fatal(err)
		}
		dist, err := os.ReadFile(filepath.Join("dist", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(src, dist) {
			t.Errorf("dist/%s differs from src/%s: run web/build.sh", name, name)
		}
	}
	if _, err := os.Stat(filepath.Join("node_modules", ".bin", "esbuild")); err != nil {
		testenv.Missing(t, "npm packages not installed (run npm ci in web/); bundle not compared: %v", err)
	}
	out := t.TempDir()
	cmd := exec.Command("sh", "build.sh")
	cmd.Env = append(os.Environ(), "OUT="+out, "OFFLINE=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build.sh: %v\n%s", err, b)
	}
	entries, err := os.ReadDir("dist")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		want, _ := os.ReadFile(filepath.Join(out, e.Name()))
		got, _ := os.ReadFile(filepath.Join("dist", e.Name()))
		if !bytes.Equal(got, want) {
			t.Errorf("dist/%s is not what build.sh makes of src/: run web/build.sh and commit dist/", e.Name())
		}
	}
}
