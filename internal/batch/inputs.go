package batch

import (
	"os"
	"path/filepath"
	"strings"

	"handout/internal/engine"
	"handout/internal/inline"
	"handout/internal/load"
	"handout/internal/memo"
	"handout/internal/model"
	"handout/layouts"
)

// catalog knows which files each output is made from. It reads each
// leaflet and site once per run, keeping only what the up-to-date check,
// the report and the combined file's bookmarks need: file names and a title.
type catalog struct {
	assets   []string // library folders leaflets may take images from
	leaflets memo.Map[string, leafInfo]
	sites    memo.Map[string, siteInfo]
	layouts  memo.Map[string, string]   // a layout file's fonts: folder
	fontDirs memo.Map[string, []string] // a fonts folder and its fonts
}

type leafInfo struct {
	images []string
	title  model.Text
}

type siteInfo struct {
	files []string // the site file and its images
	site  *model.Site
}

func newCatalog(assets []string) *catalog { return &catalog{assets: assets} }

func (c *catalog) leaflet(path string) leafInfo {
	li, _ := c.leaflets.Get(path, func() (leafInfo, error) {
		// A leaflet that does not load has no known images; its output is
		// then rendered, and fails with the loader's messages.
		var li leafInfo
		l, err := load.Leaflet(path, c.assets...)
		if err != nil {
			return li, nil
		}
		li.title = l.Title
		model.Walk(l, model.Visitor{Block: func(b model.Block, _ model.Place) {
			if img, ok := b.(*model.Image); ok {
				li.images = append(li.images, img.Path)
			}
		}})
		return li, nil
	})
	return li
}

func (c *catalog) site(path string) siteInfo {
	si, _ := c.sites.Get(path, func() (siteInfo, error) {
		si := siteInfo{files: []string{load.SiteFile(path)}}
		s, err := load.Site(path)
		if err != nil {
			return si, nil
		}
		si.site = s
		for _, img := range []string{s.HeaderImage, s.FooterImage} {
			if img != "" {
				si.files = append(si.files, img)
			}
		}
		return si, nil
	})
	return si
}

// layoutFonts is the fonts: folder a layout file names ("" for none, or
// for a layout that does not load, whose render then says why).
func (c *catalog) layoutFonts(path string) string {
	dir, _ := c.layouts.Get(path, func() (string, error) {
		l, err := load.Layout(path)
		if err != nil {
			return "", nil
		}
		return l.Fonts, nil
	})
	return dir
}

// fontFiles lists a fonts folder and the font files in it: a font added,
// removed or replaced there changes what a handout is drawn with.
func fontFiles(dir string) []string {
	out := []string{dir}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out // the render reports the folder
	}
	for _, e := range entries {
		if engine.IsFontFile(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// inputs lists every file an output is made from: the leaflet (and its
// translation), the site file and its images, the leaflet's images, a
// layout file (built-in layouts live inside the program), and the font
// folders (fonts, the run's, and the layout's own) with their fonts.
func (c *catalog) inputs(o Output, fonts []string) []string {
	in := []string{o.Leaflet}
	if o.Site != "" {
		in = append(in, c.site(o.Site).files...)
	}
	in = append(in, c.leaflet(o.Leaflet).images...)
	if o.With != "" {
		in = append(in, o.With)
		in = append(in, c.leaflet(o.With).images...)
	}
	dirs := fonts
	if _, builtin := layouts.Open(o.Layout); !builtin && o.Layout != "" {
		in = append(in, o.Layout)
		if f := c.layoutFonts(o.Layout); f != "" {
			dirs = append(dirs[:len(dirs):len(dirs)], f)
		}
	}
	for _, d := range dirs {
		files, _ := c.fontDirs.Get(d, func() ([]string, error) { return fontFiles(d), nil })
		in = append(in, files...)
	}
	return dedupe(in)
}

func dedupe(s []string) []string {
	seen := make(map[string]bool, len(s))
	out := s[:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// title is the handout's title as printed: the leaflet's title with the
// site's values in its placeholders.
func (c *catalog) title(o Output) string {
	t := c.leaflet(o.Leaflet).title
	var value func(string) string
	if o.Site != "" {
		if s := c.site(o.Site).site; s != nil {
			value = s.Value
		}
	}
	if value == nil {
		value = func(string) string { return "" }
	}
	return strings.Join(strings.Fields(inline.Plain(t.Spans, value)), " ")
}

// upToDate reports whether out exists and is strictly newer than every
// input. A missing or unreadable input makes it out of date, so the render
// runs and reports the problem. inputs is called only when out exists:
// listing them means reading the leaflet.
func upToDate(out string, inputs func() []string) bool {
	st, err := os.Stat(out)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	built := st.ModTime()
	for _, in := range inputs() {
		ist, err := os.Stat(in)
		if err != nil || !built.After(ist.ModTime()) {
			return false
		}
	}
	return true
}

// Catalog is the run's record of which files each output is made from.
// Listing a run's inputs before it starts (to make sure no output
// overwrites one) reads every leaflet and site; passing the same Catalog to
// Run (Options.Catalog) saves reading them again.
type Catalog struct{ c *catalog }

// NewCatalog starts an empty catalog; assets are the library folders
// leaflets may take images from.
func NewCatalog(assets []string) *Catalog { return &Catalog{newCatalog(assets)} }

// InputFiles lists every file the outputs are made from (leaflets, site
// files, layout files, every image they name, and the fonts of the given
// font folders and the layouts'), each once.
func (c *Catalog) InputFiles(outs []Output, fonts []string) []string {
	var all []string
	for _, o := range outs {
		all = append(all, c.c.inputs(o, fonts)...)
	}
	return dedupe(all)
}
