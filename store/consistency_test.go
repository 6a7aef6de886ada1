package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// vocabulary for synthetic documents: full names, surnames that collide
// with them, places and organizations.
var (
	synPersons = []string{"Vladimir Putin", "Putin", "Angela Merkel", "Merkel", "Barack Obama", "Obama", "Michelle Obama", "Bashar al-Assad", "Assad", "Ban Ki-moon"}
	synPlaces  = []string{"Moscow", "Berlin", "Damascus", "Sochi", "Washington", "Aleppo", "Zürich", "Zurich"}
	synOrgs    = []string{"United Nations", "NATO", "Reuters", "European Union"}
	synMeasure = []string{graph.Killed, graph.Injured, graph.Displaced, graph.Money}
)

// synthetic builds a random, valid extraction: sentences naming a few
// entities, relations between them, and facts.
func synthetic(rng *rand.Rand, id string) *graph.Extraction {
	type pick struct {
		typ  graph.EntityType
		name string
	}
	var picks []pick
	for _, p := range rng.Perm(len(synPersons))[:1+rng.Intn(3)] {
		picks = append(picks, pick{graph.Person, synPersons[p]})
	}
	for _, p := range rng.Perm(len(synPlaces))[:1+rng.Intn(2)] {
		picks = append(picks, pick{graph.Place, synPlaces[p]})
	}
	if rng.Intn(2) == 0 {
		picks = append(picks, pick{graph.Organization, synOrgs[rng.Intn(len(synOrgs))]})
	}
	var sb strings.Builder
	var ents []ent
	for i, p := range picks {
		fmt.Fprintf(&sb, "Sentence %d of %s names %s. ", i, id, p.name)
		if rng.Intn(2) == 0 {
			fmt.Fprintf(&sb, "Again %s. ", p.name)
		}
		ents = append(ents, ent{id: graph.EntityID(p.typ, p.name), typ: p.typ, name: p.name, surfaces: []string{p.name}})
	}
	fmt.Fprintf(&sb, "Officials said %d people were killed.", 1+rng.Intn(90))
	x := extraction(id, sb.String(), ents...)
	// Two picks may share an ID ("Zurich", "Zürich"): keep the first.
	seen := map[string]bool{}
	var es []*graph.Entity
	for _, e := range x.Entities {
		if !seen[e.ID] {
			seen[e.ID] = true
			es = append(es, e)
		}
	}
	x.Entities = es
	for i := 0; i+1 < len(es); i++ {
		pred := []string{graph.MentionedWith, graph.Met, "located_in", "president_of"}[rng.Intn(4)]
		ev := es[i].Mentions[0]
		ev.Entity = ""
		x.Relations = append(x.Relations, &graph.Relation{Subject: es[i].ID, Predicate: pred, Object: es[i+1].ID,
			Confidence: float64(rng.Intn(10)) / 10, Weight: 1 + rng.Intn(2), Evidence: []graph.Mention{ev}})
	}
	fig := evidenceOf(x, "people were killed")
	v := float64(rng.Intn(100))
	x.Figures = []*graph.Figure{{ID: id + "/f", Value: &v, Measure: synMeasure[rng.Intn(len(synMeasure))], Place: es[len(es)-1].ID, Text: fig.Text, Evidence: fig, Confidence: 0.5}}
	x.Quotes = []*graph.Quote{{ID: id + "/q", Text: "Officials said", Speaker: es[0].ID, Evidence: evidenceOf(x, "Officials said"), Confidence: 0.5}}
	x.Events = []*graph.EventFact{{ID: id + "/e", Kind: "meeting", Name: "meeting", Participants: []string{es[0].ID}, Place: es[len(es)-1].ID, Confidence: 0.5}}
	if rng.Intn(3) == 0 {
		x.Document.Published = fmt.Sprintf("2015-%02d-%02d", 1+rng.Intn(12), 1+rng.Intn(28))
	}
	return x
}

// TestCountsMatchScan runs random ingests, replacements, deletions and
// merges, and after each checks that the counters equal a full scan.
func TestCountsMatchScan(t *testing.T) {
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			db := MustOpenDB(t)
			var docs []string
			for step := 0; step < 40; step++ {
				op := rng.Intn(10)
				switch {
				case op < 6 || len(docs) == 0: // ingest, sometimes a new version
					id := fmt.Sprintf("d%d", rng.Intn(15))
					if _, err := db.Ingest(ctx, []*graph.Extraction{synthetic(rng, id)}); err != nil {
						t.Fatal(err)
					}
					docs = append(docs, id)
				case op < 9:
					id := docs[rng.Intn(len(docs))]
					if err := db.DeleteDocument(ctx, id); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
						t.Fatal(err)
					}
				default:
					l, err := db.Entities(ctx, graph.EntityFilter{Type: graph.Place})
					if err != nil {
						t.Fatal(err)
					}
					if len(l.Items) >= 2 {
						if _, err := db.MergeEntities(ctx, []string{l.Items[0].ID}, l.Items[1].ID); err != nil {
							t.Fatal(err)
						}
					}
				}
				if got, want := recount(t, db), mustStats(t, db); !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d: scan %+v, counters %+v", step, got, want)
				}
				checkTotals(t, db)
				checkDegrees(t, db)
				checkEvidence(t, db)
				checkVotes(t, db)
			}
		})
	}
}

