package font

import "testing"

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
