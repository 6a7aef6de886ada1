package main

import (
	"strings"
	"testing"
)

// TestIngestMutationRepeatedName sends, in one ingest mutation to a real
// server, a 137 KB run of one name and a good document after it. The run
// was tagged as one person whose key Badger refused: the server answered
// INTERNAL with data null, yet had stored part of the batch. Now the run
// is no entity and both documents are stored.
func TestIngestMutationRepeatedName(t *testing.T) {
	s := startServe(t)
	docs := []map[string]string{
		{"id": "repeated", "text": strings.Repeat("John Smith ", 12500)},
		{"id": "after", "text": "Angela Merkel met Emmanuel Macron in Paris."},
	}
	status, r := s.query(t, `mutation($d: [DocumentInput!]!) { ingest(documents: $d) { added documents } }`, map[string]any{"d": docs}, e2eToken)
	if status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"added":2`) {
		t.Fatalf("status %d, data %s, errors %+v", status, r.Data, r.Errors)
	}
	var got struct {
		Document struct {
			Entities []struct{ Name string }
		}
	}
	s.data(t, `{ document(id: "after") { entities { name } } }`, nil, &got)
	if len(got.Document.Entities) == 0 {
		t.Errorf("the document after the repeated name has no entities: %+v", got)
	}
	var long struct{ Entities struct{ TotalCount int } }
	s.data(t, `{ entities(name: "John Smith John Smith John Smith") { totalCount } }`, nil, &long)
	if long.Entities.TotalCount != 0 {
		t.Errorf("%d entities are named by the run of one name", long.Entities.TotalCount)
	}
}
