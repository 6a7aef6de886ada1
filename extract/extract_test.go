package extract_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// lexTagger tags the names it is given wherever their tokens appear, so
// that tests of the document-level logic do not depend on a trained model.
type lexTagger map[string]graph.EntityType

func (lt lexTagger) Tag(toks []token.Token, sents []token.Sentence) []extract.Span {
	var out []extract.Span
	for i := 0; i < len(toks); i++ {
		best := 0
		var typ graph.EntityType
		for name, t := range lt {
			words := strings.Fields(name)
			if i+len(words) > len(toks) || len(words) <= best {
				continue
			}
			ok := true
			for k, w := range words {
				ok = ok && toks[i+k].Text == w
			}
			if ok {
				best, typ = len(words), t
			}
		}
		if best > 0 {
			out = append(out, extract.Span{First: i, Last: i + best, Type: typ, Score: 0.9})
			i += best - 1
		}
	}
	return out
}

const (
	per = graph.Person
	plc = graph.Place
	org = graph.Organization
)

func extractWith(t *testing.T, tags lexTagger, text string) *graph.Extraction {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.WithTagger(tags), extract.WithGazetteer(g))
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Extract(context.Background(), graph.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, got)
	return got
}

// checkTypes checks the entities of x against want, entity ID → type,
// where the type "" says that the entity must not exist.
func checkTypes(t *testing.T, x *graph.Extraction, want map[string]graph.EntityType) {
	t.Helper()
	for id, typ := range want {
		e := entity(x, id)
		switch {
		case typ == "" && e != nil:
			t.Errorf("unexpected %s in %v", id, ids(x))
		case typ != "" && e == nil:
			t.Errorf("no %s in %v", id, ids(x))
		case e != nil && e.Type != typ:
			t.Errorf("%s: type %s, want %s", id, e.Type, typ)
		}
	}
}

