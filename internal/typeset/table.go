package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
)

// table sets a grid. Rows never split; the header row repeats at the top of
// each page the table continues on. Column widths follow the automatic
// table layout of browsers: each column gets at least its longest word and
// shares the rest in proportion to how much more its text wants.
func (ts *typesetter) table(f *flow, t *model.Table, b box) {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	st := ts.body()
	pad := st.size * 0.45
	widths := ts.columnWidths(t, ncol, st, b.w, pad)
	c := &container{x: b.x, w: b.w}
	f.push(c)
	defer f.pop()
	ts.within(ts.open(Table), func() { ts.rows(f, t, c, widths, st, pad, b) })
}

// rows sets a table's header row and body rows.
func (ts *typesetter) rows(f *flow, t *model.Table, c *container, widths []float64, st textStyle, pad float64, b box) {
	if len(t.Header) > 0 {
		hs := st
		hs.base |= font.Bold
		head := ts.row(t.Header, widths, hs, pad, b, true)
		head.keep = true
		c.header = head
		f.add(head)
	}
	for i, r := range t.Rows {
		e := ts.row(r, widths, st, pad, b, false)
		// like a list, a table keeps two rows on each side of a break: a
		// lone row under a repeated header reads as a separate table
		if n := len(t.Rows); n >= 4 && (i == 0 || i == n-2) {
			e.keep = true
		}
		if room := ts.frameHeight(); e.height > room && len(r) > 0 {
			// rows never split, so one taller than a page cannot be printed
			ts.fail(r[0].Pos, "this table row is %.1f in tall, more than a page's text area (%.1f in); shorten its cells or make it a list",
				e.height/72, room/72)
		}
		f.add(e)
	}
}

// row sets one table row as a single element.
func (ts *typesetter) row(cells []model.Text, widths []float64, st textStyle, pad float64, b box, header bool) *element {
	var cols [][]line
	h := 0.0
	row := ts.open(TR)
	cell := TD
	if header {
		cell = TH
	}
	for i := range widths {
		var lines []line
		if i < len(cells) {
			lines = ts.stamp(ts.setText(cells[i], st, widths[i]-2*pad), ts.childOf(row, cell))
		}
		cols = append(cols, lines)
		ch := 0.0
		for _, l := range lines {
			ch += l.height
		}
		h = max(h, ch)
	}
	h += 2 * pad
	e := &element{height: h}
	if header {
		bg := tint(ts.accent, 0.14)
		e.items = append(e.items, &Rect{X: b.x, Y: 0, W: b.w, H: h, Fill: &bg, Role: artifact(row)})
	}
	x := b.x
	for i, lines := range cols {
		y := pad
		for _, l := range lines {
			for _, it := range l.items {
				e.items = append(e.items, shift(it, x+pad, y))
			}
			y += l.height
		}
		x += widths[i]
	}
	rule := ruleGray
	if header {
		rule = ts.accent
	}
	e.items = append(e.items, &Rule{X1: b.x, Y1: h, X2: b.x + b.w, Y2: h, Color: rule, Width: 0.6, Role: artifact(row)})
	return e
}

// columnWidths shares the table width among the columns.
func (ts *typesetter) columnWidths(t *model.Table, ncol int, st textStyle, width, pad float64) []float64 {
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	var header []float64 // the header's own wants, kept apart: a header may wrap, a short cell should not
	measure := func(cells []model.Text, st textStyle) {
		for i, c := range cells {
			ts.cur = c
			words := ts.words(ts.resolve(c), st)
			total := 0.0
			for k, w := range words {
				minW[i] = max(minW[i], w.width+2*pad)
				total += w.width
				if k < len(words)-1 {
					total += w.space
				}
			}
			maxW[i] = max(maxW[i], total+2*pad)
		}
	}
	hs := st
	hs.base |= font.Bold
	measure(t.Header, hs)
	header = append(header, maxW...)
	for i := range maxW {
		maxW[i] = 0
	}
	for _, r := range t.Rows {
		measure(r, st)
	}
	full := 0.0
	for i := range minW {
		minW[i] = min(minW[i], width/float64(ncol)*2) // one long word must not starve the others
		full += max(maxW[i], header[i])
	}
	if full <= width {
		// everything fits on one line, headers too
		for i := range maxW {
			maxW[i] = max(maxW[i], header[i])
		}
	} else {
		for i := range maxW {
			maxW[i] = max(maxW[i], minW[i])
		}
	}
	return shareWidths(minW, maxW, width)
}

// shareWidths gives each column its width. When every column's text fits
// on one line, they stretch in proportion to fill the table. Otherwise the
// columns whose text fits in an equal share of what is left get all they
// want, so short cells ("Day 3", "At least 2") never wrap, and the others
// share the rest: each its longest word, plus room in proportion to how much
// more its text wants.
func shareWidths(minW, maxW []float64, width float64) []float64 {
	n := len(minW)
	out := make([]float64, n)
	sumMax := 0.0
	for _, v := range maxW {
		sumMax += v
	}
	if sumMax <= width {
		for i := range out {
			out[i] = maxW[i] * width / sumMax
		}
		return out
	}
	fixed := make([]bool, n)
	room, left := width, n
	for changed := true; changed && left > 0; {
		changed = false
		share := room / float64(left)
		for i := range maxW {
			if !fixed[i] && maxW[i] <= share {
				out[i], fixed[i] = maxW[i], true
				room -= maxW[i]
				left--
				changed = true
			}
		}
	}
	sumMin, sumWant := 0.0, 0.0
	for i := range minW {
		if !fixed[i] {
			sumMin += minW[i]
			sumWant += maxW[i] - minW[i]
		}
	}
	for i := range out {
		if fixed[i] {
			continue
		}
		switch {
		case room <= sumMin:
			out[i] = minW[i] * room / sumMin
		case sumWant > 0:
			out[i] = minW[i] + (room-sumMin)*(maxW[i]-minW[i])/sumWant
		default:
			out[i] = minW[i] * room / sumMin
		}
	}
	return out
}
