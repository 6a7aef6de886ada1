package schema

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// maxOperationLabels bounds the distinct operation names in metrics:
// clients choose the names, and each one is a time series.
const maxOperationLabels = 200

// metrics are the server's Prometheus metrics, in a registry of its own
// (no global state, so that tests can run several servers).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inflight prometheus.Gauge
	cache    *prometheus.CounterVec
	results  *prometheus.CounterVec
	executor *prometheus.CounterVec

	mu  sync.Mutex
	ops map[string]bool
}

func newMetrics(stats graph.StatsService, cache *queryCache) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_requests_total",
			Help: "GraphQL requests by operation name and result code (OK or the first error's extensions.code).",
		}, []string{"operation", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "factgraph_graphql_request_duration_seconds",
			Help:    "Time to answer a GraphQL request, by operation name.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"operation"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "factgraph_graphql_requests_in_flight",
			Help: "GraphQL requests being executed.",
		}),
		cache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_query_cache_total",
			Help: "Lookups in the cache of parsed and validated queries, by result (hit or miss).",
		}, []string{"result"}),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_result_cache_total",
			Help: "Lookups of cacheable queries in the cache of responses, by result (hit or miss).",
		}, []string{"result"}),
		executor: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_fast_executions_total",
			Help: "Queries with a compiled plan, by how they ran: fast (the fast executor) or fallback (graphql-go, after the fast executor declined).",
		}, []string{"result"}),
		ops: map[string]bool{},
	}
	m.reg.MustRegister(m.requests, m.duration, m.inflight, m.cache, m.results, m.executor,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "factgraph_graphql_query_cache_entries",
			Help: "Queries in the cache of parsed and validated queries.",
		}, func() float64 { return float64(cache.len()) }),
		&storeCollector{stats: stats})
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *metrics) observe(op, code string, d time.Duration) {
	m.requests.WithLabelValues(op, code).Inc()
	m.duration.WithLabelValues(op).Observe(d.Seconds())
}

// opLabel is the metrics label of an operation: its name, "anonymous", or
// "other" once maxOperationLabels names have been seen.
func (m *metrics) opLabel(op *ast.OperationDefinition) string {
	if op.Name == nil || op.Name.Value == "" {
		return "anonymous"
	}
	name := op.Name.Value
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ops[name] {
		return name
	}
	if len(m.ops) >= maxOperationLabels {
		return "other"
	}
	m.ops[name] = true
	return name
}

// storeCollector exports the store's counts as gauges, read at scrape time.
type storeCollector struct {
	stats graph.StatsService
}

var (
	storeCountDesc = prometheus.NewDesc("factgraph_store_items", "Items in the store, by kind.", []string{"kind"}, nil)
	storeTypeDesc  = prometheus.NewDesc("factgraph_store_entities_by_type", "Entities in the store, by type.", []string{"type"}, nil)
	storeSizeDesc  = prometheus.NewDesc("factgraph_store_size_bytes", "Size of the store on disk.", nil, nil)
)

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- storeCountDesc
	ch <- storeTypeDesc
	ch <- storeSizeDesc
}

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := c.stats.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(storeCountDesc, err)
		return
	}
	for kind, n := range map[string]int{
		"documents": s.Documents, "entities": s.Entities, "mentions": s.Mentions, "relations": s.Relations,
		"figures": s.Figures, "events": s.Events, "quotes": s.Quotes,
	} {
		ch <- prometheus.MustNewConstMetric(storeCountDesc, prometheus.GaugeValue, float64(n), kind)
	}
	for _, t := range graph.EntityTypes {
		ch <- prometheus.MustNewConstMetric(storeTypeDesc, prometheus.GaugeValue, float64(s.ByType[t]), string(t))
	}
	ch <- prometheus.MustNewConstMetric(storeSizeDesc, prometheus.GaugeValue, float64(s.SizeBytes))
}
