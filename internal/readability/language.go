package readability

import "strings"

// Language is what counting needs to know about a language: how to count
// a word's syllables and which abbreviations never end a sentence.
type Language struct {
	Code      string // BCP 47 primary subtag: "en", "es"
	Name      string
	syllables func(word string) int
	abbrev    map[string]bool // lower case, without the final dot
}

// Syllables counts the syllables of one word.
func (l *Language) Syllables(word string) int { return l.syllables(word) }

var (
	english = &Language{Code: "en", Name: "English", syllables: EnglishSyllables, abbrev: set(
		"dr", "mr", "mrs", "ms", "st", "prof", "jr", "sr", "e.g", "i.e", "vs", "approx", "fig", "dept", "ext", "tel", "mt", "ave", "a.m", "p.m")}
	spanish = &Language{Code: "es", Name: "Spanish", syllables: SpanishSyllables, abbrev: set(
		"dr", "dra", "sr", "sra", "srta", "ud", "uds", "ej", "aprox", "núm", "tel", "pág", "dto", "av", "a.m", "p.m")}
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// For returns the language for a BCP 47 tag, matching on the primary
// subtag ("es-MX" is Spanish). ok is false for languages not measured.
func For(tag string) (l *Language, ok bool) {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "en":
		return english, true
	case "es":
		return spanish, true
	}
	return nil, false
}
