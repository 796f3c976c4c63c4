package serve

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the render latency
// histogram: a handout takes tens of milliseconds, a queue can add seconds.
func latencyBuckets() [11]float64 {
	return [11]float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}
}

// metrics counts renders, checks, errors and latency for /metrics, in the
// Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	requests map[routeCode]int
	renders  map[string]int // outcome -> count
	checks   map[string]int
	buckets  [11]int // counts per latencyBuckets bound
	count    int
	sum      float64
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeCode]int{}, renders: map[string]int{}, checks: map[string]int{}}
}

// Outcomes of a render or a check.
const (
	outcomeOK      = "ok"
	outcomeInvalid = "invalid" // the inputs do not render: 422
	outcomeError   = "error"   // the server could not do it: 5xx
)

func (m *metrics) request(route string, code int) {
	m.mu.Lock()
	m.requests[routeCode{route, code}]++
	m.mu.Unlock()
}

func (m *metrics) render(outcome string, took time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.renders[outcome]++
	s := took.Seconds()
	m.count++
	m.sum += s
	for i, b := range latencyBuckets() {
		if s <= b {
			m.buckets[i]++
		}
	}
}

func (m *metrics) check(outcome string) {
	m.mu.Lock()
	m.checks[outcome]++
	m.mu.Unlock()
}

// write prints the metrics; inFlight is the render pool's use.
func (m *metrics) write(w io.Writer, inFlight, slots int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	b.WriteString("# HELP handout_http_requests_total HTTP requests by route and status code.\n# TYPE handout_http_requests_total counter\n")
	keys := make([]routeCode, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].code < keys[j].code
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "handout_http_requests_total{route=%q,code=\"%d\"} %d\n", k.route, k.code, m.requests[k])
	}
	b.WriteString("# HELP handout_renders_total Handouts rendered, by outcome (ok, invalid: the leaflet does not render, error).\n# TYPE handout_renders_total counter\n")
	for _, o := range []string{outcomeOK, outcomeInvalid, outcomeError} {
		fmt.Fprintf(&b, "handout_renders_total{outcome=%q} %d\n", o, m.renders[o])
	}
	b.WriteString("# HELP handout_checks_total Leaflets checked, by outcome.\n# TYPE handout_checks_total counter\n")
	for _, o := range []string{outcomeOK, outcomeError} {
		fmt.Fprintf(&b, "handout_checks_total{outcome=%q} %d\n", o, m.checks[o])
	}
	errs := m.renders[outcomeInvalid] + m.renders[outcomeError] + m.checks[outcomeError]
	fmt.Fprintf(&b, "# HELP handout_errors_total Renders and checks that failed.\n# TYPE handout_errors_total counter\nhandout_errors_total %d\n", errs)
	b.WriteString("# HELP handout_render_seconds Time to render one handout, waiting for a slot included.\n# TYPE handout_render_seconds histogram\n")
	for i, le := range latencyBuckets() {
		fmt.Fprintf(&b, "handout_render_seconds_bucket{le=\"%g\"} %d\n", le, m.buckets[i])
	}
	fmt.Fprintf(&b, "handout_render_seconds_bucket{le=\"+Inf\"} %d\nhandout_render_seconds_sum %g\nhandout_render_seconds_count %d\n", m.count, m.sum, m.count)
	fmt.Fprintf(&b, "# HELP handout_render_slots_busy Render slots in use.\n# TYPE handout_render_slots_busy gauge\nhandout_render_slots_busy %d\n", inFlight)
	fmt.Fprintf(&b, "# HELP handout_render_slots Render slots (-j).\n# TYPE handout_render_slots gauge\nhandout_render_slots %d\n", slots)
	io.WriteString(w, b.String())
}

// routeCode keys the request counts: the matched pattern and the status.
type routeCode struct {
	route string
	code  int
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w, s.pool.busy(), cap(s.pool))
}
