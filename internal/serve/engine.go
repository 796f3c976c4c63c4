package serve

import (
	"sync"

	"handout/internal/render"
)

// This file is the server's only tie to the rendering pipeline, so that
// a change of engine touches one small file.

// renderJob is one handout, by real paths inside the server's folders.
type renderJob struct {
	Leaflet   string
	Site      string // site folder; "" for the unbranded look
	Layout    string // built-in name or layout file path
	Grayscale bool
}

// rendered is a finished handout.
type rendered struct {
	PDF   []byte
	Pages int
}

// engine renders handouts with one shared renderer. The renderer keeps
// decoded images for as long as it lives, so when an image changes on disk
// the engine starts a fresh renderer (parsing the fonts again costs about a
// millisecond) rather than print the old picture.
type engine struct {
	version string
	mu      sync.Mutex
	r       *render.Renderer
	seen    map[string]stamp
}

func newEngine(version string) (*engine, error) {
	r, err := render.New(version)
	if err != nil {
		return nil, err
	}
	return &engine{version: version, r: r, seen: map[string]stamp{}}, nil
}

// renderer returns a renderer whose cached images match the given stamps.
func (e *engine) renderer(images map[string]stamp) (*render.Renderer, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for p, s := range images {
		if old, ok := e.seen[p]; ok && old != s {
			r, err := render.New(e.version)
			if err != nil {
				return nil, err
			}
			e.r, e.seen = r, map[string]stamp{}
			break
		}
	}
	for p, s := range images {
		e.seen[p] = s
	}
	return e.r, nil
}

// render renders a job. problems, when not nil, are the file:line:col
// messages of a leaflet, site or layout that does not render.
func (e *engine) render(job renderJob, images map[string]stamp) (res rendered, problems []string, err error) {
	r, err := e.renderer(images)
	if err != nil {
		return rendered{}, nil, err
	}
	out, err := r.Render(render.Job{
		Leaflet: job.Leaflet, Site: job.Site, Layout: job.Layout,
		Print: render.PrintOptions{Grayscale: job.Grayscale},
	})
	if err != nil {
		return rendered{}, render.Problems(err), nil
	}
	return rendered{PDF: out.PDF, Pages: out.Pages}, nil, nil
}
