package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// A served store: while `factgraph serve` holds a store, Badger's lock
// keeps every other process out of it, so `stats` and `export` ask the
// server instead. The server writes its address into the store directory
// (serverFile) and serves GET /stats and GET /export; the commands read
// the address when the store is in use and go through HTTP.

// serverFile is the file in the store directory that holds the address of
// the server serving it, while it runs.
const serverFile = "SERVER"

// writeServerFile records url as the address of the server of the store
// at dir, and returns the function that removes it.
func writeServerFile(dir, url string) (remove func(), err error) {
	path := filepath.Join(dir, serverFile)
	if err := os.WriteFile(path, []byte(url+"\n"), 0o644); err != nil {
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// servingURL returns the address of the server holding the store at dir,
// or "" if none is recorded.
func servingURL(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, serverFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// statsHandler serves GET /stats: the store's counts as JSON, as
// `factgraph stats --json` prints them.
func statsHandler(s graph.StatsService) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", http.MethodGet)
			httpError(w, http.StatusMethodNotAllowed, "use GET")
			return
		}
		st, err := s.Stats(r.Context())
		if err != nil {
			httpError(w, http.StatusInternalServerError, "cannot read the store's counts")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(st)
	})
}

// exportHandler serves GET /export?format=F, with the filters of
// `factgraph export` as parameters (type, since, doc, each repeatable
// where the flag is, and dgraph=true), streaming the dump from one
// snapshot of the store while queries and writes go on. One export runs
// at a time; another gets 503.
type exportHandler struct {
	dumper graph.Dumper
	docs   graph.DocumentService
	stats  graph.StatsService
	getenv func(string) string // for $SOURCE_DATE_EPOCH (dumpProvenance)
	log    *slog.Logger
	busy   chan struct{} // holds a token while an export runs
}

// servedStore is what the export handler reads of the store.
type servedStore interface {
	graph.Dumper
	graph.DocumentService
	graph.StatsService
}

func newExportHandler(db servedStore, getenv func(string) string, log *slog.Logger) *exportHandler {
	return &exportHandler{dumper: db, docs: db, stats: db, getenv: getenv, log: log, busy: make(chan struct{}, 1)}
}

// exportContentTypes are the media types of the formats served.
var exportContentTypes = map[export.Format]string{
	export.NQuads:  "application/n-quads",
	export.JSONLD:  "application/ld+json",
	export.GraphML: "application/graphml+xml",
	export.JSONL:   "application/x-ndjson",
}

func (h *exportHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		httpError(w, http.StatusMethodNotAllowed, "use GET")
		return
	}
	q := r.URL.Query()
	f, err := export.ParseFormat(q.Get("format"))
	if err != nil {
		httpError(w, http.StatusBadRequest, graph.ErrorMessage(err))
		return
	}
	if f == export.CSV {
		httpError(w, http.StatusBadRequest, "csv is two files (nodes.csv, relationships.csv): export it with factgraph export --format csv --out DIR")
		return
	}
	dgraph := q.Get("dgraph") == "true"
	if dgraph && f != export.NQuads {
		httpError(w, http.StatusBadRequest, "dgraph applies to format nquads only")
		return
	}
	filter, err := exportFilter(exportList(q["type"]).split(), q.Get("since"), q["doc"])
	if err != nil {
		httpError(w, http.StatusBadRequest, strings.TrimPrefix(graph.ErrorMessage(err), "export: "))
		return
	}
	if err := checkDocs(r.Context(), h.docs, filter.Documents); graph.ErrorCode(err) == graph.ENOTFOUND {
		httpError(w, http.StatusNotFound, graph.ErrorMessage(err))
		return
	} else if err != nil {
		httpError(w, http.StatusInternalServerError, "cannot read the store")
		return
	}
	select {
	case h.busy <- struct{}{}:
		defer func() { <-h.busy }()
	default:
		w.Header().Set("Retry-After", "10")
		httpError(w, http.StatusServiceUnavailable, "another export is running; retry when it is done")
		return
	}
	// A dump of a large store takes longer than the server's write
	// timeout, which is meant for queries.
	http.NewResponseController(w).SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", exportContentTypes[f])
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "factgraph."+string(f)))
	// The counts of the provenance and the dump are read from one
	// snapshot.
	ctx := r.Context()
	if s, ok := h.dumper.(graph.Snapshotter); ok {
		var release func()
		ctx, release = s.Snapshot(ctx)
		defer release()
	}
	strip := stripFromQuery(q)
	prov, err := dumpProvenance(ctx, h.getenv, h.stats, filter, strip)
	if err != nil {
		h.log.Error("export failed", "format", f, "err", err)
		httpError(w, http.StatusInternalServerError, "cannot read the store's counts")
		return
	}
	enc := newEncoder(f, w, dgraph)
	export.Describe(enc, prov)
	enc = export.Stripped(enc, strip)
	start := time.Now()
	if err := export.Export(ctx, h.dumper, filter, enc); err != nil {
		// The status is sent: end the response without its last chunk,
		// so that the client sees a broken transfer, not a short dump.
		h.log.Error("export failed", "format", f, "err", err)
		panic(http.ErrAbortHandler)
	}
	h.log.Info("export", "format", f, "seconds", time.Since(start).Seconds())
}

// stripQuery adds to q the parameters of /export that ask for s.
func stripQuery(q url.Values, s export.Strip) {
	if s.Predicates != nil {
		q["predicates"] = s.Predicates
	}
	if len(s.ExcludePredicates) > 0 {
		q["exclude_predicates"] = s.ExcludePredicates
	}
	if s.NoText {
		q.Set("no_text", "true")
	}
	if s.NoMentions {
		q.Set("no_mentions", "true")
	}
}

// stripFromQuery reads what /export's parameters leave out; lists may be
// repeated or comma-separated, as the CLI's flags.
func stripFromQuery(q url.Values) export.Strip {
	return export.Strip{
		Predicates:        exportList(q["predicates"]).split(),
		ExcludePredicates: exportList(q["exclude_predicates"]).split(),
		NoText:            q.Get("no_text") == "true",
		NoMentions:        q.Get("no_mentions") == "true",
	}
}

// httpError writes a JSON error body, as the GraphQL endpoint does.
func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// fromServer fetches path (with query q) from the server at base, the
// address a store's serverFile records.
func fromServer(ctx context.Context, base, path string, q url.Values) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, graph.Errorf(graph.ECONFLICT, "store is in use by a server at %q, an address that cannot be asked: %v", base, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, graph.Errorf(graph.ECONFLICT, "store is in use by the server at %s, which does not answer: %v", base, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		var body struct{ Error string }
		json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&body)
		code := graph.EINTERNAL
		switch resp.StatusCode {
		case http.StatusBadRequest:
			code = graph.EINVALID
		case http.StatusNotFound:
			code = graph.ENOTFOUND
		case http.StatusServiceUnavailable:
			code = graph.ECONFLICT
		}
		return nil, graph.Errorf(code, "the server at %s: %s", base, body.Error)
	}
	return resp.Body, nil
}
