package typeset

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"handout/fonts"
)

// lineSegment returns the text up to the next line-break opportunity
// (UAX #14), with the state to pass on. UAX #14 already breaks between
// Chinese and Japanese ideographs and keeps the kinsoku rules: no line
// starts with a closing mark or small kana (、。）」ー) and none ends
// with an opening one (（「). Korean is set by words, as Korean
// typesetting does: a Korean document breaks only at spaces (and at the
// explicit hints), never between two Hangul syllables.
func (ts *typesetter) lineSegment(rest string, state int) (seg, after string, newState int) {
	seg, after, _, newState = uniseg.FirstLineSegmentInString(rest, state)
	if !ts.wordBreaks {
		return seg, after, newState
	}
	for after != "" && !breaksAfter(seg) {
		var more string
		more, after, _, newState = uniseg.FirstLineSegmentInString(after, newState)
		seg = rest[:len(seg)+len(more)]
	}
	return seg, after, newState
}

// breaksAfter reports whether a Korean line may break after seg: after a
// space, a zero-width space, a soft hyphen or a hyphen.
func breaksAfter(seg string) bool {
	r, _ := utf8.DecodeLastRuneInString(seg)
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u00ad' || r == '-' || r == '/'
}

// wordBreaking reports whether a language breaks lines only between
// words, even where UAX #14 allows breaks between its syllables: Korean.
func wordBreaking(lang string) bool { return fonts.Scripts(lang)[0] == "Hang" }

// closeSet reports whether a language sets no spaces between words and
// justifies no line by stretching them: Chinese and Japanese.
func closeSet(lang string) bool {
	s := fonts.Scripts(lang)[0]
	return s == "Hani" || s == "Hira"
}

// noLineStart reports whether a grapheme may not start a line: closing
// brackets and quotes, and the full stops, commas and marks of Chinese
// and Japanese. The line breaker keeps this rule by UAX #14; a word too
// long for its line, cut at graphemes, keeps it here.
func noLineStart(g string) bool {
	r, _ := utf8.DecodeRuneInString(g)
	return unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune("、。，．：；！？・ー’”", r)
}
