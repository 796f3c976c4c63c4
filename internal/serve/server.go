package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"
)

// Server is the front desk. Create it with New; it is an http.Handler.
type Server struct {
	cfg     Config
	lib     *library
	pipe    *pipeline
	pool    pool
	metrics *metrics
	log     *slog.Logger
	handler http.Handler
	// renderStarted, when set (by tests), is called once a render holds a
	// slot, before it starts.
	renderStarted func()
}

// New checks the folders and prepares the renderer.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	lib := &library{}
	var err error
	if lib.leaflets, err = newRoot("leaflets", cfg.Leaflets); err != nil {
		return nil, err
	}
	if lib.sites, err = newRoot("sites", cfg.Sites); err != nil {
		return nil, err
	}
	if cfg.Layouts != "" {
		if lib.layouts, err = newRoot("layouts", cfg.Layouts); err != nil {
			return nil, err
		}
	}
	pipe, err := newPipeline(cfg.Version)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, lib: lib, pipe: pipe, pool: newPool(cfg.Jobs), metrics: newMetrics(), log: cfg.Logger}
	s.handler = s.routes()
	return s, nil
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handlePage)
	mux.HandleFunc("GET /api/leaflets", s.handleLeaflets)
	mux.HandleFunc("GET /api/sites", s.handleSites)
	mux.HandleFunc("GET /api/layouts", s.handleLayouts)
	mux.HandleFunc("GET /render", s.handleRender)
	mux.HandleFunc("GET /api/check", s.handleCheckFile)
	mux.HandleFunc("POST /api/check", s.handleCheckBody)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /metrics", s.handleMetrics)
	return s.limited(s.logged(problems(mux)))
}

// limited gives every request the configured deadline.
func (s *Server) limited(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// problems answers what no route matches (404, or 405 for a known path
// with another method) with a JSON problem instead of the mux's plain text.
func problems(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		probe := &statusProbe{header: http.Header{}}
		h.ServeHTTP(probe, r)
		if allow := probe.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		if probe.status == http.StatusMethodNotAllowed {
			writeProblem(w, problem{Status: http.StatusMethodNotAllowed, Title: "Method not allowed"})
			return
		}
		noRoute(w)
	})
}

// statusProbe catches the status of the mux's own 404 and 405 handlers.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header         { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *statusProbe) WriteHeader(code int)        { p.status = code }

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ShutdownGrace is how long Serve waits for requests in flight once told
// to stop.
const ShutdownGrace = 30 * time.Second

// Serve answers on ln until ctx ends (SIGTERM, say), then stops taking
// connections and lets the requests in flight finish, for up to
// ShutdownGrace. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout,
		WriteTimeout:      s.cfg.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "leaflets", s.cfg.Leaflets, "sites", s.cfg.Sites, "jobs", s.cfg.Jobs)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down: finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.log.Info("stopped")
	return nil
}

// handleHealth says whether the server can do its work: its folders are
// still there (a lost network mount is the usual failure).
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	for _, rt := range []root{s.lib.leaflets, s.lib.sites, s.lib.layouts} {
		if rt.dir == "" {
			continue
		}
		if st, err := os.Stat(rt.dir); err != nil || !st.IsDir() {
			writeProblem(w, problem{Status: http.StatusServiceUnavailable, Title: "Unhealthy", Detail: "A served folder cannot be read."})
			return
		}
	}
	writeJSON(w, map[string]any{"status": "ok", "version": s.cfg.Version, "render_slots": cap(s.pool), "render_slots_busy": s.pool.busy()})
}
