package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	gotext "github.com/go-text/typesetting/font"
)

// basicLetters are letters every family drawing a script must have: the
// alphabet's first letters, a few common signs and, for scripts that need
// them, the letters of the baseline languages beyond the script's core.
var basicLetters = map[string]string{
	"Latn": "AaBbZzÀàÉéÑñÇçŁłŻżĐđƠơƯưẠạỹ",
	"Cyrl": "АаБбЯяЁёЖжЩщ",
	"Grek": "ΑαΒβΩωΣσς",
	"Arab": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "پچژگکی" + "،؛؟",
	"Deva": "अआइकखगघचजटडतदनपबमयरलवसह" + "ािीुूेैोौंः्" + "।",
	"Beng": "অআইকখগচজটডতদনপবমযরলসহ" + "ািীুূেোং্",
	"Gujr": "અઆઇકખગચજટડતદનપબમયરલવસહ" + "ાિીુૂેોં્",
	"Guru": "ਅਆਇਕਖਗਚਜਟਡਤਦਨਪਬਮਯਰਲਵਸਹ" + "ਾਿੀੁੂੇੋਂ੍",
	"Armn": "ԱԲԳԴԵԶաբգդեզևՀհ",
	"Khmr": "កខគឃងចឆជញដតថទនបផពមយរលវសហអ" + "ាិីុូេែោំះ្",
	"Ethi": "ሀለሐመሠረሰቀበተኀነአከወዐዘየደገጠጰጸፀፈፐ" + "።፣",
	"Hebr": "אבגדהוזחטיכלמנסעפצקרשת",
	"Hani": "中文汉字漢字医生药病人孩子喂奶",
	"Hira": "あいうえおかきくけこ",
	"Kana": "アイウエオカキクケコ",
	"Bopo": "ㄅㄆㄇㄈ",
	"Hang": "가나다라마바사아자차카타파하한글병원",
}

// urduLetters are the letters Urdu adds to the Arabic script, which the
// Nastaliq family must draw.
const urduLetters = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"

func TestCatalogFilesAreTrueTypeGlyf(t *testing.T) {
	c := NewCatalog()
	for _, fam := range c.Families() {
		faces, err := c.Faces(fam.Name)
		if err != nil {
			t.Fatal(err)
		}
		for file, data := range facesByFile(fam, faces) {
			if len(data) < 12 || !bytes.Equal(data[:4], []byte{0, 1, 0, 0}) && string(data[:4]) != "true" {
				t.Errorf("%s: %s is not a single TrueType font (starts %q)", fam.Name, file, data[:4])
				continue
			}
			if !hasTable(data, "glyf") {
				t.Errorf("%s: %s has no glyf table (CFF outlines cannot be used)", fam.Name, file)
			}
		}
		if faces.Regular == nil {
			t.Errorf("%s: no regular face", fam.Name)
		}
	}
}

