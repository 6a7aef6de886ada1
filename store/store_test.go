package store

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

var ctx = context.Background()

// Fixtures: three articles sharing entities.
func docA() *graph.Extraction {
	x := extraction("a", "Putin met Bashar al-Assad in Sochi on Thursday. Putin said the talks went well.",
		ent{id: "person/putin", typ: graph.Person, name: "Putin", surfaces: []string{"Putin"}},
		ent{id: "person/bashar-al-assad", typ: graph.Person, name: "Bashar al-Assad", surfaces: []string{"Bashar al-Assad"}},
		ent{id: "place/sochi", typ: graph.Place, name: "Sochi", surfaces: []string{"Sochi"}},
	)
	x.Document.Published = "2015-10-22"
	x.Document.Place = "place/sochi"
	x.Entities[2].Location = &graph.GeoPoint{Lat: 43.6, Lon: 39.73, CountryCode: "RU"}
	withRel(x, "person/putin", graph.Met, "person/bashar-al-assad", "Putin met Bashar al-Assad")
	withRel(x, "person/putin", graph.MentionedWith, "place/sochi", "Putin met Bashar al-Assad in Sochi")
	return x
}

func docB() *graph.Extraction {
	x := extraction("b", "Vladimir Putin visited Moscow. Russian President Vladimir Putin spoke to reporters.",
		ent{id: "person/vladimir-putin", typ: graph.Person, name: "Vladimir Putin", surfaces: []string{"Vladimir Putin"},
			roles: []graph.Role{{Title: "President", Of: "place/russia"}}},
		ent{id: "place/moscow", typ: graph.Place, name: "Moscow", surfaces: []string{"Moscow"}},
		ent{id: "place/russia", typ: graph.Place, name: "Russia", aliases: []string{"Russian"}, surfaces: []string{"Russian"}},
	)
	x.Document.Published = "2015-10-23"
	withRel(x, "person/vladimir-putin", "president_of", "place/russia", "Russian President Vladimir Putin")
	x.Relations[0].Role = "President"
	withRel(x, "person/vladimir-putin", graph.MentionedWith, "place/moscow", "Vladimir Putin visited Moscow")
	return x
}

