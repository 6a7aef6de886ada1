package schema_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/factgraph/factgraph/graph"
)

// memGraph is an in-memory test double of the graph services: small,
// obviously correct, and instrumented (call counts, injectable failures).
type memGraph struct {
	mu        sync.RWMutex
	docs      map[string]*graph.Document
	entities  map[string]*graph.Entity
	mentions  map[string][]graph.Mention // by entity
	merged    map[string]string
	relations []*graph.Relation
	figures   []*graph.Figure
	events    []*graph.EventFact
	quotes    []*graph.Quote

	byIDCalls atomic.Int64          // EntitiesByID calls
	entCalls  atomic.Int64          // Entity calls
	docCalls  atomic.Int64          // Documents calls
	fail      atomic.Pointer[error] // error to return from Stats and Relations, if set
	block     chan struct{}         // if set, Relations waits for it or ctx
	entered   chan struct{}         // if set, Relations signals it before waiting
	panicNow  atomic.Bool           // Quotes panics
}

func newMemGraph() *memGraph {
	return &memGraph{
		docs: map[string]*graph.Document{}, entities: map[string]*graph.Entity{},
		mentions: map[string][]graph.Mention{}, merged: map[string]string{},
	}
}

func (g *memGraph) failure() error {
	if e := g.fail.Load(); e != nil {
		return *e
	}
	return nil
}

func cursor(key string) string { return base64.RawURLEncoding.EncodeToString([]byte(key)) }

// paginate pages through items sorted by key.
func paginate[T any](items []T, key func(T) string, p graph.Page) (graph.List[T], error) {
	sort.SliceStable(items, func(i, j int) bool { return key(items[i]) < key(items[j]) })
	start := 0
	if p.After != "" {
		b, err := base64.RawURLEncoding.DecodeString(p.After)
		if err != nil {
			return graph.List[T]{}, graph.Errorf(graph.EINVALID, "bad cursor %q", p.After)
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > string(b) })
	}
	n := p.Limit(20)
	end := min(start+n, len(items))
	l := graph.List[T]{Items: items[start:end], HasNextPage: end < len(items), TotalCount: len(items)}
	for _, it := range l.Items {
		l.Cursors = append(l.Cursors, cursor(key(it)))
	}
	return l, nil
}

func (g *memGraph) resolve(id string) string {
	for g.merged[id] != "" {
		id = g.merged[id]
	}
	return id
}

// DocumentService.

func (g *memGraph) Document(ctx context.Context, id string) (*graph.Document, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if d := g.docs[id]; d != nil {
		return d, nil
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "document %q not found", id)
}

func (g *memGraph) Documents(ctx context.Context, f graph.DocumentFilter) (graph.List[*graph.Document], error) {
	g.docCalls.Add(1)
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Document
	for _, d := range g.docs {
		if f.IDs != nil && !contains(f.IDs, d.ID) {
			continue
		}
		if f.Entity != "" && !g.mentionsIn(g.resolve(f.Entity), d.ID) {
			continue
		}
		out = append(out, d)
	}
	return paginate(out, func(d *graph.Document) string { return d.ID }, f.Page)
}

func (g *memGraph) mentionsIn(entity, doc string) bool {
	for _, m := range g.mentions[entity] {
		if m.Document == doc {
			return true
		}
	}
	return false
}

func (g *memGraph) DeleteDocument(ctx context.Context, id string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.docs[id] == nil {
		return graph.Errorf(graph.ENOTFOUND, "document %q not found", id)
	}
	delete(g.docs, id)
	return nil
}

