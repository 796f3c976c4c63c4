package paint

import (
	"bytes"
	"image"
	"image/png"
	"regexp"
	"testing"
	"time"

	"handout/internal/assets"
	"handout/internal/font"
	"handout/internal/model"
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

func testDoc(fam *font.Family) *typeset.Document {
	reg, bold := fam.Face(font.Regular), fam.Face(font.Bold)
	red := model.Color{R: 200}
	return &typeset.Document{
		Faces:   []*font.Face{bold, reg},
		Images:  []string{"logo.png"},
		Outline: []typeset.OutlineEntry{{Title: "Über uns", Level: 0, Page: 1, Y: 50}},
		Pages: []*typeset.Page{{
			Number: 1, Width: 300, Height: 400,
			Items: []typeset.Item{
				&typeset.Picture{X: 10, Y: 10, W: 100, H: 20, Path: "logo.png"},
				&typeset.Text{X: 20, Y: 60, Face: bold, Size: 14, Color: red, Text: "Über uns"},
				&typeset.Text{X: 20, Y: 80, Face: reg, Size: 10, Text: "Call 555-0100 — any time"},
				&typeset.Rect{X: 10, Y: 90, W: 100, H: 30, Fill: &red},
				&typeset.Rule{X1: 10, Y1: 130, X2: 200, Y2: 130, Color: red, Width: 1},
				&typeset.Link{X: 20, Y: 70, W: 80, H: 12, URL: "https://example.org"},
			},
		}},
	}
}

func logo(t *testing.T) assets.Encoded {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 50, 10)))
	return assets.Encoded{Data: b.Bytes(), Type: "png"}
}

func TestPaintWritesWhatItIsGiven(t *testing.T) {
	fam := family(t)
	img := logo(t)
	meta := Meta{Title: "Tïtle", Author: "Staff", Lang: "de", Creator: "handout test", Date: time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)}
	out, err := Paint(testDoc(fam), meta, func(string) (assets.Encoded, bool) { return img, true })
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"%PDF-", "/Lang (de)", "/Outlines", "/URI (https://example.org)", "D:20200506070809", "/MediaBox [0 0 300.00 400.00]"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+NotoSans-(Bold|Regular)\b`).FindAll(out, -1)
	if len(names) < 2 {
		t.Errorf("fonts are not named as subsets: %q", names)
	}
	again, _ := Paint(testDoc(fam), meta, func(string) (assets.Encoded, bool) { return img, true })
	if !bytes.Equal(out, again) {
		t.Error("painting twice gives different bytes")
	}
}

func TestPaintRefusesWhatItCannotDraw(t *testing.T) {
	fam := family(t)
	if _, err := Paint(&typeset.Document{}, Meta{}, nil); err == nil {
		t.Error("no error for a document without pages")
	}
	if _, err := Paint(testDoc(fam), Meta{}, func(string) (assets.Encoded, bool) { return assets.Encoded{}, false }); err == nil {
		t.Error("no error for an image that was not prepared")
	}
	// corrupt bytes that slipped past preparation must not crash the process
	bad := assets.Encoded{Data: []byte("\x89PNG\r\n\x1a\nbroken"), Type: "png"}
	if _, err := Paint(testDoc(fam), Meta{}, func(string) (assets.Encoded, bool) { return bad, true }); err == nil {
		t.Error("no error for a corrupt image")
	}
}
