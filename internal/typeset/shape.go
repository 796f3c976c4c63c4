package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// shape turns text in one face and size into glyphs in points, through the
// font set's shared cache. Everything the typesetter measures is measured
// this way, so what it measures is what is drawn.
func (ts *typesetter) shape(face *font.Face, size float64, text string) ([]Glyph, float64) {
	s := ts.fonts.Shape(font.Run{Face: face, Text: text, Lang: ts.lang})
	gs := make([]Glyph, len(s.Glyphs))
	for i, g := range s.Glyphs {
		gs[i] = Glyph{ID: g.ID, Cluster: int(g.Cluster), XAdvance: s.Points(g.XAdvance, size),
			XOffset: s.Points(g.XOffset, size), YOffset: s.Points(g.YOffset, size)}
	}
	return gs, s.Points(s.Advance, size)
}

// width measures text in one face and size.
func (ts *typesetter) width(face *font.Face, size float64, text string) float64 {
	s := ts.fonts.Shape(font.Run{Face: face, Text: text, Lang: ts.lang})
	return s.Points(s.Advance, size)
}

// newText makes a run of shaped text at x, y.
func (ts *typesetter) newText(x, y float64, face *font.Face, size float64, color model.Color, text string, role Role) *Text {
	t := &Text{X: x, Y: y, Face: face, Size: size, Color: color, Lang: ts.lang, Role: role}
	gs, w := ts.shape(face, size, text)
	t.add(text, gs, w)
	return t
}

// add appends shaped text to the run; the glyphs' clusters move past the
// text already there. Runs are left to right for now: a right-to-left run
// would take the new glyphs on its left.
func (t *Text) add(text string, glyphs []Glyph, width float64) {
	at := len(t.Text)
	t.Text += text
	for _, g := range glyphs {
		g.Cluster += at
		t.Glyphs = append(t.Glyphs, g)
	}
	t.Width += width
}
