package load

import (
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"handout/internal/model"
	"handout/internal/source"
)

// DefaultAccent is the accent color of the unbranded look and of sites that
// set none: a dark blue that prints well in color and in gray.
var DefaultAccent = model.Color{R: 0x1F, G: 0x4E, B: 0x79}

// SiteFile resolves what --site names: a site folder (holding site.yaml) or
// the file itself.
func SiteFile(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return filepath.Join(path, "site.yaml")
	}
	return path
}

// Site reads a site file, or the site.yaml of a folder.
func Site(path string) (*model.Site, error) {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil, source.Errors{missingSite(path)}
	}
	path = SiteFile(path)
	root, src, err := readYAML(path)
	if err != nil {
		return nil, source.Errors{err}
	}
	d := newDecoder(path, src)
	s := decodeSite(d, root)
	if err := d.err(); err != nil {
		return nil, err
	}
	return s, nil
}

func decodeSite(d *decoder, root *yaml.Node) *model.Site {
	s := &model.Site{File: d.file, Dir: filepath.Dir(d.file), Accent: DefaultAccent, Pos: d.pos(root)}
	d.roots, d.where = []string{s.Dir}, "the site's folder"
	if !d.recognise(root, objSite.names(), "this is not a site file (no `name:` found)") {
		return s
	}
	f := d.mapping(root, objSite, "the site")
	s.FieldPos = make(map[string]source.Pos, len(f))
	for name, v := range f {
		s.FieldPos[name] = d.pos(v)
	}
	for _, fd := range []struct {
		name string
		dst  *string
	}{{"name", &s.Name}, {"department", &s.Department}, {"phone", &s.Phone}, {"address", &s.Address}, {"website", &s.Website}, {"tty", &s.TTY}} {
		name, dst := fd.name, fd.dst
		if v := f[name]; v != nil {
			if str, ok := d.scalar(v, name); ok {
				*dst = str
			}
		}
	}
	for _, fd := range []struct {
		name string
		dst  *string
	}{{"header_image", &s.HeaderImage}, {"footer_image", &s.FooterImage}} {
		name, dst := fd.name, fd.dst
		if v := f[name]; v != nil {
			if str, ok := d.scalar(v, name); ok {
				*dst = d.imagePath(v, str)
			}
		}
	}
	if v := f["accent_color"]; v != nil {
		if c, ok := d.color(v, "accent_color"); ok {
			s.Accent = c
		}
	}
	if v := f["footer_text"]; v != nil {
		s.FooterText = d.text(v, "footer_text")
	}
	if v := f["words"]; v != nil {
		s.Words = d.siteWords(v)
	}
	d.taglines(s, f)
	return s
}

// resolve makes a path from a file relative to that file's folder.
func resolve(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}
