package webtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factgraph/factgraph/internal/testenv"
)

// stepTimeout bounds each step; a step that waits longer has failed.
const stepTimeout = 20 * time.Second

// ChromiumPath returns the browser to drive, or "" when there is none.
func ChromiumPath() string {
	if p := os.Getenv("FACTGRAPH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is one headless Chromium with one tab, closed when the test ends.
type Browser struct {
	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// New starts Chromium for t. It skips t when no browser is installed,
// except where $CI is "true", where it fails.
func New(t testing.TB) *Browser {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		testenv.Missing(t, "no chromium on PATH (install Debian's chromium package, or set FACTGRAPH_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1280, 800),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &Browser{t: t}
	ctx, cancel := chromedp.NewContext(allocCtx,
		chromedp.WithListener(b.listen),
		chromedp.WithLogf(func(string, ...any) {}),
	)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b.ctx = ctx
	// The first action starts the browser and ties it to the context it is
	// given, so it gets the tab's own context, not one with a timeout.
	if err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return b
}

// listen records what the page reports as going wrong. It runs in the
// tab's event loop: it must return fast and send no command.
func (b *Browser) listen(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning ||
			ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			p = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		p = fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e != nil && (e.Level == cdplog.EntryLevelError || e.Level == cdplog.EntryLevelWarning) {
			p = fmt.Sprintf("browser log %s (%s): %s %s", e.Level, e.Source, e.Text, e.URL)
		}
	}
	if p != "" {
		b.mu.Lock()
		b.problems = append(b.problems, p)
		b.mu.Unlock()
	}
}

// Problems returns the console errors and warnings, uncaught exceptions
// and browser log errors seen so far.
func (b *Browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// CheckNoProblems fails the test for each problem the page reported.
func (b *Browser) CheckNoProblems() {
	b.t.Helper()
	for _, p := range b.Problems() {
		b.t.Errorf("page reported: %s", p)
	}
}

// Context is the tab's chromedp context.
func (b *Browser) Context() context.Context { return b.ctx }

// Do runs actions, failing the test with what when one fails.
func (b *Browser) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v%s", what, err, b.problemNote())
	}
}

// Eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its value into T.
func Eval[T any](b *Browser, what, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	yes := true
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) { p.AwaitPromise = &yes }))
	if err != nil {
		b.t.Fatalf("%s: %v%s", what, err, b.problemNote())
	}
	return v
}

// Wait polls a JavaScript expression until it is truthy and returns its
// value.
func Wait[T any](b *Browser, what, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout+time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(stepTimeout),
		chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		b.t.Fatalf("waiting for %s: %v%s", what, err, b.problemNote())
	}
	return v
}

func (b *Browser) problemNote() string {
	ps := b.Problems()
	if len(ps) == 0 {
		return ""
	}
	return "\npage reported:\n  " + strings.Join(ps, "\n  ")
}

// Screenshot saves the viewport as dir/name (a PNG) and returns the path.
func (b *Browser) Screenshot(dir, name string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

// ScreenshotDir is where a test writes its screenshots: $FACTGRAPH_SCREENSHOT_DIR
// when set (created if needed), else the test's artifact directory, which
// "go test -artifacts" keeps.
func ScreenshotDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("FACTGRAPH_SCREENSHOT_DIR"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.ArtifactDir()
}
