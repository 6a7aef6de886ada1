package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

// These tests read the exports back with the tools researchers use: Raptor's
// rapper, Python's rdflib and NetworkX, Python's csv module. Each skips when
// its tool is missing, except under CI=true.

// TestNQuads_Rapper checks that rapper parses the N-Quads export without an
// error or warning, and counts as many statements as were written.
func TestNQuads_Rapper(t *testing.T) {
	rapper := testenv.Tool(t, "apt-get install raptor2-utils", "rapper")
	var buf bytes.Buffer
	enc := export.NewNQuadsEncoder(&buf, export.NQuadsOptions{})
	if err := exportTo(enc, fixture()); err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "fixture.nq", buf.Bytes())
	out, err := exec.Command(rapper, "-i", "nquads", "-c", path).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("Error")) || bytes.Contains(out, []byte("Warning")) {
		t.Fatalf("rapper complained:\n%s", out)
	}
	m := regexp.MustCompile(`returned (\d+) (triples|statements)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no count in rapper output:\n%s", out)
	}
	if n, _ := strconv.ParseInt(string(m[1]), 10, 64); n != enc.Statements() {
		t.Errorf("rapper read %d statements, encoder wrote %d", n, enc.Statements())
	}
}

// TestVocabulary_Rapper checks that vocab.ttl is valid Turtle.
func TestVocabulary_Rapper(t *testing.T) {
	rapper := testenv.Tool(t, "apt-get install raptor2-utils", "rapper")
	path := writeTemp(t, "vocab.ttl", []byte(export.VocabularyTurtle))
	out, err := exec.Command(rapper, "-i", "turtle", "-c", path).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("Error")) || bytes.Contains(out, []byte("Warning")) {
		t.Fatalf("rapper: %v\n%s", err, out)
	}
}

const rdflibScript = `
import json, sys
import rdflib
from rdflib import URIRef, Literal, BNode

FG = "https://factgraph.dev/ns#"
SCHEMA = "http://schema.org/"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

def quads(path, fmt):
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format=fmt)
    default = g.default_context.identifier
    out = set()
    for s, p, o, c in g.quads((None, None, None, None)):
        ident = c.identifier if hasattr(c, "identifier") else c
        # rdflib 6 names the default graph after the file it parsed.
        default_graph = ident == default or isinstance(ident, BNode) or str(ident).startswith("file://")
        name = "DEFAULT" if default_graph else str(ident)
        out.add((s.n3(), p.n3(), o.n3(), name))
    return g, out

nq_graph, nq = quads(sys.argv[1], "nquads")
ld_graph, ld = quads(sys.argv[2], "json-ld")
vocab = rdflib.Graph().parse(sys.argv[3], format="turtle")

# Names, aliases and IDs as read from the N-Quads, per entity ID.
entities = {}
for s, _, id_ in nq_graph.triples((None, URIRef(FG + "id"), None)):
    if (s, RDF_TYPE, URIRef(FG + "Entity")) not in nq_graph:
        continue
    names = [(str(o), o.language) for o in nq_graph.objects(s, URIRef(SCHEMA + "name"))]
    aliases = sorted(str(o) for o in nq_graph.objects(s, URIRef(SCHEMA + "alternateName")))
    types = sorted(str(o) for o in nq_graph.objects(s, RDF_TYPE))
    entities[str(id_)] = {"iri": str(s), "names": names, "aliases": aliases, "types": types}

quotes = sorted(str(o) for o in nq_graph.objects(None, URIRef(SCHEMA + "text")))

# factgraph terms and relation predicates used but declared neither in
# vocab.ttl nor, for positions, in the dump itself.
REL = "https://factgraph.dev/rel#"
used = {str(p) for _, p, _, _ in nq_graph.quads((None, None, None, None)) if str(p).startswith((FG, REL))}
used |= {str(o) for o in nq_graph.objects(None, RDF_TYPE) if str(o).startswith(FG)}
undeclared = sorted(u for u in used if (URIRef(u), RDF_TYPE, None) not in vocab and (URIRef(u), RDF_TYPE, None) not in nq_graph)

