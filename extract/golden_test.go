package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the extractor's output")

// readTestdata reads testdata/NAME.txt: a first line "ID<TAB>PUBLISHED",
// then the document text.
func readTestdata(t *testing.T, path string) graph.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, text, _ := strings.Cut(string(b), "\n")
	id, published, _ := strings.Cut(head, "\t")
	return graph.Document{ID: id, Published: published, Text: text}
}

// expectation is testdata/NAME.expect.json: what a reader of the article
// checked by hand, which the output must contain whatever else changes.
type expectation struct {
	Place string `json:"place"` // dateline place name, "" for none
	Roles []struct {
		Person    string `json:"person"`
		Title     string `json:"title"`
		Of        string `json:"of"`
		Predicate string `json:"predicate"`
	} `json:"roles"`
	Quotes []struct {
		Speaker      string `json:"speaker"` // "" for a quote no one in the text is named as saying
		TextContains string `json:"text_contains"`
	} `json:"quotes"`
	Entities []struct {
		Type graph.EntityType `json:"type"`
		Name string           `json:"name"`
	} `json:"entities"`
	NotEntities []string `json:"not_entities"` // names that no entity may have
}

// TestGolden runs the extractor over the articles in testdata and compares
// its output, byte for byte, with the reviewed golden files: any change of
// output, in this package or in the ones it builds on (the tagger and its
// model, the tokenizer, the readers of dates, figures and quotes), fails
// until "go test ./extract -update" rewrites them and the diff is
// reviewed.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	x := mustExtractor(t)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := readTestdata(t, path)
			got, err := x.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, doc.Text, got)
			checkExpectation(t, strings.TrimSuffix(path, ".txt")+".expect.json", got)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(extract.NewRecord(got)); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s; run go test ./extract -update and review the diff\n%s", golden, firstDiff(string(want), buf.String()))
			}
		})
	}
}

func checkExpectation(t *testing.T, path string, x *graph.Extraction) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("every golden article needs hand-checked expectations: %v", err)
	}
	var want expectation
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	byID := map[string]*graph.Entity{}
	for _, e := range x.Entities {
		byID[e.ID] = e
	}
	is := func(id, name string) bool { e := byID[id]; return e != nil && named(e, name) }
	if want.Place != "" && !is(x.Document.Place, want.Place) || want.Place == "" && x.Document.Place != "" {
		t.Errorf("dateline place %q, want %q", x.Document.Place, want.Place)
	}
	for _, w := range want.Entities {
		found := false
		for _, e := range x.Entities {
			found = found || e.Type == w.Type && named(e, w.Name)
		}
		if !found {
			t.Errorf("no %s %q", w.Type, w.Name)
		}
	}
	for _, n := range want.NotEntities {
		for _, e := range x.Entities {
			if named(e, n) {
				t.Errorf("%s %q should not be an entity", e.Type, n)
			}
		}
	}
	for _, w := range want.Roles {
		roleOf := w.Of
		if w.Predicate == "ambassador_to" {
			roleOf = "" // posted to w.Of (the relation), not its ambassador
		}
		found := false
		for _, e := range x.Entities {
			if !named(e, w.Person) {
				continue
			}
			for _, r := range e.Roles {
				found = found || strings.EqualFold(r.Title, w.Title) && (roleOf == "" || is(r.Of, roleOf))
			}
			if w.Predicate != "" {
				rel := false
				for _, r := range x.Relations {
					rel = rel || r.Subject == e.ID && r.Predicate == w.Predicate && is(r.Object, w.Of)
				}
				if !rel {
					t.Errorf("no relation %s %s %s", w.Person, w.Predicate, w.Of)
				}
			}
		}
		if !found {
			t.Errorf("no role %q of %q for %s", w.Title, w.Of, w.Person)
		}
	}
	for _, w := range want.Quotes {
		found := false
		for _, q := range x.Quotes {
			if strings.Contains(q.Text, w.TextContains) {
				found = found || w.Speaker == "" && q.Speaker == "" || w.Speaker != "" && is(q.Speaker, w.Speaker)
			}
		}
		if !found {
			t.Errorf("no quote containing %q by %q", w.TextContains, w.Speaker)
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
