package figure

import (
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestKind(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each figure's kind, "" for an incident
	}{
		{"Incident", "A car bomb exploded, killing at least 12 people.", []string{""}},
		{"PerfectIsToll", "More than 450,000 people have been killed and 11 million have been displaced.", []string{graph.KindToll, graph.KindToll}},
		{"DeathToll", "The death toll has risen to 44.", []string{graph.KindToll}},
		{"SoFar", "So far 300 people were arrested.", []string{graph.KindToll}},
		{"Since", "Some 5,000 people were killed since the fighting began.", []string{graph.KindToll}},
		{"Will", "45 million children will die needlessly.", []string{graph.KindForecast}},
		{"Could", "The floods could displace 2 million people.", []string{graph.KindForecast}},
		{"MayIsAMonth", "In May the floods killed 12 people.", []string{""}},
		{"MoneyForecast", "The firm will pay $5 million.", []string{graph.KindForecast}},
		{"MoneyPaid", "The firm paid $5 million.", []string{""}},
		{"MoneyIsNoToll", "The firm has paid $5 million since 2001.", []string{""}},
		{"PercentForecast", "TDK will own less than 50 pct of the venture.", []string{graph.KindForecast}},
		{"ModalAfterMoney", "The $5 million would be repaid.", []string{""}},
		{"ModalGovernsObject", "The plan would yield a deficit of 134 billion dlrs.", []string{graph.KindForecast}},
		{"Planned", "Loral said it planned to acquire Goodyear Aerospace Corp for 640 mln dlrs.", []string{graph.KindForecast}},
		{"Proposed", "Genex filed for a proposed 8,500,000 dlr rights offering.", []string{graph.KindForecast}},
		{"AimIs", "The aim is to cut the deficit to 3 percent.", []string{graph.KindForecast}},
		{"Promised", "Donors promised Haiti an aid package of 2 billion dollars.", []string{graph.KindForecast}},
		{"Predicting", "The bank raised rates, predicting inflation of 2.5 percent.", []string{graph.KindForecast}},
		{"RestatedForecast", "The fund would lend 40 billion euros ($44 billion).", []string{graph.KindForecast, graph.KindForecast}},
		{"RestatedPaid", "The fund lent 40 billion euros ($44 billion).", []string{"", ""}},
		{"ModalNotOfExisting", "Reagan would not accept the 19 billion dlr tax increase.", []string{""}},
		{"ModalOfMadeOffer", "An injunction would hold up Samjens 2.47 billion dlr offer.", []string{""}},
		{"ModalBeforeReport", "It will say that sales rose 5 pct.", []string{""}},
		{"Should", "The board should pay out $40 million.", []string{graph.KindForecast}},
		{"AgreedTo", "The firm agreed to buy the mill for 12 mln dlrs.", []string{graph.KindForecast}},
		{"CommittedTo", "The bank has committed to lend it 75 mln dlrs.", []string{graph.KindForecast}},
		{"DeterminerFarBack", "The sale will lift the group's reserves to 900 mln dlrs.", []string{graph.KindForecast}},
		{"DeterminerRightBefore", "He will defend the 4 pct rise.", []string{""}},
		{"ForecastList", "The government would spend 5 billion dlrs, raise taxes by 2 pct, and cut 3,000 jobs.", []string{graph.KindForecast, graph.KindForecast}},
		{"ForecastListCasualty", "The dam will cost 3 billion dlrs and leave 200 people homeless.", []string{graph.KindForecast, graph.KindForecast}},
		{"ForecastThenFact", "It would cost 3 billion dlrs, and 300 people were injured.", []string{graph.KindForecast, ""}},
		{"ForecastThenSaid", "It would spend 5 billion dlrs, officials said, and 2 pct more.", []string{graph.KindForecast, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("found %d figures, want %d: %v", len(got), len(tt.want), got)
			}
			for i, f := range got {
				if f.Kind != tt.want[i] {
					t.Errorf("%s: kind %q, want %q", describe(f), f.Kind, tt.want[i])
				}
			}
		})
	}
}
