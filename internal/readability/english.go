package readability

import "strings"

// EnglishSyllables counts the syllables of one English word as it is
// usually pronounced. It is rule-based: vowel groups are counted, then
// corrected for silent e, -ed and -es endings, vowel pairs that are spoken
// as two syllables (di-et, ra-di-o, ac-tu-al), y as a vowel or a consonant,
// u after q and g, contractions and possessives; a list of exceptions
// covers common words the rules get wrong. See docs/check.md for its
// measured accuracy.
func EnglishSyllables(word string) int {
	w := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	w = strings.Trim(w, "'")
	if w == "" {
		return 0
	}
	if n, ok := englishExceptions[w]; ok {
		return n
	}
	if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" {
		n := EnglishSyllables(base)
		if sibilantEnd(base) {
			n++ // nurse's, box's: the 's is a syllable of its own
		}
		return n
	}
	if strings.Contains(w, "'") {
		n := englishCore(strings.ReplaceAll(w, "'", ""))
		// isn't, didn't, couldn't: n't after a consonant is a syllable
		if b, ok := strings.CutSuffix(w, "n't"); ok && b != "" && !isVowelByte(b[len(b)-1]) && b[len(b)-1] != 'r' && b != "can" && b != "won" && b != "don" {
			n++
		}
		return max(n, 1)
	}
	return englishCore(w)
}

