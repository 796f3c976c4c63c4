package engine

import (
	"strings"
	"unicode"

	"handout/internal/font"
	"handout/internal/model"
	"handout/internal/source"
	"handout/internal/typeset"
)

// taglineWords is what a site's notice needs from a language's renderer
// words: its tagline sentence and its direction.
type taglineWords interface {
	// Tagline is the sentence with the phone number, and the TTY number
	// when tty is not "".
	Tagline(phone, tty string) string
	RightToLeft() bool
}

// Nondiscrimination is the English sentence that closes the notice;
// {name} is the site's name.
const Nondiscrimination = "{name} follows federal civil rights laws. We do not treat anyone differently or leave anyone out because of race, color, national origin, age, disability or sex."

// taglines builds a site's language-assistance notice: each listed
// language's line, the site's own wording where it gives one, with its
// phone and TTY numbers. words returns a language's renderer words and
// whether the language has its own (not English stand-ins). A language
// with neither its own words nor a line in taglines_text is an error at
// the place it is listed. fonts gives the fonts a language's line is set in.
func taglines(s *model.Site, words func(tag string) (taglineWords, bool), fonts func(tag string) (*font.Set, error)) (*typeset.Taglines, error) {
	t := s.Taglines
	if len(t.Langs) == 0 {
		return nil, nil
	}
	out := &typeset.Taglines{}
	var errs source.Errors
	fill := strings.NewReplacer("{phone}", s.Phone, "{tty}", s.TTY)
	for i, tag := range t.Langs {
		w, ok := words(tag)
		line, own := t.Text[tag]
		pos := t.Pos[i]
		switch {
		case own:
			if !strings.Contains(line, "{phone}") && !strings.Contains(line, s.Phone) {
				errs = append(errs, source.Errorf(t.TextPos[tag], "the tagline for %s does not give the phone number", tag).
					WithHint("write {phone} where the number goes"))
			}
			line, pos = fill.Replace(line), t.TextPos[tag]
		case ok:
			line = w.Tagline(s.Phone, s.TTY)
		default:
			errs = append(errs, source.Errorf(pos, "there is no built-in tagline for %s", tag).
				WithHint("give the line under taglines_text: %s: \"...\" (docs/site.md lists the built-in languages)", tag))
			continue
		}
		set, err := fonts(tag)
		if err != nil {
			return nil, err
		}
		if e := undrawable(tag, line, pos, set); e != nil {
			errs = append(errs, e)
			continue
		}
		rtl := rightToLeft(line)
		if ok && !own {
			rtl = w.RightToLeft()
		}
		out.Lines = append(out.Lines, typeset.Tagline{Lang: tag, Text: line, RTL: rtl, Pos: pos, LTR: numbers(s), Fonts: set})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	name := s.Name
	if name == "" {
		name = "This clinic"
	}
	out.Nondiscrimination = typeset.Tagline{Lang: "en", Text: strings.ReplaceAll(Nondiscrimination, "{name}", name), Pos: s.PosOf("taglines")}
	return out, nil
}

// undrawable reports a line the fonts cannot draw, once per line with
// how many characters are missing, rather than once per character.
func undrawable(tag, line string, pos source.Pos, fonts *font.Set) *source.Error {
	n, first := 0, rune(0)
	for _, r := range line {
		if unicode.IsSpace(r) || fonts.FaceFor(font.Regular, r) != nil {
			continue
		}
		if n == 0 {
			first = r
		}
		n++
	}
	if n == 0 {
		return nil
	}
	script := "punctuation and symbols"
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, first) {
			script = name + " script"
		}
	}
	return source.Errorf(pos, "the tagline for %s cannot be drawn: %d of its characters (first: U+%04X %c, %s) have no glyph in the fonts %s",
		tag, n, first, first, script, fonts.Name()).
		WithHint("docs/languages.md lists the scripts handout draws today; leave %s out of taglines until then", tag)
}

// rightToLeft reports whether a line's first letter is of a script
// written right to left, for a site's own line in a language without
// renderer words.
func rightToLeft(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
		}
	}
	return false
}

// numbers are the site's phone and TTY numbers, which read left to right
// as a whole in a line of any direction.
func numbers(s *model.Site) []string {
	var out []string
	for _, n := range []string{s.Phone, s.TTY} {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}
