package typeset

import (
	"golang.org/x/text/unicode/bidi"

	"handout/fonts"
)

// rtlLanguage reports whether a language's paragraphs run right to left:
// those written in Arabic (Arabic, Farsi, Urdu...), Hebrew and the other
// right-to-left scripts.
func rtlLanguage(lang string) bool {
	switch fonts.Scripts(lang)[0] {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Samr", "Mand":
		return true
	}
	return false
}

// Bidi levels, simplified to what a paragraph without explicit embeddings
// needs: in a right-to-left paragraph the text is at level 1 and its
// left-to-right stretches (numbers, Latin words) at 2; in a left-to-right
// paragraph at 0 with right-to-left stretches at 1.
func paragraphLevel(rtl bool) uint8 {
	if rtl {
		return 1
	}
	return 0
}

// bidiLevels returns the embedding level of each byte of a paragraph's
// text by the Unicode bidi algorithm (golang.org/x/text/unicode/bidi), or
// nil when the whole paragraph is left to right, which is the common case
// and costs one scan.
func bidiLevels(text string, rtl bool) []uint8 {
	if !rtl && !hasStrongRTL(text) {
		return nil
	}
	levels := make([]uint8, len(text))
	base := paragraphLevel(rtl)
	var p bidi.Paragraph
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	if _, err := p.SetString(text, bidi.DefaultDirection(dir)); err != nil {
		return fill(levels, base)
	}
	o, err := p.Order()
	if err != nil || o.NumRuns() == 0 {
		return fill(levels, base)
	}
	// the runs' positions count runes; walk the text once to map them
	runeAt := make([]int, 0, len(text)) // byte offset of each rune
	for i := range text {
		runeAt = append(runeAt, i)
	}
	runeAt = append(runeAt, len(text))
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		start, end := r.Pos()
		if start < 0 || end+1 >= len(runeAt) || start > end {
			continue
		}
		lv := base
		if (r.Direction() == bidi.RightToLeft) != rtl {
			lv = base + 1
		}
		for b := runeAt[start]; b < runeAt[end+1]; b++ {
			levels[b] = lv
		}
	}
	return levels
}

func fill(levels []uint8, v uint8) []uint8 {
	for i := range levels {
		levels[i] = v
	}
	return levels
}

// isolateLTR sets the runs that read left to right as a whole (phone
// numbers, web addresses) to one left-to-right level, as if isolated
// (LRI ... PDI): without it the bidi algorithm would put "(541)
// 555-0142" in a right-to-left line as "555-0142 (541)".
func isolateLTR(levels []uint8, runs []run, rtl bool) {
	lv := paragraphLevel(rtl)
	if rtl {
		lv++
	}
	at := 0
	for _, r := range runs {
		if r.ltr {
			for i := at; i < at+len(r.text) && i < len(levels); i++ {
				levels[i] = lv
			}
		}
		at += len(r.text)
	}
}

// hasStrongRTL reports whether text holds a right-to-left letter. Every
// such letter lies at U+0590 or above, whose UTF-8 lead byte is 0xD6 or
// more, so Latin text is decided by a byte scan.
func hasStrongRTL(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < 0xD6 {
			continue
		}
		for _, r := range text[i:] {
			if p, _ := bidi.LookupRune(r); p.Class() == bidi.R || p.Class() == bidi.AL {
				return true
			}
		}
		return false
	}
	return false
}

// visualOrder returns the indexes of items at the given levels in visual
// order, left to right (rule L2 of the bidi algorithm: from the highest
// level down to the lowest odd one, reverse every run at that level or
// higher).
func visualOrder(levels []uint8) []int {
	order := make([]int, len(levels))
	hi, lowOdd := uint8(0), uint8(255)
	for i, l := range levels {
		order[i] = i
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for lv := hi; lv >= lowOdd && lv > 0; lv-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lv {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}
