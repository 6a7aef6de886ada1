package store

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// MustOpenDB opens a store in a temporary directory, closed when the test
// ends.
func MustOpenDB(tb testing.TB, opts ...Option) *DB {
	tb.Helper()
	db, err := Open(tb.TempDir(), opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

// ent describes a document-local entity for fixtures: its mentions are
// every occurrence of each surface form in the text.
type ent struct {
	id       string
	typ      graph.EntityType
	name     string
	aliases  []string
	surfaces []string
	roles    []graph.Role
}

// spans returns the code point spans of every occurrence of s in text.
func spans(text, s string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return out
		}
		b := off + i
		start := utf8.RuneCountInString(text[:b])
		out = append(out, [2]int{start, start + utf8.RuneCountInString(s)})
		off = b + len(s)
	}
}

// extraction builds an Extraction of text with the given entities.
func extraction(id, text string, ents ...ent) *graph.Extraction {
	x := &graph.Extraction{Document: graph.Document{ID: id, Text: text}}
	for _, e := range ents {
		ge := &graph.Entity{ID: e.id, Type: e.typ, Name: e.name, Aliases: e.aliases, Roles: e.roles}
		for _, s := range e.surfaces {
			for _, sp := range spans(text, s) {
				ge.Mentions = append(ge.Mentions, graph.Mention{Document: id, Entity: e.id, Start: sp[0], End: sp[1], Text: s})
			}
		}
		ge.MentionCount = len(ge.Mentions)
		x.Entities = append(x.Entities, ge)
	}
	return x
}

// evidence returns a mention of the first occurrence of s in x's text.
func evidenceOf(x *graph.Extraction, s string) graph.Mention {
	sp := spans(x.Document.Text, s)[0]
	return graph.Mention{Document: x.Document.ID, Start: sp[0], End: sp[1], Text: s}
}

// withRel adds a relation stated by the first occurrence of evidence.
func withRel(x *graph.Extraction, s, p, o, ev string) *graph.Extraction {
	x.Relations = append(x.Relations, &graph.Relation{Subject: s, Predicate: p, Object: o, Confidence: 0.8, Weight: 1, Evidence: []graph.Mention{evidenceOf(x, ev)}})
	return x
}

func mustIngest(tb testing.TB, db *DB, xs ...*graph.Extraction) graph.IngestResult {
	tb.Helper()
	res, err := db.Ingest(context.Background(), xs)
	if err != nil {
		tb.Fatalf("ingest: %v", err)
	}
	return res
}

