package typeset

import (
	"strings"

	"handout/internal/font"
	"handout/internal/model"
)

// shape shapes text in one face through the font set's shared cache and
// measures it at size. Everything the typesetter measures is measured this
// way, so what it measures is what is drawn. The result is shared: its
// glyphs become points only when a run is placed.
func (ts *typesetter) shape(face *font.Face, size float64, text string) (*font.Shaped, float64) {
	return ts.shapeDir(face, size, text, false)
}

// shapeDir shapes text in a direction: a right-to-left run comes back
// with its glyphs in visual order, its first character on the right.
func (ts *typesetter) shapeDir(face *font.Face, size float64, text string, rtl bool) (*font.Shaped, float64) {
	s := ts.fonts.Shape(font.Run{Face: face, Text: text, Lang: ts.lang, RTL: rtl})
	return s, s.Points(s.Advance, size)
}

// width measures text in one face and size.
func (ts *typesetter) width(face *font.Face, size float64, text string) float64 {
	s := ts.fonts.Shape(font.Run{Face: face, Text: text, Lang: ts.lang})
	return s.Points(s.Advance, size)
}

// newText makes a run of shaped text at x, y.
func (ts *typesetter) newText(x, y float64, face *font.Face, size float64, color model.Color, text string, role Role) *Text {
	t := &Text{X: x, Y: y, Face: face, Size: size, Color: color, Lang: ts.lang, Role: role}
	s, w := ts.shape(face, size, text)
	t.add(text, s, w)
	t.build()
	return t
}

// label sets a short text on one line at x, y (its baseline) with the
// font set's per-character fallback, as running text is: a page number
// in Chinese or a Devanagari list number takes its script's face. It
// returns the runs, one per face, and their total width.
func (ts *typesetter) label(x, y float64, style font.Style, size float64, color model.Color, text string, role Role) ([]Item, float64) {
	st := textStyle{base: style, size: size, color: color, linkColor: color}
	ps := ts.pieces(text, run{text: text}, st, 0, bidiLevels(text, ts.rtl))
	levels := make([]uint8, len(ps))
	w := 0.0
	for i, p := range ps {
		levels[i] = p.level
		w += p.width
	}
	var items []Item
	at := 0.0
	for _, i := range visualOrder(levels) {
		p := ps[i]
		t := &Text{X: at, Y: y, Face: p.face, Size: size, Color: color, Lang: ts.lang, Role: role, Embolden: p.embolden,
			RTL: p.level%2 == 1}
		t.add(p.text, p.shaped, p.width)
		t.build()
		if ts.rtl {
			t.X = w - at - p.width // the page is mirrored when done
		}
		t.X += x
		items = append(items, t)
		at += p.width
	}
	return items, w
}

// textPart is a piece of shaped text waiting to join its run.
type textPart struct {
	text   string
	shaped *font.Shaped
}

// add appends shaped text to the run; its width counts at once, its text
// and glyphs join when the run is built.
func (t *Text) add(text string, s *font.Shaped, width float64) {
	t.parts = append(t.parts, textPart{text, s})
	t.Width += width
}

// build joins the run's parts into its text and glyphs, with one
// allocation each; the glyphs' clusters move past the text before them.
// Parts are added in visual order, left to right: in a right-to-left run
// the last part added comes first in the text.
func (t *Text) build() {
	if t.RTL {
		t.buildRTL()
		return
	}
	n, g := len(t.Text), len(t.Glyphs)
	for _, p := range t.parts {
		n += len(p.text)
		g += len(p.shaped.Glyphs)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(t.Text)
	glyphs := make([]Glyph, len(t.Glyphs), g)
	copy(glyphs, t.Glyphs)
	for _, p := range t.parts {
		at := b.Len()
		b.WriteString(p.text)
		s := p.shaped
		for _, g := range s.Glyphs {
			glyphs = append(glyphs, Glyph{ID: g.ID, Cluster: at + int(g.Cluster), XAdvance: s.Points(g.XAdvance, t.Size),
				XOffset: s.Points(g.XOffset, t.Size), YOffset: s.Points(g.YOffset, t.Size)})
		}
	}
	t.Text, t.Glyphs, t.parts = b.String(), glyphs, nil
}

// buildRTL builds a right-to-left run from parts added left to right:
// the text is the parts in reverse (logical) order, the glyphs stay in
// the order they were added, each part's clusters moved to where its
// text now starts.
func (t *Text) buildRTL() {
	var b strings.Builder
	offset := make([]int, len(t.parts))
	for i := len(t.parts) - 1; i >= 0; i-- {
		offset[i] = b.Len()
		b.WriteString(t.parts[i].text)
	}
	var glyphs []Glyph
	for i, p := range t.parts {
		s := p.shaped
		for _, g := range s.Glyphs {
			glyphs = append(glyphs, Glyph{ID: g.ID, Cluster: offset[i] + int(g.Cluster), XAdvance: s.Points(g.XAdvance, t.Size),
				XOffset: s.Points(g.XOffset, t.Size), YOffset: s.Points(g.YOffset, t.Size)})
		}
	}
	t.Text, t.Glyphs, t.parts = b.String(), glyphs, nil
}

// Clusters calls fn for each cluster of the run, in the glyphs' (visual)
// order: the source text the cluster stands for and the glyphs that draw
// it, Glyphs[from:to]. A ligature is one glyph for several characters; a
// base with marks drawn apart is several glyphs for its characters. The
// PDF layer maps a cluster's first glyph to its text (ToUnicode) and covers
// the others with ActualText, so text extraction gives back Text exactly.
func (t *Text) Clusters(fn func(text string, from, to int)) {
	for from := 0; from < len(t.Glyphs); {
		c := t.Glyphs[from].Cluster
		to := from + 1
		for to < len(t.Glyphs) && t.Glyphs[to].Cluster == c {
			to++
		}
		// the cluster's text runs to the next larger cluster offset:
		// HarfBuzz keeps clusters monotonic, rising left to right in a
		// left-to-right run and falling in a right-to-left one
		end := len(t.Text)
		switch {
		case !t.RTL && to < len(t.Glyphs):
			end = t.Glyphs[to].Cluster
		case t.RTL && from > 0:
			end = t.Glyphs[from-1].Cluster
		}
		fn(t.Text[c:end], from, to)
		from = to
	}
}
