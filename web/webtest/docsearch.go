package webtest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// checkDocumentFacts checks, on an open document page, that the facts
// beside the text show want's figure, quote and person, and that a
// figure's "in text" link focuses the figure in the text.
func checkDocumentFacts(t *testing.T, b *Browser, want Expect) {
	t.Helper()
	facts := Wait[string](b, "the document's facts", `document.querySelector('.doc-facts')?.textContent || null`)
	for _, s := range []string{want.Figure, want.Quote, want.Person} {
		if !strings.Contains(facts, s) {
			t.Errorf("the document's facts %q lack %q", facts, s)
		}
	}
	if n := Eval[int](b, "linked entities", `document.querySelectorAll('.doc-facts a.ent').length`); n == 0 {
		t.Error("the document's facts link to no entity")
	}
	// The page may already focus a mention (the entity it was opened
	// from): wait for the focus to move, or to hold the figure.
	before := Eval[string](b, "the focus before", `document.querySelector('.doc-text #focus')?.textContent || ''`)
	b.click("the figure's place in the text", `[...document.querySelectorAll('.doc-facts .figures li')]
		.find((li) => li.textContent.includes(`+js(want.Figure)+`))?.querySelector('a.in-text')`)
	focus := Wait[string](b, "the figure in focus", `(() => {
		const t = document.querySelector('.doc-text #focus')?.textContent;
		return t && (t !== `+js(before)+` || t.includes(`+js(want.Figure)+`)) ? t : null;
	})()`)
	if !strings.Contains(focus, want.Figure) {
		t.Errorf("the figure's link focuses %q, want the span with %s", focus, want.Figure)
	}
}

// checkTextSearch searches the documents' text for want.TextSearch from
// the header's form, checks that the hits mark its words, and opens the
// first hit, whose text must hold them. Its screenshot is search-1280.png.
func checkTextSearch(t *testing.T, b *Browser, dir string, want Expect) {
	t.Helper()
	if want.TextSearch == "" {
		return
	}
	b.Do("search the text for "+want.TextSearch,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('textsearch').value = ''`),
		chromedp.SendKeys(chromedp.ID("textsearch"), want.TextSearch),
		chromedp.KeyEvent(kb.Enter))
	type hits struct {
		Status string     `json:"status"`
		Marks  [][]string `json:"marks"`
	}
	got := Wait[*hits](b, "text search hits", `(() => {
		if (!location.hash.startsWith('#/search?') || document.getElementById('main').hasAttribute('aria-busy')) return null;
		const s = document.querySelector('.card [role=status]');
		if (!s) return null;
		return {status: s.textContent, marks: [...document.querySelectorAll('.hits li')].map((li) =>
			[...li.querySelectorAll('.snippet mark')].map((m) => m.textContent.toLowerCase()))};
	})()`)
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(want.TextSearch, `"`, " ")))
	if len(got.Marks) == 0 {
		t.Fatalf("searching the text for %s finds nothing: %q", want.TextSearch, got.Status)
	}
	for _, w := range words {
		found := false
		for _, m := range got.Marks[0] {
			found = found || strings.HasPrefix(m, w) || strings.HasPrefix(w, m)
		}
		if !found {
			t.Errorf("the first hit's snippet marks %q, not %q", got.Marks[0], w)
		}
	}
	b.Screenshot(dir, "search-1280.png")
	checkContrast(t, b, "search page")
	b.click("the first hit", `document.querySelector('.hits a.hit-title')`)
	text := Wait[string](b, "the document of the first hit", `document.querySelector('.doc-text')?.textContent.toLowerCase() || null`)
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("the first hit's document lacks %q", w)
		}
	}
}
