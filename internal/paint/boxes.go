package paint

import (
	"bytes"
	"regexp"
	"sort"

	"codeberg.org/go-pdf/fpdf"

	"handout/internal/model"
	"handout/internal/typeset"
)

// grayOf is the luminance of a color (ITU-R BT.601 weights), written as a
// gray that fpdf emits with the DeviceGray operators g and G.
func grayOf(c model.Color) model.Color {
	y := uint8(0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) + 0.5)
	return model.Color{R: y, G: y, B: y}
}

// setBoxes writes the page's TrimBox and BleedBox. PDF boxes count from the
// bottom-left corner, the typesetter's from the top-left.
func setBoxes(pdf *fpdf.Fpdf, p *typeset.Page) {
	for _, b := range []struct {
		name string
		box  typeset.Box
	}{{"TrimBox", p.Trim}, {"BleedBox", p.Bleed}} {
		if b.box.IsZero() {
			continue
		}
		y := p.Height - b.box.Y - b.box.H
		pdf.SetPageBox(b.name, b.box.X, y, b.box.W, b.box.H)
	}
}

var boxLines = regexp.MustCompile(`(?:/(?:Trim|Bleed|Crop|Art)Box \[[^\]\n]*\]\n){2,}`)

// sortPageBoxes puts each page's box entries in a fixed order: fpdf writes
// them from a map, in random order. The entries only swap places, so the
// file's byte offsets stay valid.
func sortPageBoxes(pdf []byte) []byte {
	return boxLines.ReplaceAllFunc(pdf, func(m []byte) []byte {
		lines := bytes.SplitAfter(m, []byte("\n"))
		lines = lines[:len(lines)-1] // the empty piece after the last newline
		sort.Slice(lines, func(i, j int) bool { return bytes.Compare(lines[i], lines[j]) < 0 })
		return bytes.Join(lines, nil)
	})
}
