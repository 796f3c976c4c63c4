package typeset

import (
	"handout/internal/font"
	"handout/internal/i18n"
	"handout/internal/model"
	"handout/internal/source"
)

// Input is everything the typesetter needs. Fonts and image sizes are
// loaded once by the caller and shared read-only.
type Input struct {
	Leaflet *model.Leaflet
	Site    *model.Site
	Layout  *model.Layout
	Fonts   *font.Set
	Strings *i18n.Strings
	// ImageSize returns an image's size in pixels; ok is false if the
	// image could not be loaded (the caller has reported why).
	ImageSize func(path string) (w, h int, ok bool)
	// PadDuplex adds a blank page to an odd page count, so a stack of
	// handouts printed duplex never shares a sheet.
	PadDuplex bool
	// Second is the translation a bilingual handout prints beside or
	// after the leaflet, with its own words; nil for one language.
	Second        *model.Leaflet
	SecondStrings *i18n.Strings
	// Taglines is the site's language-assistance notice; nil for none.
	Taglines *Taglines
	// ShrinkToFit lets a folded leaflet whose content overflows its panels
	// set its text smaller, down to MinShrinkSize.
	ShrinkToFit bool

	// endInFlow sets a booklet's clinic details and credits at the end of
	// its last page, as pages do, instead of on a back cover of their own.
	endInFlow bool
}

// MinShrinkSize is the smallest body size ShrinkToFit goes down to.
const MinShrinkSize = 10.0

// typesetter holds the state of one run over one document.
type typesetter struct {
	in     Input
	fonts  *font.Set
	l      *model.Layout
	accent model.Color
	colW   float64
	// mastheadHeight is how far page 1's frames start below its text
	// area's top: the title block spans the columns above them.
	mastheadHeight float64
	// panelCap, when set, limits how much of a panel's height the body
	// may fill, to spread a short leaflet over all of a folded sheet.
	panelCap   float64
	errs       []error
	cur        model.Text // the text being set, for error positions
	images     []string
	seenIm     map[string]bool
	nodes      []Node     // the structure tree so far
	first      []int      // ids of elements read before the rest, though laid out later
	parent     int        // the structure element being filled
	lang       string     // the leaflet's language, for shaping and the runs
	missing    []*missing // characters no font draws, by script
	rtl        bool       // the language's paragraphs run right to left; the pages are mirrored when done
	wordBreaks bool       // lines break only at spaces, not between syllables (Korean)
	closeSet   bool       // no spaces between words, none stretched (Chinese, Japanese)
	// otherLang is the language of what is being set when it is not the
	// document's (the second language of a bilingual handout); elements
	// opened meanwhile carry it.
	otherLang string
	// units are a side-by-side bilingual handout's rows, laid out before
	// the end matter; framesFor, when set, replaces the layout's frames
	// while one side or the end matter is laid out from a given height.
	units     []unit
	framesFor func(page int) []frame
}

// Typeset lays out the leaflet. The error lists every problem found, each
// with its source position.
func Typeset(in Input) (doc *Document, err error) {
	defer func() {
		if err == nil && doc != nil {
			err = checkDrawnInside(doc, in.Leaflet.File)
		}
	}()
	if in.Layout.Booklet {
		return setBooklet(in)
	}
	var overflow float64
	doc, overflow, err = typesetOnce(in)
	if err != nil || overflow == 0 {
		return doc, err
	}
	if in.ShrinkToFit {
		for size := in.Layout.BodySize - 0.5; size >= MinShrinkSize; size -= 0.5 {
			shrunk := in
			shrunk.Layout = scaled(in.Layout, size/in.Layout.BodySize)
			if doc, rest, err := typesetOnce(shrunk); err != nil || rest == 0 {
				return doc, err
			}
		}
	}
	return nil, overflowError(in, overflow)
}

