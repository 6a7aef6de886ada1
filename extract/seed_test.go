package extract_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/testenv"
)

// seedExpect is ../shared/seed/expected.json.
type seedExpect struct {
	Document struct {
		ID       string `json:"id"`
		Dateline string `json:"dateline"`
	} `json:"document"`
	Entities []struct {
		Type            graph.EntityType `json:"type"`
		Name            string           `json:"name"`
		NameAny         []string         `json:"name_any"`
		OneEntity       []string         `json:"one_entity"`
		MentionsAtLeast int              `json:"mentions_at_least"`
	} `json:"entities"`
	NotEntities []struct {
		Type         string `json:"type"`
		Name         string `json:"name"`
		NameContains string `json:"name_contains"`
	} `json:"not_entities"`
	Relations []struct {
		Subject, Predicate, Object string
		Symmetric                  bool
	} `json:"relations"`
	Events []struct {
		Kind         string   `json:"kind"`
		Participants []string `json:"participants"`
		Place        string   `json:"place"`
		DateText     string   `json:"date_text"`
	} `json:"events"`
	Figures []struct {
		Value     float64  `json:"value"`
		Qualifier string   `json:"qualifier"`
		Measure   string   `json:"measure"`
		Counted   string   `json:"counted"`
		AboutAny  []string `json:"about_any"`
	} `json:"figures"`
	Dates []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
	} `json:"dates"`
	Quotes []struct {
		Speaker      string `json:"speaker"`
		TextContains string `json:"text_contains"`
	} `json:"quotes"`
}

// readDoc reads a .txt document whose first line is its ID. As "factgraph
// extract" does, the text is the whole file, so that offsets are into the
// file.
func readDoc(t *testing.T, path string) graph.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _, _ := strings.Cut(string(b), "\n")
	return graph.Document{ID: strings.TrimSpace(id), Text: string(b)}
}

