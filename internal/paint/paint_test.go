package paint

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/pdf"
	"handout/internal/pdftest"
	"handout/internal/typeset"
)

func family(t *testing.T) *font.Family {
	t.Helper()
	f, err := font.LoadNotoSans()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// run shapes text as the typesetter does.
func run(x, y float64, face *font.Face, size float64, color model.Color, text string) *typeset.Text {
	t := &typeset.Text{X: x, Y: y, Face: face, Size: size, Color: color, Text: text}
	sh := font.NewSet(font.NewFamily("test", face, face, face, face)).Shape(font.Run{Face: face, Text: text})
	for _, g := range sh.Glyphs {
		t.Glyphs = append(t.Glyphs, typeset.Glyph{ID: g.ID, XAdvance: sh.Points(g.XAdvance, size),
			XOffset: sh.Points(g.XOffset, size), YOffset: sh.Points(g.YOffset, size), Cluster: int(g.Cluster)})
	}
	t.Width = sh.Points(sh.Advance, size)
	return t
}

func testDoc(fam *font.Family) *typeset.Document {
	reg, bold := fam.Face(font.Regular), fam.Face(font.Bold)
	red := model.Color{R: 200}
	return &typeset.Document{
		Faces:   []*font.Face{bold, reg},
		Images:  []string{"logo.png"},
		Outline: []typeset.OutlineEntry{{Title: "Über uns", Level: 0, Page: 1, Y: 50}},
		Pages: []*typeset.Page{{
			Number: 1, Width: 300, Height: 400,
			Trim: typeset.Box{X: 9, Y: 9, W: 282, H: 382}, Bleed: typeset.Box{X: 0, Y: 0, W: 300, H: 400},
			Items: []typeset.Item{
				&typeset.Picture{X: 10, Y: 10, W: 100, H: 20, Path: "logo.png"},
				run(20, 60, bold, 14, red, "Über uns"),
				run(20, 80, reg, 10, model.Color{}, "Call 555-0100 — any time"),
				&typeset.Rect{X: 10, Y: 90, W: 100, H: 30, Fill: &red},
				&typeset.Rule{X1: 10, Y1: 130, X2: 200, Y2: 130, Color: red, Width: 1},
				&typeset.Link{X: 20, Y: 70, W: 80, H: 12, URL: "https://example.org"},
			},
		}},
	}
}

func logo(t *testing.T) *pdf.ImageData {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 50, 10))); err != nil {
		t.Fatal(err)
	}
	img, err := pdf.PreparePNG(b.Bytes(), pdf.NewCompressors())
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func write(t *testing.T, out []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPaintWritesWhatItIsGiven(t *testing.T) {
	fam := family(t)
	img := logo(t)
	res := NewResources(nil)
	meta := Meta{Title: "Tïtle", Author: "Staff", Lang: "de", Creator: "handout test", Date: time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)}
	out, err := Paint(testDoc(fam), meta, func(string) (*pdf.ImageData, bool) { return img, true }, res)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"%PDF-", "/Lang (de)", "/Outlines", "/URI (https://example.org)", "D:20200506070809",
		"/MediaBox [0 0 300 400]", "/TrimBox [9 9 291 391]", "/BleedBox [0 0 300 400]"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+NotoSans-(Bold|Regular)\b`).FindAll(out, -1)
	if len(names) < 2 {
		t.Errorf("fonts are not named as subsets: %q", names)
	}
	again, _ := Paint(testDoc(fam), meta, func(string) (*pdf.ImageData, bool) { return img, true }, NewResources(nil))
	if !bytes.Equal(out, again) {
		t.Error("painting twice gives different bytes")
	}
	path := write(t, out)
	if got := pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-"); !strings.Contains(got, "Über uns") || !strings.Contains(got, "Call 555-0100 — any time") {
		t.Errorf("pdftotext gives %q", got)
	}
	if out := pdftest.Output(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	// the outline entry points 50pt below the top of page 1
	if o := pdftest.Output(t, "mutool", "show", path, "outline"); !strings.Contains(o, "\"Über uns\"\t#page=1&zoom=nan,nan,50") {
		t.Errorf("outline: %q", o)
	}
}

// A ligature glyph gives back its letters, and a cluster drawn with two
// glyphs gives back its text once.
func TestPaintClusters(t *testing.T) {
	reg := family(t).Face(font.Regular)
	const size = 20
	// each character's own glyph, shaped alone
	glyph := func(r rune) typeset.Glyph { return run(0, 0, reg, size, model.Color{}, string(r)).Glyphs[0] }
	adv := func(r rune) float64 { return glyph(r).XAdvance }
	// "office café": "ffi" drawn as f + the fi ligature, "é" as e + a
	// combining acute drawn over it
	text := "office café"
	gs := []typeset.Glyph{
		{ID: glyph('o').ID, XAdvance: adv('o'), Cluster: 0},
		{ID: glyph('f').ID, XAdvance: adv('f'), Cluster: 1},
		{ID: glyph('ﬁ').ID, XAdvance: adv('ﬁ'), Cluster: 2},
		{ID: glyph('c').ID, XAdvance: adv('c'), Cluster: 4},
		{ID: glyph('e').ID, XAdvance: adv('e'), Cluster: 5},
		{ID: glyph(' ').ID, XAdvance: adv(' '), Cluster: 6},
	}
	for i, r := range "caf" {
		gs = append(gs, typeset.Glyph{ID: glyph(r).ID, XAdvance: adv(r), Cluster: 7 + i})
	}
	gs = append(gs,
		typeset.Glyph{ID: glyph('e').ID, XAdvance: adv('e'), Cluster: 10},
		typeset.Glyph{ID: glyph('\u0301').ID, XOffset: -adv('e') / 2, Cluster: 10})
	doc := &typeset.Document{Faces: []*font.Face{reg}, Pages: []*typeset.Page{{Number: 1, Width: 300, Height: 100,
		Items: []typeset.Item{&typeset.Text{X: 10, Y: 50, Face: reg, Size: size, Text: text, Glyphs: gs}}}}}
	out, err := Paint(doc, Meta{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, out)
	if got := strings.TrimSpace(pdftest.Output(t, "pdftotext", "-enc", "UTF-8", path, "-")); got != text {
		t.Errorf("pdftotext gives %q, want %q", got, text)
	}
}

// Grayscale output sets colours only with the gray operators.
func TestPaintGrayscale(t *testing.T) {
	fam := family(t)
	img := logo(t)
	out, err := Paint(testDoc(fam), Meta{Grayscale: true}, func(string) (*pdf.ImageData, bool) { return img, true }, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, plain := uncompressed(t, out)
	data := []byte(plain)
	if regexp.MustCompile(`(?m) (rg|RG)$`).Match(data) {
		t.Error("grayscale output sets an RGB colour")
	}
	if bytes.Contains(data, []byte("/DeviceRGB")) || bytes.Contains(data, []byte("/OutputIntents")) {
		t.Error("grayscale output names RGB (an image or an RGB output intent)")
	}
	if !regexp.MustCompile(`(?m)^0\.2353 g$`).Match(data) { // the red (200, 0, 0) as gray: 60/255
		t.Error("grayscale output lacks the red as gray")
	}
}

func TestPaintRefusesWhatItCannotDraw(t *testing.T) {
	fam := family(t)
	if _, err := Paint(&typeset.Document{}, Meta{}, nil, nil); err == nil {
		t.Error("no error for a document without pages")
	}
	if _, err := Paint(testDoc(fam), Meta{}, func(string) (*pdf.ImageData, bool) { return nil, false }, nil); err == nil {
		t.Error("no error for an image that was not prepared")
	}
}

// TestSyntheticBoldStrokesAndFills: a run asking for synthetic bold is
// drawn in text render mode 2 (fill, then stroke) with a line width in
// proportion to its size, in its fill colour, and the mode goes back to
// fill for the text after it.
func TestSyntheticBoldStrokesAndFills(t *testing.T) {
	fam := family(t)
	doc := testDoc(fam)
	bold := run(20, 100, fam.Face(font.Regular), 20, model.Color{R: 200}, "Bold")
	bold.Embolden = true
	doc.Pages[0].Items = append(doc.Pages[0].Items, bold, run(20, 120, fam.Face(font.Regular), 10, model.Color{}, "after"))
	img := logo(t)
	out, err := Paint(doc, Meta{}, func(string) (*pdf.ImageData, bool) { return img, true }, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if err := exec.Command(pdftest.Tool(t, "qpdf"), "--qdf", "--object-streams=disable", write(t, out), plain).Run(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	// the stroke colour is the red the rule before it set already
	re := regexp.MustCompile(`(?s)0\.7 w\n2 Tr\n[^E]*?TJ\nET\n0 Tr\n`)
	if !re.Match(data) || !bytes.Contains(data, []byte("0.7843 0 0 RG\n")) {
		t.Errorf("no red stroke, 0.7 pt line width, 2 Tr ... 0 Tr around the bold run in:\n%s", data)
	}
	if n := bytes.Count(data, []byte(" Tr\n")); n != 2 {
		t.Errorf("%d Tr operators, want 2 (only around the emboldened run)", n)
	}
}

// A link annotation describes itself with the words it covers, which a
// screen reader announces and a viewer shows as a tooltip; a link whose
// words are not known falls back to its address.
func TestLinkContentsAreItsWords(t *testing.T) {
	fam := family(t)
	img := logo(t)
	for _, untagged := range []bool{false, true} {
		doc := testDoc(fam)
		doc.Pages[0].Items = append(doc.Pages[0].Items,
			&typeset.Link{X: 20, Y: 100, W: 80, H: 12, URL: "https://example.org/visit", Text: "our visiting hours "})
		out, err := Paint(doc, Meta{Title: "T", Untagged: untagged}, func(string) (*pdf.ImageData, bool) { return img, true }, NewResources(nil))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"/Contents (our visiting hours)", "/Contents (https://example.org)"} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("untagged=%v: PDF lacks %q", untagged, want)
			}
		}
	}
}

// A link's description is bounded: every area of a long link carries it,
// so its words are cut (at a character, with an ellipsis) rather than
// written again in full for each line.
func TestLongLinkContentsAreCut(t *testing.T) {
	long := strings.Repeat("é", 1000)
	got := linkContents(&typeset.Link{URL: "https://example.org", Text: long})
	if len(got) > maxLinkContents+len("…") || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("%d bytes, valid %v, ends %q", len(got), utf8.ValidString(got), got[len(got)-4:])
	}
	if got := linkContents(&typeset.Link{URL: "https://example.org", Text: " short "}); got != "short" {
		t.Errorf("short link reads %q", got)
	}
}

// uncompressed writes out to a file and returns its path and the same PDF
// with its streams uncompressed and no object streams (qpdf --qdf), for
// reading its content operators.
func uncompressed(t *testing.T, out []byte) (path, plain string) {
	t.Helper()
	path = write(t, out)
	qdf := filepath.Join(t.TempDir(), "plain.pdf")
	if err := exec.Command(pdftest.Tool(t, "qpdf"), "--qdf", "--object-streams=disable", path, qdf).Run(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(data)
}
