package paint

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"handout/fonts"
	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/pdf"
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
	return uncompressed(t, out)
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
// line back exactly; words whose glyphs follow each other and map onto
// their characters in order (बच्चे: the च्च conjunct, then the vowel
// sign; में, पानी) and Latin text get none.
func TestActualTextWrapsWordsWithMarks(t *testing.T) {
	deva := devanagari(t)
	latin := family(t).Face(font.Regular)
	const hindi = "बच्चे को कैसे पिलाएँ में पानी"
	doc := page(run(10, 50, deva, 14, model.Color{}, hindi), run(10, 100, latin, 14, model.Color{}, "office AVA Wi-Fi, naïve café"))
	path, content := plainContent(t, doc)
	got := actualTexts(content)
	if strings.Join(got, "|") != "कैसे|पिलाएँ" {
		t.Errorf("ActualText %q, want whole words, only those that need it: कैसे, पिलाएँ", got)
	}
	for _, args := range [][]string{{"-raw"}, {}} {
		out := pdftest.Output(t, "pdftotext", append(args, "-enc", "UTF-8", path, "-")...)
		if !strings.Contains(out, hindi+"\n") || !strings.Contains(out, "office AVA Wi-Fi, naïve café") {
			t.Errorf("pdftotext %v gives %q", args, out)
		}
	}
}

