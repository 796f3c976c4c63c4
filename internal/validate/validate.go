// Package validate holds every rule that refuses a render, in one place:
// every character can be drawn, the site gives every placeholder a value,
// every image can be read and is described, and no date lies in the
// future. render refuses a leaflet on these and check reports them as its
// errors, so the two never disagree; check's warnings come on top. It
// reports every problem, each at the place in the source that causes it.
package validate

import (
	"strings"
	"time"

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
	// AsOf is the day dates are judged against: a last_modified or
	// last_reviewed after it is refused. The zero time skips the rule.
	AsOf time.Time
}

// Today is the local calendar date, as the dates in leaflets are written:
// render and check both judge "in the future" by it. SOURCE_DATE_EPOCH
// only sets the timestamps written into the PDF, never this.
func Today() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Check returns every problem found, in source order per kind.
func Check(in Input) []*Problem {
	c := &checker{in: in}
	model.Walk(in.Leaflet, model.Visitor{
		Text: func(t model.Text, _ model.Role, _ model.Place) { c.text(t) },
		Block: func(b model.Block, _ model.Place) {
			if img, ok := b.(*model.Image); ok {
				c.image(img)
			}
		},
	})
	c.dates()
	c.site()
	c.glyphs.report(c)
	return c.probs
}

type checker struct {
	in     Input
	probs  []*Problem
	glyphs glyphGroups
}

func (c *checker) add(rule Rule, e *source.Error) {
	c.probs = append(c.probs, &Problem{Rule: rule, Err: e})
}

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
				c.glyphs.add(pos, r)
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
	e := source.Errorf(pos, "character %s cannot be drawn: the font %s has no glyph for it", describe(r), fontName)
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
	c.add(RulePlaceholder, source.Errorf(pos, "{%s} is used here but the site %s sets no %s", sp.Placeholder, s.File, sp.Placeholder))
}

func (c *checker) image(img *model.Image) {
	if err := c.in.Images(img.Path); err != nil {
		c.add(RuleImage, source.Errorf(img.Pos, "%v", err))
	}
	if strings.TrimSpace(img.Alt) == "" {
		c.add(RuleAltMissing, source.Errorf(img.Pos, "the image has no alt text; describe it for readers who cannot see it"))
	}
}

// dates refuses a last_modified or last_reviewed after the day checked
// as of: a date in the future is a typing mistake a patient would see.
func (c *checker) dates() {
	asOf, cr := c.in.AsOf, c.in.Leaflet.Credits
	if asOf.IsZero() {
		return
	}
	for _, d := range []struct {
		name string
		date model.Date
	}{{"last_modified", cr.LastModified}, {"last_reviewed", cr.LastReviewed}} {
		if !d.date.IsZero() && d.date.Time.After(asOf) {
			c.add(RuleFutureDate, source.Errorf(d.date.Pos, "%s %s is in the future (checked as of %s)", d.name, day(d.date.Time), day(asOf)).
				WithHint("a date in the future is usually a typing mistake; write the date it happened"))
		}
	}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// site checks the site's own values, which are printed too.
func (c *checker) site() {
	s := c.in.Site
	if s.Builtin {
		return
	}
	for _, name := range model.PlaceholderNames {
		for _, r := range s.Value(name) {
			if !drawable(c.in.Fonts, font.Regular, r) {
				c.glyphs.add(s.PosOf(name), r)
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
			c.add(RuleImage, source.Errorf(s.PosOf(field), "%v", err))
		}
	}
}
