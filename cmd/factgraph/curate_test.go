package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// curateStore returns a store holding two documents about Sochi and Moscow.
func curateStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := func(id, place string) *graph.Extraction {
		text := "Talks were held in " + place + "."
		pid := graph.EntityID(graph.Place, place)
		return &graph.Extraction{
			Document: graph.Document{ID: id, Text: text},
			Entities: []*graph.Entity{{ID: pid, Type: graph.Place, Name: place,
				Mentions: []graph.Mention{{Start: 19, End: 19 + len(place), Text: place}}}},
		}
	}
	x := doc("a", "Sochi")
	x.Entities = append(x.Entities, &graph.Entity{ID: "person/talks", Type: graph.Person, Name: "Talks",
		Mentions: []graph.Mention{{Start: 0, End: 5, Text: "Talks"}}})
	if _, err := db.Ingest(context.Background(), []*graph.Extraction{x, doc("b", "Moscow")}); err != nil {
		t.Fatal(err)
	}
	return path
}

func curateCLI(args ...string) (string, string, error) {
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	err := Run(context.Background(), env, args)
	return stdout.String(), stderr.String(), err
}

func curateStats(t *testing.T, path string) graph.Stats {
	t.Helper()
	out, _, err := curateCLI("stats", "--db", path, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var s graph.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	return s
}

func TestStats(t *testing.T) {
	path := curateStore(t)
	t.Run("JSON", func(t *testing.T) {
		s := curateStats(t, path)
		if s.Documents != 2 || s.Entities != 3 || s.ByType[graph.Place] != 2 || s.Mentions != 3 || s.SizeBytes <= 0 {
			t.Errorf("stats = %+v", s)
		}
	})
	t.Run("Table", func(t *testing.T) {
		out, _, err := curateCLI("stats", "--db", path)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"documents  2", "entities  3", "place  2", "size"} {
			if !strings.Contains(strings.Join(strings.Fields(out), "  "), want) {
				t.Errorf("table lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("ErrNoStore", func(t *testing.T) {
		_, _, err := curateCLI("stats", "--db", filepath.Join(t.TempDir(), "none"))
		if graph.ErrorCode(err) != graph.ENOTFOUND || !strings.Contains(userMessage(err), "no store at") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrInUse", func(t *testing.T) {
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, _, err = curateCLI("stats", "--db", path)
		if exitCode(err) != exitConflict || userMessage(err) != "store is in use by another factgraph process" {
			t.Errorf("err = %v", err)
		}
	})
}

func TestDelete(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		path := curateStore(t)
		out, _, err := curateCLI("delete", "--db", path, "b")
		if err != nil || out != "deleted b\n" {
			t.Fatalf("out %q, err %v", out, err)
		}
		if s := curateStats(t, path); s.Documents != 1 || s.Entities != 2 || s.ByType[graph.Place] != 1 {
			t.Errorf("stats = %+v", s)
		}
	})
	t.Run("ErrNotFoundContinues", func(t *testing.T) {
		path := curateStore(t)
		out, stderr, err := curateCLI("delete", "--db", path, "nope", "a")
		if !errors.Is(err, errReported) || !strings.Contains(stderr, `document "nope" not found`) || out != "deleted a\n" {
			t.Errorf("out %q, stderr %q, err %v", out, stderr, err)
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		_, _, err := curateCLI("delete", "--db", curateStore(t))
		if exitCode(err) != exitUsage {
			t.Errorf("err = %v", err)
		}
	})
}

func TestMerge(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		path := curateStore(t)
		out, _, err := curateCLI("merge", "--db", path, "--json", "--into", "place/sochi", "place/moscow")
		if err != nil {
			t.Fatal(err)
		}
		var e graph.Entity
		if err := json.Unmarshal([]byte(out), &e); err != nil || e.ID != "place/sochi" || e.MentionCount != 2 {
			t.Errorf("merged = %+v, %v", e, err)
		}
		if s := curateStats(t, path); s.ByType[graph.Place] != 1 || s.Mentions != 3 {
			t.Errorf("stats = %+v", s)
		}
	})
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"ErrTypes", []string{"--into", "place/sochi", "person/talks"}, exitUsage},
		{"ErrNotFound", []string{"--into", "place/sochi", "place/atlantis"}, exitFailure},
		{"ErrNoInto", []string{"place/sochi"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := curateCLI(append([]string{"merge", "--db", curateStore(t)}, tt.args...)...)
			if err == nil || exitCode(err) != tt.exit {
				t.Errorf("err = %v (exit %d), want exit %d", err, exitCode(err), tt.exit)
			}
		})
	}
}
