package schema

import (
	"context"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// loader batches the entity and document loads of one request. Resolvers
// ask for an ID and get a thunk; graphql-go runs thunks breadth first, after
// every field of the current level has been resolved, so the first thunk
// that runs finds every ID of its level pending and loads them with one
// EntitiesByID (or Documents) call. Results are kept for the rest of the
// request, so an entity that appears many times is loaded once.
//
// graphql-go resolves one request on one goroutine; the mutex only guards
// against a resolver still running after the request timed out.
type loader struct {
	ctx  context.Context
	ents graph.EntityService
	docs graph.DocumentService
	figs graph.FigureService

	mu          sync.Mutex
	entity      map[string]*graph.Entity // nil value: known not to exist
	pendingEnts []string
	document    map[string]*graph.Document
	pendingDocs []string
	head        map[string]*graph.Document // documents read without their text
	pendingHead []string
	runes       map[string][]rune // document texts as code points, for Mention.sentence
	reports     map[reportsKey]graph.List[*graph.Report]
	pendingReps []reportsKey

	// calls counts the batch loads, for tests.
	entityCalls, documentCalls, reportCalls int

	// The loader also carries the rest of the request's state:
	authorized bool        // whether the request carried the right token
	report     func(error) // logs an internal error
}

// authorized returns an UNAUTHENTICATED error unless the request carried
// the server's token. The HTTP layer checks it before executing a mutation;
// mutation resolvers check again, so that no other path can skip it.
func authorized(ctx context.Context) error {
	if l := loaderFrom(ctx); l != nil && l.authorized {
		return nil
	}
	return &apiError{code: CodeUnauthenticated, message: "This operation needs a valid bearer token."}
}

// report logs an internal error of the request in ctx.
func report(ctx context.Context, err error) {
	if l := loaderFrom(ctx); l != nil && l.report != nil {
		l.report(err)
	}
}

func newLoader(ctx context.Context, ents graph.EntityService, docs graph.DocumentService, figs graph.FigureService) *loader {
	return &loader{
		ctx: ctx, ents: ents, docs: docs, figs: figs,
		entity:   make(map[string]*graph.Entity),
		document: make(map[string]*graph.Document),
		head:     make(map[string]*graph.Document),
		runes:    make(map[string][]rune),
		reports:  make(map[reportsKey]graph.List[*graph.Report]),
	}
}

type loaderKey struct{}

func withLoader(ctx context.Context, l *loader) context.Context {
	return context.WithValue(ctx, loaderKey{}, l)
}

func loaderFrom(ctx context.Context) *loader {
	l, _ := ctx.Value(loaderKey{}).(*loader)
	return l
}

// reqCtx returns the request's context, with its deadline, for service
// calls. graphql-go is given a context without cancellation, so that its
// executor goroutine always runs to the end before the request returns
// (see Server.serveGraphQL); resolvers must use this one instead.
func reqCtx(ctx context.Context) context.Context {
	if l := loaderFrom(ctx); l != nil {
		return l.ctx
	}
	return ctx
}

// prime records entities that a resolver loaded by other means.
func (l *loader) prime(es ...*graph.Entity) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range es {
		if e != nil {
			l.entity[e.ID] = e
		}
	}
}

// thunk is the deferred value graphql-go resolves after the current level.
type thunk = func() (any, error)

// Entity returns the entity id as a resolver's value: the entity itself
// if it is loaded already (nil if it is known not to exist, or id is
// empty), or else a thunk that yields it (or nil) from the level's batch.
// A value that needs no thunk costs graphql-go no deferred completion.
func (l *loader) Entity(id string) any {
	if id == "" {
		return nil
	}
	l.mu.Lock()
	e, known := l.entity[id]
	if !known {
		l.pendingEnts = append(l.pendingEnts, id)
	}
	l.mu.Unlock()
	if known {
		if e == nil {
			return nil
		}
		return e
	}
	return func() (any, error) {
		es, err := l.loadEntities([]string{id})
		if err != nil || es[0] == nil {
			return nil, err
		}
		return es[0], nil
	}
}

