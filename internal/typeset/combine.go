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
		base := len(out.Nodes)
		for _, n := range part.Doc.Nodes {
			n.ID, n.Parent = n.ID+base, renumber(n.Parent, base)
			out.Nodes = append(out.Nodes, n)
		}
		for _, p := range part.Doc.Pages {
			c := *p
			c.Number = len(out.Pages) + 1
			c.Items = renumbered(p.Items, base)
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

// renumbered copies items with their structure ids moved past base, so the
// handouts of a combined job keep apart in one structure tree.
func renumbered(items []Item, base int) []Item {
	if base == 0 {
		return items
	}
	out := make([]Item, len(items))
	for i, it := range items {
		c := it.moved(0, 0)
		if r := roleOf(c); r != nil {
			r.Block, r.Parent = renumber(r.Block, base), renumber(r.Parent, base)
		}
		out[i] = c
	}
	return out
}

func renumber(id, base int) int {
	if id == 0 {
		return 0
	}
	return id + base
}
