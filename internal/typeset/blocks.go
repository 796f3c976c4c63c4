package typeset

import (
	"strings"

	"handout/internal/inline"
	"handout/internal/model"
)

// box is where a block goes: a horizontal offset and width in the frame.
type box struct{ x, w float64 }

func (ts *typesetter) section(f *flow, s model.Section, index int) {
	col := box{0, ts.colW}
	if !s.Heading.IsZero() {
		f.addSpace(ts.l.BodySize * headingGapBefore)
		ts.headingLines(f, s.Heading, ts.heading(ts.l.HeadingSize, ts.accent), col, 0)
		f.addSpace(ts.l.BodySize * headingGapAfter)
		f.keepLast()
	} else if index > 0 {
		f.addSpace(ts.l.BodySize * blockGap)
	}
	ts.blocks(f, s.Body, col)
}

// headingLines sets a heading whose lines all stay with what follows, and
// marks it in the PDF outline.
func (ts *typesetter) headingLines(f *flow, t model.Text, st textStyle, b box, level int) {
	kind := H2
	if level > 0 {
		kind = H3
	}
	els := linesToElements(ts.stamp(ts.setText(t, st, b.w), ts.open(kind)), b.x)
	for i, e := range els {
		e.keep = true
		if i == 0 {
			title := inline.Plain(t.Spans, ts.value)
			e.bookmarks = []Bookmark{{Title: strings.Join(strings.Fields(title), " "), Level: level}}
		}
		f.add(e)
	}
}

func (ts *typesetter) blocks(f *flow, blocks []model.Block, b box) {
	for i, blk := range blocks {
		if i > 0 {
			gap := blockGap
			if _, ok := blk.(*model.Subheading); ok {
				gap = subGapBefore
			}
			f.addSpace(ts.l.BodySize * gap)
		}
		start := len(f.elems)
		ts.block(f, blk, b)
		if n := len(f.elems); n > 0 {
			f.elems[n-1].blockEnd = true
		}
		if _, list := blk.(*model.List); list && ts.l.Folded() && len(f.elems) > start {
			// a reader turns a panel as a page: a list that can move to
			// the next panel whole does not split across a fold
			keepSmall(f.elems[start:], 0, ts.frameHeight()*0.5)
		}
		// an introduction ending in a colon stays with the list it opens
		if p, ok := blk.(*model.Paragraph); ok && i+1 < len(blocks) {
			if _, list := blocks[i+1].(*model.List); list && strings.HasSuffix(strings.TrimSpace(p.Text.Raw), ":") {
				f.keepLast()
			}
		}
	}
}

func (ts *typesetter) block(f *flow, blk model.Block, b box) {
	switch v := blk.(type) {
	case *model.Paragraph:
		for _, e := range linesToElements(ts.stamp(ts.setText(v.Text, ts.body(), b.w), ts.open(P)), b.x) {
			f.add(e)
		}
	case *model.Subheading:
		ts.headingLines(f, v.Text, ts.heading(ts.l.SubheadingSize, ts.accent), b, 1)
		f.addSpace(ts.l.BodySize * subGapAfter)
		f.keepLast()
	case *model.List:
		ts.list(f, v, b, 0)
	case *model.Note:
		ts.note(f, v, b)
	case *model.Image:
		ts.image(f, v, b)
	case *model.Table:
		ts.table(f, v, b)
	}
}
