package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// Awkward strings that every format must carry intact.
const (
	trickyName = "The \"Quoted\" \\Back\\slash\\ Co.\nLine two\tTabbed 🚀"
	rtlName    = "بشار الأسد"
	spaceID    = "person/bashar al-assad"
	trickyID   = `organization/the "quoted" co`
)

func f64(v float64) *float64 { return &v }

// fixture returns a small graph as a store dumps it: every record kind, in
// dump order, sorted by ID within each kind.
func fixture() []*graph.Record {
	text1 := "Sochi: Putin met Bashar al-Assad on Tuesday.\n\"We \"agree\",\" Putin said."
	docs := []*graph.Document{
		{ID: "bbc/2", Title: "عنوان عربي", Published: "2015-10-22", Text: "نص عربي عن " + rtlName},
		{ID: "reuters 1", Title: `Putin "meets" Assad`, URL: "https://example.com/a?b=1&c=<2>", Published: "2015-10-21",
			Text: text1, Place: "place/sochi"},
	}
	entities := []*graph.Entity{
		{ID: "date/2015-10-20", Type: graph.Date, Name: "Tuesday", Value: "2015-10-20", MentionCount: 1},
		{ID: "event/syrian-civil-war", Type: graph.Event, Name: "Syrian civil war", MentionCount: 1},
		{ID: trickyID, Type: graph.Organization, Name: trickyName, Aliases: []string{"Q&A <Co>"}, MentionCount: 1},
		{ID: "other/x", Type: graph.Other, Name: "\u200fמשהו\u200e", MentionCount: 0},
		{ID: spaceID, Type: graph.Person, Name: "Bashar al-Assad", Aliases: []string{"Assad", rtlName}, MentionCount: 2},
		{ID: "person/vladimir-putin", Type: graph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}, MentionCount: 3,
			Roles: []graph.Role{{Title: "President", Of: "place/russia"}, {Title: "Judoka"}}},
		{ID: "place/russia", Type: graph.Place, Name: "Russia", MentionCount: 1,
			Location: &graph.GeoPoint{Lat: 61.52401, Lon: 105.318756, CountryCode: "RU"}},
		{ID: "place/sochi", Type: graph.Place, Name: "Sochi", MentionCount: 1,
			Location: &graph.GeoPoint{Lat: 43.6028, Lon: 39.7342, CountryCode: "RU"}},
	}
	mentions := []*graph.Mention{
		{Document: "bbc/2", Entity: spaceID, Sentence: 0, Start: 11, End: 21, Text: rtlName},
		{Document: "reuters 1", Entity: "place/sochi", Sentence: 0, Start: 0, End: 5, Text: "Sochi"},
		{Document: "reuters 1", Entity: "person/vladimir-putin", Sentence: 0, Start: 7, End: 12, Text: "Putin"},
		{Document: "reuters 1", Entity: spaceID, Sentence: 0, Start: 17, End: 32, Text: "Bashar al-Assad"},
		{Document: "reuters 1", Entity: "date/2015-10-20", Sentence: 0, Start: 36, End: 43, Text: "Tuesday"},
	}
	sentence := graph.Mention{Document: "reuters 1", Sentence: 0, Start: 0, End: 44, Text: "Sochi: Putin met Bashar al-Assad on Tuesday."}
	quoteSpan := graph.Mention{Document: "reuters 1", Sentence: 1, Start: 45, End: 58, Text: "\"We \"agree\",\""}
	relations := []*graph.Relation{
		{ID: "r-located", Subject: "place/sochi", Predicate: graph.LocatedIn, Object: "place/russia", Confidence: 1, Weight: 1},
		{ID: "r-met", Subject: "person/vladimir-putin", Predicate: graph.Met, Object: spaceID, Symmetric: true,
			Confidence: 0.9, Weight: 2, Evidence: []graph.Mention{sentence, {Document: "bbc/2", Start: 0, End: 21, Text: "نص عربي عن " + rtlName}}},
		{ID: "r-odd", Subject: trickyID, Predicate: "chief-of-staff_of", Object: "place/russia", Role: "Chief of Staff",
			Confidence: 0.5, Weight: 1, Evidence: []graph.Mention{sentence}},
		{ID: "r-president", Subject: "person/vladimir-putin", Predicate: "president_of", Object: "place/russia", Role: "President",
			Confidence: 0.75, Weight: 1, Evidence: []graph.Mention{sentence, sentence}},
	}
	figures := []*graph.Figure{
		{ID: "f-killed", Value: f64(450000), Qualifier: "more than", Measure: graph.Killed, Counted: "people",
			About: "event/syrian-civil-war", Place: "place/sochi", Text: "more than 450,000", Evidence: sentence, Confidence: 0.8},
		{ID: "f-range", Low: f64(1e3), High: f64(2.5e9), Measure: graph.Money, Currency: "USD", Text: "$1,000 to $2.5bn",
			Evidence: quoteSpan, Confidence: 0.6},
	}
	events := []*graph.EventFact{
		{ID: "e-meeting", Kind: "meeting", Name: "meeting of Vladimir Putin and Bashar al-Assad",
			Participants: []string{"person/vladimir-putin", spaceID}, Place: "place/sochi", Date: "2015-10-20",
			DateText: "Tuesday", Evidence: []graph.Mention{sentence}, Confidence: 0.85},
	}
	quotes := []*graph.Quote{
		{ID: "q-1", Text: "We \"agree\",\n\\o/", Speaker: "person/vladimir-putin", Evidence: quoteSpan, Confidence: 0.95},
	}
	merges := []*graph.Merge{{From: "person/putin", Into: "person/vladimir-putin"}}

	var rs []*graph.Record
	for _, d := range docs {
		rs = append(rs, &graph.Record{Kind: graph.RecordDocument, Document: d})
	}
	for _, x := range entities {
		rs = append(rs, &graph.Record{Kind: graph.RecordEntity, Entity: x})
	}
	for _, x := range mentions {
		rs = append(rs, &graph.Record{Kind: graph.RecordMention, Mention: x})
	}
	for _, x := range relations {
		rs = append(rs, &graph.Record{Kind: graph.RecordRelation, Relation: x})
	}
	for _, x := range figures {
		rs = append(rs, &graph.Record{Kind: graph.RecordFigure, Figure: x})
	}
	for _, x := range events {
		rs = append(rs, &graph.Record{Kind: graph.RecordEvent, Event: x})
	}
	for _, x := range quotes {
		rs = append(rs, &graph.Record{Kind: graph.RecordQuote, Quote: x})
	}
	for _, x := range merges {
		rs = append(rs, &graph.Record{Kind: graph.RecordMerge, Merge: x})
	}
	return rs
}

// fakeDumper dumps a fixed list of records, ignoring the filter, which is
// the store's business.
type fakeDumper []*graph.Record

func (d fakeDumper) Dump(ctx context.Context, _ graph.DumpFilter, fn func(*graph.Record) error) error {
	for _, r := range d {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// count returns how many records of a kind rs holds.
func count(rs []*graph.Record, kind string) int {
	n := 0
	for _, r := range rs {
		if r.Kind == kind {
			n++
		}
	}
	return n
}

// runPython runs a Python script with args and returns its stdout.
func runPython(t *testing.T, py, script string, args ...string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "check.py")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, append([]string{path}, args...)...)
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr)
	}
	return out
}

// exportTo exports rs through enc.
func exportTo(enc export.Encoder, rs []*graph.Record) error {
	return export.Export(context.Background(), fakeDumper(rs), graph.DumpFilter{}, enc)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