func TestCatalogCoversItsScripts(t *testing.T) {
	c := NewCatalog()
	for _, fam := range c.Families() {
		scripts := fam.Scripts
		if fam.Name == NastaliqUrduName {
			scripts = []string{"Arab"}
		}
		faces, err := c.Faces(fam.Name)
		if err != nil {
			t.Fatal(err)
		}
		for file, data := range facesByFile(fam, faces) {
			face, err := gotext.ParseTTF(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			for _, script := range scripts {
				letters, ok := basicLetters[script]
				if !ok {
					t.Errorf("%s: no test letters for script %s", fam.Name, script)
				}
				if fam.Name == NastaliqUrduName {
					letters = urduLetters
				}
				if missing := missingRunes(face, letters); missing != "" {
					t.Errorf("%s (%s): no glyph for %s letters %q", file, fam.Name, script, missing)
				}
			}
		}
	}
}

func TestKoreanHanjaInNanum(t *testing.T) {
	c := NewCatalog()
	faces, err := c.Faces(NanumGothicName)
	if err != nil {
		t.Fatal(err)
	}
	face, err := gotext.ParseTTF(bytes.NewReader(faces.Regular))
	if err != nil {
		t.Fatal(err)
	}
	// common Hanja in Korean medical text; the rule ko+Hani -> Nanum needs them
	if m := missingRunes(face, "病院醫師藥"); m != "" {
		t.Errorf("Nanum Gothic lacks the Hanja %q", m)
	}
}

func TestEveryScriptHasAFamily(t *testing.T) {
	c := NewCatalog()
	for script := range basicLetters {
		if _, ok := c.ForScript(script); !ok {
			t.Errorf("no family for %s", script)
		}
	}
	if _, ok := c.ForScript("Tibt"); ok {
		t.Error("ForScript(Tibt) found a family; none is embedded")
	}
}

func TestChooseByLanguage(t *testing.T) {
	c := NewCatalog()
	cases := []struct{ lang, script, want string }{
		{"ur", "Arab", NastaliqUrduName},
		{"ur-PK", "Arab", NastaliqUrduName},
		{"ar", "Arab", NaskhArabicName},
		{"fa", "Arab", NaskhArabicName},
		{"ja", "Hani", DroidSansFallbackName},
		{"zh-Hant", "Hani", DroidSansFallbackName},
		{"ko", "Hani", NanumGothicName},
		{"ko", "Hang", NanumGothicName},
		{"hi", "Deva", DevanagariName},
		{"ne", "Deva", DevanagariName},
		{"vi", "Latn", NotoSansName},
		{"ur", "Latn", NotoSansName},
	}
	for _, tc := range cases {
		f, ok := c.Choose(tc.lang, tc.script)
		if !ok || f.Name != tc.want {
			t.Errorf("Choose(%s, %s) = %q, %v; want %q", tc.lang, tc.script, f.Name, ok, tc.want)
		}
	}
}

func TestScripts(t *testing.T) {
	cases := map[string]string{
		"ja": "Hani Hira Kana", "ko": "Hang Hani", "zh-TW": "Hani", "zh-Hans": "Hani",
		"ur": "Arab", "fa": "Arab", "hi": "Deva", "ne": "Deva", "bn": "Beng", "gu": "Gujr",
		"pa": "Guru", "hy": "Armn", "km": "Khmr", "am": "Ethi", "he": "Hebr", "ru": "Cyrl",
		"vi": "Latn", "so": "Latn", "ht": "Latn", "tl": "Latn", "not a tag": "Latn",
	}
	for lang, want := range cases {
		if got := strings.Join(Scripts(lang), " "); got != want {
			t.Errorf("Scripts(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestCatalogIsLazy(t *testing.T) {
	c := NewCatalog()
	for _, f := range c.Families() {
		if c.loaded(f.Name) {
			t.Fatalf("%s was read before it was asked for", f.Name)
		}
	}
	a, err := c.Faces(HebrewName)
	if err != nil {
		t.Fatal(err)
	}
	if !c.loaded(HebrewName) || c.loaded(DroidSansFallbackName) {
		t.Fatal("asking for Hebrew read the wrong families")
	}
	b, _ := c.Faces(HebrewName)
	if &a.Regular[0] != &b.Regular[0] {
		t.Error("the family was read twice")
	}
	if _, err := c.Faces("No Such Sans"); err == nil {
		t.Error("Faces of an unknown family gave no error")
	}
}

func TestLicensesAndReadmeAreCommitted(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range NewCatalog().Families() {
		text, err := LicenseText(f.License)
		if err != nil || len(text) < 1000 {
			t.Errorf("%s: licence %s missing or short (%v)", f.Name, f.License, err)
		}
		for _, file := range []string{f.Regular, f.Bold, f.Italic, f.BoldItalic} {
			if file != "" && !bytes.Contains(readme, []byte("`"+file+"`")) {
				t.Errorf("README.md does not list %s", file)
			}
		}
	}
}

func facesByFile(f Family, faces Faces) map[string][]byte {
	out := map[string][]byte{}
	for _, p := range []struct {
		file string
		data []byte
	}{{f.Regular, faces.Regular}, {f.Bold, faces.Bold}, {f.Italic, faces.Italic}, {f.BoldItalic, faces.BoldItalic}} {
		if p.file != "" {
			out[p.file] = p.data
		}
	}
	return out
}

// hasTable reads the sfnt table directory for a tag.
func hasTable(data []byte, tag string) bool {
	n := int(binary.BigEndian.Uint16(data[4:6]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return false
		}
		if string(data[rec:rec+4]) == tag {
			return true
		}
	}
	return false
}

func missingRunes(face *gotext.Face, letters string) string {
	var missing []rune
	for _, r := range letters {
		if _, ok := face.NominalGlyph(r); !ok {
			missing = append(missing, r)
		}
	}
	return string(missing)
}
