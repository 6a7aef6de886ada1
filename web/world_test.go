package web

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// world is the fake API's data: objects as maps, keyed by ID, shaped like
// the contract's types. Entity and document references are ID strings.
type world struct {
	documents map[string]map[string]any
	entities  map[string]map[string]any
	docOrder  []string
	relations []map[string]any
	figures   []map[string]any
	tallies   []map[string]any
	events    []map[string]any
	quotes    []map[string]any
	mentions  map[string][]any // by entity ID
}

// entitySpec is an entity of the fixture: its surface forms are looked up
// in the documents to make its mentions.
type entitySpec struct {
	id, typ, name string
	aliases       []string
	forms         []string // surface forms to find; name and aliases when empty
	roles         []map[string]any
	location      map[string]any
}

// seedWorld builds the world of the seed article (testdata/article.txt, a
// copy of /work/shared/seed/article.txt) as a careful analyst reads it, plus
// a short second document whose first characters lie outside the Basic
// Multilingual Plane, so that code-point offsets differ from UTF-16 ones.
func seedWorld(t testing.TB) *world {
	t.Helper()
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	w := &world{documents: map[string]map[string]any{}, entities: map[string]map[string]any{}, mentions: map[string][]any{}}
	seedID := "1.2223405-2511317925"
	w.addDocument(seedID, "Putin meets Assad in Sochi", "2017-11-21", string(article))
	w.addDocument("astral", "𝐁𝐫𝐢𝐞𝐟: Merkel in Sochi", "2017-11-22",
		"𝐁𝐫𝐢𝐞𝐟 — Angela Merkel 🇩🇪 will meet Vladimir Putin in Sochi.")
	specs := []entitySpec{
		{id: "e-putin", typ: "PERSON", name: "Vladimir Putin", aliases: []string{"Putin"},
			roles: []map[string]any{{"title": "President", "of": "e-russia"}}},
		{id: "e-assad", typ: "PERSON", name: "Bashar Al Assad", aliases: []string{"Al Assad"}},
		{id: "e-peskov", typ: "PERSON", name: "Dmitry Peskov", roles: []map[string]any{{"title": "spokesperson", "of": "e-kremlin"}}},
		{id: "e-merkel", typ: "PERSON", name: "Angela Merkel", roles: []map[string]any{{"title": "Chancellor", "of": "e-germany"}}},
		{id: "e-sochi", typ: "PLACE", name: "Sochi", location: map[string]any{"lat": 43.6028, "lon": 39.7342, "countryCode": "RU"}},
		{id: "e-syria", typ: "PLACE", name: "Syria", location: map[string]any{"lat": 35.0, "lon": 38.0, "countryCode": "SY"}},
		{id: "e-russia", typ: "PLACE", name: "Russia", location: map[string]any{"lat": 60.0, "lon": 100.0, "countryCode": "RU"}},
		{id: "e-latakia", typ: "PLACE", name: "Latakia", location: map[string]any{"lat": 35.5167, "lon": 35.7833, "countryCode": "SY"}},
		{id: "e-germany", typ: "PLACE", name: "Germany", forms: []string{"German"}, location: map[string]any{"lat": 51.0, "lon": 9.0, "countryCode": "DE"}},
		{id: "e-kremlin", typ: "ORGANIZATION", name: "Kremlin"},
		{id: "e-war", typ: "EVENT", name: "Syrian civil war", aliases: []string{"civil war"}},
		{id: "e-thursday", typ: "DATE", name: "Thursday"},
		{id: "e-december", typ: "DATE", name: "December"},
		{id: "e-sep2015", typ: "DATE", name: "September 2015"},
	}
	w.addEntities(specs)
	// A relation's evidence is the first mention of its subject.
	rel := func(id, s, p, o string) {
		w.relations = append(w.relations, map[string]any{"id": id, "predicate": p, "subject": s, "object": o,
			"confidence": 0.9, "weight": 1, "evidence": []any{w.mentions[s][0]}})
	}
	rel("r1", "e-putin", "president_of", "e-russia")
	rel("r2", "e-merkel", "chancellor_of", "e-germany")
	rel("r3", "e-peskov", "spokesperson_of", "e-kremlin")
	rel("r4", "e-sochi", "located_in", "e-russia")
	rel("r5", "e-latakia", "located_in", "e-syria")
	rel("r6", "e-putin", "met", "e-assad")
	rel("r7", "e-putin", "met", "e-merkel")
	rel("r8", "e-putin", "mentioned_with", "e-kremlin")
	w.figures = []map[string]any{
		{"id": "f1", "value": 450000.0, "qualifier": "more than", "measure": "killed", "counted": "people",
			"text": "More than 450,000 people", "about": "e-war", "place": "e-syria",
			"evidence": w.mentionOf(seedID, "More than 450,000 people have been killed")},
		{"id": "f2", "value": 11000000.0, "measure": "displaced", "counted": "people",
			"text": "11 million", "about": "e-war", "place": "e-syria",
			"evidence": w.mentionOf(seedID, "11 million have been displaced")},
	}
	report := func(fig string, value float64, qualifier string) map[string]any {
		return map[string]any{"figureId": fig, "document": seedID, "value": value, "qualifier": qualifier,
			"asOf": "2017-11-21", "kind": "toll", "place": "e-syria", "conflicts": []any{}}
	}
	tally := func(measure string, r map[string]any) map[string]any {
		return map[string]any{"id": measure + "|e-war||", "measure": measure, "about": "e-war", "place": "e-syria",
			"latest": r, "low": r["value"], "high": r["value"], "agreement": "single", "reports": []any{r}}
	}
	w.tallies = []map[string]any{
		tally("killed", report("f1", 450000, "more than")),
		tally("displaced", report("f2", 11000000, "")),
	}
	w.events = []map[string]any{
		{"id": "v1", "kind": "meeting", "name": "Putin–Assad meeting", "participants": []any{"e-putin", "e-assad"},
			"place": "e-sochi", "date": "2017-11-16", "evidence": []any{w.mentionOf(seedID, "held a rare meeting with Bashar Al Assad")}},
		{"id": "v2", "kind": "meeting", "name": "Putin–Merkel meeting", "participants": []any{"e-putin", "e-merkel"},
			"place": "e-sochi", "evidence": []any{w.mentionOf(seedID, "a meeting in Sochi between Putin and German Chancellor Angela Merkel")}},
	}
	w.quotes = []map[string]any{
		{"id": "q1", "speaker": "e-putin", "text": "After the military success [of the Syrian regime in recent months], supplementary conditions have been created, which favour the start of a political process on a major scale",
			"evidence": w.mentionOf(seedID, "After the military success")},
		{"id": "q2", "speaker": "e-assad", "text": "stability is improving", "evidence": w.mentionOf(seedID, "stability is improving")},
	}
	for _, q := range w.quotes {
		q["about"] = []any{}
	}
	w.link()
	return w
}

