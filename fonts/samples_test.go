package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	gotext "github.com/go-text/typesetting/font"
	"golang.org/x/text/unicode/norm"

	"handout/internal/i18n"
	"handout/internal/load"
)

// scriptTables maps ISO 15924 codes to Unicode's script tables.
var scriptTables = map[string]*unicode.RangeTable{
	"Latn": unicode.Latin, "Cyrl": unicode.Cyrillic, "Grek": unicode.Greek, "Arab": unicode.Arabic,
	"Deva": unicode.Devanagari, "Beng": unicode.Bengali, "Gujr": unicode.Gujarati, "Guru": unicode.Gurmukhi,
	"Armn": unicode.Armenian, "Khmr": unicode.Khmer, "Ethi": unicode.Ethiopic, "Hebr": unicode.Hebrew,
	"Hani": unicode.Han, "Hira": unicode.Hiragana, "Kana": unicode.Katakana, "Hang": unicode.Hangul,
	"Bopo": unicode.Bopomofo,
}

func scriptOf(r rune) string {
	for code, tab := range scriptTables {
		if unicode.Is(tab, r) {
			return code
		}
	}
	return "" // Common or Inherited: digits, punctuation, marks
}

// TestSampleLeafletsAreCovered reads the sample leaflets in every script
// (in content/leaflets): each loads, is NFC, has renderer words for its
// language, and each of its characters has a glyph in the family the
// catalog chooses for its script in that language, or, for digits and
// punctuation, in that family or Noto Sans.
func TestSampleLeafletsAreCovered(t *testing.T) {
	var paths []string
	for _, name := range []string{"ar-engorgement", "hi-ors", "ko-safe-sleep", "zh-Hans-fever", "vang-da-so-sinh"} {
		paths = append(paths, filepath.Join("..", "content", "leaflets", name+".yaml"))
	}
	if len(paths) < 5 {
		t.Fatalf("found %d samples, want the Chinese, Korean, Arabic, Hindi and Vietnamese ones", len(paths))
	}
	c := NewCatalog()
	faces := map[string]*gotext.Face{}
	face := func(fam Family) *gotext.Face {
		if f, ok := faces[fam.Name]; ok {
			return f
		}
		data, err := c.Faces(fam.Name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := gotext.ParseTTF(bytes.NewReader(data.Regular))
		if err != nil {
			t.Fatal(err)
		}
		faces[fam.Name] = f
		return f
	}
	latin, _ := c.ForScript("Latn")
	for _, path := range paths {
		leaf, err := load.Leaflet(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if _, ok := i18n.For(leaf.Language); !ok {
			t.Errorf("%s: no renderer words for %s", path, leaf.Language)
		}
		src, _ := os.ReadFile(path)
		if !norm.NFC.IsNormal(src) {
			t.Errorf("%s: not NFC", path)
		}
		main, _ := c.Choose(leaf.Language, Scripts(leaf.Language)[0])
		missing := map[rune]bool{}
		for _, r := range string(src) {
			if r < 0x80 || missing[r] {
				continue
			}
			fams := []Family{main, latin}
			if s := scriptOf(r); s != "" {
				fam, ok := c.Choose(leaf.Language, s)
				if !ok {
					t.Errorf("%s: no family for %s (%c)", path, s, r)
					continue
				}
				fams = []Family{fam}
			}
			found := false
			for _, fam := range fams {
				if _, ok := face(fam).NominalGlyph(r); ok {
					found = true
				}
			}
			if !found {
				missing[r] = true
				t.Errorf("%s: %c (U+%04X) is in none of %v", path, r, r, fams[0].Name)
			}
		}
	}
}