func entity(x *graph.Extraction, id string) *graph.Entity {
	for _, e := range x.Entities {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func hasRelation(x *graph.Extraction, subj, pred, obj string) bool {
	for _, r := range x.Relations {
		if r.Subject == subj && r.Predicate == pred && r.Object == obj {
			return true
		}
	}
	return false
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		tags      lexTagger
		person    string // entity ID
		title, of string // expected role
		predicate string // expected relation to of; "" for none
	}{
		{"DemonymTitle", "Russian President Vladimir Putin met reporters.", lexTagger{"Russian President Vladimir Putin": per},
			"person/vladimir-putin", "President", "place/russia", "president_of"},
		{"CopulaTitleOf", "Jan Berg is executive director of the World Bank.", lexTagger{"Jan Berg": per, "World Bank": org},
			"person/jan-berg", "executive director", "organization/world-bank", "director_of"},
		{"AppositionPresidentOf", "Jan Berg, the president of the World Bank, said it.", lexTagger{"Jan Berg": per, "World Bank": org},
			"person/jan-berg", "president", "organization/world-bank", "president_of"},
		{"TitleInsideSpan", "German Chancellor Angela Merkel arrived.", lexTagger{"Chancellor Angela Merkel": per},
			"person/angela-merkel", "Chancellor", "place/germany", "chancellor_of"},
		{"OrganizationTitle", "Kremlin spokesperson Dmitry Peskov told reporters.", lexTagger{"Kremlin": org, "Dmitry Peskov": per},
			"person/dmitry-peskov", "spokesperson", "organization/kremlin", "spokesperson_of"},
		{"Possessive", "Syria's President Bashar al-Assad spoke.", lexTagger{"Syria": plc, "Bashar al-Assad": per},
			"person/bashar-al-assad", "President", "place/syria", "president_of"},
		{"Apposition", "Hamdullah Mohib, Afghan Ambassador to the United States, said so.", lexTagger{"Hamdullah Mohib": per, "United States": plc},
			"person/hamdullah-mohib", "Ambassador", "place/united-states", "ambassador_to"},
		{"AppositionOf", "Tim Cook, chief executive of Apple, said so.", lexTagger{"Tim Cook": per, "Apple": org},
			"person/tim-cook", "chief executive", "organization/apple", "ceo_of"},
		{"AppositionOfPossessive", "Charles Mkula, head of Malawi's journalists, said so.", lexTagger{"Charles Mkula": per, "Malawi": plc},
			"person/charles-mkula", "head", "", ""},
		{"PortfolioMinister", "Venezuelan Energy Minister Arturo Hernandez said so.", lexTagger{"Arturo Hernandez": per},
			"person/arturo-hernandez", "Energy Minister", "place/venezuela", "minister_of"},
		{"AppositionOfUnknown", "Michael Weiss, president of a software maker, said so.", lexTagger{"Michael Weiss": per},
			"person/michael-weiss", "president", "", ""},
		{"TitleToBefore", "Afghan Ambassador to the United States Hamdullah Mohib said so.", lexTagger{"Hamdullah Mohib": per, "United States": plc},
			"person/hamdullah-mohib", "Ambassador", "place/united-states", "ambassador_to"},
		{"TitleOfDepartment", "Minister of Education Stefania Giannini spoke.", lexTagger{"of Education Stefania Giannini": per},
			"person/stefania-giannini", "Minister of Education", "", ""},
		{"AmbassadorOf", "Afghan Ambassador Hamdullah Mohib spoke.", lexTagger{"Hamdullah Mohib": per},
			"person/hamdullah-mohib", "Ambassador", "place/afghanistan", "ambassador_of"},
		{"TitleCommaName", "Malaysia's Prime Minister, Najib Razak said so.", lexTagger{"Malaysia": plc, "Najib Razak": per},
			"person/najib-razak", "Prime Minister", "place/malaysia", "prime_minister_of"},
		{"HyphenTitle", "Facebook co-founder Mark Zuckerberg tweeted to Mohamed.", lexTagger{"Facebook": org, "Mark Zuckerberg": per},
			"person/mark-zuckerberg", "co-founder", "organization/facebook", "founder_of"},
		{"HyphenTitleUntagged", "Twitter gave him the option. Facebook co-founder Mark Zuckerberg tweeted to Mohamed.", lexTagger{"Mark Zuckerberg": per},
			"person/mark-zuckerberg", "co-founder", "", ""},
		{"GivenNameLeftOut", "Twitter gave him the option. Facebook co-founder Mark Zuckerberg tweeted.", lexTagger{"Zuckerberg": per},
			"person/mark-zuckerberg", "co-founder", "", ""},
		{"TitleOfDepartmentInSpan", "Minister of Education Stefania Giannini spoke.", lexTagger{"Minister of Education Stefania Giannini": per},
			"person/stefania-giannini", "Minister of Education", "", ""},
		{"DeputyTitle", "Bank of England deputy governor Rachel Lomax spoke.", lexTagger{"Bank of England": org, "Rachel Lomax": per},
			"person/rachel-lomax", "deputy governor", "organization/bank-of-england", "deputy_governor_of"},
		{"AssistantApposition", "Reza Moghadam, assistant director of the IMF, spoke.", lexTagger{"Reza Moghadam": per, "IMF": org},
			"person/reza-moghadam", "assistant director", "organization/international-monetary-fund", "assistant_director_of"},
		{"DepartmentInSpan", "Minister of Education Stefania Giannini spoke.", lexTagger{"Education Stefania Giannini": per},
			"person/stefania-giannini", "Minister of Education", "", ""},
		{"CompanyTitle", "Apple CEO Tim Cook said so.", lexTagger{"Apple": org, "Tim Cook": per},
			"person/tim-cook", "CEO", "organization/apple", "ceo_of"},
		{"Former", "Former Prime Minister John Major said so.", lexTagger{"John Major": per},
			"person/john-major", "Prime Minister", "", ""},
		// A past office is a relation of its own: the holder no longer
		// holds it.
		{"FormerWithCountry", "Former British Prime Minister John Major said so.", lexTagger{"John Major": per},
			"person/john-major", "Prime Minister", "place/united-kingdom", "former_prime_minister_of"},
		{"OrganizationTaggedTitled", "President Obama spoke.", lexTagger{"Obama": org},
			"person/obama", "President", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			p := entity(x, tt.person)
			if p == nil {
				t.Fatalf("no %s in %v", tt.person, ids(x))
			}
			if strings.Contains(p.Name, tt.title) {
				t.Errorf("title %q left in the name %q", tt.title, p.Name)
			}
			wantOf := tt.of
			if tt.predicate == "ambassador_to" {
				wantOf = "" // posted to tt.of (the relation), not its ambassador
			}
			found := false
			for _, r := range p.Roles {
				found = found || r.Title == tt.title && r.Of == wantOf
			}
			if !found {
				t.Errorf("roles %+v, want %q of %q", p.Roles, tt.title, wantOf)
			}
			for _, r := range x.Relations {
				// citizen_of is no position: a former British Prime
				// Minister is still British.
				if r.Predicate != graph.CitizenOf && (r.Subject == tt.person && strings.HasSuffix(r.Predicate, "_of") || strings.HasSuffix(r.Predicate, "_to")) {
					if tt.predicate == "" {
						t.Errorf("unexpected %s %s %s", r.Subject, r.Predicate, r.Object)
					}
				}
			}
			if tt.predicate != "" && !hasRelation(x, tt.person, tt.predicate, tt.of) {
				t.Errorf("no %s %s %s in %v", tt.person, tt.predicate, tt.of, relations(x))
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		name, text string
		tags       lexTagger
		want       string // Document.Place
	}{
		{"Colon", "Headline here\n\nSochi: Russian President spoke.", lexTagger{}, "place/sochi"},
		{"Reuters", "LONDON (Reuters) - Shares fell.", lexTagger{"Reuters": org}, "place/london"},
		{"CommaDate", "SALVADOR, Feb 26 - Rain fell.", lexTagger{}, "place/salvador"},
		{"CommaCountry", "KABUL, Afghanistan — Talks began.", lexTagger{}, "place/kabul"},
		{"Section", "SOCCER - Japan win.", lexTagger{"Japan": plc}, ""},
		{"NoDateline", "Putin spoke in Sochi: he said little.", lexTagger{"Putin": per, "Sochi": plc}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			if x.Document.Place != tt.want {
				t.Errorf("place %q, want %q", x.Document.Place, tt.want)
			}
			for _, e := range x.Entities {
				if e.ID == "organization/reuters" {
					t.Errorf("the wire credit is an entity")
				}
			}
		})
	}
}

func TestRelations(t *testing.T) {
	tests := []struct {
		name, text      string
		tags            lexTagger
		subj, pred, obj string
	}{
		{"CityOf", "They met in the southern Russian city of Sochi.", lexTagger{"Sochi": plc}, "place/sochi", "located_in", "place/russia"},
		{"ProvinceOf", "A base in Syria's coastal province of Latakia.", lexTagger{"Syria": plc, "Latakia": plc}, "place/latakia", "located_in", "place/syria"},
		{"Comma", "A bomb hit Kabul, Afghanistan, today.", lexTagger{"Kabul": plc, "Afghanistan": plc}, "place/kabul", "located_in", "place/afghanistan"},
		{"EnglandInUK", "England coach Andy Robinson left Britain.", lexTagger{"England": plc, "Andy Robinson": per, "Britain": plc}, "place/england", "located_in", "place/united-kingdom"},
		{"EnglandCoach", "England coach Andy Robinson named his side.", lexTagger{"England": plc, "Andy Robinson": per}, "person/andy-robinson", "coach_of", "place/england"},
		{"ScottishCitizen", "Scottish singer Ian Brown was held.", lexTagger{"Ian Brown": per}, "person/ian-brown", "citizen_of", "place/scotland"},
		{"Gazetteer", "Sochi is far from Russia's capital.", lexTagger{"Sochi": plc, "Russia": plc}, "place/sochi", "located_in", "place/russia"},
		{"Citizen", "Russian journalist Ivan Petrov was held.", lexTagger{"Ivan Petrov": per}, "person/ivan-petrov", "citizen_of", "place/russia"},
		{"CitizenApposition", "Ivan Petrov, a Russian citizen, was held.", lexTagger{"Ivan Petrov": per}, "person/ivan-petrov", "citizen_of", "place/russia"},
		{"Met", "Putin held talks with Merkel on Monday.", lexTagger{"Putin": per, "Merkel": per}, "person/angela-merkel", "met", "person/putin"},
		{"Participant", "Russia has been involved in Syria's civil war.", lexTagger{"Russia": plc, "Syria": plc}, "place/russia", "participant_in", "event/syrian-civil-war"},
		{"MentionedWith", "Putin and the Kremlin agree.", lexTagger{"Putin": per, "Kremlin": org}, "organization/kremlin", "mentioned_with", "person/putin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			if tt.name == "Met" {
				tt.subj = "person/merkel"
			}
			if !hasRelation(x, tt.subj, tt.pred, tt.obj) && !hasRelation(x, tt.obj, tt.pred, tt.subj) {
				t.Errorf("no %s %s %s in %v", tt.subj, tt.pred, tt.obj, relations(x))
			}
		})
	}
}

