package schema

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
)

// Services are the graph services the API reads and changes. Ingester and
// Extractor may be nil, which disables the ingest mutation; Dumper is
// optional (see DocumentEntityLister); so is Snapshots, which makes every
// query read one consistent state of the store.
type Services struct {
	Documents graph.DocumentService
	Entities  graph.EntityService
	Relations graph.RelationService
	Figures   graph.FigureService
	Events    graph.EventService
	Quotes    graph.QuoteService
	Stats     graph.StatsService
	Ingester  graph.Ingester
	Extractor graph.Extractor
	Dumper    graph.Dumper
	Snapshots graph.Snapshotter
}

func (s *Services) validate() error {
	switch {
	case s.Documents == nil, s.Entities == nil, s.Relations == nil, s.Figures == nil,
		s.Events == nil, s.Quotes == nil, s.Stats == nil:
		return graph.Errorf(graph.EINVALID, "schema: every read service is required")
	}
	return nil
}

// Config holds the server's settings. Zero fields take the defaults of
// DefaultConfig.
type Config struct {
	// Token is the bearer token mutations need. Empty disables mutations.
	Token string

	MaxDepth           int           // deepest field nesting, fragments expanded (12)
	MaxCost            int           // largest estimated response size (50000); see costOf
	MaxFirst           int           // largest `first` (1000)
	MaxBodyBytes       int64         // largest request body or GET query (1 MiB)
	MaxAliases         int           // most aliased fields in a query (30)
	MaxRootFields      int           // most root fields in an operation (16)
	MaxFields          int           // most fields with fragments expanded (1000)
	MaxHops            int           // largest `maxHops` of path (6)
	MaxIngestDocuments int           // most documents in one ingest mutation (100)
	Timeout            time.Duration // time a request may take (10s)
	BodyTimeout        time.Duration // time a client may take to send its request body (5s)
	MaxConcurrent      int           // requests executed at once; more get 503 (64)
	CacheSize          int           // prepared queries kept (512)
	// ResultCacheBytes bounds the cache of query responses (64 MiB);
	// negative disables it. See Server.Invalidate.
	ResultCacheBytes int64

	// DisableFastExecutor runs every query on graphql-go's executor
	// rather than the fast executor (see fastexec.go); for comparison.
	DisableFastExecutor bool

	// Logger receives internal errors; nil discards them.
	Logger *slog.Logger
}

// DefaultConfig returns the default limits.
func DefaultConfig() Config {
	return Config{
		MaxDepth: 12, MaxCost: 50000, MaxFirst: graph.MaxPageSize, MaxBodyBytes: 1 << 20,
		MaxAliases: 30, MaxRootFields: 16, MaxFields: 1000, MaxHops: 6, MaxIngestDocuments: 100,
		Timeout: 10 * time.Second, BodyTimeout: 5 * time.Second, MaxConcurrent: 64, CacheSize: 512, ResultCacheBytes: 64 << 20,
	}
}

