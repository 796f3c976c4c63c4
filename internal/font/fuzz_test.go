package font

import (
	"testing"

	"handout/fonts"
)

// FuzzParse checks that Parse never panics, and that whatever it accepts
// can be shaped.
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
		for _, r := range []rune{-1, 0, '\t', 0xD800, 0xFFFF, 0x10FFFF + 1} {
			if face.Has(r) {
				t.Fatalf("Has(%U) = true", r)
			}
		}
		// whatever Parse accepts must shape without a panic
		NewShaper(8).Shape(Run{Face: face, Text: "Ta fi é\u0301 \U0001F600"})
	})
}
