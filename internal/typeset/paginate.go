package typeset

// slot is one entry of a page's body in painting order: an element's items
// or, placed before the first element it holds, a container's part.
type slot struct {
	items []Item
}

// part is the piece of a container on one page.
type part struct {
	c        *container
	slot     int // index of the slot its decoration goes in
	top, bot float64
}

// pager fills frames with elements, one page at a time.
type pager struct {
	ts     *typesetter
	pages  []*Page
	slots  []slot
	parts  []*part // open parts in the current frame, outermost first
	frames []frame // the current page's frames
	fi     int     // index of the current frame
	fr     frame
	y      float64
	prev   []*container // containers of the last element placed in the frame
	first  bool         // nothing placed in the frame yet
	full   bool         // no frames are left (a folded leaflet is full)
}

// paginate breaks the vertical list into pages. A group of elements tied by
// keeps moves to the next page whole if it does not fit; a group that does
// not fit even on an empty page is broken where it must be.
func (ts *typesetter) paginate(elems []*element) (*Document, []*element) {
	p := &pager{ts: ts}
	p.newPage()
	var overflow []*element
	for i := 0; i < len(elems); {
		if p.full {
			overflow = elems[i:]
			break
		}
		if p.first && elems[i].space {
			i++
			continue
		}
		j := i
		for j < len(elems)-1 && elems[j].keep {
			j++
		}
		if p.fits(elems[i : j+1]) {
			for _, e := range elems[i : j+1] {
				p.place(e)
			}
			i = j + 1
			continue
		}
		if e := p.shrunk(elems[i]); e != nil {
			elems[i] = e
			continue
		}
		if moved, ok := p.deferFigure(elems, i); ok {
			elems = moved
			continue
		}
		if p.first {
			if p.shrinkInGroup(elems, i, j) {
				continue
			}
			if p.fr.bottom-p.fr.top < p.ts.frameHeight()-0.01 {
				// a short frame (page 1 below the masthead): a full one may
				// hold the group whole
				p.nextFrame()
				continue
			}
			// too tall for any frame: place what fits, at least one
			// element, but leave the next frame more than one line
			n := 0
			for y, prev, first := p.y, p.prev, true; i+n <= j; n++ {
				e := elems[i+n]
				y = advance(y, prev, first, e) + e.height
				pad := 0.0
				for _, c := range e.boxes {
					pad += c.padBottom
				}
				if !first && y+pad > p.fr.bottom+0.001 {
					break
				}
				prev, first = e.boxes, false
			}
			if rest := j - i + 1 - n; rest == 1 && n > 2 {
				n--
			}
			for ; n > 0; n-- {
				p.place(elems[i])
				i++
			}
		}
		p.nextFrame()
	}
	if !p.full {
		p.finishPage()
	}
	// a page that holds nothing but what ended on the previous one is dropped
	if n := len(p.pages); n > 1 && len(p.pages[n-1].Items) == 0 && !ts.l.Folded() {
		p.pages = p.pages[:n-1]
	}
	return &Document{Pages: p.pages}, overflow
}

// shrunk returns a smaller version of e that fits the rest of the page,
// when e stands alone (nothing is kept with it) and can shrink.
func (p *pager) shrunk(e *element) *element {
	if e.shrink == nil || e.keep {
		return nil
	}
	top := advance(p.y, p.prev, p.first, e)
	room := p.fr.bottom - top
	for _, c := range e.boxes {
		room -= c.padBottom
	}
	s := e.shrink(room)
	if s == nil {
		return nil
	}
	s.boxes, s.bookmarks = e.boxes, e.bookmarks
	return s
}

