package check

import (
	"fmt"
	"time"

	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
	"handout/internal/typeset"
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
	for _, p := range c.eng.Validate(&model.Leaflet{File: f.Path}, s, time.Time{}) {
		c.add(f, problemFinding(p))
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
	if c.layout == nil || f.Count(Error) > 0 || (s.HeaderImage == "" && s.FooterImage == "") {
		return
	}
	// the header and footer images are measured as printed: lay out a
	// one-line leaflet with the site and see how wide they come out
	probe, err := load.ParseLeaflet(f.Path, []byte("title: T\nsections:\n  - body: [x]\n"))
	if err != nil {
		return
	}
	doc, err := c.typeset(probe, s, c.layout)
	if err != nil {
		for _, e := range source.Flatten(err) {
			c.add(f, errorFinding(f.Path, e, CodeLayout))
		}
		return
	}
	for _, pic := range widestPictures(doc, func(p *typeset.Picture) bool { return p.Path == s.HeaderImage || p.Path == s.FooterImage }) {
		what := "the header image"
		if pic.Path == s.FooterImage {
			what = "the footer image"
		}
		if img, err := c.eng.Images().Load(pic.Path); err == nil {
			c.resolution(f, pic.Pos, img.Width, pic.W, what)
		}
	}
}
