package paint

import (
	"strings"

	"handout/internal/pdf"
	"handout/internal/typeset"
)

// text paints a glyph run. Each glyph is told what text it stands for:
// the text of its cluster. Where that is not enough for text extraction
// to give back exactly the source text (a cluster the font's ToUnicode map
// cannot express, or a mark drawn back over its letter, where readers see
// a word break), the whole word is wrapped in ActualText holding its text;
// see extract.go. Words that need none get none, so Latin text is drawn
// as plain glyph strings.
func (p *painter) text(c *pdf.Content, t *typeset.Text, pageH float64) error {
	if len(t.Glyphs) == 0 {
		return nil
	}
	f := p.fonts[t.Face]
	if f == nil {
		// the shared program is looked up once per face and document,
		// not per run
		prog, err := p.res.program(t.Face)
		if err != nil {
			return err
		}
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
	b := &p.buf
	b.starts = clusterStarts(b.starts[:0], t.Glyphs)
	b.alias = append(b.alias[:0], make([]uint16, len(t.Glyphs))...)
	w := glyphWriter{c: c, f: f, size: t.Size, x: t.X, y: pageH - t.Y, seg: b.seg[:0], spans: b.spans[:0], alias: b.alias}
	_, haveSpace := p.spaces[t.Face]
	for i := 0; i < len(t.Glyphs); {
		b.word = p.nextWord(b.word[:0], f, t, i, haveSpace)
		last := b.word[len(b.word)-1]
		p.paintWord(&w, t, b.word)
		i = last.to
	}
	if space, ok := p.spaces[t.Face]; ok && p.spaceAfter && f.Use(space, " ") {
		// the space dropped at the line break, drawn with no advance:
		// invisible, but extracted and read
		w.seg = append(w.seg, pdf.Glyph{ID: space})
	}
	spans := w.spans
	switch {
	case p.tags == nil:
	case p.textKey.node != 0 && len(w.spans) > 0:
		b.tagged = p.tags.spans(c, p.textKey, w.spans, len(w.seg), b.tagged[:0])
		spans = b.tagged
	default:
		p.tags.begin(c, p.textKey)
	}
	c.GlyphsActualText(w.f, w.size, w.x, w.y, w.seg, spans)
	b.seg, b.spans = w.seg, w.spans
	return nil
}

// nextWord collects the clusters of the word starting at glyph i: up to
// the next space, or the space itself, which is a word of its own. Each
// cluster's glyphs are told its text as they are collected.
func (p *painter) nextWord(word []cluster, f *pdf.Font, t *typeset.Text, i int, haveSpace bool) []cluster {
	starts := p.buf.starts
	for i < len(t.Glyphs) {
		// the glyphs of one cluster sit next to each other
		j := i + 1
		for j < len(t.Glyphs) && t.Glyphs[j].Cluster == t.Glyphs[i].Cluster {
			j++
		}
		text := clusterText(t.Text, t.Glyphs[i].Cluster, starts)
		if text == " " && len(word) > 0 {
			break
		}
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
			if t.RTL {
				useNominal(f, t, t.Glyphs[i:j], text)
			} else {
				aliasInOrder(f, t, i, j, text, p.buf.alias)
			}
		}
		word = append(word, cluster{from: i, to: j, at: t.Glyphs[i].Cluster, text: text, spaced: spaced, exact: exact})
		i = j
		if text == " " {
			break
		}
	}
	return word
}

// paintWord draws a word's glyphs, inside ActualText when its glyphs alone
// would not give its text back.
func (p *painter) paintWord(w *glyphWriter, t *typeset.Text, word []cluster) {
	from, to := word[0].from, word[len(word)-1].to
	if t.RTL {
		// right-to-left words keep ActualText to the clusters that need
		// it: poppler reverses a span's text with the rest of a
		// right-to-left line (docs/languages.md)
		for _, cl := range word {
			w.span(t.Glyphs, cl.from, cl.to, cl.text, !cl.exact)
		}
		return
	}
	whole := !allExact(word) || breaksWord(w.f.Program(), t.Glyphs[from:to], t.Size)
	w.span(t.Glyphs, from, to, wordText(t.Text, word), whole)
}

// glyphWriter collects a run's glyphs and the ActualText spans among
// them for one text object.
type glyphWriter struct {
	c       *pdf.Content
	f       *pdf.Font
	size, y float64
	x       float64 // where the run starts
	seg     []pdf.Glyph
	spans   []pdf.ActualText
	alias   []uint16 // by glyph of the run: the ID Font.Alias gave it, or 0
}

// span adds glyphs gs[from:to], wrapped in ActualText text when actual is set.
func (w *glyphWriter) span(gs []typeset.Glyph, from, to int, text string, actual bool) {
	start := len(w.seg)
	for k := from; k < to; k++ {
		g := gs[k]
		w.seg = append(w.seg, pdf.Glyph{ID: g.ID, XAdvance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset, Alias: w.alias[k]})
	}
	if actual {
		w.spans = append(w.spans, pdf.ActualText{From: start, To: len(w.seg), Text: text})
	}
}

// emboldenWidth is the stroke of synthetic bold as a fraction of the
// size: about the difference between a regular and a bold stem.
const emboldenWidth = 0.035

// knowsSpace reports whether the run itself draws a space, whose glyph
// then ends the line (the run's last cluster is only reached after it).
func (p *painter) knowsSpace(t *typeset.Text) bool {
	if _, ok := p.spaces[t.Face]; ok {
		return true
	}
	return strings.Contains(t.Text, " ")
}
