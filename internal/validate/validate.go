// Package validate checks a loaded leaflet against what rendering needs:
// that every character can be drawn, that the site gives every placeholder
// a value, and that every image can be read. It reports every problem, each
// at the place in the source that causes it.
package validate

import (
	"fmt"

	"handout/internal/font"
	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/source"
)

// Input is what Check needs. Images loads (and caches) an image, returning
// why it cannot be used.
type Input struct {
	Leaflet *model.Leaflet
	Site    *model.Site
	Fonts   *font.Set
	Images  func(path string) error
}

// Check returns every problem found, in source order per kind.
func Check(in Input) []error {
	c := &checker{in: in}
	model.Walk(in.Leaflet, model.Visitor{
		Text: func(t model.Text, _ model.Role, _ model.Place) { c.text(t) },
		Block: func(b model.Block, _ model.Place) {
			if img, ok := b.(*model.Image); ok {
				c.image(img)
			}
		},
	})
	c.site()
	return c.errs
}

type checker struct {
	in   Input
	errs []error
}

func (c *checker) add(e *source.Error) { c.errs = append(c.errs, e) }

// text checks one text's characters and placeholders.
func (c *checker) text(t model.Text) {
	for _, sp := range t.Spans {
		if sp.Placeholder != "" {
			c.placeholder(t, sp)
			continue
		}
		style := font.Regular
		if sp.Style&inline.Bold != 0 {
			style |= font.Bold
		}
		if sp.Style&inline.Italic != 0 {
			style |= font.Italic
		}
		for i, r := range sp.Text {
			if !drawable(c.in.Fonts, style, r) {
				pos := t.Pos
				if t.Exact {
					pos.Col += len([]rune(t.Raw[:min(len(t.Raw), sp.Offset+i)]))
				}
				c.add(glyphError(pos, r, c.in.Fonts.Name()))
			}
		}
	}
}

// drawable reports whether r prints: white space and invisible break hints
// need no glyph.
func drawable(fonts *font.Set, style font.Style, r rune) bool {
	switch r {
	case ' ', '\n', '\t', '\r', '\u00ad', '\u200b':
		return true
	}
	return fonts.FaceFor(style, r) != nil
}

func glyphError(pos source.Pos, r rune, fontName string) *source.Error {
	what := fmt.Sprintf("U+%04X", r)
	if r >= 0x20 && r != 0x7f {
		what += fmt.Sprintf(" (%c)", r)
	}
	e := source.Errorf(pos, "character %s cannot be drawn: the font %s has no glyph for it", what, fontName)
	if r > 0xFFFF {
		return e.WithHint("characters above U+FFFF, such as emoji, are not supported; remove it")
	}
	return e.WithHint("remove it or replace it with a character the font has")
}

func (c *checker) placeholder(t model.Text, sp inline.Span) {
	s := c.in.Site
	if s.Value(sp.Placeholder) != "" || s.Builtin {
		return
	}
	pos := t.Pos
	if t.Exact {
		pos.Col += len([]rune(t.Raw[:min(len(t.Raw), sp.Offset)]))
	}
	c.add(source.Errorf(pos, "{%s} is used here but the site %s sets no %s", sp.Placeholder, s.File, sp.Placeholder))
}

func (c *checker) image(img *model.Image) {
	if err := c.in.Images(img.Path); err != nil {
		c.add(source.Errorf(img.Pos, "%v", err))
	}
}

// site checks the site's own values, which are printed too.
func (c *checker) site() {
	s := c.in.Site
	if s.Builtin {
		return
	}
	for _, name := range model.PlaceholderNames {
		for _, r := range s.Value(name) {
			if !drawable(c.in.Fonts, font.Regular, r) {
				c.add(glyphError(s.PosOf(name), r, c.in.Fonts.Name()))
			}
		}
	}
	if !s.FooterText.IsZero() {
		c.text(s.FooterText)
	}
	for _, img := range []struct{ field, path string }{{"header_image", s.HeaderImage}, {"footer_image", s.FooterImage}} {
		field, p := img.field, img.path
		if p == "" {
			continue
		}
		if err := c.in.Images(p); err != nil {
			c.add(source.Errorf(s.PosOf(field), "%v", err))
		}
	}
}
