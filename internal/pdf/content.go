package pdf

import (
	"math"
	"strconv"
)

// Content is a page's content stream. Methods append operators; nothing is
// checked against the graphics state beyond what keeps the stream valid.
type Content struct {
	buf []byte
	// the font set with Tf, so runs in the same face and size do not
	// repeat it; q/Q save and restore it with the graphics state
	font  *Font
	size  float64
	saved []textState
}

type textState struct {
	font *Font
	size float64
}

// Glyph is one glyph to draw: its ID in the font, the pen advance in
// points, and an offset in points (PDF's y is up).
type Glyph struct {
	ID                         uint16
	XAdvance, XOffset, YOffset float64
	// Alias, when not 0, is the subset ID Font.Alias gave to draw ID
	// with, for the text it stands for here
	Alias uint16
}

func (c *Content) num(v float64) *Content {
	c.buf = appendReal(c.buf, v)
	c.buf = append(c.buf, ' ')
	return c
}

func (c *Content) op(s string) {
	c.buf = append(c.buf, s...)
	c.buf = append(c.buf, '\n')
}

// FillRGB sets the fill colour (components 0..1).
func (c *Content) FillRGB(r, g, b float64) { c.num(r).num(g).num(b).op("rg") }

// StrokeRGB sets the stroke colour.
func (c *Content) StrokeRGB(r, g, b float64) { c.num(r).num(g).num(b).op("RG") }

// FillGray sets a gray fill colour (0 black .. 1 white).
func (c *Content) FillGray(g float64) { c.num(g).op("g") }

// StrokeGray sets a gray stroke colour.
func (c *Content) StrokeGray(g float64) { c.num(g).op("G") }

// LineWidth sets the stroke width.
func (c *Content) LineWidth(w float64) { c.num(w).op("w") }

// TextRender is a text rendering mode (PDF 32000-1, 9.3.6).
type TextRender int

// The text rendering modes handout uses.
const (
	FillText       TextRender = 0 // the default
	FillStrokeText TextRender = 2 // fill, then stroke the outlines: synthetic bold
)

// SetTextRender sets how glyphs are painted (Tr). The mode is part of the
// graphics state, so Save and Restore keep it; stroking uses the stroke
// colour and line width.
func (c *Content) SetTextRender(m TextRender) { c.num(float64(m)).op("Tr") }

// Rect appends a rectangle to the path.
func (c *Content) Rect(x, y, w, h float64) { c.num(x).num(y).num(w).num(h).op("re") }

// MoveTo starts a subpath.
func (c *Content) MoveTo(x, y float64) { c.num(x).num(y).op("m") }

// LineTo appends a line to the path.
func (c *Content) LineTo(x, y float64) { c.num(x).num(y).op("l") }

// Fill fills the path (non-zero winding).
func (c *Content) Fill() { c.op("f") }

// Stroke strokes the path.
func (c *Content) Stroke() { c.op("S") }

// FillStroke fills then strokes the path.
func (c *Content) FillStroke() { c.op("B") }

// Save pushes the graphics state (q).
func (c *Content) Save() {
	c.saved = append(c.saved, textState{c.font, c.size})
	c.op("q")
}

// Restore pops the graphics state (Q); unbalanced calls are ignored.
func (c *Content) Restore() {
	if len(c.saved) == 0 {
		return
	}
	s := c.saved[len(c.saved)-1]
	c.saved = c.saved[:len(c.saved)-1]
	c.font, c.size = s.font, s.size
	c.op("Q")
}

// Image draws im into the box x, y, w, h.
func (c *Content) Image(im *Image, x, y, w, h float64) {
	c.op("q")
	c.num(w).num(0).num(0).num(h).num(x).num(y).op("cm")
	c.buf = im.res.appendTo(c.buf)
	c.op(" Do\nQ")
}

// BeginMarked opens a marked-content sequence: BDC with properties, BMC
// without. Close it with EndMarked.
func (c *Content) BeginMarked(tag Name, props Dict) {
	c.buf = tag.appendTo(c.buf)
	if props == nil {
		c.op(" BMC")
		return
	}
	c.buf = append(c.buf, ' ')
	c.buf = props.appendTo(c.buf)
	c.op(" BDC")
}

// BeginMCID opens tagged content: tag <</MCID mcid>> BDC, without the
// dictionary a general BeginMarked needs, since a tagged page opens one
// for every element it draws.
func (c *Content) BeginMCID(tag Name, mcid int) {
	c.buf = tag.appendTo(c.buf)
	c.buf = append(c.buf, " <</MCID "...)
	c.buf = strconv.AppendInt(c.buf, int64(mcid), 10)
	c.op(">> BDC")
}

// BeginArtifact opens an artifact of the given type and, if not empty,
// subtype: /Artifact <</Type /Pagination /Subtype /Header>> BDC.
func (c *Content) BeginArtifact(typ, subtype Name) {
	c.buf = append(c.buf, "/Artifact <</Type "...)
	c.buf = typ.appendTo(c.buf)
	if subtype != "" {
		c.buf = append(c.buf, " /Subtype "...)
		c.buf = subtype.appendTo(c.buf)
	}
	c.op(">> BDC")
}

