package webtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Expect is what the explorer must show for a store.
type Expect struct {
	Search    string // typed into the search box: "Putin"
	Person    string // the entity to open from the results: "Vladimir Putin"
	Role      string // a role the entity page lists: "President"
	RoleOf    string // the entity the role is of, a neighbour in the graph: "Russia"
	Neighbour string // another neighbour in the graph, met at an event: "Bashar Al Assad"
	Quote     string // part of a quote of the person: "supplementary conditions"
	Figure    string // a figure as the page writes it: "450,000"
	Measure   string // its measure: "killed"
	// FigurePages are the names of entities one of whose pages must show
	// the figure, tried in order: "Syria", "Syrian civil war".
	FigurePages []string
	// TallyPages are the names of the event whose page must show the
	// figure's tally (a chart with a point per report and a table of the
	// reports), tried in order: "Syrian civil war".
	TallyPages []string
	// TextSearch is a full-text query whose first hit must mark its words
	// and hold them: `"military success" Syrian`. Empty for a store
	// without a text index.
	TextSearch string
}

// CheckExplorer walks the explorer served at baseURL as an analyst would
// and fails t where the page does not show what want says. Screenshots go
// to dir: home-1280.png, entity-1280.png, document-1280.png,
// figures-1280.png, search-1280.png, entity-400.png and explorer-1280.png (the person's
// page, clean, as docs/explorer.png shows it).
func CheckExplorer(t *testing.T, b *Browser, baseURL, dir string, want Expect) {
	t.Helper()
	b.Do("open the explorer", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(baseURL+"/"))
	Wait[bool](b, "the home page's counts", `document.querySelectorAll('.stats dd').length > 0`)
	top := Eval[string](b, "most mentioned people", `document.querySelector('[aria-label="most mentioned of type person"]')?.textContent || ''`)
	if !strings.Contains(top, want.Person) {
		t.Errorf("the home page's most mentioned people are %q, want %s among them", top, want.Person)
	}
	b.Screenshot(dir, "home-1280.png")
	checkContrast(t, b, "home page")

	// Search and open the person from the keyboard.
	b.openBySearch(want.Search, want.Person, "person")
	personHash := Eval[string](b, "route", `location.hash`)
	if !strings.HasPrefix(personHash, "#/entity/") {
		t.Errorf("the entity page's route is %q, want #/entity/ID", personHash)
	}
	roles := Eval[string](b, "roles", `document.querySelector('.roles')?.textContent || ''`)
	if wantRole := want.Role + " of " + want.RoleOf; !strings.Contains(strings.ToLower(roles), strings.ToLower(wantRole)) {
		t.Errorf("roles of %s = %q, want %q among them", want.Person, roles, wantRole)
	}

	// Events, quotes, and the place the role is of, with its coordinates.
	if tl := Eval[string](b, "timeline", `document.querySelector('.timeline')?.textContent || ''`); !strings.Contains(tl, want.Neighbour) {
		t.Errorf("events of %s = %q, want one with %s", want.Person, tl, want.Neighbour)
	}
	if q := Eval[string](b, "quotes", `document.querySelector('.quotes')?.textContent || ''`); !strings.Contains(q, want.Quote) {
		t.Errorf("quotes of %s = %q, want one with %q", want.Person, q, want.Quote)
	}
	b.click(want.RoleOf, `[...document.querySelectorAll('.roles a')].find((a) => a.textContent === `+js(want.RoleOf)+`)`)
	b.waitEntity(want.RoleOf)
	coords := Eval[string](b, "coordinates", `document.querySelector('.location .coords')?.textContent || ''`)
	if !regexp.MustCompile(`^\d+\.\d{4}° [NS], \d+\.\d{4}° [EW]$`).MatchString(coords) {
		t.Errorf("%s's location reads %q, want coordinates", want.RoleOf, coords)
	}
	b.Do("go back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitEntity(want.Person)

	// The neighbourhood graph.
	g := Wait[graph](b, want.Neighbour+" in the graph", `(() => {
		const g = window.factgraph && window.factgraph.graph();
		return g && g.nodes.some((n) => n.name === `+js(want.Neighbour)+`) ? g : null;
	})()`)
	centre := g.node(want.Person)
	neighbour := g.node(want.Neighbour)
	if centre == nil || neighbour == nil {
		t.Fatalf("graph nodes %v lack %s or %s", g.names(), want.Person, want.Neighbour)
	}
	link := g.edgeBetween(centre.ID, neighbour.ID)
	if link == nil || link.Predicate == "" {
		t.Fatalf("graph has no labelled edge between %s and %s: %+v", want.Person, want.Neighbour, g.Edges)
	}
	if n := Eval[int](b, "graph canvas", `document.querySelectorAll('.graph-canvas canvas').length`); n == 0 {
		t.Fatal("the graph drew no canvas")
	}
	b.Screenshot(dir, "entity-1280.png")
	checkContrast(t, b, "entity page")
	b.checkFilters(g, centre, neighbour, link.Predicate)
	b.checkDownloads(t, g, neighbour, link)
	b.checkExpand(t, want.RoleOf)

	// A click on a node opens its page; back returns.
	b.clickNode(neighbour.ID, 1)
	b.waitEntity(want.Neighbour)
	b.Do("go back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitEntity(want.Person)

	// Source sentences mark the mention and link to the document.
	marks := Eval[[]string](b, "marked mentions", `[...document.querySelectorAll('.mentions mark')].map((m) => m.textContent)`)
	if len(marks) == 0 {
		t.Fatal("no source sentence marks a mention")
	}
	// Each source sentence marks its own mention once (Mention.sentenceStart),
	// even where the sentence names the entity more than once.
	perSentence := Eval[[]int](b, "marks per source sentence", `[...document.querySelectorAll('.mentions .sentence')].map((p) => p.querySelectorAll('mark').length)`)
	for i, n := range perSentence {
		if n != 1 {
			t.Errorf("source sentence %d marks %d spans, want 1", i, n)
		}
	}
	b.click("the first source", `document.querySelector('.mentions .cite a')`)
	focus := Wait[string](b, "the document with the mention in focus", `document.querySelector('.doc-text #focus')?.textContent`)
	if focus != marks[0] {
		t.Errorf("document focuses %q, the source sentence marked %q", focus, marks[0])
	}
	hl := Eval[map[string][]string](b, "highlights", `(() => {
		const out = {};
		for (const a of document.querySelectorAll('.doc-text a.hl')) {
			const t = [...a.classList].find((c) => c.startsWith('t-')).slice(2);
			(out[t] = out[t] || []).push(a.textContent);
		}
		return out;
	})()`)
	if !slices.ContainsFunc(hl["person"], func(s string) bool { return s == want.Person || strings.Contains(want.Person, s) }) {
		t.Errorf("document highlights people %q, want %s among them", hl["person"], want.Person)
	}
	if len(hl["place"]) == 0 {
		t.Errorf("document highlights no place: %v", hl)
	}
	b.Screenshot(dir, "document-1280.png")
	checkContrast(t, b, "document page")
	checkDocumentFacts(t, b, want)
	b.click("a person in the text", `document.querySelector('.doc-text a.hl.t-person')`)
	Wait[bool](b, "an entity page from the highlight", `!!document.querySelector('#entity-name')`)

	// The figure, on one of the pages that may hold it.
	var seen []string
	found := false
	for _, name := range want.FigurePages {
		if !b.tryOpenBySearch(name) {
			seen = append(seen, name+": not found by search")
			continue
		}
		charts := Eval[string](b, "figures", `document.querySelector('.charts')?.textContent || ''`)
		if strings.Contains(charts, want.Figure) && strings.Contains(charts, want.Measure) {
			found = true
			b.Do("show the figures", chromedp.Evaluate[chromedp.Void](`document.querySelector('.charts').scrollIntoView({block: 'center'})`))
			b.Screenshot(dir, "figures-1280.png")
			break
		}
		seen = append(seen, fmt.Sprintf("%s: %q", name, charts))
	}
	if !found {
		t.Errorf("no page shows %s %s: %s", want.Figure, want.Measure, strings.Join(seen, "; "))
	}
	checkTally(t, b, dir, want)
	checkTextSearch(t, b, dir, want)

	// A narrow window: nothing may scroll sideways.
	b.openBySearch(want.Search, want.Person, "person")
	b.Do("narrow the window", chromedp.EmulateViewport(400, 800))
	Wait[bool](b, "the narrow layout", `document.documentElement.clientWidth <= 400`)
	b.checkFits(400, "entity page")
	b.Screenshot(dir, "entity-400.png")
	checkContrast(t, b, "narrow entity page")
	b.click("the first source", `document.querySelector('.mentions .cite a')`)
	Wait[bool](b, "the document", `!!document.querySelector('.doc-text #focus')`)
	b.checkFits(400, "document page")
	b.Do("back to the entity", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitEntity(want.Person)
	b.Do("widen the window", chromedp.EmulateViewport(1280, 800))

	// The keyboard reaches the search box with visible focus.
	// A reload puts the start of sequential focus navigation at the top.
	b.Do("reload", chromedp.Reload())
	b.waitEntity(want.Person)
	b.Do("tab into the page", chromedp.KeyEvent(kb.Tab))
	outline := Eval[string](b, "focus style", `(() => {
		const el = document.activeElement, cs = getComputedStyle(el);
		return el.className + ' ' + cs.outlineStyle + ' ' + cs.outlineWidth;
	})()`)
	if !strings.HasPrefix(outline, "skip ") || strings.Contains(outline, " none ") {
		t.Errorf("first Tab focuses %q, want the skip link with an outline", outline)
	}
	b.Do("tab to the search box", chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	if id := Eval[string](b, "focus", `document.activeElement.id`); id != "search" {
		t.Errorf("third Tab focuses #%s, want #search", id)
	}

	// A tidy view of the person for the README: linked by its route, no
	// focus ring or search text.
	b.Do("open "+personHash, chromedp.Evaluate[chromedp.Void](`location.hash = '#/'`))
	Wait[bool](b, "the home page", `!!document.querySelector('.stats')`)
	b.Do("open "+personHash, chromedp.Evaluate[chromedp.Void](`location.hash = `+js(personHash)+`;
		document.activeElement.blur(); document.getElementById('search').value = ''`))
	b.waitEntity(want.Person)
	Wait[bool](b, "the graph", `(window.factgraph.graph()?.nodes.length || 0) > 1`)
	b.Screenshot(dir, "explorer-1280.png")
}

// checkFits fails the test when the page scrolls sideways in a window
// width pixels wide, naming the elements that stick out.
func (b *Browser) checkFits(width int, what string) {
	b.t.Helper()
	w := Eval[int](b, "page width", `document.documentElement.scrollWidth`)
	if w <= width {
		return
	}
	wide := Eval[[]string](b, "wide elements", fmt.Sprintf(`[...document.body.querySelectorAll('*')]
		.filter((el) => el.getBoundingClientRect().right > %d)
		.slice(0, 8).map((el) => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))`, width+1))
	b.t.Errorf("%s: at %dpx the page is %dpx wide; too wide: %v", what, width, w, wide)
}

// openBySearch types query into the search box, picks the option named
// name with the arrow keys and Enter, and waits for its page.
func (b *Browser) openBySearch(query, name, typ string) {
	b.t.Helper()
	opts := b.search(query)
	i := slices.IndexFunc(opts, func(o option) bool { return o.Name == name })
	if i < 0 {
		b.t.Fatalf("searching %q offers %+v, not %s", query, opts, name)
	}
	if typ != "" && opts[i].Type != typ {
		b.t.Errorf("searching %q offers %s as a %s, want %s", query, name, opts[i].Type, typ)
	}
	b.choose(i)
	b.waitEntity(name)
}

// tryOpenBySearch opens the page of the entity named name, if search
// offers it.
func (b *Browser) tryOpenBySearch(name string) bool {
	b.t.Helper()
	opts := b.search(name)
	i := slices.IndexFunc(opts, func(o option) bool { return strings.EqualFold(o.Name, name) })
	if i < 0 {
		b.Do("close the search", chromedp.KeyEvent(kb.Escape))
		return false
	}
	b.choose(i)
	b.waitEntity(opts[i].Name)
	return true
}

type option struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

func (b *Browser) search(query string) []option {
	b.t.Helper()
	b.Do("type "+query, chromedp.Evaluate[chromedp.Void](`document.getElementById('search').value = ''`),
		chromedp.SendKeys(chromedp.ID("search"), query))
	return Wait[[]option](b, "search results for "+query, `(() => {
		const list = document.getElementById('search-list');
		if (list.dataset.query !== `+js(query)+`) return null;
		return [...list.querySelectorAll('[role=option]')].map((o) => ({
			name: o.querySelector('.opt-name').textContent, type: o.querySelector('.chip').textContent,
		}));
	})()`)
}

// choose moves to option i with the arrow keys and opens it with Enter.
func (b *Browser) choose(i int) {
	b.t.Helper()
	for range i {
		b.Do("arrow down", chromedp.KeyEvent(kb.ArrowDown))
	}
	if got := Eval[string](b, "active option", `document.getElementById('search').getAttribute('aria-activedescendant') || ''`); got != fmt.Sprintf("search-opt-%d", i) {
		b.t.Fatalf("after %d arrow keys the active option is %q", i, got)
	}
	b.Do("press Enter", chromedp.KeyEvent(kb.Enter))
}

func (b *Browser) waitEntity(name string) {
	b.t.Helper()
	Wait[bool](b, "the page of "+name, `document.querySelector('#entity-name')?.textContent === `+js(name)+
		` && !document.getElementById('main').hasAttribute('aria-busy')`)
}

// graph is the page's view of its graph, from window.factgraph.graph().
type graph struct {
	Nodes    []graphNode `json:"nodes"`
	Edges    []graphEdge `json:"edges"`
	Expanded []string    `json:"expanded"`
}

type graphNode struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Type         string `json:"type"`
	MentionCount int    `json:"mentionCount"`
}

type graphEdge struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Predicate string `json:"predicate"`
}

func (g graph) node(name string) *graphNode {
	for i := range g.Nodes {
		if g.Nodes[i].Name == name {
			return &g.Nodes[i]
		}
	}
	return nil
}

func (g graph) names() []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.Name)
	}
	return out
}

