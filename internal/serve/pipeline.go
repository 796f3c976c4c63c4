package serve

import (
	"sync"

	"handout/internal/engine"
	"handout/internal/render"
	"handout/internal/source"
)

// This file is the server's only tie to the rendering pipeline, so that
// a change of engine touches one small file.

// renderJob is one handout, by real paths inside the server's folders.
type renderJob struct {
	Leaflet   string
	With      string // a translation to print with it; "" for one language
	Site      string // site folder; "" for the unbranded look
	Layout    string // built-in name or layout file path
	Grayscale bool
	Assets    []string // folders the leaflet's images may come from besides its own
}

// rendered is a finished handout.
type rendered struct {
	PDF   []byte
	Pages int
}

// pipeline renders and checks with one shared engine, and one renderer on
// it, whose font programs for the PDF are parsed once, not per request.
// The engine keeps decoded images for as long as it lives, so when an image
// changes on disk the pipeline starts a fresh engine (parsing the fonts
// again costs about a millisecond) rather than print the old picture.
type pipeline struct {
	version string
	mu      sync.Mutex
	r       *render.Renderer
	seen    map[string]stamp
}

func newPipeline(version string) (*pipeline, error) {
	eng, err := engine.New()
	if err != nil {
		return nil, err
	}
	return &pipeline{version: version, r: render.WithEngine(eng, version), seen: map[string]stamp{}}, nil
}

// engine returns an engine whose cached images match the given stamps.
func (p *pipeline) engine(images map[string]stamp) (*engine.Engine, error) {
	r, err := p.renderer(images)
	if err != nil {
		return nil, err
	}
	return r.Engine(), nil
}

// renderer returns the renderer on an engine whose cached images match
// the given stamps.
func (p *pipeline) renderer(images map[string]stamp) (*render.Renderer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for path, s := range images {
		if old, ok := p.seen[path]; ok && old != s {
			eng, err := engine.New()
			if err != nil {
				return nil, err
			}
			p.r, p.seen = render.WithEngine(eng, p.version), map[string]stamp{}
			break
		}
	}
	for path, s := range images {
		p.seen[path] = s
	}
	return p.r, nil
}

// render renders a job. problems, when not nil, are the file:line:col
// messages of a leaflet, site or layout that does not render.
func (p *pipeline) render(job renderJob, images map[string]stamp) (res rendered, problems []string, err error) {
	r, err := p.renderer(images)
	if err != nil {
		return rendered{}, nil, err
	}
	out, err := r.Render(render.Job{
		Leaflet: job.Leaflet, With: job.With, Site: job.Site, Layout: job.Layout,
		Print: render.PrintOptions{Grayscale: job.Grayscale}, Assets: job.Assets,
	})
	if err != nil {
		lines := source.Lines(err)
		if len(lines) == 0 {
			lines = []string{err.Error()}
		}
		return rendered{}, lines, nil
	}
	return rendered{PDF: out.PDF, Pages: out.Pages}, nil, nil
}
