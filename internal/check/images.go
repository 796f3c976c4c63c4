package check

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"handout/internal/model"
	"handout/internal/source"
)

// Image resolution at the printed size.
const (
	MinPPI         = 150 // below this print looks soft
	RecommendedPPI = 300
	// naturalPPI is the resolution an image without a width prints at,
	// as the typesetter sets it (internal/typeset/image.go).
	naturalPPI = 150
)

// genericAlt are alt texts that describe nothing.
var genericAlt = map[string]bool{
	"image": true, "picture": true, "photo": true, "photograph": true, "diagram": true,
	"illustration": true, "figure": true, "graphic": true, "img": true, "logo": true,
	"imagen": true, "foto": true, "fotografía": true, "dibujo": true, "ilustración": true, "figura": true,
}

// imageFindings checks the leaflet's images: alt text that says nothing,
// and resolution at the printed size.
func (c *checker) imageFindings(f *File, images []placedImage) {
	for _, p := range images {
		img := p.img
		alt := strings.ToLower(strings.Trim(strings.TrimSpace(img.Alt), "."))
		base := strings.ToLower(filepath.Base(img.Path))
		if alt != "" && (genericAlt[alt] || alt == base || alt == strings.TrimSuffix(base, filepath.Ext(base))) {
			c.add(f, Finding{Severity: Warning, Pos: img.Pos, Code: CodeAltText,
				Message: fmt.Sprintf("the alt text %q does not say what the image shows", img.Alt),
				Hint:    "describe what a reader would learn from the picture"})
		}
		if c.layout == nil {
			continue
		}
		pic, err := c.images.Load(img.Path)
		if err != nil {
			continue // the validator has reported it
		}
		w := printedWidth(img, pic.Width, pic.Height, p.boxW, c.frameHeight())
		c.resolution(f, img.Pos, pic.Width, w, "the image")
	}
}

// printedWidth is how wide, in points, the typesetter prints an image of
// pw x ph pixels in a box boxW wide: at naturalPPI unless the leaflet
// gives a width, never wider than the box, and shrunk to fit the text
// area's height. The caption is left out, which can only overstate the
// width, so the resolution reported is never better than the print's.
func printedWidth(img *model.Image, pw, ph int, boxW, frameH float64) float64 {
	w := float64(pw) * 72 / naturalPPI
	switch {
	case img.Width.Percent > 0:
		w = boxW * img.Width.Percent / 100
	case img.Width.Points > 0:
		w = img.Width.Points
	}
	w = min(w, boxW)
	if h := w * float64(ph) / float64(pw); frameH > 0 && h > frameH {
		w = w * frameH / h
	}
	return w
}

// fitWidth is the width of an image of pw x ph pixels scaled to fit a box
// keeping its shape, as site header and footer images are.
func fitWidth(pw, ph int, boxW, boxH float64) float64 {
	w := boxW
	if h := w * float64(ph) / float64(pw); h > boxH {
		w = boxH * float64(pw) / float64(ph)
	}
	return w
}

// frameHeight is the height of the text area on a page.
func (c *checker) frameHeight() float64 {
	l := c.layout
	h := l.PageHeight - l.MarginTop - l.MarginBottom - l.FooterHeight
	if c.site.HeaderImage != "" {
		h -= l.HeaderHeight
	}
	return h
}

// resolution warns when pixels spread over the printed width give less
// than MinPPI.
func (c *checker) resolution(f *File, pos source.Pos, pixels int, widthPt float64, what string) {
	if widthPt <= 0 || pixels <= 0 {
		return
	}
	inches := widthPt / 72
	ppi := float64(pixels) / inches
	if ppi >= MinPPI {
		return
	}
	c.add(f, Finding{Severity: Warning, Pos: pos, Code: CodeImageResolution,
		Message: fmt.Sprintf("%s prints %.1f in wide, so its %d pixels give %.0f ppi; under %d ppi print looks blurred",
			what, inches, pixels, math.Floor(ppi), MinPPI),
		Hint: fmt.Sprintf("use a version at least %d pixels wide, or %d for the recommended %d ppi",
			int(math.Ceil(inches*MinPPI)), int(math.Ceil(inches*RecommendedPPI)), RecommendedPPI)})
}
