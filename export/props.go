package export

import "github.com/factgraph/factgraph/graph"

// propWriter is what the two RDF encoders (N-Quads and JSON-LD) have in
// common: they write the properties of the current node one at a time,
// each in its own syntax. The functions below list once which properties
// each kind of record has, so that both formats state the same dataset.
// Empty strings and references are written as nothing.
type propWriter interface {
	str(t term, v string)
	strs(t term, vs []string)
	int(t term, v int64)
	double(t term, v float64)
	boolean(t term, v bool)
	ref(t term, res, id string)
	refs(t term, res string, ids []string)
}

var (
	_ propWriter = (*NQuadsEncoder)(nil)
	_ propWriter = (*JSONLDEncoder)(nil)
)

func documentProps(w propWriter, d *graph.Document) {
	w.str(tID, d.ID)
	w.str(tHeadline, d.Title)
	w.str(tURL, d.URL)
	w.str(tDatePublished, d.Published)
	w.str(tText, d.Text)
	w.ref(tPlace, resEntity, d.Place)
}

// entityProps writes an entity's properties except its roles, which are
// nodes of their own.
func entityProps(w propWriter, x *graph.Entity) {
	w.str(tID, x.ID)
	w.str(tName, x.Name)
	w.strs(tAlternateName, x.Aliases)
	w.int(tMentionCount, int64(x.MentionCount))
	w.str(tNormalized, x.Value)
	if l := x.Location; l != nil {
		w.double(tLatitude, l.Lat)
		w.double(tLongitude, l.Lon)
		w.str(tCountryCode, l.CountryCode)
	}
}

func roleProps(w propWriter, r *graph.Role) {
	w.str(tTitle, r.Title)
	w.ref(tOf, resEntity, r.Of)
}

// mentionProps writes the properties of a span (span) and its entity
// (entity), as spanSet.add says which are not written yet. A span's IRI is
// its document's IRI with an RFC 5147 fragment, "#char=start,end", and the
// RDF dumps describe it in its document's named graph, so they state its
// document and offsets only there: as statements they were three of a
// span's seven, a fifth of a dump without texts (BENCHMARKS.md). positions
// writes them as statements too, for the Dgraph dialect, whose loaders
// turn IRIs into opaque UIDs.
func mentionProps(w propWriter, m *graph.Mention, span, entity, positions bool) {
	if span && positions {
		w.ref(tDocument, resDocument, m.Document)
	}
	if entity {
		w.ref(tEntity, resEntity, m.Entity)
	}
	if span {
		w.int(tSentence, int64(m.Sentence))
		if positions {
			w.int(tStart, int64(m.Start))
			w.int(tEnd, int64(m.End))
		}
		w.str(tSpan, m.Text)
	}
}

func relationProps(w propWriter, r *graph.Relation) {
	w.str(tID, r.ID)
	w.ref(tSubject, resEntity, r.Subject)
	w.str(tPredicate, r.Predicate)
	w.ref(tObject, resEntity, r.Object)
	w.str(tRole, r.Role)
	w.boolean(tSymmetric, r.Symmetric)
	w.int(tWeight, int64(r.Weight))
	w.double(tConfidence, r.Confidence)
}

// figureProps writes a figure's properties except its evidence.
func figureProps(w propWriter, f *graph.Figure) {
	w.str(tID, f.ID)
	if f.Value != nil {
		w.double(tValue, *f.Value)
	}
	if f.Low != nil {
		w.double(tLow, *f.Low)
	}
	if f.High != nil {
		w.double(tHigh, *f.High)
	}
	w.str(tQualifier, f.Qualifier)
	w.str(tMeasure, f.Measure)
	w.str(tCurrency, f.Currency)
	w.str(tCounted, f.Counted)
	w.ref(tAbout, resEntity, f.About)
	w.ref(tPlace, resEntity, f.Place)
	w.str(tDate, f.Date)
	w.str(tSpan, f.Text)
	w.double(tConfidence, f.Confidence)
}

func eventProps(w propWriter, v *graph.EventFact) {
	w.str(tID, v.ID)
	w.str(tKind, v.Kind)
	w.str(tName, v.Name)
	w.refs(tParticipant, resEntity, v.Participants)
	w.ref(tPlace, resEntity, v.Place)
	w.str(tDate, v.Date)
	w.str(tDateText, v.DateText)
	w.ref(tEntity, resEntity, v.Entity)
	w.double(tConfidence, v.Confidence)
}

// quoteProps writes a quote's properties except its evidence.
func quoteProps(w propWriter, q *graph.Quote) {
	w.str(tID, q.ID)
	w.str(tText, q.Text)
	w.ref(tSpeaker, resEntity, q.Speaker)
	w.double(tConfidence, q.Confidence)
}
