package typeset

// frame is a rectangle of a page that the flow fills: a page's text area,
// one of its columns, or one panel of a folded leaflet.
type frame struct {
	x, top, bottom float64
	// page is the index of the page the frame is on: the frames of a
	// folded sheet alternate between its two sides.
	page int
}

// area is a page's text area between the margins and the header and
// footer bands, before it is split into columns.
type area struct {
	x, w, top, bottom float64
}

// headerBand is the height the header image and the gap under it take
// above the text.
func (ts *typesetter) headerBand() float64 {
	if ts.in.Site.HeaderImage == "" {
		return 0
	}
	_, h, _ := ts.headerFit()
	return max(ts.l.HeaderHeight, h+ts.l.HeaderGap)
}

// textArea returns a page's text area (page is 0-based). Duplex layouts
// mirror the margins: the inside margin is on the left of odd (recto) pages.
func (ts *typesetter) textArea(page int) area {
	l := ts.l
	x := l.MarginInside
	if l.Duplex && page%2 == 1 {
		x = l.MarginOutside
	}
	return area{x: x, w: l.PageWidth - l.MarginInside - l.MarginOutside,
		top: l.MarginTop + ts.headerBand(), bottom: l.PageHeight - l.MarginBottom - l.FooterHeight}
}

// columnWidth is the width every frame's text is set to.
func (ts *typesetter) columnWidth() float64 {
	l := ts.l
	var w float64
	if l.Folded() {
		w = min(l.Panels[0], l.Panels[1], l.Panels[2]) - 2*l.PanelMargin
	} else {
		n := float64(max(1, l.Columns))
		w = (ts.textArea(0).w - (n-1)*l.Gutter) / n
	}
	if l.MaxLine > 0 {
		w = min(w, l.MaxLine)
	}
	return w
}

// frames lists the frames of a page in reading order. Page 1 of a page
// layout starts below the masthead. A folded leaflet's body has four
// frames, all returned for page 0 though they lie on both sides of the
// sheet: see panelFrames for their order.
func (ts *typesetter) frames(page int) []frame {
	if ts.framesFor != nil {
		return ts.framesFor(page)
	}
	l := ts.l
	if l.Folded() {
		return ts.panelFrames(page)
	}
	a := ts.textArea(page)
	if page == 0 {
		a.top += ts.mastheadHeight
	}
	n := max(1, l.Columns)
	out := make([]frame, n)
	for i := range out {
		out[i] = frame{x: a.x + float64(i)*(ts.colW+l.Gutter), top: a.top, bottom: a.bottom, page: page}
	}
	return out
}

// Panel positions of a folded sheet. The outside holds, left to right, the
// fold-in panel, the back panel and the front cover; the inside mirrors the
// widths, so the fold-in panel's other side is the inside's right panel.
const (
	panelFoldIn = 0
	panelBack   = 1
	panelFront  = 2
)

// panelX returns the left edge and width of panel i (left to right) on a
// side of the sheet: side 0 outside, side 1 inside.
func (ts *typesetter) panelX(side, i int) (x, w float64) {
	p := ts.l.Panels
	widths := []float64{p[0], p[1], p[2]}
	if side == 1 {
		widths = []float64{p[2], p[1], p[0]}
	}
	for k := 0; k < i; k++ {
		x += widths[k]
	}
	return x, widths[i]
}

func (ts *typesetter) panelFrame(side, i int) frame {
	x, _ := ts.panelX(side, i)
	top, bottom := ts.l.MarginTop, ts.l.PageHeight-ts.l.MarginBottom
	if ts.panelCap > 0 {
		bottom = min(bottom, top+ts.panelCap)
	}
	return frame{x: x + ts.l.PanelMargin, top: top, bottom: bottom, page: side}
}

// panelFrames lists the body's panels in the order a reader meets them in
// a roll fold. Lifting the front cover shows a spread: the cover's inside
// (the inside's left panel) and the fold-in panel's outside, read left to
// right. Opening the fold-in panel then shows the inside's middle and
// right panels. See docs/layout.md for a picture.
func (ts *typesetter) panelFrames(page int) []frame {
	if page != 0 {
		return nil
	}
	return []frame{ts.panelFrame(1, 0), ts.panelFrame(0, panelFoldIn), ts.panelFrame(1, 1), ts.panelFrame(1, 2)}
}

// frameHeight is the height of an ordinary frame, which no single element
// may exceed.
func (ts *typesetter) frameHeight() float64 {
	fr := ts.frames(1)
	if len(fr) == 0 {
		fr = ts.frames(0)
	}
	return fr[0].bottom - fr[0].top
}
