package pdf

import (
	"regexp"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// A run of glyphs comes back out of the PDF as the text it was set from,
// in an embedded, subset CID TrueType font.
func TestGlyphsExtractAsText(t *testing.T) {
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		c := d.AddPage(PageSpec{Width: 300, Height: 200}).Content()
		c.FillGray(0)
		c.Glyphs(f, 12, 20, 150, shapeSimple(t, f, 12, "Hello, world"))
		c.Glyphs(f, 12, 20, 130, shapeSimple(t, f, 12, "Año (paréntesis) \\ ok"))
	})
	checkValid(t, path)
	if got, want := pdfText(t, path), "Hello, world\nAño (paréntesis) \\ ok"; got != want {
		t.Errorf("pdftotext = %q, want %q", got, want)
	}
	out := pdftest.Output(t, "pdffonts", path)
	line := regexp.MustCompile(`(?m)^[A-Z]{6}\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`)
	if !line.MatchString(out) {
		t.Errorf("pdffonts shows no embedded subset CID TrueType font with ToUnicode:\n%s", out)
	}
}

// A ligature glyph extracts as all of its letters.
func TestLigatureExtractsAsItsLetters(t *testing.T) {
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		fi := cmap(t, f.prog, 'ﬁ') // the font's fi ligature
		gs := shapeSimple(t, f, 12, "of")
		gs = gs[:1]
		f.Use(fi, "fi")
		gs = append(gs, Glyph{ID: fi, XAdvance: f.prog.width(fi) * 12 / 1000})
		gs = append(gs, shapeSimple(t, f, 12, "ce")...)
		d.AddPage(PageSpec{Width: 300, Height: 200}).Content().Glyphs(f, 12, 20, 150, gs)
	})
	checkValid(t, path)
	if got := pdfText(t, path); got != "ofice" {
		t.Errorf("pdftotext = %q, want %q", got, "ofice")
	}
}

// A cluster of several glyphs (a base and a combining mark) extracts once,
// as its text, through ActualText.
func TestClusterExtractsThroughActualText(t *testing.T) {
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		c := d.AddPage(PageSpec{Width: 300, Height: 200}).Content()
		e, acute := cmap(t, f.prog, 'e'), cmap(t, f.prog, '\u0301')
		caf := shapeSimple(t, f, 12, "caf")
		c.Glyphs(f, 12, 20, 150, caf)
		x := 20.0
		for _, g := range caf {
			x += g.XAdvance
		}
		c.BeginActualText("é")
		f.Use(e, "e")
		f.Use(acute, "\u0301")
		adv := f.prog.width(e) * 12 / 1000
		c.Glyphs(f, 12, x, 150, []Glyph{{ID: e, XAdvance: adv}, {ID: acute, XOffset: -adv / 2, YOffset: 1}})
		c.EndMarked()
	})
	checkValid(t, path)
	if got := pdfText(t, path); got != "café" {
		t.Errorf("pdftotext = %q, want %q", got, "café")
	}
}

// Kerning and offsets become TJ adjustments and text rise; glyphs at their
// own widths need none.
func TestGlyphPositioningOperators(t *testing.T) {
	var c Content
	f := newFont(regular(t), "F1", Ref{Num: 9})
	a := cmap(t, f.prog, 'A')
	w := f.prog.width(a) * 10 / 1000
	c.Glyphs(f, 10, 1, 2, []Glyph{{ID: a, XAdvance: w}, {ID: a, XAdvance: w - 0.5}, {ID: a, XAdvance: w, YOffset: 2}})
	got := string(c.buf)
	for _, want := range []string{"/F1 10 Tf\n", "BT\n1 2 Td\n[(\x00\x01\x00\x01)]TJ\n2 Ts\n[50(\x00\x01)]TJ\n0 Ts\nET\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("content %q lacks %q", got, want)
		}
	}
	// same font and size again: no second Tf
	c.Glyphs(f, 10, 1, 2, []Glyph{{ID: a, XAdvance: w}})
	if n := strings.Count(string(c.buf), "Tf"); n != 1 {
		t.Errorf("Tf written %d times, want once", n)
	}
}

// Text outside the Basic Multilingual Plane maps through ToUnicode as a
// surrogate pair.
func TestToUnicodeBeyondTheBMP(t *testing.T) {
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		x := cmap(t, f.prog, 'x')
		f.Use(x, "𝑥") // U+1D465, as a mathematical italic x would be drawn
		d.AddPage(PageSpec{Width: 100, Height: 50}).Content().Glyphs(f, 12, 10, 20, []Glyph{{ID: x, XAdvance: 6}})
	})
	checkValid(t, path)
	if got := pdfText(t, path); got != "𝑥" {
		t.Errorf("pdftotext = %q, want %q", got, "𝑥")
	}
}
