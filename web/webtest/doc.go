// Package webtest drives factgraph's explorer page in a real headless
// Chromium for tests, through the Chrome DevTools Protocol (chromedp).
//
// New starts a browser with a fresh profile and records every console
// error or warning, uncaught exception and browser log error of the page;
// CheckExplorer walks the page as an analyst would (search, entity page,
// graph, downloads, document view, narrow window, contrast, keyboard) and
// fails the test at the first step that does not show what it should.
// The same checks run in package web against a fake API and in
// cmd/factgraph against the real server with the seed article ingested.
//
// Chromium is found as $FACTGRAPH_CHROMIUM, or as chromium,
// chromium-browser, google-chrome or headless-shell on $PATH. Without one
// the tests skip, unless $CI is "true", where a missing browser fails them.
package webtest
