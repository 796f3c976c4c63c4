package engine

import (
	"path/filepath"
	"testing"

	"handout/fonts"
	"handout/internal/font"
	"handout/internal/load"
)

// TestFontsFollowScriptAndLanguage: Han takes the Chinese face in a
// Chinese document and Nanum Gothic in a Korean one; Urdu takes
// Nastaliq where Arabic takes Naskh; Latin stays in Noto Sans.
func TestFontsFollowScriptAndLanguage(t *testing.T) {
	e := newEngine(t)
	cases := []struct {
		lang string
		r    rune
		want string
	}{
		{"zh-Hans", '中', fonts.DroidSansFallbackName},
		{"ja", '中', fonts.DroidSansFallbackName},
		{"ko", '中', fonts.NanumGothicName},
		{"ko", '한', fonts.NanumGothicName},
		{"ar", 'ب', fonts.NaskhArabicName},
		{"ur", 'ب', fonts.NastaliqUrduName},
		{"hi", 'क', fonts.DevanagariName},
		{"ko", 'A', "NotoSans-Regular.ttf"},
	}
	for _, c := range cases {
		f := e.FontsFor(c.lang).FaceFor(font.Regular, c.r)
		if f == nil || f.Name() != c.want {
			t.Errorf("%s: %c is drawn with %v, want %s", c.lang, c.r, name(f), c.want)
		}
	}
}

// TestEnglishReadsNoOtherFamily: laying out the English samples parses no
// family of the catalog, so an English render's start-up is unchanged.
func TestEnglishReadsNoOtherFamily(t *testing.T) {
	e := newEngine(t)
	for _, s := range []string{"let-down-reflex", "breastfeeding-first-weeks"} {
		leaf, err := load.Leaflet(filepath.Join("..", "..", "content", "leaflets", s+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		lay, _ := e.Layout("letter")
		if _, err := e.Typeset(Doc{Leaflet: leaf, Site: PlainSite(), Layout: lay}); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.sets.fams.parsed.Len(); n != 0 {
		t.Errorf("%d catalog families parsed for English documents, want none", n)
	}
	leaf, err := load.Leaflet(filepath.Join("..", "..", "content", "leaflets", "zh-Hans-fever.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lay, _ := e.Layout("letter")
	if _, err := e.Typeset(Doc{Leaflet: leaf, Site: PlainSite(), Layout: lay}); err != nil {
		t.Fatal(err)
	}
	if ok := e.sets.fams.parsed.Has(fonts.DroidSansFallbackName); !ok || e.sets.fams.parsed.Len() != 1 {
		t.Errorf("a Chinese document parsed %d families; want the Chinese one alone", e.sets.fams.parsed.Len())
	}
}

// TestMissingCharacterParsesNothingTwice: a character no family has (an
// emoji) in an English document is not found, and costs no second parse
// of Noto Sans.
func TestMissingCharacterParsesNothingTwice(t *testing.T) {
	e := newEngine(t)
	if f := e.FontsFor("en").FaceFor(font.Regular, '😀'); f != nil {
		t.Errorf("😀 is drawn with %s", f.Name())
	}
	if n := e.sets.fams.parsed.Len(); n != 0 {
		t.Errorf("%d families parsed looking for an emoji, want none", n)
	}
}