// EndMarked closes the innermost marked-content sequence (EMC).
func (c *Content) EndMarked() { c.op("EMC") }

// BeginActualText opens a /Span whose text replaces what the glyphs inside
// it would extract as, for clusters the ToUnicode map cannot express.
// Close it with EndMarked.
func (c *Content) BeginActualText(text string) {
	c.BeginMarked("Span", Dict{"ActualText": String(text)})
}

// Glyphs draws a run of glyphs of f at size, starting with the pen at x, y
// on the baseline. Advances that differ from the font's own widths
// (kerning, justification) become TJ adjustments; x offsets shift one
// glyph; y offsets are set with the text rise.
func (c *Content) Glyphs(f *Font, size, x, y float64, glyphs []Glyph) {
	c.GlyphsActualText(f, size, x, y, glyphs, nil)
}

// ActualText names glyphs From up to To of a GlyphsActualText call and the
// text they stand for. With Tag set, the span is also a marked-content
// sequence of a tagged PDF's structure, with that tag and MCID (and
// ActualText only where Text is not empty): in a tagged run every
// stretch of glyphs is one, so that no MCID sequence encloses another.
type ActualText struct {
	From, To int
	Text     string
	Tag      Name
	MCID     int
}

// begin opens the span's marked-content sequence.
func (a ActualText) begin(c *Content) {
	if a.Tag == "" {
		c.BeginActualText(a.Text)
		return
	}
	c.buf = a.Tag.appendTo(c.buf)
	c.buf = append(c.buf, " <</MCID "...)
	c.buf = strconv.AppendInt(c.buf, int64(a.MCID), 10)
	if a.Text != "" {
		c.buf = append(c.buf, " /ActualText "...)
		c.buf = String(a.Text).appendTo(c.buf)
	}
	c.op(">> BDC")
}

// GlyphsActualText draws glyphs as Glyphs does, wrapping the ranges spans
// names (in order, apart) in ActualText spans inside the one text object,
// so every glyph is drawn exactly where it would be without them.
func (c *Content) GlyphsActualText(f *Font, size, x, y float64, glyphs []Glyph, spans []ActualText) {
	if len(glyphs) == 0 || size <= 0 {
		return
	}
	if c.font != f || c.size != size {
		c.buf = f.res.appendTo(c.buf)
		c.buf = append(c.buf, ' ')
		c.num(size).op("Tf")
		c.font, c.size = f, size
	}
	c.op("BT")
	c.num(x).num(y).op("Td")
	var run glyphRun
	adj := 0.0 // pending adjustment, thousandths of an em (TJ units)
	open := false
	for i, g := range glyphs {
		if open && spans[0].To == i {
			run.end(c)
			c.EndMarked()
			open, spans = false, spans[1:]
		}
		for !open && len(spans) > 0 && spans[0].To <= i {
			spans = spans[1:] // empty or out of order: nothing to wrap
		}
		if !open && len(spans) > 0 && spans[0].From == i {
			run.end(c)
			spans[0].begin(c)
			open = true
		}
		if g.YOffset != run.rise {
			run.end(c)
			c.num(g.YOffset).op("Ts")
			run.rise = g.YOffset
		}
		adj -= g.XOffset * 1000 / size
		run.adjust(c, adj)
		id := g.Alias
		if id == 0 {
			id = f.id(g.ID)
		}
		run.glyph(c, id)
		// after the glyph the pen stands at its font width; move it to
		// where the advance puts it, undoing the offset
		gid := g.ID
		if id == 0 {
			gid = 0
		}
		adj = f.prog.width(gid) - (g.XAdvance-g.XOffset)*1000/size
	}
	run.end(c)
	if open {
		c.EndMarked()
	}
	if run.rise != 0 {
		c.op("0 Ts")
	}
	c.op("ET")
}

// glyphRun writes one TJ array, joining glyphs that need no adjustment
// between them into one string.
type glyphRun struct {
	inArray, inString bool
	rise              float64
}

func (r *glyphRun) open(c *Content) {
	if !r.inArray {
		c.buf = append(c.buf, '[')
		r.inArray = true
	}
}

// adjust writes a position adjustment when it is large enough to see (a
// twentieth of a thousandth of an em is far below a device pixel).
func (r *glyphRun) adjust(c *Content, a float64) {
	if math.Abs(a) < 0.05 {
		return
	}
	r.open(c)
	if r.inString {
		c.buf = append(c.buf, ')')
		r.inString = false
	}
	c.buf = strconv.AppendFloat(c.buf, math.Round(a*100)/100, 'f', -1, 64)
}

func (r *glyphRun) glyph(c *Content, id uint16) {
	r.open(c)
	if !r.inString {
		c.buf = append(c.buf, '(')
		r.inString = true
	}
	for _, b := range [2]byte{byte(id >> 8), byte(id)} {
		switch b {
		case '(', ')', '\\':
			c.buf = append(c.buf, '\\', b)
		case '\r':
			c.buf = append(c.buf, '\\', 'r')
		default:
			c.buf = append(c.buf, b)
		}
	}
}

func (r *glyphRun) end(c *Content) {
	if r.inString {
		c.buf = append(c.buf, ')')
		r.inString = false
	}
	if r.inArray {
		c.op("]TJ")
		r.inArray = false
	}
}
