package font

import (
	"encoding/binary"
	"strings"
	"testing"

	"handout/fonts"
)

func TestParseErrors(t *testing.T) {
	regular, _, _, _ := fonts.NotoSans()
	withOS2 := func(edit func(os2 []byte)) []byte {
		data := append([]byte(nil), regular...)
		n := int(binary.BigEndian.Uint16(data[4:]))
		for i := range n {
			rec := data[12+16*i:]
			if string(rec[:4]) == "OS/2" {
				edit(data[binary.BigEndian.Uint32(rec[8:]):])
			}
		}
		return data
	}
	edited := func(edit func(*testFont)) []byte {
		tf := basicTestFont()
		edit(&tf)
		return tf.build()
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"tiny", []byte{0, 1, 0, 0}, "too short"},
		{"cff", append([]byte("OTTO\x00\x0a\x00\x80\x00\x03\x00\x20"), make([]byte, 200)...), "CFF"},
		{"collection", append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), regular...), "collection"},
		{"not a font", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "not a TrueType font"},
		{"directory truncated", regular[:100], "truncated"},
		{"table past end", regular[:len(regular)-1], "past the end"},
		{"cff outlines", assemble("", map[string][]byte{"CFF ": {1}, "head": make([]byte, 54)}), "CFF outlines"},
		{"no outlines", assemble("", map[string][]byte{"head": make([]byte, 54)}), "no glyf"},
		{"restricted", withOS2(func(os2 []byte) { os2[9] = 2 }), "forbids embedding"},
		{"no subsetting", withOS2(func(os2 []byte) { os2[8] = 1 }), "forbids embedding"},
		{"unitsPerEm 0", edited(func(tf *testFont) { tf.upem = 0 }), "unitsPerEm"},
		{"no metrics", edited(func(tf *testFont) { tf.advances = nil }), "numberOfHMetrics"},
		{"no glyphs", edited(func(tf *testFont) { tf.numGlyphs = 0 }), "no glyphs"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(c.name, c.data)
			if err == nil {
				t.Fatalf("Parse succeeded (%v), want error containing %q", f.Name(), c.want)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name) {
				t.Fatalf("error %q, want it to name the font and contain %q", err, c.want)
			}
		})
	}
}

// TestParseTruncated cuts a real font at many lengths: every prefix must be
// rejected, none may panic.
func TestParseTruncated(t *testing.T) {
	regular, _, _, _ := fonts.NotoSans()
	for n := 0; n < len(regular); n += step(n) {
		if _, err := Parse("cut", regular[:n]); err == nil {
			t.Fatalf("Parse accepted the first %d of %d bytes", n, len(regular))
		}
	}
}

// step walks byte by byte through the header, then coarsely.
func step(n int) int {
	if n < 2048 {
		return 1
	}
	return 997
}

// TestParseCorrupt damages tables of a real font: Parse may accept or
// reject, but must not panic.
func TestParseCorrupt(t *testing.T) {
	regular, _, _, _ := fonts.NotoSans()
	seed := uint32(1)
	for i := range 300 {
		data := append([]byte(nil), regular[:min(len(regular), 400_000)]...)
		if i%2 == 0 {
			data = append([]byte(nil), regular...)
		}
		for range 1 + i%8 {
			seed = seed*1664525 + 1013904223
			pos := int(seed>>8) % min(len(data), 4096+i*200)
			data[pos] = byte(seed)
		}
		_, _ = Parse("corrupt", data) // only panics matter here
	}
}

func TestNotoMetrics(t *testing.T) {
	fam := loadNoto(t)
	f := fam.Face(Regular)
	// Values from the font's hhea (1069/-293) and OS/2 (sCapHeight 714,
	// sxHeight 536) at 1000 units per em.
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"Ascent", f.Ascent(10), 10.69},
		{"Descent", f.Descent(10), 2.93},
		{"CapHeight", f.CapHeight(10), 7.14},
		{"XHeight", f.XHeight(10), 5.36},
	} {
		if diff := c.got - c.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("%s(10) = %v, want %v", c.what, c.got, c.want)
		}
	}
	if got := fam.Face(Bold).XHeight(1000); got != 546 {
		t.Errorf("Bold XHeight(1000) = %v, want 546", got)
	}
}

func TestXHeightFallbacks(t *testing.T) {
	tf := basicTestFont()
	tf.os2Version = 1 // no sxHeight: use the top of the 'x' glyph
	f, err := Parse("v1", tf.build())
	if err != nil {
		t.Fatal(err)
	}
	if got := f.XHeight(1000); got != 510 {
		t.Errorf("XHeight from glyph = %v, want 510", got)
	}
	tf.segs = tf.segs[:5] // drop 'x' and later
	f, err = Parse("no x", tf.build())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.XHeight(1000), 800*2/3.0; got != want {
		t.Errorf("XHeight estimate = %v, want %v", got, want)
	}
}

func TestHas(t *testing.T) {
	fam := loadNoto(t)
	for _, s := range []Style{Regular, Bold, Italic, BoldItalic} {
		f := fam.Face(s)
		for _, r := range []rune{'A', 'z', ' ', '0', '—', '‘', '’', '“', '€', '½', '°', 'ő', 'Ж', 'ω', 0x00A0, 0xFFFD} {
			if !f.Has(r) {
				t.Errorf("%v: Has(%U) = false, want true", s, r)
			}
		}
		for _, r := range []rune{0x4E2D, 0x1F600, 0x10000, 0x10FFFF, -1, '\t', '\n', 0, 0x7F, 0x85, 0xD800, 0xFFFF, 0x0E01} {
			if f.Has(r) {
				t.Errorf("%v: Has(%U) = true, want false", s, r)
			}
		}
	}
	// In the synthetic font: a zero-width glyph is present, glyph ids past
	// the glyph count and mapped controls and surrogates are not.
	f, err := Parse("basic", basicTestFont().build())
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]bool{'A': true, 'a': true, ' ': true, 'b': false, 'F': false, '\t': false, 0: false, 0xD800: false, 0xFFF0: false} {
		if f.Has(r) != want {
			t.Errorf("synthetic Has(%U) = %v, want %v", r, !want, want)
		}
	}
}
