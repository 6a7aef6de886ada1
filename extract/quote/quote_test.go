package quote

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"

	"github.com/factgraph/factgraph/internal/testenv"
)

// entity is a name the test simulates the entity recognizer finding.
type entity struct {
	name, key string
	typ       graph.EntityType
}

// candidates marks every occurrence of each name in toks, longest names
// first, as the pipeline would after entity resolution.
func candidates(toks []token.Token, ents []entity) []Candidate {
	sort.SliceStable(ents, func(i, j int) bool {
		return len(strings.Fields(ents[i].name)) > len(strings.Fields(ents[j].name))
	})
	taken := make([]bool, len(toks))
	var out []Candidate
	for _, e := range ents {
		words := strings.Fields(e.name)
	next:
		for i := 0; i+len(words) <= len(toks); i++ {
			for k, w := range words {
				if taken[i+k] || toks[i+k].Text != w {
					continue next
				}
			}
			for k := range words {
				taken[i+k] = true
			}
			out = append(out, Candidate{First: i, Last: i + len(words), Key: e.key, Type: e.typ})
		}
	}
	return out
}

func run(text string, ents []entity) []Quote {
	toks := token.Tokenize(text)
	return Find(text, toks, token.Sentences(text, toks), candidates(toks, ents))
}

var people = []entity{
	{"Vladimir Putin", "putin", graph.Person}, {"Putin", "putin", graph.Person},
	{"Bashar Al Assad", "assad", graph.Person}, {"Al Assad", "assad", graph.Person},
	{"Dmitry Peskov", "peskov", graph.Person}, {"Angela Merkel", "merkel", graph.Person},
	{"Kremlin", "kremlin", graph.Organization}, {"Syria", "syria", graph.Place},
	{"Russia", "russia", graph.Place}, {"Sochi", "sochi", graph.Place},
	{"John Smith", "smith", graph.Person}, {"Mary Jones", "jones", graph.Person},
}

