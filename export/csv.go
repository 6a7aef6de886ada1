package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Neo4j CSV files, as neo4j-admin database import reads them.
const (
	NodesFile         = "nodes.csv"
	RelationshipsFile = "relationships.csv"
)

// ArrayDelimiter separates the elements of array columns (aliases,
// documents), as neo4j-admin's --array-delimiter default does. Neo4j has no
// escape for it: an alias that contains ";" is split in two.
const ArrayDelimiter = ";"

var (
	nodesHeader = []string{"id:ID", ":LABEL", "name", "aliases:string[]", "mentionCount:int",
		"value", "latitude:double", "longitude:double", "countryCode"}
	relationshipsHeader = []string{":START_ID", ":END_ID", ":TYPE", "id", "predicate", "role",
		"symmetric:boolean", "weight:int", "confidence:float", "documents:string[]"}
)

// CSVEncoder writes the entity graph in the layout of neo4j-admin database
// import: entities to nodes.csv, with the labels Entity and their type
// (Person, Place, Organization, Event, Date, Thing), and relations to
// relationships.csv, with the predicate upper-cased as the relationship
// type (PRESIDENT_OF) and the IDs of the supporting documents as a string
// array. Like GraphML, it skips every other record. Fields are quoted as
// RFC 4180 says; names with line breaks need --multiline-fields=true.
// An absent value is an empty, unquoted field, which Neo4j leaves unset.
type CSVEncoder struct {
	nodes, rels *csv.Writer
	header      bool
	row         []string
	prov        *Provenance
	preds       map[string]int // relationships written, by predicate
}

func (e *CSVEncoder) describe(p *Provenance) { e.prov = p }

// NewCSVEncoder returns an encoder writing nodes and relationships to the
// two writers.
func NewCSVEncoder(nodes, relationships io.Writer) *CSVEncoder {
	return &CSVEncoder{nodes: csv.NewWriter(nodes), rels: csv.NewWriter(relationships), preds: map[string]int{}}
}

var neo4jLabels = map[graph.EntityType]string{
	graph.Person:       "Entity;Person",
	graph.Place:        "Entity;Place",
	graph.Organization: "Entity;Organization",
	graph.Event:        "Entity;Event",
	graph.Date:         "Entity;Date",
}

// Encode writes an entity as a node row and a relation as a relationship
// row.
func (e *CSVEncoder) Encode(r *graph.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	if err := e.writeHeader(); err != nil {
		return err
	}
	switch r.Kind {
	case graph.RecordEntity:
		x := r.Entity
		label, ok := neo4jLabels[x.Type]
		if !ok {
			label = "Entity;Thing"
		}
		row := append(e.row[:0], x.ID, label, x.Name, strings.Join(x.Aliases, ArrayDelimiter),
			strconv.Itoa(x.MentionCount), x.Value, "", "", "")
		if l := x.Location; l != nil {
			row[6] = string(appendDouble(nil, l.Lat))
			row[7] = string(appendDouble(nil, l.Lon))
			row[8] = l.CountryCode
		}
		e.row = row
		return e.nodes.Write(row)
	case graph.RecordRelation:
		x := r.Relation
		e.preds[x.Predicate]++
		e.row = append(e.row[:0], x.Subject, x.Object, strings.ToUpper(x.Predicate), x.ID, x.Predicate,
			x.Role, strconv.FormatBool(x.Symmetric), strconv.Itoa(x.Weight),
			string(appendDouble(nil, x.Confidence)),
			strings.Join(distinctDocuments(x.Evidence), ArrayDelimiter))
		return e.rels.Write(e.row)
	}
	return nil
}

func (e *CSVEncoder) writeHeader() error {
	if e.header {
		return nil
	}
	e.header = true
	if err := e.nodes.Write(nodesHeader); err != nil {
		return err
	}
	return e.rels.Write(relationshipsHeader)
}

// Close flushes both files.
func (e *CSVEncoder) Close() error {
	if err := e.writeHeader(); err != nil {
		return err
	}
	e.nodes.Flush()
	e.rels.Flush()
	if err := e.nodes.Error(); err != nil {
		return err
	}
	return e.rels.Error()
}
