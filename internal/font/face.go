// Package font measures text set in TrueType fonts exactly as fpdf will
// place it.
//
// The typesetter positions every run by the widths computed here, while the
// PDF viewer advances glyphs by the /W array fpdf writes from the same font
// bytes; the two must agree to the unit. So this package reproduces fpdf's
// (codeberg.org/go-pdf/fpdf v0.12.0, utf8fontfile.go) arithmetic rather than
// the OpenType specification where they differ: widths come only from the
// first Unicode format 4 cmap, are rounded to 1/1000 em, and runes without a
// glyph count as the font's missing width. Parse rejects fonts fpdf would
// mishandle instead of guessing.
package font

import "unicode"

// Face is one parsed font, immutable after Parse and safe for concurrent use.
type Face struct {
	name string
	data []byte

	// Vertical metrics in 1/1000 em, truncated as fpdf's FontDesc has them;
	// descent is negative below the baseline.
	ascent, descent, capHeight, xHeight int

	missing int // what fpdf adds for a rune it has no width for

	// adv holds, for every BMP rune, exactly what fpdf's GetStringWidth adds
	// for it; has marks the runes with a real glyph. Flat arrays keep the
	// per-rune lookups of the typesetter free of maps and hashing.
	adv [1 << 16]uint16
	has [1 << 16 / 64]uint64
	// gid is the glyph each BMP rune maps to, for rewriting the cmap.
	gid [1 << 16]uint16
}

// Name returns the name the face was parsed under.
func (f *Face) Name() string { return f.name }

// Data returns the original font file, for embedding through fpdf's
// AddUTF8FontFromBytes. It is shared, not copied: callers must not modify it.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the font maps r to a real (non-zero) glyph that fpdf
// can show. It is always false for control characters, surrogates and runes
// above U+FFFF, which fpdf's two-byte encoding cannot reach.
func (f *Face) Has(r rune) bool {
	if uint32(r) >= 1<<16 {
		return false
	}
	return f.has[uint16(r)>>6]&(1<<(r&63)) != 0
}

// Advance returns the advance width of r in 1/1000 em as fpdf counts it:
// the rounded glyph width, or the font's missing width (or 500 when that is
// zero) for runes it has no width for.
func (f *Face) Advance(r rune) int {
	if uint32(r) < 1<<16 {
		return int(f.adv[uint16(r)])
	}
	return f.missing
}

// Width returns the width of s in points at the given size, computed exactly
// as fpdf's GetStringWidth does (sum of advances, then * size / 1000).
// Invalid UTF-8 counts as U+FFFD, as it does in fpdf.
func (f *Face) Width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		if uint32(r) < 1<<16 {
			w += int(f.adv[uint16(r)])
		} else {
			w += f.missing
		}
	}
	return float64(w) * size / 1000
}

// Ascent returns the height above the baseline in points at size, from the
// same hhea (or OS/2) value fpdf writes as the descriptor's /Ascent.
func (f *Face) Ascent(size float64) float64 { return float64(f.ascent) * size / 1000 }

// Descent returns the depth below the baseline in points at size, as a
// positive number: fpdf's /Descent negated.
func (f *Face) Descent(size float64) float64 { return -float64(f.descent) * size / 1000 }

// CapHeight returns the height of capital letters in points at size, as
// fpdf's /CapHeight (OS/2 sCapHeight, else the ascent).
func (f *Face) CapHeight(size float64) float64 { return float64(f.capHeight) * size / 1000 }

// XHeight returns the height of lowercase letters in points at size: OS/2
// sxHeight when the font records it, else the top of the glyph for 'x',
// else two thirds of the cap height.
func (f *Face) XHeight(size float64) float64 { return float64(f.xHeight) * size / 1000 }

// showable reports whether a rune mapped to a glyph may count as present:
// fpdf would write controls and surrogates, but they are never text to set.
func showable(r rune) bool {
	return r != 0xFFFF && !unicode.IsControl(r) && (r < 0xD800 || r > 0xDFFF)
}

// GlyphIndex returns the glyph r maps to in the font file, or 0 (the
// font's missing glyph) when it maps to none.
func (f *Face) GlyphIndex(r rune) uint16 {
	if !f.Has(r) {
		return 0
	}
	return f.gid[uint16(r)]
}
