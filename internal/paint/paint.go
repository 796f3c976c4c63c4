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
	"handout/internal/model"
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
	// the colours last set, so runs in one colour do not repeat them
	fill, stroke       model.Color
	fillSet, strokeSet bool
}

func (p *painter) page(tp *typeset.Page) error {
	h := tp.Height
	spec := pdf.PageSpec{Width: tp.Width, Height: h, Trim: box(tp.Trim, h), Bleed: box(tp.Bleed, h)}
	pg := p.doc.AddPage(spec)
	c := pg.Content()
	p.fillSet, p.strokeSet = false, false
	for _, it := range tp.Items {
		switch v := it.(type) {
		case *typeset.Text:
			if err := p.text(c, v, h); err != nil {
				return err
			}
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
		case *typeset.Link:
			pg.Link(pdf.Rect{X: v.X, Y: h - v.Y - v.H, W: v.W, H: v.H}, v.URL, v.URL)
		}
	}
	return nil
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
