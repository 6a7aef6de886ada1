package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// Values of the hot keyspaces (entities, relations, edges, supports,
// mentions) are written in a compact binary form: uvarints and
// uvarint-length-prefixed strings, in a fixed field order. They are read and
// rewritten for almost every entity and relation of every ingested document,
// where encoding/json cost several times more CPU and bytes. Documents and
// facts, written once and read rarely, are JSON.

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) float(f float64) {
	e.b = binary.BigEndian.AppendUint64(e.b, math.Float64bits(f))
}
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

var errCorrupt = errors.New("corrupt value")

type decoder struct {
	b   []byte
	err error
	// s, when set, is the whole value as one string: str returns
	// substrings of it, so decoding a record allocates once rather than
	// once per string field.
	s string
}

// newDecoder returns a decoder whose strings share one allocation.
func newDecoder(b []byte) decoder { return decoder{b: b, s: string(b)} }

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.fail()
		return ""
	}
	var s string
	if d.s != "" {
		at := len(d.s) - len(d.b)
		s = d.s[at : at+int(n)]
	} else {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

// raw returns the bytes of the next string without copying them: valid
// only as long as the decoded value.
func (d *decoder) raw() []byte {
	n := d.uint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.fail()
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) bool() bool {
	if len(d.b) < 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

// counted is a multiset element: a string and how many documents gave it.
type counted struct {
	S string
	N int
}

// roleCount is a role and how many documents gave it. Of is the entity ID as
// it was when the role was stored; readers resolve it through merges.
type roleCount struct {
	Title, Of string
	N         int
}

// entityRec is an entity with everything needed to retract one document's
// contribution exactly: each surface form, role, location and date value is
// a multiset counting the documents that gave it.
type entityRec struct {
	Type     graph.EntityType
	Name     string // chosen by pickName, except right after Restore
	Mentions int
	Docs     int // documents that contributed; the entity goes when none is left
	Forms    []counted
	Roles    []roleCount
	Locs     []counted // encodeLoc of a GeoPoint
	Values   []counted
	Degrees  []degree // relations by predicate and direction (degree.go)
	// Votes counts, by entity type, the mentions that documents typed so
	// and resolved here: an entity resolved across types keeps how each
	// document typed it (resolve.go's majorityType).
	Votes []counted
}

// entityContrib is what one document added to one entity ('x' doc 'e').
type entityContrib struct {
	Forms  []counted
	Roles  []roleCount
	Locs   []counted
	Values []counted
	Votes  []counted
}

func putCounted(e *encoder, cs []counted) {
	e.uint(uint64(len(cs)))
	for _, c := range cs {
		e.str(c.S)
		e.uint(uint64(c.N))
	}
}

func getCounted(d *decoder) []counted {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	var cs []counted
	for i := uint64(0); i < n && d.err == nil; i++ {
		cs = append(cs, counted{d.str(), int(d.uint())})
	}
	return cs
}

func putRoles(e *encoder, rs []roleCount) {
	e.uint(uint64(len(rs)))
	for _, r := range rs {
		e.str(r.Title)
		e.str(r.Of)
		e.uint(uint64(r.N))
	}
}

func getRoles(d *decoder) []roleCount {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	var rs []roleCount
	for i := uint64(0); i < n && d.err == nil; i++ {
		rs = append(rs, roleCount{d.str(), d.str(), int(d.uint())})
	}
	return rs
}

func (r *entityRec) encode() []byte {
	e := encoder{make([]byte, 0, 64)}
	e.str(string(r.Type))
	e.str(r.Name)
	e.uint(uint64(r.Mentions))
	e.uint(uint64(r.Docs))
	putCounted(&e, r.Forms)
	putRoles(&e, r.Roles)
	putCounted(&e, r.Locs)
	putCounted(&e, r.Values)
	putDegrees(&e, r.Degrees)
	putCounted(&e, r.Votes)
	return e.b
}

func decodeEntity(b []byte) (*entityRec, error) {
	d := newDecoder(b)
	r := &entityRec{Type: graph.EntityType(d.str()), Name: d.str(), Mentions: int(d.uint()), Docs: int(d.uint())}
	r.Forms, r.Roles, r.Locs, r.Values = getCounted(&d), getRoles(&d), getCounted(&d), getCounted(&d)
	r.Degrees = getDegrees(&d)
	r.Votes = getCounted(&d)
	return r, d.err
}

func (c *entityContrib) encode() []byte {
	e := encoder{make([]byte, 0, 32)}
	putCounted(&e, c.Forms)
	putRoles(&e, c.Roles)
	putCounted(&e, c.Locs)
	putCounted(&e, c.Values)
	putCounted(&e, c.Votes)
	return e.b
}

func decodeContrib(b []byte) (*entityContrib, error) {
	if len(b) == 0 { // restored contributions carry no forms
		return &entityContrib{}, nil
	}
	d := decoder{b: b}
	c := &entityContrib{Forms: getCounted(&d), Roles: getRoles(&d), Locs: getCounted(&d), Values: getCounted(&d), Votes: getCounted(&d)}
	return c, d.err
}

// addCounted adds (sign +1) or removes (sign -1) the elements of add in
// the sorted multiset cs, dropping elements whose count reaches zero.
func addCounted(cs, add []counted, sign int) []counted {
	for _, a := range add {
		i := sort.Search(len(cs), func(i int) bool { return cs[i].S >= a.S })
		switch {
		case i < len(cs) && cs[i].S == a.S:
			cs[i].N += sign * a.N
			if cs[i].N <= 0 {
				cs = append(cs[:i], cs[i+1:]...)
			}
		case sign > 0:
			cs = append(cs, counted{})
			copy(cs[i+1:], cs[i:])
			cs[i] = a
		}
	}
	return cs
}

func roleLess(a, b roleCount) bool {
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Of < b.Of
}

// addRoles is addCounted for roles.
func addRoles(rs, add []roleCount, sign int) []roleCount {
	for _, a := range add {
		i := sort.Search(len(rs), func(i int) bool { return !roleLess(rs[i], a) })
		switch {
		case i < len(rs) && rs[i].Title == a.Title && rs[i].Of == a.Of:
			rs[i].N += sign * a.N
			if rs[i].N <= 0 {
				rs = append(rs[:i], rs[i+1:]...)
			}
		case sign > 0:
			rs = append(rs, roleCount{})
			copy(rs[i+1:], rs[i:])
			rs[i] = a
		}
	}
	return rs
}

func encodeLoc(p *graph.GeoPoint) string {
	e := encoder{}
	e.float(p.Lat)
	e.float(p.Lon)
	e.str(p.CountryCode)
	return string(e.b)
}

func decodeLoc(s string) *graph.GeoPoint {
	d := decoder{b: []byte(s)}
	p := &graph.GeoPoint{Lat: d.float(), Lon: d.float(), CountryCode: d.str()}
	if d.err != nil {
		return nil
	}
	return p
}

// relRec is a relation without its evidence, which lives in its supports.
type relRec struct {
	Subject, Predicate, Object string
	Role                       string
	RoleDoc                    string // the document Role was taken from
	HasRole                    bool
	Symmetric                  bool
	Confidence                 float64
	Weight                     int
	// Evidence is the start of the relation's evidence — its first
	// maxEvidence mentions in (document, position) order — kept with the
	// relation, up to inlineEvidenceBytes, so that reading a relation needs
	// no scan of its supports; MoreEvidence says the supports hold more.
	Evidence     []graph.Mention
	MoreEvidence bool
}

func (r *relRec) encode() []byte {
	e := encoder{make([]byte, 0, 96+64*len(r.Evidence))}
	e.str(r.Subject)
	e.str(r.Predicate)
	e.str(r.Object)
	e.str(r.Role)
	e.str(r.RoleDoc)
	e.bool(r.HasRole)
	e.bool(r.Symmetric)
	e.float(r.Confidence)
	e.uint(uint64(r.Weight))
	e.uint(uint64(len(r.Evidence)))
	for _, m := range r.Evidence {
		e.str(m.Document)
		e.uint(uint64(m.Sentence))
		e.uint(uint64(m.Start))
		e.uint(uint64(m.End))
		e.str(m.Text)
	}
	e.bool(r.MoreEvidence)
	return e.b
}

func decodeRel(b []byte) (*relRec, error) {
	d := newDecoder(b)
	r := &relRec{Subject: d.str(), Predicate: d.str(), Object: d.str(), Role: d.str(), RoleDoc: d.str()}
	r.HasRole, r.Symmetric, r.Confidence, r.Weight = d.bool(), d.bool(), d.float(), int(d.uint())
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	if n > 0 && d.err == nil {
		r.Evidence = make([]graph.Mention, 0, n)
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		r.Evidence = append(r.Evidence, graph.Mention{Document: d.str(), Sentence: int(d.uint()), Start: int(d.uint()), End: int(d.uint()), Text: d.str()})
	}
	r.MoreEvidence = d.bool()
	return r, d.err
}

// edgeRec is the value of an 'o' or 'i' edge key: enough to walk and rank
// neighbours and relations without loading the relation.
type edgeRec struct {
	Relation  string
	Weight    int
	Symmetric bool
	// Confidence is the relation's. It ends the value, so that edges
	// written before it was kept still decode: they have no confidence
	// (HasConfidence false), and ranking reads it from the relation.
	Confidence    float64
	HasConfidence bool
}

func (r edgeRec) encode() []byte {
	e := encoder{make([]byte, 0, 40)}
	e.str(r.Relation)
	e.uint(uint64(r.Weight))
	e.bool(r.Symmetric)
	e.float(r.Confidence)
	return e.b
}

// edgeStrength decodes what ranks an edge (all of it but the relation ID)
// without allocating.
func edgeStrength(b []byte) (weight int, symmetric bool, confidence float64, hasConfidence bool, err error) {
	d := decoder{b: b}
	n := d.uint()
	if d.err != nil || uint64(len(d.b)) < n {
		return 0, false, 0, false, errCorrupt
	}
	d.b = d.b[n:]
	weight, symmetric = int(d.uint()), d.bool()
	if len(d.b) > 0 {
		confidence, hasConfidence = d.float(), true
	}
	return weight, symmetric, confidence, hasConfidence, d.err
}

func decodeEdge(b []byte) (edgeRec, error) {
	d := decoder{b: b}
	r := edgeRec{Relation: d.str(), Weight: int(d.uint()), Symmetric: d.bool()}
	if len(d.b) > 0 {
		r.Confidence, r.HasConfidence = d.float(), true
	}
	return r, d.err
}

// supportRec is one document's statements of a relation.
type supportRec struct {
	Count      int
	Confidence float64
	Role       string
	Symmetric  bool
	Evidence   []graph.Mention // sorted, at most maxEvidence; Document is the key's
}

func (r *supportRec) encode() []byte {
	e := encoder{make([]byte, 0, 64)}
	e.uint(uint64(r.Count))
	e.float(r.Confidence)
	e.str(r.Role)
	e.bool(r.Symmetric)
	e.uint(uint64(len(r.Evidence)))
	for _, m := range r.Evidence {
		e.uint(uint64(m.Sentence))
		e.uint(uint64(m.Start))
		e.uint(uint64(m.End))
		e.str(m.Text)
	}
	return e.b
}

func decodeSupport(b []byte, doc string) (*supportRec, error) {
	d := newDecoder(b)
	r := &supportRec{Count: int(d.uint()), Confidence: d.float(), Role: d.str(), Symmetric: d.bool()}
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		r.Evidence = append(r.Evidence, graph.Mention{Document: doc, Sentence: int(d.uint()), Start: int(d.uint()), End: int(d.uint()), Text: d.str()})
	}
	return r, d.err
}

// mentionRec is the value of a mention key: what the key does not hold.
func encodeMention(sentence int, text string) []byte {
	e := encoder{make([]byte, 0, len(text)+4)}
	e.uint(uint64(sentence))
	e.str(text)
	return e.b
}

func decodeMention(b []byte) (sentence int, text string, err error) {
	d := newDecoder(b)
	sentence, text = int(d.uint()), d.str()
	return sentence, text, d.err
}

// idList is the value of the name and surname indexes: sorted entity IDs.
func encodeIDs(ids []string) []byte {
	e := encoder{}
	e.uint(uint64(len(ids)))
	for _, id := range ids {
		e.str(id)
	}
	return e.b
}

func decodeIDs(b []byte) ([]string, error) {
	d := newDecoder(b)
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	ids := make([]string, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		ids = append(ids, d.str())
	}
	return ids, d.err
}

// editIDs adds or removes id in the sorted list ids and reports whether
// that changed it. A changed list is a new slice, never ids edited in place:
// callers may be ranging over the old one, and the writer's caches share it.
func editIDs(ids []string, id string, add bool) ([]string, bool) {
	i := sort.SearchStrings(ids, id)
	present := i < len(ids) && ids[i] == id
	switch {
	case add && !present:
		return append(append(append(make([]string, 0, len(ids)+1), ids[:i]...), id), ids[i:]...), true
	case !add && present:
		return append(append(make([]string, 0, len(ids)-1), ids[:i]...), ids[i+1:]...), true
	}
	return ids, false
}

// docRec is a stored document and the hash of its text, to tell a
// re-ingest of the same text from a replacement.
type docRec struct {
	Doc  graph.Document
	Hash uint64
	// Number is the document's number in the text index plus one, 0 for
	// none (search.go's indexDoc).
	Number uint64
}

func (r *docRec) encode() []byte {
	e := encoder{make([]byte, 0, len(r.Doc.Text)+64)}
	e.uint(r.Hash)
	e.str(r.Doc.ID)
	e.str(r.Doc.Title)
	e.str(r.Doc.URL)
	e.str(r.Doc.Published)
	e.str(r.Doc.Place)
	e.str(r.Doc.Text)
	if r.Number != 0 {
		e.uint(r.Number)
	}
	return e.b
}

func decodeDoc(b []byte) (*docRec, error) {
	d := decoder{b: b}
	r := &docRec{Hash: d.uint()}
	r.Doc = graph.Document{ID: d.str(), Title: d.str(), URL: d.str(), Published: d.str(), Place: d.str(), Text: d.str()}
	if len(d.b) > 0 { // a record without a number has none (layout 11 and stores without a text index)
		r.Number = d.uint()
	}
	return r, d.err
}

// decodeDocHead decodes a document record without its text. It copies
// only the short fields, so it may read a value in place, inside the
// transaction that holds it.
func decodeDocHead(b []byte) (graph.Document, error) {
	d := decoder{b: b}
	d.uint() // the hash
	doc := graph.Document{ID: d.str(), Title: d.str(), URL: d.str(), Published: d.str(), Place: d.str()}
	return doc, d.err
}

// mergeRec says an entity was merged into another; Auto marks merges the
// store made itself when a fuller name arrived.
type mergeRec struct {
	Into string
	Auto bool
}

func (r mergeRec) encode() []byte {
	e := encoder{}
	e.str(r.Into)
	e.bool(r.Auto)
	return e.b
}

func decodeMerge(b []byte) (mergeRec, error) {
	d := decoder{b: b}
	r := mergeRec{Into: d.str(), Auto: d.bool()}
	return r, d.err
}

// factRec wraps a stored figure, event or quote with the document it
// belongs to. Facts are stored in the binary form below (they were JSON in
// layout version 2): dumps read every one of them.
type factRec[T any] struct {
	Doc  string
	Fact T
}

func putMention(e *encoder, m *graph.Mention) {
	e.str(m.Document)
	e.str(m.Entity)
	e.uint(uint64(m.Sentence))
	e.uint(uint64(m.Start))
	e.uint(uint64(m.End))
	e.str(m.Text)
}

func getMention(d *decoder) graph.Mention {
	return graph.Mention{Document: d.str(), Entity: d.str(), Sentence: int(d.uint()), Start: int(d.uint()), End: int(d.uint()), Text: d.str()}
}

// putOptFloat writes a presence byte, then the number if present.
func putOptFloat(e *encoder, f *float64) {
	e.bool(f != nil)
	if f != nil {
		e.float(*f)
	}
}

func getOptFloat(d *decoder) *float64 {
	if !d.bool() {
		return nil
	}
	f := d.float()
	return &f
}

func encodeFact[T any](doc string, f *T) ([]byte, error) {
	e := encoder{make([]byte, 0, 128)}
	e.str(doc)
	switch x := any(f).(type) {
	case *graph.Figure:
		e.str(x.ID)
		putOptFloat(&e, x.Value)
		putOptFloat(&e, x.Low)
		putOptFloat(&e, x.High)
		for _, s := range []string{x.Qualifier, x.Measure, x.Currency, x.Counted, x.About, x.Place, x.Date, x.Text} {
			e.str(s)
		}
		putMention(&e, &x.Evidence)
		e.float(x.Confidence)
		for _, s := range []string{x.Kind, x.AsOf, x.Source} {
			e.str(s)
		}
	case *graph.EventFact:
		for _, s := range []string{x.ID, x.Kind, x.Name, x.Place, x.Date, x.DateText, x.Entity} {
			e.str(s)
		}
		e.uint(uint64(len(x.Participants)))
		for _, p := range x.Participants {
			e.str(p)
		}
		e.uint(uint64(len(x.Evidence)))
		for i := range x.Evidence {
			putMention(&e, &x.Evidence[i])
		}
		e.float(x.Confidence)
	case *graph.Quote:
		e.str(x.ID)
		e.str(x.Text)
		e.str(x.Speaker)
		putMention(&e, &x.Evidence)
		e.float(x.Confidence)
	default:
		return nil, fmt.Errorf("encodeFact: unknown fact type %T", f)
	}
	return e.b, nil
}

func decodeFact[T any](b []byte) (*factRec[T], error) {
	d := newDecoder(b)
	r := &factRec[T]{Doc: d.str()}
	switch x := any(&r.Fact).(type) {
	case *graph.Figure:
		x.ID = d.str()
		x.Value, x.Low, x.High = getOptFloat(&d), getOptFloat(&d), getOptFloat(&d)
		x.Qualifier, x.Measure, x.Currency, x.Counted = d.str(), d.str(), d.str(), d.str()
		x.About, x.Place, x.Date, x.Text = d.str(), d.str(), d.str(), d.str()
		x.Evidence = getMention(&d)
		x.Confidence = d.float()
		x.Kind, x.AsOf, x.Source = d.str(), d.str(), d.str()
	case *graph.EventFact:
		x.ID, x.Kind, x.Name, x.Place, x.Date, x.DateText, x.Entity = d.str(), d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		n := d.uint()
		if n > uint64(len(d.b)) {
			d.fail()
		}
		for i := uint64(0); i < n && d.err == nil; i++ {
			x.Participants = append(x.Participants, d.str())
		}
		n = d.uint()
		if n > uint64(len(d.b)) {
			d.fail()
		}
		for i := uint64(0); i < n && d.err == nil; i++ {
			x.Evidence = append(x.Evidence, getMention(&d))
		}
		x.Confidence = d.float()
	case *graph.Quote:
		x.ID, x.Text, x.Speaker = d.str(), d.str(), d.str()
		x.Evidence = getMention(&d)
		x.Confidence = d.float()
	default:
		return nil, fmt.Errorf("decodeFact: unknown fact type %T", x)
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}
