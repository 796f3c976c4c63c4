package typeset

import (
	"strings"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
)

// foldedPanels fills the two panels of a folded leaflet that the body does
// not flow through: the front cover (header image, title, subtitle, and a
// band in the site's color along the bottom edge that runs into the bleed)
// and the back panel (the clinic's name, address, phone and website, then
// the credits).
func (ts *typesetter) foldedPanels(doc *Document) {
	for len(doc.Pages) < 2 {
		doc.Pages = append(doc.Pages, &Page{Number: len(doc.Pages) + 1, Width: ts.l.PageWidth, Height: ts.l.PageHeight})
	}
	outside := doc.Pages[0]
	body := len(ts.nodes)
	outside.Items = append(outside.Items, ts.cover()...)
	// the cover is read first: its elements go before the body's in the
	// structure tree (the back panel comes last)
	for id := body + 1; id <= len(ts.nodes); id++ {
		ts.first = append(ts.first, id)
	}
	outside.Items = append(outside.Items, ts.backPanel()...)
}

func (ts *typesetter) cover() []Item {
	l, site := ts.l, ts.in.Site
	px, pw := ts.panelX(0, panelFront)
	x, w := px+l.PanelMargin, pw-2*l.PanelMargin
	y := l.MarginTop
	var items []Item
	if site.HeaderImage != "" {
		img := ts.fitImage(site.HeaderImage, x, y, w, l.HeaderHeight, true, site.Name, site.PosOf("header_image"))
		ts.headerFigure(img, true, ts.open) // the cover's elements are moved first
		items = append(items, img...)
		if len(img) > 0 {
			pic := img[0].(*Picture)
			y = pic.Y + pic.H + l.BodySize*1.5
		}
	}
	title := ts.coverTitle(w, l.PageHeight-l.MarginBottom-l.BodySize*2.5-y)
	// the title sits in the upper middle of the cover's free space, where
	// a reader's eye lands, rather than hard under the logo
	band := l.MarginBottom + l.BodySize*2.5
	if free := l.PageHeight - band - y - title.height; free > 0 {
		y += free * coverTitleAt
	}
	for _, it := range title.items {
		items = append(items, shift(it, x, y))
	}
	if over := y + title.height - (l.PageHeight - band); over > 0 {
		ts.errs = append(ts.errs, source.Errorf(ts.in.Leaflet.Title.Pos,
			"the title and subtitle are %.1f in too tall for the front cover of the %s layout", over/72, l.Name).
			WithHint("shorten them"))
	}
	accent := ts.accent
	// the band runs to the trim on the outer edge and the bottom, so a
	// bleed extends it, but stops short of the fold: a fold a little off
	// would otherwise show a sliver of colour on the back panel
	pull := foldPullBack(l)
	items = append(items, &Rect{X: px + pull, Y: l.PageHeight - band, W: pw - pull, H: band, Fill: &accent})
	if name := site.Name; name != "" {
		st := textStyle{base: font.Bold, size: l.SubheadingSize, color: model.Color{R: 255, G: 255, B: 255}, leading: 1.2}
		ts.cur = model.Text{Pos: site.PosOf("name")}
		lines := ts.stamp(ts.setRuns([]run{{text: name}}, st, w), ts.open(P))
		ly := l.PageHeight - band + (band-l.MarginBottom-float64(len(lines))*st.size*st.leading)/2 + l.MarginBottom*0.3
		for _, ln := range lines {
			for _, it := range ln.items {
				items = append(items, shift(it, x, ly))
			}
			ly += ln.height
		}
	}
	return items
}

// coverTitleScale is how much larger than on a page the title is set on a
// cover, which has the room and is what a reader picks the leaflet by.
const coverTitleScale = 1.3