// shrinkInGroup handles a kept group that does not fit an empty frame
// because of a picture in it (a heading kept with a tall image): the
// picture shrinks so the group fits, rather than the heading being left
// alone. It reports whether it shrank one.
func (p *pager) shrinkInGroup(elems []*element, i, j int) bool {
	for k := i; k <= j; k++ {
		if elems[k].shrink == nil {
			continue
		}
		y, prev, first := p.y, p.prev, p.first
		for _, e := range elems[i : j+1] {
			y = advance(y, prev, first, e)
			if e != elems[k] {
				y += e.height
			}
			prev, first = e.boxes, false
		}
		for _, c := range elems[j].boxes {
			y += c.padBottom
		}
		room := p.fr.bottom - y
		if room <= 0 {
			return false
		}
		s := elems[k].shrink(room)
		if s == nil {
			return false
		}
		s.boxes, s.bookmarks, s.keep = elems[k].boxes, elems[k].bookmarks, elems[k].keep
		elems[k] = s
		return true
	}
	return false
}

// deferFigure handles a picture that fits neither the rest of the page nor
// shrunk: rather than leave the page's end empty, the text that follows it
// in the same section moves up to fill the page, and the picture starts the
// next page, as a float does in TeX. It never moves text past a heading or
// out of the note it is in. It reports whether it moved anything.
func (p *pager) deferFigure(elems []*element, i int) ([]*element, bool) {
	fig := elems[i]
	if !fig.figure || fig.keep || p.first || p.fr.bottom-p.y < (p.fr.bottom-p.fr.top)/5 {
		return nil, false
	}
	y, prev, first := p.y, p.prev, p.first
	m := i + 1 // elements i+1..m-1 move up
	for k := i + 1; k < len(elems); {
		j := k
		for j < len(elems)-1 && (elems[j].keep || !elems[j].blockEnd) {
			j++ // whole blocks only: a picture never lands inside a list
		}
		ok := true
		ny, nprev := y, prev
		for _, e := range elems[k : j+1] {
			if len(e.bookmarks) > 0 || e.figure || !sameBoxes(e.boxes, fig.boxes) {
				ok = false
				break
			}
			ny = advance(ny, nprev, first, e) + e.height
			nprev = e.boxes
		}
		if ok && ny > p.fr.bottom+0.001 && m == i+1 && !fig.shrinkable {
			// a picture printed at the width asked for cannot shrink into
			// the space: the block after it flows on past the page break
			// and the picture follows that block
			m = j + 1
			break
		}
		if !ok || ny > p.fr.bottom+0.001 {
			break
		}
		y, prev, m, k = ny, nprev, j+1, j+1
	}
	if m == i+1 {
		return nil, false
	}
	// the picture takes the space that followed it along, so the text
	// after its new place does not touch the caption
	gap := &element{height: p.ts.l.BodySize * blockGap, space: true, boxes: fig.boxes}
	out := make([]*element, 0, len(elems)+1)
	out = append(out, elems[:i]...)
	moved := elems[i+1 : m]
	if len(moved) > 0 && moved[0].space {
		moved = moved[1:] // the space before the picture stays; the one after it would double it
	}
	if len(moved) == 0 {
		return nil, false // only space would move: nothing gained, and no end to it
	}
	out = append(out, moved...)
	out = append(out, fig, gap)
	out = append(out, elems[m:]...)
	return out, true
}

func (p *pager) newPage() {
	if len(p.pages) > 0 {
		p.finishPage()
	}
	n := len(p.pages)
	p.frames = p.ts.frames(n)
	if len(p.frames) == 0 {
		p.full = true
		return
	}
	for _, fr := range p.frames {
		for len(p.pages) <= fr.page {
			p.pages = append(p.pages, &Page{Number: len(p.pages) + 1, Width: p.ts.l.PageWidth, Height: p.ts.l.PageHeight})
		}
	}
	p.fi = 0
	p.startFrame()
}

func (p *pager) startFrame() {
	p.fr = p.frames[p.fi]
	p.y = p.fr.top
	p.prev = nil
	p.first = true
	p.parts = nil
}

