package typeset

import (
	"fmt"

	"handout/internal/source"
)

// checkDrawnInside is the last guard before a document is painted: every
// piece of text has a size above zero, no glyph larger than the page, and
// lies wholly on the page. Whatever slipped past the loader's limits and
// the layout's own checks (a bug, or an input nobody thought of), a
// handout with text off the page or too small to see must fail, not print.
func checkDrawnInside(doc *Document, file string) error {
	const slack = 0.5 // points: rounding, and glyphs' side bearings
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*Text)
			if !ok || t.Text == "" {
				continue
			}
			var what string
			switch {
			case t.Size <= 0:
				what = "at a size of zero"
			case t.Size > min(p.Width, p.Height):
				what = fmt.Sprintf("at %.0f pt, larger than the page", t.Size)
			case t.X < -slack || t.X+t.Width > p.Width+slack || t.Y-t.Size < -slack || t.Y > p.Height+slack:
				what = "outside the page"
			default:
				continue
			}
			s := []rune(t.Text)
			if len(s) > 20 {
				s = append(s[:20], '…')
			}
			return source.Errorf(source.Pos{File: file}, "the text %q on page %d would be drawn %s; nothing was written", string(s), p.Number, what).
				WithHint("this is a bug in handout's layout; please report it with the leaflet and layout")
		}
	}
	return nil
}
