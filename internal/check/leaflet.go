package check

import (
	"fmt"
	"strings"
	"time"

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
	problems := c.eng.Validate(l, c.site, c.opts.AsOf)
	for _, p := range problems {
		c.add(f, problemFinding(p))
	}
	w := walk(l)
	c.imageFindings(f, w.images)
	if len(problems) == 0 && f.Count(Error) == 0 { // layout only what render would lay out
		c.laidOut(f, l)
	}
	c.review(f, l)
	c.language(f, l)
	c.reading(f, l, w)
	c.callForHelp(f, l, w)
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
	if _, ok := i18n.For(l.Language); !ok {
		c.add(f, Finding{Severity: Warning, Pos: pos, Code: CodeLanguage,
			Message: fmt.Sprintf("no renderer words for language %q; page numbers and labels are in English (supported: %s)",
				l.Language, strings.Join(i18n.Supported(), ", "))})
	}
	if _, ok := readability.For(l.Language); !ok {
		c.add(f, Finding{Severity: Hint, Pos: pos, Code: CodeLanguage,
			Message: fmt.Sprintf("the reading level is not measured for language %q; the formulas here are for English and Spanish", l.Language)})
	}
}

// callWords are words that tell a reader to get in touch, per language.
var callWords = map[string][]string{
	"en": {"call", "phone", "telephone", "contact", "emergency", "911", "999", "112"},
	"es": {"llame", "llamar", "llámenos", "teléfono", "urgencias", "emergencia", "911", "112"},
}

// callForHelp hints when a leaflet never tells the reader when to call:
// no {phone}, no urgent note and no words such as call or emergency.
func (c *checker) callForHelp(f *File, l *model.Leaflet, w *walker) {
	for _, n := range w.notes {
		if n.Style == model.NoteUrgent {
			return
		}
	}
	primary, _, _ := strings.Cut(strings.ToLower(l.Language), "-")
	words := callWords[primary]
	if words == nil {
		words = callWords["en"]
	}
	for _, u := range w.units {
		for _, sp := range u.text.Spans {
			if sp.Placeholder == "phone" {
				return
			}
		}
		for _, tok := range strings.FieldsFunc(strings.ToLower(u.text.Raw), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
		}) {
			for _, cw := range words {
				if tok == cw {
					return
				}
			}
		}
	}
	c.add(f, Finding{Severity: Hint, Pos: l.Title.Pos, Code: CodeCallForHelp,
		Message: "the leaflet never says when to call for help",
		Hint:    `readers act on a clear "call {phone} if ..." with the signs to watch for`})
}