func (g graph) edgeBetween(a, b string) *graphEdge {
	for i, e := range g.Edges {
		if (e.Source == a && e.Target == b) || (e.Source == b && e.Target == a) {
			return &g.Edges[i]
		}
	}
	return nil
}

const graphExpr = `window.factgraph.graph()`

// checkFilters hides the neighbour's type, then the link's predicate, and
// checks the graph hides what it should and shows it again.
func (b *Browser) checkFilters(g graph, centre, neighbour *graphNode, predicate string) {
	b.t.Helper()
	toggle := func(legend, label string) {
		b.Do("toggle filter "+label, chromedp.Evaluate[chromedp.Void](`(() => {
			const set = [...document.querySelectorAll('.filters')].find((f) => f.querySelector('legend').textContent === `+js(legend)+`);
			const l = [...set.querySelectorAll('label')].find((l) => l.textContent.trim() === `+js(label)+`);
			l.querySelector('input').click();
		})()`))
	}
	hidden := func(what string) graph {
		return Wait[graph](b, what, `(() => { const g = `+graphExpr+`; return g.nodes.every((n) => n.id !== `+js(neighbour.ID)+`) ? g : null; })()`)
	}
	shown := func(what string) {
		Wait[bool](b, what, graphExpr+`.nodes.some((n) => n.id === `+js(neighbour.ID)+`)`)
	}
	toggle("Entity types", neighbour.Type)
	h := hidden(neighbour.Type + " filtered out")
	for _, n := range h.Nodes {
		if n.Type == neighbour.Type && n.ID != centre.ID {
			b.t.Errorf("type filter %s leaves %s", neighbour.Type, n.Name)
		}
	}
	toggle("Entity types", neighbour.Type)
	shown(neighbour.Type + " shown again")
	label := strings.ReplaceAll(predicate, "_", " ")
	toggle("Predicates", label)
	h = Wait[graph](b, predicate+" filtered out", `(() => { const g = `+graphExpr+`; return g.edges.every((e) => e.predicate !== `+js(predicate)+`) ? g : null; })()`)
	if len(h.Edges) >= len(g.Edges) {
		b.t.Errorf("predicate filter %s hid no edge", predicate)
	}
	toggle("Predicates", label)
	shown(predicate + " shown again")
}