func docC() *graph.Extraction {
	text := `Bashar al-Assad returned to Damascus, where 12 people were killed. "We will win," he said. He thanked Putin.`
	x := extraction("c", text,
		ent{id: "person/bashar-al-assad", typ: graph.Person, name: "Bashar al-Assad", surfaces: []string{"Bashar al-Assad"}},
		ent{id: "place/damascus", typ: graph.Place, name: "Damascus", surfaces: []string{"Damascus"}},
		ent{id: "person/putin", typ: graph.Person, name: "Putin", surfaces: []string{"Putin"}},
	)
	x.Document.Published = "2015-10-21"
	withRel(x, "person/bashar-al-assad", graph.MentionedWith, "place/damascus", "Bashar al-Assad returned to Damascus")
	withRel(x, "person/bashar-al-assad", graph.MentionedWith, "person/putin", "He thanked Putin")
	v := 12.0
	x.Figures = []*graph.Figure{{ID: "c/fig/1", Value: &v, Measure: graph.Killed, Counted: "people", Place: "place/damascus",
		Text: "12 people were killed", Evidence: evidenceOf(x, "12 people were killed"), Confidence: 0.9}}
	x.Quotes = []*graph.Quote{{ID: "c/quote/1", Text: "We will win", Speaker: "person/bashar-al-assad", Evidence: evidenceOf(x, "We will win"), Confidence: 0.7}}
	x.Events = []*graph.EventFact{{ID: "c/event/1", Kind: "visit", Name: "visit of Bashar al-Assad to Damascus",
		Participants: []string{"person/bashar-al-assad"}, Place: "place/damascus",
		Evidence: []graph.Mention{evidenceOf(x, "Bashar al-Assad returned to Damascus")}, Confidence: 0.6}}
	return x
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new", "store")
		db, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Fatalf("store directory not created: %v", err)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		dir := t.TempDir()
		db, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, err = Open(dir)
		wantCode(t, err, graph.ECONFLICT)
		if msg := graph.ErrorMessage(err); msg != "store is in use by another factgraph process" {
			t.Errorf("message = %q", msg)
		}
	})
	t.Run("ErrNotDirectory", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(file)
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("ErrOtherFiles", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, opts := range [][]Option{nil, {WithReadOnly()}} {
			_, err := Open(dir, opts...)
			wantCode(t, err, graph.EINVALID)
			if msg := graph.ErrorMessage(err); !strings.Contains(msg, "not a factgraph store") {
				t.Errorf("message = %q", msg)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("Open wrote into the directory: %d entries", len(entries))
		}
	})
	t.Run("InterruptedCreation", func(t *testing.T) {
		// Killed after Badger took its lock, before it wrote a manifest.
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "LOCK"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		db, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	})
	t.Run("ErrReadOnlyEmpty", func(t *testing.T) {
		_, err := Open(t.TempDir(), WithReadOnly())
		wantCode(t, err, graph.ENOTFOUND)
	})
	t.Run("ErrReadOnlyMissing", func(t *testing.T) {
		_, err := Open(filepath.Join(t.TempDir(), "none"), WithReadOnly())
		wantCode(t, err, graph.ENOTFOUND)
	})
	t.Run("ErrLayoutVersion", func(t *testing.T) {
		dir := t.TempDir()
		bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
		if err != nil {
			t.Fatal(err)
		}
		err = bdb.Update(func(txn *badger.Txn) error { return txn.Set(versionKey(), []byte{0, 0, 0, 99}) })
		bdb.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, err = Open(dir)
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("ErrNotAStore", func(t *testing.T) {
		dir := t.TempDir()
		bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
		if err != nil {
			t.Fatal(err)
		}
		err = bdb.Update(func(txn *badger.Txn) error { return txn.Set([]byte("hello"), []byte("world")) })
		bdb.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, err = Open(dir)
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("ReopenKeepsData", func(t *testing.T) {
		dir := t.TempDir()
		db, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		mustIngest(t, db, docA())
		want := mustStats(t, db)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db, err = Open(dir, WithReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if got := mustStats(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("after reopen %+v, want %+v", got, want)
		}
		_, err = db.Ingest(ctx, []*graph.Extraction{docB()})
		wantCode(t, err, graph.EINVALID)
	})
}

func TestIngest(t *testing.T) {
	t.Run("SurnameThenFullName", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA(), docB())
		e, err := db.Entity(ctx, "person/putin")
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != "person/vladimir-putin" || e.Name != "Vladimir Putin" || e.MentionCount != 4 {
			t.Errorf("entity = %+v", e)
		}
		if !reflect.DeepEqual(e.Aliases, []string{"Putin"}) {
			t.Errorf("aliases = %q", e.Aliases)
		}
		ms, err := db.Mentions(ctx, "person/putin", graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		docs := map[string]int{}
		for _, m := range ms.Items {
			docs[m.Document]++
		}
		if !reflect.DeepEqual(docs, map[string]int{"a": 2, "b": 2}) || ms.TotalCount != 4 {
			t.Errorf("mentions by document = %v (total %d)", docs, ms.TotalCount)
		}
		if s := mustStats(t, db); s.ByType[graph.Person] != 2 {
			t.Errorf("persons = %d, want 2", s.ByType[graph.Person])
		}
		// The met relation moved to the merged entity.
		rels, err := db.Relations(ctx, graph.RelationFilter{Entity: "person/putin", Predicates: []string{graph.Met}})
		if err != nil {
			t.Fatal(err)
		}
		if len(rels.Items) != 1 || rels.Items[0].Weight != 1 {
			t.Fatalf("met relations = %+v", rels.Items)
		}
	})
	t.Run("FullNameThenSurname", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docB(), docA())
		e, err := db.Entity(ctx, "person/vladimir-putin")
		if err != nil {
			t.Fatal(err)
		}
		if e.MentionCount != 4 {
			t.Errorf("mentions = %d, want 4", e.MentionCount)
		}
		if _, err := db.Entity(ctx, "person/putin"); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("person/putin should not exist: %v", err)
		}
		if s := mustStats(t, db); s.ByType[graph.Person] != 2 {
			t.Errorf("persons = %d, want 2", s.ByType[graph.Person])
		}
	})
	t.Run("SameTextUnchanged", func(t *testing.T) {
		db := MustOpenDB(t)
		if res := mustIngest(t, db, docA(), docC()); res.Added != 2 {
			t.Fatalf("result = %+v", res)
		}
		stats, dump := mustStats(t, db), dumpJSON(t, db, graph.DumpFilter{})
		if res := mustIngest(t, db, docA(), docC()); res != (graph.IngestResult{Unchanged: 2}) {
			t.Fatalf("result = %+v", res)
		}
		if got := mustStats(t, db); !reflect.DeepEqual(got, stats) {
			t.Errorf("stats changed: %+v, want %+v", got, stats)
		}
		if got := dumpJSON(t, db, graph.DumpFilter{}); got != dump {
			t.Errorf("dump changed")
		}
	})
	t.Run("NewDateReplaces", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA())
		a := docA()
		a.Document.Published = "2015-10-23"
		if res := mustIngest(t, db, a); res != (graph.IngestResult{Replaced: 1}) {
			t.Fatalf("result = %+v", res)
		}
		d, err := db.Document(ctx, "a")
		if err != nil || d.Published != "2015-10-23" {
			t.Fatalf("document = %+v, %v", d, err)
		}
		want := MustOpenDB(t)
		mustIngest(t, want, a)
		if got, w := dumpJSON(t, db, graph.DumpFilter{}), dumpJSON(t, want, graph.DumpFilter{}); got != w {
			t.Errorf("dump differs from a store that only had the new date:\n%s", lineDiff(w, got))
		}
	})
	t.Run("NewTextReplaces", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA(), docC())
		c2 := docB()
		c2.Document.ID = "c"
		for _, e := range c2.Entities {
			for i := range e.Mentions {
				e.Mentions[i].Document = "c"
			}
		}
		for _, r := range c2.Relations {
			r.Evidence[0].Document = "c"
		}
		if res := mustIngest(t, db, c2); res != (graph.IngestResult{Replaced: 1}) {
			t.Fatalf("result = %+v", res)
		}
		want := MustOpenDB(t)
		mustIngest(t, want, docA(), c2)
		if got, w := mustStats(t, db), mustStats(t, want); !reflect.DeepEqual(got, w) {
			t.Errorf("stats %+v, want %+v", got, w)
		}
		if _, err := db.Entity(ctx, "place/damascus"); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("damascus should be gone: %v", err)
		}
		if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
			t.Errorf("recount %+v differs from stats", got)
		}
	})
}

