package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// shape shapes text in one face through the font set's shared cache and
// measures it at size. Everything the typesetter measures is measured this
// way, so what it measures is what is drawn. The result is shared: its
// glyphs become points only when a run is placed.
func (ts *typesetter) shape(face *font.Face, size float64, text string) (*font.Shaped, float64) {
	s := ts.fonts.Shape(font.Run{Face: face, Text: text, Lang: ts.lang})
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
	return t
}

// add appends shaped text to the run; the glyphs' clusters move past the
// text already there. Runs are left to right for now: a right-to-left run
// would take the new glyphs on its left.
func (t *Text) add(text string, s *font.Shaped, width float64) {
	at := len(t.Text)
	t.Text += text
	for _, g := range s.Glyphs {
		t.Glyphs = append(t.Glyphs, Glyph{ID: g.ID, Cluster: at + int(g.Cluster), XAdvance: s.Points(g.XAdvance, t.Size),
			XOffset: s.Points(g.XOffset, t.Size), YOffset: s.Points(g.YOffset, t.Size)})
	}
	t.Width += width
}
