package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/factgraph/factgraph/web/webtest"
)

// seedExpect is what the explorer must show for the seed article.
var seedExpect = webtest.Expect{
	Search: "Putin", Person: "Vladimir Putin", Role: "President", RoleOf: "Russia",
	Neighbour: "Bashar Al Assad", Quote: "supplementary conditions have been created",
	Figure: "450,000", Measure: "killed",
	FigurePages: []string{"Syria", "Syrian civil war"},
	TallyPages:  []string{"Syrian civil war"},
	TextSearch:  `"military success" Syrian`,
}

// TestBrowser drives the page in headless Chromium against a fake API that
// executes the schema contract over the seed article's facts.
func TestBrowser(t *testing.T) {
	b := webtest.New(t)
	srv := httptest.NewServer(fakeMux(t))
	t.Cleanup(srv.Close)
	dir := webtest.ScreenshotDir(t)

	webtest.CheckExplorer(t, b, srv.URL, dir, seedExpect)

	t.Run("CodePointOffsets", func(t *testing.T) {
		// The document's title letters lie outside the BMP, so its
		// code-point offsets are not UTF-16 indexes: each highlight must
		// still cover exactly its entity.
		b.Do("open the document", chromedp.Navigate(srv.URL+"/#/document/astral"))
		got := webtest.Wait[[]string](b, "highlights", `(() => {
			const hl = [...document.querySelectorAll('.doc-text a.hl')].map((a) => a.textContent);
			return hl.length ? hl : null;
		})()`)
		want := []string{"Angela Merkel", "Vladimir Putin", "Sochi"}
		if !slices.Equal(got, want) {
			t.Errorf("highlights = %q, want %q", got, want)
		}
	})
	t.Run("NoMatchIsShown", func(t *testing.T) {
		b.Do("search for nothing", chromedp.Navigate(srv.URL+"/#/"),
			chromedp.Evaluate[chromedp.Void](`document.getElementById('search').value = ''`),
			chromedp.SendKeys(chromedp.ID("search"), "zzzqqq"))
		// The message must be visible, not only announced to screen readers.
		// It is read once all the keys are in: the page answers each
		// prefix ("zzzq") as it is typed.
		got := webtest.Wait[string](b, "visible no-match message", `(() => {
			const s = document.getElementById('search-status');
			const done = document.getElementById('search').value === 'zzzqqq';
			return done && s.textContent.includes('zzzqqq') && s.getBoundingClientRect().width > 100 ? s.textContent : null;
		})()`)
		if want := "No name, alias or surname starts with “zzzqqq”."; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
		b.Do("clear the search", chromedp.Evaluate[chromedp.Void](`(() => {
			const i = document.getElementById('search'); i.value = ''; i.dispatchEvent(new Event('input'));
		})()`))
		if w := webtest.Eval[float64](b, "message width", `document.getElementById('search-status').getBoundingClientRect().width`); w > 1 {
			t.Errorf("the message stays visible (%.0f px wide) after the search is cleared", w)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		b.Do("open a missing entity", chromedp.Navigate(srv.URL+"/#/entity/nope"))
		h := webtest.Wait[string](b, "not found", `document.querySelector('main h1')?.textContent`)
		if h != "Not found" {
			t.Errorf("missing entity shows %q", h)
		}
	})
	b.CheckNoProblems()
}

func fakeMux(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", Handler())
	mux.Handle("/graphql", newFakeAPI(t, seedWorld(t), seedRoot()))
	return mux
}
