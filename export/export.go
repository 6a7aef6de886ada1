package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Format is a dump format.
type Format string

// Formats.
const (
	NQuads  Format = "nquads"  // RDF 1.1 N-Quads, one named graph per document
	JSONLD  Format = "jsonld"  // JSON-LD 1.0 with a schema.org and factgraph @context
	GraphML Format = "graphml" // entities and relations for NetworkX, Gephi, Cytoscape, yEd
	CSV     Format = "csv"     // nodes.csv and relationships.csv for neo4j-admin database import
	JSONL   Format = "jsonl"   // factgraph's lossless dump, which import reads back
)

// Formats lists every format in the order the CLI documents them.
var Formats = []Format{NQuads, JSONLD, GraphML, CSV, JSONL}

// ParseFormat returns the format named s, or an EINVALID error listing the
// formats there are.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", graph.Errorf(graph.EINVALID, "unknown format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Encoder writes the records of a dump in one format, as they come.
// Encoders buffer; Close writes whatever ends the document and flushes,
// without closing the underlying writers. An Encoder is not safe for
// concurrent use.
type Encoder interface {
	Encode(r *graph.Record) error
	Close() error
}

// Export streams the snapshot that d dumps under f into enc and closes enc.
// Nothing is held in memory beyond the record being written, except the
// small key by which the RDF encoders remember each span they have
// described (spanSet), so that an export's memory grows with the spans of
// its corpus, never with its facts or texts.
func Export(ctx context.Context, d graph.Dumper, f graph.DumpFilter, enc Encoder) error {
	if err := d.Dump(ctx, f, enc.Encode); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("finish dump: %w", err)
	}
	return nil
}

// checkRecord returns an EINVALID error unless r holds the field its Kind
// names. Encoders call it so that a malformed record is reported, never
// silently skipped.
func checkRecord(r *graph.Record) error {
	var ok bool
	switch r.Kind {
	case graph.RecordDocument:
		ok = r.Document != nil
	case graph.RecordEntity:
		ok = r.Entity != nil
	case graph.RecordMention:
		ok = r.Mention != nil
	case graph.RecordRelation:
		ok = r.Relation != nil
	case graph.RecordFigure:
		ok = r.Figure != nil
	case graph.RecordEvent:
		ok = r.Event != nil
	case graph.RecordQuote:
		ok = r.Quote != nil
	case graph.RecordMerge:
		ok = r.Merge != nil
	default:
		return graph.Errorf(graph.EINVALID, "unknown record kind %q", r.Kind)
	}
	if !ok {
		return graph.Errorf(graph.EINVALID, "%s record without its %s", r.Kind, r.Kind)
	}
	if n := payloads(r); n != 1 {
		return graph.Errorf(graph.EINVALID, "%s record with %d payloads, want 1", r.Kind, n)
	}
	return nil
}

// payloads counts the payload fields of r that are set.
func payloads(r *graph.Record) int {
	n := 0
	for _, set := range []bool{r.Document != nil, r.Entity != nil, r.Mention != nil,
		r.Relation != nil, r.Figure != nil, r.Event != nil, r.Quote != nil, r.Merge != nil} {
		if set {
			n++
		}
	}
	return n
}
