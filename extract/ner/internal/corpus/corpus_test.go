package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadCoNLL(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		in      string
		want    []Doc
		wantErr bool
	}{
		{"TwoDocs", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n",
			[]Doc{
				{ID: "t-0001", Text: "EU rejects German call\nPeter Blackburn", Spans: []Span{{0, 2, Org}, {11, 17, Misc}, {23, 38, Person}}},
				{ID: "t-0002", Text: "Bonn", Spans: []Span{{0, 4, Place}}},
			}, false},
		{"IOB1Continuation", "-DOCSTART- -X- -X- O\n\nNew NNP B-NP I-LOC\nYork NNP I-NP I-LOC\nTimes NNP I-NP B-LOC\n",
			[]Doc{{ID: "t-0001", Text: "New York Times", Spans: []Span{{0, 8, Place}, {9, 14, Place}}}}, false},
		{"BadTag", "Bonn NNP B-NP X-LOC\n", nil, true},
		{"UnknownLabel", "Bonn NNP B-NP B-FOO\n", nil, true},
		{"MissingTag", "Bonn\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL(write(t, dir, tt.name+".txt", tt.in), "t")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	t.Run("NoFile", func(t *testing.T) {
		if _, err := ReadCoNLL(filepath.Join(dir, "missing"), "t"); err == nil {
			t.Error("no error for a missing file")
		}
	})
}

func TestReadWorldwide(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "af_x_1.txt.tsv", "http://example.com/a\tO\n\nafrol\tB-Organization\nNews\tI-Organization\n,\tO\n27\tB-Date\nJanuary\tI-Date\nDavid\tB-Person\nKato\tI-Person\n14 hours\tO\nUgandan\tB-NORP\tB-Location\n")
	write(t, dir, "af_x_2.txt.tsv", "Kampala B-Location\n")
	got, err := ReadWorldwide(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{
		{ID: "af_x_1", Text: "afrol News , 27 January David Kato 14 hours Ugandan", Spans: []Span{{0, 10, Org}, {24, 34, Person}, {44, 51, Misc}}},
		{ID: "af_x_2", Text: "Kampala", Spans: []Span{{0, 7, Place}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := ReadWorldwide(t.TempDir()); err == nil {
		t.Error("no error for a folder without files")
	}
}

func TestReadGUM(t *testing.T) {
	dir := t.TempDir()
	line := `{"doc_id":"GUM_news_x","split":"train","text":"the United States and NASA Administrator Charles Bolden met the team","mentions":[` +
		`{"start":0,"end":17,"type":"place","proper":true},` +
		`{"start":22,"end":55,"type":"person","proper":true},` +
		`{"start":22,"end":26,"type":"organization","proper":true},` +
		`{"start":60,"end":68,"type":"organization","proper":false}]}` + "\n" +
		`{"doc_id":"GUM_news_y","split":"dev","text":"x","mentions":[]}` + "\n"
	p := write(t, dir, "gum.jsonl", line)
	got, err := ReadGUM(p, "train")
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{{
		ID: "GUM_news_x", Text: "the United States and NASA Administrator Charles Bolden met the team",
		Spans:   []Span{{4, 17, Place}},
		Partial: []Span{{22, 55, Person}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := ReadGUM(write(t, dir, "bad.jsonl", "{nope\n")); err == nil {
		t.Error("no error for bad JSON")
	}
}

func TestHeldOut(t *testing.T) {
	// The split is part of the reported scores: it must never change.
	tests := []struct {
		id   string
		want bool
	}{
		{"af_afrol_10", true},
		{"af_afrol_15", true},
		{"af_afrol_2", true},
		{"af_afrol_1", false},
		{"af_afrol_11", false},
		{"af_afrol_12", false},
	}
	n := 0
	for i := 0; i < 1000; i++ {
		if HeldOut(string(rune('a'+i%26)) + string(rune('a'+i/26))) {
			n++
		}
	}
	if n < 150 || n > 250 {
		t.Errorf("HeldOut keeps %d of 1000 ids, want about 200", n)
	}
	for _, tt := range tests {
		if HeldOut(tt.id) != tt.want {
			t.Errorf("HeldOut(%q) = %v, want %v: the development split changed", tt.id, !tt.want, tt.want)
		}
	}
}

func TestTune(t *testing.T) {
	// Experiments are scored on this split: it must not change either,
	// and it must never overlap the held-out fifth.
	tests := []struct {
		id   string
		want bool
	}{
		{"af_afrol_5", true},
		{"af_afrol_8", true},
		{"af_afrol_11", true},
		{"af_afrol_10", false}, // held out
		{"af_afrol_1", false},
		{"af_afrol_12", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if Tune(tt.id) != tt.want {
				t.Errorf("Tune(%q) = %v, want %v: the tuning split changed", tt.id, !tt.want, tt.want)
			}
		})
	}
	n := 0
	for i := 0; i < 1000; i++ {
		id := string(rune('a'+i%26)) + string(rune('a'+i/26))
		if Tune(id) {
			n++
			if HeldOut(id) {
				t.Fatalf("%q is in both the tuning split and the held-out fifth", id)
			}
		}
	}
	if n < 150 || n > 250 {
		t.Errorf("Tune keeps %d of 1000 ids, want about 200", n)
	}
}
