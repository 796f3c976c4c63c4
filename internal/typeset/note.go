package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// note sets a call-out box: a tinted background with a bar in the note's
// color down its left side. The box is drawn for each part when the note
// splits across pages, because the page breaker knows it as a container.
func (ts *typesetter) note(f *flow, n *model.Note, b box) {
	role := ts.open(Note)
	color := ts.noteColor(n.Style)
	size := ts.l.BodySize
	// the bar's weight says how urgent the note is, so the levels stay
	// apart when printed in gray
	bar := max(3, size*0.3) * []float64{1, 1.5, 2}[n.Style]
	padX := size * 0.9
	c := &container{
		padTop: size * 0.7, padBottom: size * 0.7, x: b.x, w: b.w,
		decorate: func(x, y, w, h float64) []Item {
			bg := tint(color, 0.1)
			return []Item{
				&Rect{X: x, Y: y, W: w, H: h, Fill: &bg, Role: artifact(role)},
				&Rect{X: x, Y: y, W: bar, H: h, Fill: &color, Role: artifact(role)},
			}
		},
	}
	inner := box{b.x + bar + padX, b.w - bar - 2*padX}
	f.push(c)
	defer f.pop()
	start := len(f.elems)
	ts.within(role, func() { ts.noteBody(f, n, inner) })
	if start == len(f.elems) {
		return
	}
	c.first = f.elems[start]
	if !n.Title.IsZero() && len(n.Body) > 0 {
		c.header = ts.continuedTitle(n, inner, role)
	}
	keepSmall(f.elems[start:], c.padTop+c.padBottom, ts.frameHeight()*wholeBox)
}

// wholeBox is the share of a page up to which a box moves to the next
// page whole rather than split: splitting a short warning is worse than
// the space it leaves.
const wholeBox = 0.34

// keepSmall ties the elements of a block together when, with pad, they
// are at most limit tall. The last element keeps what it kept.
func keepSmall(es []*element, pad, limit float64) {
	h := pad
	for _, e := range es {
		h += e.height
	}
	if h > limit {
		return
	}
	for _, e := range es[:len(es)-1] {
		e.keep = true
	}
}

// continuedTitle is the note's title marked as continued in the leaflet's
// language, repeated at the top of each later part of a split note.
func (ts *typesetter) continuedTitle(n *model.Note, inner box, role Role) *element {
	st := ts.body()
	st.base |= font.Bold
	st.color = black
	st.ragged = true
	ts.cur = n.Title
	runs := append(ts.resolve(n.Title), run{text: " " + ts.in.Strings.Continued})
	var clean []run
	for _, r := range runs {
		if r.text != "" {
			clean = append(clean, r)
		}
	}
	lines := ts.setRuns(clean, st, inner.w)
	for _, l := range lines {
		for _, it := range l.items {
			if r := roleOf(it); r != nil {
				*r = artifact(role) // a repeat, not content: read once
			}
		}
	}
	lines = append(lines, line{height: ts.l.BodySize * 0.3})
	e := stack(lines)
	for i, it := range e.items {
		e.items[i] = shift(it, inner.x, 0)
	}
	return e
}

// noteBody sets a note's title and blocks inside its box.
func (ts *typesetter) noteBody(f *flow, n *model.Note, inner box) {
	size := ts.l.BodySize
	if !n.Title.IsZero() {
		st := ts.body()
		st.base |= font.Bold
		st.color = black // the title is the line that must read first, in any ink
		st.ragged = true
		for _, e := range linesToElements(ts.stamp(ts.setText(n.Title, st, inner.w), ts.open(NoteTitle)), inner.x) {
			if len(n.Body) > 0 {
				e.keep = true // a title alone keeps nothing with what follows
			}
			f.add(e)
		}
		if len(n.Body) > 0 {
			f.addSpace(size * 0.3)
			f.keepLast()
		}
	}
	ts.blocks(f, n.Body, inner)
}
