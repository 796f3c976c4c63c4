package typeset

import (
	"math"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
)

// defaultPPI is the resolution an image without a width prints at: sharp
// enough for print without blowing small pictures up.
const defaultPPI = 150

// image places a picture scaled to the column with its caption below; the
// two form one element, so a caption never parts from its picture.
func (ts *typesetter) image(f *flow, img *model.Image, b box) {
	pw, ph, ok := ts.in.ImageSize(img.Path)
	if !ok || pw <= 0 || ph <= 0 {
		return
	}
	ts.useImage(img.Path)
	role := ts.open(Figure)
	w := float64(pw) * 72 / defaultPPI
	switch {
	case img.Width.Percent > 0:
		w = b.w * img.Width.Percent / 100
	case img.Width.Points > 0:
		w = img.Width.Points
	}
	w = min(w, b.w)
	h := w * float64(ph) / float64(pw)
	var caption []line
	capH, gap := 0.0, 0.0
	if !img.Caption.IsZero() {
		st := ts.small()
		st.base |= font.Italic
		caption = ts.stamp(ts.setText(img.Caption, st, max(w, b.w*0.6)), ts.childOf(role, Caption))
		gap = ts.l.SmallSize * 0.4
		for _, l := range caption {
			capH += l.height
		}
	}
	// a picture taller than the text area shrinks to fit it
	limit := ts.frameHeight() - capH - gap
	for _, c := range f.open { // a note's padding takes room too
		limit -= c.padTop + c.padBottom
	}
	if h > limit && limit > 0 {
		if img.Width.Percent > 0 || img.Width.Points > 0 {
			// a width the author chose is kept or refused, never quietly
			// changed
			most := w * limit / h / b.w * 100
			ts.errs = append(ts.errs, source.Errorf(img.Pos, "at the width asked for, this image is %.1f in tall, more than the %.1f in the %s layout's text area leaves it", h/72, limit/72, ts.l.Name).
				WithHint("set its width to %.0f%% or less, or leave width out to let it fit", math.Floor(most)))
			return
		}
		w, h = w*limit/h, limit
	}
	place := func(w, h float64) *element {
		e := &element{height: h + gap + capH}
		e.items = append(e.items, &Picture{X: b.x, Y: 0, W: w, H: h, Path: img.Path, Alt: img.Alt, Pos: img.Pos, Role: role})
		y := h + gap
		for _, l := range caption {
			for _, it := range l.items {
				e.items = append(e.items, shift(it, b.x, y))
			}
			y += l.height
		}
		return e
	}
	e := place(w, h)
	e.figure = true
	f.add(e)
	if img.Width.Percent > 0 || img.Width.Points > 0 {
		return // a width the author chose is what prints
	}
	// Rather than leave a page half empty, a picture may shrink to fit the
	// space left, down to minImageScale of its size.
	e.shrinkable = true
	e.shrink = func(room float64) *element {
		nh := room - gap - capH
		if nh < h*minImageScale || nh >= h {
			return nil
		}
		return place(w*nh/h, nh)
	}
}

// minImageScale is how far a picture may shrink to fill the end of a page.
const minImageScale = 0.7
