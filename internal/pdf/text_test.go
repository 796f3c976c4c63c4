package pdf

import (
	"bytes"
	"os"
	"path/filepath"
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

// ActualText spans given with the glyphs stay inside the one text object
// and take no part in positioning: the adjustment owed after the span's
// last glyph is written after the span.
func TestActualTextInsideTheTextObject(t *testing.T) {
	var c Content
	f := newFont(regular(t), "F1", Ref{Num: 9})
	a := cmap(t, f.prog, 'A')
	w := f.prog.width(a) * 10 / 1000
	gs := []Glyph{{ID: a, XAdvance: w}, {ID: a, XAdvance: w - 0.5}, {ID: a, XAdvance: w, YOffset: 2}}
	c.GlyphsActualText(f, 10, 1, 2, gs, []ActualText{{From: 1, To: 2, Text: "B"}})
	want := regexp.MustCompile(`^/F1 10 Tf\nBT\n1 2 Td\n\[\(\x00\x01\)\]TJ\n/Span <</ActualText [^>]+>> BDC\n\[\(\x00\x01\)\]TJ\nEMC\n2 Ts\n\[50\(\x00\x01\)\]TJ\n0 Ts\nET\n$`)
	if !want.Match(c.buf) {
		t.Errorf("content %q", c.buf)
	}
	// a span to the end closes before ET; an empty one is left out
	c = Content{}
	c.GlyphsActualText(f, 10, 1, 2, gs[:2], []ActualText{{From: 0, To: 0, Text: "x"}, {From: 1, To: 2, Text: "B"}})
	if got := string(c.buf); strings.Count(got, "BDC") != 1 || !strings.HasSuffix(got, "]TJ\nEMC\nET\n") {
		t.Errorf("content %q", got)
	}
}

// Drawn with and without ActualText, a line renders to the same pixels.
func TestActualTextDrawsTheSame(t *testing.T) {
	var pages [2][]byte
	for i := range pages {
		path, _ := writePDF(t, func(d *Document) {
			f := d.Font(regular(t))
			gs := shapeSimple(t, f, 11, "Kerning AVAW, offsets and rises: ActualText moves nothing")
			for k := range gs {
				gs[k].XAdvance -= 0.137 * float64(k%3)
				if k%5 == 0 {
					gs[k].YOffset = 0.7
				}
			}
			var spans []ActualText
			if i == 1 {
				spans = []ActualText{{From: 0, To: 7, Text: "Kerning"}, {From: 8, To: 12, Text: "AVAW"}, {From: 40, To: len(gs), Text: "tail"}}
			}
			d.AddPage(PageSpec{Width: 400, Height: 60}).Content().GlyphsActualText(f, 11, 7.31, 30.17, gs, spans)
		})
		png := filepath.Join(t.TempDir(), "p")
		pdftest.Output(t, "pdftoppm", "-r", "300", "-png", "-singlefile", path, png)
		data, err := os.ReadFile(png + ".png")
		if err != nil {
			t.Fatal(err)
		}
		pages[i] = data
	}
	if !bytes.Equal(pages[0], pages[1]) {
		t.Error("the line with ActualText renders differently")
	}
}
