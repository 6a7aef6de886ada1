package extract

import (
	"github.com/factgraph/factgraph/graph"
)

// Record is the JSON line that "factgraph extract" prints for one
// document, in the layout ../shared/eval/score.py reads: entities with
// their mentions, and beside them relations, figures (which the scorer
// reads as spans of type "figure"), events, quotes and dates. Every
// offset is a Unicode code point into the document text, end exclusive.
type Record struct {
	ID        string           `json:"id"`
	Place     string           `json:"place,omitempty"` // the dateline's place entity
	Entities  []RecordEntity   `json:"entities"`
	Relations []RecordRelation `json:"relations"`
	Figures   []RecordFigure   `json:"figures"`
	Events    []RecordEvent    `json:"events"`
	Quotes    []RecordQuote    `json:"quotes"`
	Dates     []RecordDate     `json:"dates"`
}

// RecordMention is a span of the document.
type RecordMention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
}

// RecordEntity is an entity with its mentions in the document.
type RecordEntity struct {
	ID       string           `json:"id"`
	Type     graph.EntityType `json:"type"`
	Name     string           `json:"name"`
	Aliases  []string         `json:"aliases,omitempty"`
	Mentions []RecordMention  `json:"mentions"`
	Roles    []graph.Role     `json:"roles,omitempty"`
	Location *graph.GeoPoint  `json:"location,omitempty"`
	Value    string           `json:"value,omitempty"` // dates: ISO 8601
}

// RecordRelation is a typed edge between two entities of the document.
type RecordRelation struct {
	ID         string          `json:"id"`
	Subject    string          `json:"subject"`
	Predicate  string          `json:"predicate"`
	Object     string          `json:"object"`
	Role       string          `json:"role,omitempty"`
	Symmetric  bool            `json:"symmetric,omitempty"`
	Confidence float64         `json:"confidence"`
	Weight     int             `json:"weight"`
	Evidence   []RecordMention `json:"evidence,omitempty"`
	Rules      []string        `json:"rules,omitempty"` // with WithExplain: the rules that read it
}

// RecordFigure is a figure: its span, then what it counts.
type RecordFigure struct {
	ID         string   `json:"id"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Sentence   int      `json:"sentence"`
	Value      *float64 `json:"value,omitempty"`
	Low        *float64 `json:"low,omitempty"`
	High       *float64 `json:"high,omitempty"`
	Qualifier  string   `json:"qualifier,omitempty"`
	Measure    string   `json:"measure"`
	Currency   string   `json:"currency,omitempty"`
	Counted    string   `json:"counted,omitempty"`
	About      string   `json:"about,omitempty"`
	Place      string   `json:"place,omitempty"`
	Date       string   `json:"date,omitempty"`
	Kind       string   `json:"kind,omitempty"`   // toll or forecast; "" for an incident
	AsOf       string   `json:"as_of,omitempty"`  // an explicit date the count holds for
	Source     string   `json:"source,omitempty"` // who reports it
	Confidence float64  `json:"confidence"`
	Rule       string   `json:"rule,omitempty"` // with WithExplain: the rule that tied its measure
}

// RecordEvent is an event with its participants, place and date.
type RecordEvent struct {
	ID           string          `json:"id"`
	Kind         string          `json:"kind"`
	Name         string          `json:"name"`
	Participants []string        `json:"participants,omitempty"`
	Place        string          `json:"place,omitempty"`
	Date         string          `json:"date,omitempty"`
	DateText     string          `json:"date_text,omitempty"`
	Entity       string          `json:"entity,omitempty"`
	Confidence   float64         `json:"confidence"`
	Evidence     []RecordMention `json:"evidence,omitempty"`
}

// RecordQuote is a quotation and its speaker.
type RecordQuote struct {
	ID         string  `json:"id"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Sentence   int     `json:"sentence"`
	Speaker    string  `json:"speaker,omitempty"`
	Confidence float64 `json:"confidence"`
}

// RecordDate is one date expression: a mention of a date entity.
type RecordDate struct {
	ID       string `json:"id"` // the date entity
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Value    string `json:"value,omitempty"`
}

func recordMention(m graph.Mention) RecordMention {
	return RecordMention{Start: m.Start, End: m.End, Text: m.Text, Sentence: m.Sentence}
}

func recordMentions(ms []graph.Mention) []RecordMention {
	if len(ms) == 0 {
		return nil
	}
	out := make([]RecordMention, len(ms))
	for i, m := range ms {
		out[i] = recordMention(m)
	}
	return out
}

// NewRecord lays an extraction out as a Record. Slices are never nil, so
// that empty lists print as [].
func NewRecord(x *graph.Extraction) Record {
	r := Record{
		ID: x.Document.ID, Place: x.Document.Place,
		Entities: []RecordEntity{}, Relations: []RecordRelation{}, Figures: []RecordFigure{},
		Events: []RecordEvent{}, Quotes: []RecordQuote{}, Dates: []RecordDate{},
	}
	for _, e := range x.Entities {
		re := RecordEntity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases, Roles: e.Roles, Location: e.Location, Value: e.Value}
		re.Mentions = recordMentions(e.Mentions)
		if re.Mentions == nil {
			re.Mentions = []RecordMention{}
		}
		r.Entities = append(r.Entities, re)
		if e.Type == graph.Date {
			for _, m := range e.Mentions {
				r.Dates = append(r.Dates, RecordDate{ID: e.ID, Start: m.Start, End: m.End, Text: m.Text, Sentence: m.Sentence, Value: e.Value})
			}
		}
	}
	for _, rel := range x.Relations {
		r.Relations = append(r.Relations, RecordRelation{
			ID: rel.ID, Subject: rel.Subject, Predicate: rel.Predicate, Object: rel.Object, Role: rel.Role,
			Symmetric: rel.Symmetric, Confidence: rel.Confidence, Weight: rel.Weight, Evidence: recordMentions(rel.Evidence),
			Rules: rel.Rules,
		})
	}
	for _, f := range x.Figures {
		r.Figures = append(r.Figures, RecordFigure{
			ID: f.ID, Start: f.Evidence.Start, End: f.Evidence.End, Text: f.Text, Sentence: f.Evidence.Sentence,
			Value: f.Value, Low: f.Low, High: f.High, Qualifier: f.Qualifier, Measure: f.Measure, Currency: f.Currency,
			Counted: f.Counted, About: f.About, Place: f.Place, Date: f.Date, Kind: f.Kind, AsOf: f.AsOf, Source: f.Source,
			Confidence: f.Confidence, Rule: f.Rule,
		})
	}
	for _, e := range x.Events {
		r.Events = append(r.Events, RecordEvent{
			ID: e.ID, Kind: e.Kind, Name: e.Name, Participants: e.Participants, Place: e.Place, Date: e.Date,
			DateText: e.DateText, Entity: e.Entity, Confidence: e.Confidence, Evidence: recordMentions(e.Evidence),
		})
	}
	for _, q := range x.Quotes {
		r.Quotes = append(r.Quotes, RecordQuote{
			ID: q.ID, Start: q.Evidence.Start, End: q.Evidence.End, Text: q.Text, Sentence: q.Evidence.Sentence,
			Speaker: q.Speaker, Confidence: q.Confidence,
		})
	}
	return r
}