// TestIngest_AmbiguousSurname: a lone surname that two people's full
// names end in joins neither, though one of them has it as an alias.
func TestIngest_AmbiguousSurname(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db,
		extraction("stan", "Stan Lee wrote comics. Lee died in 2018.",
			ent{id: "person/stan-lee", typ: graph.Person, name: "Stan Lee", aliases: []string{"Lee"}, surfaces: []string{"Stan Lee", "Lee died"}}),
		extraction("starry", "Starry Lee leads the party.",
			ent{id: "person/starry-lee", typ: graph.Person, name: "Starry Lee", surfaces: []string{"Starry Lee"}}),
		extraction("new", "Lee said the protest would continue.",
			ent{id: "person/lee", typ: graph.Person, name: "Lee", surfaces: []string{"Lee"}}),
	)
	e, err := db.Entity(ctx, "person/lee")
	if err != nil || e.MentionCount != 1 {
		t.Fatalf("person/lee = %+v, %v; want its own entity", e, err)
	}
	if stan, err := db.Entity(ctx, "person/stan-lee"); err != nil || stan.MentionCount != 2 {
		t.Errorf("person/stan-lee = %+v, %v; want only its own 2 mentions", stan, err)
	}
	// With one full name ending in it, the surname joins it.
	one := MustOpenDB(t)
	mustIngest(t, one,
		extraction("stan", "Stan Lee wrote comics.",
			ent{id: "person/stan-lee", typ: graph.Person, name: "Stan Lee", surfaces: []string{"Stan Lee"}}),
		extraction("new", "Lee said so.", ent{id: "person/lee", typ: graph.Person, name: "Lee", surfaces: []string{"Lee"}}),
	)
	if stan, err := one.Entity(ctx, "person/stan-lee"); err != nil || stan.MentionCount != 2 {
		t.Errorf("person/stan-lee = %+v, %v; want the lone surname's mention too", stan, err)
	}
}

