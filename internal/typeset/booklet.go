package typeset

import (
	"fmt"

	"handout/internal/model"
	"handout/internal/source"
)

// BookletCost is what an imposed booklet takes: sheets of paper, the
// pages they make, and how many of those are blank.
type BookletCost struct {
	Sheets, Pages, Blank int
	// Tightened is set when --shrink-to-fit set the text tighter to save
	// a sheet.
	Tightened bool
}

// String reads as a print room says it: "2 sheets, 8 pages (1 blank)".
func (c BookletCost) String() string {
	s := fmt.Sprintf("%d sheet%s, %d pages", c.Sheets, plural(c.Sheets), c.Pages)
	if c.Blank > 0 {
		s += fmt.Sprintf(" (%d blank)", c.Blank)
	}
	if c.Tightened {
		s += ", text set tighter to fit"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// backCover ends a booklet: blank pages fill the last sheet, and the back
// cover, its last page, carries the clinic's details and the credits, as
// a trifold's back panel does. When they do not fit the back cover the
// credits take a page of their own before it.
func (ts *typesetter) backCover(doc *Document) *BookletCost {
	l := ts.l
	top, room := l.MarginTop, l.PageHeight-l.MarginTop-l.MarginBottom
	w := l.PageWidth - l.MarginInside - l.MarginOutside
	back := ts.backMatter(w, true, true)
	if back.height > room {
		// the credits go on a page of their own, the details stay
		credits := ts.backMatter(w, false, true)
		back = ts.backMatter(w, true, false)
		if credits.height > room {
			ts.errs = append(ts.errs, source.Errorf(source.Pos{File: ts.in.Leaflet.File},
				"the credits, QR code and taglines of the %s layout are %.1f in too tall for the page before the back cover", l.Name, (credits.height-room)/72).
				WithHint("list fewer languages in the site's taglines, or shorten the credits"))
		}
		p := ts.blankPage(len(doc.Pages) + 1)
		x := ts.textArea(len(doc.Pages)).x
		for _, it := range credits.items {
			p.Items = append(p.Items, shift(it, x, top))
		}
		doc.Pages = append(doc.Pages, p)
	}
	content := len(doc.Pages)
	for (len(doc.Pages)+1)%4 != 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	p := ts.blankPage(len(doc.Pages) + 1)
	// the details sit at the foot of the back cover, where a reader
	// turning the booklet over finds them
	y := top + room - back.height
	x := ts.textArea(len(doc.Pages)).x
	for _, it := range back.items {
		p.Items = append(p.Items, shift(it, x, y))
	}
	doc.Pages = append(doc.Pages, p)
	blank := len(doc.Pages) - content - 1
	if len(back.items) == 0 {
		blank++
	}
	return &BookletCost{Sheets: len(doc.Pages) / 4, Pages: len(doc.Pages), Blank: blank}
}

// setBooklet lays a booklet out on as few sheets as it can. The clinic's
// details and the credits go on the back cover when the last sheet has a
// page free for it; when the body fills whole sheets, a back cover would
// take a sheet of its own, so they are set at the end of the last page
// instead if that keeps the sheet count. With ShrinkToFit the text is then
// set a little tighter, step by step, while that saves a sheet.
func setBooklet(in Input) (*Document, error) {
	doc, err := bookletOnce(in)
	if err != nil || !in.ShrinkToFit {
		return doc, err
	}
	for step := 1; doc.Booklet.Sheets > 1 && doc.Booklet.Blank > 0; step++ {
		l := tightened(in.Layout, step)
		if l == nil {
			break
		}
		t := in
		t.Layout = l
		if d, err := bookletOnce(t); err == nil && d.Booklet.Sheets < doc.Booklet.Sheets {
			d.Booklet.Tightened = true
			return d, nil
		}
	}
	return doc, nil
}

// bookletOnce lays a booklet out with one layout, choosing between a back
// cover and the end matter in the flow, whichever takes fewer sheets (the
// back cover when they tie).
func bookletOnce(in Input) (*Document, error) {
	doc, _, err := typesetOnce(in)
	if err != nil || doc.Booklet.Blank < 3 {
		return doc, err
	}
	flow := in
	flow.endInFlow = true
	if d, _, err := typesetOnce(flow); err == nil && d.Booklet.Sheets < doc.Booklet.Sheets {
		return d, nil
	}
	return doc, nil
}

// padBooklet fills a booklet whose last page ends with the clinic's
// details and credits to whole sheets with blank pages.
func (ts *typesetter) padBooklet(doc *Document) *BookletCost {
	content := len(doc.Pages)
	for len(doc.Pages)%4 != 0 {
		doc.Pages = append(doc.Pages, ts.blankPage(len(doc.Pages)+1))
	}
	return &BookletCost{Sheets: len(doc.Pages) / 4, Pages: len(doc.Pages), Blank: len(doc.Pages) - content}
}

// tightened returns the layout with leading and then type size reduced
// by step (0 the original), within limits a reader does not notice: the
// leading down to 1.25, the size by at most 1.5 pt and never below 10 pt.
func tightened(l *model.Layout, step int) *model.Layout {
	c := *l
	for i := 0; i < step; i++ {
		if c.Leading-0.05 >= max(1.25, l.Leading-0.15)-1e-9 {
			c.Leading -= 0.05
			continue
		}
		if c.BodySize-0.5 < max(MinShrinkSize, l.BodySize-1.5)-1e-9 {
			return nil
		}
		k := (c.BodySize - 0.5) / c.BodySize
		for _, v := range []*float64{&c.BodySize, &c.SmallSize, &c.TitleSize, &c.SubtitleSize, &c.HeadingSize, &c.SubheadingSize} {
			*v *= k
		}
	}
	return &c
}