// englishCore counts a lower-case word without apostrophes.
func englishCore(w string) int {
	if n, ok := englishExceptions[w]; ok {
		return n
	}
	if !hasLetter(w) {
		return 0
	}
	// A silent e before a suffix: love-ly, hope-ful, move-ment, safe-ty.
	for _, s := range silentESuffixes {
		stem, ok := strings.CutSuffix(w, s.suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		n := len(stem)
		if stem[n-1] == 'e' && !isVowelByte(stem[n-2]) && stem[n-2] != 'l' && stem[n-2] != 'y' && vowelCount(stem[:n-2]) > 0 {
			return englishCore(stem) + s.syllables
		}
	}
	// -ically is usually spoken -ic-ly: au-to-mat-ic-ly, spe-cif-ic-ly
	if stem, ok := strings.CutSuffix(w, "ically"); ok && vowelCount(stem) > 0 {
		return englishCore(stem+"ic") + 1
	}
	// -ing after a vowel is a syllable of its own: be-ing, do-ing, cry-ing.
	for _, s := range []string{"ings", "ing"} {
		if stem, ok := strings.CutSuffix(w, s); ok && len(stem) >= 2 && vowelCount(stem) > 0 {
			last := stem[len(stem)-1]
			if isVowelByte(last) || last == 'y' {
				return englishCore(stem) + 1
			}
		}
	}
	return englishGroups(w)
}

type suffixRule struct {
	suffix    string
	syllables int
}

// silentESuffixes are suffixes, and second halves of compounds, after
// which a stem's final e stays silent: hope-ful, note-book, house-keep-ing.
var silentESuffixes = []suffixRule{
	{"fully", 2}, {"ments", 1}, {"ment", 1}, {"ness", 1}, {"less", 1},
	{"ful", 1}, {"ly", 1}, {"ty", 1}, {"some", 1},
	{"books", 1}, {"book", 1}, {"works", 1}, {"work", 1}, {"ways", 1}, {"way", 1},
	{"faces", 2}, {"face", 1}, {"times", 1}, {"time", 1}, {"tables", 2}, {"table", 2},
	{"lines", 1}, {"line", 1}, {"side", 1}, {"marks", 1}, {"mark", 1}, {"keeping", 2}, {"hood", 1},
}

// englishGroups counts vowel groups with the corrections for endings and
// vowel pairs.
func englishGroups(w string) int {
	vowel := classify(w)
	count := 0
	lastStart, lastEnd := -1, -1
	for i := 0; i < len(w); {
		if !vowel[i] {
			i++
			continue
		}
		j := i
		for j < len(w) && vowel[j] {
			j++
		}
		count += 1 + splits(w, i, j)
		lastStart, lastEnd = i, j
		i = j
	}
	if count == 0 {
		return 1 // "hmm", "nth", "pst"
	}
	if count > 1 && lastEnd-lastStart == 1 && w[lastStart] == 'e' {
		count -= silentEnding(w, vowel, lastStart)
	}
	// spasm, prism, rhythm: the final m is a syllable of its own
	if strings.HasSuffix(w, "sm") || strings.HasSuffix(w, "thm") {
		if n := len(w); n >= 3 && vowel[n-3] || strings.HasSuffix(w, "thm") {
			count++
		}
	}
	return max(count, 1)
}

// silentEnding returns 1 when the single e at i, the last vowel group of
// w, is not pronounced: make, times, helped; but not table, wanted, boxes.
func silentEnding(w string, vowel []bool, i int) int {
	rest := w[i+1:]
	before := w[:i]
	if before == "" {
		return 0
	}
	prev := before[len(before)-1]
	// consonant + le (ta-ble, lit-tle) and consonant + re (a-cre) are
	// syllables of their own
	syllabic := func(c byte) bool {
		return prev == c && len(before) >= 2 && !vowel[i-2] && before[len(before)-2] != c
	}
	switch rest {
	case "":
		if syllabic('l') || syllabic('r') {
			return 0
		}
		return 1
	case "s":
		for _, e := range []string{"s", "x", "z", "ch", "sh", "c", "g"} {
			if strings.HasSuffix(before, e) {
				return 0 // boxes, changes, nurses, washes, places
			}
		}
		if syllabic('l') {
			return 0 // tables, bottles
		}
		return 1
	case "d":
		if prev == 't' || prev == 'd' || syllabic('l') {
			return 0 // wanted, needed, handled
		}
		return 1
	}
	return 0
}

// sibilantEnd reports whether a stem ends in a hissing sound, after which
// -es and 's are a syllable: box, nurse, wash, church, change, place.
func sibilantEnd(s string) bool {
	for _, e := range []string{"s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze", "dge"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// classify marks the bytes of w that are vowels: a e i o u always (but u
// after q, and after g before another vowel, is a consonant), y when it is
// not at the start and not between vowels, and accented letters.
func classify(w string) []bool {
	v := make([]bool, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80:
			v[i] = true // é in café, a vowel that is never silent
		case c == 'u' && i > 0 && w[i-1] == 'q':
		case c == 'u' && i > 0 && w[i-1] == 'g' && i+1 < len(w) && isVowelByte(w[i+1]) && w[i+1] != 'o':
			// guard, guess, guide, language; not ambiguous
		case isVowelByte(c):
			v[i] = true
		case c == 'y':
			if i == 0 {
				continue
			}
			prevVowel := v[i-1]
			nextVowel := i+1 < len(w) && isVowelByte(w[i+1])
			v[i] = !(prevVowel && nextVowel)
		}
	}
	return v
}

// splits counts the extra syllables inside the vowel group w[i:j]: pairs
// of vowels spoken apart, as in di-et, ra-di-o, ac-tu-al, vid-e-o.
func splits(w string, i, j int) int {
	n := 0
	for k := i; k+1 < j; k++ {
		if splitPair(w, k) {
			n++
		}
	}
	return n
}

// splitPair reports whether the vowels at k and k+1 belong to different
// syllables.
func splitPair(w string, k int) bool {
	a, b := w[k], w[k+1]
	prev := byte(0)
	if k > 0 {
		prev = w[k-1]
	}
	after := w[k+2:]
	atEnd := after == ""
	// after these the i glides into the next vowel: na-tion, so-cial,
	// fash-ion, re-li-gion
	soft := prev == 'c' || prev == 't' || prev == 's' || prev == 'g' || prev == 'x' ||
		prev == 'h' && k >= 2 && (w[k-2] == 's' || w[k-2] == 'c')
	switch {
	case a == 'y':
		return true // cry-ing, dy-ing, em-bry-o
	case b >= 0x80 && b < 0xc0:
		return false // the rest of one accented letter
	case a >= 0x80 || b >= 0x80:
		return true // ca-fé-au
	case a == 'i' && b == 'a':
		// di-a-per, me-di-a, but so-cial, par-tial, A-sia
		if strings.HasPrefix(after, "t") {
			return true // ap-pre-ci-ate, as-so-ci-a-tion
		}
		return !soft || prev == 'g' && !strings.HasPrefix(after, "l") && !atEnd
	case a == 'i' && b == 'o':
		// ra-di-o, pe-ri-od, var-i-ous; not na-tion, vi-cious, re-li-gion
		if atEnd {
			return true
		}
		if after == "n" || after == "ns" {
			if prev == 'n' || strings.HasSuffix(w[:k], "ll") || soft {
				return false // o-pin-ion, mil-lion, na-tion
			}
			return true
		}
		if strings.HasPrefix(after, "r") && (prev == 'v' || prev == 'n') {
			return false // be-hav-ior, sen-ior
		}
		return !soft
	case a == 'i' && b == 'u':
		return true // so-di-um, cal-ci-um
	case a == 'i' && b == 'e':
		if atEnd || after == "s" || after == "d" {
			return false // movie, babies, carried
		}
		if strings.HasPrefix(after, "t") {
			return true // di-et, qui-et, so-ci-e-ty
		}
		if (after == "r" || after == "rs" || after == "st") && vowelCount(w[:k]) > 0 {
			return true // hap-pi-er, ear-li-est, car-ri-er
		}
		if strings.HasPrefix(after, "nt") || strings.HasPrefix(after, "nce") {
			return !soft && prev != 'n' // in-gre-di-ent, au-di-ence; not pa-tient, con-ven-ient
		}
		return false
	case a == 'e' && b == 'a':
		return atEnd || after == "s" && vowelCount(w[:k]) > 0 // i-de-a, ar-e-as
	case a == 'e' && b == 'o':
		if prev == 'g' || prev == 'c' {
			return k == 1 // ge-og-ra-phy; not sur-geon, gor-geous
		}
		return !strings.HasPrefix(w[k:], "eop") // vid-e-o, the-o-ry; not peo-ple
	case a == 'e' && b == 'u':
		return strings.HasPrefix(after, "m") && len(after) == 1 // mu-se-um
	case a == 'u' && b == 'a':
		return prev != 'q' && prev != 'g' // ac-tu-al, u-su-al
	case a == 'u' && b == 'e':
		if prev == 'q' || prev == 'g' {
			return false
		}
		return after != "" && strings.IndexByte("lntr", after[0]) >= 0 && after != "s" // cru-el, flu-ent, du-et
	case a == 'u' && b == 'o':
		return prev != 'q' // du-o, vir-tu-ous
	case a == 'u' && b == 'i':
		return strings.HasPrefix(after, "ty") // an-nu-i-ty
	case a == 'o' && b == 'e':
		return after != "" && strings.IndexByte("tmv", after[0]) >= 0 // po-et, po-em, who-ev-er
	case a == 'o' && b == 'i':
		return after == "c" // he-ro-ic
	case a == 'a' && b == 'i':
		return after == "c" // mo-sa-ic
	}
	return false
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func vowelCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isVowelByte(s[i]) || s[i] == 'y' && i > 0 {
			n++
		}
	}
	return n
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			return true
		}
	}
	return false
}
