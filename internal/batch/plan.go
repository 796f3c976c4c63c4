package batch

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"handout/internal/load"
	"handout/internal/pathglob"
	"handout/internal/source"
	"handout/layouts"
)

// Entry is one path or pattern naming inputs, with where it was written.
type Entry struct {
	Path string
	// Pos is where a job file names the entry; zero for command-line
	// arguments, whose messages then start with the path itself.
	Pos source.Pos
}

// Spec is what a job asks for, before it is expanded into outputs.
type Spec struct {
	// Leaflets are leaflet files, folders (their .yaml files) or glob
	// patterns; "**" in a pattern matches any depth of folders.
	Leaflets []Entry
	// Sites are site folders, site files, folders holding several site
	// folders (standing for all of them) or glob patterns. None means the
	// plain unbranded look.
	Sites []Entry
	// Layouts are built-in layout names or layout files; none means letter.
	Layouts []Entry
	// Pairs are bilingual handouts: a leaflet with its translation, each
	// rendered for every site and layout like a leaflet, as
	// <leaflet>+<translation>.pdf.
	Pairs []Pair
	// OutDir is the folder outputs go under:
	// OutDir/<site>/[<layout>/]<leaflet>.pdf.
	OutDir string
	// OutFile, when set, is the one file a plan with a single output writes
	// instead (render -o FILE.pdf).
	OutFile string
}

// Output is one PDF of a job: one leaflet with one site's branding in one
// layout.
type Output struct {
	Index      int    // position in the whole plan, before sharding
	Leaflet    string // leaflet file
	With       string // its translation, for a bilingual handout; "" for one language
	Site       string // site folder or file; "" for the unbranded look
	SiteName   string // the site's folder name; "" without a site
	Layout     string // built-in layout name or layout file
	LayoutName string // the built-in name, or the layout file's name without extension
	Path       string // where the PDF is written
	// Rel is Path relative to the output folder, with forward slashes.
	// Shards are chosen from it, so hosts that mount the output folder in
	// different places still agree on who renders what.
	Rel string
}

type site struct {
	path, name string
	pos        source.Pos
}

type layout struct {
	ref, name string // what render.Job.Layout gets; the name in output paths
}

