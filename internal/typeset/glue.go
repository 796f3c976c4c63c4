package typeset

import (
	"strings"
)

// This file adjusts the words the line breaker chooses among, for text
// whose breaks follow rules of their own: web addresses and headlines.

// wordText is the text a word prints.
func wordText(w word) string {
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// joinWords makes one unbreakable word of a and b, keeping the space
// between them when gap is set.
func (ts *typesetter) joinWords(a, b word, gap bool) word {
	out := word{pieces: append([]piece(nil), a.pieces...), width: a.width, space: b.space, hyphen: b.hyphen, url: a.url || b.url}
	if gap && a.space > 0 && len(a.pieces) > 0 {
		last := a.pieces[len(a.pieces)-1]
		sh, w := ts.shape(last.face, last.size, " ")
		out.pieces = append(out.pieces, piece{text: " ", face: last.face, size: last.size, color: last.color, link: last.link, shaped: sh, width: w})
		out.width += w
	}
	out.pieces = append(out.pieces, b.pieces...)
	out.width += b.width
	return out
}

// urlStart reports whether a word begins a web address.
func urlStart(s string) bool {
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// urlBreakAfter are the characters a web address may break after.
const urlBreakAfter = "/.-?&"

// markURLs finds web addresses among the words and cuts each one again
// so that it breaks only after / . - ? or &, never inside the scheme, and
// never with a hyphen: a reader types what is printed.
func (ts *typesetter) markURLs(words []word) []word {
	var out []word
	for i := 0; i < len(words); i++ {
		if !urlStart(wordText(words[i])) {
			out = append(out, words[i])
			continue
		}
		u := words[i]
		for i+1 < len(words) && u.space == 0 && !strings.HasPrefix(wordText(words[i+1]), "(") {
			i++
			u = ts.joinWords(u, words[i], false)
		}
		u.url, u.hyphen = true, 0
		out = append(out, ts.cutURL(u)...)
	}
	return out
}

// cutURL splits one web address at its break opportunities.
func (ts *typesetter) cutURL(u word) []word {
	text := wordText(u)
	scheme := 0
	if k := strings.Index(text, "://"); k >= 0 {
		scheme = k + 3
	}
	var at []int
	for i := scheme; i < len(text)-1; i++ {
		if strings.IndexByte(urlBreakAfter, text[i]) >= 0 && strings.IndexByte(urlBreakAfter, text[i+1]) < 0 {
			at = append(at, i+1)
		}
	}
	// a sentence's closing punctuation stays with the address
	for len(at) > 0 && strings.Trim(text[at[len(at)-1]:], ".,;:!?)") == "" {
		at = at[:len(at)-1]
	}
	if len(at) == 0 {
		return []word{u}
	}
	out := ts.cutWord(u, at)
	for k := range out {
		out[k].url = true
	}
	return out
}

// cutWord splits a word at byte offsets of its text into words with no
// space between them; the last keeps the word's space.
func (ts *typesetter) cutWord(w word, at []int) []word {
	var out []word
	var cur word
	pos := 0 // byte offset of the current piece's start in the word
	next := 0
	for _, p := range w.pieces {
		start := 0
		for next < len(at) && at[next] < pos+len(p.text) {
			cut := at[next] - pos
			if cut > start {
				cur = ts.withPiece(cur, p, p.text[start:cut])
			}
			out = append(out, cur)
			cur = word{}
			start = cut
			next++
		}
		if start < len(p.text) {
			cur = ts.withPiece(cur, p, p.text[start:])
		}
		pos += len(p.text)
	}
	cur.space, cur.hyphen = w.space, w.hyphen
	return append(out, cur)
}

// withPiece appends text in p's look to w, measuring it again.
func (ts *typesetter) withPiece(w word, p piece, text string) word {
	np := p
	np.text = text
	np.shaped, np.width = ts.shape(p.face, p.size, text)
	w.pieces = append(w.pieces, np)
	w.width += np.width
	return w
}

// holdsURL reports whether a line holds part of a web address: such a
// line is set ragged in justified text, since stretching the spaces
// around an address that could not break reads as a gap in it.
func holdsURL(ws []word) bool {
	for _, w := range ws {
		if w.url {
			return true
		}
	}
	return false
}

// headline prepares a title's or heading's words: it never breaks at a
// hyphen ("follow- / up visit"), keeps a parenthesised phrase on one line
// where that costs no extra line, and returns the narrowest width that
// sets the words in as few lines as the full width does, so the lines come
// out balanced and the last one never holds a lonely word.
func (ts *typesetter) headline(words []word, width float64) ([]word, float64) {
	words = ts.glueHyphens(words, width)
	n := len(breakLines(words, width))
	if kept := ts.glueParens(words, width); len(kept) < len(words) && len(breakLines(kept, width)) <= n {
		words = kept
	}
	if n <= 1 {
		return words, width
	}
	lo := 0.0
	for _, w := range words {
		lo = max(lo, w.width+w.hyphen)
	}
	hi := width
	for hi-lo > 0.25 {
		mid := (lo + hi) / 2
		if len(breakLines(words, mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return words, hi
}

// glueHyphens joins a word that ends in a hyphen to the next, while the
// pair still fits the line.
func (ts *typesetter) glueHyphens(words []word, width float64) []word {
	var out []word
	for _, w := range words {
		if k := len(out); k > 0 && out[k-1].space == 0 && endsInHyphen(wordText(out[k-1])) && out[k-1].width+w.width <= width {
			out[k-1] = ts.joinWords(out[k-1], w, false)
			continue
		}
		out = append(out, w)
	}
	return out
}

func endsInHyphen(s string) bool {
	return strings.HasSuffix(s, "-") || strings.HasSuffix(s, "\u2010")
}

// glueParens joins the words of each parenthesised phrase that fits on a
// line into one.
func (ts *typesetter) glueParens(words []word, width float64) []word {
	var out []word
	for i := 0; i < len(words); i++ {
		if !strings.HasPrefix(wordText(words[i]), "(") {
			out = append(out, words[i])
			continue
		}
		j := i
		for j < len(words)-1 && !strings.Contains(wordText(words[j]), ")") {
			j++
		}
		g := words[i]
		for k := i + 1; k <= j; k++ {
			g = ts.joinWords(g, words[k], true)
		}
		if g.width > width {
			out = append(out, words[i])
			continue
		}
		out = append(out, g)
		i = j
	}
	return out
}
