package typeset

import (
	"fmt"

	"unicode"

	"handout/internal/source"
)

// missing is the characters of one script that no font of the set draws.
type missing struct {
	script string
	first  rune
	pos    source.Pos
	count  int
}

// missingGlyph notes a character the fonts cannot draw. A blank box must
// never reach a patient, so the render fails; the errors are gathered per
// script, since a leaflet in a script without a font would otherwise get
// one line per character.
func (ts *typesetter) missingGlyph(r rune, offset int) {
	script := scriptName(r)
	for _, m := range ts.missing {
		if m.script == script {
			m.count++
			return
		}
	}
	pos := ts.cur.Pos
	if ts.cur.Exact {
		pos.Col += runeCount(ts.cur.Raw, offset)
	}
	ts.missing = append(ts.missing, &missing{script: script, first: r, pos: pos, count: 1})
}

// missingErrors turns the gathered characters into one error per script.
func (ts *typesetter) missingErrors() {
	for _, m := range ts.missing {
		ts.errs = append(ts.errs, m.error(ts.fonts.Name()))
	}
	ts.missing = nil
}

func (m *missing) error(fonts string) error {
	what := fmt.Sprintf("U+%04X", m.first)
	if m.first >= 0x20 && m.first != 0x7f {
		what += fmt.Sprintf(" (%c)", m.first)
	}
	var e *source.Error
	if m.count == 1 {
		e = source.Errorf(m.pos, "character %s cannot be drawn: the font %s has no glyph for it", what, fonts)
	} else {
		e = source.Errorf(m.pos, "%d characters in %s cannot be drawn (first: %s): the font %s has no glyphs for them",
			m.count, m.script, what, fonts)
	}
	if m.first > 0xFFFF {
		return e.WithHint("characters above U+FFFF, such as emoji, are not supported; remove them")
	}
	return e.WithHint("docs/languages.md lists the scripts handout draws today")
}

// scriptName names the Unicode script of r as validate does ("Han
// script"); characters of no one script are "punctuation and symbols".
func scriptName(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name + " script" // scripts do not overlap, so the map's order does not matter
		}
	}
	return "punctuation and symbols"
}