func (c *Config) withDefaults() {
	d := DefaultConfig()
	setInt := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	setInt(&c.MaxDepth, d.MaxDepth)
	setInt(&c.MaxCost, d.MaxCost)
	setInt(&c.MaxFirst, d.MaxFirst)
	setInt(&c.MaxAliases, d.MaxAliases)
	setInt(&c.MaxRootFields, d.MaxRootFields)
	setInt(&c.MaxFields, d.MaxFields)
	setInt(&c.MaxHops, d.MaxHops)
	setInt(&c.MaxIngestDocuments, d.MaxIngestDocuments)
	setInt(&c.MaxConcurrent, d.MaxConcurrent)
	setInt(&c.CacheSize, d.CacheSize)
	c.MaxFirst = min(c.MaxFirst, graph.MaxPageSize)
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = d.MaxBodyBytes
	}
	if c.BodyTimeout <= 0 {
		c.BodyTimeout = d.BodyTimeout
	}
	if c.ResultCacheBytes == 0 {
		c.ResultCacheBytes = d.ResultCacheBytes
	}
	if c.Timeout <= 0 {
		c.Timeout = d.Timeout
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Server serves the GraphQL API, GraphiQL, health and metrics over HTTP.
type Server struct {
	svc     Services
	cfg     Config
	schema  graphql.Schema
	cache   *queryCache
	results *resultCache
	sem     chan struct{}
	metrics *metrics
	token   [sha256.Size]byte
	mux     *http.ServeMux
}

// maxCachedQuery is the longest query text the cache keeps, so that its
// memory stays bounded by CacheSize small queries.
const maxCachedQuery = 64 << 10

// New builds the schema over svc and returns a server with cfg's limits.
func New(svc Services, cfg Config) (*Server, error) {
	if err := svc.validate(); err != nil {
		return nil, err
	}
	cfg.withDefaults()
	b := &builder{svc: svc, cfg: &cfg}
	sch, err := b.build()
	if err != nil {
		return nil, err
	}
	s := &Server{
		svc: svc, cfg: cfg, schema: sch,
		cache:   newQueryCache(cfg.CacheSize),
		results: newResultCache(cfg.ResultCacheBytes),
		sem:     make(chan struct{}, cfg.MaxConcurrent),
		token:   sha256.Sum256([]byte(cfg.Token)),
	}
	s.metrics = newMetrics(svc.Stats, s.cache)
	s.mux = http.NewServeMux()
	s.Mount(s.mux)
	return s, nil
}

// Mount registers the server's endpoints on mux: /graphql, /graphiql (and
// its assets under /graphiql/), /healthz and /metrics.
func (s *Server) Mount(mux *http.ServeMux) {
	mux.HandleFunc("/graphql", s.serveGraphQL)
	mux.HandleFunc("/graphiql", s.serveGraphiQL)
	mux.HandleFunc("/graphiql/", s.serveGraphiQLAsset)
	mux.HandleFunc("/healthz", s.serveHealth)
	mux.Handle("/metrics", s.metrics.handler())
}

// Invalidate empties the cache of query responses. Mutations do it
// themselves; call it after changing the graph by other means while the
// server runs.
func (s *Server) Invalidate() { s.results.invalidate() }

// ServeHTTP serves the endpoints of Mount, and 404 for anything else.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// request is a GraphQL request, from a POST body or GET parameters.
type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// requestError is a request rejected before execution.
type requestError struct {
	status int
	errs   []responseError
}

func reject(status int, err *apiError) *requestError {
	return &requestError{status: status, errs: []responseError{err.response()}}
}

// response is the JSON body of every /graphql reply. Data is present (if
// null) once execution started, and absent for a request rejected before.
type response struct {
	Data     any
	executed bool
	Errors   []responseError
}

// encode encodes the response with the fast result encoder, into a
// buffer of at least sizeHint bytes.
func (r *response) encode(sizeHint int) []byte {
	b := make([]byte, 0, max(sizeHint, 1024))
	b = append(b, '{')
	if r.executed {
		b = append(b, `"data":`...)
		b = appendValue(b, r.Data)
	}
	if len(r.Errors) > 0 {
		if r.executed {
			b = append(b, ',')
		}
		errs, err := json.Marshal(r.Errors)
		if err != nil {
			errs = []byte(`[{"message":"Internal error.","extensions":{"code":"INTERNAL"}}]`)
		}
		b = append(b, `"errors":`...)
		b = append(b, errs...)
	}
	return append(b, '}')
}

func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	opName, code := "unknown", "OK"
	defer func() { s.metrics.observe(opName, code, time.Since(start)) }()
	fail := func(rerr *requestError) {
		code = rerr.errs[0].Extensions["code"].(string)
		writeBody(w, rerr.status, (&response{Errors: rerr.errs}).encode(0))
	}

	// The body is read before a slot is taken, under its own deadline,
	// so that clients sending slowly hold no slot that fast ones need.
	raw, rerr := s.readRaw(w, r)
	if rerr != nil {
		fail(rerr)
		return
	}
	select {
	case s.sem <- struct{}{}:
		defer func() { <-s.sem }()
	default:
		w.Header().Set("Retry-After", "1")
		fail(reject(http.StatusServiceUnavailable, limitf("concurrency", "The server is busy (%d requests at once); retry shortly.", s.cfg.MaxConcurrent)))
		return
	}
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()
	// A cached response was produced by an identical request, which
	// passed every check below.
	cacheable := r.Header.Get("Cache-Control") != "no-cache"
	if cacheable {
		if e, ok := s.results.get(raw); ok {
			s.metrics.results.WithLabelValues("hit").Inc()
			opName = e.op
			w.Header().Set("X-Factgraph-Cache", "hit")
			writeBody(w, http.StatusOK, e.body)
			return
		}
	}
	req, rerr := decodeRequest(raw)
	if rerr != nil {
		fail(rerr)
		return
	}
	prep := s.prepare(req.Query)
	if prep.err != nil {
		fail(prep.err)
		return
	}
	op, rerr := operation(prep.doc, req.OperationName)
	if rerr != nil {
		fail(rerr)
		return
	}
	opName = s.metrics.opLabel(op)
	mutation := op.Operation == ast.OperationTypeMutation
	if mutation && r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(reject(http.StatusMethodNotAllowed, invalidf("Mutations must be sent with POST.")))
		return
	}
	if mutation {
		if err := s.authenticate(r); err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="factgraph"`)
			fail(reject(http.StatusUnauthorized, err))
			return
		}
	}
	if err := checkVariables(&s.schema, op, req.Variables); err != nil {
		fail(reject(http.StatusBadRequest, err))
		return
	}
	if _, err := costOf(&s.schema, prep.doc, op, req.Variables, &s.cfg); err != nil {
		fail(reject(http.StatusBadRequest, err))
		return
	}

	gen := s.results.gen.Load()
	if mutation {
		// Responses computed from now on until the mutation ends may see
		// either state; bump the generation again when it ends.
		s.results.invalidate()
		defer s.results.invalidate()
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	if s.svc.Snapshots != nil && !mutation {
		// A query's fields read one state of the store, so that they
		// agree while a writer ingests (stats and totalCount, say). A
		// mutation reads what it has just written.
		var release func()
		ctx, release = s.svc.Snapshots.Snapshot(ctx)
		defer release()
	}
	loader := func() *loader {
		l := newLoader(ctx, s.svc.Entities, s.svc.Documents, s.svc.Figures)
		l.authorized = mutation
		l.report = func(err error) {
			s.cfg.Logger.Error("graphql resolver failed", "operation", opName, "err", err)
		}
		return l
	}
	l := loader()
	// graphql.Execute returns as soon as its context is done, leaving its
	// goroutine to run on; a request could then outlive the concurrency
	// bound, or a shutdown that closes the store under it. So Execute gets
	// a context that is never cancelled, and resolvers take the request's
	// deadline from the loader (reqCtx): a timed-out request ends when its
	// resolvers see the deadline and return.
	resp, res := response{executed: true}, (*graphql.Result)(nil)
	if pl := prep.fast[op]; pl != nil && !s.cfg.DisableFastExecutor {
		// An error sends the request to graphql-go, which reports it.
		reportErr := l.report
		l.report = nil
		data, ok := executeFast(withLoader(ctx, l), &s.schema, pl, op, req.Variables)
		l.report = reportErr
		if ok {
			resp.Data = data
			s.metrics.executor.WithLabelValues("fast").Inc()
		}
	}
	if resp.Data == nil {
		if prep.fast[op] != nil {
			s.metrics.executor.WithLabelValues("fallback").Inc()
			// A fresh loader: graphql-go must not see what the failed
			// plan loaded (or failed to load) and reach another answer.
			l = loader()
		}
		res = graphql.Execute(graphql.ExecuteParams{
			Schema:        s.schema,
			AST:           prep.doc,
			OperationName: req.OperationName,
			Args:          req.Variables,
			Context:       context.WithoutCancel(withLoader(ctx, l)),
		})
		resp.Data = res.Data
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		resp.Errors = []responseError{limitf("timeout", "The request took longer than %s and was cancelled.", s.cfg.Timeout).response()}
	} else if res != nil && len(res.Errors) > 0 {
		resp.Errors = formatErrors(res.Errors, false, l.report)
	}
	// A query's responses tend to be the same size: start its buffer at
	// the size of the last one, so that it need not grow.
	pl := prep.fast[op]
	hint := 0
	if pl != nil {
		hint = int(pl.sizeHint.Load())
	}
	body := resp.encode(hint)
	if pl != nil {
		pl.sizeHint.Store(int64(len(body)))
	}
	if len(resp.Errors) > 0 {
		code, _ = resp.Errors[0].Extensions["code"].(string)
	} else if cacheable && !mutation {
		s.metrics.results.WithLabelValues("miss").Inc()
		s.results.put(raw, opName, body, gen)
	}
	writeBody(w, http.StatusOK, body)
}

// readRaw checks the method, content type and size of a request and
// returns its raw form: the query string of a GET or the body of a POST,
// prefixed with the method. Equal raw forms are equal requests, which is
// what the response cache is keyed by, so that a hit costs no decoding.
func (s *Server) readRaw(w http.ResponseWriter, r *http.Request) (string, *requestError) {
	switch r.Method {
	case http.MethodGet:
		if int64(len(r.URL.RawQuery)) > s.cfg.MaxBodyBytes {
			return "", reject(http.StatusRequestEntityTooLarge, limitf("body", "The query is larger than %d bytes.", s.cfg.MaxBodyBytes))
		}
		return "G" + r.URL.RawQuery, nil
	case http.MethodPost:
		if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/graphql-response+json") {
			return "", reject(http.StatusUnsupportedMediaType, invalidf("POST a JSON body with Content-Type application/json."))
		}
		// A ResponseWriter that cannot set deadlines (a test recorder)
		// reads without one.
		http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return "", reject(http.StatusRequestEntityTooLarge, limitf("body", "The request body is larger than %d bytes.", s.cfg.MaxBodyBytes))
			}
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return "", reject(http.StatusRequestTimeout, limitf("body_timeout", "The request body took longer than %v to arrive.", s.cfg.BodyTimeout))
			}
			return "", reject(http.StatusBadRequest, invalidf("The request body could not be read."))
		}
		return "P" + string(body), nil
	}
	w.Header().Set("Allow", "GET, POST")
	return "", reject(http.StatusMethodNotAllowed, invalidf("Use GET for queries or POST for queries and mutations."))
}

// decodeRequest decodes the raw form of a request.
func decodeRequest(raw string) (*request, *requestError) {
	req := &request{}
	if raw[0] == 'G' {
		q, err := url.ParseQuery(raw[1:])
		if err != nil {
			return nil, reject(http.StatusBadRequest, invalidf("The query string is malformed."))
		}
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				return nil, reject(http.StatusBadRequest, invalidf("The variables parameter is not a JSON object."))
			}
		}
	} else if err := json.Unmarshal([]byte(raw[1:]), req); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			want := "a string"
			if typeErr.Field == "variables" {
				want = "a JSON object (not a string holding one)"
			}
			return nil, reject(http.StatusBadRequest, invalidf("The request's %q must be %s, not a JSON %s.", typeErr.Field, want, typeErr.Value))
		}
		return nil, reject(http.StatusBadRequest, invalidf("The request body is not valid JSON: expected {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}."))
	}
	if strings.TrimSpace(req.Query) == "" {
		return nil, reject(http.StatusBadRequest, invalidf("The request has no query."))
	}
	return req, nil
}

// prepare parses, limits and validates a query text, through the cache.
func (s *Server) prepare(q string) *prepared {
	if p, ok := s.cache.get(q); ok {
		s.metrics.cache.WithLabelValues("hit").Inc()
		return p
	}
	s.metrics.cache.WithLabelValues("miss").Inc()
	p := s.parseAndValidate(q)
	if len(q) <= maxCachedQuery {
		s.cache.put(q, p)
	}
	return p
}

func (s *Server) parseAndValidate(q string) *prepared {
	if n, most := nesting(q), 3*s.cfg.MaxDepth+16; n > most {
		return &prepared{err: reject(http.StatusBadRequest, limitf("depth", "The query nests brackets %d deep; at most %d are allowed.", n, most))}
	}
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(q), Name: "GraphQL request"})})
	if err != nil {
		errs := formatErrors(gqlerrors.FormatErrors(err), true, nil)
		return &prepared{err: &requestError{status: http.StatusBadRequest, errs: errs}}
	}
	if err := staticLimits(doc, &s.cfg); err != nil {
		return &prepared{err: reject(http.StatusBadRequest, err)}
	}
	flattenUntypedFragments(doc)
	if v := graphql.ValidateDocument(&s.schema, doc, nil); !v.IsValid {
		return &prepared{err: &requestError{status: http.StatusBadRequest, errs: formatErrors(v.Errors, true, nil)}}
	}
	p := &prepared{doc: doc}
	for _, def := range doc.Definitions {
		if op, ok := def.(*ast.OperationDefinition); ok {
			if pl := compileOperation(&s.schema, doc, op); pl != nil {
				if p.fast == nil {
					p.fast = make(map[*ast.OperationDefinition]*plan)
				}
				p.fast[op] = pl
			}
		}
	}
	return p
}

// operation picks the operation to run, as graphql-go will.
func operation(doc *ast.Document, name string) (*ast.OperationDefinition, *requestError) {
	var found *ast.OperationDefinition
	n := 0
	for _, def := range doc.Definitions {
		op, ok := def.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		n++
		if name == "" || (op.Name != nil && op.Name.Value == name) {
			found = op
		}
	}
	switch {
	case name == "" && n > 1:
		return nil, reject(http.StatusBadRequest, invalidf("The query has %d operations; say which to run with operationName.", n))
	case found == nil && name != "":
		return nil, reject(http.StatusBadRequest, invalidf("The query has no operation named %q.", name))
	case found == nil:
		return nil, reject(http.StatusBadRequest, invalidf("The query has no operation."))
	}
	return found, nil
}

// authenticate checks the bearer token in constant time.
func (s *Server) authenticate(r *http.Request) *apiError {
	if s.cfg.Token == "" {
		return &apiError{code: CodeUnauthenticated, message: "Mutations are disabled: the server was started without a token."}
	}
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return &apiError{code: CodeUnauthenticated, message: "Mutations need an Authorization: Bearer <token> header."}
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	if subtle.ConstantTimeCompare(sum[:], s.token[:]) != 1 {
		return &apiError{code: CodeUnauthenticated, message: "The bearer token is not valid."}
	}
	return nil
}

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	st, err := s.svc.Stats.Stats(ctx)
	if err != nil {
		s.cfg.Logger.Error("health check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": st.Documents, "entities": st.Entities})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"Internal error.","extensions":{"code":"INTERNAL"}}]}`)
	}
	writeBody(w, status, b)
}

func writeBody(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}
