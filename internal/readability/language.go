package readability

import (
	"fmt"
	"strings"
)

// Language is what counting needs to know about a language: how to count
// a word's syllables and which abbreviations never end a sentence.
type Language struct {
	Code      string // BCP 47 primary subtag: "en", "es"
	Name      string
	syllables func(word string) int // nil where no formula needs them
	abbrev    map[string]bool       // lower case, without the final dot
	// Formulas names the reading-level formulas measured for the
	// language; empty when none is built in.
	Formulas []string
	// Published names formulas made for the language that are not built
	// in; empty with Formulas when no formula is standard for it.
	Published []string
	// Unspaced is true for languages written without spaces between
	// words (Chinese, Japanese, Khmer), where words cannot be counted by
	// spaces.
	Unspaced bool
}

// Syllables counts the syllables of one word; 0 for a language whose
// syllables are not counted.
func (l *Language) Syllables(word string) int {
	if l.syllables == nil {
		return 0
	}
	return l.syllables(word)
}

// Measured reports whether a reading level is computed for the language.
func (l *Language) Measured() bool { return len(l.Formulas) > 0 }

var (
	english = &Language{Code: "en", Name: "English", syllables: EnglishSyllables,
		Formulas: []string{"Flesch–Kincaid", "Flesch Reading Ease", "SMOG"}, abbrev: set(
			"dr", "mr", "mrs", "ms", "st", "prof", "jr", "sr", "e.g", "i.e", "vs", "approx", "fig", "dept", "ext", "tel", "mt", "ave", "a.m", "p.m")}
	spanish = &Language{Code: "es", Name: "Spanish", syllables: SpanishSyllables,
		Formulas: []string{"Fernández-Huerta", "Szigriszt-Pazos (INFLESZ)"}, abbrev: set(
			"dr", "dra", "sr", "sra", "srta", "ud", "uds", "ej", "aprox", "núm", "tel", "pág", "dto", "av", "a.m", "p.m")}
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// For returns the language for a BCP 47 tag when its reading level is
// measured, matching on the primary subtag ("es-MX" is Spanish). ok is
// false for languages not measured; Counting serves those.
func For(tag string) (l *Language, ok bool) {
	l = Counting(tag)
	if !l.Measured() {
		return nil, false
	}
	return l, true
}

// Counting returns what is known about counting a language's sentences
// and words, for any tag: a measured language, a language of the table in
// others.go, or, for a language not listed, a Latin-script language
// without formulas named by its tag.
func Counting(tag string) *Language {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "en":
		return english
	case "es":
		return spanish
	}
	if l, ok := others()[primary]; ok {
		return l
	}
	return &Language{Code: primary, Name: tag}
}

// Note says, once per leaflet, why a language's reading level is not
// measured; "" when it is.
func (l *Language) Note() string {
	switch {
	case l.Measured():
		return ""
	case len(l.Published) > 0:
		return fmt.Sprintf("the reading level is not measured for %s: the formulas made for it (%s) are not built in, and English syllable rules would mislead; sentences are still counted",
			l.Name, strings.Join(l.Published, ", "))
	case l.Name != l.Code && l.Name != "":
		if _, listed := others()[l.Code]; listed {
			return fmt.Sprintf("the reading level is not measured for %s: no readability formula is standard for it, and English syllable rules would mislead; sentences are still counted", l.Name)
		}
	}
	return fmt.Sprintf("the reading level is not measured for language %q; the formulas here are for English and Spanish", l.Name)
}
