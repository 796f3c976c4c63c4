package typeset

import (
	"math"
	"testing"

	"rsc.io/qr"

	"handout/internal/load"
	"handout/internal/model"
)

func qrSite() *model.Site {
	return &model.Site{Name: "Clinic", Website: "https://clinic.example.org", Accent: load.DefaultAccent, File: "site.yaml"}
}

const qrLeaflet = "title: Jaundice\nurl: \"{website}/handouts/jaundice\"\nsections:\n  - body: [Babies may turn yellow.]\ncredits:\n  written_by: Nurses\n"

// qrItems returns the rectangles of the QR figure and the figure's node.
func qrItems(t *testing.T, doc *Document) (rects []*Rect, page int, node Node) {
	t.Helper()
	for _, n := range doc.Nodes {
		if n.Kind == Figure && n.Alt != "" {
			node = n
		}
	}
	if node.ID == 0 {
		t.Fatal("no Figure node with alt text for the QR code")
	}
	for i, p := range doc.Pages {
		for _, it := range p.Items {
			if r, ok := it.(*Rect); ok && r.Role.Block == node.ID {
				rects, page = append(rects, r), i
			}
		}
	}
	return rects, page, node
}

// TestQRCodeDrawsTheURL rebuilds the module grid from the drawn
// rectangles and compares it with the code for the site's address, in
// every kind of layout.
func TestQRCodeDrawsTheURL(t *testing.T) {
	const want = "https://clinic.example.org/handouts/jaundice"
	code, err := qr.Encode(want, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{"letter", "letter-2col", "trifold", "booklet", "large-print"} {
		t.Run(layout, func(t *testing.T) {
			doc, _, err := trySet(t, qrLeaflet, layout, qrSite())
			if err != nil {
				t.Fatal(err)
			}
			rects, _, node := qrItems(t, doc)
			if node.Alt != "QR code: "+want {
				t.Errorf("alt text %q, want it to give %s", node.Alt, want)
			}
			minX, minY := math.Inf(1), math.Inf(1)
			for _, r := range rects {
				minX, minY = min(minX, r.X), min(minY, r.Y)
				if r.H < 0.8/25.4*72 {
					t.Fatalf("module %.2f pt high, under 0.8 mm", r.H)
				}
			}
			grid := map[[2]int]bool{}
			for _, r := range rects {
				row := int(math.Round((r.Y - minY) / QRModule))
				c0 := int(math.Round((r.X - minX) / QRModule))
				for c := c0; c < c0+int(math.Round(r.W/QRModule)); c++ {
					grid[[2]int{row, c}] = true
				}
			}
			// the top-left finder pattern puts a dark module at (0, 0)
			for y := 0; y < code.Size; y++ {
				for x := 0; x < code.Size; x++ {
					if grid[[2]int{y, x}] != code.Black(x, y) {
						t.Fatalf("module (%d, %d) drawn %v, the code has %v", x, y, grid[[2]int{y, x}], code.Black(x, y))
					}
				}
			}
			if len(grid) == 0 || len(rects) >= len(grid) && len(grid) > code.Size {
				t.Errorf("%d rectangles for %d dark modules: runs were not merged", len(rects), len(grid))
			}
		})
	}
}

// TestQRCodePlacement: near the credits on a page layout, on the back
// panel of a trifold (the outside sheet), on the back cover of a booklet.
func TestQRCodePlacement(t *testing.T) {
	doc, _, err := trySet(t, qrLeaflet, "booklet", qrSite())
	if err != nil {
		t.Fatal(err)
	}
	_, page, _ := qrItems(t, doc)
	// imposed: sheet 1's front holds the last page (the back cover) on the left
	if page != 0 {
		t.Errorf("booklet QR code on sheet side %d, want the back cover on the first side", page+1)
	}
	for _, r := range qrItemsRects(t, doc) {
		if r.X > doc.Pages[0].Width/2 {
			t.Fatalf("booklet QR code at x=%.0f, not on the left half (the back cover)", r.X)
		}
	}
	doc, lay, err := trySet(t, qrLeaflet, "trifold", qrSite())
	if err != nil {
		t.Fatal(err)
	}
	rects, page, _ := qrItems(t, doc)
	px, pw := lay.Panels[0], lay.Panels[1]
	if page != 0 || rects[0].X < px || rects[0].X > px+pw {
		t.Errorf("trifold QR code on page %d at x=%.0f, want the back panel (page 1, x %.0f to %.0f)", page+1, rects[0].X, px, px+pw)
	}
}

func qrItemsRects(t *testing.T, doc *Document) []*Rect {
	r, _, _ := qrItems(t, doc)
	return r
}

// TestQRCodeNeedsASite: without a site, a url made of placeholders has no
// address to point at, and the handout prints without a code.
func TestQRCodeNeedsASite(t *testing.T) {
	doc, _ := setDoc(t, qrLeaflet, "letter")
	for _, n := range doc.Nodes {
		if n.Kind == Figure {
			t.Fatalf("a QR figure without a site: %+v", n)
		}
	}
}
