package typeset

import "handout/internal/model"

// finish turns laid-out pages into what goes to press: a blank page to
// make a duplex stack even, booklet imposition, then bleed and crop marks.
func (ts *typesetter) finish(doc *Document) {
	l := ts.l
	doc.Outline = outline(doc.Pages)
	if l.Booklet {
		if ts.in.endInFlow {
			doc.Booklet = ts.padBooklet(doc)
		} else {
			doc.Booklet = ts.backCover(doc)
		}
	}
	if ts.rtl {
		mirrorPages(doc) // every page is laid out now, and not yet imposed
	}
	if l.Booklet {
		doc.Pages = impose(doc.Pages, doc.Outline, l.SheetWidth, l.SheetHeight, ts.rtl)
	} else if ts.in.PadDuplex && len(doc.Pages)%2 == 1 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	if l.Bleed > 0 || l.CropMarks {
		m := 0.0
		for i, p := range doc.Pages {
			m = addBleed(p, l.Bleed, l.CropMarks)
			if l.CropMarks {
				p.Items = append(p.Items, foldMarks(m, p.Height-2*m, l.Bleed, ts.folds(i))...)
			}
		}
		for i := range doc.Outline {
			doc.Outline[i].Y += m // the content moved in by the bleed and slug
		}
	}
}

// outline gathers the pages' bookmarks in reading order. A level never
// goes more than one deeper than the entry before it (a subheading before
// any heading becomes a top entry), or the PDF's outline tree would be
// malformed.
func outline(pages []*Page) []OutlineEntry {
	var out []OutlineEntry
	prev := -1
	for i, p := range pages {
		for _, b := range p.marks {
			level := min(b.Level, prev+1)
			out = append(out, OutlineEntry{Title: b.Title, Level: level, Page: i + 1, Y: b.Y})
			prev = level
		}
	}
	return out
}

func (ts *typesetter) blankPage(n int) *Page {
	return &Page{Number: n, Width: ts.l.PageWidth, Height: ts.l.PageHeight}
}

// impose places pages two-up on landscape sheets in saddle-stitch order:
// for n pages the first sheet's front holds n and 1, its back 2 and n-1,
// and so on inwards, so printing duplex (flipping on the short edge) and
// folding the stack in half gives the pages in reading order. Each page sits
// centred in its half of the sheet. A right-to-left booklet opens to the
// left, so each side's two pages change places.
func impose(pages []*Page, outline []OutlineEntry, sheetW, sheetH float64, rtl bool) []*Page {
	n := len(pages)
	var sheets []*Page
	type place struct {
		side   int
		dx, dy float64
	}
	where := make([]place, n+1) // by logical page number
	for s := 0; s < n/4; s++ {
		sides := [][2]int{{n - 2*s, 2*s + 1}, {2*s + 2, n - 2*s - 1}} // 1-based page numbers
		for _, pair := range sides {
			if rtl {
				pair[0], pair[1] = pair[1], pair[0]
			}
			side := &Page{Number: len(sheets) + 1, Width: sheetW, Height: sheetH}
			for half, num := range pair {
				p := pages[num-1]
				dx := float64(half)*sheetW/2 + (sheetW/2-p.Width)/2
				dy := (sheetH - p.Height) / 2
				for _, it := range p.Items {
					side.Items = append(side.Items, shift(it, dx, dy))
				}
				side.From = append(side.From, Origin{Page: num, Items: len(p.Items)})
				where[num] = place{len(sheets) + 1, dx, dy}
			}
			sheets = append(sheets, side)
		}
	}
	// the outline keeps reading order and points into the sheets
	for i, o := range outline {
		w := where[o.Page]
		outline[i].Page, outline[i].Y = w.side, o.Y+w.dy
	}
	return sheets
}

// Crop mark geometry: marks start markGap beyond the bleed, so they never
// touch printed art, and are markLen long.
const (
	markGap   = 3.0
	markLen   = 15.0
	markWidth = 0.25
)

// addBleed grows the page by the bleed (and room for crop marks) on every
// side, moves the content in, stretches backgrounds that touch the trim
// into the bleed, and records the trim and bleed boxes.
func addBleed(p *Page, bleed float64, marks bool) (m float64) {
	m = bleed
	if marks {
		m = bleed + markGap + markLen + 3
	}
	w, h := p.Width, p.Height
	for i, it := range p.Items {
		if r, ok := it.(*Rect); ok {
			p.Items[i] = extendToBleed(r, w, h, bleed)
		}
		p.Items[i] = shift(p.Items[i], m, m)
	}
	p.Width, p.Height = w+2*m, h+2*m
	p.Trim = Box{m, m, w, h}
	p.Bleed = Box{m - bleed, m - bleed, w + 2*bleed, h + 2*bleed}
	if marks {
		p.Items = append(p.Items, cropMarks(m, w, h, bleed)...)
	}
	return m
}

// folds lists where a sheet side is folded, from its left trim edge: the
// panel edges of a folded leaflet, the spine of an imposed booklet.
func (ts *typesetter) folds(side int) []float64 {
	l := ts.l
	switch {
	case l.Folded():
		w := []float64{l.Panels[0], l.Panels[1]}
		if side%2 == 1 {
			w = []float64{l.Panels[2], l.Panels[1]} // the inside mirrors the outside
		}
		return []float64{w[0], w[0] + w[1]}
	case l.Booklet:
		return []float64{l.SheetWidth / 2}
	}
	return nil
}

// foldMarks draws a short mark above and below the trim at each fold, in
// the slug beside the crop marks, so the finisher folds where the design
// folds.
func foldMarks(m, h, bleed float64, folds []float64) []Item {
	var items []Item
	off := bleed + markGap
	for _, x := range folds {
		x += m
		items = append(items,
			&Rule{X1: x, Y1: m - off, X2: x, Y2: m - off - markLen, Color: model.Color{}, Width: markWidth},
			&Rule{X1: x, Y1: m + h + off, X2: x, Y2: m + h + off + markLen, Color: model.Color{}, Width: markWidth})
	}
	return items
}

// extendToBleed stretches a filled rectangle that reaches an edge of the
// trim across the bleed on that side.
func extendToBleed(r *Rect, w, h, bleed float64) *Rect {
	const eps = 0.01
	if r.Fill == nil || bleed == 0 {
		return r
	}
	c := *r
	if c.X <= eps {
		c.X -= bleed
		c.W += bleed
	}
	if c.Y <= eps {
		c.Y -= bleed
		c.H += bleed
	}
	if c.X+c.W >= w-eps {
		c.W += bleed
	}
	if c.Y+c.H >= h-eps {
		c.H += bleed
	}
	return &c
}

// cropMarks draws the eight marks at the corners of the trim, outside the
// bleed, in registration black.
func cropMarks(m, w, h, bleed float64) []Item {
	var items []Item
	off := bleed + markGap
	for _, x := range []float64{m, m + w} {
		for _, y := range []float64{m, m + h} {
			dx, dy := -1.0, -1.0
			if x > m {
				dx = 1
			}
			if y > m {
				dy = 1
			}
			// a horizontal mark on the trim's horizontal line, a vertical one on its vertical line
			items = append(items,
				&Rule{X1: x + dx*off, Y1: y, X2: x + dx*(off+markLen), Y2: y, Color: model.Color{}, Width: markWidth},
				&Rule{X1: x, Y1: y + dy*off, X2: x, Y2: y + dy*(off+markLen), Color: model.Color{}, Width: markWidth})
		}
	}
	return items
}
