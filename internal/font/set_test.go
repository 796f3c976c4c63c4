package font

import (
	"testing"

	"github.com/go-text/typesetting/language"
)

// TestSetFallsBackPerCharacter: a character the primary family lacks comes
// from the first fallback that has it, and one no family has gets no face.
func TestSetFallsBackPerCharacter(t *testing.T) {
	noto, err := LoadNotoSans()
	if err != nil {
		t.Fatal(err)
	}
	// a small font that maps U+4E2D, which Noto Sans lacks
	tf := basicTestFont()
	tf.segs = append(tf.segs[:len(tf.segs)-2], testSeg{start: 0x4E2D, end: 0x4E2D, delta: int16(4 - 0x4E2D)})
	cjk, err := Parse("TestCJK", tf.build())
	if err != nil {
		t.Fatal(err)
	}
	fallback := NewFamily("TestCJK", cjk, nil, nil, nil)
	set := NewSet(noto, fallback)
	if f := set.FaceFor(Bold, 'A'); f != noto.Face(Bold) {
		t.Errorf("A should come from the primary bold face, got %s", f.Name())
	}
	if f := set.FaceFor(Bold, '中'); f != cjk {
		t.Errorf("中 should come from the fallback, got %v", f)
	}
	if f := set.FaceFor(Regular, '\u0e01'); f != nil { // Thai: neither has it
		t.Errorf("no family draws U+0E01, got %s", f.Name())
	}
	if set.Face(Italic) != noto.Face(Italic) || set.Name() != "NotoSans, TestCJK" {
		t.Errorf("primary face or name wrong: %q", set.Name())
	}
}

// TestSetPrefersAFamilyPerScript: a family named for a script is tried
// first for that script's characters only; the others keep their order.
func TestSetPrefersAFamilyPerScript(t *testing.T) {
	noto := loadNoto(t)
	tf := basicTestFont() // maps A, a and space, as Noto does
	other, err := Parse("Other", tf.build())
	if err != nil {
		t.Fatal(err)
	}
	alt := NewFamily("Other", other, nil, nil, nil)
	set := NewSet(noto, alt)
	latin := set.WithScript(language.Latin, alt)
	if set.FaceFor(Regular, 'A') != noto.Face(Regular) {
		t.Error("without a script preference A comes from the primary family")
	}
	if latin.FaceFor(Regular, 'A') != other || latin.FaceFor(Regular, 'Ж') != noto.Face(Regular) {
		t.Error("with Latin preferring Other, A must come from Other and Ж still from Noto")
	}
	if latin.FaceFor(Regular, ' ') != noto.Face(Regular) {
		t.Error("a space (Common script) keeps the primary family")
	}
	if latin.shaper != set.shaper {
		t.Error("the copy must share the shaper and its cache")
	}
}
