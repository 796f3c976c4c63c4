package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/load"
	"handout/internal/pathglob"
	"handout/internal/safeio"
)

// Expand turns command-line arguments into files: glob patterns are
// expanded here too, so a quoted pattern works as well as one the shell
// expanded, and a folder stands for its site.yaml or, without one, for the
// YAML files in it. A pattern that matches nothing is an error; a plain
// path is kept even if it does not exist, so its check reports that.
func Expand(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	keep := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		matches := []string{a}
		if strings.ContainsAny(a, "*?[") {
			m, err := pathglob.Glob(a)
			if err != nil {
				return nil, fmt.Errorf("bad pattern %q: %v", a, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("no file matches %q", a)
			}
			matches = m
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil || !st.IsDir() {
				keep(p)
				continue
			}
			if _, err := os.Stat(filepath.Join(p, "site.yaml")); err == nil {
				keep(p)
				continue
			}
			var inside []string
			for _, ext := range []string{"*.yaml", "*.yml"} {
				m, _ := filepath.Glob(filepath.Join(p, ext))
				inside = append(inside, m...)
			}
			if len(inside) == 0 {
				// a folder of site folders, as render and batch take it
				sites, _ := filepath.Glob(filepath.Join(p, "*", "site.yaml"))
				for _, s := range sites {
					inside = append(inside, filepath.Dir(s))
				}
			}
			if len(inside) == 0 {
				return nil, fmt.Errorf("%s: no site.yaml, no YAML files and no site folders in this folder", p)
			}
			sort.Strings(inside)
			for _, m := range inside {
				keep(m)
			}
		}
	}
	return out, nil
}

// layoutKeys are top-level fields only a layout has.
var layoutKeys = []string{"page", "margins", "header_height", "footer_height", "text", "headings", "columns", "fold", "imposition", "print"}

// Detect tells what an input is and the file to read: a folder or a file
// named site.yaml is a site; otherwise the content decides: a sections
// field makes a leaflet, a name field without sections a site, and
// layout fields a layout. Anything else is read as a leaflet, whose loader
// then says what is missing.
func Detect(path string) (Kind, string) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return KindSite, load.SiteFile(path)
	}
	if b := filepath.Base(path); b == "site.yaml" || b == "site.yml" {
		return KindSite, path
	}
	src, err := safeio.ReadFile(path, safeio.TextLimit)
	if err != nil {
		return KindLeaflet, path
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return KindLeaflet, path
	}
	keys := map[string]bool{}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		keys[m.Content[i].Value] = true
	}
	switch {
	case keys["sections"]:
		return KindLeaflet, path
	case keys["name"]:
		return KindSite, path
	}
	for _, k := range layoutKeys {
		if keys[k] {
			return KindLayout, path
		}
	}
	return KindLeaflet, path
}
