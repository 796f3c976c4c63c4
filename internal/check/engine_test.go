package check

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"handout/internal/engine"
	"handout/internal/render"
)

// TestOneEngineServesRenderAndCheck renders and checks the samples at the
// same time through one engine, as a server would, and gets what each
// gives alone. Run it with -race: the engine's caches are shared.
func TestOneEngineServesRenderAndCheck(t *testing.T) {
	eng, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	r := render.WithEngine(eng, "test")
	if r.Engine() != eng {
		t.Fatal("the renderer does not use the engine it was given")
	}
	site := filepath.Join(repo, "content", "sites", "riverside")
	leaflets, _ := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	if len(leaflets) == 0 {
		t.Fatal("no samples")
	}
	job := render.Job{Leaflet: leaflets[0], Site: site, Layout: "a4"}
	opts := Options{Site: site, Layout: "trifold", AsOf: samplesAsOf, Engine: eng}
	renderOnce := func() []byte {
		res, err := r.Render(job)
		if err != nil {
			t.Error(err)
			return nil
		}
		return res.PDF
	}
	checkOnce := func() string {
		rep, err := Run(leaflets, opts)
		if err != nil {
			t.Error(err)
			return ""
		}
		return dump(rep)
	}

	// the first run of each fills the caches, then they run side by side
	wantPDF, wantReport := renderOnce(), checkOnce()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if got := renderOnce(); !bytes.Equal(got, wantPDF) {
				t.Error("a render beside a check gives other bytes")
			}
		})
		wg.Go(func() {
			if got := checkOnce(); got != wantReport {
				t.Errorf("a check beside a render reports otherwise:\n%s\nwant:\n%s", got, wantReport)
			}
		})
	}
	wg.Wait()
	// a fresh engine gives the same: nothing of one run leaks into the next
	if rep, err := Run(leaflets, Options{Site: site, Layout: "trifold", AsOf: samplesAsOf}); err != nil || dump(rep) != wantReport {
		t.Errorf("a check with its own engine reports otherwise (%v)", err)
	}
}
