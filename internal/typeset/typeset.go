package typeset

import (
	"fmt"

	"handout/internal/font"
	"handout/internal/i18n"
	"handout/internal/model"
	"handout/internal/source"
)

// Input is everything the typesetter needs. Fonts and image sizes are
// loaded once by the caller and shared read-only.
type Input struct {
	Leaflet *model.Leaflet
	Site    *model.Site
	Layout  *model.Layout
	Fonts   *font.Family
	Strings *i18n.Strings
	// ImageSize returns an image's size in pixels; ok is false if the
	// image could not be loaded (the caller has reported why).
	ImageSize func(path string) (w, h int, ok bool)
}

// typesetter holds the state of one run over one document.
type typesetter struct {
	in     Input
	fonts  *font.Family
	l      *model.Layout
	accent model.Color
	colW   float64
	errs   []error
	cur    model.Text // the text being set, for error positions
	images []string
	seenIm map[string]bool
}

// Typeset lays out the leaflet. The error lists every problem found, each
// with its source position.
func Typeset(in Input) (*Document, error) {
	ts := &typesetter{in: in, fonts: in.Fonts, l: in.Layout, accent: in.Site.Accent, seenIm: map[string]bool{}}
	ts.colW = in.Layout.PageWidth - in.Layout.MarginInside - in.Layout.MarginOutside
	f := &flow{}
	ts.titleBlock(f)
	for i, s := range in.Leaflet.Sections {
		ts.section(f, s, i)
	}
	ts.endMatter(f)
	doc := ts.paginate(f.elems)
	ts.chrome(doc)
	if len(ts.errs) > 0 {
		return nil, joinErrors(ts.errs)
	}
	doc.Images = ts.images
	doc.Faces = usedFaces(doc)
	return doc, nil
}

// value fills a placeholder from the site, or with a generic phrase when
// rendering without one. A value the site lacks is an error at the place
// that asks for it.
func (ts *typesetter) value(name string) string {
	if v := ts.in.Site.Value(name); v != "" {
		return v
	}
	if ts.in.Site.Builtin {
		if v, ok := ts.in.Strings.Generic[name]; ok {
			return v
		}
		ts.fail(ts.cur.Pos, "{%s} has no value without a site; render with --site", name)
		return ""
	}
	ts.fail(ts.cur.Pos, "{%s} is used here but the site %s sets no %s", name, ts.in.Site.File, name)
	return ""
}

func (ts *typesetter) fail(pos source.Pos, format string, args ...any) {
	ts.errs = append(ts.errs, source.Errorf(pos, format, args...))
}

// missingGlyph reports a character the fonts cannot draw. fpdf would print
// a blank box for it, which a patient must never get.
func (ts *typesetter) missingGlyph(r rune, offset int) {
	pos := ts.cur.Pos
	if ts.cur.Exact {
		pos.Col += runeCount(ts.cur.Raw, offset)
	}
	what := fmt.Sprintf("U+%04X", r)
	if r >= 0x20 && r != 0x7f {
		what += fmt.Sprintf(" (%c)", r)
	}
	e := source.Errorf(pos, "character %s cannot be drawn: the font %s has no glyph for it", what, ts.fonts.Name)
	if r > 0xFFFF {
		e.WithHint("characters above U+FFFF, such as emoji, are not supported; remove it")
	} else {
		e.WithHint("remove it or replace it with a character the font has")
	}
	for _, prev := range ts.errs {
		if prev.Error() == e.Error() {
			return
		}
	}
	ts.errs = append(ts.errs, e)
}

func runeCount(s string, offset int) int {
	if offset > len(s) {
		offset = len(s)
	}
	n := 0
	for range s[:offset] {
		n++
	}
	return n
}

func (ts *typesetter) useImage(path string) {
	if !ts.seenIm[path] {
		ts.seenIm[path] = true
		ts.images = append(ts.images, path)
	}
}

func usedFaces(doc *Document) []*font.Face {
	seen := map[*font.Face]bool{}
	var faces []*font.Face
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*Text); ok && !seen[t.Face] {
				seen[t.Face] = true
				faces = append(faces, t.Face)
			}
		}
	}
	return faces
}

type errorList []error

func (es errorList) Error() string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += "\n"
		}
		s += e.Error()
	}
	return s
}

func (es errorList) Unwrap() []error { return es }

func joinErrors(errs []error) error { return errorList(errs) }
