package typeset

import "handout/internal/source"

// closing lays out what a handout ends with besides its credits: the QR
// code to the online version and the language-assistance taglines, each
// as one element of the given width. Page layouts add them after the
// credits, a trifold to its back panel, a booklet to its back cover.
func (ts *typesetter) closing(width float64) []*element {
	var out []*element
	if qr := ts.qrBlock(width); qr != nil {
		out = append(out, qr)
	}
	if tl := ts.taglineElems(width); len(tl) > 0 {
		out = append(out, &element{height: ts.l.SmallSize * 0.8, keep: true, items: []Item{
			&Rule{X1: 0, Y1: ts.l.SmallSize * 0.4, X2: width, Y2: ts.l.SmallSize * 0.4, Color: ruleGray, Width: 0.5},
		}})
		out = append(out, tl...)
	}
	return out
}

// backCover puts a booklet's closing elements at the foot of its last page,
// the back cover, after blank pages that bring the count to a multiple of
// four: the back cover is the outside of the last sheet. It has no header
// or footer, so it runs after the chrome.
func (ts *typesetter) backCover(doc *Document, elems []*element) {
	if len(elems) == 0 {
		return
	}
	for (len(doc.Pages)+1)%4 != 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	page := ts.blankPage(len(doc.Pages) + 1)
	a := ts.textArea(len(doc.Pages))
	gap := ts.l.BodySize
	total := -gap
	for _, e := range elems {
		total += e.height + gap
	}
	top, bottom := ts.l.MarginTop, ts.l.PageHeight-ts.l.MarginBottom
	if total > bottom-top {
		ts.errs = append(ts.errs, source.Errorf(source.Pos{File: ts.in.Leaflet.File},
			"the back cover of the %s layout cannot hold the QR code and the taglines: %.1f in too tall", ts.l.Name, (total-(bottom-top))/72).
			WithHint("use fewer tagline languages, or a layout with larger pages"))
		return
	}
	y := bottom - total
	for _, e := range elems {
		for _, it := range e.items {
			page.Items = append(page.Items, shift(it, a.x, y))
		}
		y += e.height + gap
	}
	doc.Pages = append(doc.Pages, page)
}
