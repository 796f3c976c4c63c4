package serve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// DefaultLayout is the layout of a render that names none.
const DefaultLayout = "letter"

// target is what a request names, found in the library.
type target struct {
	leaflet LeafletInfo
	with    *LeafletInfo // the translation printed with it, or nil
	site    *SiteInfo
	layout  LayoutInfo
	// assets are the folders a leaflet's images may come from besides its
	// own: the whole leaflets folder
	assets []string
}

// find looks up the IDs of a request. It answers the request itself (400
// or 404) and returns false when one is missing or unknown.
func (s *Server) find(w http.ResponseWriter, q url.Values) (target, bool) {
	id := q.Get("leaflet")
	if id == "" {
		badRequest(w, "Name a leaflet: ?leaflet=ID (the IDs are listed at /api/leaflets).")
		return target{}, false
	}
	leaflet, ok := s.lib.Leaflet(id)
	if !ok {
		notFound(w, "leaflet")
		return target{}, false
	}
	t, ok := s.findContext(w, q)
	t.leaflet = leaflet
	return t, ok
}

func (t target) inputs() inputs {
	site := ""
	if t.site != nil {
		site = t.site.path
	}
	return findInputs(t.leaflet.path, t.withPath(), site, t.assets...)
}

// withPath is the translation's file, or "".
func (t target) withPath() string {
	if t.with == nil {
		return ""
	}
	return t.with.path
}

func (t target) job(grayscale bool) renderJob {
	j := renderJob{Leaflet: t.leaflet.path, With: t.withPath(), Layout: t.layout.ID, Grayscale: grayscale, Assets: t.assets}
	if t.layout.path != "" {
		j.Layout = t.layout.path
	}
	if t.site != nil {
		j.Site = t.site.path
	}
	return j
}

// fileName is the download name: leaflet, translation, site and layout,
// in characters every system accepts.
func (t target) fileName() string {
	parts := []string{t.leaflet.ID}
	if t.with != nil {
		parts = append(parts, t.with.ID)
	}
	if t.site != nil {
		parts = append(parts, t.site.ID)
	}
	parts = append(parts, t.layout.ID)
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '-'
	}, strings.Join(parts, "-"))
	return name + ".pdf"
}

// outcome is what one render produced.
type outcome struct {
	res      rendered
	problems []string
}

func (s *Server) handleRender(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	t, ok := s.find(w, q)
	if !ok {
		return
	}
	gray := q.Get("grayscale") == "1" || q.Get("grayscale") == "true"
	start := time.Now()
	out, err := s.produce(r.Context(), t, gray)
	switch {
	case err != nil:
		s.metrics.render(outcomeError, time.Since(start))
		s.unavailable(w, err)
	case out.problems != nil:
		s.metrics.render(outcomeInvalid, time.Since(start))
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "The leaflet does not render",
			Detail: "Fix these problems in the files named (file:line:col), then try again.", Problems: out.problems})
	default:
		s.metrics.render(outcomeOK, time.Since(start))
		disposition := "inline"
		if q.Get("download") == "1" {
			disposition = "attachment"
		}
		h := w.Header()
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disposition, t.fileName()))
		h.Set("Content-Length", strconv.Itoa(len(out.res.PDF)))
		h.Set("Cache-Control", "no-store")
		h.Set("X-Handout-Pages", strconv.Itoa(out.res.Pages))
		w.Write(out.res.PDF)
	}
}

// produce renders in a slot of the pool, on inputs that did not change
// while it ran.
func (s *Server) produce(ctx context.Context, t target, gray bool) (outcome, error) {
	if err := s.pool.acquire(ctx); err != nil {
		return outcome{}, err
	}
	defer s.pool.release()
	if s.renderStarted != nil {
		s.renderStarted()
	}
	return steady(ctx, t.inputs, func(in inputs, st map[string]stamp) (outcome, error) {
		if msg := s.outside(t, in); msg != "" {
			return outcome{problems: []string{msg}}, nil
		}
		res, problems, err := s.pipe.render(t.job(gray), in.images(st))
		for i, p := range problems {
			problems[i] = s.lib.sites.trim(s.lib.leaflets.trim(s.lib.layouts.trim(p)))
		}
		return outcome{res: res, problems: problems}, err
	})
}

// outside names the first input that lies outside its folder, or says
// nothing. The server reads no file outside its folders, whichever way a
// leaflet or site names it (.., an absolute path, a link).
func (s *Server) outside(t target, in inputs) string {
	check := func(r root, p string) bool {
		if !r.lexicallyInside(p) {
			return false
		}
		if _, err := os.Lstat(p); err != nil {
			return true // missing: the renderer says so
		}
		return r.contains(p)
	}
	if (in.leaflet != "" && !s.lib.leaflets.contains(in.leaflet)) || (in.with != "" && !s.lib.leaflets.contains(in.with)) || (in.site != "" && !s.lib.sites.contains(in.site)) {
		return "the leaflet or site file is no longer inside its folder"
	}
	if t.layout.path != "" && !s.lib.layouts.contains(t.layout.path) {
		return "the layout file is no longer inside the layouts folder"
	}
	for _, p := range in.leafFiles {
		if !check(s.lib.leaflets, p) {
			return s.lib.leaflets.trim(t.leaflet.path) + ": an image this leaflet (or its translation) names lies outside the leaflets folder; the server reads only files inside it"
		}
	}
	for _, p := range in.siteFiles {
		if !check(s.lib.sites, p) {
			return s.lib.sites.trim(in.site) + ": an image this site names lies outside the sites folder; the server reads only files inside it"
		}
	}
	return ""
}

// unavailable answers a render or check that could not be done.
func (s *Server) unavailable(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		w.Header().Set("Retry-After", "5")
		writeProblem(w, problem{Status: http.StatusServiceUnavailable, Title: "Too busy", Detail: "The request timed out waiting for a free renderer; try again."})
	case errors.Is(err, errBusyEditing):
		w.Header().Set("Retry-After", "1")
		writeProblem(w, problem{Status: http.StatusServiceUnavailable, Title: "Being edited", Detail: err.Error()})
	default:
		s.log.Error("render failed", "err", err)
		writeProblem(w, problem{Status: http.StatusInternalServerError, Title: "Internal error", Detail: "The handout could not be rendered; the server log says why."})
	}
}
