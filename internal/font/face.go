// Package font loads TrueType fonts and shapes text with them.
//
// Fonts are parsed by github.com/go-text/typesetting (every cmap format,
// hmtx, GSUB and GPOS), and text is shaped by its HarfBuzz port: kerning,
// ligatures, marks positioned over their base, and the contextual forms of
// scripts that need them. What the typesetter measures is what the PDF
// draws: the glyph IDs and advances come out of the shaper, and the glyph
// IDs are the font file's own, so the PDF embeds the same file.
package font

import (
	"sync"
	"unicode"

	gofont "github.com/go-text/typesetting/font"
)

// Face is one parsed font, immutable after Parse and safe for concurrent use.
type Face struct {
	name string
	data []byte
	cmap gofont.Cmap // read-only lookups, safe for concurrent use
	upem float64

	shapeOnce sync.Once
	shaping   *gofont.Font // read-only and safe for concurrent use, unlike gofont.Face

	numGlyphs int

	// Vertical metrics in font units; descent is negative below the
	// baseline.
	ascent, descent, capHeight, xHeight float64
	weight                              int // OS/2 usWeightClass; 0 without an OS/2 table

	// gid is the glyph each BMP rune maps to (0 for none): a flat table
	// keeps the per-character font choice of the typesetter free of maps
	// and searches. Runes beyond the BMP go to the cmap itself.
	gid [1 << 16]uint16
}

// Name returns the name the face was parsed under.
func (f *Face) Name() string { return f.name }

// Data returns the original font file, for embedding. It is shared, not
// copied: callers must not modify it.
func (f *Face) Data() []byte { return f.data }

// UnitsPerEm returns the font's design units per em.
func (f *Face) UnitsPerEm() int { return int(f.upem) }

// Has reports whether the font maps r to a real (non-zero) glyph. It is
// always false for control characters and surrogates, which are never text
// to set.
func (f *Face) Has(r rune) bool {
	if uint32(r) < 1<<16 {
		return f.gid[r] != 0
	}
	if !showable(r) {
		return false
	}
	g, ok := f.cmap.Lookup(r)
	return ok && g != 0 && int(g) < f.numGlyphs
}

// Nominal returns the glyph the character map gives r, before shaping (0
// for none).
func (f *Face) Nominal(r rune) uint16 {
	if uint32(r) < 1<<16 {
		return f.gid[r]
	}
	g, ok := f.cmap.Lookup(r)
	if !ok || int(g) >= f.numGlyphs {
		return 0
	}
	return uint16(g)
}

// IsBold reports whether the face is drawn bold (OS/2 weight class 600 or
// more). A bold style set in a face that is not needs synthetic
// emboldening.
func (f *Face) IsBold() bool { return f.weight >= 600 }

// Ascent returns the height above the baseline in points at size.
func (f *Face) Ascent(size float64) float64 { return f.ascent * size / f.upem }

// Descent returns the depth below the baseline in points at size, as a
// positive number.
func (f *Face) Descent(size float64) float64 { return -f.descent * size / f.upem }

// CapHeight returns the height of capital letters in points at size (OS/2
// sCapHeight, else the ascent).
func (f *Face) CapHeight(size float64) float64 { return f.capHeight * size / f.upem }

// XHeight returns the height of lowercase letters in points at size: OS/2
// sxHeight when the font records it, else the top of the glyph for 'x',
// else two thirds of the cap height.
func (f *Face) XHeight(size float64) float64 { return f.xHeight * size / f.upem }

// showable reports whether a rune mapped to a glyph may count as present:
// controls, surrogates and non-characters are never text to set.
func showable(r rune) bool {
	return r >= 0 && r <= unicode.MaxRune && r&0xFFFE != 0xFFFE && !unicode.IsControl(r) && (r < 0xD800 || r > 0xDFFF)
}
