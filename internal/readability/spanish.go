package readability

import (
	"strings"
	"unicode"
)

// SpanishSyllables counts the syllables of one Spanish word from its
// spelling, which Spanish makes regular: every group of adjacent vowels is
// one syllable (a diphthong or triphthong: bai-le, cui-da-do, buey) except
// where two of them are in hiatus: two strong vowels (a, e, o: le-er,
// po-e-ta) or a weak vowel with a written accent next to a strong one
// (dí-a, re-ú-ne). The u of que, qui, gue and gui is silent; ü is spoken
// (pin-güi-no). A final y after a vowel (hoy, muy) is part of that vowel's
// group, and y alone is a word of one syllable. An h between vowels is
// treated as a consonant, so ahu-mar counts three where the spoken word
// may have two.
func SpanishSyllables(word string) int {
	w := []rune(strings.ToLower(word))
	kinds := make([]vowelKind, len(w))
	for i, r := range w {
		kinds[i] = spanishKind(w, i, r)
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if kinds[i] == consonant {
			continue
		}
		if i == 0 || kinds[i-1] == consonant {
			n++ // a new vowel group
			continue
		}
		if hiatus(kinds[i-1], kinds[i], w[i-1], w[i]) {
			n++
		}
	}
	if n == 0 && strings.ContainsFunc(word, unicode.IsLetter) {
		return 1
	}
	return n
}

type vowelKind int

const (
	consonant    vowelKind = iota
	strong                 // a e o, with or without accent
	weak                   // i u ü without accent, and y that is a vowel
	weakAccented           // í ú: as strong as a, e, o
)

func spanishKind(w []rune, i int, r rune) vowelKind {
	switch r {
	case 'a', 'e', 'o', 'á', 'é', 'ó', 'à', 'è', 'ò':
		return strong
	case 'í', 'ú':
		return weakAccented
	case 'i', 'ï', 'ü':
		return weak
	case 'u':
		if i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && strings.ContainsRune("eiéí", w[i+1]) {
			return consonant // que, qui, gue, gui: the u is silent
		}
		return weak
	case 'y':
		if len(w) == 1 {
			return weak // the word y
		}
		if i == len(w)-1 && i > 0 && isSpanishVowel(w[i-1]) {
			return weak // hoy, muy, rey, Uruguay
		}
		return consonant
	}
	return consonant
}

func isSpanishVowel(r rune) bool { return strings.ContainsRune("aeiouáéíóúü", r) }

// hiatus reports whether two adjacent vowels are in different syllables.
func hiatus(a, b vowelKind, ra, rb rune) bool {
	switch {
	case a == strong && b == strong:
		return true // le-er, po-e-ta, ca-er
	case a == weakAccented && b != weak || b == weakAccented && a != weak:
		return true // dí-a, re-ú-ne, ma-íz
	case a == weak && b == weak && ra == rb:
		return true // chi-i-ta
	}
	return false
}
