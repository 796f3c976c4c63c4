package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"handout/internal/i18n"
	"handout/internal/inline"
	"handout/internal/load"
	"handout/internal/model"
	"handout/layouts"
)

// library lists what the three folders hold, by ID. It walks the folders
// on every question, so a leaflet or site added, edited or removed is seen
// at once without a restart; what it reads from each file (a title, a
// name) is cached by the file's size and modification time.
type library struct {
	leaflets, sites, layouts root

	mu    sync.Mutex
	cache map[string]cached
}

type cached struct {
	stamp stamp
	value any
}

// LeafletInfo is one entry of /api/leaflets.
type LeafletInfo struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Language     string   `json:"language"`
	LastReviewed string   `json:"last_reviewed,omitempty"`
	Translations []string `json:"translations"`
	Problem      string   `json:"problem,omitempty"` // set when the file does not load
	path         string
	// listed are the translations the file lists (resolved paths), turned
	// into IDs on each listing since those files come and go on their own
	listed []string
}

// SiteInfo is one entry of /api/sites.
type SiteInfo struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Accent  string `json:"accent"` // the branding colour, #RRGGBB
	Problem string `json:"problem,omitempty"`
	path    string // the site folder
}

// LayoutInfo is one entry of /api/layouts.
type LayoutInfo struct {
	ID          string  `json:"id"`
	Description string  `json:"description,omitempty"`
	Builtin     bool    `json:"builtin"`
	WidthIn     float64 `json:"width_in,omitempty"`
	HeightIn    float64 `json:"height_in,omitempty"`
	Problem     string  `json:"problem,omitempty"`
	path        string  // "" for a built-in
}

// walkYAML calls fn for every YAML file in the root that is a regular file
// or a link to one inside the root, with its ID: the path relative to the
// root, with / between folders and no extension.
func walkYAML(r root, fn func(id, path string)) {
	if r.dir == "" {
		return
	}
	filepath.WalkDir(r.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if path != r.dir && hidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		base, ok := yamlName(d.Name())
		if !ok || !usable(r, path, d) {
			return nil
		}
		rel, _ := filepath.Rel(r.dir, filepath.Join(filepath.Dir(path), base))
		fn(filepath.ToSlash(rel), path)
		return nil
	})
}

// usable reports whether a walked file may be read: a regular file, or a
// symbolic link whose target is a regular file inside the root.
func usable(r root, path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 || !r.contains(path) {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Leaflets lists the leaflets, sorted by title.
func (l *library) Leaflets() []LeafletInfo {
	out := []LeafletInfo{}
	ids := map[string]string{} // path -> ID of every listed leaflet
	walkYAML(l.leaflets, func(id, path string) {
		info := l.leafletInfo(path)
		info.ID = id
		if info.Title == "" {
			info.Title = id
		}
		ids[filepath.Clean(path)] = id
		out = append(out, info)
	})
	for i := range out {
		out[i].Translations = translationIDs(out[i].listed, ids)
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Title) < strings.ToLower(out[j].Title) })
	return out
}