// TestNoRelation checks readings that state no relation of the kind.
func TestNoRelation(t *testing.T) {
	tests := []struct {
		name, text      string
		tags            lexTagger
		subj, pred, obj string
	}{
		{"MetPossessorsCross", "McAllister scored when he met Saul Mikoliunas' cross at the back post.",
			lexTagger{"McAllister": per, "Saul Mikoliunas": per}, "person/mcallister", "met", "person/saul-mikoliunas"},
		{"ListNotApposition", "He called dignitaries including Bill Clinton, the King of Belgium as well as the French foreign ministry.",
			lexTagger{"Bill Clinton": per, "Belgium": plc}, "person/bill-clinton", "king_of", "place/belgium"},
		{"ListNotAppositionAnd", "He called Bill Clinton, the King of Belgium and the Pope.",
			lexTagger{"Bill Clinton": per, "Belgium": plc}, "person/bill-clinton", "king_of", "place/belgium"},
		{"DirectorOfCity", "Hong Kong director Wong Kar-Wai won the prize.",
			lexTagger{"Hong Kong": plc, "Wong Kar-Wai": per}, "person/wong-kar-wai", "director_of", "place/hong-kong"},
		{"EditorOfCountry", "Ian Harris, deputy editor of UK, said so.",
			lexTagger{"UK": plc, "Ian Harris": per}, "person/ian-harris", "deputy_editor_of", "place/united-kingdom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tt.tags, tt.text)
			if hasRelation(x, tt.subj, tt.pred, tt.obj) || hasRelation(x, tt.obj, tt.pred, tt.subj) {
				t.Errorf("%s %s %s in %v", tt.subj, tt.pred, tt.obj, relations(x))
			}
		})
	}
}

