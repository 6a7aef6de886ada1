package graph

import (
	"math"
	"reflect"
	"testing"
)

func num(v float64) *float64 { return &v }

func TestAgree(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b Report
		want bool
	}{
		{"MoreThanAndExact", Report{Value: num(400000), Qualifier: "more than"}, Report{Value: num(450000)}, true},
		{"MoreThanAndSmaller", Report{Value: num(400000), Qualifier: "more than"}, Report{Value: num(350000)}, false},
		{"ExactDifferent", Report{Value: num(355)}, Report{Value: num(684)}, false},
		{"ExactSame", Report{Value: num(355)}, Report{Value: num(355)}, true},
		{"AboutWithin", Report{Value: num(1000), Qualifier: "about"}, Report{Value: num(1050)}, true},
		{"AboutOutside", Report{Value: num(1000), Qualifier: "about"}, Report{Value: num(1500)}, false},
		{"UpToAndLess", Report{Value: num(500), Qualifier: "up to"}, Report{Value: num(300)}, true},
		{"NearlyAndAtLeast", Report{Value: num(100), Qualifier: "nearly"}, Report{Value: num(90), Qualifier: "at least"}, true},
		{"VagueAndExact", Report{Low: num(200), High: num(999)}, Report{Value: num(450)}, true},
		{"VagueAndBeyond", Report{Low: num(200), High: num(999)}, Report{Value: num(2000)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Agree(&tc.a, &tc.b); got != tc.want {
				t.Errorf("Agree = %v, want %v", got, tc.want)
			}
			if got := Agree(&tc.b, &tc.a); got != tc.want {
				t.Errorf("Agree reversed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTallied(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Figure
		want bool
	}{
		{"Toll", Figure{Measure: Killed, Value: num(450000), About: "event/syrian-civil-war", Kind: KindToll}, true},
		{"PlaceOnly", Figure{Measure: Killed, Value: num(12), Place: "place/damascus"}, true},
		{"Forecast", Figure{Measure: Killed, Value: num(45e6), Place: "place/uk", Kind: KindForecast}, false},
		{"Nowhere", Figure{Measure: Killed, Value: num(12)}, false},
		{"Addition", Figure{Measure: Killed, Value: num(25), Qualifier: "another", Place: "place/x"}, false},
		{"AdditionBoth", Figure{Measure: Killed, Value: num(25), Qualifier: "at least … more", Place: "place/x"}, false},
		{"Vague", Figure{Measure: Killed, Low: num(200), High: num(999), Place: "place/x"}, true},
		{"NoAmount", Figure{Measure: Killed, Place: "place/x"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Tallied(&tc.f); got != tc.want {
				t.Errorf("Tallied = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTallyKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Figure
		want string
	}{
		{"People", Figure{Measure: Killed, About: "event/war", Place: "place/syria", Counted: "people"}, "killed|event/war||"},
		{"Civilians", Figure{Measure: Killed, About: "event/war", Counted: "Civilians"}, "killed|event/war|civilians|"},
		{"PlaceWhenNoAbout", Figure{Measure: Killed, Place: "place/syria"}, "killed|place/syria||"},
		{"Currency", Figure{Measure: Money, Place: "place/nz", Currency: "NZD"}, "money|place/nz||NZD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TallyKey(&tc.f); got != tc.want {
				t.Errorf("TallyKey = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReconcile(t *testing.T) {
	type want struct {
		order     []string // figures in report order
		latest    string
		low, high float64
		agreement string
		conflicts map[string][]string
	}
	for _, tc := range []struct {
		name    string
		key     string
		reports []Report
		want    want
	}{
		{
			name: "Single",
			key:  "killed|event/syrian-civil-war||",
			reports: []Report{
				{Figure: "f1", Document: "d1", Value: num(450000), Qualifier: "more than", AsOf: "2017-11-21", Kind: KindToll, Place: "place/syria"},
			},
			want: want{order: []string{"f1"}, latest: "f1", low: 450000, high: 450000, agreement: AgreementSingle},
		},
		{
			name: "RunningTollAgrees",
			key:  "killed|event/syrian-civil-war||",
			reports: []Report{
				{Figure: "f2", Document: "d2", Value: num(450000), AsOf: "2017-11-21", Kind: KindToll},
				{Figure: "f1", Document: "d1", Value: num(400000), Qualifier: "more than", AsOf: "2016-04-23", Kind: KindToll},
			},
			want: want{order: []string{"f1", "f2"}, latest: "f2", low: 400000, high: 450000, agreement: AgreementAgree},
		},
		{
			name: "SameDayDisagrees",
			key:  "killed|place/mecca||",
			reports: []Report{
				{Figure: "a", Document: "d1", Value: num(355), AsOf: "2015-09-24"},
				{Figure: "b", Document: "d2", Value: num(684), AsOf: "2015-09-24T18:00:00Z"},
			},
			want: want{order: []string{"a", "b"}, latest: "b", low: 355, high: 684, agreement: AgreementDisagree,
				conflicts: map[string][]string{"a": {"b"}, "b": {"a"}}},
		},
		{
			name: "OneDocumentNeverContradictsItself",
			key:  "killed|place/teri-mangal||",
			reports: []Report{
				{Figure: "a", Document: "9179", Value: num(81), AsOf: "1987-03-25", Kind: KindToll},
				{Figure: "b", Document: "9179", Value: num(23), AsOf: "1987-03-25"},
			},
			want: want{order: []string{"a", "b"}, latest: "a", low: 23, high: 81, agreement: AgreementAgree},
		},
		{
			name: "IncidentsOnOtherDaysAreNoConflict",
			key:  "killed|place/baghdad||",
			reports: []Report{
				{Figure: "a", Document: "d1", Value: num(12), AsOf: "2016-01-01"},
				{Figure: "b", Document: "d2", Value: num(30), AsOf: "2016-05-01"},
			},
			want: want{order: []string{"a", "b"}, latest: "b", low: 12, high: 30, agreement: AgreementAgree},
		},
		{
			name: "FallingTollDisagrees",
			key:  "killed|event/war||",
			reports: []Report{
				{Figure: "a", Document: "d1", Value: num(500), Qualifier: "at least", AsOf: "2016-01-01", Kind: KindToll},
				{Figure: "b", Document: "d2", Value: num(300), AsOf: "2016-05-01", Kind: KindToll},
			},
			want: want{order: []string{"a", "b"}, latest: "b", low: 300, high: 500, agreement: AgreementDisagree,
				conflicts: map[string][]string{"a": {"b"}, "b": {"a"}}},
		},
		{
			name: "LatestOfOneDayIsTheToll",
			key:  "killed|event/war||",
			reports: []Report{
				{Figure: "a", Document: "d1", Value: num(40), AsOf: "2016-01-01", Kind: KindToll},
				{Figure: "b", Document: "d2", Value: num(30), Qualifier: "at least", AsOf: "2016-01-01"},
			},
			want: want{order: []string{"a", "b"}, latest: "a", low: 30, high: 40, agreement: AgreementAgree},
		},
		{
			name: "MoneyNeverContradicts",
			key:  "money|place/us||USD",
			reports: []Report{
				{Figure: "a", Document: "d1", Value: num(5e6), AsOf: "1987-03-02"},
				{Figure: "b", Document: "d2", Value: num(9e9), AsOf: "1987-03-02"},
			},
			want: want{order: []string{"a", "b"}, latest: "b", low: 5e6, high: 9e9, agreement: AgreementAgree},
		},
		{
			name: "VagueRange",
			key:  "displaced|event/war||",
			reports: []Report{
				{Figure: "a", Document: "d1", Low: num(2e6), High: num(9.99e6), AsOf: "2016-01-01"},
			},
			want: want{order: []string{"a"}, latest: "a", low: 2e6, high: 9.99e6, agreement: AgreementSingle},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Reconcile(tc.key, tc.reports)
			var order []string
			conflicts := map[string][]string{}
			for _, r := range got.Reports {
				order = append(order, r.Figure)
				if len(r.Conflicts) > 0 {
					conflicts[r.Figure] = r.Conflicts
				}
			}
			if tc.want.conflicts == nil {
				tc.want.conflicts = map[string][]string{}
			}
			if !reflect.DeepEqual(order, tc.want.order) {
				t.Errorf("order = %v, want %v", order, tc.want.order)
			}
			if l := got.LatestReport().Figure; l != tc.want.latest {
				t.Errorf("latest = %s, want %s", l, tc.want.latest)
			}
			if got.Low != tc.want.low || got.High != tc.want.high {
				t.Errorf("range = %v–%v, want %v–%v", got.Low, got.High, tc.want.low, tc.want.high)
			}
			if got.Agreement != tc.want.agreement {
				t.Errorf("agreement = %s, want %s", got.Agreement, tc.want.agreement)
			}
			if !reflect.DeepEqual(conflicts, tc.want.conflicts) {
				t.Errorf("conflicts = %v, want %v", conflicts, tc.want.conflicts)
			}
			if got.ID != tc.key {
				t.Errorf("ID = %q, want %q", got.ID, tc.key)
			}
		})
	}
	t.Run("KeyParts", func(t *testing.T) {
		got := Reconcile("money|place/nz|farmers|NZD", []Report{{Figure: "a", Value: num(5), Place: "place/nz"}})
		if got.Measure != Money || got.About != "place/nz" || got.Counted != "farmers" || got.Currency != "NZD" || got.Place != "place/nz" {
			t.Errorf("tally = %+v", got)
		}
	})
}

func TestSumLatest(t *testing.T) {
	tally := func(key string, rs ...Report) *Tally { return Reconcile(key, rs) }
	for _, tc := range []struct {
		name   string
		ts     []*Tally
		want   float64
		summed bool
	}{
		{"OneTollManyReports", []*Tally{tally("killed|event/war||",
			Report{Figure: "a", Value: num(400000), AsOf: "2016"}, Report{Figure: "b", Value: num(450000), AsOf: "2017"})}, 450000, true},
		{"TwoTolls", []*Tally{
			tally("killed|place/a||", Report{Figure: "a", Value: num(10)}),
			tally("killed|place/b||", Report{Figure: "b", Value: num(20)})}, 30, true},
		{"Currencies", []*Tally{
			tally("money|place/a||USD", Report{Figure: "a", Value: num(10)}),
			tally("money|place/b||NZD", Report{Figure: "b", Value: num(20)})}, 0, false},
		{"OneCurrency", []*Tally{
			tally("money|place/a||USD", Report{Figure: "a", Value: num(10)}),
			tally("money|place/b||USD", Report{Figure: "b", Value: num(20)})}, 30, true},
		{"Percent", []*Tally{tally("percent|place/a||", Report{Figure: "a", Value: num(10)})}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := SumLatest(tc.ts)
			if ok != tc.summed || math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("SumLatest = %v, %v; want %v, %v", got, ok, tc.want, tc.summed)
			}
		})
	}
}
