package paint

import (
	"handout/internal/model"
	"handout/internal/pdf"
)

// grayOf is the luminance of a color (ITU-R BT.601 weights).
func grayOf(c model.Color) uint8 {
	return uint8(0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) + 0.5)
}

func (p *painter) setFill(c *pdf.Content, col model.Color) {
	if p.fillSet && p.fill == col {
		return
	}
	p.fill, p.fillSet = col, true
	if p.gray {
		c.FillGray(float64(grayOf(col)) / 255)
		return
	}
	c.FillRGB(float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
}

func (p *painter) setStroke(c *pdf.Content, col model.Color) {
	if p.strokeSet && p.stroke == col {
		return
	}
	p.stroke, p.strokeSet = col, true
	if p.gray {
		c.StrokeGray(float64(grayOf(col)) / 255)
		return
	}
	c.StrokeRGB(float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
}