// DocumentEntities implements schema.DocumentEntityLister.
func (g *memGraph) DocumentEntities(ctx context.Context, doc string, typ graph.EntityType, limit int) ([]*graph.Entity, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Entity
	for id, e := range g.entities {
		if g.mentionsIn(id, doc) && (typ == "" || e.Type == typ) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out[:min(limit, len(out))], nil
}

// EntityService.

func (g *memGraph) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	g.entCalls.Add(1)
	g.mu.RLock()
	defer g.mu.RUnlock()
	if e := g.entities[g.resolve(id)]; e != nil {
		return e, nil
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
}

func (g *memGraph) Entities(ctx context.Context, f graph.EntityFilter) (graph.List[*graph.Entity], error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Entity
	for _, e := range g.entities {
		if f.Type != "" && e.Type != f.Type {
			continue
		}
		if f.Name != "" && !anyName(e, func(k string) bool { return k == nameKey(f.Name) }) {
			continue
		}
		if f.Search != "" && !anyName(e, func(k string) bool { return strings.HasPrefix(k, nameKey(f.Search)) }) {
			continue
		}
		out = append(out, e)
	}
	key := func(e *graph.Entity) string { return e.ID }
	if f.Search != "" || f.OrderBy == graph.ByMentions {
		key = func(e *graph.Entity) string { return fmt.Sprintf("%010d|%s", 1<<30-e.MentionCount, e.ID) }
	}
	if f.OrderBy == graph.ByName {
		key = func(e *graph.Entity) string { return nameKey(e.Name) + "|" + e.ID }
	}
	return paginate(out, key, f.Page)
}

func anyName(e *graph.Entity, match func(string) bool) bool {
	for _, n := range e.Names() {
		if match(nameKey(n)) {
			return true
		}
	}
	return false
}

func (g *memGraph) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	g.byIDCalls.Add(1)
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make([]*graph.Entity, len(ids))
	for i, id := range ids {
		out[i] = g.entities[g.resolve(id)]
	}
	return out, nil
}

func (g *memGraph) Mentions(ctx context.Context, id string, p graph.Page) (graph.List[graph.Mention], error) {
	g.mu.RLock()
	ms := append([]graph.Mention(nil), g.mentions[g.resolve(id)]...)
	g.mu.RUnlock()
	return paginate(ms, func(m graph.Mention) string { return fmt.Sprintf("%s|%08d", m.Document, m.Start) }, p)
}

func (g *memGraph) Neighbors(ctx context.Context, id string, typ graph.EntityType, limit int) ([]*graph.Entity, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	id = g.resolve(id)
	seen := map[string]bool{}
	var out []*graph.Entity
	for _, r := range g.relations {
		other := ""
		switch id {
		case r.Subject:
			other = r.Object
		case r.Object:
			other = r.Subject
		}
		if e := g.entities[other]; e != nil && !seen[other] && (typ == "" || e.Type == typ) && len(out) < limit {
			seen[other] = true
			out = append(out, e)
		}
	}
	return out, nil
}

func (g *memGraph) MergeEntities(ctx context.Context, ids []string, into string) (*graph.Entity, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	target := g.entities[into]
	if target == nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "entity %q not found", into)
	}
	for _, id := range ids {
		e := g.entities[id]
		if e == nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "entity %q not found", id)
		}
		if e.Type != target.Type {
			return nil, graph.Errorf(graph.EINVALID, "cannot merge %s %q into %s %q", e.Type, id, target.Type, into)
		}
	}
	merged := *target
	for _, id := range ids {
		merged.Aliases = append(merged.Aliases, g.entities[id].Names()...)
		merged.MentionCount += g.entities[id].MentionCount
		delete(g.entities, id)
		g.merged[id] = into
	}
	g.entities[into] = &merged
	return &merged, nil
}

// RelationService.

