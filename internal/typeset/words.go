package typeset

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"

	"handout/internal/font"
	"handout/internal/inline"
	"handout/internal/model"
)

// textStyle is how one piece of running text looks.
type textStyle struct {
	base      font.Style // added to each span's own bold/italic
	size      float64
	color     model.Color
	linkColor model.Color
	leading   float64 // line height as a multiple of size
	// ragged keeps the lines unstretched even in a justified layout
	// (headings, box titles, credits).
	ragged bool
	// headline balances the lines, never breaks at a hyphen and keeps a
	// parenthesised phrase together (titles and headings).
	headline bool
}

// piece is a run of one face, size, color and link inside a word.
type piece struct {
	text   string
	face   *font.Face
	size   float64
	color  model.Color
	link   string
	shaped *font.Shaped
	width  float64
	// embolden: bold text in a face that is not bold (synthetic bold)
	embolden bool
	level    uint8 // bidi embedding level: odd is right to left
}

// word is an unbreakable unit for the line breaker: the text between two
// line-break opportunities (UAX #14), without its trailing space.
type word struct {
	pieces []piece
	width  float64
	space  float64 // width of the space that follows, if any
	// hyphen is the width of the hyphen to draw if a line ends here: words
	// that ended in a soft hyphen may break with one.
	hyphen float64
	// url marks a piece of a web address: it breaks only after / . - ? &
	// and never takes a hyphen.
	url bool
}

// run is styled text after placeholders are filled in.
type run struct {
	text  string
	style inline.Style
	link  string
	src   int // byte offset of the span in the source text, for errors
	// ltr: a phone number or web address, read left to right as a whole
	// even inside right-to-left text, brackets and all
	ltr bool
}

// resolveRuns fills placeholders and collapses white space, so "a\n  b"
// reads as "a b" and no run starts or ends the paragraph with a space.
func resolveRuns(t model.Text, value func(string) string) []run {
	var runs []run
	prevSpace := true // drop leading space
	for _, sp := range t.Spans {
		s, link := sp.Text, sp.Link
		if sp.Placeholder != "" {
			s = value(sp.Placeholder)
			if sp.Placeholder == "phone" {
				s = strings.ReplaceAll(s, " ", "\u00a0") // a number to dial is never split
			}
			// the site's website is a link wherever it is printed
			if sp.Placeholder == "website" && link == "" && isURL(s) {
				link = s
			}
		}
		var b strings.Builder
		for _, r := range s {
			if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' { // no-break spaces stay
				if !prevSpace {
					b.WriteByte(' ')
				}
				prevSpace = true
				continue
			}
			b.WriteRune(r)
			prevSpace = false
		}
		if b.Len() > 0 {
			// NFC, so a decomposed accent shapes onto its letter as the
			// font's precomposed glyph, and extracts as one character
			text := norm.NFC.String(keepTogether(b.String()))
			ltr := sp.Placeholder == "phone" || sp.Placeholder == "website" || sp.Placeholder == "email"
			runs = append(runs, run{text: text, style: sp.Style, link: link, src: sp.Offset, ltr: ltr})
		}
	}
	// trim the trailing space
	for len(runs) > 0 {
		last := &runs[len(runs)-1]
		last.text = strings.TrimRight(last.text, " ")
		if last.text != "" {
			break
		}
		runs = runs[:len(runs)-1]
	}
	return runs
}

// units are the words that stay on the line of the number before them.
var units = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "°F": true, "°C": true, "%": true,
	"mg": true, "ml": true, "mL": true, "kg": true, "g": true, "lb": true, "lbs": true, "oz": true,
	"hour": true, "hours": true, "minute": true, "minutes": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"horas": true, "hora": true, "días": true, "semanas": true, "meses": true,
}

// keepTogether joins with a no-break space what a reader must see on one
// line: a phone number's area code and the rest ("(555) 555-0100"), and a
// number and its unit ("3 hours", "8 am", "100.4 °F").
func keepTogether(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	b := []byte(s)
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' && i > 0 && i+1 < len(b) && joinAt(s, i) {
			out.WriteString("\u00a0")
			continue
		}
		out.WriteByte(b[i])
	}
	return out.String()
}

