package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/jsonstr"
)

// GraphMLEncoder writes the entity graph as GraphML: one node per entity,
// one directed edge per relation (symmetric ones included, from subject to
// object), with typed <key> declarations so that NetworkX, Gephi,
// Cytoscape and yEd read attributes as numbers where they are numbers.
// Documents, mentions, figures, events, quotes and merges are not part of
// this graph and are skipped; use jsonl or nquads for them.
//
// Node attributes: type, name, label (the name again, which Gephi shows),
// aliases (a JSON array of strings), mentionCount, value (of dates),
// latitude, longitude, countryCode. Edge attributes: predicate, role,
// symmetric, weight, confidence, documents (a JSON array of the IDs of the
// supporting documents). The node ID is the entity ID, the edge ID the
// relation ID.
//
// A described dump (Describe) carries its provenance as attributes of the
// graph, which NetworkX reads into G.graph: created, software,
// softwareVersion, modelChecksum, filters (a JSON array of the flags of
// `factgraph export`) and the store's counts (storeDocuments,
// storeEntities, …, storePerson, …).
type GraphMLEncoder struct {
	w      *bufio.Writer
	b      []byte
	header bool
	prov   *Provenance
}

func (e *GraphMLEncoder) describe(p *Provenance) { e.prov = p }

// graphAttr is one provenance attribute of the graph.
type graphAttr struct{ id, typ, value string }

// graphAttrs returns the provenance attributes of the graph; nil for none.
func (e *GraphMLEncoder) graphAttrs() []graphAttr {
	p := e.prov
	if p == nil {
		return nil
	}
	out := []graphAttr{
		{"created", "string", p.CreatedText()},
		{"software", "string", Software},
		{"softwareVersion", "string", p.Version},
		{"modelChecksum", "string", p.Model},
		{"filters", "string", jsonArray(p.Filters())},
	}
	for _, c := range p.counts() {
		out = append(out, graphAttr{"store" + strings.ToUpper(c.name[:1]) + c.name[1:], "int", strconv.Itoa(c.n)})
	}
	return out
}

// NewGraphMLEncoder returns an encoder writing GraphML to w.
func NewGraphMLEncoder(w io.Writer) *GraphMLEncoder {
	return &GraphMLEncoder{w: bufio.NewWriterSize(w, 256<<10)}
}

// graphMLKeys are the declared attributes, in the order they are written.
var graphMLKeys = []struct{ id, domain, typ string }{
	{"type", "node", "string"},
	{"name", "node", "string"},
	{"label", "node", "string"},
	{"aliases", "node", "string"},
	{"mentionCount", "node", "int"},
	{"value", "node", "string"},
	{"latitude", "node", "double"},
	{"longitude", "node", "double"},
	{"countryCode", "node", "string"},
	{"predicate", "edge", "string"},
	{"role", "edge", "string"},
	{"symmetric", "edge", "boolean"},
	{"weight", "edge", "int"},
	{"confidence", "edge", "double"},
	{"documents", "edge", "string"},
}

func (e *GraphMLEncoder) writeHeader() error {
	e.header = true
	e.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	attrs := e.graphAttrs()
	for _, a := range attrs {
		e.w.WriteString(`<key id="` + a.id + `" for="graph" attr.name="` + a.id + `" attr.type="` + a.typ + `"/>` + "\n")
	}
	for _, k := range graphMLKeys {
		e.w.WriteString(`<key id="` + k.id + `" for="` + k.domain + `" attr.name="` + k.id + `" attr.type="` + k.typ + `"/>` + "\n")
	}
	e.w.WriteString(`<graph id="factgraph" edgedefault="directed">` + "\n")
	e.b = e.b[:0]
	for _, a := range attrs {
		e.data(a.id, a.value)
	}
	if len(attrs) > 0 {
		e.b = append(e.b, '\n')
	}
	_, err := e.w.Write(e.b)
	return err
}