func TestDumpRestore(t *testing.T) {
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(7))
	mustIngest(t, db, docA(), docB(), docC())
	for i := 0; i < 20; i++ {
		mustIngest(t, db, synthetic(rng, fmt.Sprint("s", i)))
	}
	if _, err := db.MergeEntities(ctx, []string{"place/damascus"}, "place/aleppo"); err != nil {
		t.Fatal(err)
	}
	first := dumpJSON(t, db, graph.DumpFilter{})

	restored := MustOpenDB(t)
	if err := restored.Restore(ctx, jsonRecords(first)); err != nil {
		t.Fatal(err)
	}
	if second := dumpJSON(t, restored, graph.DumpFilter{}); second != first {
		t.Errorf("dump after restore differs:\n%s", lineDiff(first, second))
	}
	if got, want := mustStats(t, restored), mustStats(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("stats after restore %+v, want %+v", got, want)
	}
	if got := recount(t, restored); !reflect.DeepEqual(got, mustStats(t, restored)) {
		t.Errorf("restored recount %+v", got)
	}
	e, err := restored.Entity(ctx, "place/damascus")
	if err != nil || e.ID != "place/aleppo" {
		t.Errorf("merged id after restore: %+v, %v", e, err)
	}
	t.Run("DeleteAfterRestore", func(t *testing.T) {
		if err := restored.DeleteDocument(ctx, "c"); err != nil {
			t.Fatal(err)
		}
		if got := recount(t, restored); !reflect.DeepEqual(got, mustStats(t, restored)) {
			t.Errorf("recount %+v differs from stats", got)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		err := db.Restore(ctx, jsonRecords(first))
		wantCode(t, err, graph.ECONFLICT)
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		empty := MustOpenDB(t)
		err := empty.Restore(ctx, jsonRecords(`{"kind":"mention","mention":{"document":"x","entity":"person/nobody","start":0,"end":1,"text":"x"}}`+"\n"))
		wantCode(t, err, graph.EINVALID)
	})
	t.Run("Filters", func(t *testing.T) {
		places := dumpJSON(t, db, graph.DumpFilter{Types: []graph.EntityType{graph.Place}})
		if strings.Contains(places, `"type":"person"`) || !strings.Contains(places, `"type":"place"`) {
			t.Errorf("type filter leaked persons or lost places")
		}
		onlyA := dumpJSON(t, db, graph.DumpFilter{Documents: []string{"a"}})
		want := MustOpenDB(t)
		mustIngest(t, want, docA())
		if strings.Count(onlyA, `"kind":"document"`) != 1 || strings.Count(onlyA, `"kind":"mention"`) != strings.Count(dumpJSON(t, want, graph.DumpFilter{}), `"kind":"mention"`) {
			t.Errorf("document filter:\n%s", onlyA)
		}
		// Entities count only the mentions the dump holds.
		counted := 0
		next := jsonRecords(onlyA)
		for r, err := next(); err == nil; r, err = next() {
			if r.Entity != nil {
				counted += r.Entity.MentionCount
			}
		}
		if n := strings.Count(onlyA, `"kind":"mention"`); counted != n {
			t.Errorf("entities count %d mentions, the dump holds %d", counted, n)
		}
	})
}

// jsonRecords reads records from JSON lines.
func jsonRecords(s string) func() (*graph.Record, error) {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	return func() (*graph.Record, error) {
		if !sc.Scan() {
			return nil, io.EOF
		}
		var r graph.Record
		err := json.Unmarshal(sc.Bytes(), &r)
		return &r, err
	}
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out bytes.Buffer
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n- %s\n+ %s\n", i+1, x, y)
			if out.Len() > 4000 {
				break
			}
		}
	}
	return out.String()
}

// TestConcurrentReaders reads while a writer ingests; run with -race.
func TestConcurrentReaders(t *testing.T) {
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(3))
	xs := make([]*graph.Extraction, 40)
	for i := range xs {
		xs[i] = synthetic(rng, fmt.Sprint("c", i))
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				s, err := db.Stats(ctx)
				if err == nil && s.Documents > len(xs) {
					err = fmt.Errorf("%d documents", s.Documents)
				}
				if err == nil {
					_, err = db.Entities(ctx, graph.EntityFilter{Search: "a", Page: graph.Page{First: 5}})
				}
				if err == nil {
					_, err = db.Relations(ctx, graph.RelationFilter{Entity: "place/moscow"})
				}
				if err == nil {
					err = db.Dump(ctx, graph.DumpFilter{}, func(*graph.Record) error { return nil })
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i, x := range xs {
		if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
			t.Fatal(err)
		}
		if i%5 == 4 {
			if err := db.DeleteDocument(ctx, xs[i-1].Document.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCheckStore recounts the store at $FACTGRAPH_CHECK by scanning it and
// compares with its counters: a check for real stores. Without the
// variable it checks a store of synthetic documents that it writes and
// closes first, so that the check itself is tested.
func TestCheckStore(t *testing.T) {
	path := os.Getenv("FACTGRAPH_CHECK")
	if path == "" {
		path = t.TempDir()
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewSource(5))
		for i := range 50 {
			mustIngest(t, db, synthetic(rng, fmt.Sprint("d", i)))
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := Open(path, WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, want := recount(t, db), mustStats(t, db)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scan %+v, counters %+v", got, want)
	}
	t.Logf("%+v", want)
}
