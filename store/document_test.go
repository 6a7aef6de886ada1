package store

import (
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestDocumentEntities(t *testing.T) {
	db := MustOpenDB(t)
	if _, err := db.Ingest(ctx, []*graph.Extraction{docA(), docB(), docC()}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		doc   string
		typ   graph.EntityType
		limit int
		want  []string
		code  string
	}{
		{"MostMentionedFirst", "a", "", 0, []string{"person/vladimir-putin", "person/bashar-al-assad", "place/sochi"}, ""},
		{"ThroughMerge", "c", "", 10, []string{"person/vladimir-putin", "person/bashar-al-assad", "place/damascus"}, ""},
		{"ByType", "b", graph.Place, 10, []string{"place/moscow", "place/russia"}, ""},
		{"Limit", "a", "", 1, []string{"person/vladimir-putin"}, ""},
		{"NoneOfType", "a", graph.Organization, 10, []string{}, ""},
		{"UnknownDocument", "nope", "", 10, nil, graph.ENOTFOUND},
		{"BadType", "a", "planet", 10, nil, graph.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es, err := db.DocumentEntities(ctx, tc.doc, tc.typ, tc.limit)
			if tc.code != "" {
				if graph.ErrorCode(err) != tc.code {
					t.Fatalf("got error %v, want code %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, e := range es {
				got = append(got, e.ID)
				want, err := db.Entity(ctx, e.ID)
				if err != nil || !reflect.DeepEqual(e, want) {
					t.Errorf("entity %s: got %+v, want %+v (%v)", e.ID, e, want, err)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("AfterDelete", func(t *testing.T) {
		if err := db.DeleteDocument(ctx, "c"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.DocumentEntities(ctx, "c", "", 10); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Fatalf("deleted document: got %v, want ENOTFOUND", err)
		}
	})
}

// TestDocumentHeads checks that a document read without its text is the
// whole document less the text, place resolved the same way, in the order
// asked, with nil for an unknown ID.
func TestDocumentHeads(t *testing.T) {
	db := MustOpenDB(t)
	if _, err := db.Ingest(ctx, []*graph.Extraction{docA(), docB(), docC()}); err != nil {
		t.Fatal(err)
	}
	ids := []string{"c", "nope", "a", "b", "a"}
	heads, err := db.DocumentHeads(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != len(ids) {
		t.Fatalf("got %d documents for %d IDs", len(heads), len(ids))
	}
	for i, id := range ids {
		full, err := db.Document(ctx, id)
		if id == "nope" {
			if heads[i] != nil || graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Errorf("%s: got %+v (%v), want nil", id, heads[i], err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if full.Text == "" {
			t.Fatalf("%s: the fixture has no text", id)
		}
		full.Text = ""
		if !reflect.DeepEqual(heads[i], full) {
			t.Errorf("%s: got %+v, want %+v", id, heads[i], full)
		}
	}
}