func TestIngest_Invalid(t *testing.T) {
	tests := []struct {
		name string
		edit func(x *graph.Extraction) *graph.Extraction
	}{
		{"Nil", func(*graph.Extraction) *graph.Extraction { return nil }},
		{"NoID", func(x *graph.Extraction) *graph.Extraction { x.Document.ID = ""; return x }},
		{"BadUTF8", func(x *graph.Extraction) *graph.Extraction { x.Document.Text = "\xff"; return x }},
		{"MentionOffsets", func(x *graph.Extraction) *graph.Extraction { x.Entities[0].Mentions[0].Start = 3; return x }},
		{"MentionPastEnd", func(x *graph.Extraction) *graph.Extraction { x.Entities[0].Mentions[0].End = 1000; return x }},
		{"MentionText", func(x *graph.Extraction) *graph.Extraction { x.Entities[0].Mentions[0].Text = "Pútin"; return x }},
		{"EntityType", func(x *graph.Extraction) *graph.Extraction { x.Entities[0].Type = "thing"; return x }},
		{"DuplicateEntity", func(x *graph.Extraction) *graph.Extraction { x.Entities[1].ID = x.Entities[0].ID; return x }},
		{"UnknownSubject", func(x *graph.Extraction) *graph.Extraction { x.Relations[0].Subject = "person/nobody"; return x }},
		{"Confidence", func(x *graph.Extraction) *graph.Extraction { x.Relations[0].Confidence = 2; return x }},
		{"UnknownPlace", func(x *graph.Extraction) *graph.Extraction { x.Document.Place = "place/atlantis"; return x }},
		{"FigureMeasure", func(x *graph.Extraction) *graph.Extraction {
			x.Figures = []*graph.Figure{{Text: "12", Evidence: evidenceOf(x, "Putin")}}
			return x
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			_, err := db.Ingest(ctx, []*graph.Extraction{tt.edit(docA())})
			wantCode(t, err, graph.EINVALID)
			if s := mustStats(t, db); s.Documents != 0 || s.Entities != 0 {
				t.Errorf("invalid document left %+v", s)
			}
		})
	}
	t.Run("EarlierDocumentsKept", func(t *testing.T) {
		db := MustOpenDB(t)
		bad := docB()
		bad.Document.ID = ""
		res, err := db.Ingest(ctx, []*graph.Extraction{docA(), bad, docC()})
		wantCode(t, err, graph.EINVALID)
		if res.Added != 1 || mustStats(t, db).Documents != 1 {
			t.Errorf("result %+v, stats %+v", res, mustStats(t, db))
		}
	})
}

