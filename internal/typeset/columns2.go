package typeset

import (
	"strings"

	"handout/internal/bilingual"
	"handout/internal/model"
)

// unit is one row of a side-by-side bilingual handout: the same block (or
// the same whole section) in each language, each side's elements laid out
// in its own column, both starting at the same height.
type unit struct {
	sides [2][]*element // first language, translation
	gap   float64       // space above the unit when it does not start a page
}

// sideBySideBody sets each section in both languages as units: a section
// whose blocks pair one to one gives a unit per block (the heading with
// the first), so paragraphs, lists and notes line up; any other section is
// one unit, aligned as a whole.
func (ts *typesetter) sideBySideBody() {
	first, second := ts.in.Leaflet.Sections, ts.in.Second.Sections
	for i := range first {
		var a, b [][]*element
		a = ts.sectionUnits(first[i], i)
		ts.inSecond(func() { b = ts.sectionUnits(second[i], i) })
		if len(a) != len(b) || !bilingual.SameShape(first[i].Body, second[i].Body) {
			a, b = [][]*element{concat(a)}, [][]*element{concat(b)}
		}
		for k := range a {
			gap := ts.l.BodySize * blockGap
			if k == 0 {
				gap = ts.l.BodySize * headingGapBefore
			}
			ts.units = append(ts.units, unit{sides: [2][]*element{a[k], b[k]}, gap: gap})
		}
	}
}

// sectionUnits sets a section as a list of units' elements: the heading
// and first block, then each further block.
func (ts *typesetter) sectionUnits(s model.Section, index int) [][]*element {
	col := box{0, ts.colW}
	var out [][]*element
	f := &flow{}
	if !s.Heading.IsZero() {
		ts.headingLines(f, s.Heading, ts.heading(ts.l.HeadingSize, ts.accent), col, 0)
		f.addSpace(ts.l.BodySize * headingGapAfter)
		f.keepLast()
	}
	for i, blk := range s.Body {
		if i > 0 {
			out = append(out, f.elems)
			f = &flow{}
		}
		ts.block(f, blk, col)
		if n := len(f.elems); n > 0 {
			f.elems[n-1].blockEnd = true
		}
	}
	return append(out, f.elems)
}

func concat(parts [][]*element) []*element {
	var out []*element
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// sideBySidePages lays the units out, each side in its column from the
// same height, the next unit starting below the longer side, then the end
// matter flowing through both columns below the last unit.
func (ts *typesetter) sideBySidePages(end []*element) (*Document, []*element) {
	doc := &Document{}
	page, y := 0, ts.frames(0)[0].top
	left, right := 0, 1
	if rightToLeft(ts.in.Leaflet.Language) && !rightToLeft(ts.in.Second.Language) {
		left, right = 1, 0 // a right-to-left language takes the right-hand column
	}
	for i, u := range ts.units {
		if i > 0 {
			y += u.gap
		}
		p0, y0 := page, y
		for side, col := range []int{left, right} {
			p, end := ts.column(doc, u.sides[side], p0, y0, col)
			if p > page || (p == page && end > y) {
				page, y = p, end
			}
		}
		if y >= ts.textArea(page).bottom-ts.l.BodySize {
			page, y = page+1, ts.frames(page + 1)[0].top
		}
	}
	if len(end) > 0 {
		y += ts.l.BodySize * blockGap
		ts.framesFor = func(r int) []frame {
			fr := ts.columnFrames(page + r)
			for k := range fr {
				fr[k].page = r // the pager counts pages from where it starts
				if r == 0 {
					fr[k].top = y
				}
			}
			return fr
		}
		part, _ := ts.paginate(end)
		ts.framesFor = nil
		ts.merge(doc, part, page)
	}
	if len(doc.Pages) == 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(1))
	}
	return doc, nil
}

// column lays elements out in column col from page p at height y, onto
// doc's pages, and returns the page and height where they end.
func (ts *typesetter) column(doc *Document, elems []*element, p int, y float64, col int) (int, float64) {
	ts.framesFor = func(r int) []frame {
		fr := ts.columnFrames(p + r)[col]
		fr.page = r // the pager counts pages from where it starts
		if r == 0 {
			fr.top = y
		}
		return []frame{fr}
	}
	part, _ := ts.paginate(elems)
	ts.framesFor = nil
	ts.merge(doc, part, p)
	last := len(part.Pages) - 1
	end := y
	if last > 0 {
		end = ts.columnFrames(p + last)[col].top
	}
	for _, it := range part.Pages[last].Items {
		end = max(end, bottomOf(it))
	}
	return p + last, end
}

// columnFrames are a page's two column frames, ignoring any override.
func (ts *typesetter) columnFrames(page int) []frame {
	saved := ts.framesFor
	ts.framesFor = nil
	defer func() { ts.framesFor = saved }()
	return ts.frames(page)
}

// merge copies the items and bookmarks of pages laid out from page p onto
// doc's pages.
func (ts *typesetter) merge(doc *Document, part *Document, p int) {
	for r, pg := range part.Pages {
		for len(doc.Pages) <= p+r {
			doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
		}
		dst := doc.Pages[p+r]
		dst.Items = append(dst.Items, pg.Items...)
		dst.marks = append(dst.marks, pg.marks...)
	}
}

// bottomOf is the lowest point an item reaches on its page.
func bottomOf(it Item) float64 {
	switch v := it.(type) {
	case *Text:
		return v.Y + v.Face.Descent(v.Size)
	case *Rect:
		return v.Y + v.H
	case *Rule:
		return max(v.Y1, v.Y2)
	case *Picture:
		return v.Y + v.H
	}
	return 0
}

// rightToLeft reports whether a language is written right to left.
func rightToLeft(tag string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb":
		return true
	}
	return false
}