// naskh is Noto Naskh Arabic, as the engine embeds it.
func naskh(t *testing.T) *font.Face {
	t.Helper()
	faces, err := fonts.NewCatalog().Faces(fonts.NaskhArabicName)
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse("NotoNaskhArabic-Regular.ttf", faces.Regular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// rtlRun shapes text right to left, as the typesetter does for Arabic.
func rtlRun(x, y float64, face *font.Face, size float64, text string) *typeset.Text {
	t := &typeset.Text{X: x, Y: y, Face: face, Size: size, Text: text, RTL: true}
	sh := font.NewSet(font.NewFamily("test", face, face, face, face)).Shape(font.Run{Face: face, Text: text, RTL: true})
	for _, g := range sh.Glyphs {
		t.Glyphs = append(t.Glyphs, typeset.Glyph{ID: g.ID, XAdvance: sh.Points(g.XAdvance, size),
			XOffset: sh.Points(g.XOffset, size), YOffset: sh.Points(g.YOffset, size), Cluster: int(g.Cluster)})
	}
	t.Width = sh.Points(sh.Advance, size)
	return t
}

// TestPopplerReordersArabicPunctuation pins what docs/languages.md
// explains: poppler's pdftotext (22.12) rebuilds a right-to-left line from
// left to right and reverses its runs of letters itself, and no drawing
// order makes it give "بسرعة. قد" back: '.' is a number to it
// (UnicodeTypeTable.cc), so the space next to it joins the run kept in
// order (reorderText in TextOutputDev.cc). The letters come back in
// order. When this fails, poppler has changed: read the Arabic samples'
// text exactly in internal/render and update the docs.
func TestPopplerReordersArabicPunctuation(t *testing.T) {
	const line = "بسرعة. قد"
	path, _ := plainContent(t, page(rtlRun(20, 50, naskh(t), 14, line)))
	got := strings.TrimSpace(bidiMarks.Replace(pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-")))
	if got != "بسرعة .قد" {
		t.Errorf("pdftotext gives %q, want poppler's known %q", got, "بسرعة .قد")
	}
}

// bidiMarks are the directional marks pdftotext writes around
// right-to-left text.
var bidiMarks = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u200e", "", "\u200f", "")

// popplerClass is poppler's character class (UnicodeTypeTable.cc) for the
// characters of the proof below: 'R' right to left, '#' number (European
// digits and separators, '.' and '،' among them), 'N' neutral.
func popplerClass(r rune) byte {
	switch {
	case r == '.' || r == '،' || r >= '0' && r <= '9':
		return '#'
	case r >= 0x600 && r <= 0x6ff:
		return 'R'
	case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		return 'L'
	}
	return 'N'
}

// popplerRTLLine is reorderText's right-to-left branch (TextOutputDev.cc),
// which pdftotext applies to each line of a mostly right-to-left page
// after putting its characters in order from left to right: from the
// line's right end, a run of characters that are neither left to right
// nor numbers is written reversed, then a run of characters that are not
// right to left is written in order, and so on.
func popplerRTLLine(text []rune) string {
	var out []rune
	for i := len(text) - 1; i >= 0; {
		j := i
		for j >= 0 && popplerClass(text[j]) != '#' && popplerClass(text[j]) != 'L' {
			j--
		}
		for k := i; k > j; k-- {
			out = append(out, text[k])
		}
		i = j
		for j >= 0 && popplerClass(text[j]) != 'R' {
			j--
		}
		out = append(out, text[j+1:i+1]...)
		i = j
	}
	return string(out)
}

// TestNoDrawingOrderGivesArabicPunctuationBack: whatever order a PDF puts
// the characters of "ب. ق" in (glyph by glyph or through ActualText, the
// characters reach a line as some order of these four), poppler's
// reordering never gives the text back: the space must follow '.', but a
// neutral next to a number joins the number's run, which is kept in
// order.
func TestNoDrawingOrderGivesArabicPunctuationBack(t *testing.T) {
	want := "ب. ق"
	// the visual order, as handout draws it, and what pdftotext makes of it
	if got := popplerRTLLine([]rune("ق .ب")); got != "ب .ق" {
		t.Fatalf("the model gives %q for the visual order; poppler gives %q", got, "ب .ق")
	}
	var permute func(done, left []rune)
	found := 0
	permute = func(done, left []rune) {
		if len(left) == 0 {
			if popplerRTLLine(done) == want {
				found++
				t.Logf("%q gives it back", string(done))
			}
			return
		}
		for i := range left {
			rest := append(append([]rune{}, left[:i]...), left[i+1:]...)
			permute(append(append([]rune{}, done...), left[i]), rest)
		}
	}
	permute(nil, []rune(want))
	if found > 0 {
		t.Errorf("%d orders give %q back: poppler's limit is not what docs/languages.md says", found, want)
	}
}

// TestPopplerSplitsArabicDrawnFromTheRight shows why handout draws
// right-to-left lines from the left although pdfinfo -struct-text would
// then read them in order: drawn glyph by glyph from the right, the same
// line comes apart in pdftotext. Every glyph is a word of its own to
// poppler, and the zero-width alef of lam-alef, drawn where the lam
// starts, overlaps the lam by more than half an em, which ends poppler's
// line (TextPage::coalesce: delta < minCharSpacing * fontSize).
func TestPopplerSplitsArabicDrawnFromTheRight(t *testing.T) {
	const line = "بعد الولادة"
	face := naskh(t)
	tx := rtlRun(20, 50, face, 20, line)
	var buf bytes.Buffer
	d := pdf.NewDocument(&buf, pdf.Options{})
	prog, err := pdf.ParseFont(face.Data())
	if err != nil {
		t.Fatal(err)
	}
	f := d.Font(prog)
	c := d.AddPage(pdf.PageSpec{Width: 300, Height: 100}).Content()
	// each glyph with its own character (this line has a glyph per
	// character), drawn in reading order: from the right, each advance
	// taking the pen back to the glyph before it on the page
	var gs []pdf.Glyph
	for v := len(tx.Glyphs) - 1; v >= 0; v-- {
		g := tx.Glyphs[v]
		r, _ := utf8.DecodeRuneInString(line[g.Cluster:])
		f.Use(g.ID, string(r))
		back := 0.0
		if v > 0 {
			back = -tx.Glyphs[v-1].XAdvance
		}
		gs = append(gs, pdf.Glyph{ID: g.ID, XAdvance: back, XOffset: g.XOffset, YOffset: g.YOffset})
	}
	c.Glyphs(f, tx.Size, tx.X+tx.Width-tx.Glyphs[len(tx.Glyphs)-1].XAdvance, 50, gs)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	path := write(t, buf.Bytes())
	got := strings.TrimSpace(bidiMarks.Replace(pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-")))
	t.Logf("from the right: %q", got)
	if !strings.Contains(got, "\n") {
		t.Errorf("pdftotext reads %q in one line: poppler no longer splits right-to-left glyphs drawn from the right, and handout could draw them so (docs/languages.md)", got)
	}
	// drawn from the left, as handout draws it, the line stays whole
	path, _ = plainContent(t, page(rtlRun(20, 50, face, 20, line)))
	if got := strings.TrimSpace(bidiMarks.Replace(pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-"))); got != line {
		t.Errorf("drawn from the left, pdftotext reads %q, want %q", got, line)
	}
}