// typesetOnce lays out the leaflet with one layout. overflow is the height
// of the content a folded leaflet had no panel left for.
func typesetOnce(in Input) (*Document, float64, error) {
	ts := &typesetter{in: in, fonts: in.Fonts, l: in.Layout, accent: in.Site.Accent, seenIm: map[string]bool{}, lang: in.Leaflet.Language,
		rtl: rtlLanguage(in.Leaflet.Language), wordBreaks: wordBreaking(in.Leaflet.Language), closeSet: closeSet(in.Leaflet.Language)}
	ts.colW = ts.columnWidth()
	var masthead *element
	if !ts.l.Folded() {
		masthead = ts.titleBlock(ts.textArea(0).w, true)
		ts.mastheadHeight = masthead.height
		if secs := in.Leaflet.Sections; len(secs) > 0 && !secs[0].Heading.IsZero() {
			ts.mastheadHeight += in.Layout.BodySize * headingGapBefore // the heading's own space, which a frame's top would drop
		}
	}
	f := &flow{}
	switch {
	case ts.sideBySide():
		ts.sideBySideBody()
	case in.Second != nil:
		ts.sequentialBody(f)
	default:
		for i, s := range in.Leaflet.Sections {
			ts.section(f, s, i)
		}
	}
	if !ts.l.Folded() && (!ts.l.Booklet || in.endInFlow) {
		ts.endMatter(f) // a booklet's back cover holds it, like a trifold's back panel
	}
	var doc *Document
	var rest []*element
	if ts.sideBySide() {
		doc, rest = ts.sideBySidePages(f.elems)
	} else {
		doc, rest = ts.paginateAll(f.elems)
	}
	overflow := 0.0
	for _, e := range rest {
		if !e.space { // a frame break's space is no content
			overflow += e.height
		}
	}
	if ts.l.Folded() {
		ts.foldedPanels(doc)
	} else {
		a := ts.textArea(0)
		for i, it := range masthead.items {
			masthead.items[i] = shift(it, a.x, a.top)
		}
		p := doc.Pages[0]
		p.Items = append(masthead.items, p.Items...)
		ts.chrome(doc)
	}
	ts.missingErrors()
	if len(ts.errs) > 0 {
		return nil, 0, source.Errors(ts.errs)
	}
	ts.finish(doc)
	if len(ts.errs) > 0 { // a booklet's back cover that cannot hold its matter
		return nil, 0, source.Errors(ts.errs)
	}
	doc.Images = ts.images
	doc.Nodes = readFirst(ts.nodes, ts.first)
	doc.Faces = usedFaces(doc)
	return doc, overflow, nil
}

// scaled returns a copy of the layout with every text size multiplied by k.
func scaled(l *model.Layout, k float64) *model.Layout {
	c := *l
	for _, v := range []*float64{&c.BodySize, &c.SmallSize, &c.TitleSize, &c.SubtitleSize, &c.HeadingSize, &c.SubheadingSize} {
		*v *= k
	}
	return &c
}

// overflowError says how much of a folded leaflet's content did not fit,
// rather than cutting it silently.
func overflowError(in Input, overflow float64) error {
	lines := overflow / (in.Layout.BodySize * in.Layout.Leading)
	e := source.Errorf(source.Pos{File: in.Leaflet.File}, "the leaflet does not fit the %s layout's panels: about %.0f lines of text (%.1f in of panel) are left over",
		in.Layout.Name, lines, overflow/72)
	if in.ShrinkToFit {
		return e.WithHint("it does not fit even with %g pt text; shorten it or use a layout with pages", MinShrinkSize)
	}
	return e.WithHint("shorten it, or render with --shrink-to-fit to let the text get smaller (not below %g pt)", MinShrinkSize)
}

// value fills a placeholder from the site, or with a generic phrase when
// rendering without one. A value the site lacks is an error at the place
// that asks for it.
func (ts *typesetter) value(name string) string {
	if v := ts.in.Site.Value(name); v != "" {
		return v
	}
	if ts.in.Site.Builtin {
		if v, ok := ts.in.Strings.Generic[name]; ok {
			return v
		}
		ts.fail(ts.cur.Pos, "{%s} has no value without a site; render with --site", name)
		return ""
	}
	ts.fail(ts.cur.Pos, "{%s} is used here but the site %s sets no %s", name, ts.in.Site.File, name)
	return ""
}

func (ts *typesetter) fail(pos source.Pos, format string, args ...any) {
	ts.errs = append(ts.errs, source.Errorf(pos, format, args...))
}

func runeCount(s string, offset int) int {
	if offset > len(s) {
		offset = len(s)
	}
	n := 0
	for range s[:offset] {
		n++
	}
	return n
}

func (ts *typesetter) useImage(path string) {
	if !ts.seenIm[path] {
		ts.seenIm[path] = true
		ts.images = append(ts.images, path)
	}
}

func usedFaces(doc *Document) []*font.Face {
	seen := map[*font.Face]bool{}
	var faces []*font.Face
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*Text); ok && !seen[t.Face] {
				seen[t.Face] = true
				faces = append(faces, t.Face)
			}
		}
	}
	return faces
}