func TestDeleteDocument(t *testing.T) {
	tests := []struct {
		name         string
		ingest       []*graph.Extraction
		del          string
		same         []*graph.Extraction // a store that never had it
		compareDumps bool
	}{
		{"OK", []*graph.Extraction{docA(), docC()}, "c", []*graph.Extraction{docA()}, true},
		{"First", []*graph.Extraction{docA(), docC()}, "a", []*graph.Extraction{docC()}, true},
		{"Middle", []*graph.Extraction{docC(), docB(), docA()}, "b", []*graph.Extraction{docC(), docA()}, true},
		// B folded person/putin into person/vladimir-putin; deleting B
		// unfolds it.
		{"AfterSurnameMerge", []*graph.Extraction{docA(), docB()}, "b", []*graph.Extraction{docA()}, true},
		// B named person/vladimir-putin, which A's "Putin" joined.
		{"AfterSurnameResolution", []*graph.Extraction{docB(), docA()}, "b", []*graph.Extraction{docA()}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			mustIngest(t, db, tt.ingest...)
			if err := db.DeleteDocument(ctx, tt.del); err != nil {
				t.Fatal(err)
			}
			want := MustOpenDB(t)
			mustIngest(t, want, tt.same...)
			if got, w := mustStats(t, db), mustStats(t, want); !reflect.DeepEqual(got, w) {
				t.Errorf("stats %+v, want %+v", got, w)
			}
			if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
				t.Errorf("recount %+v differs from stats", got)
			}
			if tt.compareDumps {
				if got, w := dumpJSON(t, db, graph.DumpFilter{}), dumpJSON(t, want, graph.DumpFilter{}); got != w {
					t.Errorf("dump:\n%s\nwant:\n%s", got, w)
				}
			}
			if _, err := db.Document(ctx, tt.del); graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Errorf("deleted document still readable: %v", err)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		wantCode(t, db.DeleteDocument(ctx, "nope"), graph.ENOTFOUND)
	})
	t.Run("All", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA(), docB(), docC())
		for _, id := range []string{"b", "a", "c"} {
			if err := db.DeleteDocument(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		if got := mustStats(t, db); !reflect.DeepEqual(got, graph.Stats{ByType: map[graph.EntityType]int{}}) {
			t.Errorf("stats after deleting everything: %+v", got)
		}
		if got := dumpJSON(t, db, graph.DumpFilter{}); got != "" {
			t.Errorf("dump after deleting everything:\n%s", got)
		}
	})
}

func TestMergeEntities(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA(), docC())
		e, err := db.MergeEntities(ctx, []string{"place/damascus"}, "place/sochi")
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != "place/sochi" || e.MentionCount != 2 || !reflect.DeepEqual(e.Aliases, []string{"Damascus"}) {
			t.Errorf("merged = %+v", e)
		}
		old, err := db.Entity(ctx, "place/damascus")
		if err != nil || old.ID != "place/sochi" {
			t.Fatalf("old id resolves to %+v, %v", old, err)
		}
		figs, err := db.Figures(ctx, graph.FigureFilter{Place: "place/damascus"})
		if err != nil || len(figs.Items) != 1 || figs.Items[0].Place != "place/sochi" {
			t.Errorf("figures = %+v, %v", figs.Items, err)
		}
		evs, err := db.Events(ctx, graph.EventFilter{Place: "place/sochi"})
		if err != nil || len(evs.Items) != 1 {
			t.Errorf("events = %+v, %v", evs.Items, err)
		}
		rels, err := db.Relations(ctx, graph.RelationFilter{Entity: "place/sochi"})
		if err != nil || rels.TotalCount != 2 {
			t.Errorf("relations of sochi = %d, %v", rels.TotalCount, err)
		}
		if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
			t.Errorf("recount %+v differs from stats %+v", got, mustStats(t, db))
		}
		// Deleting a document after a merge retracts exactly.
		if err := db.DeleteDocument(ctx, "c"); err != nil {
			t.Fatal(err)
		}
		if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
			t.Errorf("recount %+v differs from stats %+v", got, mustStats(t, db))
		}
		if e, err := db.Entity(ctx, "place/sochi"); err != nil || e.MentionCount != 1 || len(e.Aliases) != 0 {
			t.Errorf("after delete: %+v, %v", e, err)
		}
	})
	t.Run("ChainResolves", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA(), docB(), docC())
		if _, err := db.MergeEntities(ctx, []string{"place/damascus"}, "place/moscow"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.MergeEntities(ctx, []string{"place/moscow"}, "place/russia"); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"place/damascus", "place/moscow"} {
			if e, err := db.Entity(ctx, id); err != nil || e.ID != "place/russia" {
				t.Errorf("%s resolves to %+v, %v", id, e, err)
			}
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA())
		_, err := db.MergeEntities(ctx, []string{"place/nowhere"}, "place/sochi")
		wantCode(t, err, graph.ENOTFOUND)
		_, err = db.MergeEntities(ctx, []string{"place/sochi"}, "place/nowhere")
		wantCode(t, err, graph.ENOTFOUND)
	})
	t.Run("ErrInvalidType", func(t *testing.T) {
		db := MustOpenDB(t)
		mustIngest(t, db, docA())
		_, err := db.MergeEntities(ctx, []string{"place/sochi"}, "person/putin")
		wantCode(t, err, graph.EINVALID)
		if got := recount(t, db); !reflect.DeepEqual(got, mustStats(t, db)) {
			t.Errorf("failed merge changed the store")
		}
	})
}

