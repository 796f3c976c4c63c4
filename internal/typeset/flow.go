package typeset

// element is one entry of the vertical list the page breaker fills frames
// from: a line of text, an image with its caption, a table row, or space.
type element struct {
	height float64
	items  []Item // relative to the frame's left edge and the element's top
	// keep ties this element to the next one: no break between them
	// (headings, orphan and widow control, blocks kept together).
	keep bool
	// space is discardable glue: dropped where a frame starts.
	space bool
	// boxes are the containers (notes, tables) the element sits in,
	// outermost first.
	boxes     []*container
	bookmarks []Bookmark // Y relative to the element's top
	// shrink, if set, returns a smaller version of the element that is at
	// most room tall, or nil if it cannot become that small.
	shrink func(room float64) *element
	// blockEnd marks the last element of a block (a paragraph, a whole
	// list, a note...): a picture may only move past whole blocks.
	blockEnd bool
	// figure marks a picture, which may float past the text after it;
	// shrinkable, one that may also get smaller to fill a page's end.
	figure, shrinkable bool
}

// container is a block whose parts share a decoration or a header across a
// break: a note draws its box on each part, a table repeats its header row.
type container struct {
	padTop, padBottom float64
	x, w              float64                         // box extent, relative to the frame
	decorate          func(x, y, w, h float64) []Item // draws one part's box
	header            *element                        // repeated at the top of each continued part
	// first is the element the container starts with; a part that starts
	// with it is not a continuation and takes no header.
	first *element
}

// flow collects the vertical list while blocks are laid out.
type flow struct {
	elems []*element
	open  []*container
}

func (f *flow) add(e *element) {
	e.boxes = append([]*container(nil), f.open...)
	f.elems = append(f.elems, e)
}

// addSpace adds discardable space. Space never starts a flow, and two
// spaces in a row keep only the larger.
func (f *flow) addSpace(h float64) {
	if len(f.elems) == 0 || h <= 0 {
		return
	}
	if last := f.elems[len(f.elems)-1]; last.space && sameBoxes(last.boxes, f.open) {
		last.height = max(last.height, h)
		return
	}
	// space after an element that keeps with what follows is part of the
	// keep, or the keep would end at the space
	f.add(&element{height: h, space: true, keep: f.elems[len(f.elems)-1].keep})
}

// keepLast ties the last element to whatever comes next.
func (f *flow) keepLast() {
	for i := len(f.elems) - 1; i >= 0; i-- {
		f.elems[i].keep = true
		if !f.elems[i].space {
			return
		}
	}
}

func (f *flow) push(c *container) { f.open = append(f.open, c) }
func (f *flow) pop()              { f.open = f.open[:len(f.open)-1] }

func sameBoxes(a, b []*container) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