// Entities returns several entities, skipping missing ones: directly if
// all are loaded already, or else as a thunk.
func (l *loader) Entities(ids []string) any {
	l.mu.Lock()
	known := make([]*graph.Entity, 0, len(ids))
	for _, id := range ids {
		e, ok := l.entity[id]
		if !ok && id != "" {
			known = nil
			break
		}
		if e != nil {
			known = append(known, e)
		}
	}
	l.mu.Unlock()
	if known != nil {
		return known
	}
	l.enqueueEntities(ids...)
	return func() (any, error) {
		es, err := l.loadEntities(ids)
		if err != nil {
			return nil, err
		}
		out := make([]*graph.Entity, 0, len(es))
		for _, e := range es {
			if e != nil {
				out = append(out, e)
			}
		}
		return out, nil
	}
}

func (l *loader) enqueueEntities(ids ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if _, ok := l.entity[id]; !ok && id != "" {
			l.pendingEnts = append(l.pendingEnts, id)
		}
	}
}

// loadEntities returns the entities of ids, loading every pending ID in one
// batch if any of ids is not known yet.
func (l *loader) loadEntities(ids []string) ([]*graph.Entity, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	missing := false
	for _, id := range ids {
		if _, ok := l.entity[id]; !ok {
			missing = true
			break
		}
	}
	if missing {
		batch := dedupe(append(l.pendingEnts, ids...), func(id string) bool {
			_, ok := l.entity[id]
			return !ok && id != ""
		})
		l.pendingEnts = l.pendingEnts[:0]
		for len(batch) > 0 {
			n := min(len(batch), graph.MaxPageSize)
			es, err := l.ents.EntitiesByID(l.ctx, batch[:n])
			l.entityCalls++
			if err != nil {
				return nil, err
			}
			for i, id := range batch[:n] {
				if i < len(es) {
					l.entity[id] = es[i]
				} else {
					l.entity[id] = nil
				}
			}
			batch = batch[n:]
		}
	}
	out := make([]*graph.Entity, len(ids))
	for i, id := range ids {
		out[i] = l.entity[id]
	}
	return out, nil
}

// DocumentValue returns the document id as a resolver's value: the
// document if it is loaded already (nil if known not to exist), or else a
// thunk, as Entity does.
func (l *loader) DocumentValue(id string) any {
	l.mu.Lock()
	d, known := l.document[id]
	l.mu.Unlock()
	switch {
	case known && d == nil, id == "":
		return nil
	case known:
		return d
	}
	return l.Document(id)
}

// Document returns a thunk for the document id; it yields nil if there is
// no such document.
func (l *loader) Document(id string) thunk {
	l.mu.Lock()
	if _, ok := l.document[id]; !ok && id != "" {
		l.pendingDocs = append(l.pendingDocs, id)
	}
	l.mu.Unlock()
	return func() (any, error) {
		d, err := l.loadDocument(id)
		if err != nil || d == nil {
			return nil, err
		}
		return d, nil
	}
}

// loadDocument returns one document, loading every pending one in a batch.
func (l *loader) loadDocument(id string) (*graph.Document, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d, ok := l.document[id]; ok || id == "" {
		return d, nil
	}
	batch := dedupe(append(l.pendingDocs, id), func(id string) bool {
		_, ok := l.document[id]
		return !ok && id != ""
	})
	l.pendingDocs = l.pendingDocs[:0]
	for len(batch) > 0 {
		n := min(len(batch), graph.MaxPageSize)
		list, err := l.docs.Documents(l.ctx, graph.DocumentFilter{IDs: batch[:n], Page: graph.Page{First: n}})
		l.documentCalls++
		if err != nil {
			return nil, err
		}
		for _, id := range batch[:n] {
			l.document[id] = nil
		}
		for _, d := range list.Items {
			l.document[d.ID] = d
		}
		batch = batch[n:]
	}
	return l.document[id], nil
}

// DocumentHeadReader is implemented by stores that read documents without
// their text. A mention's and a report's document come from it, when the
// DocumentService has it, so that a page of 200 reports with their
// documents' titles does not copy 200 texts; Document.text then reads the
// whole document.
type DocumentHeadReader interface {
	// DocumentHeads returns the documents of ids with an empty Text, in
	// the order of ids, nil for an ID that names no document.
	DocumentHeads(ctx context.Context, ids []string) ([]*graph.Document, error)
}