func TestFind(t *testing.T) {
	type q struct{ text, speaker string }
	tests := []struct {
		name, in string
		want     []q
	}{
		{"SaidAfter", `“We will win this,” Putin said.`, []q{{"We will win this,", "putin"}}},
		{"TitleInQuotes", `Putin said the “Super District Council” and the "Church of Scientology" page were down.`, nil},
		{"TitleCaseSentence", `"We Will Not Go Away," Putin said.`, []q{{"We Will Not Go Away,", "putin"}}},
		{"TitleCaseAfterColon", `Putin told the crowd: "Yes We Can".`, []q{{"Yes We Can", "putin"}}},
		{"TitleCaseThenSaid", `"Absolutely Not", Putin said on Monday.`, []q{{"Absolutely Not", "putin"}}},
		{"TitleCaseAfterTold", `Putin told reporters "I Did Not Do It".`, []q{{"I Did Not Do It", "putin"}}},
		{"SaidInverted", `"We will win this," said Angela Merkel.`, []q{{"We will win this,", "merkel"}}},
		{"SaidTitleInverted", `"We will win this," said German Chancellor Angela Merkel.`, []q{{"We will win this,", "merkel"}}},
		{"ToldThat", `Dmitry Peskov told reporters that “there were talks” between them.`, []q{{"there were talks", "peskov"}}},
		{"Colon", `Putin said: "The war is over."`, []q{{"The war is over.", "putin"}}},
		{"According", `According to Dmitry Peskov, “the talks went well”.`, []q{{"the talks went well", "peskov"}}},
		{"AccordingAfter", `“The talks went well,” according to the Kremlin.`, []q{{"The talks went well,", "kremlin"}}},
		{"Pronoun", `Angela Merkel arrived late. “We have much to discuss,” she said.`, []q{{"We have much to discuss,", "merkel"}}},
		{"NextSentence", `Putin praised the talks. “They were frank and useful.”`, []q{{"They were frank and useful.", "putin"}}},
		{"Continuation", "“We won,” Putin said. “And we will win again.”", []q{{"We won,", "putin"}, {"And we will win again.", "putin"}}},
		{"Partial", `Al Assad said “stability is improving” in Syria, “opening the door to peace”.`,
			[]q{{"stability is improving", "assad"}, {"opening the door to peace", "assad"}}},
		{"Unresolved", `“Prices will rise,” the statement said.`, []q{{"Prices will rise,", ""}}},
		{"JudgementVerb", `John Smith said Putin should sack Peskov. Angela Merkel accused them of "squabbling like schoolboys".`,
			[]q{{"squabbling like schoolboys", "merkel"}}},
		{"ParticipleSubject", `Later, John Smith praised the work of Mary Jones, saying he "agreed with everything she has done".`,
			[]q{{"agreed with everything she has done", "smith"}}},
		{"PronounAfterUnnamed", `The Kremlin froze accounts of John Smith. A spokesman for the bank said he was aware of it. "Now we have to find out," he said.`,
			[]q{{"Now we have to find out,", ""}}},
		{"ApposedRoleNamed", `The actor John Smith said he was delighted. "It is an honour," he said.`, []q{{"It is an honour,", "smith"}}},
		{"ApposedRoleNamedCommas", `The chief executive, John Smith, said profits rose. "It was a good year," he said.`, []q{{"It was a good year,", "smith"}}},
		{"PassiveJudgement", `Former minister John Smith was accused of "gross misconduct" by the committee.`, []q{{"gross misconduct", ""}}},
		{"RoleInOtherClause", `The Kremlin sacked their manager and said: "This is progress."`, []q{{"This is progress.", "kremlin"}}},
		{"RoleAfterAnd", `Putin and Russia's president said: "We are united."`, []q{{"We are united.", "putin"}}},
		{"Affirmed", `"We will do everything possible," John Smith affirmed.`, []q{{"We will do everything possible,", "smith"}}},
		{"TitledWork", `The Kremlin revealed a plan. John Smith published an article titled "Nutrient quality of frass fertiliser".`, []q{{"Nutrient quality of frass fertiliser", ""}}},
		{"UnnamedSpokesman", `"There was false information," a Russia Customs spokesman said.`, []q{{"There was false information,", ""}}},
		{"OrganizationSpokesman", `But a Kremlin spokeswoman said the move was not about "the destruction of records".`, []q{{"the destruction of records", "kremlin"}}},
		{"ClaimsNoun", `The company said there is no "factual basis" for the claims about Russia.`, []q{{"factual basis", ""}}},
		{"UnnamedAfterAccording", `According to John Smith, the prime minister said: "Help me win."`, []q{{"Help me win.", ""}}},
		{"UnresolvedOfficials", `Mary Jones left. “Prices will rise,” officials said.`, []q{{"Prices will rise,", ""}}},
		// A quotation left open at a paragraph end goes on in the next.
		{"Unclosed", "“We won the vote and we will govern,\n\n“It is a new day,” John Smith said.", []q{{"We won the vote and we will govern,", "smith"}, {"It is a new day,", "smith"}}},
		{"NearestToVerb", `“Sales will be better,” Kremlin chairman Dmitry Peskov said.`, []q{{"Sales will be better,", "peskov"}}},
		{"NextSentenceNotAfterFrame", `Angela Merkel arrived. “We won.” Putin said the talks were over.`, []q{{"We won.", "merkel"}}},
		{"PronounLastSpeaker", `“We won,” Angela Merkel said after meeting Putin. “We will govern,” she added.`,
			[]q{{"We won,", "merkel"}, {"We will govern,", "merkel"}}},
		{"PersonInsideQuoteIgnored", `Mary Jones spoke. “I met Putin,” she said.`, []q{{"I met Putin,", "jones"}}},
		{"RelativeClause", `John Smith, who stepped down from his post at the Kremlin in the spring, had suggested a "margin to spare".`,
			[]q{{"margin to spare", "smith"}}},
		{"Apposition", `Putin, the veteran leader of Russia, said: “We won.”`, []q{{"We won.", "putin"}}},
		{"ItOrganization", `The Kremlin published its view. “Peace will come,” it added.`, []q{{"Peace will come,", "kremlin"}}},
		{"RoleAnaphor", `Angela Merkel flew in. The German chancellor said the talks were "a good start".`, []q{{"a good start", "merkel"}}},
		{"DocumentAnaphor", `The Kremlin issued a report. However, the report warned: “Risks remain high.”`, []q{{"Risks remain high.", "kremlin"}}},
		{"SentenceEndAttribution", `A “spectacular comeback” in Syria would help, the Kremlin said.`, []q{{"spectacular comeback", "kremlin"}}},
		{"AppositionAfterQuote", `“Prices will rise,” Dmitry Peskov, a spokesman for the Kremlin, told reporters.`, []q{{"Prices will rise,", "peskov"}}},
		// A partial quote inside a sentence whose reporting verb has a
		// person for subject is that person's, even with another person
		// named between them.
		{"PartialSubjectOfSaid", `Russian President Vladimir Putin held a rare meeting with Bashar Al Assad on Thursday and said the situation in Syria is now favourable for the beginning of a “political process”, which would lead to peace.`,
			[]q{{"political process", "putin"}}},
		{"PartialSubjectOfSaidOtherPersonBefore", `After talks with Angela Merkel, John Smith said the plan was “dead on arrival”.`,
			[]q{{"dead on arrival", "smith"}}},
		{"PartialSubjectOfDescribed", `Mary Jones, who met Dmitry Peskov on Monday, described the deal as “a historic step”.`,
			[]q{{"a historic step", "jones"}}},
		{"PartialObjectNotSpeaker", `John Smith told Mary Jones that the offer was “final and binding”.`,
			[]q{{"final and binding", "smith"}}},
		{"PartialAfterCoordinatedVerb", `Mary Jones flew to Sochi for talks with Dmitry Peskov and the Kremlin on Monday but later said the deal was “not yet ready”.`,
			[]q{{"not yet ready", "jones"}}},
		{"PrepositionalPersonFallback", `A spokesman for John Smith said the plan was “not yet ready”.`,
			[]q{{"not yet ready", "smith"}}},
		{"LongDescriptionThenName", `"We have hardly started," the new chair of the Internet Engineering Task Force (IETF), John Smith, says.`,
			[]q{{"We have hardly started,", "smith"}}},
		{"ClergyAnaphor", `Mary Jones spoke on the radio. The cardinal said 2005 should be the year to "make poverty history".`,
			[]q{{"make poverty history", "jones"}}},
		{"QuotedAsSaying", `"It is a question of sovereignty," the Kremlin quoted a central bank official as saying.`,
			[]q{{"It is a question of sovereignty,", ""}}},
		{"QuotedNamedAsSaying", `"He has been ripping people off," the Kremlin quoted prosecutor John Smith as saying.`,
			[]q{{"He has been ripping people off,", "smith"}}},
		{"TitleAfterPlace", `"We can win this," said Russia sevens coach John Smith.`,
			[]q{{"We can win this,", "smith"}}},
		{"PossessiveOrganization", `"This is a simple tool," said the Kremlin's John Smith.`,
			[]q{{"This is a simple tool,", "smith"}}},
		{"ToldObjectNotSpeaker", `Activists forced the changes, telling the Kremlin "there is a recognition that something is wrong".`,
			[]q{{"there is a recognition that something is wrong", ""}}},
		{"AppositionInParentheses", `"It is about digital," John Smith, from the Consumer Electronics Association (CEA) told the Kremlin.`,
			[]q{{"It is about digital,", "smith"}}},
		{"OrganizationNounAfterVerb", `The Kremlin hired three DJs. "It is widely accepted that the show goes on," said the radio station.`,
			[]q{{"It is widely accepted that the show goes on,", "kremlin"}}},
		{"OrganizationNounBeforeVerb", `The Kremlin spoke. "The focus will be on job creation," the ministry said.`,
			[]q{{"The focus will be on job creation,", "kremlin"}}},
		{"ParagraphsOfOneQuote", "\"This year we will see it come to life.\n\n\"Some exhibitors will show it,\" said John Smith.",
			[]q{{"This year we will see it come to life.", "smith"}, {"Some exhibitors will show it,", "smith"}}},
		{"ScareQuoteSkipped", `The so-called “rebels” left.`, nil},
		{"NoQuotes", `Putin met Merkel in Sochi.`, nil},
		{"Empty", ``, nil},
		{"LoneMark", `He said “`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []q
			for _, x := range run(tt.in, people) {
				got = append(got, q{x.Text, x.Speaker})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestSeed checks the quotations of the seed article against expected.json.
func TestSeed(t *testing.T) {
	text := testenv.ReadShared(t, "seed/article.txt")
	raw := testenv.ReadShared(t, "seed/expected.json")
	var exp struct {
		Quotes []struct {
			Speaker      string `json:"speaker"`
			TextContains string `json:"text_contains"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{"Vladimir Putin": "putin", "Bashar Al Assad": "assad", "Dmitry Peskov": "peskov"}
	quotes := run(string(text), people)
	runes := []rune(string(text))
	for _, w := range exp.Quotes {
		found := false
		for _, q := range quotes {
			if string(runes[q.Start:q.End]) != q.Text {
				t.Errorf("quote offsets [%d,%d) do not give %q", q.Start, q.End, q.Text)
			}
			if strings.Contains(q.Text, w.TextContains) {
				found = true
				if q.Speaker != keys[w.Speaker] {
					t.Errorf("quote %q: speaker %q, want %q", w.TextContains, q.Speaker, keys[w.Speaker])
				}
			}
		}
		if !found {
			t.Errorf("quote %q not found", w.TextContains)
		}
	}
}
