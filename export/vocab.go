package export

import (
	_ "embed" // for VocabularyTurtle
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// Namespaces of the RDF formats.
const (
	// NS is factgraph's vocabulary; vocab.ttl describes every term in it.
	NS = "https://factgraph.dev/ns#"
	// IDBase prefixes the IRIs of factgraph's resources: IDBase + "entity/" +
	// the entity ID, percent-encoded, and likewise "document/", "relation/",
	// "figure/", "event/", "quote/" and "tally/".
	IDBase = "https://factgraph.dev/id/"
	// RelNS holds one property per relation predicate: RelNS + "located_in",
	// RelNS + "president_of". It is apart from NS so that no predicate made
	// from a role title can collide with a term of the vocabulary.
	RelNS = "https://factgraph.dev/rel#"
	// SchemaNS is schema.org, for the classes and properties it has.
	SchemaNS = "http://schema.org/"

	rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	xsdNS   = "http://www.w3.org/2001/XMLSchema#"
)

// VocabularyTurtle is factgraph's RDF vocabulary in Turtle (vocab.ttl).
//
//go:embed vocab.ttl
var VocabularyTurtle string

// kind is how a term's values are written.
type kind uint8

const (
	kindIRI    kind = iota // a resource
	kindString             // a plain xsd:string literal
	kindLang               // an English-language literal ("…"@en)
	kindInt                // xsd:int
	kindDouble             // xsd:double
	kindBool               // xsd:boolean
)

// term is a property of the RDF formats. name is its JSON-LD term and its
// Dgraph predicate, so that the three stay in step.
type term uint8

const (
	tID term = iota
	tName
	tAlternateName
	tMentionCount
	tNormalized
	tLatitude
	tLongitude
	tCountryCode
	tHolds
	tTitle
	tOf
	tHeadline
	tURL
	tDatePublished
	tText
	tPlace
	tDocument
	tEntity
	tSentence
	tStart
	tEnd
	tSpan
	tSubject
	tPredicate
	tObject
	tRole
	tSymmetric
	tWeight
	tConfidence
	tEvidence
	tValue
	tLow
	tHigh
	tQualifier
	tMeasure
	tCurrency
	tCounted
	tAbout
	tDate
	tKind
	tParticipant
	tDateText
	tSpeaker
	tMergedInto
	tAgreement
	tReportCount
	tLatest
	tReport
	tContradicts
	numTerms
)

var terms = [numTerms]struct {
	name string
	iri  string
	kind kind
}{
	tID:            {"id", NS + "id", kindString},
	tName:          {"name", SchemaNS + "name", kindLang},
	tAlternateName: {"alternateName", SchemaNS + "alternateName", kindLang},
	tMentionCount:  {"mentionCount", NS + "mentionCount", kindInt},
	tNormalized:    {"normalized", NS + "normalized", kindString},
	tLatitude:      {"latitude", SchemaNS + "latitude", kindDouble},
	tLongitude:     {"longitude", SchemaNS + "longitude", kindDouble},
	tCountryCode:   {"countryCode", NS + "countryCode", kindString},
	tHolds:         {"holds", NS + "holds", kindIRI},
	tTitle:         {"title", NS + "title", kindString},
	tOf:            {"of", NS + "of", kindIRI},
	tHeadline:      {"headline", SchemaNS + "headline", kindString},
	tURL:           {"url", SchemaNS + "url", kindString},
	tDatePublished: {"datePublished", SchemaNS + "datePublished", kindString},
	tText:          {"text", SchemaNS + "text", kindString},
	tPlace:         {"place", NS + "place", kindIRI},
	tDocument:      {"document", NS + "document", kindIRI},
	tEntity:        {"entity", NS + "entity", kindIRI},
	tSentence:      {"sentence", NS + "sentence", kindInt},
	tStart:         {"start", NS + "start", kindInt},
	tEnd:           {"end", NS + "end", kindInt},
	tSpan:          {"span", NS + "span", kindString},
	tSubject:       {"subject", NS + "subject", kindIRI},
	tPredicate:     {"predicate", NS + "predicate", kindString},
	tObject:        {"object", NS + "object", kindIRI},
	tRole:          {"role", NS + "role", kindString},
	tSymmetric:     {"symmetric", NS + "symmetric", kindBool},
	tWeight:        {"weight", NS + "weight", kindInt},
	tConfidence:    {"confidence", NS + "confidence", kindDouble},
	tEvidence:      {"evidence", NS + "evidence", kindIRI},
	tValue:         {"value", NS + "value", kindDouble},
	tLow:           {"low", NS + "low", kindDouble},
	tHigh:          {"high", NS + "high", kindDouble},
	tQualifier:     {"qualifier", NS + "qualifier", kindString},
	tMeasure:       {"measure", NS + "measure", kindString},
	tCurrency:      {"currency", NS + "currency", kindString},
	tCounted:       {"counted", NS + "counted", kindString},
	tAbout:         {"about", NS + "about", kindIRI},
	tDate:          {"date", NS + "date", kindString},
	tKind:          {"kind", NS + "kind", kindString},
	tParticipant:   {"participant", NS + "participant", kindIRI},
	tDateText:      {"dateText", NS + "dateText", kindString},
	tSpeaker:       {"speaker", NS + "speaker", kindIRI},
	tMergedInto:    {"mergedInto", NS + "mergedInto", kindIRI},
	tAgreement:     {"agreement", NS + "agreement", kindString},
	tReportCount:   {"reportCount", NS + "reportCount", kindInt},
	tLatest:        {"latest", NS + "latest", kindIRI},
	tReport:        {"report", NS + "report", kindIRI},
	tContradicts:   {"contradicts", NS + "contradicts", kindIRI},
}

// class is an RDF class of the dump. dgraph lists the dgraph.type values of
// its nodes, which are the type names of schema/dgraph.graphql.
type class uint8

const (
	cEntity class = iota
	cPerson
	cPlace
	cOrganization
	cEvent
	cDate
	cThing
	cDocument
	cMention
	cRole
	cRelation
	cFigure
	cEventFact
	cQuote
	cTally
	numClasses
)

var classes = [numClasses]struct {
	iri    string
	dgraph string
}{
	cEntity:       {NS + "Entity", "Entity"},
	cPerson:       {SchemaNS + "Person", "Person"},
	cPlace:        {SchemaNS + "Place", "Place"},
	cOrganization: {SchemaNS + "Organization", "Organization"},
	cEvent:        {SchemaNS + "Event", "Event"},
	cDate:         {NS + "Date", "CalendarDate"},
	cThing:        {SchemaNS + "Thing", "Thing"},
	cDocument:     {SchemaNS + "NewsArticle", "Document"},
	cMention:      {NS + "Mention", "Mention"},
	cRole:         {NS + "Role", "Role"},
	cRelation:     {NS + "Relation", "Relation"},
	cFigure:       {NS + "Figure", "Figure"},
	cEventFact:    {NS + "EventFact", "EventFact"},
	cQuote:        {SchemaNS + "Quotation", "Quote"},
	cTally:        {NS + "Tally", "Tally"},
}

// entityClass returns the class of an entity type; unknown types are Things.
func entityClass(t graph.EntityType) class {
	switch t {
	case graph.Person:
		return cPerson
	case graph.Place:
		return cPlace
	case graph.Organization:
		return cOrganization
	case graph.Event:
		return cEvent
	case graph.Date:
		return cDate
	}
	return cThing
}

// Resource kinds: the path segment of IDBase under which each kind of
// record has its IRIs.
const (
	resEntity   = "entity/"
	resDocument = "document/"
	resRelation = "relation/"
	resFigure   = "figure/"
	resEvent    = "event/"
	resQuote    = "quote/"
	resTally    = "tally/"
)

// appendIRI appends IDBase + res + the percent-encoded id. Everything but
// RFC 3986 unreserved characters and "/" is encoded, so that any ID (spaces,
// quotes, non-ASCII) gives an IRI that every RDF parser and Dgraph accept,
// and the encoding can be undone.
func appendIRI(b []byte, res, id string) []byte {
	b = append(b, IDBase...)
	b = append(b, res...)
	return appendPathEscaped(b, id)
}

// resourceIRI returns appendIRI as a string.
func resourceIRI(res, id string) string {
	return string(appendIRI(nil, res, id))
}

// mentionIRI returns the IRI of a span of a document: the document's IRI
// with an RFC 5147 fragment, "#char=start,end", in code points as factgraph
// counts them. Equal spans are one resource, whatever refers to them.
func appendMentionIRI(b []byte, m *graph.Mention) []byte {
	b = appendIRI(b, resDocument, m.Document)
	b = append(b, "#char="...)
	b = appendInt(b, int64(m.Start))
	b = append(b, ',')
	return appendInt(b, int64(m.End))
}

// roleIRI returns the IRI of the i-th role of an entity.
func appendRoleIRI(b []byte, entity string, i int) []byte {
	b = appendIRI(b, resEntity, entity)
	b = append(b, "#role-"...)
	return appendInt(b, int64(i))
}

const hexDigits = "0123456789ABCDEF"

func appendPathEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) || c == '/' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
	}
	return b
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// predicateLocal turns a relation predicate ("president_of") into the local
// name of its property in RelNS: letters, digits and "_" stay, anything else
// is percent-encoded. The fixed predicates are described in vocab.ttl;
// position predicates are made from role titles and are open-ended.
func predicateLocal(p string) string {
	ok := true
	for i := 0; i < len(p); i++ {
		if !predicateChar(p[i]) {
			ok = false
			break
		}
	}
	if ok {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if predicateChar(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

func predicateChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