// DocumentHeadValue returns the document id as DocumentValue does, but
// read without its text where the store can, unless the whole document is
// loaded already.
func (l *loader) DocumentHeadValue(id string) any {
	reader, ok := l.docs.(DocumentHeadReader)
	if !ok || id == "" {
		return l.DocumentValue(id)
	}
	l.mu.Lock()
	d, full := l.document[id]
	h, known := l.head[id]
	if !full && !known {
		l.pendingHead = append(l.pendingHead, id)
	}
	l.mu.Unlock()
	switch {
	case full && d != nil:
		return d
	case known && h != nil:
		return h
	case full || known:
		return nil
	}
	return thunk(func() (any, error) {
		h, err := l.loadHead(reader, id)
		if err != nil || h == nil {
			return nil, err
		}
		return h, nil
	})
}

// loadHead returns the head of one document, reading every pending one
// in a batch.
func (l *loader) loadHead(reader DocumentHeadReader, id string) (*graph.Document, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d, ok := l.head[id]; ok {
		return d, nil
	}
	batch := dedupe(append(l.pendingHead, id), func(id string) bool {
		_, ok := l.head[id]
		return !ok
	})
	l.pendingHead = l.pendingHead[:0]
	docs, err := reader.DocumentHeads(l.ctx, batch)
	l.documentCalls++
	if err != nil {
		return nil, err
	}
	for i, id := range batch {
		l.head[id] = docs[i]
	}
	return l.head[id], nil
}

// text returns the text of d as code points, converted once per request
// however many mentions of d need their sentence.
func (l *loader) text(d *graph.Document) []rune {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.runes[d.ID]
	if !ok {
		r = []rune(d.Text)
		l.runes[d.ID] = r
	}
	return r
}

// dedupe returns the distinct elements of ids that keep accepts, in order.
func dedupe(ids []string, keep func(string) bool) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] && keep(id) {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// reportsKey names a page of a tally's reports.
type reportsKey struct {
	id string
	pg graph.Page
}

// TallyReportPager is implemented by stores that read the report pages of
// several tallies at once. Tally.reports uses it, when the FigureService
// has it, to read the pages of a level's tallies in one call, and
// otherwise reads them one tally at a time.
type TallyReportPager interface {
	// TallyReportPages returns the page pg of the reports of each tally
	// of ids; a tally with no reports gives an empty page.
	TallyReportPages(ctx context.Context, ids []string, pg graph.Page) ([]graph.List[*graph.Report], error)
}

// TallyReports returns a thunk for the page pg of the reports of tally
// id, read in one batch with the other pages the level asks for.
func (l *loader) TallyReports(id string, pg graph.Page) func() (graph.List[*graph.Report], error) {
	k := reportsKey{id, pg}
	l.mu.Lock()
	if _, ok := l.reports[k]; !ok {
		l.pendingReps = append(l.pendingReps, k)
	}
	l.mu.Unlock()
	return func() (graph.List[*graph.Report], error) { return l.loadReports(k) }
}

// loadReports returns the page k, loading every pending page with the
// same page arguments in one call if k is not known yet.
func (l *loader) loadReports(k reportsKey) (graph.List[*graph.Report], error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.reports[k]; ok {
		return r, nil
	}
	pager, ok := l.figs.(TallyReportPager)
	if !ok {
		r, err := l.figs.TallyReports(l.ctx, k.id, k.pg)
		l.reportCalls++
		if err == nil {
			l.reports[k] = r
		}
		return r, err
	}
	var ids []string
	seen := map[string]bool{}
	rest := l.pendingReps[:0]
	for _, p := range append(l.pendingReps, k) {
		_, done := l.reports[p]
		switch {
		case done || seen[p.id] && p.pg == k.pg:
		case p.pg == k.pg:
			seen[p.id] = true
			ids = append(ids, p.id)
		default:
			rest = append(rest, p)
		}
	}
	l.pendingReps = rest
	ls, err := pager.TallyReportPages(l.ctx, ids, k.pg)
	l.reportCalls++
	if err != nil {
		return graph.List[*graph.Report]{}, err
	}
	for i, id := range ids {
		l.reports[reportsKey{id, k.pg}] = ls[i]
	}
	return l.reports[k], nil
}