// named reports whether e is called name (case-insensitively), by its
// name or an alias.
func named(e *graph.Entity, name string) bool {
	for _, n := range e.Names() {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// TestSeedArticle checks every item of ../shared/seed/expected.json, what a
// careful analyst extracts from ../shared/seed/article.txt.
func TestSeedArticle(t *testing.T) {
	var want seedExpect
	if err := json.Unmarshal(testenv.ReadShared(t, "seed/expected.json"), &want); err != nil {
		t.Fatal(err)
	}
	doc := readDoc(t, testenv.Shared(t, "seed/article.txt"))
	x := mustExtractor(t)
	got, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*graph.Entity{}
	for _, e := range got.Entities {
		byID[e.ID] = e
	}
	find := func(typ graph.EntityType, names ...string) []*graph.Entity {
		var out []*graph.Entity
		for _, e := range got.Entities {
			if typ != "" && e.Type != typ {
				continue
			}
			for _, n := range names {
				if named(e, n) {
					out = append(out, e)
					break
				}
			}
		}
		return out
	}
	// isNamed reports whether the entity with this ID is called name.
	isNamed := func(id, name string) bool {
		e := byID[id]
		return e != nil && named(e, name)
	}
	t.Run("Document", func(t *testing.T) {
		if got.Document.ID != want.Document.ID {
			t.Errorf("id %q, want %q", got.Document.ID, want.Document.ID)
		}
		if !isNamed(got.Document.Place, want.Document.Dateline) {
			t.Errorf("dateline place %q, want %s", got.Document.Place, want.Document.Dateline)
		}
	})
	t.Run("Entities", func(t *testing.T) {
		for _, w := range want.Entities {
			names := w.NameAny
			if w.Name != "" {
				names = []string{w.Name}
			}
			es := find(w.Type, names...)
			if len(es) == 0 {
				t.Errorf("no %s entity named %q", w.Type, names)
				continue
			}
			if len(w.OneEntity) > 0 {
				ids := map[string]bool{}
				for _, n := range w.OneEntity {
					for _, e := range find(w.Type, n) {
						ids[e.ID] = true
					}
				}
				if len(ids) != 1 {
					t.Errorf("%q resolve to %d %s entities, want one: %v", w.OneEntity, len(ids), w.Type, ids)
				}
			}
			if n := len(es[0].Mentions); n < w.MentionsAtLeast {
				t.Errorf("%s has %d mentions, want at least %d", es[0].Name, n, w.MentionsAtLeast)
			}
		}
	})
	t.Run("NotEntities", func(t *testing.T) {
		for _, w := range want.NotEntities {
			for _, e := range got.Entities {
				if w.Type != "any" && string(e.Type) != w.Type {
					continue
				}
				for _, n := range e.Names() {
					if w.Name != "" && strings.EqualFold(n, w.Name) ||
						w.NameContains != "" && strings.Contains(strings.ToLower(n), strings.ToLower(w.NameContains)) {
						t.Errorf("%s entity %q (%s) should not exist", e.Type, n, e.ID)
					}
				}
			}
		}
	})
	t.Run("Relations", func(t *testing.T) {
		for _, w := range want.Relations {
			found := false
			for _, r := range got.Relations {
				if r.Predicate != w.Predicate {
					continue
				}
				if isNamed(r.Subject, w.Subject) && isNamed(r.Object, w.Object) ||
					w.Symmetric && isNamed(r.Subject, w.Object) && isNamed(r.Object, w.Subject) {
					found = true
					if r.Confidence <= 0 || r.Confidence > 1 || len(r.Evidence) == 0 {
						t.Errorf("%s %s %s: confidence %v, %d evidence", w.Subject, w.Predicate, w.Object, r.Confidence, len(r.Evidence))
					}
				}
			}
			if !found {
				t.Errorf("no relation %s %s %s", w.Subject, w.Predicate, w.Object)
			}
		}
	})
	t.Run("Events", func(t *testing.T) {
		for _, w := range want.Events {
			found := false
			for _, e := range got.Events {
				if e.Kind != w.Kind || !isNamed(e.Place, w.Place) || w.DateText != "" && e.DateText != w.DateText {
					continue
				}
				all := len(e.Participants) == len(w.Participants)
				for _, p := range w.Participants {
					has := false
					for _, id := range e.Participants {
						has = has || isNamed(id, p)
					}
					all = all && has
				}
				found = found || all
			}
			if !found {
				t.Errorf("no %s of %v in %s (%q)", w.Kind, w.Participants, w.Place, w.DateText)
			}
		}
	})
	t.Run("Figures", func(t *testing.T) {
		for _, w := range want.Figures {
			found := false
			for _, f := range got.Figures {
				if f.Value == nil || *f.Value != w.Value || f.Measure != w.Measure ||
					w.Qualifier != "" && f.Qualifier != w.Qualifier || w.Counted != "" && f.Counted != w.Counted {
					continue
				}
				for _, a := range w.AboutAny {
					found = found || isNamed(f.About, a)
				}
			}
			if !found {
				t.Errorf("no figure %v %s %s about one of %v", w.Value, w.Qualifier, w.Measure, w.AboutAny)
			}
		}
	})
	t.Run("Dates", func(t *testing.T) {
		for _, w := range want.Dates {
			found := false
			for _, e := range got.Entities {
				if e.Type != graph.Date || w.Value != "" && e.Value != w.Value {
					continue
				}
				for _, m := range e.Mentions {
					found = found || m.Text == w.Text
				}
			}
			if !found {
				t.Errorf("no date %q (value %q)", w.Text, w.Value)
			}
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		for _, w := range want.Quotes {
			found := false
			for _, q := range got.Quotes {
				if strings.Contains(q.Text, w.TextContains) && isNamed(q.Speaker, w.Speaker) {
					found = true
				}
			}
			if !found {
				t.Errorf("no quote of %s containing %q", w.Speaker, w.TextContains)
			}
		}
	})
	t.Run("Offsets", func(t *testing.T) {
		checkOffsets(t, doc.Text, got)
	})
	// Checked by hand beyond expected.json: the scare quote inside
	// Putin's reported speech is his, though Al Assad is named nearer to
	// "said"; each meeting's evidence is the sentences that state it: the
	// meeting in Latakia is not in "The visit comes on the eve of a
	// meeting in Sochi between Putin and … Merkel" (the visit there is the
	// meeting in Sochi, told in sentence 2).
	t.Run("PartialQuoteSpeaker", func(t *testing.T) {
		found := false
		for _, q := range got.Quotes {
			if q.Text == "political process" && q.Evidence.Sentence == 2 {
				found = true
				if !isNamed(q.Speaker, "Vladimir Putin") {
					t.Errorf("“political process” said by %q, want Vladimir Putin", q.Speaker)
				}
			}
		}
		if !found {
			t.Error("no quote “political process” in sentence 2")
		}
	})
	t.Run("EventEvidence", func(t *testing.T) {
		want := []struct {
			with, place string
			sentences   []int
		}{
			{"Bashar Al Assad", "Latakia", []int{4}},
			{"Angela Merkel", "Sochi", []int{10}},
		}
		for _, w := range want {
			found := false
			for _, e := range got.Events {
				if e.Kind != "meeting" || !isNamed(e.Place, w.place) {
					continue
				}
				has := false
				for _, id := range e.Participants {
					has = has || isNamed(id, w.with)
				}
				if !has {
					continue
				}
				found = true
				var sents []int
				for _, ev := range e.Evidence {
					sents = append(sents, ev.Sentence)
				}
				if fmt.Sprint(sents) != fmt.Sprint(w.sentences) {
					t.Errorf("%s: evidence in sentences %v, want %v", e.Name, sents, w.sentences)
				}
			}
			if !found {
				t.Errorf("no meeting with %s in %s", w.with, w.place)
			}
		}
	})
}
