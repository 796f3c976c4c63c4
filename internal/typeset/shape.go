package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// shape turns text in one face and size into glyphs, in points.
func shape(face *font.Face, size float64, text string) ([]Glyph, float64) {
	gs := make([]Glyph, 0, len(text))
	units := 0
	for i, r := range text {
		adv := face.Advance(r)
		gs = append(gs, Glyph{ID: face.GlyphIndex(r), XAdvance: float64(adv) * size / 1000, Cluster: i})
		units += adv
	}
	return gs, float64(units) * size / 1000
}

// newText makes a run of shaped text at x, y.
func newText(x, y float64, face *font.Face, size float64, color model.Color, text string, role Role) *Text {
	gs, w := shape(face, size, text)
	return &Text{X: x, Y: y, Face: face, Size: size, Color: color, Text: text, Glyphs: gs, Width: w, Role: role}
}

// add appends shaped text to the run; the glyphs' clusters move past the
// text already there.
func (t *Text) add(text string, glyphs []Glyph, width float64) {
	at := len(t.Text)
	t.Text += text
	for _, g := range glyphs {
		g.Cluster += at
		t.Glyphs = append(t.Glyphs, g)
	}
	t.Width += width
}