// joinAt reports whether the space at byte i joins its neighbours.
func joinAt(s string, i int) bool {
	before, after := s[:i], s[i+1:]
	if strings.HasSuffix(before, ")") && after[0] >= '0' && after[0] <= '9' {
		if open := strings.LastIndexByte(before, '('); open >= 0 && strings.Trim(before[open+1:len(before)-1], "0123456789+-.") == "" {
			return true // (555) 555-0100
		}
	}
	last := before[len(before)-1]
	if last < '0' || last > '9' {
		return false
	}
	next := after
	if k := strings.IndexAny(next, " ,;:)"); k >= 0 {
		next = next[:k]
	}
	return units[strings.TrimRight(next, ".")] || units[next]
}

// isURL reports whether s is a web address a reader's PDF viewer can open.
func isURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t\n")
}

// clings reports whether r belongs to the character before it: combining
// marks (spacing ones too, as in Indic scripts), joiners and variation
// selectors.
func clings(r rune) bool {
	return unicode.Is(unicode.M, r) || ignorable(r)
}

// ignorable runes shape without a glyph of their own: joiners and
// variation selectors.
func ignorable(r rune) bool {
	return r == '\u200c' || r == '\u200d' || unicode.Is(unicode.Variation_Selector, r)
}

// common reports whether r belongs to no script of its own: digits,
// punctuation, spaces and symbols, which every script's text uses.
func common(r rune) bool {
	if r < 0x80 {
		return !('a' <= r|0x20 && r|0x20 <= 'z')
	}
	return unicode.Is(unicode.Common, r)
}

// invisible runes are break hints, not glyphs.
func invisible(r rune) bool { return r == '\u00ad' || r == '\u200b' }

// words splits runs at line-break opportunities and measures the pieces.
// missing receives every rune the face cannot draw.
func (ts *typesetter) words(runs []run, st textStyle) []word {
	var full strings.Builder
	for _, r := range runs {
		full.WriteString(r.text)
	}
	text := full.String()
	levels := bidiLevels(text, ts.rtl)
	if levels != nil {
		isolateLTR(levels, runs, ts.rtl)
	}
	var out []word
	state := -1
	start := 0
	ri := 0 // current run index
	runStart := 0
	for rest := text; rest != ""; {
		var seg string
		seg, rest, state = ts.lineSegment(rest, state)
		end := start + len(seg)
		var w word
		body := strings.TrimRight(seg, " ")
		trailing := len(seg) - len(body)
		bodyEnd := start + len(body)
		// cut the segment's body into pieces along run boundaries
		for pos := start; pos < bodyEnd; {
			for runStart+len(runs[ri].text) <= pos {
				runStart += len(runs[ri].text)
				ri++
			}
			r := runs[ri]
			stop := min(bodyEnd, runStart+len(r.text))
			var lv []uint8
			if levels != nil {
				lv = levels[pos:stop]
			}
			w.pieces = append(w.pieces, ts.pieces(text[pos:stop], r, st, pos-runStart, lv)...)
			pos = stop
		}
		for _, p := range w.pieces {
			w.width += p.width
		}
		if len(w.pieces) > 0 {
			last := w.pieces[len(w.pieces)-1]
			if trailing > 0 {
				w.space = ts.width(last.face, last.size, " ")
			}
			if strings.HasSuffix(body, "\u00ad") {
				w.hyphen = ts.width(last.face, last.size, "-")
			}
			out = append(out, w)
		} else if trailing > 0 && len(out) > 0 {
			sp := ts.width(ts.fonts.Face(st.base), st.size, " ")
			out[len(out)-1].space += sp
		}
		start = end
	}
	return out
}

