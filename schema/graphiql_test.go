package schema_test

import (
	"context"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/schema"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestGraphiQLRendersOffline loads /graphiql in headless Chromium, when one
// is installed, and checks that the bundled GraphiQL rendered and fetched
// the schema with its introspection query: nothing comes from a CDN.
func TestGraphiQLRendersOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := testenv.Tool(t, "apt-get install chromium", "chromium", "chromium-browser", "google-chrome", "headless-shell")
	ts := newTestServer(t, schema.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--disable-gpu", "--no-sandbox",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=10000", "--dump-dom", ts.URL+"/graphiql")
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", browser, err)
	}
	for _, want := range []string{"graphiql-container", "execute-button", "Welcome to factgraph"} {
		if !strings.Contains(string(dom), want) {
			t.Errorf("rendered page has no %q", want)
		}
	}
	page, err := ts.Client().Get(ts.URL + "/graphiql")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	// The page above rendered and ran its query under this policy.
	if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if xfo := page.Header.Get("X-Frame-Options"); xfo != "DENY" {
		t.Errorf("X-Frame-Options %q, want DENY", xfo)
	}
	res, err := ts.Client().Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	metrics, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(metrics), `factgraph_graphql_requests_total{code="OK",operation="IntrospectionQuery"}`) {
		t.Error("GraphiQL did not load the schema")
	}
}