func TestQuoteSpeakerInApposition(t *testing.T) {
	text := `Jeff Rathke, the State Department Spokesperson, said, "We urge the governments of the region to act".`
	x := extractWith(t, lexTagger{"Jeff Rathke": per, "State Department": org}, text)
	if len(x.Quotes) != 1 || x.Quotes[0].Speaker != "person/jeff-rathke" {
		t.Errorf("quotes %+v, want one by person/jeff-rathke", x.Quotes)
	}
}

func TestTitleInOrganizationSpan(t *testing.T) {
	text := `Jeff Rathke, the State Department Spokesperson, said, "We urge the governments of the region to act".`
	x := extractWith(t, lexTagger{"Jeff Rathke": per, "State Department Spokesperson": org}, text)
	if !hasRelation(x, "person/jeff-rathke", "spokesperson_of", "organization/state-department") {
		t.Errorf("relations %v", relations(x))
	}
	if entity(x, "organization/state-department-spokesperson") != nil {
		t.Error("the title is left in the organization's name")
	}
}

func TestQuoteCoordinatedSubject(t *testing.T) {
	text := `Putin held a rare meeting with Assad on Thursday and said the situation is favourable for a "political process".`
	x := extractWith(t, lexTagger{"Putin": per, "Assad": per}, text)
	if len(x.Quotes) != 1 || x.Quotes[0].Speaker != "person/putin" {
		t.Errorf("quotes %+v, want one by person/putin", x.Quotes)
	}
}

func TestQuoteTeller(t *testing.T) {
	text := `As Heald told The Huffington Post, "Ozone has dropped since the act".`
	x := extractWith(t, lexTagger{"Heald": per, "Huffington Post": org}, text)
	if len(x.Quotes) != 1 || x.Quotes[0].Speaker != "person/heald" {
		t.Errorf("quotes %+v, want one by person/heald", x.Quotes)
	}
}

func TestEvents(t *testing.T) {
	text := "Sochi: Putin held a rare meeting with Assad on Thursday. " +
		"The visit comes before a meeting in Moscow between Putin and Merkel. " +
		"Thousands of people protested against Assad in Damascus."
	x := extractWith(t, lexTagger{"Putin": per, "Assad": per, "Merkel": per, "Moscow": plc, "Damascus": plc}, text)
	type ev struct{ kind, place, parts string }
	want := []ev{
		{"meeting", "place/sochi", "person/putin,person/assad"},
		{"meeting", "place/moscow", "person/putin,person/merkel"},
		{"protest", "place/damascus", ""},
	}
	for _, w := range want {
		found := false
		for _, e := range x.Events {
			found = found || e.Kind == w.kind && e.Place == w.place && strings.Join(e.Participants, ",") == w.parts
		}
		if !found {
			t.Errorf("no %+v in %s", w, eventList(x))
		}
	}
	if len(x.Events) != len(want) {
		t.Errorf("%d events, want %d: %s", len(x.Events), len(want), eventList(x))
	}
}

// TestRealEvents checks events that words of doubt or time around them
// leave real: a definite event spoken of in the future, "May" the name or
// the month, "yet another", a possibility about the event's cause.
func TestRealEvents(t *testing.T) {
	tags := lexTagger{"Kabul": plc, "Theresa May": per, "Angela Merkel": per, "Manchester": plc, "Baghdad": plc}
	tests := []struct{ name, text, kind string }{
		{"DefiniteFuture", "Militants attacked a police station in Kabul. The attack in Kabul will be investigated.", "attack"},
		{"MayName", "Theresa May met Angela Merkel on Monday.", "meeting"},
		{"MayMonth", "The May 22 attack killed 22 people in Manchester.", "attack"},
		{"YetAnother", "Yet another attack in Baghdad killed 12 people on Tuesday.", "attack"},
		{"CouldBeLinked", "Two attacks in Kabul could be linked, police said on Monday.", "attack"},
		{"PlaceNamesEvent", "The Manchester bombing killed 22 people.", "bombing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tags, tt.text)
			if len(x.Events) != 1 || x.Events[0].Kind != tt.kind {
				t.Errorf("events %s, want one %s", eventList(x), tt.kind)
			}
		})
	}
}

