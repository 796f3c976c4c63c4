package main

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Render draws the handout with fpdf the plain way: every font registered
// from its bytes, every image from its file, text by string.
func Render(in *Inputs, w io.Writer) error {
	first := in.Doc.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.W, Ht: first.H}})
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCreationDate(in.Date)
	pdf.SetModificationDate(in.Date)
	d := in.Doc
	pdf.SetTitle(d.Title, true)
	pdf.SetAuthor(d.Author, true)
	pdf.SetSubject(d.Subject, true)
	pdf.SetKeywords(d.Keywords, true)
	pdf.SetCreator(d.Creator, true)
	pdf.SetProducer(d.Creator, true)
	pdf.SetLang(d.Lang)
	for i, f := range in.Fonts {
		pdf.AddUTF8FontFromBytes(fmt.Sprint("F", i), "", f)
	}
	for p, data := range in.Images {
		kind := strings.TrimPrefix(path.Ext(p), ".")
		pdf.RegisterImageOptionsReader(p, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	}
	for _, p := range d.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.W, Ht: p.H})
		for _, it := range p.Items {
			draw(pdf, it)
		}
	}
	pdf.SetFont("F0", "", 12)
	for _, o := range d.Outline {
		pdf.SetPage(o.Page)
		pdf.Bookmark(o.Title, o.Level, o.Y)
	}
	pdf.SetPage(len(d.Pages))
	return pdf.Output(w)
}

func draw(pdf *fpdf.Fpdf, it Item) {
	rgb := func(c *[3]uint8) (int, int, int) { return int(c[0]), int(c[1]), int(c[2]) }
	switch it.Kind {
	case "text":
		pdf.SetFont(fmt.Sprint("F", it.Font), "", it.Size)
		pdf.SetTextColor(rgb(it.Color))
		pdf.Text(it.X, it.Y, it.Text)
	case "rect":
		style := ""
		if it.Fill != nil {
			pdf.SetFillColor(rgb(it.Fill))
			style += "F"
		}
		if it.Color != nil {
			pdf.SetDrawColor(rgb(it.Color))
			pdf.SetLineWidth(it.Size)
			style += "D"
		}
		if style != "" {
			pdf.Rect(it.X, it.Y, it.W, it.H, style)
		}
	case "rule":
		pdf.SetDrawColor(rgb(it.Color))
		pdf.SetLineWidth(it.Size)
		pdf.Line(it.X, it.Y, it.X2, it.Y2)
	case "image":
		pdf.ImageOptions(it.Path, it.X, it.Y, it.W, it.H, false, fpdf.ImageOptions{}, 0, "")
	case "link":
		pdf.LinkString(it.X, it.Y, it.W, it.H, it.Path)
	}
}
