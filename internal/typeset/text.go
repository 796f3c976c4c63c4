package typeset

import (
	"math"
	"strings"

	"handout/internal/model"
)

// line is one set line of text, ready to become an element.
type line struct {
	items  []Item
	height float64
}

// setText breaks a text into lines of the given width.
func (ts *typesetter) setText(t model.Text, st textStyle, width float64) []line {
	ts.cur = t
	return ts.setRuns(ts.resolve(t), st, width)
}

// setRuns breaks already-resolved runs into lines.
func (ts *typesetter) setRuns(runs []run, st textStyle, width float64) []line {
	words := ts.splitLong(ts.markURLs(ts.words(runs, st)), width)
	breakW := width
	if st.headline {
		words, breakW = ts.headline(words, width)
	}
	ends := breakLines(words, breakW)
	lineH := st.size * st.leading
	face := ts.fonts.Face(st.base)
	asc, desc := face.Ascent(st.size), face.Descent(st.size)
	baseline := (lineH-(asc+desc))/2 + asc
	out := make([]line, 0, len(ends))
	start := 0
	var open *Link // the previous line's last link area, when the line broke inside it
	sep := ""
	for k, end := range ends {
		justify := ts.l.Justify && !st.ragged && k < len(ends)-1 && !holdsURL(words[start:end]) && !ts.closeSet // Chinese lines have no spaces to stretch
		ws := words[start:end]
		var items []Item
		if ts.bidiLine(ws) {
			items = ts.placeBidi(ws, width, baseline)
		} else {
			items = ts.placeWords(ws, width, baseline, justify)
			if k < len(ends)-1 {
				markSpaceAfter(items, ws[len(ws)-1])
			}
		}
		out = append(out, line{items: items, height: lineH})
		open, sep = continueLink(items, ws, open, sep)
		start = end
	}
	joinLinkWords(out)
	return out
}

// continueLink ties the link area that starts a line to open, the area
// that ended the line before, when the link runs on across the break, and
// returns the area that ends this line if the line breaks inside a link,
// with what the break dropped there. Start and end are in reading order:
// the areas of the line's first and last words, found by their link, as
// a right-to-left line places its areas from the right.
func continueLink(items []Item, ws []word, open *Link, sep string) (*Link, string) {
	first := areaOf(items, firstLink(ws[0]))
	if open != nil && first != nil && first.URL == open.URL {
		first.prev, first.sep = open, sep
	}
	w := ws[len(ws)-1]
	last := areaOf(items, lastLink(w))
	if last == nil {
		return nil, ""
	}
	if w.space > 0 && w.hyphen == 0 {
		return last, " "
	}
	return last, ""
}

// markSpaceAfter marks the last run of a left-to-right line, the one
// holding its last word, as breaking the line, and says whether the break
// was at the space after that word.
func markSpaceAfter(items []Item, last word) {
	for i := len(items) - 1; i >= 0; i-- {
		if t, ok := items[i].(*Text); ok {
			t.BreaksLine = true
			t.SpaceAfter = last.space > 0 && last.hyphen == 0
			return
		}
	}
}

// firstLink and lastLink are the link of a word's first and last piece.
func firstLink(w word) string {
	if len(w.pieces) == 0 {
		return ""
	}
	return w.pieces[0].link
}

func lastLink(w word) string {
	if len(w.pieces) == 0 {
		return ""
	}
	return w.pieces[len(w.pieces)-1].link
}

// areaOf is the line's one link area for url; nil when there is none, or
// more than one, and so no telling which the word is in.
func areaOf(items []Item, url string) *Link {
	if url == "" {
		return nil
	}
	var found *Link
	for _, it := range items {
		if l, ok := it.(*Link); ok && l.URL == url {
			if found != nil {
				return nil
			}
			found = l
		}
	}
	return found
}

