package check

import "handout/internal/model"

// unitKind is what role a piece of text plays on the page.
type unitKind int

const (
	unitHeading   unitKind = iota // title, subtitle, headings, note titles
	unitParagraph                 // running text
	unitItem                      // a list item
	unitCaption                   // an image caption
)

// unit is one piece of text that ends a sentence wherever it ends: a
// heading, a paragraph, a list item, a caption.
type unit struct {
	text    model.Text
	kind    unitKind
	section int // index of the section, -1 for the title and subtitle
}

// placedImage is an image with the width of the box it is set in.
type placedImage struct {
	img  *model.Image
	boxW float64
}

// walker collects a leaflet's text units and images in document order.
type walker struct {
	units  []unit
	images []placedImage
	notes  []*model.Note
	layout *model.Layout // for box widths; nil when unknown
}

func (w *walker) leaflet(l *model.Leaflet) {
	w.unit(l.Title, unitHeading, -1)
	w.unit(l.Subtitle, unitHeading, -1)
	colW := 0.0
	if w.layout != nil {
		colW = columnWidth(w.layout)
	}
	for i, s := range l.Sections {
		w.unit(s.Heading, unitHeading, i)
		w.blocks(s.Body, i, colW)
	}
}

func (w *walker) unit(t model.Text, kind unitKind, section int) {
	if !t.IsZero() {
		w.units = append(w.units, unit{text: t, kind: kind, section: section})
	}
}

// blocks walks blocks set in a box boxW wide. Tables are left out of the
// reading measures: their cells are not sentences.
func (w *walker) blocks(blocks []model.Block, section int, boxW float64) {
	for _, b := range blocks {
		switch v := b.(type) {
		case *model.Paragraph:
			w.unit(v.Text, unitParagraph, section)
		case *model.Subheading:
			w.unit(v.Text, unitHeading, section)
		case *model.List:
			w.list(v, section, boxW)
		case *model.Note:
			w.notes = append(w.notes, v)
			w.unit(v.Title, unitHeading, section)
			w.blocks(v.Body, section, noteInner(boxW, w.layout))
		case *model.Image:
			w.unit(v.Caption, unitCaption, section)
			w.images = append(w.images, placedImage{img: v, boxW: boxW})
		}
	}
}

func (w *walker) list(l *model.List, section int, boxW float64) {
	for _, it := range l.Items {
		w.unit(it.Text, unitItem, section)
		w.blocks(it.Children, section, boxW)
	}
}

// noteInner is the width inside a note box set in boxW, as the typesetter
// insets it: a bar and padding on both sides, in proportion to the body
// size.
func noteInner(boxW float64, l *model.Layout) float64 {
	if l == nil {
		return boxW
	}
	size := l.BodySize
	return boxW - max(3, size*0.3) - 2*size*0.9
}

// columnWidth is the width the typesetter sets a layout's text to
// (internal/typeset/frames.go): the text area, split into columns or
// panels, and no wider than the longest line the layout allows.
func columnWidth(l *model.Layout) float64 {
	var w float64
	if l.Folded() {
		w = min(l.Panels[0], l.Panels[1], l.Panels[2]) - 2*l.PanelMargin
	} else {
		n := float64(max(1, l.Columns))
		w = (l.PageWidth - l.MarginInside - l.MarginOutside - (n-1)*l.Gutter) / n
	}
	if l.MaxLine > 0 {
		w = min(w, l.MaxLine)
	}
	return w
}