// piece measures one run of text, dropping invisible break hints and
// noting characters that the face cannot draw. levels, when not nil, are
// the bidi levels of s's bytes: a change of direction starts a new piece,
// shaped in its own direction.
func (ts *typesetter) pieces(s string, r run, st textStyle, at int, levels []uint8) []piece {
	style := st.base
	if r.style&inline.Bold != 0 {
		style |= font.Bold
	}
	if r.style&inline.Italic != 0 {
		style |= font.Italic
	}
	color := st.color
	if r.link != "" {
		color = st.linkColor
	}
	// each character is drawn by the first font of the set that has it;
	// a change of font starts a new piece
	var out []piece
	var b strings.Builder
	var face *font.Face
	level := uint8(0)
	flush := func() {
		if b.Len() > 0 {
			t := b.String()
			s, w := ts.shapeDir(face, st.size, t, level%2 == 1)
			out = append(out, piece{text: t, face: face, size: st.size, color: color, link: r.link, shaped: s, width: w,
				embolden: style&font.Bold != 0 && !face.IsBold(), level: level})
			b.Reset()
		}
	}
	for i, c := range s {
		if invisible(c) {
			continue
		}
		if levels != nil && levels[i] != level {
			flush()
			level = levels[i]
		}
		var f *font.Face
		if face != nil && clings(c) && (face.Has(c) || ignorable(c)) {
			f = face // a mark or joiner stays in its base's face, so they shape together
		} else if face != nil && common(c) && face.Has(c) {
			f = face // digits and punctuation stay in the face of the text around them
		} else {
			f = ts.fonts.FaceFor(style, c)
		}
		if f == nil {
			ts.missingGlyph(c, r.src+at+i)
			f = ts.fonts.Face(style) // keep measuring; the error stops the render
		}
		if f != face {
			flush()
			face = f
		}
		b.WriteRune(c)
	}
	flush()
	return out
}

// splitLong breaks words wider than the line into pieces that fit, at
// grapheme boundaries, preferring to break after / . - ? & = _ as a URL
// reader expects.
func (ts *typesetter) splitLong(words []word, width float64) []word {
	var out []word
	for _, w := range words {
		if w.width <= width {
			out = append(out, w)
			continue
		}
		out = append(out, ts.splitWord(w, width)...)
	}
	return out
}

func (ts *typesetter) splitWord(w word, width float64) []word {
	// flatten to graphemes with their piece
	type g struct {
		text string
		p    *piece
		w    float64
	}
	var gs []g
	for i := range w.pieces {
		p := &w.pieces[i]
		state := -1
		for rest := p.text; rest != ""; {
			var c string
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			cw := ts.width(p.face, p.size, c)
			gs = append(gs, g{c, p, cw})
		}
	}
	var out []word
	for len(gs) > 0 {
		fill, n, good := 0.0, 0, 0
		for n < len(gs) && (n == 0 || fill+gs[n].w <= width) {
			fill += gs[n].w
			n++
			if r, _ := utf8.DecodeRuneInString(gs[n-1].text); strings.ContainsRune("/.-?&=_", r) && fill > width/2 {
				good = n
			}
		}
		if n < len(gs) && good > 0 {
			n = good
		}
		for n > 1 && n < len(gs) && noLineStart(gs[n].text) {
			n-- // kinsoku: a closing mark never starts the next line
		}
		var part word
		for _, x := range gs[:n] {
			if k := len(part.pieces); k > 0 && part.pieces[k-1].face == x.p.face && part.pieces[k-1].link == x.p.link &&
				part.pieces[k-1].color == x.p.color && part.pieces[k-1].embolden == x.p.embolden && part.pieces[k-1].level == x.p.level {
				part.pieces[k-1].text += x.text
			} else {
				np := *x.p
				np.text = x.text
				part.pieces = append(part.pieces, np)
			}
		}
		for k := range part.pieces {
			p := &part.pieces[k]
			p.shaped, p.width = ts.shapeDir(p.face, p.size, p.text, p.level%2 == 1)
			part.width += p.width
		}
		gs = gs[n:]
		if len(gs) == 0 {
			part.space, part.hyphen = w.space, w.hyphen
		}
		part.url = w.url
		out = append(out, part)
	}
	return out
}