# Spans: graph, IRI and text of every fg:Mention, as a reader finds them.
spans = sorted([str(c.identifier if hasattr(c, "identifier") else c), str(s), str(o)]
    for s, _, _, c in nq_graph.quads((None, RDF_TYPE, URIRef(FG + "Mention"), None))
    for o in nq_graph.objects(s, URIRef(FG + "span")))

# The dump's provenance.
created = sorted(str(o) for o in nq_graph.objects(None, URIRef("http://purl.org/dc/terms/created")))
versions = sorted(str(o) for o in nq_graph.objects(None, URIRef(SCHEMA + "softwareVersion")))

print(json.dumps({
    "nquads": len(nq), "jsonld": len(ld),
    "only_nquads": sorted(map(list, nq - ld))[:5], "only_jsonld": sorted(map(list, ld - nq))[:5],
    "graphs": sorted({q[3] for q in nq}),
    "entities": entities, "texts": quotes, "undeclared": undeclared,
    "created": created, "versions": versions, "spans": spans,
}))
`

// TestRDF_RDFLib checks with rdflib that the N-Quads and JSON-LD exports
// are the same RDF dataset, that names and IDs survive, and that every
// factgraph term used is declared in vocab.ttl.
func TestRDF_RDFLib(t *testing.T) {
	py := testenv.Python(t, "rdflib")
	rs := fixture()
	nq := encodeAll(t, "nquads", rs)["fixture.nq"]
	ld := encodeAll(t, "jsonld", rs)["fixture.jsonld"]
	out := runPython(t, py, rdflibScript,
		writeTemp(t, "fixture.nq", nq), writeTemp(t, "fixture.jsonld", ld), writeTemp(t, "vocab.ttl", []byte(export.VocabularyTurtle)))
	var got struct {
		NQuads, JSONLD int
		OnlyNQ         [][]string `json:"only_nquads"`
		OnlyLD         [][]string `json:"only_jsonld"`
		Graphs         []string
		Entities       map[string]struct {
			IRI     string
			Names   [][]string
			Aliases []string
			Types   []string
		}
		Texts      []string
		Undeclared []string
		Created    []string
		Versions   []string
		Spans      [][3]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	checkSpans(t, rs, got.Spans)
	if got.NQuads == 0 || got.NQuads != got.JSONLD || len(got.OnlyNQ) > 0 || len(got.OnlyLD) > 0 {
		t.Errorf("datasets differ: %d quads from N-Quads, %d from JSON-LD\nonly in N-Quads: %q\nonly in JSON-LD: %q",
			got.NQuads, got.JSONLD, got.OnlyNQ, got.OnlyLD)
	}
	wantGraphs := []string{"DEFAULT", export.IDBase + "document/bbc/2", export.IDBase + "document/reuters%201"}
	if strings.Join(got.Graphs, " ") != strings.Join(wantGraphs, " ") {
		t.Errorf("graphs = %q, want %q", got.Graphs, wantGraphs)
	}
	if len(got.Undeclared) > 0 {
		t.Errorf("terms missing from vocab.ttl: %q", got.Undeclared)
	}
	p := fixtureProvenance()
	if len(got.Created) != 1 || !sameTime(got.Created[0], p.Created) || len(got.Versions) != 1 || got.Versions[0] != p.Version {
		t.Errorf("provenance read by rdflib: created %q, versions %q; want %s, %s", got.Created, got.Versions, p.CreatedText(), p.Version)
	}
	schemaType := map[graph.EntityType]string{graph.Person: "Person", graph.Place: "Place",
		graph.Organization: "Organization", graph.Event: "Event"}
	for _, r := range rs {
		x := r.Entity
		if x == nil {
			continue
		}
		e, ok := got.Entities[x.ID]
		if !ok {
			t.Errorf("entity %q not found by its fg:id", x.ID)
			continue
		}
		if len(e.Names) != 1 || e.Names[0][0] != x.Name || e.Names[0][1] != "en" {
			t.Errorf("entity %q: names %q, want [[%q en]]", x.ID, e.Names, x.Name)
		}
		aliases := append([]string(nil), x.Aliases...)
		sort.Strings(aliases)
		if strings.Join(e.Aliases, "|") != strings.Join(aliases, "|") {
			t.Errorf("entity %q: aliases %q, want %q", x.ID, e.Aliases, aliases)
		}
		if want, ok := schemaType[x.Type]; ok && !contains(e.Types, export.SchemaNS+want) {
			t.Errorf("entity %q: types %q lack schema:%s", x.ID, e.Types, want)
		}
	}
	if e := got.Entities[spaceID]; e.IRI != export.IDBase+"entity/person/bashar%20al-assad" {
		t.Errorf("IRI of %q = %q", spaceID, e.IRI)
	}
	for _, want := range []string{fixture()[1].Document.Text, "We \"agree\",\n\\o/"} {
		if !contains(got.Texts, want) {
			t.Errorf("text %q did not survive; got %q", want, got.Texts)
		}
	}
}

// checkSpans checks that each span a reader found ([graph, IRI, text]) is
// located by its IRI alone: the IRI is its graph's, which is its
// document's, with an RFC 5147 fragment whose code-point offsets cut its
// text out of the document's.
func checkSpans(t *testing.T, rs []*graph.Record, spans [][3]string) {
	t.Helper()
	texts := map[string][]rune{}
	for _, r := range rs {
		if r.Document != nil {
			texts[export.IDBase+"document/"+strings.ReplaceAll(url.PathEscape(r.Document.ID), "%2F", "/")] = []rune(r.Document.Text)
		}
	}
	if len(spans) == 0 {
		t.Fatal("rdflib found no span")
	}
	for _, sp := range spans {
		g, iri, text := sp[0], sp[1], sp[2]
		doc, frag, _ := strings.Cut(iri, "#char=")
		var start, end int
		if _, err := fmt.Sscanf(frag, "%d,%d", &start, &end); err != nil || doc != g {
			t.Errorf("span %s in graph %s: want the graph's IRI with #char=start,end", iri, g)
			continue
		}
		doctext, ok := texts[doc]
		if !ok || end > len(doctext) || start > end || string(doctext[start:end]) != text {
			t.Errorf("span %s: its offsets do not cut %q out of its document", iri, text)
		}
	}
}

// sameTime reports whether RFC 3339 text s (as rdflib writes it, +00:00
// for Z) is the instant t.
func sameTime(s string, t time.Time) bool {
	u, err := time.Parse(time.RFC3339, s)
	return err == nil && u.Equal(t)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

const networkxScript = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
    "node_data": {n: d for n, d in g.nodes(data=True)},
    "edge_data": [[u, v, d] for u, v, d in g.edges(data=True)],
    "types": {n: [type(d.get("mentionCount")).__name__, type(d.get("latitude")).__name__] for n, d in g.nodes(data=True)},
    "graph_data": g.graph,
}))
`