// TestEventPlaceNotModifier checks that a place qualifying a noun ("a US
// entrepreneur") is not where an event happened.
func TestEventPlaceNotModifier(t *testing.T) {
	x := extractWith(t, lexTagger{"Kerr": per, "Peru": plc}, "Kerr sold his company to a Peru investor in a big deal.")
	for _, e := range x.Events {
		if e.Place == "place/peru" {
			t.Errorf("event %s placed in Peru", eventList(x))
		}
	}
}

// TestNoEvent checks trigger words used in senses that report no event.
func TestNoEvent(t *testing.T) {
	tags := lexTagger{"Peel": per, "Peru": plc, "Hylton-Potts": per, "Miller": per, "Livi": org, "Denmark": plc, "Wales": plc, "Kerr": per}
	tests := []struct{ name, text, kind string }{
		{"HeartAttack", "Peel died after suffering a heart attack in Peru in October.", "attack"},
		{"ComeUnderAttack", "In the game, Kerr and his men come under attack in Wales.", "attack"},
		{"ConvictedAdjective", "Opinion was divided over Hylton-Potts, a convicted fraudster.", "trial"},
		{"VisitingAdjective", "Miller outjumped the static visiting defence of Livi.", "visit"},
		{"VoteVerb", "Fans in Denmark will then vote for the best song.", "election"},
		{"MeetInMatch", "Kerr will meet Miller in Saturday's charity match in Wales.", "meeting"},
		{"InAttack", "Kerr's side has shown little in attack in Wales.", "attack"},
		{"AttackedDecision", "Kerr has attacked the decision by the court in Wales.", "attack"},
		{"ChargedDown", "Miller's clearance in Wales was charged down and Kerr scored.", "trial"},
		{"EmotionallyCharged", "Miller's emotionally charged rock was warmly received in Wales.", "trial"},
		{"ClinicalTrial", "Shares fell in Wales after the drug failed in a clinical trial.", "trial"},
		{"RallyCar", "Kerr drove a rally car in Wales.", "protest"},
		{"YetTo", "Kerr has yet to reach agreement with Livi in Wales.", "agreement"},
		{"NextElection", "Kerr said he would quit before the next general election in Wales.", "election"},
		{"AboutTo", "Miller warned an attack in Wales is about to happen.", "attack"},
		{"Threat", "Kerr said Peru would attack any loudspeakers in Wales.", "attack"},
		{"MarketRally", "Kerr said fears about Wales played a part in the rally of shares.", "protest"},
		{"SpeechTechnology", "Kerr's firm in Wales sells speech technology.", "speech"},
		{"MetReception", "Kerr's words met a cool reception from Miller in Wales.", "meeting"},
		{"FairTrial", "Kerr said people in Wales have the right to a fair trial.", "trial"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tags, tt.text)
			for _, e := range x.Events {
				if e.Kind == tt.kind {
					t.Errorf("event %s (%s)", e.Name, e.Kind)
				}
			}
		})
	}
	// The same words still report events where they do.
	x := extractWith(t, tags, "Kerr was convicted in Wales. Miller is visiting Denmark. Gunmen attacked Peel in Peru. "+
		"Thousands joined a rally against Kerr in Wales. Kerr met Miller in Denmark. Kerr gave a speech in Peru.")
	kinds := map[string]bool{}
	for _, e := range x.Events {
		kinds[e.Kind] = true
	}
	for _, k := range []string{"trial", "visit", "attack", "protest", "meeting", "speech"} {
		if !kinds[k] {
			t.Errorf("no %s in %s", k, eventList(x))
		}
	}
}

func TestInvalidInput(t *testing.T) {
	x := mustExtractor(t)
	tests := []struct {
		name string
		doc  graph.Document
		code string
	}{
		{"BadUTF8", graph.Document{ID: "d", Text: "caf\xe9"}, graph.EINVALID},
		{"NoID", graph.Document{Text: "Hello"}, graph.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x.Extract(context.Background(), tt.doc)
			if graph.ErrorCode(err) != tt.code {
				t.Errorf("err %v, want code %s", err, tt.code)
			}
		})
	}
	t.Run("TooLong", func(t *testing.T) {
		small, err := extract.New(extract.WithMaxBytes(10))
		if err != nil {
			t.Fatal(err)
		}
		_, err = small.Extract(context.Background(), graph.Document{ID: "d", Text: strings.Repeat("word ", 5)})
		if graph.ErrorCode(err) != graph.ELIMIT {
			t.Errorf("err %v, want %s", err, graph.ELIMIT)
		}
	})
	t.Run("Canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := x.Extract(ctx, graph.Document{ID: "d", Text: "Hello there."})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		got, err := x.Extract(context.Background(), graph.Document{ID: "d", Text: ""})
		if err != nil || len(got.Entities) != 0 {
			t.Errorf("%v, %v", got, err)
		}
	})
}