// translationIDs keeps the listed translations that are leaflets of the
// folder, as their IDs. Only files the walk lists have an ID, so a
// translation outside the folder, behind a link that leads out, hidden or
// missing is left out, the same as any unknown ID.
func translationIDs(listed []string, ids map[string]string) []string {
	out := []string{}
	for _, p := range listed {
		if id, ok := ids[filepath.Clean(p)]; ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Leaflet finds a leaflet by ID.
func (l *library) Leaflet(id string) (LeafletInfo, bool) {
	var found LeafletInfo
	ok := false
	walkYAML(l.leaflets, func(got, path string) {
		if got == id && !ok {
			found, ok = LeafletInfo{ID: id, path: path}, true
		}
	})
	return found, ok
}

func (l *library) leafletInfo(path string) LeafletInfo {
	v := l.remember(path, func() any {
		leaf, err := load.Leaflet(path)
		if err != nil {
			return LeafletInfo{Problem: l.leaflets.trim(firstLine(err)), Translations: []string{}, path: path}
		}
		info := LeafletInfo{Title: plainText(leaf.Title, leaf.Language), Language: leaf.Language, Translations: []string{}, path: path, listed: leaf.Translations}
		if !leaf.Credits.LastReviewed.IsZero() {
			info.LastReviewed = leaf.Credits.LastReviewed.Time.Format("2006-01-02")
		}
		return info
	})
	return v.(LeafletInfo)
}

// Sites lists the sites, sorted by name: each folder holding a site.yaml.
func (l *library) Sites() []SiteInfo {
	out := []SiteInfo{}
	walkYAML(l.sites, func(id, path string) {
		if filepath.Base(path) != "site.yaml" {
			return
		}
		dir := filepath.Dir(path)
		sid := filepath.ToSlash(filepath.Dir(filepath.FromSlash(id)))
		if sid == "." {
			sid = filepath.Base(dir)
		}
		info := l.siteInfo(path)
		info.ID, info.path = sid, dir
		if info.Name == "" {
			info.Name = sid
		}
		out = append(out, info)
	})
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Site finds a site by ID.
func (l *library) Site(id string) (SiteInfo, bool) {
	for _, s := range l.Sites() {
		if s.ID == id {
			return s, true
		}
	}
	return SiteInfo{}, false
}

func (l *library) siteInfo(path string) SiteInfo {
	v := l.remember(path, func() any {
		s, err := load.Site(path)
		if err != nil {
			return SiteInfo{Problem: l.sites.trim(firstLine(err)), Accent: load.DefaultAccent.Hex()}
		}
		return SiteInfo{Name: s.Name, Accent: s.Accent.Hex()}
	})
	return v.(SiteInfo)
}

// Layouts lists the built-in layouts and those of the layouts folder; a
// file there with a built-in's name takes its place.
func (l *library) Layouts() []LayoutInfo {
	byID := map[string]LayoutInfo{}
	for _, name := range layouts.Names() {
		info := l.layoutInfo(name, "")
		info.ID, info.Builtin = name, true
		byID[name] = info
	}
	walkYAML(l.layouts, func(id, path string) {
		info := l.layoutInfo(path, path)
		info.ID, info.path = id, path
		byID[id] = info
	})
	out := make([]LayoutInfo, 0, len(byID))
	for _, v := range byID {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Layout finds a layout by ID.
func (l *library) Layout(id string) (LayoutInfo, bool) {
	for _, x := range l.Layouts() {
		if x.ID == id {
			return x, true
		}
	}
	return LayoutInfo{}, false
}

func (l *library) layoutInfo(nameOrPath, path string) LayoutInfo {
	build := func() any {
		lay, err := load.Layout(nameOrPath)
		if err != nil {
			return LayoutInfo{Problem: l.layouts.trim(firstLine(err))}
		}
		return LayoutInfo{Description: lay.Description, WidthIn: round2(lay.PageWidth / 72), HeightIn: round2(lay.PageHeight / 72)}
	}
	if path == "" {
		return l.remember("builtin:"+nameOrPath, build).(LayoutInfo)
	}
	return l.remember(path, build).(LayoutInfo)
}

// remember caches what build reads from a file until the file changes.
// Built-in layouts (keys that are no file) never change.
func (l *library) remember(key string, build func() any) any {
	st, _ := statStamp(key)
	l.mu.Lock()
	c, ok := l.cache[key]
	l.mu.Unlock()
	if ok && c.stamp == st {
		return c.value
	}
	v := build()
	l.mu.Lock()
	if l.cache == nil {
		l.cache = map[string]cached{}
	}
	l.cache[key] = cached{stamp: st, value: v}
	l.mu.Unlock()
	return v
}

// stamp identifies a version of a file.
type stamp struct {
	size int64
	mod  time.Time
}

func statStamp(path string) (stamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stamp{size: st.Size(), mod: st.ModTime()}, nil
}

func plainText(t model.Text, lang string) string {
	strs, _ := i18n.For(lang)
	value := func(name string) string { return strs.Generic[name] }
	return strings.Join(strings.Fields(inline.Plain(t.Spans, value)), " ")
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
