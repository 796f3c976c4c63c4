package typeset

import "handout/internal/font"

// Part is one handout of a combined print job.
type Part struct {
	Title string // its outline entry
	Doc   *Document
}

// Combine joins handouts into one document for sending a whole job to the
// printer at once. Each handout starts on a right-hand (odd) page, with a
// blank page before it where duplex printing needs one, and gets an outline
// entry of its own with its headings beneath it.
func Combine(parts []Part) *Document {
	out := &Document{}
	seenFace := map[*font.Face]bool{}
	seenImage := map[string]bool{}
	for _, part := range parts {
		if len(part.Doc.Pages) == 0 {
			continue
		}
		if len(out.Pages)%2 == 1 {
			// the blank is the back of the previous handout's last sheet,
			// so it takes that sheet's size, not the next handout's
			last := out.Pages[len(out.Pages)-1]
			out.Pages = append(out.Pages, &Page{Number: len(out.Pages) + 1, Width: last.Width, Height: last.Height,
				Trim: last.Trim, Bleed: last.Bleed})
		}
		start := len(out.Pages)
		out.Outline = append(out.Outline, OutlineEntry{Title: part.Title, Level: 0, Page: start + 1})
		for _, o := range part.Doc.Outline {
			o.Level++
			o.Page += start
			out.Outline = append(out.Outline, o)
		}
		for _, p := range part.Doc.Pages {
			c := *p
			c.Number = len(out.Pages) + 1
			out.Pages = append(out.Pages, &c)
		}
		for _, f := range part.Doc.Faces {
			if !seenFace[f] {
				seenFace[f] = true
				out.Faces = append(out.Faces, f)
			}
		}
		for _, im := range part.Doc.Images {
			if !seenImage[im] {
				seenImage[im] = true
				out.Images = append(out.Images, im)
			}
		}
	}
	return out
}