// TestWindows checks that a document processed in small windows gives
// every mention at the right offsets and resolves names across windows.
func TestWindows(t *testing.T) {
	para := "Vladimir Putin met Angela Merkel in Sochi. Putin said “the talks were good”.\n\n"
	text := strings.Repeat(para, 200)
	tags := lexTagger{"Vladimir Putin": per, "Putin": per, "Angela Merkel": per, "Sochi": plc}
	g, _ := gazetteer.Default()
	x, err := extract.New(extract.WithTagger(tags), extract.WithGazetteer(g), extract.WithWindow(1000))
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Extract(context.Background(), graph.Document{ID: "w", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, got)
	p := entity(got, "person/vladimir-putin")
	if p == nil || len(p.Mentions) != 400 {
		t.Fatalf("putin: %v", p)
	}
	if entity(got, "person/putin") != nil {
		t.Error("Putin not resolved across windows")
	}
	last := -1
	for _, m := range p.Mentions {
		if m.Sentence < last {
			t.Errorf("sentence %d after %d", m.Sentence, last)
		}
		last = m.Sentence
	}
	if last != 399 {
		t.Errorf("last sentence %d, want 399", last)
	}
}

func TestEntitiesOnly(t *testing.T) {
	g, _ := gazetteer.Default()
	x, err := extract.New(extract.WithTagger(lexTagger{"Vladimir Putin": per, "Putin": per, "Sochi": plc}), extract.WithGazetteer(g), extract.WithEntitiesOnly())
	if err != nil {
		t.Fatal(err)
	}
	text := "Sochi: Russian President Vladimir Putin held talks on Thursday. “We agree,” Putin said. 450 people were killed."
	got, err := x.Extract(context.Background(), graph.Document{ID: "e", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, got)
	if len(got.Relations)+len(got.Events)+len(got.Figures)+len(got.Quotes) != 0 {
		t.Errorf("facts in entities-only mode: %d relations, %d events, %d figures, %d quotes", len(got.Relations), len(got.Events), len(got.Figures), len(got.Quotes))
	}
	p := entity(got, "person/vladimir-putin")
	if p == nil || len(p.Mentions) != 2 || len(p.Roles) != 1 || entity(got, "date/thursday@e") == nil || got.Document.Place != "place/sochi" {
		t.Errorf("entities: %v", ids(got))
	}
}

// TestWindowsWithoutBreaks checks windows cut inside text that has no
// spaces or line breaks, between multi-byte characters.
func TestFigurePlaceFromDateline(t *testing.T) {
	x := extractWith(t, lexTagger{}, "KABUL, Afghanistan — At least 12 people were killed on Monday. Prices rose 3%.")
	var killed, pct *graph.Figure
	for _, f := range x.Figures {
		switch f.Measure {
		case graph.Killed:
			killed = f
		case graph.Percent:
			pct = f
		}
	}
	if killed == nil || killed.Place != "place/kabul" || killed.About != "place/kabul" {
		t.Errorf("killed: %+v", killed)
	}
	if pct == nil || pct.Place != "" {
		t.Errorf("percent: %+v", pct)
	}
}

// TestRegeocode checks that a place named before a country that the
// document names later is read again in that country, unless the first
// reading is far better known (a capital) and the namesake's region goes
// unnamed.
func TestRegeocode(t *testing.T) {
	tests := []struct {
		name, text, id, country string
	}{
		{"Namesake", "Birmingham police arrested him. Birmingham is in the United States.", "place/birmingham", "US"},
		{"CapitalKept", "The accord was agreed in Paris. The United States sanctions were regrettable.", "place/paris", "FR"},
		{"RegionNamed", "Paris police arrested him. Paris is a town in Texas, in the United States.", "place/paris", "US"},
		{"ContainerMisread", "He was born in Atlanta, Georgia, in 1950.", "place/atlanta", "US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, lexTagger{"Birmingham": plc, "Paris": plc, "Texas": plc, "United States": plc, "Atlanta": plc, "Georgia": plc}, tt.text)
			p := entity(x, tt.id)
			if p == nil || p.Location == nil || p.Location.CountryCode != tt.country {
				t.Errorf("%s: %+v, want it in %s", tt.id, p, tt.country)
			}
		})
	}
}

func TestWindowsWithoutBreaks(t *testing.T) {
	text := strings.Repeat("Zürich東京", 3000) + " Vladimir Putin spoke in Sochi."
	g, _ := gazetteer.Default()
	x, err := extract.New(extract.WithTagger(lexTagger{"Vladimir Putin": per, "Sochi": plc}), extract.WithGazetteer(g), extract.WithWindow(1000))
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Extract(context.Background(), graph.Document{ID: "nb", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, text, got)
	if entity(got, "person/vladimir-putin") == nil || entity(got, "place/sochi") == nil {
		t.Errorf("entities %v", ids(got))
	}
}

func ids(x *graph.Extraction) []string {
	var out []string
	for _, e := range x.Entities {
		out = append(out, e.ID)
	}
	return out
}

func relations(x *graph.Extraction) []string {
	var out []string
	for _, r := range x.Relations {
		out = append(out, r.Subject+" "+r.Predicate+" "+r.Object)
	}
	return out
}

func eventList(x *graph.Extraction) string {
	var out []string
	for _, e := range x.Events {
		out = append(out, e.Kind+"@"+e.Place+"["+strings.Join(e.Participants, ",")+"]")
	}
	return strings.Join(out, "; ")
}

// TestConcurrent extracts the same documents from several goroutines with
// one Extractor and checks that every result is the same.
func TestConcurrent(t *testing.T) {
	x := mustExtractor(t)
	docs := []graph.Document{
		{ID: "a", Text: "Sochi: Russian President Vladimir Putin held a rare meeting with Bashar Al Assad on Thursday."},
		{ID: "b", Text: "LONDON (Reuters) - Kremlin spokesperson Dmitry Peskov told reporters “there were talks”. More than 450,000 people have been killed."},
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		got, err := x.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = recordJSON(t, got)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(docs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range docs {
				got, err := x.Extract(context.Background(), d)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if s := recordJSON(t, got); s != want[i] {
					errs <- "different output for " + d.ID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func recordJSON(t *testing.T, x *graph.Extraction) string {
	b, err := json.Marshal(extract.NewRecord(x))
	if err != nil {
		t.Error(err)
	}
	return string(b)
}

// TestEventEvidence checks that an event's evidence is the sentences that
// state it: a later sentence about another meeting, or "the visit" that
// refers to the document's main meeting, is not evidence of a meeting told
// in passing.
func TestEventEvidence(t *testing.T) {
	tags := lexTagger{"Putin": per, "Assad": per, "Merkel": per, "Peskov": per, "Sochi": plc, "Latakia": plc}
	tests := []struct {
		name, text string
		place      string
		sentences  []int
	}{
		{"PastMeetingInPassing",
			"Sochi: Putin held a rare meeting with Assad on Thursday. " +
				"Peskov said there were talks between the two leaders, who last met in December in Latakia. " +
				"The visit comes on the eve of a meeting in Sochi between Putin and Merkel.",
			"place/latakia", []int{1}},
		{"MainMeeting",
			"Putin held a rare meeting with Assad in Latakia on Thursday. " +
				"The two men discussed the war. " +
				"The visit comes on the eve of a meeting in Sochi between Putin and Merkel.",
			"place/latakia", []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, tags, tt.text)
			found := false
			for _, e := range x.Events {
				if e.Kind != "meeting" || e.Place != tt.place {
					continue
				}
				found = true
				var got []int
				for _, ev := range e.Evidence {
					got = append(got, ev.Sentence)
				}
				if !slices.Equal(got, tt.sentences) {
					t.Errorf("%s: evidence in sentences %v, want %v", e.Name, got, tt.sentences)
				}
			}
			if !found {
				t.Errorf("no meeting in %s: %s", tt.place, eventList(x))
			}
		})
	}
}

// TestPlacePossessive checks that "London's West End" is a place in
// London, not a namesake of the gazetteer's in another country.
func TestPlacePossessive(t *testing.T) {
	x := extractWith(t, lexTagger{"London": plc, "West End": plc}, "The show opened in London's West End last night.")
	w := entity(x, "place/west-end")
	if w == nil || w.Location != nil && w.Location.CountryCode != "GB" {
		t.Fatalf("West End: %+v", w)
	}
	if !hasRelation(x, "place/west-end", graph.LocatedIn, "place/london") {
		t.Errorf("no West End located_in London in %v", relations(x))
	}
	x = extractWith(t, lexTagger{"London": plc, "West End": plc}, "THEATRES REOPEN\nOfficials said that huge crowds had returned to the theatres in London's West\nEnd on Monday.")
	if w := entity(x, "place/west-end"); w == nil || w.Name != "West End" {
		t.Errorf("wrapped West End: %+v", w)
	}
}

// TestPlacesWithoutTown checks that continents and news regions are no
// towns of the same name, and that a place the text puts in a region the
// gazetteer does not know it in loses the wrong reading.
func TestPlacesWithoutTown(t *testing.T) {
	x := extractWith(t, lexTagger{"Asia": plc, "Gulf": plc, "Norfolk": plc, "England": plc},
		"Sales in Asia rose. Tension in the Gulf rose. The woollen industry in Norfolk, England, declined.")
	for _, id := range []string{"place/asia", "place/gulf", "place/norfolk"} {
		if e := entity(x, id); e == nil || e.Location != nil {
			t.Errorf("%s: %+v, want a place without location", id, e)
		}
	}
	if !hasRelation(x, "place/norfolk", graph.LocatedIn, "place/england") {
		t.Errorf("no Norfolk located_in England in %v", relations(x))
	}
	x = extractWith(t, lexTagger{"Moscow": plc, "Syria": plc}, "Analysts questioned the role of Moscow in Syria after the talks.")
	if m := entity(x, "place/moscow"); m == nil || m.Location == nil || m.Location.CountryCode != "RU" {
		t.Errorf("Moscow: %+v", m)
	}
	if hasRelation(x, "place/moscow", graph.LocatedIn, "place/syria") {
		t.Errorf("Moscow located_in Syria")
	}
}

// TestLocalCurrency checks that a bare "$" or "Rs" is the currency of the
// figure's country, and a written prefix stands.
func TestLocalCurrency(t *testing.T) {
	tests := []struct{ name, text, currency string }{
		{"Dollar", "The government will spend $8.4 million on roads in Wellington.", "NZD"},
		{"Rupee", "In Karachi, Pakistan, the government set aside Rs 50 billion.", "PKR"},
		{"Prefix", "The government will spend US$8.4 million on roads in Wellington.", "USD"},
		{"SpacedPrefix", "The miner will spend US $5 million on roads in Wellington.", "USD"},
		{"DatelineAlone", "SINGAPORE (Reuters) - Oil prices rose to $85 a barrel on Monday.", "USD"},
		{"Nowhere", "The government will spend $8.4 million on roads.", "USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, lexTagger{"Karachi": plc, "Pakistan": plc, "Wellington": plc}, tt.text)
			if len(x.Figures) != 1 || x.Figures[0].Currency != tt.currency {
				t.Errorf("figures %+v, want one in %s", x.Figures, tt.currency)
			}
		})
	}
}

// TestFigurePlaceNearest checks that each figure of a sentence takes the
// place phrase nearest it, not the sentence's first.
func TestFigurePlaceNearest(t *testing.T) {
	x := extractWith(t, lexTagger{"France": plc, "Germany": plc}, "Sales rose 5% in France and fell 3% in Germany.")
	want := map[string]string{"5%": "place/france", "3%": "place/germany"}
	for _, f := range x.Figures {
		if f.Place != want[f.Text] {
			t.Errorf("%s: place %q, want %q", f.Text, f.Place, want[f.Text])
		}
		delete(want, f.Text)
	}
	if len(want) > 0 {
		t.Errorf("figures missing: %v", want)
	}
}

func TestFigurePlaceFromWar(t *testing.T) {
	tests := []struct {
		name, text, about, place string
	}{
		// Sochi and Syria come from the gazetteer; Aleppo from the tagger.
		{"WarOverDateline", "Sochi: Putin met Assad. Russia has been involved in Syria's civil war since 2015. More than 450,000 people have been killed during the war.",
			"event/syrian-civil-war", "place/syria"},
		{"OwnPlaceFirst", "Sochi: Russia has been involved in Syria's civil war since 2015. Thirty people were killed in Aleppo during the war.",
			"event/syrian-civil-war", "place/aleppo"},
		{"NoWar", "Sochi: At least 12 people were killed on Monday.", "place/sochi", "place/sochi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractWith(t, lexTagger{"Aleppo": graph.Place}, tt.text)
			for _, f := range x.Figures {
				if f.Measure == graph.Killed {
					if f.About != tt.about || f.Place != tt.place {
						t.Errorf("about %q place %q, want %q %q", f.About, f.Place, tt.about, tt.place)
					}
					return
				}
			}
			t.Fatalf("no killed figure in %+v", x.Figures)
		})
	}
}

// TestImplausibleFigure: a number beyond any count of its measure is a
// misread, not a figure; the plausible one beside it stays.
func TestImplausibleFigure(t *testing.T) {
	x := extractWith(t, lexTagger{}, "Officials said 999,999,999,999,999,999 people were killed. Police said 12 people were killed.")
	var got []string
	for _, f := range x.Figures {
		got = append(got, f.Text)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "12") {
		t.Errorf("figures %q, want only the 12 killed", got)
	}
}
