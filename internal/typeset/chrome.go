package typeset

import (
	"fmt"
	"math"

	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/source"
)

// chrome adds what every page carries: the site's header image, and the
// footer with its rule, text, page number and image. It runs after the page
// breaker, so "Page N of M" knows M.
func (ts *typesetter) chrome(doc *Document) {
	site := ts.in.Site
	footer := ts.footerRuns()
	for i, p := range doc.Pages {
		a := ts.textArea(i)
		a.w = ts.chromeWidth()
		var head, foot []Item
		if site.HeaderImage != "" {
			head = ts.headerImage(a.x)
			ts.headerFigure(head, i == 0, ts.openFirst)
		}
		foot = ts.footer(a, footer, i+1, len(doc.Pages))
		p.Items = append(append(head, p.Items...), foot...)
	}
}

// footerRuns is the footer line: the site's footer_text, else the
// language's default when the site has a phone number.
func (ts *typesetter) footerRuns() []run {
	site := ts.in.Site
	t := site.FooterText
	if t.IsZero() {
		if site.Builtin || site.Phone == "" {
			return nil
		}
		t = parseBuiltin(ts.in.Strings.FooterText)
		t.Pos = site.Pos
		if site.Name == "" {
			return nil
		}
	}
	ts.cur = t
	return ts.resolve(t)
}

// footer lays out one page's footer band: a rule, the footer text on the
// left with the page number on the right, and the footer image below.
func (ts *typesetter) footer(fr area, runs []run, n, total int) []Item {
	site := ts.in.Site
	top := ts.l.PageHeight - ts.l.MarginBottom - ts.l.FooterHeight
	st := ts.small()
	pad := st.size * 0.6
	items := []Item{&Rule{X1: fr.x, Y1: top + pad, X2: fr.x + fr.w, Y2: top + pad, Color: ruleGray, Width: 0.5}}
	y := top + pad*1.6
	pageNo := ts.pageLabel(n, total)
	face := ts.fonts.Face(st.base)
	num, pw := ts.label(0, 0, st.base, st.size, darkGray, pageNo, Role{}) // page chrome: an artifact
	var lines []line
	if len(runs) > 0 {
		lines = ts.setRuns(runs, st, fr.w-pw-st.size*1.5)
	}
	lineH := st.size * st.leading
	bottom := ts.l.PageHeight - ts.l.MarginBottom
	if short := y + lineH - bottom; short > 0.01 {
		// not even the page number fits: the layout's band is too short,
		// whatever the site puts in it
		ts.bandTooShort(n, short)
		return items
	}
	baseline := (lineH-(face.Ascent(st.size)+face.Descent(st.size)))/2 + face.Ascent(st.size)
	for _, it := range num {
		items = append(items, shift(it, fr.x+fr.w-pw, y+baseline))
	}
	for _, l := range lines {
		for _, it := range l.items {
			items = append(items, shift(it, fr.x, y))
		}
		y += l.height
	}
	if len(lines) == 0 {
		y += lineH
	}
	if site.FooterImage != "" {
		h := bottom - y - pad*0.5
		if h < minFooterImage {
			ts.footerTooTall(n, fmt.Sprintf("leaves %.0f pt for the footer image, which needs at least %.0f", max(h, 0), minFooterImage), minFooterImage-h)
		} else {
			items = append(items, ts.footerImage(fr, y+pad*0.5, bottom)...)
		}
	} else if y > bottom+0.01 {
		ts.footerTooTall(n, fmt.Sprintf("runs %.0f pt into the bottom margin", y-bottom), y-bottom)
	}
	return items
}

// minFooterImage is the least height a footer image may be drawn at: any
// smaller and it is a smudge, not a logo.
const minFooterImage = 8.0

// bandTooShort reports, once and against the layout, a footer band that
// cannot hold one line of small text.
func (ts *typesetter) bandTooShort(page int, short float64) {
	if page != 1 {
		return
	}
	need := math.Ceil((ts.l.FooterHeight+short)/72*100) / 100 // inches, rounded up
	e := source.Errorf(ts.l.FooterPos, "the %s layout's %.2f in footer band cannot hold one line of its %g pt small text (the page number)",
		ts.l.Name, ts.l.FooterHeight/72, ts.l.SmallSize)
	ts.errs = append(ts.errs, e.WithHint("make footer_height at least %gin, or text.small smaller", need))
}

// footerTooTall reports, once, a footer text too long for the band.
func (ts *typesetter) footerTooTall(page int, what string, short float64) {
	if page != 1 {
		return // every page has the same footer text
	}
	site := ts.in.Site
	need := math.Ceil((ts.l.FooterHeight+short)/72*100) / 100 // inches, rounded up
	pos, thing := site.PosOf("footer_text"), "the footer text"
	hint := fmt.Sprintf("shorten the footer text, or make the layout's footer_height at least %gin", need)
	if site.FooterText.IsZero() {
		pos = site.PosOf("name") // the default footer line names the clinic
	}
	e := source.Errorf(pos, "%s %s in the %s layout's %.2f in footer band", thing, what, ts.l.Name, ts.l.FooterHeight/72)
	ts.errs = append(ts.errs, e.WithHint("%s", hint))
}

// fitImage scales an image into a box keeping its shape, at the box's top
// left, or centered horizontally when center is set.
func (ts *typesetter) fitImage(path string, x, y, w, h float64, center bool, alt string, pos source.Pos) []Item {
	pw, ph, ok := ts.in.ImageSize(path)
	if !ok || pw <= 0 || ph <= 0 || w <= 0 || h <= 0 {
		return nil
	}
	ts.useImage(path)
	iw, ih := w, w*float64(ph)/float64(pw)
	if ih > h {
		iw, ih = h*float64(pw)/float64(ph), h
	}
	if center {
		x += (w - iw) / 2
	}
	return []Item{&Picture{X: x, Y: y, W: iw, H: ih, Path: path, Alt: alt, Pos: pos}}
}

// parseBuiltin turns one of our own strings with placeholders into Text.
func parseBuiltin(s string) model.Text {
	spans, _ := inline.ParseNames(s, model.PlaceholderNames) // our own strings are well-formed
	return model.Text{Raw: s, Spans: spans}
}