func TestIngest_TooLarge(t *testing.T) {
	// 1 MB memtables allow transactions of about 150 KB.
	db := MustOpenDB(t, WithMemTableSize(1<<20))
	var words []string
	for i := 0; i < 6000; i++ {
		words = append(words, "Sochi")
	}
	big := extraction("big", strings.Join(words, " "), ent{id: "place/sochi", typ: graph.Place, name: "Sochi", surfaces: []string{"Sochi"}})
	small := docC()
	res, err := db.Ingest(ctx, []*graph.Extraction{docA(), big, small})
	wantCode(t, err, graph.ELIMIT)
	if !strings.Contains(graph.ErrorMessage(err), `"big"`) || res.Added != 1 {
		t.Errorf("result %+v, error %v", res, err)
	}
	want := MustOpenDB(t)
	mustIngest(t, want, docA())
	if got, w := mustStats(t, db), mustStats(t, want); !reflect.DeepEqual(got, w) {
		t.Errorf("stats %+v, want %+v", got, w)
	}
}

func TestIngest_Canceled(t *testing.T) {
	db := MustOpenDB(t)
	c, cancel := context.WithCancel(ctx)
	cancel()
	res, err := db.Ingest(c, []*graph.Extraction{docA()})
	if !errors.Is(err, context.Canceled) || res.Added != 0 || mustStats(t, db).Documents != 0 {
		t.Errorf("result %+v, error %v", res, err)
	}
}

// TestGenericNamesJoinNothing: "the Commission" that two stories use for
// two different commissions joins neither to the other, nor a story that
// says only "the Commission" to either; a distinctive alias still joins.
func TestGenericNamesJoinNothing(t *testing.T) {
	db := MustOpenDB(t)
	org := graph.Organization
	mustIngest(t, db,
		extraction("eu", "The European Commission said so. The Commission added more.",
			ent{id: "organization/european-commission", typ: org, name: "European Commission", aliases: []string{"Commission"}, surfaces: []string{"European Commission", "Commission added"}}),
		extraction("canal", "The Panama Canal Commission said so. The Commission added more.",
			ent{id: "organization/panama-canal-commission", typ: org, name: "Panama Canal Commission", aliases: []string{"Commission"}, surfaces: []string{"Panama Canal Commission", "Commission added"}}),
		extraction("alone", "The Commission said so.",
			ent{id: "organization/commission", typ: org, name: "Commission", surfaces: []string{"Commission"}}),
		extraction("imf", "The International Monetary Fund said so. The IMF added more.",
			ent{id: "organization/international-monetary-fund", typ: org, name: "International Monetary Fund", aliases: []string{"IMF", "Fund"}, surfaces: []string{"International Monetary Fund", "IMF"}}),
		extraction("imf2", "The IMF said so.",
			ent{id: "organization/imf", typ: org, name: "IMF", surfaces: []string{"IMF"}}),
	)
	for _, tt := range []struct{ doc, want string }{
		{"eu", "organization/european-commission"},
		{"canal", "organization/panama-canal-commission"},
		{"alone", "organization/commission"},
		{"imf2", "organization/international-monetary-fund"},
	} {
		checkOneEntity(t, db, tt.doc, tt.want)
	}
}

