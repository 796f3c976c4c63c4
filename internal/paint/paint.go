// Package paint turns typeset pages into a PDF through internal/pdf. It
// decides nothing about where things go: every position comes from the
// typesetter. Its only work is to flip the typesetter's y-down coordinates
// into PDF's y-up ones and to tell the PDF layer what text each glyph
// stands for.
package paint

import (
	"bytes"
	"fmt"
	"time"

	"handout/internal/font"
	"handout/internal/pdf"
	"handout/internal/typeset"
)

// Meta is the document information written into the PDF.
type Meta struct {
	Title, Author, Subject, Keywords string
	Lang                             string // BCP 47, written as /Lang
	Creator                          string // the tool and its version
	Date                             time.Time
	// Grayscale writes every color as a shade of gray, for black-and-white
	// printers (the caller hands over gray images too).
	Grayscale bool
	// Untagged leaves out the structure tree and marked content; only for
	// measuring what tagging costs.
	Untagged bool
	// PDFA claims PDF/A-2a conformance in the metadata; the tagged output
	// meets it (fonts embedded, sRGB output intent, no encryption, no
	// JavaScript, image alpha as soft masks).
	PDFA bool
}

// Images looks up the prepared image for a path.
type Images func(path string) (*pdf.ImageData, bool)

// Paint renders one document to PDF bytes. res holds what documents share
// (parsed fonts, compressors); nil makes a private one.
func Paint(doc *typeset.Document, meta Meta, images Images, res *Resources) ([]byte, error) {
	var buf bytes.Buffer
	w := NewWriter(&buf, meta, res)
	if err := w.Add(doc, images, ""); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// painter paints one document.
type painter struct {
	doc    *pdf.Document
	res    *Resources
	images Images
	gray   bool
	fonts  map[*font.Face]*pdf.Font
	tags   *tagger // nil when untagged
	// textKey is where the text run being painted belongs, when tagged
	textKey seqKey
	// spaceAfter says the run ends a line inside a paragraph at a space
	// the typesetter dropped: the tagged text gets it back
	spaceAfter   bool
	spaces       map[*font.Face]uint16 // each face's space glyph, once seen
	buf          runBuffers            // painter.text's slices, reused from run to run
	fill, stroke colorState            // the colours last set on the page
}

func (p *painter) page(tp *typeset.Page, idx int) error {
	h := tp.Height
	spec := pdf.PageSpec{Width: tp.Width, Height: h, Trim: box(tp.Trim, h), Bleed: box(tp.Bleed, h)}
	pg := p.doc.AddPage(spec)
	c := pg.Content()
	p.fill, p.stroke = colorState{}, colorState{}
	if p.tags != nil {
		p.tags.beginPage(pg, tp, idx)
	}
	for i, it := range tp.Items {
		p.spaceAfter = false
		if p.tags != nil {
			p.tags.advance()
			p.spaceAfter = spaceAtBreak(tp.Items, i)
		}
		if err := p.item(pg, c, tp, it); err != nil {
			return err
		}
	}
	if p.tags != nil {
		p.tags.endPage(c)
	}
	return nil
}

// item paints one item inside the marked-content sequence it belongs to.
func (p *painter) item(pg *pdf.Page, c *pdf.Content, tp *typeset.Page, it typeset.Item) error {
	h := tp.Height
	if v, ok := it.(*typeset.Link); ok {
		r := pdf.Rect{X: v.X, Y: h - v.Y - v.H, W: v.W, H: v.H}
		if p.tags != nil {
			p.tags.link(pg, v, r)
		} else {
			pg.Link(r, v.URL, linkContents(v))
		}
		return nil
	}
	if !paints(it) {
		return nil
	}
	if t, ok := it.(*typeset.Text); ok {
		if p.tags != nil {
			// opened by text, which knows whether the run needs
			// sequences of its own
			p.textKey = p.tags.keyOf(it, tp)
		}
		return p.text(c, t, h)
	}
	if p.tags != nil {
		p.tags.enter(c, it, tp)
	}
	switch v := it.(type) {
	case *typeset.Rect:
		p.rect(c, v, h)
	case *typeset.Rule:
		p.setStroke(c, v.Color)
		c.LineWidth(v.Width)
		c.MoveTo(v.X1, h-v.Y1)
		c.LineTo(v.X2, h-v.Y2)
		c.Stroke()
	case *typeset.Picture:
		img, ok := p.images(v.Path)
		if !ok || img == nil {
			return fmt.Errorf("%s: image was not prepared", v.Path)
		}
		c.Image(p.doc.Image(img), v.X, h-v.Y-v.H, v.W, v.H)
	}
	return nil
}

// paints reports whether an item draws anything, so that no empty
// marked-content sequence is opened for it.
func paints(it typeset.Item) bool {
	switch v := it.(type) {
	case *typeset.Text:
		return len(v.Glyphs) > 0
	case *typeset.Rect:
		return v.Fill != nil || v.Stroke != nil
	}
	return true
}

func (p *painter) rect(c *pdf.Content, v *typeset.Rect, h float64) {
	if v.Fill == nil && v.Stroke == nil {
		return
	}
	if v.Fill != nil {
		p.setFill(c, *v.Fill)
	}
	if v.Stroke != nil {
		p.setStroke(c, *v.Stroke)
		c.LineWidth(v.LineWidth)
	}
	c.Rect(v.X, h-v.Y-v.H, v.W, v.H)
	switch {
	case v.Fill != nil && v.Stroke != nil:
		c.FillStroke()
	case v.Fill != nil:
		c.Fill()
	default:
		c.Stroke()
	}
}

// box turns a typesetter box (from the top-left) into a PDF one, nil when
// unset.
func box(b typeset.Box, pageH float64) *pdf.Rect {
	if b.IsZero() {
		return nil
	}
	return &pdf.Rect{X: b.X, Y: pageH - b.Y - b.H, W: b.W, H: b.H}
}

// outline turns the typesetter's bookmarks (pages from 1, y from the top)
// into the PDF's.
func outline(doc *typeset.Document) []pdf.OutlineEntry {
	out := make([]pdf.OutlineEntry, 0, len(doc.Outline))
	for _, o := range doc.Outline {
		if o.Page < 1 || o.Page > len(doc.Pages) {
			continue
		}
		out = append(out, pdf.OutlineEntry{Title: o.Title, Level: o.Level, Page: o.Page - 1, Y: doc.Pages[o.Page-1].Height - o.Y})
	}
	return out
}

// firstLang is the language of the document's first content text, for a
// document (a combined print job) that names none of its own: PDF/UA wants
// a /Lang, and elements in other languages say so.
func firstLang(doc *typeset.Document) string {
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*typeset.Text); ok && t.Role.Block != 0 && t.Lang != "" {
				return t.Lang
			}
		}
	}
	return ""
}