// joinLinkWords gives every area of a link broken across lines the words
// of the whole link.
func joinLinkWords(lines []line) {
	var heads []*Link
	chains := map[*Link][]*Link{} // by the link's first area, its areas in order
	for _, ln := range lines {
		for _, it := range ln.items {
			l, ok := it.(*Link)
			if !ok {
				continue
			}
			head := l
			for head.prev != nil {
				head = head.prev
			}
			if _, seen := chains[head]; !seen {
				heads = append(heads, head)
			}
			chains[head] = append(chains[head], l)
		}
	}
	for _, h := range heads {
		chain := chains[h]
		if len(chain) < 2 {
			continue
		}
		var b strings.Builder
		for i, l := range chain {
			if i > 0 {
				b.WriteString(l.sep)
			}
			b.WriteString(l.Text)
		}
		for _, l := range chain {
			l.Text = b.String()
		}
	}
}

// placeWords positions one line's words. Ragged lines merge neighbouring
// pieces of the same look into one run, which keeps the PDF small and its
// text easy to extract; justified lines place each word on its own.
func (ts *typesetter) placeWords(ws []word, width, baseline float64, justify bool) []Item {
	var items []Item
	var links []*Link
	extra := 0.0
	if justify && len(ws) > 1 {
		natural := 0.0
		for i, w := range ws {
			natural += w.width
			if i < len(ws)-1 {
				natural += w.space
			}
		}
		extra = (width - natural) / float64(len(ws)-1)
	}
	x := 0.0
	var last *Text
	lastLink := ""
	for i, w := range ws {
		for _, p := range w.pieces {
			if last != nil && !justify && last.Face == p.face && last.Size == p.size && last.Color == p.color &&
				last.Embolden == p.embolden && lastLink == p.link && near(last.X+last.Width, x) {
				last.add(p.text, p.shaped, p.width)
			} else {
				last = &Text{X: x, Y: baseline, Face: p.face, Size: p.size, Color: p.color, Lang: ts.lang, Embolden: p.embolden}
				last.add(p.text, p.shaped, p.width)
				items = append(items, last)
			}
			if p.link != "" {
				links = linkArea(links, p, x, baseline)
			}
			lastLink = p.link
			x += p.width
		}
		if i == len(ws)-1 {
			if w.hyphen > 0 && last != nil {
				gs, hw := ts.shape(last.Face, last.Size, "-")
				last.add("-", gs, hw)
			}
			break
		}
		sp := w.space
		if justify {
			sp += extra
		}
		if !justify && last != nil && w.space > 0 && near(last.X+last.Width, x) {
			gs, sw := ts.shape(last.Face, last.Size, " ")
			last.add(" ", gs, sw)
		}
		if lastLink != "" && len(ws[i+1].pieces) > 0 && ws[i+1].pieces[0].link == lastLink && len(links) > 0 {
			links[len(links)-1].W += sp // underline the space inside a link
			if w.space > 0 {
				links[len(links)-1].Text += " "
			}
		}
		x += sp
	}
	for _, it := range items {
		it.(*Text).build()
	}
	for _, l := range links {
		items = append(items, l, underline(l, baseline))
	}
	return items
}

// near compares positions that are sums of the same widths in a different
// order, so they may differ in the last bits.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// linkArea grows the current link area or starts a new one.
func linkArea(links []*Link, p piece, x, baseline float64) []*Link {
	if n := len(links); n > 0 && links[n-1].URL == p.link && links[n-1].X+links[n-1].W >= x-0.01 {
		links[n-1].W = x + p.width - links[n-1].X
		links[n-1].Text += p.text
		return links
	}
	top := baseline - p.size*0.95
	return append(links, &Link{X: x, Y: top, W: p.width, H: p.size * 1.25, URL: p.link, Text: p.text, color: p.color, size: p.size})
}

func underline(l *Link, baseline float64) *Rule {
	y := baseline + l.size*0.12
	return &Rule{X1: l.X, Y1: y, X2: l.X + l.W, Y2: y, Color: l.color, Width: l.size * 0.06}
}

// linesToElements turns lines into elements at horizontal offset x, with
// orphan and widow control: the first two and the last two lines of a text
// stay together.
func linesToElements(lines []line, x float64) []*element {
	els := make([]*element, len(lines))
	for i, ln := range lines {
		items := ln.items
		if x != 0 {
			items = make([]Item, len(ln.items))
			for k, it := range ln.items {
				items[k] = shift(it, x, 0)
			}
		}
		els[i] = &element{height: ln.height, items: items}
	}
	n := len(els)
	if n >= 2 {
		els[0].keep = true
		els[n-2].keep = true
	}
	return els
}
