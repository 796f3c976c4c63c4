package paint

import (
	"handout/internal/model"
	"handout/internal/pdf"
)

// grayOf is the luminance of a color (ITU-R BT.601 weights).
func grayOf(c model.Color) uint8 {
	return uint8(0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) + 0.5)
}

// colorState is the colour last set for filling or for stroking on the
// page, so that runs in one colour do not repeat it.
type colorState struct {
	col model.Color
	set bool
}

// to records col as the colour and reports whether it changed.
func (s *colorState) to(col model.Color) bool {
	if s.set && s.col == col {
		return false
	}
	s.col, s.set = col, true
	return true
}

func (p *painter) setFill(c *pdf.Content, col model.Color) {
	if p.fill.to(col) {
		p.emit(col, c.FillGray, c.FillRGB)
	}
}

func (p *painter) setStroke(c *pdf.Content, col model.Color) {
	if p.stroke.to(col) {
		p.emit(col, c.StrokeGray, c.StrokeRGB)
	}
}

// emit sets col through gray or rgb, as gray when the output is grayscale.
func (p *painter) emit(col model.Color, gray func(float64), rgb func(r, g, b float64)) {
	if p.gray {
		gray(float64(grayOf(col)) / 255)
		return
	}
	rgb(float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
}
