package paint

import (
	"slices"
	"strings"

	"handout/internal/pdf"
	"handout/internal/typeset"
)

// text paints a glyph run. Each glyph is told what text it stands for:
// the text of its cluster. Where the font's ToUnicode map cannot give that
// back (a cluster drawn with several glyphs, or a glyph that already
// stands for other text), the cluster is wrapped in ActualText, so text
// extraction, search and screen readers get exactly the source text.
func (p *painter) text(c *pdf.Content, t *typeset.Text, pageH float64) error {
	if len(t.Glyphs) == 0 {
		return nil
	}
	prog, err := p.res.program(t.Face)
	if err != nil {
		return err
	}
	f := p.fonts[t.Face]
	if f == nil {
		f = p.doc.Font(prog)
		p.fonts[t.Face] = f
	}
	p.setFill(c, t.Color)
	if t.Embolden {
		// synthetic bold: the outlines are stroked in the fill colour as
		// well as filled, thickening each stem by the line width
		p.setStroke(c, t.Color)
		c.LineWidth(t.Size * emboldenWidth)
		c.SetTextRender(pdf.FillStrokeText)
		defer c.SetTextRender(pdf.FillText)
	}
	y := pageH - t.Y
	x := t.X
	starts := clusterStarts(t.Glyphs)
	seg := make([]pdf.Glyph, 0, len(t.Glyphs)+1) // and the space after a line
	segX := x
	flush := func() {
		c.Glyphs(f, t.Size, segX, y, seg)
		seg = seg[:0]
	}
	_, haveSpace := p.spaces[t.Face]
	for i := 0; i < len(t.Glyphs); {
		// the glyphs of one cluster sit next to each other
		j := i + 1
		for j < len(t.Glyphs) && t.Glyphs[j].Cluster == t.Glyphs[i].Cluster {
			j++
		}
		text := clusterText(t.Text, t.Glyphs[i].Cluster, starts)
		if !haveSpace && j-i == 1 && text == " " {
			p.spaces[t.Face] = t.Glyphs[i].ID
		}
		spaced := p.spaceAfter && !haveSpace && t.Glyphs[i].Cluster == starts[len(starts)-1] && !p.knowsSpace(t)
		if spaced {
			// the line's last cluster, in logical order, when the face's
			// space glyph is not known yet
			text += " "
		}
		exact := !spaced && (j-i == 1 && f.Use(t.Glyphs[i].ID, text) || j-i > 1 && useEach(f, t, i, j, text))
		if !exact {
			for _, g := range t.Glyphs[i:j] {
				f.Use(g.ID, "")
			}
			if len(seg) > 0 {
				flush()
			}
			segX = x
			c.BeginActualText(text)
		}
		for _, g := range t.Glyphs[i:j] {
			seg = append(seg, pdf.Glyph{ID: g.ID, XAdvance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset})
			x += g.XAdvance
		}
		if !exact {
			flush()
			c.EndMarked()
			segX = x
		}
		i = j
	}
	if space, ok := p.spaces[t.Face]; ok && p.spaceAfter && f.Use(space, " ") {
		// the space dropped at the line break, drawn with no advance:
		// invisible, but extracted and read
		seg = append(seg, pdf.Glyph{ID: space})
	}
	if len(seg) > 0 {
		flush()
	}
	return nil
}

// useEach maps the glyphs of a cluster in order onto its characters, the
// last glyph taking the characters left over, when that gives back the
// text in order: a letter and the marks drawn over it (क + ै, ر + ً)
// need no ActualText, around which text extraction (pdftotext) sees a
// word break. A glyph that is the plain form of another character of the
// cluster (a vowel sign drawn before its consonant) is out of order, and
// the cluster keeps its ActualText.
func useEach(f *pdf.Font, t *typeset.Text, from, to int, text string) bool {
	runes := []rune(text)
	n := to - from
	if len(runes) < n {
		return false
	}
	for k, g := range t.Glyphs[from:to] {
		for m, r := range runes {
			if m != k && t.Face.Nominal(r) == g.ID {
				return false
			}
		}
	}
	for k, g := range t.Glyphs[from:to] {
		part := string(runes[k])
		if k == n-1 {
			part = string(runes[k:])
		}
		if !f.Use(g.ID, part) {
			return false
		}
	}
	return true
}

// emboldenWidth is the stroke of synthetic bold as a fraction of the
// size: about the difference between a regular and a bold stem.
const emboldenWidth = 0.035

// clusterStarts returns the run's cluster offsets, sorted and distinct.
func clusterStarts(gs []typeset.Glyph) []int {
	s := make([]int, len(gs))
	for i, g := range gs {
		s[i] = g.Cluster
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// clusterText is the source text of the cluster starting at offset at: up
// to the next cluster's start, or the end of the run.
func clusterText(text string, at int, starts []int) string {
	if at < 0 || at > len(text) {
		return ""
	}
	i, _ := slices.BinarySearch(starts, at)
	end := len(text)
	if i+1 < len(starts) {
		end = min(starts[i+1], len(text))
	}
	return text[at:end]
}

// knowsSpace reports whether the run itself draws a space, whose glyph
// then ends the line (the run's last cluster is only reached after it).
func (p *painter) knowsSpace(t *typeset.Text) bool {
	if _, ok := p.spaces[t.Face]; ok {
		return true
	}
	return strings.Contains(t.Text, " ")
}
