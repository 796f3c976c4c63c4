package validate

import (
	"fmt"
	"unicode"

	"handout/internal/source"
)

// glyphGroups gathers the characters no font draws, by file and script,
// so a Chinese leaflet gets one error for its Han characters rather than
// one per character.
type glyphGroups struct {
	order  []glyphKey
	groups map[glyphKey]*glyphGroup
}

type glyphKey struct{ file, script string }

type glyphGroup struct {
	first rune
	pos   source.Pos // where the first one is
	count int
}

func (g *glyphGroups) add(pos source.Pos, r rune) {
	if g.groups == nil {
		g.groups = map[glyphKey]*glyphGroup{}
	}
	k := glyphKey{pos.File, scriptName(r)}
	if gr, ok := g.groups[k]; ok {
		gr.count++
		return
	}
	g.groups[k] = &glyphGroup{first: r, pos: pos, count: 1}
	g.order = append(g.order, k)
}

// report adds one error per file and script, at the first character, in
// the order they were first met.
func (g *glyphGroups) report(c *checker) {
	for _, k := range g.order {
		gr := g.groups[k]
		if gr.count == 1 {
			c.add(RuleGlyph, glyphError(gr.pos, gr.first, c.in.Fonts.Name()))
			continue
		}
		e := source.Errorf(gr.pos, "%d characters in %s cannot be drawn (first: %s): the font %s has no glyphs for them",
			gr.count, k.script, describe(gr.first), c.in.Fonts.Name())
		if gr.first > 0xFFFF {
			e.WithHint("characters above U+FFFF, such as emoji, are not supported; remove them")
		} else {
			e.WithHint("docs/languages.md lists the scripts handout draws today")
		}
		c.add(RuleGlyph, e)
	}
}

// scriptName names the Unicode script of r, as "Han script"; symbols,
// punctuation and emoji, which belong to no one script, are "punctuation and symbols".
func scriptName(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name + " script"
		}
	}
	return "punctuation and symbols"
}

// describe writes a character as U+4E2D (中), leaving out what cannot be
// shown.
func describe(r rune) string {
	what := fmt.Sprintf("U+%04X", r)
	if r >= 0x20 && r != 0x7f {
		what += fmt.Sprintf(" (%c)", r)
	}
	return what
}
