package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestFortyConcurrentRenders: 40 requests at once, with two render slots;
// every one succeeds with a whole PDF, and the process's memory obtained
// from the system (runtime.MemStats.Sys, sampled while they run) stays
// under 250 MB.
func TestFortyConcurrentRenders(t *testing.T) {
	f := start(t)
	const n = 40
	leaflets := []string{"let-down-reflex", "breastfeeding-first-weeks", "reflejo-de-bajada"}
	sites := []string{"riverside", "hillcrest"}

	var peak atomic.Uint64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.Sys > peak.Load() {
				peak.Store(ms.Sys)
			}
			select {
			case <-stopSampling:
				return
			case <-tick.C:
			}
		}
	}()

	var wg sync.WaitGroup
	var failed atomic.Int32
	begin := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-begin
			url := f.url + "/render?leaflet=" + leaflets[i%len(leaflets)] + "&site=" + sites[i%len(sites)]
			res, err := client.Get(url)
			if err != nil {
				failed.Add(1)
				t.Error(err)
				return
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || !isPDF(body) {
				failed.Add(1)
				t.Errorf("request %d: %d %.200s", i, res.StatusCode, body)
			}
		}()
	}
	started := time.Now()
	close(begin)
	wg.Wait()
	close(stopSampling)
	<-sampled
	t.Logf("%d renders in %v, peak memory from the system %.1f MB", n, time.Since(started).Round(time.Millisecond), float64(peak.Load())/1e6)
	if failed.Load() > 0 {
		t.Fatalf("%d of %d requests failed", failed.Load(), n)
	}
	if peak.Load() > 250<<20 {
		t.Errorf("memory reached %.1f MB, over 250 MB", float64(peak.Load())/(1<<20))
	}
	_, _, body := f.get("/metrics")
	if !contains(string(body), "handout_renders_total{outcome=\"ok\"} 40", "handout_render_slots_busy 0") {
		t.Errorf("metrics after the burst:\n%s", body)
	}
}

// TestTimeoutWhileWaitingForASlot: with the only slot taken, a request
// gives up at its timeout with a 503 problem and a Retry-After.
func TestTimeoutWhileWaitingForASlot(t *testing.T) {
	f := start(t, func(c *Config) { c.Jobs = 1; c.Timeout = 300 * time.Millisecond })
	f.srv.pool.acquire(context.Background())
	defer f.srv.pool.release()
	code, h, body := f.get("/render?leaflet=let-down-reflex")
	problemOf(t, code, h, body, 503)
	if h.Get("Retry-After") == "" {
		t.Errorf("no Retry-After")
	}
}

// TestGracefulShutdown: told to stop while a render is in flight, the
// server finishes that request, refuses new connections and returns nil.
func TestGracefulShutdown(t *testing.T) {
	f := start(t)
	inFlight := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	f.srv.renderStarted = func() {
		once.Do(func() { close(inFlight); <-release })
	}
	type answer struct {
		code int
		body []byte
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		res, err := client.Get(f.url + "/render?leaflet=let-down-reflex&site=riverside")
		if err != nil {
			got <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		got <- answer{code: res.StatusCode, body: b}
	}()
	select {
	case <-inFlight:
	case <-time.After(10 * time.Second):
		t.Fatal("the render never started")
	}
	f.stop() // as SIGTERM does through the command's context
	// new connections are refused once the listener closes
	addr := f.url[len("http://"):]
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-f.done:
		t.Fatalf("Serve returned (%v) with a request in flight", err)
	default:
	}
	close(release)
	a := <-got
	if a.err != nil || a.code != http.StatusOK || !isPDF(a.body) {
		t.Fatalf("the request in flight was not finished: %v %d", a.err, a.code)
	}
	select {
	case err := <-f.done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		f.done <- nil // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the last request")
	}
}