// nextFrame moves on to the next column or panel, or the next page.
func (p *pager) nextFrame() {
	for len(p.parts) > 0 {
		p.closePart()
	}
	if p.fi+1 < len(p.frames) {
		p.flush()
		p.fi++
		p.startFrame()
		return
	}
	p.newPage()
}

// advance returns where e's top goes after closing the containers the
// previous element was in and opening e's (with a repeated header row when
// a table continues). It mirrors place, so fits measures what place does.
func advance(y float64, prev []*container, first bool, e *element) float64 {
	for _, c := range prev {
		if !containsBox(e.boxes, c) {
			y += c.padBottom
		}
	}
	for _, c := range e.boxes {
		if first || !containsBox(prev, c) {
			y += c.padTop
			if c.header != nil && c.header != e && c.first != e {
				y += c.header.height
			}
		}
	}
	return y
}

// fits reports whether the elements fit below the current position,
// leaving room to close the containers the last one is in.
func (p *pager) fits(es []*element) bool {
	// space at the end of a page is dropped, so trailing space need not fit
	for len(es) > 0 && es[len(es)-1].space {
		es = es[:len(es)-1]
	}
	if len(es) == 0 {
		return true
	}
	y, prev, first := p.y, p.prev, p.first
	for _, e := range es {
		y = advance(y, prev, first, e) + e.height
		prev, first = e.boxes, false
	}
	for _, c := range es[len(es)-1].boxes {
		y += c.padBottom
	}
	return y <= p.fr.bottom+0.001
}

func (p *pager) place(e *element) {
	for len(p.parts) > 0 && !containsBox(e.boxes, p.parts[len(p.parts)-1].c) {
		p.closePart()
	}
	y := p.y
	for _, c := range e.boxes {
		if p.first || !containsBox(p.prev, c) {
			p.parts = append(p.parts, &part{c: c, slot: len(p.slots), top: y})
			p.slots = append(p.slots, slot{})
			y += c.padTop
			if c.header != nil && c.header != e && c.first != e {
				p.put(c.header, y)
				y += c.header.height
			}
		}
	}
	p.put(e, y)
	h := e.height
	if e.space { // space never pushes a box past the frame
		room := p.fr.bottom - y
		for _, c := range e.boxes {
			room -= c.padBottom
		}
		h = max(0, min(h, room))
	}
	p.y = y + h
	p.prev = e.boxes
	p.first = false
}

// put copies an element's items onto the page at frame position y.
func (p *pager) put(e *element, y float64) {
	items := make([]Item, len(e.items))
	for i, it := range e.items {
		items[i] = shift(it, p.fr.x, y)
	}
	p.slots = append(p.slots, slot{items: items})
	page := p.pages[p.fr.page]
	for _, b := range e.bookmarks {
		b.Y += y
		page.marks = append(page.marks, b)
	}
}

func (p *pager) closePart() {
	pt := p.parts[len(p.parts)-1]
	p.parts = p.parts[:len(p.parts)-1]
	p.y += pt.c.padBottom
	pt.bot = p.y
	if pt.c.decorate != nil {
		p.slots[pt.slot].items = pt.c.decorate(p.fr.x+pt.c.x, pt.top, pt.c.w, pt.bot-pt.top)
	}
}

func (p *pager) finishPage() {
	for len(p.parts) > 0 {
		p.closePart()
	}
	p.flush()
}

// flush moves the finished slots onto the current frame's page.
func (p *pager) flush() {
	page := p.pages[p.fr.page]
	n := 0
	for _, s := range p.slots {
		page.Items = append(page.Items, s.items...)
		n += len(s.items)
	}
	p.slots = nil
	if p.ts.l.Folded() && n > 0 {
		// a folded sheet's panels are read in another order than its
		// sides (the fold-in panel, on the outside, after the inside's
		// left one): the tagger puts an element split over panels in the
		// panels' order
		page.From = append(page.From, Origin{Page: p.fi + 1, Items: n})
	}
}

func containsBox(list []*container, c *container) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}