func mustStats(tb testing.TB, db *DB) graph.Stats {
	tb.Helper()
	s, err := db.Stats(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	s.SizeBytes = 0
	return s
}

// dumpJSON returns the store's dump as JSON lines.
func dumpJSON(tb testing.TB, db *DB, f graph.DumpFilter) string {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := db.Dump(context.Background(), f, func(r *graph.Record) error { return enc.Encode(r) }); err != nil {
		tb.Fatal(err)
	}
	return buf.String()
}

func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := graph.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// recount counts the graph by scanning every keyspace, and checks that
// derived data agrees with it: entity mention counts with mention keys,
// relation weights with supports, edges with relations.
func recount(tb testing.TB, db *DB) graph.Stats {
	tb.Helper()
	s := graph.Stats{ByType: map[graph.EntityType]int{}}
	err := db.bdb.View(func(txn *badger.Txn) error {
		count := func(prefix []byte) int {
			return len(scanKeys(tx(txn), prefix))
		}
		s.Documents = count([]byte{pDoc})
		s.Mentions = count([]byte{pMention})
		s.Relations = count([]byte{pRel})
		s.Figures = count([]byte{pFigure})
		s.Events = count([]byte{pEvent})
		s.Quotes = count([]byte{pQuote})
		if n := count([]byte{pOut}) + count([]byte{pIn}); n != 2*s.Relations {
			tb.Errorf("%d edges for %d relations", n, s.Relations)
		}
		if n := count([]byte{pDocDate}); n != s.Documents {
			tb.Errorf("%d date keys for %d documents", n, s.Documents)
		}
		names := map[string]bool{} // name index key + 0 + ID, from the entities
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id, _ := lastStr(it.Item().Key())
			v, _ := it.Item().ValueCopy(nil)
			rec, err := decodeEntity(v)
			if err != nil {
				return err
			}
			s.Entities++
			s.ByType[rec.Type]++
			if n := count(key(pMention, id)); n != rec.Mentions {
				tb.Errorf("entity %s: %d mention keys, record says %d", id, n, rec.Mentions)
			}
			if n := count(key(pEntDoc, id)); n != rec.Docs {
				tb.Errorf("entity %s: %d documents, record says %d", id, n, rec.Docs)
			}
			for _, k := range nameKeys(rec) {
				ids, _ := readIDs(tx(txn), key(pName, string(rec.Type), k))
				if !contains(ids, id) {
					tb.Errorf("entity %s missing from name index %q", id, k)
				}
				names[string(key(pName, string(rec.Type), k))+"\x00"+id] = true
			}
		}
		// The name index lists no more than the entities' names: nothing
		// left of retracted names or deleted entities.
		if err := tx(txn).scan([]byte{pName}, true, func(k, v []byte) error {
			ids, err := decodeIDs(v)
			if err != nil || len(ids) == 0 {
				tb.Errorf("name index key %q: %d IDs, %v", k, len(ids), err)
			}
			for _, id := range ids {
				if !names[string(k)+"\x00"+id] {
					tb.Errorf("name index key %q lists %s, which has no such name", k, id)
				}
			}
			return nil
		}); err != nil {
			return err
		}
		checkTies(tb, txn)
		rit := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pRel}})
		defer rit.Close()
		for rit.Rewind(); rit.Valid(); rit.Next() {
			id, _ := lastStr(rit.Item().Key())
			v, _ := rit.Item().ValueCopy(nil)
			r, err := decodeRel(v)
			if err != nil {
				return err
			}
			w := 0
			if err := eachSupport(tx(txn), id, func(_ string, s *supportRec) error { w += s.Count; return nil }); err != nil {
				return err
			}
			if w != r.Weight || w == 0 {
				tb.Errorf("relation %s: weight %d, supports sum to %d", id, r.Weight, w)
			}
			for _, k := range [][]byte{key(pOut, r.Subject, r.Predicate, r.Object), key(pIn, r.Object, r.Predicate, r.Subject)} {
				v, ok, err := get(tx(txn), k)
				if err != nil || !ok {
					tb.Errorf("relation %s: edge %q missing (%v)", id, k, err)
					continue
				}
				e, err := decodeEdge(v)
				if err != nil || e.Relation != id || e.Weight != r.Weight || e.Confidence != r.Confidence || !e.HasConfidence {
					tb.Errorf("relation %s (weight %d, confidence %v): edge %+v, %v", id, r.Weight, r.Confidence, e, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkTies checks the ordered indexes of ties.go against the edges: one
// 'r' key per edge, with its strength and value; one 'b' record per pair
// of related entities listing their edges; one 'B' key per 'b' record,
// with its summed weight and highest confidence. Only entities with at
// least tieDegree edges have them.
func checkTies(tb testing.TB, txn *badger.Txn) {
	tb.Helper()
	ends := map[string]int{} // entity → its edges
	for _, ks := range []byte{pIn, pOut} {
		for _, k := range scanKeys(tx(txn), []byte{ks}) {
			parts, err := parseKey(k, ks, 3)
			if err != nil {
				tb.Fatal(err)
			}
			ends[parts[0]]++
		}
	}
	want := map[string]string{} // 'r' key → edge value
	ties := map[string]tieRec{} // 'b' key → record
	for _, ks := range []byte{pIn, pOut} {
		for _, k := range scanKeys(tx(txn), []byte{ks}) {
			if id, _, _ := readStr(k[1:]); !keepsTies(ends[id]) {
				continue
			}
			v, _, err := get(tx(txn), k)
			if err != nil {
				tb.Fatal(err)
			}
			e, err := decodeEdge(v)
			if err != nil {
				tb.Fatal(err)
			}
			parts, err := parseKey(k, ks, 3)
			if err != nil {
				tb.Fatal(err)
			}
			want[string(rankEdgeKey(parts[0], e.Weight, e.Confidence, k))] = string(v)
			tk := string(key(pTie, parts[0], parts[2]))
			ties[tk] = ties[tk].set(ks, parts[1], &tieEntry{Kind: ks, Pred: parts[1], Weight: e.Weight, Confidence: e.Confidence})
		}
	}
	got := scanKeys(tx(txn), []byte{pRankEdge})
	if len(got) != len(want) {
		tb.Errorf("%d ordered edge keys for %d edges", len(got), len(want))
	}
	for _, k := range got {
		v, _, err := get(tx(txn), k)
		if err != nil {
			tb.Fatal(err)
		}
		if w, ok := want[string(k)]; !ok || w != string(v) {
			tb.Errorf("ordered edge key %q: value %x, want %x (present %v)", k, v, w, ok)
		}
	}
	if got := scanKeys(tx(txn), []byte{pTie}); len(got) != len(ties) {
		tb.Errorf("%d tie records for %d related pairs", len(got), len(ties))
	}
	if got := scanKeys(tx(txn), []byte{pRankTie}); len(got) != len(ties) {
		tb.Errorf("%d ordered tie keys for %d related pairs", len(got), len(ties))
	}
	for tk, t := range ties {
		v, ok, err := get(tx(txn), []byte(tk))
		if err != nil || !ok {
			tb.Errorf("tie %q missing (%v)", tk, err)
			continue
		}
		if g, err := decodeTie(v); err != nil || !reflect.DeepEqual(g, t) {
			tb.Errorf("tie %q = %+v, want %+v (%v)", tk, g, t, err)
		}
		parts, _ := parseKey([]byte(tk), pTie, 2)
		w, c := t.strength()
		if ok, err := has(tx(txn), rankTieKey(parts[0], parts[1], w, c)); err != nil || !ok {
			tb.Errorf("tie %q: ordered key of weight %d, confidence %v missing", tk, w, c)
		}
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// onlyPred is the Predicates filter of one predicate, nil for "" (any).
func onlyPred(p string) []string {
	if p == "" {
		return nil
	}
	return []string{p}
}
