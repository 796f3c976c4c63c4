package font

import (
	"testing"

	"handout/fonts"
)

// FuzzParse checks that Parse never panics and that whatever it accepts
// measures exactly as fpdf measures it.
func FuzzParse(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0c"))
	f.Add(basicTestFont().build())
	tf := basicTestFont()
	tf.noOS2, tf.upem, tf.longLoca = true, 2048, true
	f.Add(tf.build())
	tf = basicTestFont()
	tf.advances, tf.numGlyphs = []uint16{600, 500, 0, 700, 800, 900, 1000, 1100, 40000}, 12
	tf.segs = append(tf.segs, testSeg{start: 0x100, end: 0x102, delta: 9 - 0x100})
	f.Add(tf.build())
	regular, _, _, _ := fonts.NotoSans()
	f.Add(regular[:4096]) // the table directory and early tables of a real font

	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := Parse("fuzz", data)
		if err != nil {
			if face != nil {
				t.Fatal("Parse returned a face with an error")
			}
			return
		}
		for _, r := range []rune{-1, 0, '\t', 0xD800, 0xFFFF, 0x10000, 0x1F600} {
			if face.Has(r) {
				t.Fatalf("Has(%U) = true", r)
			}
		}
		if face.Advance(0x1F600) <= 0 {
			t.Fatalf("missing width %d", face.Advance(0x1F600))
		}
		if !fpdfSurvives(data) {
			return // fpdf itself fails on this input outside what Parse checks
		}
		for _, d := range compareWithFpdf(face) {
			t.Error(d)
		}
	})
}

// fpdfSurvives reports whether fpdf can load data without panicking (it
// panics on some malformed tables that do not affect measurement).
func fpdfSurvives(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return fpdfWith(data).Error() == nil
}

// FuzzWidthsMatchFpdf builds well-formed synthetic fonts from the fuzzer's
// numbers, which reaches far more of fpdf's width rules than mutating bytes,
// and checks every BMP width and the metrics against fpdf.
func FuzzWidthsMatchFpdf(f *testing.F) {
	f.Add(uint16(1000), int16(800), int16(-200), []byte{2, 88, 1, 244, 0, 0, 2, 188}, uint16(6), []byte{0, 65, 5, 0, 1, 0, 0, 20, 3, 0, 0, 1}, uint8(4))
	f.Add(uint16(2048), int16(0), int16(0), []byte{0, 128, 0, 128, 0, 1, 7, 255}, uint16(9), []byte{0, 32, 90, 255, 224, 0}, uint8(0))
	f.Add(uint16(43), int16(0), int16(-10), []byte{0, 43, 11, 2, 0, 0}, uint16(3), []byte{0, 9, 3, 255, 248, 0, 255, 0, 4, 0, 0, 1}, uint8(1))
	f.Fuzz(func(t *testing.T, upem uint16, asc, desc int16, advances []byte, numGlyphs uint16, segData []byte, os2 uint8) {
		tf := testFont{
			upem: upem, asc: asc, desc: desc, bbox: [4]int16{-10, desc, 1000, asc},
			numGlyphs: numGlyphs % 2000, noOS2: os2 == 0, os2Version: uint16(os2 % 6),
			typoAsc: asc / 2, typoDesc: desc / 2, capHeight: asc / 3, xHeight: asc / 4,
			longLoca: os2%2 == 1, xTop: asc / 5,
		}
		for i := 0; i+1 < len(advances) && len(tf.advances) < 2000; i += 2 {
			tf.advances = append(tf.advances, uint16(advances[i])<<8|uint16(advances[i+1]))
		}
		// Each 6 bytes of segData add a segment after the previous one:
		// gap, length, delta (2 bytes), form and a glyph id seed.
		next := 0
		for i := 0; i+5 < len(segData) && len(tf.segs) < 200; i += 6 {
			start := next + int(segData[i])
			end := start + int(segData[i+1])
			if end >= 0xFFFF {
				break
			}
			s := testSeg{start: uint16(start), end: uint16(end), delta: int16(uint16(segData[i+2])<<8 | uint16(segData[i+3]))}
			if segData[i+4]&1 == 1 {
				for c := start; c <= end; c++ {
					s.glyphs = append(s.glyphs, uint16(c*int(segData[i+5])+int(segData[i+4]))%(numGlyphs|1+5))
				}
			}
			tf.segs = append(tf.segs, s)
			next = end + 1
		}
		face, err := Parse("synthetic", tf.build())
		if err != nil {
			return // e.g. unitsPerEm out of range or an implausible width
		}
		for _, d := range compareWithFpdf(face) {
			t.Error(d)
		}
	})
}
