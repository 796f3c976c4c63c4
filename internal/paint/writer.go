package paint

import (
	"fmt"
	"io"

	"handout/internal/font"
	"handout/internal/pdf"
	"handout/internal/typeset"
)

// Writer paints one handout, or the handouts of a print job one after
// another, into one PDF. Each page goes out to the io.Writer as soon as the
// next begins, and a handout's laid-out pages can be dropped once Add
// returns, so a combined job of any size is painted in flat memory.
type Writer struct {
	d       *pdf.Document
	p       painter
	meta    Meta
	pages   int
	last    *typeset.Page // the last page written, whose size a blank back takes
	outline []pdf.OutlineEntry
}

// NewWriter starts a PDF on w. res holds what documents share (parsed
// fonts, compressors); nil makes a private one.
func NewWriter(w io.Writer, meta Meta, res *Resources) *Writer {
	if res == nil {
		res = NewResources(nil)
	}
	d := pdf.NewDocument(w, pdf.Options{Compressors: res.comp})
	d.SetLang(meta.Lang)
	d.SetXMP(pdf.XMP{})
	if !meta.Grayscale {
		// gray output holds no RGB at all, so an RGB intent would only
		// mislead a print shop's preflight
		d.OutputIntentSRGB()
	}
	d.SetCatalog("ViewerPreferences", pdf.Dict{"DisplayDocTitle": pdf.Bool(true)})
	return &Writer{d: d, meta: meta, p: painter{doc: d, res: res, gray: meta.Grayscale, fonts: map[*font.Face]*pdf.Font{}}}
}

// Add paints a handout's pages after those already written. With a title,
// the handout is one part of a print job: it starts on a right-hand (odd)
// page, after a blank back for the previous one where duplex printing needs
// it, and gets an outline entry of its own with its headings beneath it.
// images gives the prepared images of this handout.
func (w *Writer) Add(doc *typeset.Document, images Images, title string) error {
	if len(doc.Pages) == 0 {
		return fmt.Errorf("nothing to print: the document has no pages")
	}
	w.p.images = images
	level := 0
	if title != "" {
		if w.pages%2 == 1 {
			// the blank is the back of the previous handout's last sheet,
			// so it takes that sheet's size, not the next handout's
			l := w.last
			if err := w.page(&typeset.Page{Width: l.Width, Height: l.Height, Trim: l.Trim, Bleed: l.Bleed}); err != nil {
				return err
			}
		}
		w.outline = append(w.outline, pdf.OutlineEntry{Title: title, Level: 0, Page: w.pages, Y: doc.Pages[0].Height})
		level = 1
	}
	start := w.pages
	for _, page := range doc.Pages {
		if err := w.page(page); err != nil {
			return err
		}
	}
	for _, o := range outline(doc) {
		o.Level += level
		o.Page += start
		w.outline = append(w.outline, o)
	}
	return nil
}

func (w *Writer) page(p *typeset.Page) error {
	if err := w.p.page(p); err != nil {
		return err
	}
	w.pages++
	w.last = p
	return nil
}

// Pages is how many pages were written, blanks included.
func (w *Writer) Pages() int { return w.pages }

// Close finishes the PDF: fonts, outline, metadata, cross-references. The
// document information is written now, so a print job's title may count
// its handouts.
func (w *Writer) Close() error {
	m := w.meta
	w.d.SetInfo(pdf.Info{Title: m.Title, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords,
		Creator: m.Creator, Producer: m.Creator, Date: m.Date})
	w.d.Outline(w.outline)
	return w.d.Close()
}

// SetTitle changes the title written at Close.
func (w *Writer) SetTitle(title string) { w.meta.Title = title }