// Encode writes an entity as a node and a relation as an edge.
func (e *GraphMLEncoder) Encode(r *graph.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	if !e.header {
		if err := e.writeHeader(); err != nil {
			return err
		}
	}
	e.b = e.b[:0]
	switch r.Kind {
	case graph.RecordEntity:
		e.node(r.Entity)
	case graph.RecordRelation:
		e.edge(r.Relation)
	default:
		return nil
	}
	_, err := e.w.Write(e.b)
	return err
}

func (e *GraphMLEncoder) node(x *graph.Entity) {
	e.b = append(e.b, `<node id="`...)
	e.b = appendXML(e.b, x.ID)
	e.b = append(e.b, `">`...)
	e.data("type", string(x.Type))
	e.data("name", x.Name)
	e.data("label", x.Name)
	if len(x.Aliases) > 0 {
		e.data("aliases", jsonArray(x.Aliases))
	}
	e.b = append(e.b, `<data key="mentionCount">`...)
	e.b = append(appendInt(e.b, int64(x.MentionCount)), "</data>"...)
	e.data("value", x.Value)
	if l := x.Location; l != nil {
		e.number("latitude", l.Lat)
		e.number("longitude", l.Lon)
		e.data("countryCode", l.CountryCode)
	}
	e.b = append(e.b, "</node>\n"...)
}

func (e *GraphMLEncoder) edge(r *graph.Relation) {
	e.b = append(e.b, `<edge id="`...)
	e.b = appendXML(e.b, r.ID)
	e.b = append(e.b, `" source="`...)
	e.b = appendXML(e.b, r.Subject)
	e.b = append(e.b, `" target="`...)
	e.b = appendXML(e.b, r.Object)
	e.b = append(e.b, `">`...)
	e.data("predicate", r.Predicate)
	e.data("role", r.Role)
	if r.Symmetric {
		e.data("symmetric", "true")
	} else {
		e.data("symmetric", "false")
	}
	e.b = append(e.b, `<data key="weight">`...)
	e.b = append(appendInt(e.b, int64(r.Weight)), "</data>"...)
	e.number("confidence", r.Confidence)
	if len(r.Evidence) > 0 {
		e.data("documents", jsonArray(distinctDocuments(r.Evidence)))
	}
	e.b = append(e.b, "</edge>\n"...)
}

func (e *GraphMLEncoder) data(key, v string) {
	if v == "" {
		return
	}
	e.b = append(e.b, `<data key="`...)
	e.b = append(e.b, key...)
	e.b = append(e.b, `">`...)
	e.b = appendXML(e.b, v)
	e.b = append(e.b, "</data>"...)
}

func (e *GraphMLEncoder) number(key string, v float64) {
	e.b = append(e.b, `<data key="`...)
	e.b = append(e.b, key...)
	e.b = append(e.b, `">`...)
	e.b = append(appendDouble(e.b, v), "</data>"...)
}

// Close ends the document and flushes it.
func (e *GraphMLEncoder) Close() error {
	if !e.header {
		if err := e.writeHeader(); err != nil {
			return err
		}
	}
	e.w.WriteString("</graph>\n</graphml>\n")
	return e.w.Flush()
}

// jsonArray returns vs as a JSON array of strings, without the HTML
// escapes of encoding/json, so that names read the same in a viewer.
func jsonArray(vs []string) string {
	b := []byte{'['}
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(jsonstr.Append(b, v), '"')
	}
	return string(append(b, ']'))
}

// appendXML appends s escaped for XML 1.0 character data and attribute
// values alike. Tab, line feed and carriage return become character
// references, so that attribute normalization and line-end handling keep
// them; characters XML 1.0 cannot carry at all (other C0 controls, U+FFFE,
// U+FFFF, invalid UTF-8) become U+FFFD.
func appendXML(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || n != 1) && r != 0xFFFE && r != 0xFFFF {
				i += n
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			i += n
			start = i
			continue
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&quot;"
		case c == '\t':
			esc = "&#9;"
		case c == '\n':
			esc = "&#10;"
		case c == '\r':
			esc = "&#13;"
		case c < 0x20:
			esc = "\uFFFD"
		default:
			i++
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		i++
		start = i
	}
	return append(b, s[start:]...)
}