// Plan expands a spec into its outputs, ordered site by site, then layout by
// layout, then leaflet by leaflet in the order given (each pattern's matches
// sorted). Every problem found is returned at once as a source.Errors.
func Plan(spec Spec) ([]Output, error) {
	var errs source.Errors
	fail := func(e Entry, p string, format string, args ...any) {
		errs = append(errs, entryError(e, p, fmt.Sprintf(format, args...)))
	}
	if len(spec.Leaflets) == 0 && len(spec.Pairs) == 0 {
		errs = append(errs, fmt.Errorf("no leaflets given"))
	}
	type item struct{ leaf, with, name string }
	var items []item
	for _, leaf := range expandLeaflets(spec.Leaflets, fail) {
		items = append(items, item{leaf, "", strings.TrimSuffix(filepath.Base(leaf), filepath.Ext(leaf)) + ".pdf"})
	}
	for _, p := range spec.Pairs {
		for _, with := range pairTranslations(p, fail) {
			items = append(items, item{p.Leaflet.Path, with, pairName(p.Leaflet.Path, with)})
		}
	}
	sites := expandSites(spec.Sites, fail)
	lays := expandLayouts(spec.Layouts, &errs)
	if len(sites) == 0 && len(spec.Sites) == 0 {
		sites = []site{{}}
	}
	if len(errs) > 0 {
		return nil, errs
	}

	var outs []Output
	byRel := map[string]int{}
	for _, s := range sites {
		for _, l := range lays {
			for _, it := range items {
				leaf, name := it.leaf, it.name
				parts := []string{}
				if s.name != "" {
					parts = append(parts, s.name)
				}
				if len(lays) > 1 {
					parts = append(parts, l.name)
				}
				rel := path.Join(append(parts, name)...)
				o := Output{
					Index: len(outs), Leaflet: leaf, With: it.with, Site: s.path, SiteName: s.name,
					Layout: l.ref, LayoutName: l.name,
					Path: filepath.Join(spec.OutDir, filepath.FromSlash(rel)), Rel: rel,
				}
				if first, dup := byRel[rel]; dup {
					errs = append(errs, fmt.Errorf("%s and %s would both be written to %s; rename one of them",
						outs[first].Leaflet, leaf, o.Path))
					continue
				}
				byRel[rel] = len(outs)
				outs = append(outs, o)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if spec.OutFile != "" {
		if len(outs) != 1 {
			return nil, source.Errors{fmt.Errorf("%s names one file but the job has %d outputs; give a folder instead", spec.OutFile, len(outs))}
		}
		outs[0].Path = spec.OutFile
		outs[0].Rel = filepath.ToSlash(filepath.Base(spec.OutFile))
	}
	return outs, nil
}

// entryError reports a problem with path p, which entry e named: at the
// entry's place in the job file, or, for a command-line argument, at p.
func entryError(e Entry, p, msg string) *source.Error {
	if e.Pos.File == "" {
		return source.Errorf(source.Pos{File: p}, "%s", msg)
	}
	return source.Errorf(e.Pos, "%s: %s", p, msg)
}

// isPattern reports whether a path holds glob metacharacters.
func isPattern(p string) bool { return pathglob.IsPattern(p) }

// expandLeaflets turns entries into leaflet files, each once.
func expandLeaflets(entries []Entry, fail func(Entry, string, string, ...any)) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if c := filepath.Clean(p); !seen[c] {
			seen[c] = true
			out = append(out, p)
		}
	}
	for _, e := range entries {
		switch {
		case isPattern(e.Path):
			matches, err := pathglob.Glob(e.Path)
			if err != nil {
				fail(e, e.Path, "bad pattern: %v", err)
				continue
			}
			var files []string
			for _, m := range matches {
				if st, err := os.Stat(m); err == nil && !st.IsDir() {
					files = append(files, m)
				}
			}
			if len(files) == 0 {
				fail(e, e.Path, "no leaflet file matches")
			}
			for _, f := range files {
				add(f)
			}
		default:
			st, err := os.Stat(e.Path)
			if err != nil || !st.IsDir() {
				// A missing file is that output's failure, reported with
				// the others, rather than a reason to render nothing.
				add(e.Path)
				continue
			}
			files := yamlFiles(e.Path)
			if len(files) == 0 {
				fail(e, e.Path, "folder holds no leaflet files (*.yaml)")
			}
			for _, f := range files {
				add(f)
			}
		}
	}
	return out
}

// yamlFiles lists a folder's .yaml and .yml files, sorted.
func yamlFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// expandSites resolves site entries: a folder with a site.yaml is one site,
// a folder without one stands for every site folder inside it.
func expandSites(entries []Entry, fail func(Entry, string, string, ...any)) []site {
	var out []site
	byName := map[string]site{}
	add := func(e Entry, p, name string) {
		if prev, dup := byName[name]; dup {
			if !sameFile(load.SiteFile(prev.path), load.SiteFile(p)) {
				fail(e, p, "two sites are named %q (%s and %s); their outputs would collide", name, prev.path, p)
			}
			return
		}
		s := site{path: p, name: name, pos: e.Pos}
		byName[name] = s
		out = append(out, s)
	}
	for _, e := range entries {
		paths := []string{e.Path}
		if isPattern(e.Path) {
			m, err := pathglob.Glob(e.Path)
			if err != nil {
				fail(e, e.Path, "bad pattern: %v", err)
				continue
			}
			if len(m) == 0 {
				fail(e, e.Path, "no site matches")
				continue
			}
			paths = m
		}
		for _, p := range paths {
			st, err := os.Stat(p)
			switch {
			case err != nil:
				fail(e, p, "site folder or file does not exist")
			case !st.IsDir():
				add(e, p, siteFileName(p))
			case isFile(filepath.Join(p, "site.yaml")):
				add(e, p, filepath.Base(filepath.Clean(p)))
			default:
				subs := siteFolders(p)
				if len(subs) == 0 {
					fail(e, p, "not a site folder (it has no site.yaml) and it holds no site folders")
				}
				for _, s := range subs {
					add(e, s, filepath.Base(s))
				}
			}
		}
	}
	return out
}

// siteFileName names a site given by its file: the folder of a site.yaml,
// otherwise the file's own name.
func siteFileName(p string) string {
	base := filepath.Base(p)
	if base == "site.yaml" || base == "site.yml" {
		abs, err := filepath.Abs(p)
		if err == nil {
			return filepath.Base(filepath.Dir(abs))
		}
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// siteFolders lists the folders directly inside dir that hold a site.yaml.
func siteFolders(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if p := filepath.Join(dir, e.Name()); e.IsDir() && isFile(filepath.Join(p, "site.yaml")) {
			out = append(out, p)
		}
	}
	return out
}

// expandLayouts checks each layout now: a broken layout would fail every
// output that uses it, so it is better reported once, before any work.
func expandLayouts(entries []Entry, errs *source.Errors) []layout {
	if len(entries) == 0 {
		return []layout{{ref: "letter", name: "letter"}}
	}
	var out []layout
	byName := map[string]string{}
	for _, e := range entries {
		if _, err := load.Layout(e.Path); err != nil {
			for _, p := range source.Flatten(err) {
				if se, ok := p.(*source.Error); ok && e.Pos.File != "" && se.Pos.Line == 0 {
					// "unknown layout" has no place in a file; point at the job.
					se.Pos = e.Pos
				}
				*errs = append(*errs, p)
			}
			continue
		}
		name := e.Path
		if _, builtin := layouts.Open(e.Path); !builtin {
			name = strings.TrimSuffix(filepath.Base(e.Path), filepath.Ext(e.Path))
		}
		if prev, dup := byName[name]; dup {
			if prev != e.Path && !sameFile(prev, e.Path) {
				*errs = append(*errs, entryError(e, e.Path, fmt.Sprintf("two layouts are named %q (%s and %s); their outputs would collide", name, prev, e.Path)))
			}
			continue
		}
		byName[name] = e.Path
		out = append(out, layout{ref: e.Path, name: name})
	}
	return out
}

// sameFile reports whether two paths name the same file, however they are
// written (relative or absolute, through a symbolic link).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// HoldsSites reports whether dir is a folder of site folders rather than a
// site folder itself: it has no site.yaml but folders inside it do.
func HoldsSites(dir string) bool {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() || isFile(filepath.Join(dir, "site.yaml")) {
		return false
	}
	return len(siteFolders(dir)) > 0
}

// IsPattern reports whether a leaflet or site argument is a glob pattern
// rather than a path.
func IsPattern(p string) bool { return isPattern(p) }
