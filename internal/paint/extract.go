package paint

import (
	"math"
	"slices"

	"handout/internal/font"
	"handout/internal/pdf"
	"handout/internal/typeset"
)

// What text extraction needs from the content stream.
//
// A reader rebuilds words from where glyphs are drawn. Poppler (pdftotext,
// TextPage::addChar) starts a new word when a glyph starts more than 0.2 em
// before the previous one ends, more than 0.1 em after it, within 0.1 em of
// the previous glyph's start (taken as duplicated text) or off its baseline.
// A Devanagari vowel sign or an Arabic haraka drawn back over its letter
// does all of that, so its glyphs' own text comes back split from the
// letter. Inside ActualText a reader takes the span's text as one piece
// over the span's extent: wrapping the whole word, from space to space,
// gives it back in one piece, in logical order as the PDF specification
// says ActualText is. A span around a single cluster would not do: the
// span ends where its last glyph (the mark) ends, before the pen, and the
// next glyph would start a word again.

// runBuffers are painter.text's working slices, kept between runs so a
// run allocates nothing of its own (a painter paints one document, in one
// goroutine).
type runBuffers struct {
	seg    []pdf.Glyph      // the run's glyphs, for one text object
	spans  []pdf.ActualText // the ActualText spans among them
	starts []int            // the run's cluster offsets, sorted
	word   []cluster        // the clusters of the word being painted
	tagged []pdf.ActualText // a tagged run's marked-content sequences
	alias  []uint16         // by glyph: the ID Font.Alias gave it, or 0
}

// cluster is one cluster of a run: its glyphs, its text, and whether the
// ToUnicode map gives that text back from the glyphs.
type cluster struct {
	from, to int    // its glyphs
	at       int    // its offset in the run's text
	text     string // its text, and a space after the line's last one
	spaced   bool   // the space was added
	exact    bool   // the glyphs' ToUnicode text gives text back
}

// allExact reports whether every cluster of a word extracts from its
// glyphs alone.
func allExact(word []cluster) bool {
	for _, cl := range word {
		if !cl.exact {
			return false
		}
	}
	return true
}

// wordText is the source text of a left-to-right word: from its first
// character to its last (the clusters are in order, but a word must not
// depend on it), and the space a line end adds.
func wordText(text string, word []cluster) string {
	if len(word) == 1 {
		return word[0].text
	}
	start, end, spaced := len(text), 0, false
	for _, cl := range word {
		n := len(cl.text)
		if cl.spaced {
			n--
			spaced = true
		}
		start, end = min(start, cl.at), max(end, cl.at+n)
	}
	if start >= end || end > len(text) {
		return ""
	}
	if spaced {
		return text[start:end] + " "
	}
	return text[start:end]
}

// Thresholds of poppler's word building (TextOutputDev.cc: minDupBreakOverlap,
// minWordBreakSpace, dupMaxPriDelta, and the 0.5 pt baseline test), a
// little inside them so rounding cannot tip a word over.
const (
	maxOverlap  = 0.19  // em a glyph may start before the previous one ends
	maxGap      = 0.095 // em a glyph may start after it
	minDistinct = 0.105 // em between the starts of two glyphs
	maxRise     = 0.45  // points off the word's baseline
)

// breaksWord reports whether a reader would see a word break inside gs,
// drawn at size, from where each glyph starts and how wide the font says
// it is.
func breaksWord(prog *pdf.FontProgram, gs []typeset.Glyph, size float64) bool {
	scale := size / float64(prog.UnitsPerEm())
	pen, prevStart, prevEnd := 0.0, 0.0, 0.0
	for k, g := range gs {
		start := pen + g.XOffset
		if k > 0 {
			gap := start - prevEnd
			if gap < -maxOverlap*size || gap > maxGap*size || math.Abs(start-prevStart) < minDistinct*size ||
				math.Abs(g.YOffset-gs[0].YOffset) > maxRise {
				return true
			}
		}
		prevStart, prevEnd = start, start+float64(prog.Advance(g.ID))*scale
		pen += g.XAdvance
	}
	return false
}