// TestGraphML_NetworkX checks that NetworkX reads the GraphML with typed
// attributes, one node per entity and one edge per relation.
func TestGraphML_NetworkX(t *testing.T) {
	py := testenv.Python(t, "networkx")
	rs := fixture()
	gml := encodeAll(t, "graphml", rs)["fixture.graphml"]
	for _, p := range checkNetworkX(t, rs, runPython(t, py, networkxScript, writeTemp(t, "fixture.graphml", gml))) {
		t.Error(p)
	}
}

// TestGraphML_NetworkXCheckFails is the test of TestGraphML_NetworkX: fed a
// dump that lacks a field, or has a wrong value in it, its check must
// report the field.
func TestGraphML_NetworkXCheckFails(t *testing.T) {
	py := testenv.Python(t, "networkx")
	rs := fixture()
	gml := string(encodeAll(t, "graphml", rs)["fixture.graphml"])
	tests := []struct {
		name    string
		damage  func(string) string
		problem string // what a reported problem must name
	}{
		{"NoPredicate", dropData("predicate"), "predicate"},
		{"WrongPredicate", func(s string) string {
			return strings.Replace(s, `<data key="predicate">`, `<data key="predicate">x_`, 1)
		}, "predicate"},
		{"NoLatitude", dropData("latitude"), "latitude"},
		{"LatitudeWithoutLocation", func(s string) string {
			// A latitude on the first node, a date without a location.
			return strings.Replace(s, `<data key="mentionCount">`, `<data key="latitude">1.5</data><data key="mentionCount">`, 1)
		}, "latitude"},
		{"NoMentionCount", dropData("mentionCount"), "mentionCount"},
		{"NoWeight", dropData("weight"), "weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			damaged := tt.damage(gml)
			if damaged == gml {
				t.Fatal("the damage changed nothing")
			}
			out := runPython(t, py, networkxScript, writeTemp(t, "damaged.graphml", []byte(damaged)))
			problems := checkNetworkX(t, rs, out)
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tt.problem) }) {
				t.Errorf("damaged dump passed the check; problems %q, want one naming %s", problems, tt.problem)
			}
		})
	}
}

