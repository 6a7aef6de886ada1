package store

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/factgraph/factgraph/graph"
)

// storedVotes returns the type votes of entity id as stored, or nil if
// there is no such entity.
func storedVotes(t *testing.T, db *DB, id string) map[string]int {
	t.Helper()
	var out map[string]int
	err := db.bdb.View(func(txn *badger.Txn) error {
		rec, err := getEntity(tx(txn), id)
		if err != nil || rec == nil {
			return err
		}
		out = map[string]int{}
		for _, v := range rec.Votes {
			out[v.S] = v.N
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkVotes checks that every entity's type votes are the sum of its
// documents' contributions, and that these give as many votes as the
// entity has mentions of voting types.
func checkVotes(t *testing.T, db *DB) {
	t.Helper()
	err := db.bdb.View(func(txn *badger.Txn) error {
		sums := map[string][]counted{}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pContrib}, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			_, kind, id, err := parseContribKey(it.Item().Key())
			if err != nil || kind != kEntity {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			c, err := decodeContrib(v)
			if err != nil {
				return err
			}
			sums[id] = addCounted(sums[id], c.Votes, 1)
		}
		ents := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}, PrefetchValues: true})
		defer ents.Close()
		for ents.Rewind(); ents.Valid(); ents.Next() {
			parts, err := parseKey(ents.Item().Key(), pEntity, 1)
			if err != nil {
				return err
			}
			id := parts[0]
			v, err := ents.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			rec, err := decodeEntity(v)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(rec.Votes, sums[id]) {
				return fmt.Errorf("entity %s: votes %v, contributions sum to %v", id, rec.Votes, sums[id])
			}
			if votes(rec.Type) && voteWeight(rec) != rec.Mentions {
				return fmt.Errorf("entity %s: %d votes for %d mentions", id, voteWeight(rec), rec.Mentions)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTypeVotes: a name that documents mostly type organization takes a
// document's person mentions into the organization, unless that document
// gives it a role; the votes follow deletions and re-ingests exactly.
func TestTypeVotes(t *testing.T) {
	db := MustOpenDB(t)
	org := func(id string) *graph.Extraction {
		return extraction(id, "Euronext said shares rose. Euronext listed them.",
			ent{id: "organization/euronext", typ: graph.Organization, name: "Euronext", surfaces: []string{"Euronext"}})
	}
	person := extraction("p", "Euronext had filed a bid.",
		ent{id: "person/euronext", typ: graph.Person, name: "Euronext", surfaces: []string{"Euronext"}})
	const orgID, personID = "organization/euronext", "person/euronext"
	mustIngest(t, db, org("o1"), org("o2"), org("o3"), org("o4"), org("o5"))
	mustIngest(t, db, person)
	if got, want := storedVotes(t, db, orgID), map[string]int{"organization": 10, "person": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after the person document: votes %v, want %v", got, want)
	}
	if v := storedVotes(t, db, personID); v != nil {
		t.Fatalf("%s exists with votes %v", personID, v)
	}
	checkVotes(t, db)

	// A role is the document's own evidence: it keeps its type.
	titled := extraction("r", "Chairman Euronext spoke.",
		ent{id: "person/euronext", typ: graph.Person, name: "Euronext", surfaces: []string{"Euronext"}, roles: []graph.Role{{Title: "Chairman"}}})
	mustIngest(t, db, titled)
	if got, want := storedVotes(t, db, personID), map[string]int{"person": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("titled person: votes %v, want %v", got, want)
	}
	checkVotes(t, db)

	if err := db.DeleteDocument(ctx, "p"); err != nil {
		t.Fatal(err)
	}
	if got, want := storedVotes(t, db, orgID), map[string]int{"organization": 10}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after deleting the person document: votes %v, want %v", got, want)
	}
	checkVotes(t, db)
	mustIngest(t, db, person)
	if got, want := storedVotes(t, db, orgID), map[string]int{"organization": 10, "person": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after re-ingesting it: votes %v, want %v", got, want)
	}
	// A new version of an organization document retracts its old votes.
	mustIngest(t, db, extraction("o1", "Euronext said so.",
		ent{id: "organization/euronext", typ: graph.Organization, name: "Euronext", surfaces: []string{"Euronext"}}))
	if got, want := storedVotes(t, db, orgID), map[string]int{"organization": 9, "person": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after replacing o1: votes %v, want %v", got, want)
	}
	checkVotes(t, db)
	if got, want := recount(t, db), mustStats(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("scan %+v, counters %+v", got, want)
	}
}

// TestTypeVotesNeedMajority: a name typed two ways about as often keeps
// both entities, a person never joins a place nor an organization a
// person, a name's first documents decide nothing, and nothing joins a
// one-word person that is no surname of a full name.
func TestTypeVotesNeedMajority(t *testing.T) {
	db := MustOpenDB(t)
	var sony []*graph.Extraction
	for i := 0; i < 6; i++ {
		sony = append(sony, extraction(fmt.Sprint("s", i), "Sony sold. Sony said.", ent{id: "person/sony", typ: graph.Person, name: "Sony", surfaces: []string{"Sony"}}))
	}
	mustIngest(t, db, sony...)
	mustIngest(t, db, extraction("so", "Sony Corp said.", ent{id: "organization/sony", typ: graph.Organization, name: "Sony", surfaces: []string{"Sony"}}))
	var sb []*graph.Extraction
	for i := 0; i < 6; i++ {
		sb = append(sb, extraction(fmt.Sprint("sb", i), "Smith Barney sold. Smith Barney said.", ent{id: "person/smith-barney", typ: graph.Person, name: "Smith Barney", surfaces: []string{"Smith Barney"}}))
	}
	sb = append(sb, extraction("sbo", "Smith Barney Inc said.", ent{id: "organization/smith-barney", typ: graph.Organization, name: "Smith Barney", surfaces: []string{"Smith Barney"}}))
	mustIngest(t, db, sb...)
	mustIngest(t, db,
		extraction("e1", "Euronext rose.", ent{id: "organization/euronext", typ: graph.Organization, name: "Euronext", surfaces: []string{"Euronext"}}),
		extraction("e2", "Euronext said.", ent{id: "person/euronext", typ: graph.Person, name: "Euronext", surfaces: []string{"Euronext"}}))
	for _, id := range []string{"organization/sony", "organization/smith-barney", "person/euronext"} {
		if storedVotes(t, db, id) == nil {
			t.Errorf("%s missing", id)
		}
	}
	mustIngest(t, db,
		extraction("o", "Citicorp said. Citicorp rose.", ent{id: "organization/citicorp", typ: graph.Organization, name: "Citicorp", surfaces: []string{"Citicorp"}}),
		extraction("j1", "Jordan said. Jordan voted. Jordan won.", ent{id: "place/jordan", typ: graph.Place, name: "Jordan", surfaces: []string{"Jordan"}}))
	mustIngest(t, db,
		extraction("p", "Citicorp had filed. Citicorp rose.", ent{id: "person/citicorp", typ: graph.Person, name: "Citicorp", surfaces: []string{"Citicorp"}}),
		extraction("j2", "Jordan scored.", ent{id: "person/jordan", typ: graph.Person, name: "Jordan", surfaces: []string{"Jordan"}}))
	for _, id := range []string{"organization/citicorp", "person/citicorp", "place/jordan", "person/jordan"} {
		if storedVotes(t, db, id) == nil {
			t.Errorf("%s missing", id)
		}
	}
	checkVotes(t, db)
}

func TestIsHead(t *testing.T) {
	for _, c := range []struct {
		alias, name string
		want        bool
	}{
		{"commission", "arbitration commission", true},
		{"the bank", "first midwest bank", true},
		{"bank", "bank of finland", true},
		{"microsoft", "microsoft corp", false},
		{"fed", "federal reserve", false},
		{"bank of finland", "bank of finland", false},
		{"mission", "arbitration commission", false},
		{"scientology", "church of scientology", false},
		{"intel", "microsoft and intel", false},
	} {
		if got := isHead(c.alias, c.name); got != c.want {
			t.Errorf("isHead(%q, %q) = %v", c.alias, c.name, got)
		}
	}
}

func TestIsComplement(t *testing.T) {
	for _, c := range []struct {
		alias, name string
		want        bool
	}{
		{"commerce", "canadian imperial bank of commerce", true},
		{"the commerce", "canadian imperial bank of commerce", true},
		{"trade and industry", "department for trade and industry", true},
		{"england", "bank of england", true},
		{"scientology", "church of scientology", false},
		{"commerce", "commerce department", false},
		{"imperial bank of commerce", "canadian imperial bank of commerce", false},
		{"commerce", "commerce", false},
	} {
		if got := isComplement(c.alias, c.name); got != c.want {
			t.Errorf("isComplement(%q, %q) = %v", c.alias, c.name, got)
		}
	}
}

// TestComplementAliasJoinsNothing: a bank that its story calls "the
// Commerce" does not join the Commerce Department, which other stories
// call "Commerce".
func TestComplementAliasJoinsNothing(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, extraction("a", "The Commerce Department said. Commerce said.",
		ent{id: "organization/commerce-department", typ: graph.Organization, name: "Commerce Department", aliases: []string{"Commerce"}, surfaces: []string{"Commerce Department", "Commerce"}}))
	mustIngest(t, db, extraction("b", "The Canadian Imperial Bank of Commerce met. The Commerce said.",
		ent{id: "organization/canadian-imperial-bank-of-commerce", typ: graph.Organization, name: "Canadian Imperial Bank of Commerce", aliases: []string{"Commerce"}, surfaces: []string{"Canadian Imperial Bank of Commerce", "Commerce"}}))
	if storedVotes(t, db, "organization/canadian-imperial-bank-of-commerce") == nil {
		t.Fatal("the bank joined another entity")
	}
}

// TestHeadAliasJoinsNothing: a document's "Commission" for its Arbitration
// Commission does not make it the European Commission, which other
// documents call "the Commission".
func TestHeadAliasJoinsNothing(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, extraction("a", "The European Commission met. The Commission said.",
		ent{id: "organization/european-commission", typ: graph.Organization, name: "European Commission", aliases: []string{"Commission"}, surfaces: []string{"European Commission", "Commission"}}))
	mustIngest(t, db, extraction("b", "The Arbitration Commission met. The Commission said.",
		ent{id: "organization/arbitration-commission", typ: graph.Organization, name: "Arbitration Commission", aliases: []string{"Commission"}, surfaces: []string{"Arbitration Commission", "Commission"}}))
	if storedVotes(t, db, "organization/arbitration-commission") == nil {
		t.Fatal("the Arbitration Commission joined another entity")
	}
}

// TestTypeVotesCompanyDesignator: a one-word person joins the company
// named by it with a designator ("Sony" and Sony Corp), by the votes of
// the company's documents.
func TestTypeVotesCompanyDesignator(t *testing.T) {
	db := MustOpenDB(t)
	org := func(id string) *graph.Extraction {
		return extraction(id, "Sony Corp said shares rose. Sony listed them.",
			ent{id: "organization/sony-corp", typ: graph.Organization, name: "Sony Corp", aliases: []string{"Sony"}, surfaces: []string{"Sony Corp", "Sony listed"}})
	}
	mustIngest(t, db, org("o1"), org("o2"), org("o3"), org("o4"), org("o5"))
	mustIngest(t, db, extraction("p", "Sony had filed a bid.",
		ent{id: "person/sony", typ: graph.Person, name: "Sony", surfaces: []string{"Sony"}}))
	if got, want := storedVotes(t, db, "organization/sony-corp"), map[string]int{"organization": 10, "person": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("votes %v, want %v", got, want)
	}
	if v := storedVotes(t, db, "person/sony"); v != nil {
		t.Fatalf("person/sony exists with votes %v", v)
	}
	checkVotes(t, db)
}
