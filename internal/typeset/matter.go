package typeset

import (
	"handout/internal/inline"
	"handout/internal/model"
)

// titleBlock sets the title and subtitle at the top of page 1, with a rule
// under them; all of it stays with the first lines of the text.
func (ts *typesetter) titleBlock(f *flow) {
	lf := ts.in.Leaflet
	for _, e := range linesToElements(ts.setText(lf.Title, ts.heading(ts.l.TitleSize, ts.accent), ts.colW), 0) {
		e.keep = true
		f.add(e)
	}
	if !lf.Subtitle.IsZero() {
		st := textStyle{size: ts.l.SubtitleSize, color: darkGray, linkColor: ts.accent, leading: 1.3}
		f.add(&element{height: ts.l.SubtitleSize * 0.2, keep: true})
		for _, e := range linesToElements(ts.setText(lf.Subtitle, st, ts.colW), 0) {
			e.keep = true
			f.add(e)
		}
	}
	gap := ts.l.BodySize * 0.5
	f.add(&element{height: 2*gap + 1.5, keep: true, items: []Item{
		&Rule{X1: 0, Y1: gap, X2: ts.colW, Y2: gap, Color: ts.accent, Width: 1.5},
	}})
}

// endMatter sets the credits, disclaimer and copyright as one block that
// stays together at the end, after a thin rule.
func (ts *typesetter) endMatter(f *flow) {
	lf := ts.in.Leaflet
	c := lf.Credits
	str := ts.in.Strings
	var paras [][]run
	labelled := func(label string, t model.Text) {
		if t.IsZero() {
			return
		}
		ts.cur = t
		runs := append([]run{{text: label + ": ", style: inline.Bold}}, resolveRuns(t, ts.value)...)
		paras = append(paras, runs)
	}
	labelled(str.WrittenBy, c.WrittenBy)
	labelled(str.ReviewedBy, c.ReviewedBy)
	labelled(str.PublishedBy, c.PublishedBy)
	dated := func(label string, d model.Date) {
		if !d.IsZero() {
			paras = append(paras, []run{{text: label + ": ", style: inline.Bold}, {text: str.Date(d.Time)}})
		}
	}
	dated(str.LastModified, c.LastModified)
	dated(str.LastReviewed, c.LastReviewed)
	st := ts.small()
	var blocks [][]line
	for _, p := range paras {
		blocks = append(blocks, ts.setRuns(p, st, ts.colW))
	}
	for _, t := range []model.Text{lf.Disclaimer, lf.Copyright} {
		if !t.IsZero() {
			blocks = append(blocks, ts.setText(t, st, ts.colW))
		}
	}
	if len(blocks) == 0 {
		return
	}
	gap := ts.l.BodySize * 1.2
	f.addSpace(gap)
	f.add(&element{height: ts.l.SmallSize * 0.8, keep: true, items: []Item{
		&Rule{X1: 0, Y1: 0, X2: ts.colW, Y2: 0, Color: ruleGray, Width: 0.5},
	}})
	for i, lines := range blocks {
		if i > 0 && i >= len(paras) {
			f.add(&element{height: ts.l.SmallSize * 0.5, keep: true})
		}
		for _, e := range linesToElements(lines, 0) {
			e.keep = true
			f.add(e)
		}
	}
	f.elems[len(f.elems)-1].keep = false
}
