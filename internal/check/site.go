package check

import (
	"fmt"

	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/validate"
)

// siteFile loads and checks a site given as a file to check. Its header
// and footer images are measured with the layout leaflets are checked
// with.
func (c *checker) siteFile(f *File) {
	s, err := load.Site(f.Path)
	if err != nil {
		c.loadErrors(f, err)
		return
	}
	c.siteChecks(f, s)
}

// siteChecks checks a loaded site: what the renderer would reject in its
// values and images, a missing phone number, the accent color's contrast
// and the images' resolution.
func (c *checker) siteChecks(f *File, s *model.Site) {
	for _, e := range validate.Check(validate.Input{Leaflet: &model.Leaflet{File: f.Path}, Site: s, Fonts: c.fonts, Images: c.imageErr}) {
		c.add(f, errorFinding(f.Path, e, validateCode(e)))
	}
	if s.Phone == "" {
		c.add(f, Finding{Severity: Warning, Pos: s.Pos, Code: CodeNoPhone,
			Message: "the site has no phone number, so its leaflets cannot tell patients whom to call",
			Hint:    `add phone: "(555) 555-0100"`})
	}
	if r := ContrastRatio(s.Accent, white); r < MinContrast {
		c.add(f, Finding{Severity: Warning, Pos: s.PosOf("accent_color"), Code: CodeContrast,
			Message: fmt.Sprintf("accent color %s has a contrast ratio of %.1f:1 against white paper; the title, headings, links and list numbers are printed in it and need %.1f:1",
				s.Accent.Hex(), r, MinContrast),
			Hint: "choose a darker shade"})
	}
	l := c.layout
	if l == nil {
		return
	}
	colW := l.PageWidth - l.MarginInside - l.MarginOutside
	if s.HeaderImage != "" {
		if pic, err := c.images.Load(s.HeaderImage); err == nil {
			w := fitWidth(pic.Width, pic.Height, colW, l.HeaderHeight-l.BodySize*0.6)
			c.resolution(f, s.PosOf("header_image"), pic.Width, w, "the header image")
		}
	}
	if s.FooterImage != "" {
		// the footer band holds a rule and one line of text above the image
		pad := l.SmallSize * 0.6
		h := l.FooterHeight - pad*1.6 - l.SmallSize*1.35 - pad*0.5
		if pic, err := c.images.Load(s.FooterImage); err == nil && h > 4 {
			w := fitWidth(pic.Width, pic.Height, colW, h)
			c.resolution(f, s.PosOf("footer_image"), pic.Width, w, "the footer image")
		}
	}
}
