package typeset

import (
	"handout/internal/inline"
	"handout/internal/model"
)

// titleBlock sets the title and subtitle, with a rule under them, as one
// block of the given width: the masthead of page 1, spanning all columns.
func (ts *typesetter) titleBlock(width float64, rule bool) *element {
	lf := ts.in.Leaflet
	var lines []line
	lines = append(lines, ts.stamp(ts.setText(lf.Title, ts.heading(ts.l.TitleSize, ts.accent), width), ts.open(H1))...)
	if !lf.Subtitle.IsZero() {
		st := textStyle{size: ts.l.SubtitleSize, color: darkGray, linkColor: ts.accent, leading: 1.3, ragged: true, headline: true}
		lines = append(lines, line{height: ts.l.SubtitleSize * 0.2})
		lines = append(lines, ts.stamp(ts.setText(lf.Subtitle, st, width), ts.open(P))...)
	}
	if ts.bilingual() {
		lines = append(lines, ts.secondTitle(width)...)
	}
	e := stack(lines)
	if rule {
		gap := ts.l.BodySize * 0.5
		e.items = append(e.items, &Rule{X1: 0, Y1: e.height + gap, X2: width, Y2: e.height + gap, Color: ts.accent, Width: 1.5})
		e.height += 2*gap + 1.5
	}
	return e
}

// stack puts lines one under the other in one element.
func stack(lines []line) *element {
	e := &element{}
	for _, l := range lines {
		for _, it := range l.items {
			e.items = append(e.items, shift(it, 0, e.height))
		}
		e.height += l.height
	}
	return e
}

// endMatter sets the credits, disclaimer and copyright as one block that
// stays together at the end, after a thin rule, with the closing elements
// (QR code, taglines) under them unless the layout has a back cover.
func (ts *typesetter) endMatter(f *flow) {
	blocks, labelled := ts.endBlocks(ts.colW)
	var contact []line
	if ts.in.endInFlow && !ts.in.Site.Builtin {
		contact = ts.contactLines(ts.colW) // a booklet without a back cover
	}
	var closing []*element
	if !ts.l.Booklet || ts.in.endInFlow {
		closing = ts.closing(ts.colW) // else on the back cover
	}
	if len(blocks) == 0 && len(contact) == 0 && len(closing) == 0 {
		return
	}
	gap := ts.l.BodySize * 1.2
	f.addSpace(gap)
	f.add(&element{height: ts.l.SmallSize * 0.8, keep: true, items: []Item{
		&Rule{X1: 0, Y1: 0, X2: ts.colW, Y2: 0, Color: ruleGray, Width: 0.5},
	}})
	for _, ln := range contact {
		f.add(&element{height: ln.height, items: ln.items, keep: true})
	}
	if len(contact) > 0 && len(blocks) > 0 {
		f.add(&element{height: ts.l.SmallSize * 0.8, keep: true})
	}
	for i, lines := range blocks {
		if i > 0 && i >= labelled {
			// the labelled credits stay together; the disclaimer and the
			// copyright may follow on the next page rather than leave most
			// of this one empty (large print)
			f.elems[len(f.elems)-1].keep = false
			f.addSpace(ts.l.SmallSize * 0.5)
		}
		for _, e := range linesToElements(lines, 0) {
			e.keep = true
			f.add(e)
		}
	}
	if len(closing) > 0 && len(blocks) > 0 {
		f.add(&element{height: ts.l.SmallSize, keep: true})
	}
	for _, e := range closing {
		f.add(e)
	}
	f.elems[len(f.elems)-1].keep = false
}

// creditBlocks sets the credit lines (written by, dates...), then the
// disclaimer and copyright, each as its own block of lines; labelled is how
// many of the blocks are credit lines.
func (ts *typesetter) creditBlocks(width float64) (blocks [][]line, labelled int) {
	lf := ts.in.Leaflet
	c := lf.Credits
	str := ts.in.Strings
	var paras [][]run
	credit := func(label string, t model.Text) {
		if t.IsZero() {
			return
		}
		ts.cur = t
		runs := append([]run{{text: label + ": ", style: inline.Bold}}, ts.resolve(t)...)
		paras = append(paras, runs)
	}
	credit(str.WrittenBy, c.WrittenBy)
	credit(str.ReviewedBy, c.ReviewedBy)
	credit(str.PublishedBy, c.PublishedBy)
	dated := func(label string, d model.Date) {
		if !d.IsZero() {
			paras = append(paras, []run{{text: label + ": ", style: inline.Bold}, {text: str.Date(d.Time)}})
		}
	}
	dated(str.LastModified, c.LastModified)
	dated(str.LastReviewed, c.LastReviewed)
	st := ts.small()
	for _, p := range paras {
		blocks = append(blocks, ts.stamp(ts.setRuns(p, st, width), ts.open(Credits)))
	}
	for _, t := range []model.Text{lf.Disclaimer, lf.Copyright} {
		if !t.IsZero() {
			blocks = append(blocks, ts.stamp(ts.setText(t, st, width), ts.open(P)))
		}
	}
	return blocks, len(paras)
}