// coverTitle sets the title block for the front cover: larger than on a
// page when it fits in room at that size, else at the page size.
func (ts *typesetter) coverTitle(w, room float64) *element {
	saved := ts.l
	big := *ts.l
	big.TitleSize *= coverTitleScale
	big.SubtitleSize *= (1 + coverTitleScale) / 2
	ts.l = &big
	nodes, parent, errs := len(ts.nodes), ts.parent, len(ts.errs)
	title := ts.titleBlock(w, true)
	ts.l = saved
	if title.height <= room*0.8 {
		return title
	}
	ts.nodes, ts.parent, ts.errs = ts.nodes[:nodes], parent, ts.errs[:errs] // the larger try is not kept
	return ts.titleBlock(w, true)
}

// coverTitleAt is where in the cover's free space the title block goes,
// as a share of the space left above it.
const coverTitleAt = 0.3

// foldPullBack is how far colour stops short of a fold: half the panel
// margin, more than a folding machine's usual tolerance of 1/16 in.
func foldPullBack(l *model.Layout) float64 { return l.PanelMargin / 2 }

// backPanel sets the clinic's contact details and the credits. It must fit
// its panel; there is nowhere for it to flow on to.
func (ts *typesetter) backPanel() []Item {
	l := ts.l
	px, pw := ts.panelX(0, panelBack)
	x, w := px+l.PanelMargin, pw-2*l.PanelMargin
	e := ts.backMatter(w, true, true)
	room := l.PageHeight - l.MarginTop - l.MarginBottom
	if e.height > room {
		ts.errs = append(ts.errs, ts.backPanelTooTall(l.Name, (e.height-room)/72))
	}
	var items []Item
	for _, it := range e.items {
		items = append(items, shift(it, x, l.MarginTop))
	}
	return items
}

// backMatter sets the clinic's contact details and the credits, w wide,
// for a back panel or a booklet's back cover; contact and credits choose
// which. The QR code and the taglines come with the credits.
func (ts *typesetter) backMatter(w float64, contact, credits bool) *element {
	l, site := ts.l, ts.in.Site
	var lines []line
	if !site.Builtin && contact {
		lines = append(lines, ts.contactLines(w)...)
	}
	var blocks [][]line
	labelled := 0
	if credits {
		blocks, labelled = ts.endBlocks(w)
	}
	if len(blocks) > 0 && len(lines) > 0 {
		lines = append(lines, line{height: l.BodySize * 0.8, items: []Item{&Rule{X1: 0, Y1: l.BodySize * 0.4, X2: w, Y2: l.BodySize * 0.4, Color: ruleGray, Width: 0.5}}})
	}
	for i, b := range blocks {
		if i > 0 && i >= labelled {
			lines = append(lines, line{height: l.SmallSize * 0.5})
		}
		lines = append(lines, b...)
	}
	if credits {
		// the QR code and the taglines go with the credits
		for i, e := range ts.closing(w) {
			if i == 0 && len(lines) > 0 {
				lines = append(lines, line{height: l.SmallSize})
			}
			lines = append(lines, line{height: e.height, items: e.items})
		}
	}
	return stack(lines)
}

// contactLines sets the site's name, department, address, phone and
// website for the back panel.
func (ts *typesetter) contactLines(w float64) []line {
	l, site := ts.l, ts.in.Site
	var lines []line
	add := func(field, s string, st textStyle, link string) {
		if strings.TrimSpace(s) == "" {
			return
		}
		ts.cur = model.Text{Pos: site.PosOf(field)}
		ltr := field == "phone" || field == "website" // read left to right as a whole, in any language
		lines = append(lines, ts.stamp(ts.setRuns([]run{{text: s, link: link, ltr: ltr}}, st, w), ts.open(P))...)
	}
	body := ts.body()
	add("name", site.Name, ts.heading(l.SubheadingSize, ts.accent), "")
	add("department", site.Department, body, "")
	add("address", site.Address, body, "")
	phone := body
	phone.base = font.Bold
	add("phone", site.Phone, phone, "")
	link := ""
	if isURL(site.Website) {
		link = site.Website
	}
	add("website", site.Website, body, link)
	return lines
}
