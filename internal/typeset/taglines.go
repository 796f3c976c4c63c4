package typeset

import (
	"strings"

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
	// LTR holds the stretches of Text that read left to right as a
	// whole wherever they stand, brackets and all: the phone and TTY
	// numbers.
	LTR []string
	// Fonts sets the line: the document's with the faces of the line's
	// own language preferred (Nastaliq for Urdu, Japanese Han for
	// Japanese), so lines in two languages of one script each get their
	// own. nil sets it in the document's fonts.
	Fonts *font.Set
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

// taglineLines sets one tagline in its own language and direction; its
// lines stay together. A right-to-left line is flush right within the
// block, a left-to-right one flush left, whichever way the handout runs.
func (ts *typesetter) taglineLines(t Tagline, st textStyle, width float64) []*element {
	ts.cur = model.Text{Raw: t.Text, Pos: t.Pos}
	r := ts.open(P)
	ts.nodes[r.Block-1].Lang = t.Lang
	savedLang, docRTL, savedFonts := ts.lang, ts.rtl, ts.fonts
	ts.lang, ts.rtl = t.Lang, t.RTL // shape, order and tag the line in its own language
	if t.Fonts != nil {
		ts.fonts = t.Fonts
	}
	lines := ts.stamp(ts.setRuns(taglineRuns(t), st, width), r)
	ts.lang, ts.rtl, ts.fonts = savedLang, docRTL, savedFonts
	for _, ln := range lines {
		for i, it := range ln.items {
			if tx, ok := it.(*Text); ok {
				tx.Lang = t.Lang
			}
			// a line whose direction is not the page's is placed for
			// the page's mirroring (or its absence): mirror it back
			if t.RTL != docRTL {
				ln.items[i] = mirrorIn(it, width)
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

// taglineRuns cuts a tagline into runs, its numbers runs of their own
// that read left to right, so "(503) 555-0199" keeps its order in an
// Arabic line.
func taglineRuns(t Tagline) []run {
	var runs []run
	rest := t.Text
	for rest != "" {
		at, n := len(rest), ""
		for _, s := range t.LTR {
			if i := strings.Index(rest, s); s != "" && i >= 0 && (i < at || i == at && len(s) > len(n)) {
				at, n = i, s
			}
		}
		if at > 0 {
			runs = append(runs, run{text: keepTogether(rest[:at])})
		}
		if n == "" {
			break
		}
		runs = append(runs, run{text: keepTogether(n), ltr: true})
		rest = rest[at+len(n):]
	}
	return runs
}
