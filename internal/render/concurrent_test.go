package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"testing"
)

// concurrentJobs are handouts that differ in what the painter's reused
// buffers hold: scripts, fonts, images, page counts, layouts, grayscale.
func concurrentJobs(t *testing.T) []Job {
	leaflets, err := filepath.Glob(filepath.Join(repo, "content", "leaflets", "*.yaml"))
	if err != nil || len(leaflets) == 0 {
		t.Fatalf("no sample leaflets: %v", err)
	}
	styles := []struct {
		site, layout string
		print        PrintOptions
	}{
		{"riverside", "letter", PrintOptions{}},
		{"hillcrest", "booklet", PrintOptions{Grayscale: true}},
		{"westlake", "a4-2col", PrintOptions{PDFA: true}},
	}
	var jobs []Job
	for i, l := range leaflets {
		s := styles[i%len(styles)]
		jobs = append(jobs, Job{Leaflet: l, Site: site(s.site), Layout: s.layout, Print: s.print})
	}
	return jobs
}

// TestConcurrentRendersMatchSequential renders many different handouts at
// once through one Renderer, as serve and batch -j do, and each must come
// out byte for byte as it does alone: the documents share zlib writers,
// scratch and output buffers, and any buffer handed back while still in
// use shows up here (and under -race).
func TestConcurrentRendersMatchSequential(t *testing.T) {
	r := newRenderer(t)
	jobs := concurrentJobs(t)
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		res, err := r.Render(j)
		if err != nil {
			t.Fatalf("%s: %v", j.Leaflet, err)
		}
		want[i] = res.PDF
	}
	wantJob := combined(t, r, jobs, false)
	const rounds = 3
	var wg sync.WaitGroup
	errs := make(chan error, rounds*len(jobs)+rounds)
	for round := range rounds {
		for i, j := range jobs {
			wg.Go(func() {
				res, err := r.Render(j)
				switch {
				case err != nil:
					errs <- fmt.Errorf("%s: %v", j.Leaflet, err)
				case !bytes.Equal(res.PDF, want[i]):
					errs <- fmt.Errorf("round %d: %s came out different when rendered alongside others", round, filepath.Base(j.Leaflet))
				}
			})
		}
		// a combined job writes through a buffered writer of its own
		wg.Go(func() {
			if got := combined(t, r, jobs, true); !bytes.Equal(got, wantJob) {
				errs <- fmt.Errorf("round %d: the combined job came out different when rendered alongside others", round)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// combined paints jobs into one PDF, through a 64 KiB buffered writer
// when buffered is set (as batch --combine does).
func combined(t *testing.T, r *Renderer, jobs []Job, buffered bool) []byte {
	var out bytes.Buffer
	var w *bufio.Writer
	var dst io.Writer = &out
	if buffered {
		w = bufio.NewWriterSize(&out, 64<<10)
		dst = w
	}
	c := r.NewCombiner(dst, PrintOptions{}, nil)
	for _, j := range jobs {
		res, err := r.Render(j)
		if err != nil {
			t.Errorf("%s: %v", j.Leaflet, err)
			return nil
		}
		if err := c.Add(res, filepath.Base(j.Leaflet)); err != nil {
			t.Errorf("%s: %v", j.Leaflet, err)
			return nil
		}
	}
	if _, err := c.Close(); err != nil {
		t.Errorf("combined: %v", err)
		return nil
	}
	if w != nil {
		if err := w.Flush(); err != nil {
			t.Errorf("combined: %v", err)
		}
	}
	return out.Bytes()
}
