package paint

import (
	"unicode"
	"unicode/utf8"

	"handout/internal/typeset"
)

// lookahead is how many items after a line wordBreakAfter looks through
// for the next line of the same element.
const lookahead = 8

// wordBreakAfter reports whether text item i ends a line that the next
// line of the same element continues after a space: the typesetter drops
// the space at a line break, and without it text extraction and screen
// readers run the last word of a line into the first of the next. No space
// follows a hyphen or a character of a script written without spaces.
func wordBreakAfter(items []typeset.Item, i int) bool {
	t, ok := items[i].(*typeset.Text)
	if !ok || t.Role.Block == 0 || t.Text == "" {
		return false
	}
	// the next line follows at once, or after the link areas and
	// underlines of this one: a bounded look keeps a page linear
	rest := items[i+1:]
	if len(rest) > lookahead {
		rest = rest[:lookahead]
	}
	for _, it := range rest {
		n, ok := it.(*typeset.Text)
		if !ok || n.Role.Block != t.Role.Block {
			continue
		}
		if n.Y == t.Y {
			return false // the line goes on in another run
		}
		r, _ := utf8.DecodeLastRuneInString(t.Text)
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Pd, r) && r != '\u00AD' &&
			!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
	}
	return false
}

// spaceAtBreak reports whether text item i ends a line at a space the
// typesetter dropped. Where the typesetter says so (a left-to-right
// line), that is exact, also when the next line is on another page, and
// a long word or address broken without a space gets none; otherwise
// wordBreakAfter looks for the next line.
func spaceAtBreak(items []typeset.Item, i int) bool {
	if t, ok := items[i].(*typeset.Text); ok && t.BreaksLine {
		return t.SpaceAfter && t.Role.Block != 0 && t.Text != ""
	}
	return wordBreakAfter(items, i)
}