// addDocument adds a document; its entities are computed from mentions.
func (w *world) addDocument(id, title, published, text string) {
	d := map[string]any{"id": id, "title": title, "published": published, "url": nil, "text": text}
	w.documents[id] = d
	w.docOrder = append(w.docOrder, id)
}

// addEntities finds each entity's forms in every document, longest forms
// first so that "Putin" inside "Vladimir Putin" is one mention, not two.
func (w *world) addEntities(specs []entitySpec) {
	type form struct {
		text, entity string
	}
	var forms []form
	for _, s := range specs {
		aliases := []any{}
		for _, a := range s.aliases {
			aliases = append(aliases, a)
		}
		roles := []any{}
		for _, r := range s.roles {
			roles = append(roles, r)
		}
		var loc any
		if s.location != nil {
			loc = s.location
		}
		w.entities[s.id] = map[string]any{"id": s.id, "type": s.typ, "name": s.name, "aliases": aliases,
			"roles": roles, "location": loc}
		fs := s.forms
		if len(fs) == 0 {
			fs = append([]string{s.name}, s.aliases...)
		}
		for _, f := range fs {
			forms = append(forms, form{f, s.id})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	for _, docID := range w.docOrder {
		text := []rune(w.documents[docID]["text"].(string))
		taken := make([]bool, len(text))
		var found []map[string]any
		for _, f := range forms {
			for _, at := range findWord(text, []rune(f.text)) {
				end := at + len([]rune(f.text))
				if anyTrue(taken[at:end]) {
					continue
				}
				for i := at; i < end; i++ {
					taken[i] = true
				}
				m := w.mention(docID, at, end)
				m["entity"] = f.entity
				found = append(found, m)
			}
		}
		sort.Slice(found, func(i, j int) bool { return found[i]["start"].(int) < found[j]["start"].(int) })
		docMentions := []any{}
		for _, m := range found {
			id := m["entity"].(string)
			w.mentions[id] = append(w.mentions[id], m)
			docMentions = append(docMentions, m)
		}
		w.documents[docID]["mentions"] = docMentions
	}
}

// mention is the Mention of code points [start, end) of a document.
func (w *world) mention(docID string, start, end int) map[string]any {
	text := []rune(w.documents[docID]["text"].(string))
	s, e := start, end
	for s > 0 && !sentenceEnd(text, s-1) {
		s--
	}
	for e < len(text) && !sentenceEnd(text, e-1) {
		e++
	}
	for s < start && unicode.IsSpace(text[s]) {
		s++
	}
	return map[string]any{"document": docID, "start": start, "end": end, "text": string(text[start:end]),
		"sentence": strings.TrimSpace(string(text[s:e])), "sentenceStart": s}
}

// sentenceEnd reports whether a sentence ends after text[i]: a line break,
// or a full stop before a space.
func sentenceEnd(text []rune, i int) bool {
	if text[i] == '\n' {
		return true
	}
	return strings.ContainsRune(".!?", text[i]) && i+1 < len(text) && unicode.IsSpace(text[i+1])
}

// mentionOf is the mention of the first occurrence of s in a document.
func (w *world) mentionOf(docID, s string) map[string]any {
	text := []rune(w.documents[docID]["text"].(string))
	at := indexRunes(text, []rune(s))
	if at < 0 {
		panic(fmt.Sprintf("%q not in document %s", s, docID))
	}
	return w.mention(docID, at, at+len([]rune(s)))
}

// link fills the computed fields of entities and documents.
func (w *world) link() {
	involves := func(m map[string]any, id string, keys ...string) bool {
		for _, k := range keys {
			switch v := m[k].(type) {
			case string:
				if v == id {
					return true
				}
			case []any:
				for _, x := range v {
					if x == id {
						return true
					}
				}
			}
		}
		return false
	}
	pick := func(list []map[string]any, id string, keys ...string) []any {
		out := []any{}
		for _, m := range list {
			if involves(m, id, keys...) {
				out = append(out, m)
			}
		}
		return out
	}
	for id, e := range w.entities {
		ms := w.mentions[id]
		if ms == nil {
			ms = []any{}
		}
		e["mentionCount"] = len(ms)
		e["mentions"] = ms
		e["relations"] = func(args map[string]any) any {
			out := []any{}
			dir, _ := args["direction"].(string)
			pred, _ := args["predicate"].(string)
			for _, r := range w.relations {
				if pred != "" && r["predicate"] != pred {
					continue
				}
				if (dir != "IN" && r["subject"] == id) || (dir != "OUT" && r["object"] == id) {
					out = append(out, r)
				}
			}
			return out
		}
		e["neighbors"] = func(map[string]any) any {
			out := []any{}
			for _, r := range w.relations {
				if r["subject"] == id {
					out = append(out, r["object"])
				} else if r["object"] == id {
					out = append(out, r["subject"])
				}
			}
			return out
		}
		e["figures"] = pick(w.figures, id, "about", "place")
		e["tallies"] = pick(w.tallies, id, "about", "place")
		e["events"] = pick(w.events, id, "participants", "place")
		e["quotes"] = pick(w.quotes, id, "speaker")
		e["documents"] = func(map[string]any) any {
			seen := map[any]bool{}
			out := []any{}
			for _, m := range ms {
				d := m.(map[string]any)["document"]
				if !seen[d] {
					seen[d] = true
					out = append(out, d)
				}
			}
			return out
		}
	}
	for docID, d := range w.documents {
		var ids []string
		for id, ms := range w.mentions {
			for _, m := range ms {
				if m.(map[string]any)["document"] == docID {
					ids = append(ids, id)
					break
				}
			}
		}
		sort.Strings(ids)
		d["relations"] = pickDoc(w.relations, docID)
		d["figures"] = pickDoc(w.figures, docID)
		d["events"] = pickDoc(w.events, docID)
		d["quotes"] = pickDoc(w.quotes, docID)
		d["entities"] = func(args map[string]any) any {
			out := []any{}
			for _, id := range ids {
				if t, ok := args["type"].(string); !ok || w.entities[id]["type"] == t {
					out = append(out, id)
				}
			}
			return out
		}
	}
}

// pickDoc returns the facts of list with evidence in document docID.
func pickDoc(list []map[string]any, docID string) []any {
	out := []any{}
	for _, f := range list {
		ev := f["evidence"]
		if m, ok := ev.(map[string]any); ok {
			ev = []any{m}
		}
		for _, m := range ev.([]any) {
			if m.(map[string]any)["document"] == docID {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// textSearch is Query.search over the documents' titles and texts: those
// that hold every word of q (quotes only group words here), in document
// order, each with a snippet marking the words «like this».
func (w *world) textSearch(q string) []any {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(q, `"`, " ")))
	out := []any{}
	for _, id := range w.docOrder {
		d := w.documents[id]
		text := d["title"].(string) + "\n" + d["text"].(string)
		lower := strings.ToLower(text)
		snippet := text
		found := true
		for _, word := range words {
			if !strings.Contains(lower, word) {
				found = false
				break
			}
		}
		if !found || len(words) == 0 {
			continue
		}
		at := strings.Index(lower, words[0])
		from := max(0, at-60)
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		end := min(len(text), at+120)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		snippet = text[from:end]
		for _, word := range words {
			if i := strings.Index(strings.ToLower(snippet), word); i >= 0 {
				snippet = snippet[:i] + "«" + snippet[i:i+len(word)] + "»" + snippet[i+len(word):]
			}
		}
		out = append(out, map[string]any{"document": id, "score": 1.0, "snippet": snippet})
	}
	return out
}

// search is the contract's prefix search over names and aliases, most
// mentioned first; a prefix matches at the start of any word.
func (w *world) search(q string) []any {
	q = strings.ToLower(q)
	var hits []map[string]any
	for _, e := range w.entities {
		names := []string{e["name"].(string)}
		for _, a := range e["aliases"].([]any) {
			names = append(names, a.(string))
		}
	match:
		for _, n := range names {
			for _, word := range strings.Fields(strings.ToLower(n)) {
				if strings.HasPrefix(word, q) || strings.HasPrefix(strings.ToLower(n), q) {
					hits = append(hits, e)
					break match
				}
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i]["mentionCount"].(int), hits[j]["mentionCount"].(int)
		if a != b {
			return a > b
		}
		return hits[i]["name"].(string) < hits[j]["name"].(string)
	})
	out := make([]any, len(hits))
	for i, h := range hits {
		out[i] = h
	}
	return out
}

// seedRoot answers the Query fields the explorer uses.
func seedRoot() map[string]rootResolver {
	return map[string]rootResolver{
		"entity": func(w *world, args map[string]any) (any, error) {
			if e, ok := w.entities[args["id"].(string)]; ok {
				return e, nil
			}
			return nil, nil
		},
		"entities": func(w *world, args map[string]any) (any, error) {
			q, _ := args["search"].(string)
			hits := w.search(q) // most mentioned first
			typ, _ := args["type"].(string)
			out := []any{}
			for _, e := range hits {
				if typ == "" || e.(map[string]any)["type"] == typ {
					out = append(out, e)
				}
			}
			return out, nil
		},
		"document": func(w *world, args map[string]any) (any, error) {
			if d, ok := w.documents[args["id"].(string)]; ok {
				return d, nil
			}
			return nil, nil
		},
		"search": func(w *world, args map[string]any) (any, error) {
			return w.textSearch(args["query"].(string)), nil
		},
		"documents": func(w *world, args map[string]any) (any, error) {
			out := []any{}
			for _, id := range w.docOrder {
				out = append(out, id)
			}
			return out, nil
		},
		"stats": func(w *world, args map[string]any) (any, error) {
			byType := map[string]int{}
			for _, e := range w.entities {
				byType[e["type"].(string)]++
			}
			counts := []any{}
			for _, t := range []string{"PERSON", "PLACE", "ORGANIZATION", "EVENT", "DATE", "OTHER"} {
				counts = append(counts, map[string]any{"type": t, "count": byType[t]})
			}
			return map[string]any{"documents": len(w.documents), "entities": len(w.entities),
				"relations": len(w.relations), "figures": len(w.figures), "events": len(w.events),
				"quotes": len(w.quotes), "byType": counts}, nil
		},
	}
}

func findWord(text, word []rune) []int {
	var out []int
	isWord := func(i int) bool {
		return i >= 0 && i < len(text) && (unicode.IsLetter(text[i]) || unicode.IsDigit(text[i]))
	}
	for i := 0; i+len(word) <= len(text); i++ {
		if string(text[i:i+len(word)]) == string(word) && !isWord(i-1) && !isWord(i+len(word)) {
			out = append(out, i)
		}
	}
	return out
}

func indexRunes(text, s []rune) int {
	for i := 0; i+len(s) <= len(text); i++ {
		if string(text[i:i+len(s)]) == string(s) {
			return i
		}
	}
	return -1
}

func anyTrue(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}
