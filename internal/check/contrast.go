package check

import (
	"math"

	"handout/internal/model"
)

// MinContrast is the WCAG 2 AA contrast ratio for normal-size text, which
// headings, links and list numbers in the accent color must reach.
const MinContrast = 4.5

// white is the paper.
var white = model.Color{R: 255, G: 255, B: 255}

// luminance is a color's relative luminance as WCAG 2 defines it.
func luminance(c model.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// ContrastRatio is the WCAG 2 contrast ratio of two colors, from 1 to 21.
func ContrastRatio(a, b model.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
