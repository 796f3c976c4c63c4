package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// repo is the repository root, for the samples.
var repo = filepath.Join("..", "..")

// fixture is a running server over copies of the sample folders, which a
// test may edit.
type fixture struct {
	t        *testing.T
	dir      string // holds leaflets/, sites/ and layouts/
	leaflets string
	sites    string
	layouts  string
	srv      *Server
	url      string
	logs     *syncBuffer
	stop     context.CancelFunc
	done     chan error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start copies the samples and serves them on a loopback port until the
// test ends. edit may change the config before the server is made.
func start(t *testing.T, edit ...func(*Config)) *fixture {
	t.Helper()
	f := &fixture{t: t, dir: t.TempDir(), logs: &syncBuffer{}}
	f.leaflets = filepath.Join(f.dir, "leaflets")
	f.sites = filepath.Join(f.dir, "sites")
	f.layouts = filepath.Join(f.dir, "layouts")
	copyTree(t, filepath.Join(repo, "content", "leaflets"), f.leaflets)
	copyTree(t, filepath.Join(repo, "content", "sites"), f.sites)
	os.MkdirAll(f.layouts, 0o755)
	cfg := Config{Leaflets: f.leaflets, Sites: f.sites, Layouts: f.layouts, Jobs: 2, Version: "test",
		Logger: slog.New(slog.NewJSONHandler(f.logs, nil))}
	for _, e := range edit {
		e(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	f.serve()
	return f
}

// serve starts answering on 127.0.0.1 and stops when the test ends.
func (f *fixture) serve() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.t.Fatal(err)
	}
	f.url = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	f.stop, f.done = cancel, make(chan error, 1)
	go func() { f.done <- f.srv.Serve(ctx, ln) }()
	f.t.Cleanup(func() {
		cancel()
		select {
		case <-f.done:
		case <-time.After(10 * time.Second):
			f.t.Error("the server did not stop")
		}
	})
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
		// a library's files were saved long ago, not during the test
		old := time.Now().Add(-time.Hour)
		return os.Chtimes(dst, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// client has a bounded timeout, so a stuck server fails the test.
var client = &http.Client{Timeout: 20 * time.Second}

// get fetches a path and returns the status, headers and body.
func (f *fixture) get(path string) (int, http.Header, []byte) {
	f.t.Helper()
	res, err := client.Get(f.url + path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return res.StatusCode, res.Header, b
}

func (f *fixture) post(path, contentType string, body []byte) (int, http.Header, []byte) {
	f.t.Helper()
	res, err := client.Post(f.url+path, contentType, bytes.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, b
}

// problemOf decodes a JSON problem answer and checks its status and type.
func problemOf(t *testing.T, status int, h http.Header, body []byte, want int) problem {
	t.Helper()
	if status != want {
		t.Fatalf("status %d, want %d: %s", status, want, body)
	}
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json", ct)
	}
	var p problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("not a JSON problem: %v\n%s", err, body)
	}
	if p.Status != want || p.Title == "" {
		t.Fatalf("problem %+v: want status %d and a title", p, want)
	}
	return p
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	return v
}

func isPDF(b []byte) bool {
	return bytes.HasPrefix(b, []byte("%PDF-")) && bytes.Contains(b[len(b)-min(len(b), 64):], []byte("%%EOF"))
}

func write(t *testing.T, path, content string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// samples is how many sample leaflets content/leaflets holds, so tests
// follow the samples as they are added.
func samples(t *testing.T) int {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no sample leaflets: %v", err)
	}
	return len(m)
}

// spanishSamples counts the sample leaflets in Spanish.
func spanishSamples(t *testing.T) int {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	n := 0
	for _, p := range m {
		if b, err := os.ReadFile(p); err == nil && strings.Contains(string(b), "\nlanguage: es\n") {
			n++
		}
	}
	return n
}
