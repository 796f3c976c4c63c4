// Package paint turns typeset pages into a PDF through fpdf. It decides
// nothing about where things go: every position comes from the typesetter.
package paint

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"handout/internal/assets"
	"handout/internal/font"
	"handout/internal/model"
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

// Images looks up the prepared image for a path. assets prepares it:
// decoded, checked and re-encoded, so fpdf never sees a file that could
// make it panic.
type Images func(path string) (assets.Encoded, bool)

// Paint renders the document to PDF bytes.
func Paint(doc *typeset.Document, meta Meta, images Images) (out []byte, err error) {
	defer func() {
		// fpdf panics on some inputs; we guard what we hand it, and turn
		// anything that still slips through into an error, never a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("PDF writer failed: %v", r)
		}
	}()
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("nothing to print: the document has no pages")
	}
	first := doc.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCreationDate(meta.Date)
	pdf.SetModificationDate(meta.Date)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetCreator(meta.Creator, true)
	pdf.SetProducer(meta.Creator, true)
	if meta.Lang != "" {
		pdf.SetLang(meta.Lang)
	}
	// only the faces the pages use are registered, so only they are parsed
	// and embedded (fpdf subsets each one to the characters used)
	keys := fontKeys(doc.Faces)
	used := usedRunes(doc)
	for i, f := range doc.Faces {
		pdf.AddUTF8FontFromBytes(keys[i], "", f.WithCmap(used[f]))
	}
	for i, path := range doc.Images {
		img, ok := images(path)
		if !ok {
			return nil, fmt.Errorf("%s: image was not prepared", path)
		}
		info := pdf.RegisterImageOptionsReader(path, fpdf.ImageOptions{ImageType: img.Type}, bytes.NewReader(img.Data))
		if info == nil || pdf.Error() != nil {
			break
		}
		if err := nudgeWidth(info, i); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	for _, p := range doc.Pages {
		paintPage(pdf, p, doc.Faces, keys, meta.Grayscale)
		if err := pdf.Error(); err != nil {
			return nil, err
		}
	}
	// the outline goes in reading order, which for an imposed booklet is
	// not the order of the sheets: fpdf files a bookmark under the
	// current page, so visit each entry's page
	if len(doc.Outline) > 0 && len(keys) > 0 {
		pdf.SetFont(keys[0], "", 12) // fpdf encodes a bookmark for the current font: a UTF-8 one
	}
	for _, o := range doc.Outline {
		pdf.SetPage(o.Page)
		pdf.Bookmark(o.Title, o.Level, o.Y)
	}
	// fpdf counts the pages it writes by the current page: go back to the last
	pdf.SetPage(len(doc.Pages))
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return sortPageBoxes(tagSubsets(buf.Bytes(), doc.Faces, keys, used)), nil
}

// painter state to avoid repeating fpdf's set-up calls per item.
type state struct {
	face  *font.Face
	size  float64
	color model.Color
	set   bool
}

func paintPage(pdf *fpdf.Fpdf, p *typeset.Page, faces []*font.Face, keys []string, gray bool) {
	rgb := func(c model.Color) (int, int, int) {
		if gray {
			c = grayOf(c)
		}
		return int(c.R), int(c.G), int(c.B)
	}
	key := func(f *font.Face) string {
		for i, x := range faces {
			if x == f {
				return keys[i]
			}
		}
		return ""
	}
	pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.Width, Ht: p.Height})
	setBoxes(pdf, p)
	var st state
	for _, it := range p.Items {
		switch v := it.(type) {
		case *typeset.Text:
			if v.Face != st.face || v.Size != st.size {
				pdf.SetFont(key(v.Face), "", v.Size)
				st.face, st.size = v.Face, v.Size
			}
			if !st.set || v.Color != st.color {
				pdf.SetTextColor(rgb(v.Color))
				st.color, st.set = v.Color, true
			}
			pdf.Text(v.X, v.Y, v.Text)
		case *typeset.Rect:
			style := ""
			if v.Fill != nil {
				pdf.SetFillColor(rgb(*v.Fill))
				style += "F"
			}
			if v.Stroke != nil {
				pdf.SetDrawColor(rgb(*v.Stroke))
				pdf.SetLineWidth(v.LineWidth)
				style += "D"
			}
			if style != "" {
				pdf.Rect(v.X, v.Y, v.W, v.H, style)
			}
		case *typeset.Rule:
			pdf.SetDrawColor(rgb(v.Color))
			pdf.SetLineWidth(v.Width)
			pdf.Line(v.X1, v.Y1, v.X2, v.Y2)
		case *typeset.Picture:
			pdf.ImageOptions(v.Path, v.X, v.Y, v.W, v.H, false, fpdf.ImageOptions{}, 0, "")
		case *typeset.Link:
			pdf.LinkString(v.X, v.Y, v.W, v.H, v.URL)
		}
	}
}
