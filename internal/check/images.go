package check

import (
	"fmt"
	"path/filepath"
	"strings"

	"handout/internal/engine"
	"handout/internal/model"
	"handout/internal/source"
	"handout/internal/typeset"
)

// Image resolution at the printed size.
const (
	MinPPI         = engine.MinPPI // below this print looks soft
	RecommendedPPI = engine.RecommendedPPI
)

// genericAlt are alt texts that describe nothing.
var genericAlt = map[string]bool{
	"image": true, "picture": true, "photo": true, "photograph": true, "diagram": true,
	"illustration": true, "figure": true, "graphic": true, "img": true, "logo": true,
	"imagen": true, "foto": true, "fotografía": true, "dibujo": true, "ilustración": true, "figura": true,
}

// imageFindings checks the leaflet's images: alt text that says nothing,
// and resolution at the printed size.
func (c *checker) imageFindings(f *File, images []*model.Image) {
	for _, img := range images {
		alt := strings.ToLower(strings.Trim(strings.TrimSpace(img.Alt), "."))
		base := strings.ToLower(filepath.Base(img.Path))
		if alt != "" && (genericAlt[alt] || alt == base || alt == strings.TrimSuffix(base, filepath.Ext(base))) {
			c.add(f, Finding{Severity: Warning, Pos: img.Pos, Code: CodeAltText,
				Message: fmt.Sprintf("the alt text %q does not say what the image shows", img.Alt),
				Hint:    "describe what a reader would learn from the picture"})
		}
	}
}

// laidOut typesets the leaflet as render would, reports what stops it
// (content too long for a folded leaflet, a table row taller than a page,
// a footer text too long for its band), and checks each picture's
// resolution at the size it is actually printed.
func (c *checker) laidOut(f *File, l *model.Leaflet) {
	if c.layout == nil {
		return
	}
	doc, err := c.typeset(l, c.site, c.layout)
	if err != nil {
		for _, e := range source.Flatten(err) {
			c.add(f, errorFinding(f.Path, e, CodeLayout))
		}
		return
	}
	for _, pic := range widestPictures(doc, func(p *typeset.Picture) bool { return p.Pos.File == l.File }) {
		if img, err := c.eng.Images().Load(pic.Path); err == nil {
			c.resolution(f, pic.Pos, img.Width, pic.W, "the image")
		}
	}
}

// typeset lays a leaflet out as render would, through the shared engine:
// every size check reports is read from the result.
func (c *checker) typeset(l *model.Leaflet, s *model.Site, layout *model.Layout) (*typeset.Document, error) {
	return c.eng.Typeset(engine.Doc{Leaflet: l, Site: s, Layout: layout, FontDirs: c.opts.Fonts})
}

// widestPictures returns, per place an image is named, its widest printing
// (the worst resolution), in order of first appearance.
func widestPictures(doc *typeset.Document, keep func(*typeset.Picture) bool) []*typeset.Picture {
	var out []*typeset.Picture
	at := map[source.Pos]*typeset.Picture{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			pic, ok := it.(*typeset.Picture)
			if !ok || !keep(pic) {
				continue
			}
			if prev := at[pic.Pos]; prev == nil {
				at[pic.Pos] = pic
				out = append(out, pic)
			} else if pic.W > prev.W {
				*prev = *pic
			}
		}
	}
	return out
}

// resolution warns when pixels spread over the printed width give less
// than MinPPI.
func (c *checker) resolution(f *File, pos source.Pos, pixels int, widthPt float64, what string) {
	if w, ok := resolutionFinding(pos, pixels, widthPt, what); ok {
		c.add(f, w)
	}
}

// resolutionFinding is the warning for an image whose pixels spread over
// its printed width give less than MinPPI.
func resolutionFinding(pos source.Pos, pixels int, widthPt float64, what string) (Finding, bool) {
	w, ok := engine.Resolution(pos, pixels, widthPt, what)
	return Finding{Severity: Warning, Pos: w.Pos, Code: CodeImageResolution, Message: w.Message, Hint: w.Hint}, ok
}