// TestAcronymAliasJoinsItsOwn: an acronym alias joins an entity across
// documents only where it names it (alone, with a designator, or by its
// initials), not another entity that has it as an alias too: the
// European Monetary System's "EMS" joined EMS Systems Ltd. A company
// named by its acronym ("ICO Inc") joins no name it spells, and an
// acronym that opens a longer name ("BBC Brown Boveri") joins nothing.
func TestAcronymAliasJoinsItsOwn(t *testing.T) {
	db := MustOpenDB(t)
	org := graph.Organization
	mustIngest(t, db,
		extraction("ems", "EMS Systems Ltd said so. EMS added more.",
			ent{id: "organization/ems-systems-ltd", typ: org, name: "EMS Systems Ltd", aliases: []string{"EMS"}, surfaces: []string{"EMS Systems Ltd", "EMS added"}}),
		extraction("ibm", "IBM Corp said so. IBM added more.",
			ent{id: "organization/ibm-corp", typ: org, name: "IBM Corp", aliases: []string{"IBM"}, surfaces: []string{"IBM Corp", "IBM added"}}),
		extraction("system", "The European Monetary System (EMS) held. The EMS is strong.",
			ent{id: "organization/european-monetary-system", typ: org, name: "European Monetary System", aliases: []string{"EMS"}, surfaces: []string{"European Monetary System", "EMS) held"}}),
		extraction("ibm2", "International Business Machines (IBM) said so.",
			ent{id: "organization/international-business-machines", typ: org, name: "International Business Machines", aliases: []string{"IBM"}, surfaces: []string{"International Business Machines", "IBM"}}),
		extraction("coffee", "The International Coffee Organization (ICO) met. The ICO agreed.",
			ent{id: "organization/international-coffee-organization", typ: org, name: "International Coffee Organization", aliases: []string{"ICO"}, surfaces: []string{"International Coffee Organization", "ICO) met"}}),
		extraction("ico-inc", "ICO Inc said so. ICO added more.",
			ent{id: "organization/ico-inc", typ: org, name: "ICO Inc", aliases: []string{"ICO"}, surfaces: []string{"ICO Inc", "ICO added"}}),
		extraction("bbc", "The BBC said so.",
			ent{id: "organization/bbc", typ: org, name: "BBC", surfaces: []string{"BBC"}}),
		extraction("boveri", "BBC Brown Boveri said so. BBC added more.",
			ent{id: "organization/bbc-brown-boveri", typ: org, name: "BBC Brown Boveri", aliases: []string{"BBC"}, surfaces: []string{"BBC Brown Boveri", "BBC added"}}),
	)
	for _, tt := range []struct{ doc, want string }{
		{"system", "organization/european-monetary-system"},
		{"ibm2", "organization/ibm-corp"},
		{"ico-inc", "organization/ico-inc"},         // named by its acronym: not the coffee organization
		{"boveri", "organization/bbc-brown-boveri"}, // a short name: not the BBC
		{"coffee", "organization/international-coffee-organization"},
	} {
		checkOneEntity(t, db, tt.doc, tt.want)
	}
}