// checkExpand double-clicks the node named name and waits for its
// neighbours to be added.
func (b *Browser) checkExpand(t *testing.T, name string) {
	t.Helper()
	before := Eval[graph](b, "graph", graphExpr)
	n := before.node(name)
	if n == nil {
		t.Fatalf("graph %v lacks %s", before.names(), name)
	}
	b.clickNode(n.ID, 2)
	after := Wait[graph](b, name+" expanded", `(() => { const g = `+graphExpr+`; return g && g.expanded.includes(`+js(n.ID)+`) ? g : null; })()`)
	if len(after.Nodes) < len(before.Nodes) {
		t.Errorf("expanding %s went from %d to %d nodes", name, len(before.Nodes), len(after.Nodes))
	}
	// The page stays on the same entity: a double click is not a click.
	time.Sleep(400 * time.Millisecond)
	if h := Eval[string](b, "heading", `document.querySelector('#entity-name')?.textContent || ''`); h == name {
		t.Errorf("double-clicking %s opened its page", name)
	}
}

// click scrolls the element that expr finds to the middle of the window,
// clear of the sticky header, and clicks it with the mouse.
func (b *Browser) click(what, expr string) {
	b.t.Helper()
	p := Eval[*point](b, "find "+what, `(() => {
		const el = `+expr+`;
		if (!el) return null;
		el.scrollIntoView({block: 'center', inline: 'center'});
		const r = el.getClientRects()[0];
		return {x: r.left + Math.min(r.width / 2, 8), y: r.top + r.height / 2};
	})()`)
	if p == nil {
		b.t.Fatalf("click %s: no such element", what)
	}
	b.Do("click "+what, chromedp.MouseClickXY(p.X, p.Y))
}

