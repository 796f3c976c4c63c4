package font

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// fpdfWith returns a PDF with data added as family "T" in style "" and
// selected at size 12; its Error says whether fpdf took the font.
func fpdfWith(data []byte) *fpdf.Fpdf {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.AddUTF8FontFromBytes("T", "", data)
	pdf.SetFont("T", "", 12)
	return pdf
}

// compareWithFpdf checks every BMP rune's advance and the metrics of f
// against what fpdf computes from the same bytes, and returns the first
// few disagreements.
func compareWithFpdf(f *Face) []string {
	pdf := fpdfWith(f.Data())
	if err := pdf.Error(); err != nil {
		return []string{"fpdf: " + err.Error()}
	}
	var diffs []string
	report := func(format string, args ...any) bool {
		diffs = append(diffs, fmt.Sprintf(format, args...))
		return len(diffs) < 10
	}
	desc := pdf.GetFontDesc("", "")
	if desc.Ascent != f.ascent || desc.Descent != f.descent || desc.CapHeight != f.capHeight {
		report("metrics: fpdf ascent %d descent %d cap %d, ours %d %d %d",
			desc.Ascent, desc.Descent, desc.CapHeight, f.ascent, f.descent, f.capHeight)
	}
	buf := make([]byte, 0, 4)
	for r := rune(0); r < 1<<16; r++ {
		if !utf8.ValidRune(r) {
			continue // surrogates cannot be in a Go string
		}
		buf = utf8.AppendRune(buf[:0], r)
		s := string(buf)
		if got, want := f.Advance(r), pdf.GetStringSymbolWidth(s); got != want {
			if !report("U+%04X: Advance %d, fpdf %d", r, got, want) {
				break
			}
		}
		if got, want := f.Width(s, 12), pdf.GetStringWidth(s); got != want {
			if !report("U+%04X: Width %v, fpdf %v", r, got, want) {
				break
			}
		}
	}
	// Beyond the BMP fpdf falls back to the missing width. (It panics on
	// U+10000 exactly, indexing one past its table, so that rune is left out.)
	for _, s := range []string{"\U0001F600", "\U00010001", "\U0010FFFF", "\xff", "a\xc3", "\U0001F600x"} {
		if got, want := f.Width(s, 12), pdf.GetStringWidth(s); got != want {
			report("%+q: Width %v, fpdf %v", s, got, want)
		}
	}
	return diffs
}

func TestNotoMatchesFpdf(t *testing.T) {
	fam := loadNoto(t)
	pdf := fpdf.New("P", "pt", "Letter", "")
	for s := Regular; s <= BoldItalic; s++ {
		pdf.AddUTF8FontFromBytes(fam.Name, s.PDFStyle(), fam.Face(s).Data())
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Let-down reflex — ‘quoted’ 303-555-0100",
		"Breastfeeding: “Skin-to-skin” contact, 8–12 feeds/day; ½ tsp, 37.5 °C.",
		"Ärztin · Fieber ≥ 38 °C → call • œ ﬁ fl ™ © § ¶ … † ‡",
		"Ελληνικά, русский, Tiếng Việt, Dağ, Łódź",
		"中文 emoji 😀 tab\tnewline\n",
		"",
	}
	for s := Regular; s <= BoldItalic; s++ {
		face := fam.Face(s)
		t.Run(s.String(), func(t *testing.T) {
			for _, d := range compareWithFpdf(face) {
				t.Error(d)
			}
			pdf.SetFont(fam.Name, s.PDFStyle(), 12)
			for _, text := range texts {
				if got, want := face.Width(text, 12), pdf.GetStringWidth(text); got != want {
					t.Errorf("Width(%q) = %v, fpdf %v", text, got, want)
				}
			}
			long := strings.Repeat(texts[0]+" ", 200)
			if got, want := face.Width(long, 12), pdf.GetStringWidth(long); got != want {
				t.Errorf("Width(long) = %v, fpdf %v", got, want)
			}
		})
	}
}

func TestSyntheticMatchesFpdf(t *testing.T) {
	cases := map[string]func(*testFont){
		"basic": func(*testFont) {},
		"upem 2048, half-unit rounding": func(tf *testFont) {
			tf.upem = 2048
			tf.advances = []uint16{128, 128, 1, 3, 2047} // 62.5, 62.5, 0.49, 1.46, 999.5
		},
		"no OS/2, bbox ascent": func(tf *testFont) {
			tf.noOS2, tf.asc, tf.desc, tf.upem = true, 0, 0, 2048
		},
		"OS/2 version 1, typo ascent": func(tf *testFont) {
			tf.os2Version, tf.asc, tf.desc = 1, 0, 0
		},
		"more metrics than glyphs": func(tf *testFont) {
			tf.advances = []uint16{600, 500, 0, 700, 800, 900, 1000}
			tf.numGlyphs = 3
		},
		"huge advances": func(tf *testFont) {
			tf.advances = []uint16{40000, 500, 33000, 50000}
		},
		"huge unmapped last advance": func(tf *testFont) {
			// Glyph 8 is the last metric and unmapped: fpdf then gives
			// glyphs 9..11 its advance unclamped.
			tf.advances = []uint16{600, 500, 0, 700, 800, 900, 1000, 1100, 40000}
			tf.numGlyphs = 12
			tf.segs = append(tf.segs, testSeg{start: 0x100, end: 0x102, delta: 9 - 0x100})
		},
		"huge mapped last advance": func(tf *testFont) {
			tf.advances = []uint16{600, 500, 0, 700, 800, 900, 1000, 1100, 40000}
			tf.numGlyphs = 12
			tf.segs = append(tf.segs, testSeg{start: 0x100, end: 0x103, delta: 8 - 0x100})
		},
		"width rounds to 65535": func(tf *testFont) {
			tf.upem = 43
			tf.advances = []uint16{43, 2818, 0, 30}
		},
		"single metric": func(tf *testFont) {
			tf.advances = []uint16{0}
		},
		"zero-width missing glyph": func(tf *testFont) {
			tf.advances[0] = 0
		},
		"platform 0 record after others": func(tf *testFont) {
			tf.preRecords, tf.unicodeCM = true, true
		},
		"long loca, sfnt true": func(tf *testFont) {
			tf.longLoca, tf.sfnt = true, "true"
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			tf := basicTestFont()
			edit(&tf)
			f, err := Parse(name, tf.build())
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range compareWithFpdf(f) {
				t.Error(d)
			}
		})
	}
}
