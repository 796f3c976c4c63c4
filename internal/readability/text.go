package readability

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one counted word of a text.
type Word struct {
	Text       string
	Start, End int // byte offsets in the text it came from
	Syllables  int
}

// Sentence is one sentence of a text with its counts.
type Sentence struct {
	Text       string
	Start, End int // byte offsets in the text it came from
	Words      []Word
	Stats      Stats
}

// Sentences splits one unit of text (a paragraph, a list item, a heading)
// into sentences. The end of the unit always ends a sentence, so a list
// item or a heading without a full stop is a sentence of its own.
// Sentences without a counted word (a lone phone number) are dropped.
func (l *Language) Sentences(text string) []Sentence {
	var out []Sentence
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isTerminator(r2) && !isCloser(r2) {
				break
			}
			j += s2
		}
		if l.endsSentence(text, i, j, r) {
			out = l.appendSentence(out, text, start, j)
			start = skipSpace(text, j)
		}
		i = j
	}
	if start < len(text) {
		out = l.appendSentence(out, text, start, len(strings.TrimRightFunc(text, unicode.IsSpace)))
	}
	return out
}

func (l *Language) appendSentence(out []Sentence, text string, start, end int) []Sentence {
	if end <= start {
		return out
	}
	s := Sentence{Text: text[start:end], Start: start, End: end}
	for _, w := range l.Words(s.Text) {
		w.Start += start
		w.End += start
		s.Words = append(s.Words, w)
		s.Stats.Words++
		s.Stats.Syllables += w.Syllables
		if w.Syllables >= 3 {
			s.Stats.Polysyllables++
		}
	}
	if s.Stats.Words == 0 {
		return out
	}
	s.Stats.Sentences = 1
	return append(out, s)
}

// endsSentence decides whether the terminator r at text[i:j] (with any
// closing quotes or brackets) ends a sentence: it must be followed by
// space and then not by a lower-case letter, and a full stop must not end
// a known abbreviation or an initial.
func (l *Language) endsSentence(text string, i, j int, r rune) bool {
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if unspacedEnd(r) {
		return true
	}
	if !unicode.IsSpace(next) {
		return false // example.org, 100.4, a.m.
	}
	k := skipSpace(text, j)
	if k >= len(text) {
		return true
	}
	if after, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLower(after) {
		return false
	}
	if r != '.' {
		return true
	}
	word := text[strings.LastIndexFunc(text[:i], unicode.IsSpace)+1 : i]
	word = strings.TrimLeftFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if l.abbrev[strings.ToLower(word)] {
		return false
	}
	if n := utf8.RuneCountInString(word); n == 1 {
		if c, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(c) {
			return false // an initial: J. Smith
		}
	}
	return true
}

// isTerminator reports a sentence end in any of the baseline scripts:
// Latin and Cyrillic . ! ? …, the ideographic full stop and full-width
// marks 。！？｡, the Arabic question mark ؟ and Urdu full stop ۔, the
// danda । ॥ of Devanagari, Bengali and Gurmukhi, the Armenian full stop ։,
// the Ethiopic full stop and question mark ። ፧, and the Khmer khan ។ ៕.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '｡', '؟', '۔', '।', '॥', '։', '።', '፧', '។', '៕':
		return true
	}
	return false
}

// unspacedEnd reports terminators that end a sentence with no space after
// them: Chinese and Japanese set none.
func unspacedEnd(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '｡' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '*', '_', '」', '』', '）', '〕', '】', '›':
		return true
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// Words returns the words of a text that count: URLs, e-mail addresses,
// phone numbers, numbers and other tokens that do not start with a letter
// are left out, and so are the digit parts of hyphenated words (24-hour
// counts as hour). A hyphenated word is one word with the syllables of
// its parts.
func (l *Language) Words(text string) []Word {
	var out []Word
	for _, t := range tokens(text) {
		tok := text[t[0]:t[1]]
		if isURL(tok) {
			continue
		}
		lead := strings.IndexFunc(tok, func(r rune) bool { return !isOpener(r) })
		if lead < 0 {
			continue
		}
		core := strings.TrimRightFunc(tok[lead:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if core == "" {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(core); !unicode.IsLetter(first) && !unicode.IsDigit(first) {
			continue // °C, $15
		}
		syl, counted := 0, false
		for _, part := range strings.FieldsFunc(core, isHyphen) {
			if strings.ContainsFunc(part, unicode.IsDigit) || !strings.ContainsFunc(part, unicode.IsLetter) {
				continue
			}
			counted = true
			if l.syllables != nil {
				syl += l.wordSyllables(part)
			}
		}
		if !counted {
			continue
		}
		start := t[0] + lead
		out = append(out, Word{Text: core, Start: start, End: start + len(core), Syllables: syl})
	}
	return out
}

// wordSyllables counts one part of a word; an all-capital abbreviation
// without vowels (PDF, TV) is spoken letter by letter.
func (l *Language) wordSyllables(part string) int {
	if len(part) >= 2 && strings.ToUpper(part) == part && !strings.ContainsAny(strings.ToLower(part), "aeiouyáéíóú") {
		n := 0
		for _, r := range part {
			if r == 'W' {
				n += 3
			} else if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	return l.syllables(part)
}

// tokens splits text at white space, dashes and slashes between words,
// returning byte ranges. Slashes inside URLs are kept.
func tokens(text string) [][2]int {
	var out [][2]int
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, [2]int{start, end})
		}
		start = -1
	}
	for i, r := range text {
		switch {
		case unicode.IsSpace(r) || r == '—' || r == '–':
			flush(i)
		case r == '/' && start >= 0 && !strings.Contains(text[start:i], ":") && !strings.Contains(text[start:i], "."):
			flush(i) // and/or, wet/dirty; not https://a.org/b
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(text))
	return out
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isOpener reports punctuation that may come before a word.
func isOpener(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("°$€£%#+&@", r)
}

var urlRE = regexp.MustCompile(`(?i)^[("'“‘<\[]*(([a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|([a-z0-9-]+\.)+(com|org|net|gov|edu|info|health|us|uk|ca|es|mx|io|example)(/\S*)?)[)"'”’>\].,;:!?]*$`)

// isURL reports whether a token is a web or e-mail address.
func isURL(tok string) bool { return urlRE.MatchString(tok) }