// point is a position in the viewport, in CSS pixels.
type point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// clickNode clicks a graph node count times in a row.
func (b *Browser) clickNode(id string, count int) {
	b.t.Helper()
	p := Eval[point](b, "node position", `window.factgraph.position(`+js(id)+`)`)
	var clicks []chromedp.Action[chromedp.Void]
	for range count {
		clicks = append(clicks, chromedp.MouseClickXY(p.X, p.Y))
	}
	b.Do("click node "+id, clicks...)
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// checkTally opens the first of want.TallyPages that search finds and
// checks that it shows the tally of want.Measure: its latest report, a
// chart point whose hover title gives the amount, and a row of the reports
// table.
func checkTally(t *testing.T, b *Browser, dir string, want Expect) {
	t.Helper()
	var seen []string
	for _, name := range want.TallyPages {
		if !b.tryOpenBySearch(name) {
			seen = append(seen, name+": not found by search")
			continue
		}
		type tally struct {
			Caption string
			Points  []string
			Rows    []string
		}
		got := Eval[[]tally](b, "tallies", `[...document.querySelectorAll('.tally')].map((f) => ({
			caption: f.querySelector('figcaption')?.textContent || '',
			points: [...f.querySelectorAll('.tally-chart .report title')].map((x) => x.textContent),
			rows: [...f.querySelectorAll('.tally-reports tbody tr')].map((x) => x.textContent),
		}))`)
		for _, tl := range got {
			if !strings.Contains(tl.Caption, want.Measure) || !strings.Contains(tl.Caption, want.Figure) {
				continue
			}
			if len(tl.Points) == 0 || len(tl.Points) != len(tl.Rows) ||
				!slices.ContainsFunc(tl.Points, func(p string) bool { return strings.Contains(p, want.Figure) }) {
				t.Errorf("%s: the %s tally has points %q and rows %q", name, want.Measure, tl.Points, tl.Rows)
			}
			b.Do("show the tallies", chromedp.Evaluate[chromedp.Void](`document.querySelector('.tallies').scrollIntoView({block: 'center'})`))
			b.Screenshot(dir, "tallies-1280.png")
			checkContrast(t, b, "tallies")
			return
		}
		seen = append(seen, fmt.Sprintf("%s: %+v", name, got))
	}
	t.Errorf("no page shows the %s tally of %s: %s", want.Measure, want.Figure, strings.Join(seen, "; "))
}