// dropData returns a damage that removes every <data> element of key from
// a GraphML dump.
func dropData(key string) func(string) string {
	re := regexp.MustCompile(`<data key="` + key + `">[^<]*</data>`)
	return func(s string) string { return re.ReplaceAllString(s, "") }
}

// checkNetworkX compares what networkxScript printed of a GraphML dump with
// the records the dump was made of, and returns the problems: one node per
// entity with its name, aliases, an integer mentionCount and a float
// latitude exactly where the entity has a location, and one edge per
// relation with its predicate and a numeric weight.
func checkNetworkX(t *testing.T, rs []*graph.Record, out []byte) []string {
	t.Helper()
	var got struct {
		Directed     bool
		Nodes, Edges int
		NodeData     map[string]map[string]any `json:"node_data"`
		EdgeData     [][]any                   `json:"edge_data"`
		Types        map[string][]string
		GraphData    map[string]any `json:"graph_data"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	p := fixtureProvenance()
	if got.GraphData["created"] != p.CreatedText() || got.GraphData["softwareVersion"] != p.Version || got.GraphData["storeDocuments"] != float64(p.Store.Documents) {
		report("graph attributes %v lack the provenance (created %s, version %s, %d documents)", got.GraphData, p.CreatedText(), p.Version, p.Store.Documents)
	}
	if !got.Directed || got.Nodes != count(rs, graph.RecordEntity) || got.Edges != count(rs, graph.RecordRelation) {
		report("directed=%v nodes=%d edges=%d; want directed, %d nodes, %d edges", got.Directed, got.Nodes, got.Edges,
			count(rs, graph.RecordEntity), count(rs, graph.RecordRelation))
	}
	want := map[string]int{} // "subject predicate object" of each relation
	for _, r := range rs {
		if x := r.Relation; x != nil {
			want[x.Subject+" "+x.Predicate+" "+x.Object]++
		}
		x := r.Entity
		if x == nil {
			continue
		}
		d := got.NodeData[x.ID]
		if d == nil || d["name"] != x.Name || d["type"] != string(x.Type) {
			report("node %q: %v, want name %q", x.ID, d, x.Name)
			continue
		}
		if len(x.Aliases) > 0 {
			var aliases []string
			s, _ := d["aliases"].(string)
			if err := json.Unmarshal([]byte(s), &aliases); err != nil || strings.Join(aliases, "|") != strings.Join(x.Aliases, "|") {
				report("node %q: aliases %v, want %q", x.ID, d["aliases"], x.Aliases)
			}
		}
		latitude := "NoneType" // absent
		if x.Location != nil {
			latitude = "float"
		}
		if ty := got.Types[x.ID]; len(ty) != 2 || ty[0] != "int" || ty[1] != latitude {
			report("node %q: mentionCount and latitude read as %v, want int and %s", x.ID, ty, latitude)
		}
	}
	for _, e := range got.EdgeData {
		u, _ := e[0].(string)
		v, _ := e[1].(string)
		d, _ := e[2].(map[string]any)
		if _, ok := d["weight"].(float64); !ok {
			report("edge %s→%s: weight %v, want a number", u, v, d["weight"])
		}
		p, ok := d["predicate"].(string)
		key := u + " " + p + " " + v
		if !ok || want[key] == 0 {
			report("edge %s→%s: predicate %v, not a relation of the dump's records", u, v, d["predicate"])
			continue
		}
		want[key]--
	}
	return problems
}

const csvScript = `
import csv, json, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))
print(json.dumps({"nodes": rows(sys.argv[1]), "relationships": rows(sys.argv[2])}))
`

// TestCSV_Python checks with Python's csv module that the Neo4j files
// parse, with names, aliases and IDs intact.
func TestCSV_Python(t *testing.T) {
	py := testenv.Python(t, "csv")
	rs := fixture()
	files := encodeAll(t, "csv", rs)
	out := runPython(t, py, csvScript, writeTemp(t, "nodes.csv", files["fixture.nodes.csv"]),
		writeTemp(t, "relationships.csv", files["fixture.relationships.csv"]))
	var got struct{ Nodes, Relationships [][]string }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Nodes) != 1+count(rs, graph.RecordEntity) || len(got.Relationships) != 1+count(rs, graph.RecordRelation) {
		t.Fatalf("%d node rows, %d relationship rows", len(got.Nodes), len(got.Relationships))
	}
	i := 1
	for _, r := range rs {
		if x := r.Entity; x != nil {
			row := got.Nodes[i]
			i++
			if row[0] != x.ID || row[2] != x.Name || row[3] != strings.Join(x.Aliases, ";") || !strings.HasPrefix(row[1], "Entity;") {
				t.Errorf("row %q, want entity %q named %q", row, x.ID, x.Name)
			}
		}
	}
	for j, row := range got.Relationships[1:] {
		if len(row) != len(got.Relationships[0]) || row[0] == "" || row[1] == "" || row[2] == "" {
			t.Errorf("relationship row %d: %q", j+1, row)
		}
	}
}

// dgraphSchema parses schema/dgraph.schema into predicate → type.
func dgraphSchema(t *testing.T) map[string]string {
	t.Helper()
	b := mustRead(t, "../schema/dgraph.schema")
	preds := map[string]string{}
	re := regexp.MustCompile(`^<?([A-Za-z_][A-Za-z0-9_.]*)>?\s*:\s*(\[?\w+\]?)`)
	for _, line := range strings.Split(string(b), "\n") {
		if m := re.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			preds[m[1]] = m[2]
		}
	}
	return preds
}

// TestNQuads_Dgraph checks the Dgraph dialect against what Dgraph's RDF
// parser demands (three terms, literals that Go's strconv.Unquote reads,
// no graph label) and against schema/dgraph.schema: every predicate is
// declared with the type of the values written.
func TestNQuads_Dgraph(t *testing.T) {
	preds := dgraphSchema(t)
	if len(preds) < 20 {
		t.Fatalf("parsed only %d predicates from dgraph.schema", len(preds))
	}
	out := encodeAll(t, "dgraph", fixture())["fixture.dgraph.rdf"]
	line := regexp.MustCompile(`^<([^>\s]+)> <([^>\s]+)> (<[^>\s]+>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]+>)?) \.$`)
	xsd := map[string]string{"int": "int", "double": "float", "boolean": "bool"}
	seen := map[string]bool{}
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %d is not a Dgraph triple: %s", i+1, l)
		}
		pred, obj := m[2], m[3]
		seen[pred] = true
		var typ string
		switch {
		case obj[0] == '<':
			typ = "uid"
		case strings.Contains(obj, `"^^<`):
			k := obj[strings.LastIndex(obj, "#")+1 : len(obj)-1]
			typ = xsd[k]
			obj = obj[:strings.LastIndex(obj, "^^")]
			fallthrough
		default:
			if _, err := strconv.Unquote(obj); err != nil {
				t.Errorf("line %d: Dgraph cannot unquote %s: %v", i+1, obj, err)
			}
			if typ == "" {
				typ = "string"
			}
		}
		if pred == "dgraph.type" {
			name, _ := strconv.Unquote(obj)
			if !strings.Contains(string(mustRead(t, "../schema/dgraph.schema")), "\ntype "+name+" {") {
				t.Errorf("line %d: dgraph.type %s is not a type of dgraph.schema", i+1, name)
			}
			continue
		}
		if strings.HasPrefix(pred, "rel.") && typ == "uid" {
			continue
		}
		declared, ok := preds[pred]
		if !ok {
			t.Errorf("line %d: predicate %q not in dgraph.schema", i+1, pred)
			continue
		}
		if strings.Trim(declared, "[]") != typ {
			t.Errorf("line %d: %s is %s in dgraph.schema, written as %s", i+1, pred, declared, typ)
		}
	}
	for _, want := range []string{"dgraph.type", "name", "alternateName", "weight", "evidence", "rel.met"} {
		if !seen[want] {
			t.Errorf("predicate %s never written", want)
		}
	}
}

