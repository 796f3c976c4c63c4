package typeset

import (
	"strings"

	"rsc.io/qr"

	"handout/internal/model"
)

// QR code geometry. A phone camera at arm's length reads modules of
// 0.8 mm and up; the quiet zone of four modules on every side is part of
// the code, and nothing may be drawn in it.
const (
	QRModule    = 0.85 / 25.4 * 72 // points per module, a little over 0.8 mm
	QRQuietZone = 4                // modules of white around the code
)

// URLText is the leaflet's url with its placeholders filled from the
// site, as one string without spaces; "" when the leaflet gives none.
func URLText(t model.Text, value func(string) string) string {
	var b strings.Builder
	for _, r := range resolveRuns(t, value) {
		b.WriteString(r.text)
	}
	return strings.Join(strings.Fields(b.String()), "")
}

// HasPlaceholder reports whether a text uses a site placeholder.
func HasPlaceholder(t model.Text) bool {
	for _, sp := range t.Spans {
		if sp.Placeholder != "" {
			return true
		}
	}
	return false
}

// qrModules encodes s at the medium error-correction level (15% of the
// code may be smudged or folded and it still reads).
func qrModules(s string) (*qr.Code, error) { return qr.Encode(s, qr.M) }

// qrRects draws a code as filled rectangles, one per horizontal run of
// dark modules, at (x, y) as the top-left of its quiet zone: vector shapes
// print sharp at any resolution and convert to gray without dithering.
func qrRects(c *qr.Code, x, y float64, r Role) []Item {
	var items []Item
	ink := black
	off := float64(QRQuietZone) * QRModule
	for row := 0; row < c.Size; row++ {
		for col := 0; col < c.Size; {
			if !c.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < c.Size && c.Black(col, row) {
				col++
			}
			items = append(items, &Rect{
				X: x + off + float64(start)*QRModule, Y: y + off + float64(row)*QRModule,
				W: float64(col-start) * QRModule, H: QRModule, Fill: &ink, Role: r,
			})
		}
	}
	return items
}

// qrSide is the printed side of a code with its quiet zone.
func qrSide(c *qr.Code) float64 { return float64(c.Size+2*QRQuietZone) * QRModule }

// qrBlock sets the leaflet's QR code with its address beside it (or
// under it when the column is too narrow for both), as one element of
// the given width; nil when the leaflet has no url.
func (ts *typesetter) qrBlock(width float64) *element {
	lf := ts.in.Leaflet
	if lf.URL.IsZero() || (ts.in.Site.Builtin && HasPlaceholder(lf.URL)) {
		return nil // without a site there is no clinic's address to point at
	}
	ts.cur = lf.URL
	url := URLText(lf.URL, ts.value)
	if url == "" {
		return nil
	}
	code, err := qrModules(url)
	if err != nil {
		ts.fail(lf.URL.Pos, "the url cannot be made into a QR code: %v", err)
		return nil
	}
	side := qrSide(code)
	if side > width {
		ts.fail(lf.URL.Pos, "the url's QR code is %.2f in wide and the column only %.2f in; use a shorter address", side/72, width/72)
		return nil
	}
	fig := ts.open(Figure)
	ts.nodes[fig.Block-1].Alt = "QR code: " + url
	e := &element{height: side, items: qrRects(code, 0, 0, fig)}
	st := ts.small()
	tx, tw, ty := side+st.size, width-side-st.size, 0.0
	if tw < 72 { // under an inch beside it: the address goes underneath
		tx, tw, ty = 0, width, side
	}
	lines := ts.stamp(ts.setRuns(urlRuns(url), st, tw), ts.open(P))
	text := stack(lines)
	if ty == 0 {
		ty = max(0, (side-text.height)/2) // centred on the code
	}
	for _, it := range text.items {
		e.items = append(e.items, shift(it, tx, ty))
	}
	e.height = max(e.height, ty+text.height)
	return e
}

// urlRuns is the address as one linked run, without the scheme: people
// type what they read.
func urlRuns(url string) []run {
	shown := strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://")
	return []run{{text: shown, link: url}}
}
