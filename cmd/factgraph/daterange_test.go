package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// TestServeDateRange: over a real server on loopback, documents, figures,
// events, quotes and relations with since and until (partial ISO dates) come from the
// documents published in the range; documents(mentioning:) and
// Entity.documents list the documents that name an entity, by date too,
// as Entity.mentions its mentions; a bad date is an INVALID error naming
// the argument.
func TestServeDateRange(t *testing.T) {
	db, s := serveStore(t, schema.Config{})
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	const text = `Vladimir Putin met Angela Merkel in Sochi on Monday. At least 12 people were killed in Aleppo, officials said. ` +
		`"We will not give up," Putin said.`
	ctx := context.Background()
	for _, d := range []graph.Document{
		{ID: "reuters", Published: "1987-02-26T15:01:01", Text: text},
		{ID: "march", Published: "2004-03-15", Text: text},
		{ID: "april", Published: "2004-04", Text: text},
		{ID: "undated", Text: strings.Replace(text, "Angela Merkel", "Barack Obama", 1)},
	} {
		x, err := ex.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if len(x.Figures) == 0 || len(x.Events) == 0 || len(x.Quotes) == 0 {
			t.Fatalf("%s: %d figures, %d events, %d quotes; the test needs one of each", d.ID, len(x.Figures), len(x.Events), len(x.Quotes))
		}
		if _, err := db.Ingest(ctx, []*graph.Extraction{x}); err != nil {
			t.Fatal(err)
		}
	}
	type conn struct {
		Edges []struct {
			Node struct {
				ID       string
				Evidence any
			}
		}
	}
	// docsOf returns the sorted documents of a connection's nodes: their
	// own IDs, or their evidence's document (a mention's document is
	// aliased as evidence).
	docsOf := func(c conn) []string {
		var out []string
		for _, e := range c.Edges {
			switch ev := e.Node.Evidence.(type) {
			case nil:
				out = append(out, e.Node.ID)
			case map[string]any:
				if d, ok := ev["document"].(map[string]any); ok {
					ev = d
				}
				out = append(out, ev["id"].(string))
			case []any:
				for _, m := range ev {
					out = append(out, m.(map[string]any)["document"].(map[string]any)["id"].(string))
				}
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	const q = `query($since: String, $until: String) {
		documents(since: $since, until: $until, first: 100) { edges { node { id } } }
		figures(since: $since, until: $until, first: 100) { edges { node { id evidence { document { id } } } } }
		events(since: $since, until: $until, first: 100) { edges { node { id evidence { document { id } } } } }
		quotes(since: $since, until: $until, first: 100) { edges { node { id evidence { document { id } } } } }
		relations(since: $since, until: $until, first: 100) { edges { node { id evidence { document { id } } } } } }`
	for _, tc := range []struct {
		name, since, until string
		want               []string
	}{
		{"All", "", "", []string{"april", "march", "reuters", "undated"}},
		{"Year", "2004", "2004", []string{"april", "march"}},
		{"UntilMonth", "", "2004-03", []string{"march", "reuters"}},
		{"SinceDay", "2004-03-16", "", []string{"april"}},
		{"Day", "1987-02-26", "1987-02-26", []string{"reuters"}},
		{"None", "1988", "2003", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]any{}
			if tc.since != "" {
				vars["since"] = tc.since
			}
			if tc.until != "" {
				vars["until"] = tc.until
			}
			var got map[string]conn
			s.data(t, q, vars, &got)
			for _, field := range []string{"documents", "figures", "events", "quotes", "relations"} {
				if d := docsOf(got[field]); !slices.Equal(d, tc.want) {
					t.Errorf("%s from %v, want %v", field, d, tc.want)
				}
			}
		})
	}
	t.Run("Mentioning", func(t *testing.T) {
		var got map[string]conn
		s.data(t, `{ obama: documents(mentioning: "person/barack-obama") { edges { node { id } } }
			merkel: documents(mentioning: "person/angela-merkel", until: "2004-03") { edges { node { id } } } }`, nil, &got)
		if d := docsOf(got["obama"]); !slices.Equal(d, []string{"undated"}) {
			t.Errorf("documents mentioning Obama: %v", d)
		}
		if d := docsOf(got["merkel"]); !slices.Equal(d, []string{"march", "reuters"}) {
			t.Errorf("documents mentioning Merkel until 2004-03: %v", d)
		}
		var e struct{ Entity struct{ Documents conn } }
		s.data(t, `{ entity(id: "person/angela-merkel") { documents(since: "2004") { edges { node { id } } } } }`, nil, &e)
		if d := docsOf(e.Entity.Documents); !slices.Equal(d, []string{"april", "march"}) {
			t.Errorf("Entity.documents(since: 2004) of Merkel: %v", d)
		}
		var r struct{ Entity struct{ Relations conn } }
		s.data(t, `{ entity(id: "person/vladimir-putin") { relations(until: "2004-03") { edges { node { id evidence { document { id } } } } } } }`, nil, &r)
		if d := docsOf(r.Entity.Relations); !slices.Equal(d, []string{"march", "reuters"}) {
			t.Errorf("Entity.relations(until: 2004-03) of Putin stated in %v", d)
		}
		var m struct{ Entity struct{ Mentions, All conn } }
		s.data(t, `{ entity(id: "person/angela-merkel") { mentions(since: "1987", until: "2004-03-15") { edges { node { evidence: document { id } } } }
			all: mentions { edges { node { evidence: document { id } } } } } }`, nil, &m)
		if d := docsOf(m.Entity.Mentions); !slices.Equal(d, []string{"march", "reuters"}) {
			t.Errorf("Entity.mentions(since: 1987, until: 2004-03-15) of Merkel in %v", d)
		}
		if d := docsOf(m.Entity.All); !slices.Equal(d, []string{"april", "march", "reuters"}) {
			t.Errorf("Entity.mentions of Merkel in %v", d)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, tc := range []struct{ field, arg, date string }{
			{"documents", "since", "2004-13"},
			{"figures", "until", "yesterday"},
			{"events", "since", "15/03/2004"},
			{"quotes", "until", "2004-02-30"},
			{"relations", "since", "2004-00"},
			{"mentions", "since", "2004-3"},
		} {
			q := `{ ` + tc.field + `(` + tc.arg + `: "` + tc.date + `") { edges { node { id } } } }`
			if tc.field == "mentions" {
				q = `{ entity(id: "person/angela-merkel") { mentions(` + tc.arg + `: "` + tc.date + `") { edges { node { start } } } } }`
			}
			status, r := s.query(t, q, nil, "")
			if status != 200 || len(r.Errors) != 1 {
				t.Fatalf("%s: status %d, errors %+v", tc.field, status, r.Errors)
			}
			e := r.Errors[0]
			if e.Extensions["code"] != schema.CodeInvalid || !strings.Contains(e.Message, tc.arg) || !strings.Contains(e.Message, tc.date) {
				t.Errorf("%s(%s: %q): %q %v, want INVALID naming the argument and the date", tc.field, tc.arg, tc.date, e.Message, e.Extensions)
			}
		}
	})
}
