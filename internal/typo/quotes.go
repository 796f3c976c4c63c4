// Package typo applies the typographic conventions of a handout's language
// to its text: curly apostrophes and the quotation marks each language
// uses, so that "don't" prints as "don’t" and a French quotation as
// « texte ».
package typo

import (
	"strings"
	"unicode"
)

// Marks are one language's quotation marks: the outer (double) pair and
// the inner (single) pair, and the space set inside the outer pair, if any
// (French sets a narrow no-break space inside « »).
type Marks struct {
	Open, Close           string
	InnerOpen, InnerClose string
	Inside                string
}

// apostrophe is the typographic apostrophe, the same in every language.
const apostrophe = "\u2019"

var (
	english  = Marks{Open: "\u201c", Close: "\u201d", InnerOpen: "\u2018", InnerClose: "\u2019"}
	guillemt = Marks{Open: "\u00ab", Close: "\u00bb", InnerOpen: "\u201e", InnerClose: "\u201c"}
	french   = Marks{Open: "\u00ab", Close: "\u00bb", InnerOpen: "\u201c", InnerClose: "\u201d", Inside: "\u202f"}
	polish   = Marks{Open: "\u201e", Close: "\u201d", InnerOpen: "\u00ab", InnerClose: "\u00bb"}
	german   = Marks{Open: "\u201e", Close: "\u201c", InnerOpen: "\u201a", InnerClose: "\u2018"}
	japanese = Marks{Open: "\u300c", Close: "\u300d", InnerOpen: "\u300e", InnerClose: "\u300f"}
)

// MarksFor returns the quotation marks of a BCP 47 language tag, chosen by
// its primary language subtag; languages not listed use “ ” and ‘ ’.
func MarksFor(lang string) Marks {
	primary := strings.ToLower(lang)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	switch primary {
	case "fr":
		return french
	case "ru", "uk", "be", "hy", "am", "fa", "ar", "ht", "km":
		return guillemt
	case "pl", "ro", "hu", "nl":
		return polish
	case "de", "cs", "sk", "bg", "lt", "et":
		return german
	case "ja":
		return japanese
	}
	return english
}

// Convert returns the runs of one paragraph with their straight quotes
// made typographic. Whether a quote opens or closes depends on the
// characters around it, which may belong to the neighbouring runs, so a
// paragraph is converted whole. Runs marked literal (a placeholder's value,
// a URL) are left as they are but still count as context.
func Convert(m Marks, runs []string, literal []bool) []string {
	var all []rune
	var owner []int
	for i, r := range runs {
		for _, c := range r {
			all = append(all, c)
			owner = append(owner, i)
		}
	}
	q := quoter{m: m}
	out := make([]strings.Builder, len(runs))
	for k, r := range all {
		i := owner[k]
		if (r != '\'' && r != '"') || (literal != nil && literal[i]) {
			out[i].WriteRune(r)
			continue
		}
		prev, next := rune(0), rune(0)
		if k > 0 {
			prev = all[k-1]
		}
		if k+1 < len(all) {
			next = all[k+1]
		}
		if r == '"' {
			out[i].WriteString(q.double(prev, next))
		} else {
			out[i].WriteString(q.single(prev, next))
		}
	}
	res := make([]string, len(runs))
	for i := range out {
		res[i] = out[i].String()
	}
	return res
}

// String converts one paragraph held in a single string.
func String(m Marks, s string) string {
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	return Convert(m, []string{s}, nil)[0]
}

// quoter counts the quotations open in a paragraph.
type quoter struct {
	m            Marks
	outer, inner int
}

// opens reports whether the context alone says a quote opens: at the
// start, or after space, an opening bracket or a dash, before something
// to quote.
func opens(prev, next rune) bool {
	if next == 0 || unicode.IsSpace(next) {
		return false
	}
	return prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{\u2014\u2013-/\u00ab\u201c\u2018\u201e\u300c", prev)
}

// closes reports whether the context alone says a quote closes: at the
// end, or before space or punctuation.
func closes(prev, next rune) bool {
	if prev == 0 || unicode.IsSpace(prev) {
		return false
	}
	return next == 0 || unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}\u2014\u2013-\u3001\u3002", next)
}

// double chooses an outer mark; where the context does not say (between
// two ideographs, which have no spaces), quotes alternate.
func (q *quoter) double(prev, next rune) string {
	open := opens(prev, next) || (!closes(prev, next) && q.outer == 0)
	if open {
		q.outer++
		return q.m.Open + q.m.Inside
	}
	if q.outer > 0 {
		q.outer--
	}
	return q.m.Inside + q.m.Close
}

// single tells an apostrophe (don't, '90s, the patients') from an inner
// quotation mark: a single quote is an apostrophe unless it opens, or it
// closes an inner quotation that is open.
func (q *quoter) single(prev, next rune) string {
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	switch {
	case letter(prev) && letter(next):
		return apostrophe
	case opens(prev, next) && !unicode.IsDigit(next):
		q.inner++
		return q.m.InnerOpen
	case q.inner > 0:
		q.inner--
		return q.m.InnerClose
	}
	return apostrophe
}
