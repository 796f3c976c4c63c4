package paint

import (
	"runtime"
	"testing"
	"time"

	"handout/fonts"
	"handout/internal/font"
)

// TestResourcesLetGoOfDroppedFaces: a long-running server parses a fonts
// folder again when it changes and drops the old faces; their font
// programs must go with them, not stay in the shared resources for as
// long as the process lives.
func TestResourcesLetGoOfDroppedFaces(t *testing.T) {
	faces, err := fonts.NewCatalog().Faces(fonts.ArmenianName)
	if err != nil {
		t.Fatal(err)
	}
	res := NewResources(nil)
	for range 3 {
		face, err := font.Parse("Armenian.ttf", faces.Regular)
		if err != nil {
			t.Fatal(err)
		}
		a, err := res.program(face)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := res.program(face); a != b {
			t.Fatal("a face's program is parsed twice")
		}
	}
	for deadline := time.Now().Add(2 * time.Second); res.fonts.Len() > 0 && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := res.fonts.Len(); n != 0 {
		t.Errorf("the resources still hold %d font programs of faces nothing uses", n)
	}
}
