package render

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
	"handout/internal/typeset"
)

// pagePicture rasterizes one page of a PDF at dpi and returns it.
func pagePicture(t *testing.T, pdf string, page, dpi int) image.Image {
	t.Helper()
	pdftest.Tool(t, "pdftoppm")
	out := filepath.Join(t.TempDir(), "p")
	n := strconv.Itoa(page)
	output(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, "-png", "-singlefile", pdf, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// white reports whether a pixel is paper.
func white(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xf000 && g > 0xf000 && b > 0xf000
}

// TestTrifoldCoverBandStopsShortOfTheFold looks at the cover as a picture:
// the colour band runs to the outer trim but leaves paper showing just
// right of the fold, so an off fold shows no sliver of colour.
func TestTrifoldCoverBandStopsShortOfTheFold(t *testing.T) {
	r := newRenderer(t)
	pdf := renderTo(t, r, Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "trifold"})
	const dpi = 72 // one pixel a point
	img := pagePicture(t, pdf, 1, dpi)
	fold := 261 + 265.5 // fold-in 3.625 in, back panel 3.6875 in
	y := img.Bounds().Dy() - 20
	if !white(img, int(fold)+2, y) {
		t.Error("colour touches the fold between the back panel and the cover")
	}
	if white(img, int(fold)+20, y) || white(img, img.Bounds().Dx()-2, y) {
		t.Error("the cover band should fill the cover from just past the fold to the trim")
	}
}

// TestBrandingLinesUpWithTheText checks, in every page layout, that the
// header image and the footer rule end where the text column ends.
func TestBrandingLinesUpWithTheText(t *testing.T) {
	r := newRenderer(t)
	for _, lay := range []string{"letter", "a4", "large-print", "a5"} {
		for _, s := range []string{"riverside", "hillcrest"} {
			doc, _, err := r.Typeset(Job{Leaflet: sample("incision-care"), Site: site(s), Layout: lay})
			if err != nil {
				t.Fatal(err)
			}
			p := doc.Pages[0]
			right, textRight := 0.0, 0.0
			for _, it := range p.Items {
				switch v := it.(type) {
				case *typeset.Picture:
					if v.Y < 100 { // the header image
						right = v.X + v.W
					}
				case *typeset.Rule:
					if v.Y1 > p.Height*0.8 && v.X2-v.X1 > 100 { // the footer rule
						if textRight == 0 {
							textRight = v.X2
						}
					}
				}
			}
			if right == 0 || textRight == 0 {
				t.Fatalf("%s %s: no header image or footer rule found", lay, s)
			}
			if d := right - textRight; d > 0.5 || d < -0.5 {
				t.Errorf("%s %s: header image ends at %.1f, the footer rule at %.1f", lay, s, right, textRight)
			}
		}
	}
}

// TestLargePrintGivesTheBodyRoom is the target: the incision-care
// leaflet in at most 7 large-print pages, and the text column as wide as
// the header image.
func TestLargePrintGivesTheBodyRoom(t *testing.T) {
	r := newRenderer(t)
	doc, _, err := r.Typeset(Job{Leaflet: sample("incision-care"), Site: site("riverside"), Layout: "large-print"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Pages); n > 7 {
		t.Errorf("incision-care takes %d large-print pages, want at most 7", n)
	}
}

// TestBookletBackCoverAndCost checks a booklet's back cover carries the
// clinic's details, the credits are not left alone on a page of their
// own, and the document says what it costs.
func TestBookletBackCoverAndCost(t *testing.T) {
	r := newRenderer(t)
	res, err := r.Render(Job{Leaflet: sample("let-down-reflex"), Site: site("riverside"), Layout: "booklet"})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Doc.Booklet
	if c == nil || c.Sheets != 1 || c.Pages != 4 {
		t.Fatalf("cost %+v, want 1 sheet of 4 pages", c)
	}
	if !strings.Contains(res.Summary, "booklet of 1 sheet, 4 pages") {
		t.Errorf("summary %q does not say what the booklet costs", res.Summary)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	ws, pw, _ := words(t, path)
	// sheet 1's outer side holds the back cover (left half) and page 1
	found := false
	for _, w := range ws {
		if w.page == 1 && w.xMax < pw/2 && w.text == "(541)" {
			found = true
		}
	}
	if !found {
		t.Error("the back cover (left half of the first side) lacks the clinic's phone")
	}
}

// TestBookletShrinkToFitSavesASheet tightens a booklet a few lines over a
// sheet until it fits one sheet fewer.
func TestBookletShrinkToFitSavesASheet(t *testing.T) {
	r := newRenderer(t)
	for _, leaf := range []string{"breastfeeding-first-weeks", "incision-care"} {
		plain, _, err := r.Typeset(Job{Leaflet: sample(leaf), Site: site("riverside"), Layout: "booklet"})
		if err != nil {
			t.Fatal(err)
		}
		tight, _, err := r.Typeset(Job{Leaflet: sample(leaf), Site: site("riverside"), Layout: "booklet", Print: PrintOptions{ShrinkToFit: true}})
		if err != nil {
			t.Fatal(err)
		}
		if tight.Booklet.Sheets >= plain.Booklet.Sheets || !tight.Booklet.Tightened {
			t.Errorf("%s: shrink to fit: %+v, without: %+v; want a sheet saved", leaf, tight.Booklet, plain.Booklet)
		}
		// the clinic's phone is printed somewhere: on the back cover, or
		// at the end of the last page when a back cover would cost a sheet
		found := false
		for _, p := range tight.Pages {
			for _, it := range p.Items {
				if tx, ok := it.(*typeset.Text); ok && strings.Contains(tx.Text, "River Bend") {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: the tightened booklet lost the clinic's details", leaf)
		}
	}
}
