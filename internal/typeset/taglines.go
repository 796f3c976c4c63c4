package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
)

// Tagline is one line of a language-assistance notice, in its own
// language: "free language help is available; call ...", with the
// site's numbers already in it.
type Tagline struct {
	Lang string // BCP 47
	Text string
	RTL  bool       // the language is written right to left
	Pos  source.Pos // where the site asked for it, for messages
}

// Taglines is the whole notice: a line per language, then a sentence in
// English saying the clinic does not discriminate.
type Taglines struct {
	Lines             []Tagline
	Nondiscrimination Tagline
}

// Minimum tagline sizes: the notice must stay legible (8 pt), and in a
// large-print handout as large as everything else.
const (
	minTaglineSize      = 8.0
	minLargeTaglineSize = 18.0
	largePrintBody      = 18.0 // a layout with body text this size is large print
)

// taglineSize is the notice's text size: the layout's small size, but
// never under the minimum.
func (ts *typesetter) taglineSize() float64 {
	least := minTaglineSize
	if ts.l.BodySize >= largePrintBody {
		least = minLargeTaglineSize
	}
	return max(ts.l.SmallSize, least)
}

// taglineElems sets the notice as elements of the given width: each line
// in its own language (its text and its structure element say which), a
// right-to-left language set flush right, the lines of one language kept
// together, a little space between languages, and the English sentence
// last. nil when the site asks for no taglines.
func (ts *typesetter) taglineElems(width float64) []*element {
	tl := ts.in.Taglines
	if tl == nil || len(tl.Lines) == 0 {
		return nil
	}
	st := textStyle{size: ts.taglineSize(), color: black, linkColor: black, leading: 1.3}
	gap := st.size * 0.45
	var out []*element
	add := func(t Tagline, base font.Style) {
		if len(out) > 0 {
			out = append(out, &element{height: gap, space: true}) // a page may break between languages
		}
		s := st
		s.base = base
		out = append(out, ts.taglineLines(t, s, width)...)
	}
	for _, t := range tl.Lines {
		add(t, font.Regular)
	}
	add(tl.Nondiscrimination, font.Regular)
	return out
}

// taglineLines sets one tagline; its lines stay together.
func (ts *typesetter) taglineLines(t Tagline, st textStyle, width float64) []*element {
	ts.cur = model.Text{Raw: t.Text, Pos: t.Pos}
	r := ts.open(P)
	ts.nodes[r.Block-1].Lang = t.Lang
	saved := ts.lang
	ts.lang = t.Lang // shape and tag the line in its own language
	lines := ts.stamp(ts.setRuns([]run{{text: keepTogether(t.Text)}}, st, width), r)
	ts.lang = saved
	for _, ln := range lines {
		right := 0.0
		for _, it := range ln.items {
			if tx, ok := it.(*Text); ok {
				tx.Lang = t.Lang
				right = max(right, tx.X+tx.Width)
			}
		}
		if t.RTL && right < width {
			for i, it := range ln.items {
				ln.items[i] = shift(it, width-right, 0)
			}
		}
	}
	els := make([]*element, len(lines))
	for i, ln := range lines {
		els[i] = &element{height: ln.height, items: ln.items, keep: i < len(lines)-1}
	}
	if n := len(els); n > 0 {
		els[n-1].blockEnd = true
	}
	return els
}
