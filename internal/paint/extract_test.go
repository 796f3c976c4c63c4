package paint

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handout/fonts"
	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/pdftest"
	"handout/internal/typeset"
)

// devanagari is Noto Sans Devanagari, as the engine embeds it.
func devanagari(t *testing.T) *font.Face {
	t.Helper()
	faces, err := fonts.NewCatalog().Faces(fonts.DevanagariName)
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse("NotoSansDevanagari-Regular.ttf", faces.Regular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// plainContent paints doc and returns its page content, uncompressed.
func plainContent(t *testing.T, doc *typeset.Document) (path string, content string) {
	t.Helper()
	out, err := Paint(doc, Meta{Untagged: true}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	path = write(t, out)
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if err := exec.Command(pdftest.Tool(t, "qpdf"), "--qdf", "--object-streams=disable", path, plain).Run(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(data)
}

func page(items ...typeset.Item) *typeset.Document {
	return &typeset.Document{Pages: []*typeset.Page{{Number: 1, Width: 400, Height: 200, Items: items}}}
}

var actualTextRE = regexp.MustCompile(`/ActualText <feff([0-9a-f]*)>`)

// actualTexts lists the ActualText strings of a content stream.
func actualTexts(content string) []string {
	var out []string
	for _, m := range actualTextRE.FindAllStringSubmatch(content, -1) {
		var rs []rune
		for i := 0; i+4 <= len(m[1]); i += 4 {
			var r rune
			for _, c := range m[1][i : i+4] {
				r = r*16 + rune(strings.IndexRune("0123456789abcdef", c))
			}
			rs = append(rs, r)
		}
		out = append(out, string(rs))
	}
	return out
}

// TestActualTextWrapsWordsWithMarks: a Devanagari word whose vowel sign
// is drawn back over its letter (कैसे) or before it (पिलाएँ) is wrapped
// in ActualText as a whole, from space to space, and pdftotext gives the
// line back exactly; words whose glyphs follow each other (में, पानी) and
// Latin text get none.
func TestActualTextWrapsWordsWithMarks(t *testing.T) {
	deva := devanagari(t)
	latin := family(t).Face(font.Regular)
	const hindi = "बच्चे को कैसे पिलाएँ में पानी"
	doc := page(run(10, 50, deva, 14, model.Color{}, hindi), run(10, 100, latin, 14, model.Color{}, "office AVA Wi-Fi, naïve café"))
	path, content := plainContent(t, doc)
	got := actualTexts(content)
	for _, want := range []string{"बच्चे", "कैसे", "पिलाएँ"} {
		if !strings.Contains(strings.Join(got, "|"), want) {
			t.Errorf("no ActualText %q among %q", want, got)
		}
	}
	for _, s := range got {
		if strings.Contains(s, " ") || s == "में" || s == "पानी" || !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x900 && r < 0x980 }) {
			t.Errorf("ActualText %q: want whole Devanagari words that need it, and only those", s)
		}
	}
	for _, args := range [][]string{{"-raw"}, {}} {
		out := pdftest.Output(t, "pdftotext", append(args, "-enc", "UTF-8", path, "-")...)
		if !strings.Contains(out, hindi+"\n") || !strings.Contains(out, "office AVA Wi-Fi, naïve café") {
			t.Errorf("pdftotext %v gives %q", args, out)
		}
	}
}
