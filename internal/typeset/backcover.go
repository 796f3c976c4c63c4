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
