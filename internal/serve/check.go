package serve

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"go.yaml.in/yaml/v3"

	"handout/internal/check"
	"handout/internal/engine"
	"handout/internal/load"
)

// handleCheckFile runs check on a leaflet of the library, with a site and
// layout: GET /api/check?leaflet=ID[&site=ID][&layout=NAME]. The page shows
// its findings beside the preview.
func (s *Server) handleCheckFile(w http.ResponseWriter, r *http.Request) {
	t, ok := s.find(w, r.URL.Query())
	if !ok {
		return
	}
	in := t.inputs()
	if msg := cmp.Or(s.outside(t, in), s.translationOutside(t.leaflet.path), s.translationOutside(t.withPath())); msg != "" {
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "The leaflet cannot be checked here", Problems: []string{msg}})
		return
	}
	// the render's engine, so the check measures what the preview prints
	eng, err := s.pipe.engine(in.images(stamps(in.all())))
	if err != nil {
		s.unavailable(w, err)
		return
	}
	s.runCheck(w, r.Context(), t.leaflet.path, t, eng)
}

// handleCheckBody runs check on a leaflet sent as the body of a POST, for
// content systems: POST /api/check[?site=ID][&layout=NAME]. Images it names
// are looked up in the leaflets folder, as if the file were saved at its top.
func (s *Server) handleCheckBody(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeProblem(w, problem{Status: http.StatusRequestEntityTooLarge, Title: "Leaflet too large",
			Detail: "The body is over the limit of " + byteSize(s.cfg.MaxBody) + "."})
		return
	case err != nil:
		badRequest(w, "The body could not be read.")
		return
	case len(bytes.TrimSpace(body)) == 0:
		badRequest(w, "Send the leaflet's YAML as the request body.")
		return
	}
	q := r.URL.Query()
	q.Set("leaflet", "-") // only the site and layout are looked up
	t, ok := s.findContext(w, q)
	if !ok {
		return
	}
	dir, err := os.MkdirTemp("", "handout-check-")
	if err != nil {
		s.unavailable(w, err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "leaflet.yaml")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		s.unavailable(w, err)
		return
	}
	if !s.linkImages(dir, path, body) {
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "The leaflet cannot be checked here",
			Problems: []string{"leaflet.yaml: an image or translation this leaflet names lies outside the leaflets folder; the server reads only files inside it"}})
		return
	}
	site := ""
	if t.site != nil {
		site = t.site.path
	}
	if msg := cmp.Or(s.outside(t, findInputs("", t.withPath(), site, t.assets...)), s.translationOutside(t.withPath())); msg != "" {
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "The leaflet cannot be checked here", Problems: []string{msg}})
		return
	}
	// A posted leaflet's images sit in a temporary folder, a new path each
	// time: check gets an engine of its own, so the shared one does not
	// keep them.
	s.runCheck(w, r.Context(), path, t, nil, root{dir: dir})
}

// translationOutside names a translation the leaflet lists that lies
// outside the leaflets folder, which check would read to pair it, or says
// nothing.
func (s *Server) translationOutside(leaflet string) string {
	if leaflet == "" {
		return ""
	}
	l, err := load.Leaflet(leaflet, s.lib.leaflets.dir)
	if err != nil {
		return ""
	}
	for _, p := range l.Translations {
		if !s.lib.leaflets.lexicallyInside(p) {
			return s.lib.leaflets.trim(leaflet) + ": a translation this leaflet lists lies outside the leaflets folder; the server reads only files inside it"
		}
		if _, err := os.Lstat(p); err == nil && !s.lib.leaflets.contains(p) {
			return s.lib.leaflets.trim(leaflet) + ": a translation this leaflet lists lies outside the leaflets folder; the server reads only files inside it"
		}
	}
	return ""
}

// findContext looks up the translation, site and layout of a request.
func (s *Server) findContext(w http.ResponseWriter, q map[string][]string) (target, bool) {
	t := target{assets: []string{s.lib.leaflets.dir}}
	if id := first(q["with"]); id != "" {
		with, ok := s.lib.Leaflet(id)
		if !ok {
			notFound(w, "translation")
			return t, false
		}
		t.with = &with
	}
	if id := first(q["site"]); id != "" {
		site, ok := s.lib.Site(id)
		if !ok {
			notFound(w, "site")
			return t, false
		}
		t.site = &site
	}
	layout := first(q["layout"])
	if layout == "" {
		layout = DefaultLayout
	}
	var ok bool
	if t.layout, ok = s.lib.Layout(layout); !ok {
		notFound(w, "layout")
		return t, false
	}
	return t, true
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// linkImages makes the images a posted leaflet names, when they exist in
// the leaflets folder, visible beside its temporary copy. Nothing outside
// the leaflets folder is linked. It reports false when an image lies
// outside the leaflets folder, which check must then not be let to read.
func (s *Server) linkImages(dir, path string, body []byte) bool {
	images := namedFiles(dir, path, body)
	tmp := root{dir: dir}
	for _, img := range images {
		if !tmp.lexicallyInside(img) {
			return false
		}
		rel, _ := filepath.Rel(dir, img)
		src := filepath.Join(s.lib.leaflets.dir, rel)
		if _, err := os.Lstat(src); err != nil {
			continue // missing: check says so
		}
		if !s.lib.leaflets.contains(src) {
			return false
		}
		os.MkdirAll(filepath.Dir(img), 0o700)
		os.Symlink(src, img)
	}
	return true
}

// runCheck checks one leaflet with the target's site and layout and
// answers check's JSON document (docs/check.md), with paths shown relative
// to the folders.
func (s *Server) runCheck(w http.ResponseWriter, ctx context.Context, leaflet string, t target, eng *engine.Engine, extra ...root) {
	if err := s.pool.acquire(ctx); err != nil {
		s.metrics.check(outcomeError)
		s.unavailable(w, err)
		return
	}
	defer s.pool.release()
	opts := check.Options{Layout: t.layout.ID, Engine: eng, Assets: t.assets, With: t.withPath()}
	if t.layout.path != "" {
		opts.Layout = t.layout.path
	}
	if t.site != nil {
		opts.Site = t.site.path
	}
	report, err := check.Run([]string{leaflet}, opts)
	var buf bytes.Buffer
	if err == nil {
		err = check.WriteJSON(&buf, report, false)
	}
	if err != nil {
		s.metrics.check(outcomeError)
		s.unavailable(w, err)
		return
	}
	s.metrics.check(outcomeOK)
	out := buf.String()
	for _, r := range append(extra, s.lib.leaflets, s.lib.sites, s.lib.layouts) {
		out = r.trim(out)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, out)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// namedFiles lists every file: value in a leaflet's YAML, and each of its
// translations: (which check pairs it with), resolved as the loader
// resolves paths. It reads the YAML tree rather than the
// leaflet, so a leaflet with mistakes still has its images found.
func namedFiles(dir, path string, body []byte) []string {
	root, err := load.ParseYAML(path, body)
	if err != nil || root == nil {
		return nil
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "file" && v.Kind == yaml.ScalarNode && v.Value != "" {
					out = append(out, under(dir, v.Value))
				}
				if k.Value == "translations" && v.Kind == yaml.SequenceNode {
					for _, it := range v.Content {
						if it.Kind == yaml.ScalarNode && it.Value != "" {
							out = append(out, under(dir, it.Value))
						}
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return out
}

// under resolves a path a file names as the loader does, from dir.
func under(dir, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, filepath.FromSlash(p))
	}
	return filepath.Clean(p)
}
