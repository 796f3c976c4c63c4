package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// Colors the renderer uses besides the site's accent. Body text is pure
// black so it prints as one ink.
var (
	black     = model.Color{}
	darkGray  = model.Color{R: 0x44, G: 0x44, B: 0x44}
	ruleGray  = model.Color{R: 0xB0, G: 0xB0, B: 0xB0}
	warnColor = model.Color{R: 0x9A, G: 0x5B, B: 0x00}
	urgColor  = model.Color{R: 0xB3, G: 0x26, B: 0x1E}
)

// tint mixes c with white, keeping share of c: backgrounds behind text.
func tint(c model.Color, share float64) model.Color {
	mix := func(v uint8) uint8 { return uint8(float64(v)*share + 255*(1-share) + 0.5) }
	return model.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B)}
}

// Vertical rhythm, as multiples of the body size.
const (
	blockGap         = 0.6
	headingGapBefore = 1.3
	headingGapAfter  = 0.35
	subGapBefore     = 0.9
	subGapAfter      = 0.25
	itemGap          = 0.3
)

func (ts *typesetter) body() textStyle {
	return textStyle{size: ts.l.BodySize, color: black, linkColor: ts.accent, leading: ts.l.Leading}
}

func (ts *typesetter) small() textStyle {
	return textStyle{size: ts.l.SmallSize, color: darkGray, linkColor: ts.accent, leading: 1.35, ragged: true}
}

func (ts *typesetter) heading(size float64, color model.Color) textStyle {
	return textStyle{base: font.Bold, size: size, color: color, linkColor: color, leading: 1.2, ragged: true, headline: true}
}

func (ts *typesetter) noteColor(s model.NoteStyle) model.Color {
	switch s {
	case model.NoteWarning:
		return warnColor
	case model.NoteUrgent:
		return urgColor
	}
	return ts.accent
}
