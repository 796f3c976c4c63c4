package fonts

import (
	"bytes"
	"strings"
	"testing"
)

func TestNotoSans(t *testing.T) {
	r, b, i, bi := NotoSans()
	for name, data := range map[string][]byte{RegularFile: r, BoldFile: b, ItalicFile: i, BoldItalicFile: bi} {
		// TrueType outlines, not CFF: the PDF layer embeds glyf fonts as CIDFontType2.
		if len(data) < 12 || !bytes.Equal(data[:4], []byte{0, 1, 0, 0}) {
			t.Errorf("%s: not a TrueType (0x00010000) font", name)
		}
		if !bytes.Contains(data[:12+16*32], []byte("glyf")) {
			t.Errorf("%s: no glyf table in the table directory", name)
		}
	}
	if bytes.Equal(r, b) || bytes.Equal(i, bi) {
		t.Error("faces are not distinct")
	}
}

func TestNotoSansReturnsCopies(t *testing.T) {
	r1, _, _, _ := NotoSans()
	r1[0] = 0xFF
	r2, _, _, _ := NotoSans()
	if r2[0] != 0 {
		t.Fatal("changing a returned slice changed the embedded font")
	}
}

func TestLicense(t *testing.T) {
	if !strings.Contains(License(), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Fatal("License() does not hold the OFL 1.1 text")
	}
}
