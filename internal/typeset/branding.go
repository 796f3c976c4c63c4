package typeset

// Branding images line up with the text column: a banner spans the column
// from edge to edge, a footer bar too, so their edges and the text's agree.

// bannerStretch is how much taller than its band a header banner may grow
// to span the whole column; the text moves down by as much. A taller image
// is a logo, not a banner: it keeps its band and sits at the left.
const bannerStretch = 1.35

// chromeWidth is the width of the header image and the footer: the text
// column's, so a layout with a line length cap (large print) lines its
// branding up with the text rather than with the margins.
func (ts *typesetter) chromeWidth() float64 {
	l := ts.l
	w := l.PageWidth - l.MarginInside - l.MarginOutside
	if l.MaxLine > 0 && l.Columns <= 1 {
		w = min(w, l.MaxLine)
	}
	return w
}

// headerFit is the size of the header image on a page, and whether it
// spans the column.
func (ts *typesetter) headerFit() (w, h float64, spans bool) {
	pw, ph, ok := ts.in.ImageSize(ts.in.Site.HeaderImage)
	if !ok || pw <= 0 || ph <= 0 {
		return 0, 0, false
	}
	box := ts.l.HeaderHeight - ts.l.HeaderGap
	cw := ts.chromeWidth()
	full := cw * float64(ph) / float64(pw)
	if full <= box*bannerStretch {
		return cw, full, true
	}
	return box * float64(pw) / float64(ph), box, false
}

// headerImage places the site's header image at the top of a page whose
// text column starts at x.
func (ts *typesetter) headerImage(x float64) []Item {
	site := ts.in.Site
	w, h, _ := ts.headerFit()
	if w <= 0 {
		return nil
	}
	ts.useImage(site.HeaderImage)
	return []Item{&Picture{X: x, Y: ts.l.MarginTop, W: w, H: h, Path: site.HeaderImage, Alt: site.Name, Pos: site.PosOf("header_image")}}
}

// footerImage places the site's footer image in the footer band between
// top and bottom. A bar that can span the column at the height there is
// drawn edge to edge at the band's foot, away from the footer rule and
// text so the two never read as a double rule; any other image is centered
// as large as fits.
func (ts *typesetter) footerImage(fr area, top, bottom float64) []Item {
	site := ts.in.Site
	pw, ph, ok := ts.in.ImageSize(site.FooterImage)
	if !ok || pw <= 0 || ph <= 0 {
		return nil
	}
	h := fr.w * float64(ph) / float64(pw)
	// a bar may take the bottom margin's inner half, staying out of the
	// trim's safe zone
	floor := min(ts.l.PageHeight-ts.l.SafeZone, bottom+ts.l.MarginBottom/2)
	if h <= floor-top {
		ts.useImage(site.FooterImage)
		y := max(top, min(bottom, floor)-h)
		if h > bottom-top {
			y = top
		}
		return []Item{&Picture{X: fr.x, Y: y, W: fr.w, H: h, Path: site.FooterImage, Alt: site.Name, Pos: site.PosOf("footer_image")}}
	}
	return ts.fitImage(site.FooterImage, fr.x, top, fr.w, bottom-top, true, site.Name, site.PosOf("footer_image"))
}
