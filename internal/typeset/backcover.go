package typeset

import (
	"fmt"
	"strings"

	"handout/internal/source"
)

// closing lays out what a handout ends with besides its credits: the QR
// code to the online version and the language-assistance taglines, as
// elements of the given width, spaced as they are to be stacked. Page layouts add them after the
// credits, a trifold to its back panel, a booklet to its back cover.
func (ts *typesetter) closing(width float64) []*element {
	var out []*element
	if qr := ts.qrBlock(width); qr != nil {
		out = append(out, qr)
	}
	if tl := ts.taglineElems(width); len(tl) > 0 {
		if len(out) > 0 {
			out = append(out, &element{height: ts.l.SmallSize, space: true})
		}
		out = append(out, &element{height: ts.l.SmallSize * 0.8, keep: true, items: []Item{
			&Rule{X1: 0, Y1: ts.l.SmallSize * 0.4, X2: width, Y2: ts.l.SmallSize * 0.4, Color: ruleGray, Width: 0.5},
		}})
		out = append(out, tl...)
	}
	return out
}

// backCover puts a booklet's closing elements at the foot of its last page,
// the back cover, after blank pages that bring the count to a multiple of
// four: the back cover is the outside of the last sheet. A notice too long
// for the back cover starts on the pages before it. The back cover has no
// header or footer, so it runs after the chrome.
func (ts *typesetter) backCover(doc *Document, elems []*element) {
	if len(elems) == 0 {
		return
	}
	total := 0.0
	for _, e := range elems {
		total += e.height
	}
	top, bottom := ts.l.MarginTop, ts.l.PageHeight-ts.l.MarginBottom
	if total > bottom-top {
		ts.backPages(doc, elems)
		return
	}
	for (len(doc.Pages)+1)%4 != 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	page := ts.blankPage(len(doc.Pages) + 1)
	a := ts.textArea(len(doc.Pages))
	y := bottom - total
	for _, e := range elems {
		for _, it := range e.items {
			page.Items = append(page.Items, shift(it, a.x, y))
		}
		y += e.height
	}
	doc.Pages = append(doc.Pages, page)
}

// backPages flows the closing elements through whole pages that end with
// the back cover.
func (ts *typesetter) backPages(doc *Document, elems []*element) {
	lay := func(start int) *Document {
		ts.framesFor = func(r int) []frame {
			a := ts.textArea(start + r)
			return []frame{{x: a.x, top: ts.l.MarginTop, bottom: ts.l.PageHeight - ts.l.MarginBottom}}
		}
		defer func() { ts.framesFor = nil }()
		part, _ := ts.paginate(elems)
		return part
	}
	part := lay(len(doc.Pages))
	for (len(doc.Pages)+len(part.Pages))%4 != 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	part = lay(len(doc.Pages)) // the margins mirror on facing pages
	for _, p := range part.Pages {
		p.Number = len(doc.Pages) + 1
		doc.Pages = append(doc.Pages, p)
	}
}

// backPanelTooTall reports a trifold's back panel that cannot hold what it
// must, naming the QR code and taglines when they are part of it.
func (ts *typesetter) backPanelTooTall(layout string, over float64) *source.Error {
	parts := []string{"the clinic's details", "the credits"}
	hint := "shorten the credits, disclaimer or copyright"
	if !ts.in.Leaflet.URL.IsZero() {
		parts = append(parts, "the QR code")
	}
	if tl := ts.in.Taglines; tl != nil && len(tl.Lines) > 0 {
		parts = append(parts, fmt.Sprintf("%d taglines", len(tl.Lines)))
		hint = "list fewer languages in the site's taglines, or print on a layout with pages"
	}
	what := strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	return source.Errorf(source.Pos{File: ts.in.Leaflet.File}, "the back panel of the %s layout cannot hold %s: %.1f in too tall", layout, what, over).
		WithHint("%s", hint)
}