// checkOneEntity checks that document doc has one entity, want.
func checkOneEntity(t *testing.T, db *DB, doc, want string) {
	t.Helper()
	ents, err := db.DocumentEntities(ctx, doc, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].ID != want {
		var got []string
		for _, e := range ents {
			got = append(got, e.ID)
		}
		t.Errorf("document %s: entities %v, want [%s]", doc, got, want)
	}
}

// TestLayoutVersion: a store of another layout version is refused with a
// message that says what to do, older and newer alike, and is left as it
// was; so is one of layout 11 with a text index, whose postings layout 12
// keeps otherwise.
func TestLayoutVersion(t *testing.T) {
	for _, tt := range []struct {
		version   uint32
		want      string
		textIndex bool
	}{
		{schemaVersion - 2, "export it with the factgraph that made it", false},
		{11, "export it with the factgraph that made it", true}, // postings of layout 11
		{schemaVersion + 1, "upgrade factgraph", false},
	} {
		dir := t.TempDir()
		var opts []Option
		if tt.textIndex {
			opts = append(opts, WithTextIndex())
		}
		db, err := Open(dir, opts...)
		if err != nil {
			t.Fatal(err)
		}
		err = db.bdb.Update(func(txn *badger.Txn) error {
			return txn.Set(versionKey(), binary.BigEndian.AppendUint32(nil, tt.version))
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // refusing changes nothing
			if _, err := Open(dir); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(err), tt.want) {
				t.Errorf("open a version %d store: %v, want %q", tt.version, err, tt.want)
			}
		}
	}
}

// TestLayout11WithoutTextIndex: a store of layout 11 without a text index
// is one of layout 12 (only the index changed): it opens, is stamped 12,
// and its documents read as before.
func TestLayout11WithoutTextIndex(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, db, extraction("a", "Oil prices rose."))
	err = db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(versionKey(), binary.BigEndian.AppendUint32(nil, 11))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if db, err = Open(dir); err != nil {
		t.Fatalf("open a layout 11 store without a text index: %v", err)
	}
	defer db.Close()
	var v uint32
	err = db.bdb.View(func(txn *badger.Txn) error {
		b, _, err := get(tx(txn), versionKey())
		if len(b) == 4 {
			v = binary.BigEndian.Uint32(b)
		}
		return err
	})
	if err != nil || v != schemaVersion {
		t.Errorf("layout %d after opening (%v), want %d", v, err, schemaVersion)
	}
	if d, err := db.Document(context.Background(), "a"); err != nil || d.Text != "Oil prices rose." {
		t.Errorf("document a: %v, %v", d, err)
	}
}

// TestInitialJoinsFullName: a person named by an initial and a surname
// ("S. Warne") joins the one person of the store whose full name they
// abbreviate, and none where two people may be meant.
func TestInitialJoinsFullName(t *testing.T) {
	db := MustOpenDB(t)
	per := graph.Person
	mustIngest(t, db,
		extraction("full", "Shane Warne took five wickets.",
			ent{id: "person/shane-warne", typ: per, name: "Shane Warne", surfaces: []string{"Shane Warne"}}),
		extraction("steve", "Steve Smith batted.",
			ent{id: "person/steve-smith", typ: per, name: "Steve Smith", surfaces: []string{"Steve Smith"}}),
		extraction("sam", "Sam Smith sang.",
			ent{id: "person/sam-smith", typ: per, name: "Sam Smith", surfaces: []string{"Sam Smith"}}),
		extraction("initial", "S. Warne was named man of the match.",
			ent{id: "person/s-warne", typ: per, name: "S. Warne", surfaces: []string{"S. Warne"}}),
		extraction("ambiguous", "S. Smith was there.",
			ent{id: "person/s-smith", typ: per, name: "S. Smith", surfaces: []string{"S. Smith"}}),
	)
	checkOneEntity(t, db, "initial", "person/shane-warne")
	checkOneEntity(t, db, "ambiguous", "person/s-smith")
}
