package typeset

import (
	"slices"
	"strings"
)

// bidiLine reports whether a line's words need the bidi placement: the
// paragraph runs right to left, or holds right-to-left text.
func (ts *typesetter) bidiLine(ws []word) bool {
	if ts.rtl {
		return true
	}
	for _, w := range ws {
		for _, p := range w.pieces {
			if p.level != 0 {
				return true
			}
		}
	}
	return false
}

// segment is a piece of a bidi line, or the space between two words
// (space true, p.width its width).
type segment struct {
	p      piece
	space  bool
	hyphen bool // the hyphen ending a broken word, not the leaflet's text
}

// placeBidi places one line of a paragraph with text in both directions:
// its pieces and the spaces between words go into visual order by their
// bidi levels, and neighbours of one look and direction join into one
// run, whose text stays in logical order while its glyphs are visual. A
// right-to-left paragraph's line is flush right and ragged left; it is
// placed mirrored (its first word on the left), since the page is
// mirrored when done, which also puts list markers, note bars, table
// columns and page chrome on the right.
func (ts *typesetter) placeBidi(ws []word, width, baseline float64) []Item {
	base := paragraphLevel(ts.rtl)
	var segs []segment
	var levels []uint8
	natural := 0.0
	for i, w := range ws {
		for _, p := range w.pieces {
			segs = append(segs, segment{p: p})
			levels = append(levels, p.level)
			natural += p.width
		}
		if i == len(ws)-1 {
			if w.hyphen > 0 && len(w.pieces) > 0 {
				last := w.pieces[len(w.pieces)-1]
				h := last
				h.text = "-"
				h.shaped, h.width = ts.shapeDir(h.face, h.size, "-", h.level%2 == 1)
				segs = append(segs, segment{p: h, hyphen: true})
				levels = append(levels, h.level)
				natural += h.width
			}
			break
		}
		if w.space > 0 && len(w.pieces) > 0 && len(ws[i+1].pieces) > 0 {
			before, after := w.pieces[len(w.pieces)-1], ws[i+1].pieces[0]
			lv := base // a space between two directions takes the paragraph's (rule N1/N2)
			if before.level == after.level {
				lv = before.level
			}
			sp := before
			sp.text, sp.width = " ", w.space
			if after.link != before.link {
				sp.link = "" // a space inside a link keeps it: the area spans it
			}
			segs = append(segs, segment{p: sp, space: true})
			levels = append(levels, lv)
			natural += w.space
		}
	}
	x := 0.0
	if ts.rtl {
		x = width - natural
	}
	var items []Item
	var last *Text
	lastEnd := -1.0
	lastLink := "" // the link the run in last belongs to
	var links bidiLinks
	for _, i := range visualOrder(levels) {
		s := segs[i]
		p, rtl := s.p, levels[i]%2 == 1
		links.add(i, s, x, baseline)
		if s.space {
			// a space joins the run before it when the same face and
			// direction go on after it, so extracted text keeps it; one
			// inside a link joins that link's run, and only it
			if last != nil && last.Face == p.face && last.RTL == rtl && near(lastEnd, x) && p.link == lastLink {
				gs, sw := ts.shapeDir(p.face, p.size, " ", rtl)
				if near(sw, p.width) {
					last.add(" ", gs, sw)
					lastEnd += sw
				}
			}
			x += p.width
			continue
		}
		if last != nil && last.Face == p.face && last.Size == p.size && last.Color == p.color && last.Embolden == p.embolden &&
			last.RTL == rtl && near(lastEnd, x) && p.link == lastLink {
			last.add(p.text, p.shaped, p.width)
		} else {
			// a link's words are runs of their own, read inside its area
			last = &Text{X: x, Y: baseline, Face: p.face, Size: p.size, Color: p.color, Lang: ts.lang, Embolden: p.embolden, RTL: rtl}
			last.add(p.text, p.shaped, p.width)
			items = append(items, last)
		}
		lastLink = p.link
		x += p.width
		lastEnd = x
	}
	items = links.finish(items, segs, baseline)
	for _, it := range items {
		if t, ok := it.(*Text); ok {
			t.build()
		}
	}
	if ts.rtl {
		for i, it := range items {
			items[i] = mirrorIn(it, width)
		}
	}
	return items
}

// bidiLinks gathers a bidi line's link areas as its segments are placed
// in visual order: neighbouring words of one link, and the spaces between
// them, make one area (one annotation, one Link element), not one per
// word.
type bidiLinks struct {
	areas []bidiLink
	open  bool // the last area takes the next segment of its link
}

// bidiLink is one area, the segments it covers by logical index, and the
// width of a space it ends with (left out of the area when it closes).
type bidiLink struct {
	l     *Link
	segs  []int
	trail float64
}

// add takes segment s (logical index i), placed at x: it grows the open
// area, starts one, or ends it. A space only ever grows one.
func (b *bidiLinks) add(i int, s segment, x, baseline float64) {
	p := s.p
	n := len(b.areas)
	if b.open && p.link == b.areas[n-1].l.URL && near(b.areas[n-1].l.X+b.areas[n-1].l.W, x) {
		a := &b.areas[n-1]
		a.l.W += p.width
		a.segs = append(a.segs, i)
		a.trail = 0
		if s.space {
			a.trail = p.width
		}
		return
	}
	b.open = p.link != "" && !s.space
	if !b.open {
		return
	}
	l := &Link{X: x, Y: baseline - p.size*0.95, W: p.width, H: p.size * 1.25, URL: p.link, color: p.color, size: p.size}
	b.areas = append(b.areas, bidiLink{l: l, segs: []int{i}})
}

// finish appends each area and its underline to items, the area's text
// being its words in reading (logical) order.
func (b *bidiLinks) finish(items []Item, segs []segment, baseline float64) []Item {
	for _, a := range b.areas {
		slices.Sort(a.segs)
		var text strings.Builder
		for _, i := range a.segs {
			if !segs[i].hyphen {
				text.WriteString(segs[i].p.text)
			}
		}
		a.l.Text = strings.TrimSpace(text.String())
		a.l.W -= a.trail
		items = append(items, a.l, underline(a.l, baseline))
	}
	return items
}
