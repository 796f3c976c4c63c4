package typeset

// mirrorPages mirrors every page of a right-to-left document left to
// right: what was laid out from the left edge (the first column, list
// markers, note bars, the first table column, the footer text) ends on
// the right. Text runs move but keep their glyphs, which are in visual
// order already; pictures move and are not flipped.
func mirrorPages(doc *Document) {
	for _, p := range doc.Pages {
		for i, it := range p.Items {
			p.Items[i] = mirrorIn(it, p.Width)
		}
	}
}

// mirrorIn returns a copy of it mirrored within the width w: its left
// edge goes where its right edge was, measured from the other side.
func mirrorIn(it Item, w float64) Item {
	left, right, ok := span(it)
	if !ok {
		return it
	}
	return it.moved(w-left-right, 0)
}

// span is an item's horizontal extent.
func span(it Item) (left, right float64, ok bool) {
	switch v := it.(type) {
	case *Text:
		return v.X, v.X + v.Width, true
	case *Rect:
		return v.X, v.X + v.W, true
	case *Rule:
		return min(v.X1, v.X2), max(v.X1, v.X2), true
	case *Picture:
		return v.X, v.X + v.W, true
	case *Link:
		return v.X, v.X + v.W, true
	}
	return 0, 0, false
}
