package check

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"handout/internal/i18n"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/readability"
	"handout/internal/source"
	"handout/internal/validate"
)

// leaflet checks one leaflet file.
func (c *checker) leaflet(f *File) {
	l, err := load.Leaflet(f.Path, c.opts.Assets...)
	if err != nil {
		c.loadErrors(f, err)
		return
	}
	problems, err := c.eng.ValidateIn(l, c.site, c.fontDirs(), c.opts.AsOf)
	if err != nil { // a font folder that cannot be read
		c.add(f, errorFinding(f.Path, err, CodeInvalid))
		return
	}
	for _, p := range problems {
		c.add(f, problemFinding(p))
	}
	w := walk(l)
	c.imageFindings(f, w.images)
	if len(problems) == 0 && f.Count(Error) == 0 { // layout only what render would lay out
		c.laidOut(f, l)
	}
	c.review(f, l)
	c.url(f, l)
	c.translations(f, l)
	c.language(f, l)
	c.reading(f, l, w)
	c.callForHelp(f, l, w)
	c.accessibility(f, l)
}

// problemFinding makes an error finding of a rule that refuses a render;
// the rule's name is the finding's code.
func problemFinding(p *validate.Problem) Finding {
	return Finding{Severity: Error, Pos: p.Err.Pos, Code: string(p.Rule), Message: p.Err.Msg, Hint: p.Err.Hint}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// review warns when a leaflet has no review date or its review is older
// than the review period.
func (c *checker) review(f *File, l *model.Leaflet) {
	cr := l.Credits
	if cr.LastReviewed.IsZero() {
		pos := cr.LastModified.Pos
		if pos.Line == 0 {
			pos = l.Title.Pos
		}
		c.add(f, Finding{Severity: Warning, Pos: pos, Code: CodeReviewMissing,
			Message: "the leaflet has no last_reviewed date, so no one can tell whether its advice is current",
			Hint:    "add credits: last_reviewed: YYYY-MM-DD when a clinician has checked it"})
		return
	}
	last := cr.LastReviewed.Time
	due := last.AddDate(0, c.opts.ReviewMonths, 0)
	if !c.opts.AsOf.After(due) {
		return
	}
	c.add(f, Finding{Severity: Warning, Pos: cr.LastReviewed.Pos, Code: CodeReviewOverdue,
		Message: fmt.Sprintf("last reviewed %s, %d months before %s; the review period is %d months, so it was due on %s",
			day(last), monthsBetween(last, c.opts.AsOf), day(c.opts.AsOf), c.opts.ReviewMonths, day(due)),
		Hint: "have a clinician review it, then update last_reviewed"})
}

// monthsBetween counts whole months from a to b.
func monthsBetween(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return n
}

// language warns about a language the renderer has no words for, and
// hints when its reading level cannot be measured.
func (c *checker) language(f *File, l *model.Leaflet) {
	pos := l.LangPos
	if pos.Line == 0 {
		pos = source.Pos{File: l.File}
	}
	if _, ok, _ := c.eng.Words(l, nil); !ok {
		c.add(f, Finding{Severity: Warning, Pos: pos, Code: CodeLanguage,
			Message: fmt.Sprintf("no renderer words for language %q; page numbers and labels are in English (supported: %s)",
				l.Language, strings.Join(i18n.Supported(), ", "))})
	}
	if note := readability.Counting(l.Language).Note(); note != "" {
		c.add(f, Finding{Severity: Hint, Pos: pos, Code: CodeLanguage, Message: note})
	}
}

// callForHelp hints when a leaflet never tells the reader when to call:
// no {phone}, no urgent note and none of its language's call words (the
// locale's check.call_words; English ones for a language without a locale).
func (c *checker) callForHelp(f *File, l *model.Leaflet, w *walker) {
	for _, n := range w.notes {
		if n.Style == model.NoteUrgent {
			return
		}
	}
	strs := c.words(l)
	for _, u := range w.units {
		for _, sp := range u.text.Spans {
			if sp.Placeholder == "phone" {
				return
			}
		}
		if saysCall(u.text.Raw, strs.CallWords) {
			return
		}
	}
	c.add(f, Finding{Severity: Hint, Pos: l.Title.Pos, Code: CodeCallForHelp,
		Message: "the leaflet never says when to call for help",
		Hint:    `readers act on a clear "call {phone} if ..." with the signs to watch for`})
}

// saysCall reports whether text holds one of the call words. A word in
// the Latin script must stand as whole words ("call", not "recall"); a
// word in another script may be part of a longer word, since Chinese,
// Japanese and Khmer put no spaces between words and other languages add
// prefixes and endings ("позвоните" holds "звоните").
func saysCall(text string, words []string) bool {
	lower := strings.ToLower(text)
	padded := " " + strings.Join(strings.FieldsFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}), " ") + " "
	for _, w := range words {
		if latinOrDigits(w) {
			if strings.Contains(padded, " "+w+" ") {
				return true
			}
		} else if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func latinOrDigits(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Latin, r) && !unicode.IsDigit(r) && r != ' ' {
			return false
		}
	}
	return true
}

// words returns the renderer words a leaflet prints with: its language's,
// with the site's replacements. The loader has checked the site's words,
// so an error cannot happen; the language's own words are used if it does.
func (c *checker) words(l *model.Leaflet) *i18n.Strings {
	s, _, err := c.eng.Words(l, c.site)
	if err != nil {
		s, _, _ = c.eng.Words(l, nil)
	}
	return s
}
