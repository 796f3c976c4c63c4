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

// mirrorIn returns a copy of it mirrored within the width w: x becomes
// w - x - its width.
func mirrorIn(it Item, w float64) Item {
	switch v := it.(type) {
	case *Text:
		c := *v
		c.X = w - v.X - v.Width
		return &c
	case *Rect:
		c := *v
		c.X = w - v.X - v.W
		return &c
	case *Rule:
		c := *v
		c.X1, c.X2 = w-v.X2, w-v.X1
		return &c
	case *Picture:
		c := *v
		c.X = w - v.X - v.W
		return &c
	case *Link:
		c := *v
		c.X = w - v.X - v.W
		return &c
	}
	return it
}
