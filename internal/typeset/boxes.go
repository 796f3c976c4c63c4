package typeset

import (
	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
)

// Document is the typeset result: pages of positioned items, in points with
// the origin at the top-left corner of the page.
type Document struct {
	Pages []*Page
	// Images lists every image path the pages use, in first-use order.
	Images []string
	// Faces lists every font face the pages use, in first-use order.
	Faces []*font.Face
	// Outline is the PDF outline (bookmarks) in reading order, which for
	// an imposed booklet is not the order of the sheets.
	Outline []OutlineEntry
	// Nodes is the structure tree the items' roles point into, in reading
	// order.
	Nodes []Node
	// Booklet says what an imposed booklet costs; nil for other layouts.
	Booklet *BookletCost
}

// OutlineEntry is one bookmark: a title, its depth, and the place it
// points at (Page is 1-based into Pages; Y from the page's top).
type OutlineEntry struct {
	Title string
	Level int
	Page  int
	Y     float64
}

// Page is one page (or, in an imposed layout, one side of a sheet) and
// everything on it, in reading (and painting) order.
type Page struct {
	Number        int
	Width, Height float64
	Items         []Item
	// marks are the bookmarks laid out on this page, gathered into the
	// document's outline when the pages are done.
	marks []Bookmark
	// Trim and Bleed are the finished page and the bleed area within the
	// media, for the PDF's TrimBox and BleedBox; zero when the page is
	// printed as it is.
	Trim, Bleed Box
	// From says, for a side of an imposed sheet, which logical page each
	// stretch of Items comes from, in item order, so that a tagger can put
	// an element split across pages in reading order; for a side of a
	// folded leaflet, which of the body's panels in reading order; empty
	// when the page is itself a logical page. Items after the last
	// stretch belong with it.
	From []Origin
}

// Origin is a stretch of an imposed sheet's items taken from one logical
// page (1-based), or of a folded leaflet's side from one body panel (1-based,
// in reading order).
type Origin struct {
	Page, Items int
}

// Box is a rectangle on a page, from its top-left corner.
type Box struct{ X, Y, W, H float64 }

// IsZero reports whether the box is unset.
func (b Box) IsZero() bool { return b.W == 0 && b.H == 0 }

// Item is something placed on a page: *Text, *Rect, *Rule, *Picture or *Link.
type Item interface {
	// moved returns a copy of the item moved by dx, dy.
	moved(dx, dy float64) Item
}

// Glyph is one shaped glyph of a run.
type Glyph struct {
	ID       uint16  // glyph index in the face's font file
	XAdvance float64 // points at the run's size; the pen moves by this
	XOffset  float64 // points, added to the pen position for this glyph only
	YOffset  float64 // points, up is positive (as in HarfBuzz); the painter flips
	// Cluster is the byte offset into Text.Text of the first character of
	// the glyph's cluster. Several glyphs may share a cluster (a base and
	// its marks drawn apart) and one glyph may stand for several
	// characters (a ligature): a cluster's text runs from its offset to
	// the next larger cluster offset of the run (or the end of Text).
	Cluster int
}

// Text is a shaped run in one face, size, color, language and direction,
// placed at the left end of its baseline (for a right-to-left run too: the
// glyphs are in visual order, left to right).
type Text struct {
	X, Y  float64 // left end of the baseline
	Face  *font.Face
	Size  float64
	Color model.Color
	// Text is the source text of the run (NFC), in logical order.
	Text   string
	Glyphs []Glyph // in visual order
	Width  float64 // sum of the glyphs' advances
	Lang   string  // BCP 47
	RTL    bool    // the run reads right to left
	Role   Role
	// Embolden asks for synthetic bold: the text is bold but its face is
	// not (a family without a bold face), so the painter strokes the
	// outlines as well as filling them.
	Embolden bool
	// BreaksLine says the run ends a left-to-right line that the next
	// line of its paragraph continues, and SpaceAfter whether the break
	// was at a space, which the line does not draw: the tagged text gets
	// it back, also where the next line is on another page, and adds
	// none where a long word or address was broken.
	BreaksLine, SpaceAfter bool

	parts []textPart // pieces added while a line is placed, until build
}

// Rect is a filled and/or stroked rectangle.
type Rect struct {
	X, Y, W, H float64
	Fill       *model.Color
	Stroke     *model.Color
	LineWidth  float64
	Role       Role
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Color          model.Color
	Width          float64
	Role           Role
}

// Picture is an image scaled into a box.
type Picture struct {
	X, Y, W, H float64
	Path       string
	Alt        string
	Pos        source.Pos // where the image was named, for messages about it
	Role       Role
}

// Link is a clickable area pointing at a URL.
type Link struct {
	X, Y, W, H float64
	URL        string
	Text       string      // the link's words, on all its lines: the annotation's description
	color      model.Color // for the underline drawn while setting
	// prev is the area on the line before that this one continues (a
	// link broken across lines is one Link element), and sep what the
	// break dropped between their words (" " or nothing)
	prev *Link
	sep  string
	size float64
	Role Role
}

// Bookmark is an outline entry on the page it was laid out on.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

func (t *Text) moved(dx, dy float64) Item {
	c := *t
	c.X, c.Y = c.X+dx, c.Y+dy
	return &c
}

func (r *Rect) moved(dx, dy float64) Item {
	c := *r
	c.X, c.Y = c.X+dx, c.Y+dy
	return &c
}

func (r *Rule) moved(dx, dy float64) Item {
	c := *r
	c.X1, c.X2, c.Y1, c.Y2 = c.X1+dx, c.X2+dx, c.Y1+dy, c.Y2+dy
	return &c
}

func (p *Picture) moved(dx, dy float64) Item {
	c := *p
	c.X, c.Y = c.X+dx, c.Y+dy
	return &c
}

func (l *Link) moved(dx, dy float64) Item {
	c := *l
	c.X, c.Y = c.X+dx, c.Y+dy
	return &c
}

// shift returns a copy of it moved by dx, dy.
func shift(it Item, dx, dy float64) Item { return it.moved(dx, dy) }
