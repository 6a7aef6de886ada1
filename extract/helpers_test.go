package extract_test

import (
	"sync"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
)

var (
	extOnce sync.Once
	ext     *extract.Extractor
	extErr  error
)

// mustExtractor returns one default Extractor shared by the tests, which
// also shows that it is safe to share.
func mustExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	extOnce.Do(func() { ext, extErr = extract.New() })
	if extErr != nil {
		t.Fatal(extErr)
	}
	return ext
}

// checkOffsets checks that every span of x is a valid code-point range of
// text whose text matches, and that every fact refers to an entity of x.
func checkOffsets(t testing.TB, text string, x *graph.Extraction) {
	t.Helper()
	ids := map[string]bool{}
	check := func(what string, m graph.Mention) {
		t.Helper()
		if err := m.Validate(text); err != nil {
			t.Errorf("%s: %v", what, err)
		}
		if m.Document != x.Document.ID {
			t.Errorf("%s: document %q, want %q", what, m.Document, x.Document.ID)
		}
		if m.End <= m.Start {
			t.Errorf("%s: empty span [%d,%d)", what, m.Start, m.End)
		}
	}
	for _, e := range x.Entities {
		if err := e.Validate(); err != nil {
			t.Error(err)
		}
		if ids[e.ID] {
			t.Errorf("duplicate entity %s", e.ID)
		}
		ids[e.ID] = true
		if len(e.Mentions) == 0 {
			t.Errorf("entity %s without mentions", e.ID)
		}
		for _, m := range e.Mentions {
			check("mention of "+e.ID, m)
			if m.Entity != e.ID {
				t.Errorf("mention %q of %s says entity %s", m.Text, e.ID, m.Entity)
			}
		}
	}
	known := func(what, id string) {
		t.Helper()
		if id != "" && !ids[id] {
			t.Errorf("%s refers to unknown entity %q", what, id)
		}
	}
	known("document place", x.Document.Place)
	for _, r := range x.Relations {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		known(r.ID, r.Subject)
		known(r.ID, r.Object)
		for _, m := range r.Evidence {
			check("evidence of "+r.ID, m)
		}
	}
	for _, f := range x.Figures {
		check("figure "+f.ID, f.Evidence)
		known(f.ID, f.About)
		known(f.ID, f.Place)
	}
	for _, e := range x.Events {
		for _, p := range e.Participants {
			known(e.ID, p)
		}
		known(e.ID, e.Place)
		known(e.ID, e.Entity)
		for _, m := range e.Evidence {
			check("evidence of "+e.ID, m)
		}
		if e.Confidence < 0 || e.Confidence > 1 {
			t.Errorf("event %s confidence %v", e.ID, e.Confidence)
		}
	}
	for _, q := range x.Quotes {
		check("quote "+q.ID, q.Evidence)
		known(q.ID, q.Speaker)
	}
}