// useEach maps the glyphs of a cluster in order onto its characters when
// that gives back the text in order: a letter and the marks drawn over it
// (क + ै, ر + ً), a half form and the consonant after it (च् + च). Each
// glyph takes the characters up to the first one the next glyph is the
// plain form of, or one; the last glyph takes what is left. A glyph that
// is the plain form of a character given to another glyph and of none of
// its own (a vowel sign drawn before its consonant) is out of order, and
// the cluster needs ActualText. Right-to-left clusters keep one character
// per glyph: their glyphs come in visual order.
func useEach(f *pdf.Font, t *typeset.Text, from, to int, text string) bool {
	runes := []rune(text)
	n := to - from
	if len(runes) < n {
		return false
	}
	// the characters of glyph k end at ends[k]; small clusters need no heap
	var buf [8]int
	ends := buf[:0]
	start := 0
	for k, g := range t.Glyphs[from:to] {
		end := len(runes)
		if k < n-1 {
			end = start + 1
			if !t.RTL {
				// leave a character for each glyph after the next
				end = partEnd(t.Face, runes, start, len(runes)-(n-2-k), t.Glyphs[from+k+1].ID)
			}
		}
		if outOfOrder(t.Face, g.ID, runes, start, end) {
			return false
		}
		ends = append(ends, end)
		start = end
	}
	start = 0
	for k, g := range t.Glyphs[from:to] {
		if !f.Use(g.ID, string(runes[start:ends[k]])) {
			return false
		}
		start = ends[k]
	}
	return true
}

// partEnd is where the characters of a glyph starting at runes[start]
// end: before the first character, short of limit, that the next glyph is
// the plain form of (क + ै, च्च + े), or else after one character.
func partEnd(face *font.Face, runes []rune, start, limit int, next uint16) int {
	for p := start + 1; p < limit; p++ {
		if face.Nominal(runes[p]) == next {
			return p
		}
	}
	return start + 1
}

// outOfOrder reports whether glyph is the plain form of a character
// outside runes[start:end] and of none inside it.
func outOfOrder(face *font.Face, glyph uint16, runes []rune, start, end int) bool {
	outside := false
	for m, r := range runes {
		if face.Nominal(r) != glyph {
			continue
		}
		if m >= start && m < end {
			return false
		}
		outside = true
	}
	return outside
}

// aliasInOrder tells the glyphs of a left-to-right cluster that needs
// ActualText its characters in the order the glyphs are drawn: each glyph
// one character and the last the rest, through copies of glyphs (Font.
// Alias) where a glyph stood for other text before. A vowel sign drawn
// before its consonant (कि: the glyph of ि, then that of क) so stands for
// क and the consonant's glyph for ि, and readers that take each glyph's
// text and no ActualText (poppler's structure-tree text, MuPDF) read the
// cluster exactly. Glyphs beyond the characters keep what they stood for.
// The chosen IDs go into alias, by glyph of the run.
func aliasInOrder(f *pdf.Font, t *typeset.Text, from, to int, text string, alias []uint16) {
	runes := []rune(text)
	for k := from; k < to && k-from < len(runes); k++ {
		part := string(runes[k-from])
		if k == to-1 {
			part = string(runes[k-from:])
		}
		alias[k] = f.Alias(t.Glyphs[k].ID, part)
	}
}

// useNominal tells the glyphs of a cluster that needs ActualText what
// they stand for where a glyph is the plain form of one of the cluster's
// characters (the क of कि, drawn after its vowel sign): a reader that does
// not read ActualText (MuPDF 1.21, poppler's structure text) then finds
// that character rather than nothing. Other glyphs stand for no text of
// their own.
func useNominal(f *pdf.Font, t *typeset.Text, gs []typeset.Glyph, text string) {
	for _, g := range gs {
		own := ""
		for _, r := range text {
			if t.Face.Nominal(r) == g.ID {
				own = string(r)
				break
			}
		}
		f.Use(g.ID, own)
	}
}

// clusterStarts fills s with the run's cluster offsets, sorted and
// distinct.
func clusterStarts(s []int, gs []typeset.Glyph) []int {
	for _, g := range gs {
		s = append(s, g.Cluster)
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