// TestDgraphGraphQL checks schema/dgraph.graphql against dgraph.schema:
// every predicate a field maps to (reverse ones included) and every type
// is declared there, and every @search has the DQL index it needs.
func TestDgraphGraphQL(t *testing.T) {
	preds := dgraphSchema(t)
	dql := string(mustRead(t, "../schema/dgraph.schema"))
	sdl := string(mustRead(t, "../schema/dgraph.graphql"))
	indexes := map[string]string{}
	for _, line := range strings.Split(dql, "\n") {
		if m := regexp.MustCompile(`^([\w.]+):.*@index\(([^)]*)\)`).FindStringSubmatch(line); m != nil {
			indexes[m[1]] = m[2]
		}
	}
	for _, m := range regexp.MustCompile(`@dgraph\(type: "(\w+)"\)`).FindAllStringSubmatch(sdl, -1) {
		if !strings.Contains(dql, "\ntype "+m[1]+" {") {
			t.Errorf("GraphQL type %s has no DQL type", m[1])
		}
	}
	field := regexp.MustCompile(`(?m)^\s+\w+: \[?(\w+)!?\]?!?(?: @search(?:\(by: \[([\w, ]+)\]\))?)?.* @dgraph\(pred: "(~?)([\w.]+)"\)`)
	fields := field.FindAllStringSubmatch(sdl, -1)
	if len(fields) < 60 {
		t.Fatalf("parsed only %d fields", len(fields))
	}
	for _, m := range fields {
		typ, search, reverse, pred := m[1], m[2], m[3] != "", m[4]
		declared, ok := preds[pred]
		if !ok {
			t.Errorf("field on %s is not in dgraph.schema", pred)
			continue
		}
		if reverse && !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(pred)+`:.*@reverse`).MatchString(dql) {
			t.Errorf("~%s needs @reverse in dgraph.schema", pred)
		}
		scalar := map[string]string{"String": "string", "Int": "int", "Float": "float", "Boolean": "bool"}[typ]
		if scalar != "" && strings.Trim(declared, "[]") != scalar {
			t.Errorf("%s is %s in dgraph.schema but %s in GraphQL", pred, declared, typ)
		}
		if scalar == "" && strings.Trim(declared, "[]") != "uid" {
			t.Errorf("%s is %s in dgraph.schema but an edge to %s in GraphQL", pred, declared, typ)
		}
		if strings.Contains(m[0], "@search") {
			want := search
			if want == "" {
				want = map[string]string{"Int": "int", "Float": "float"}[typ]
			}
			if strings.ReplaceAll(want, " ", "") != strings.ReplaceAll(indexes[pred], " ", "") {
				t.Errorf("%s: @search(by: [%s]) but @index(%s)", pred, want, indexes[pred])
			}
		}
	}
}
