package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/fonts"
	"handout/internal/font"
)

func fontFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFontFolderAddsAndReplaces: a family from a fonts folder that the
// catalog does not have comes first for every character it has; one
// named like a catalog family replaces it for its script.
func TestFontFolderAddsAndReplaces(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c := fonts.NewCatalog()
	droid, _ := c.Faces(fonts.DroidSansFallbackName)
	armenian, _ := c.Faces(fonts.ArmenianName)
	dir := t.TempDir()
	fontFile(t, dir, "Brand.ttf", droid.Regular)             // "Droid Sans Fallback": not a catalog name, so added
	fontFile(t, dir, "Armenian.ttf", armenian.Regular)       // "Noto Sans Armenian": replaces the catalog's
	fontFile(t, dir, "notes.txt", []byte("not a font file")) // ignored
	set, err := e.FontsIn("en", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if f := set.FaceFor(font.Regular, '宝'); f == nil || f.Name() != "Brand.ttf" {
		t.Errorf("宝 is drawn with %v, want the added family", name(f))
	}
	if f := set.FaceFor(font.Regular, 'A'); f == nil || f.Name() != "NotoSans-Regular.ttf" {
		t.Errorf("A, which the added family lacks, is drawn with %v", name(f))
	}
	if f := set.FaceFor(font.Regular, 'ա'); f == nil || f.Name() != "Armenian.ttf" {
		t.Errorf("ա is drawn with %v, want the folder's Armenian family", name(f))
	}
	if f := e.FontsFor("en").FaceFor(font.Regular, '宝'); f == nil || f.Name() != fonts.DroidSansFallbackName {
		t.Errorf("the folder leaks into documents without it: %v", name(f))
	}
}

func TestFontFolderRefusesWhatCannotBeEmbedded(t *testing.T) {
	for name, data := range map[string][]byte{
		"Collection.ttc": []byte("ttcf\x00\x01\x00\x00"),
		"Brand.otf":      append([]byte("OTTO"), make([]byte, 64)...),
	} {
		dir := t.TempDir()
		fontFile(t, dir, name, data)
		_, err := LoadFontDir(dir)
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "TrueType") {
			t.Errorf("%s: %v, want an error naming the file and saying TrueType", name, err)
		}
	}
}

func name(f *font.Face) string {
	if f == nil {
		return "no face"
	}
	return f.Name()
}

// TestFontFolderChangesAreSeen: a long-running engine (handout serve) sees
// a font added to a folder, and a folder that was missing once, at its
// next document, without a restart.
func TestFontFolderChangesAreSeen(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	droid, _ := fonts.NewCatalog().Faces(fonts.DroidSansFallbackName)
	dir := filepath.Join(t.TempDir(), "fonts")
	if _, err := e.FontsIn("en", []string{dir}); err == nil {
		t.Fatal("a missing fonts folder is not an error")
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	set, err := e.FontsIn("en", []string{dir})
	if err != nil {
		t.Fatalf("the folder, made since, is still refused: %v", err)
	}
	if f := set.FaceFor(font.Regular, '宝'); f != nil && f.Name() == "Brand.ttf" {
		t.Fatal("an empty folder gives a brand face")
	}
	fontFile(t, dir, "Brand.ttf", droid.Regular)
	set, err = e.FontsIn("en", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if f := set.FaceFor(font.Regular, '宝'); f == nil || f.Name() != "Brand.ttf" {
		t.Errorf("a font added to the folder is not used: 宝 is drawn with %v", name(f))
	}
}

// TestFontFolderKeepsItsNewestState: a server's fonts folder that changes
// again and again (a font copied in, touched, replaced) leaves one set
// and one parse of the folder, its newest, not one per state it was in.
func TestFontFolderKeepsItsNewestState(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	armenian, _ := fonts.NewCatalog().Faces(fonts.ArmenianName)
	dir := t.TempDir()
	fontFile(t, dir, "Armenian.ttf", armenian.Regular)
	when := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5 {
		if err := os.Chtimes(filepath.Join(dir, "Armenian.ttf"), when, when.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		set, err := e.FontsIn("en", []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if f := set.FaceFor(font.Regular, 'ա'); f == nil || f.Name() != "Armenian.ttf" {
			t.Fatalf("change %d: ա is drawn with %v, want the folder's font", i, name(f))
		}
	}
	if n := len(e.sets.sets); n != 1 {
		t.Errorf("the engine holds %d font sets for one language and folder, want 1", n)
	}
	for dir, f := range e.sets.user.dirs {
		if n := f.fams.Len(); n != 1 {
			t.Errorf("%s: %d parses kept, want 1", dir, n)
		}
	}
}