func (g *memGraph) Relations(ctx context.Context, f graph.RelationFilter) (graph.List[*graph.Relation], error) {
	if g.block != nil {
		if g.entered != nil {
			g.entered <- struct{}{}
		}
		select {
		case <-g.block:
		case <-ctx.Done():
			return graph.List[*graph.Relation]{}, ctx.Err()
		}
	}
	if err := g.failure(); err != nil {
		return graph.List[*graph.Relation]{}, err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Relation
	for _, r := range g.relations {
		if f.Subject != "" && r.Subject != g.resolve(f.Subject) || f.Object != "" && r.Object != g.resolve(f.Object) ||
			f.Predicates != nil && !slices.Contains(f.Predicates, r.Predicate) {
			continue
		}
		if f.Entity != "" {
			id := g.resolve(f.Entity)
			out1, in1 := r.Subject == id, r.Object == id
			if f.Direction == graph.Out && !out1 || f.Direction == graph.In && !in1 || !out1 && !in1 {
				continue
			}
		}
		out = append(out, r)
	}
	return paginate(out, func(r *graph.Relation) string { return r.ID }, f.Page)
}

func (g *memGraph) Path(ctx context.Context, f graph.PathFilter) ([]*graph.Relation, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	from, to, maxHops := g.resolve(f.From), g.resolve(f.To), f.MaxHops
	prev := map[string]*graph.Relation{from: nil}
	frontier := []string{from}
	for hop := 0; hop < maxHops && len(frontier) > 0; hop++ {
		var next []string
		for _, id := range frontier {
			for _, r := range g.relations {
				if !f.Follows(r.Predicate) {
					continue
				}
				other := ""
				if r.Subject == id {
					other = r.Object
				} else if r.Object == id {
					other = r.Subject
				}
				if _, seen := prev[other]; other == "" || seen {
					continue
				}
				prev[other] = r
				if other == to {
					var path []*graph.Relation
					for at := to; at != from; {
						r := prev[at]
						path = append([]*graph.Relation{r}, path...)
						if r.Subject == at {
							at = r.Object
						} else {
							at = r.Subject
						}
					}
					return path, nil
				}
				next = append(next, other)
			}
		}
		frontier = next
	}
	return nil, nil
}

// FigureService, EventService, QuoteService, StatsService.

func (g *memGraph) Figures(ctx context.Context, f graph.FigureFilter) (graph.List[*graph.Figure], error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Figure
	for _, x := range g.figures {
		if f.Measure != "" && x.Measure != f.Measure || f.About != "" && x.About != f.About || f.Place != "" && x.Place != f.Place ||
			f.Entity != "" && x.About != f.Entity && x.Place != f.Entity {
			continue
		}
		out = append(out, x)
	}
	return paginate(out, func(x *graph.Figure) string { return x.ID }, f.Page)
}

func (g *memGraph) FigureTotals(ctx context.Context, measure, place string) ([]*graph.FigureTotal, error) {
	out := []*graph.FigureTotal{}
	for _, t := range graph.TotalTallies(g.tallies(graph.TallyFilter{Measure: measure, Place: place}), nil) {
		if place == "" || t.Place == place {
			out = append(out, t)
		}
	}
	return out, nil
}

// tallies reconciles the figures' tallies that f matches.
func (g *memGraph) tallies(f graph.TallyFilter) []*graph.Tally {
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Tally
	for _, t := range graph.TallyFigures(g.figures) {
		if f.Match(t) {
			out = append(out, t)
		}
	}
	return out
}

func (g *memGraph) Tallies(ctx context.Context, f graph.TallyFilter) (graph.List[*graph.Tally], error) {
	return paginate(g.tallies(f), func(t *graph.Tally) string { return t.ID }, f.Page)
}

func (g *memGraph) TallyReports(ctx context.Context, id string, pg graph.Page) (graph.List[*graph.Report], error) {
	for _, t := range g.tallies(graph.TallyFilter{}) {
		if t.ID == id {
			l := graph.List[*graph.Report]{TotalCount: len(t.Reports)}
			started := pg.After == ""
			for i := range t.Reports {
				r := &t.Reports[i]
				switch {
				case !started:
					started = r.Figure == pg.After
				case len(l.Items) == pg.Limit(100):
					l.HasNextPage = true
					return l, nil
				default:
					l.Items, l.Cursors = append(l.Items, r), append(l.Cursors, r.Figure)
				}
			}
			return l, nil
		}
	}
	return graph.List[*graph.Report]{}, graph.Errorf(graph.ENOTFOUND, "tally %q not found", id)
}

func (g *memGraph) Events(ctx context.Context, f graph.EventFilter) (graph.List[*graph.EventFact], error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.EventFact
	for _, e := range g.events {
		if f.Kind != "" && e.Kind != f.Kind || f.Place != "" && e.Place != f.Place ||
			f.Participant != "" && !contains(e.Participants, g.resolve(f.Participant)) {
			continue
		}
		out = append(out, e)
	}
	return paginate(out, func(e *graph.EventFact) string { return e.ID }, f.Page)
}

func (g *memGraph) Quotes(ctx context.Context, f graph.QuoteFilter) (graph.List[*graph.Quote], error) {
	if g.panicNow.Load() {
		var m map[string]int
		m["boom"]++ // a nil-map write: a bug in a service
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []*graph.Quote
	for _, q := range g.quotes {
		if f.Speaker == "" || q.Speaker == g.resolve(f.Speaker) {
			out = append(out, q)
		}
	}
	return paginate(out, func(q *graph.Quote) string { return q.ID }, f.Page)
}

func (g *memGraph) Stats(ctx context.Context) (graph.Stats, error) {
	if err := g.failure(); err != nil {
		return graph.Stats{}, err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	s := graph.Stats{Documents: len(g.docs), Entities: len(g.entities), Relations: len(g.relations),
		Figures: len(g.figures), Events: len(g.events), Quotes: len(g.quotes), ByType: map[graph.EntityType]int{}}
	for id, e := range g.entities {
		s.ByType[e.Type]++
		s.Mentions += len(g.mentions[id])
	}
	return s, nil
}

// Ingester: stores what the fake extractor found, replacing a document's
// earlier facts is not modelled beyond counting.
func (g *memGraph) Ingest(ctx context.Context, xs []*graph.Extraction) (graph.IngestResult, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var r graph.IngestResult
	for _, x := range xs {
		old := g.docs[x.Document.ID]
		switch {
		case old == nil:
			r.Added++
		case old.Text == x.Document.Text:
			r.Unchanged++
			continue
		default:
			r.Replaced++
		}
		d := x.Document
		g.docs[d.ID] = &d
		for _, e := range x.Entities {
			id := g.resolve(e.ID)
			if cur := g.entities[id]; cur != nil {
				c := *cur
				c.MentionCount += len(e.Mentions)
				g.entities[id] = &c
			} else {
				c := *e
				c.Mentions = nil
				g.entities[id] = &c
			}
			g.mentions[id] = append(g.mentions[id], e.Mentions...)
		}
		g.relations = append(g.relations, x.Relations...)
	}
	return r, nil
}

// wordExtractor is a fake extractor: every capitalized word is an entity of
// type other.
type wordExtractor struct{}

func (wordExtractor) Extract(ctx context.Context, doc graph.Document) (*graph.Extraction, error) {
	x := &graph.Extraction{Document: doc}
	byID := map[string]*graph.Entity{}
	rs := []rune(doc.Text)
	for i := 0; i < len(rs); {
		if rs[i] < 'A' || rs[i] > 'Z' {
			i++
			continue
		}
		j := i
		for j < len(rs) && (rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] >= 'a' && rs[j] <= 'z') {
			j++
		}
		name := string(rs[i:j])
		id := string(graph.Other) + "/" + strings.ReplaceAll(nameKey(name), " ", "-")
		e := byID[id]
		if e == nil {
			e = &graph.Entity{ID: id, Type: graph.Other, Name: name}
			byID[id] = e
			x.Entities = append(x.Entities, e)
		}
		e.Mentions = append(e.Mentions, graph.Mention{Document: doc.ID, Entity: id, Start: i, End: j, Text: name})
		e.MentionCount = len(e.Mentions)
		i = j
	}
	return x, nil
}

// nameKeys memoizes graph.NameKey, standing in for a store's name index.
var (
	nameKeyMu sync.Mutex
	nameKeys  = map[string]string{}
)

func nameKey(s string) string {
	nameKeyMu.Lock()
	defer nameKeyMu.Unlock()
	k, ok := nameKeys[s]
	if !ok {
		k = graph.NameKey(s)
		nameKeys[s] = k
	}
	return k
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Dump implements graph.Dumper for DumpFilter.Documents only, as far as
// Document.entities needs: documents, then their entities with the count
// of their mentions in those documents, then mentions.
func (g *memGraph) Dump(ctx context.Context, f graph.DumpFilter, fn func(*graph.Record) error) error {
	g.mu.RLock()
	defer g.mu.RUnlock()
	for _, id := range f.Documents {
		if d := g.docs[id]; d != nil {
			if err := fn(&graph.Record{Kind: graph.RecordDocument, Document: d}); err != nil {
				return err
			}
		}
	}
	var ids []string
	for id := range g.entities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var ms []graph.Mention
	for _, id := range ids {
		n := 0
		for _, m := range g.mentions[id] {
			if contains(f.Documents, m.Document) {
				n++
				ms = append(ms, m)
			}
		}
		if n > 0 {
			e := *g.entities[id]
			e.MentionCount = n
			if err := fn(&graph.Record{Kind: graph.RecordEntity, Entity: &e}); err != nil {
				return err
			}
		}
	}
	for i := range ms {
		if err := fn(&graph.Record{Kind: graph.RecordMention, Mention: &ms[i]}); err != nil {
			return err
		}
	}
	return g.dumpFacts(f, fn)
}

// dumpFacts emits, as the store's dump does, the relations, figures,
// events and quotes the documents of f support, relations and events with
// the evidence of those documents only.
func (g *memGraph) dumpFacts(f graph.DumpFilter, fn func(*graph.Record) error) error {
	inDocs := func(ev []graph.Mention) []graph.Mention {
		var out []graph.Mention
		for _, m := range ev {
			if contains(f.Documents, m.Document) {
				out = append(out, m)
			}
		}
		return out
	}
	var rs []*graph.Record
	for _, r := range g.relations {
		if ev := inDocs(r.Evidence); len(ev) > 0 {
			x := *r
			x.Evidence, x.Weight = ev, len(ev)
			rs = append(rs, &graph.Record{Kind: graph.RecordRelation, Relation: &x})
		}
	}
	for _, x := range g.figures {
		if contains(f.Documents, x.Evidence.Document) {
			rs = append(rs, &graph.Record{Kind: graph.RecordFigure, Figure: x})
		}
	}
	for _, e := range g.events {
		if ev := inDocs(e.Evidence); len(ev) > 0 {
			x := *e
			x.Evidence = ev
			rs = append(rs, &graph.Record{Kind: graph.RecordEvent, Event: &x})
		}
	}
	for _, q := range g.quotes {
		if contains(f.Documents, q.Evidence.Document) {
			rs = append(rs, &graph.Record{Kind: graph.RecordQuote, Quote: q})
		}
	}
	for _, r := range rs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Vocabulary counts the predicates, measures, kinds and types in use.
func (g *memGraph) Vocabulary(ctx context.Context) (graph.Vocabulary, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	count := func(terms []string) []graph.TermCount {
		n := map[string]int{}
		for _, t := range terms {
			n[t]++
		}
		out := []graph.TermCount{}
		for t, c := range n {
			out = append(out, graph.TermCount{Term: t, Count: c})
		}
		graph.SortTerms(out)
		return out
	}
	var preds, measures, kinds, types []string
	for _, r := range g.relations {
		preds = append(preds, r.Predicate)
	}
	for _, f := range g.figures {
		measures = append(measures, f.Measure)
	}
	for _, e := range g.events {
		kinds = append(kinds, e.Kind)
	}
	for _, e := range g.entities {
		types = append(types, string(e.Type))
	}
	return graph.Vocabulary{Predicates: count(preds), Measures: count(measures), EventKinds: count(kinds), EntityTypes: count(types)}, nil
}
