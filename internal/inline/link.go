package inline

import (
	"unicode"
	"unicode/utf8"
)

// openBracket records the '[' at i as a possible link opener.
func (p *parser) openBracket(i int) {
	p.nodes = append(p.nodes, node{kind: bracketNode, lo: i, hi: i + 1, off: i})
	p.brackets = append(p.brackets, bracket{node: len(p.nodes) - 1, bottom: p.tail})
}

// closeBracket handles the ']' at i: with the nearest '[' and a "(url)"
// right after, it closes a link; otherwise both print as written. It
// returns where scanning resumes.
func (p *parser) closeBracket(i int) int {
	top := len(p.brackets) - 1
	if top < 0 {
		p.addText(i, i+1, i)
		return i + 1
	}
	b := p.brackets[top]
	active := top >= p.floor
	p.brackets = p.brackets[:top]
	p.floor = min(p.floor, top)
	// Empty link text would make an invisible link: print it as written so
	// the author sees the mistake.
	if !active || b.node == len(p.nodes)-1 {
		p.addText(i, i+1, i)
		return i + 1
	}
	lo, hi, ok := p.linkDest(i + 1)
	if !ok {
		p.addText(i, i+1, i)
		return i + 1
	}
	p.processEmphasis(b.bottom)
	start := &p.nodes[b.node]
	start.kind, start.lo, start.hi = linkStartNode, lo, hi
	p.nodes = append(p.nodes, node{kind: linkEndNode, lo: i, hi: hi + 1, off: i})
	// Links do not nest: every '[' still open is now inactive.
	p.floor = len(p.brackets)
	return hi + 1
}

// linkDest reads the "(url)" starting at s[j] and returns the URL's bounds
// s[lo:hi], hi being the closing ')'. The URL is taken literally; it must be
// non-empty, may hold balanced parentheses (Wikipedia links do) and no
// whitespace or control characters.
func (p *parser) linkDest(j int) (lo, hi int, ok bool) {
	s := p.s
	if j >= len(s) || s[j] != '(' {
		return 0, 0, false
	}
	lo = j + 1
	// A failed scan can reread text later scans read again, so input built
	// of many "](" could cost quadratic time; past a linear budget of
	// rereading, switch to a table built in one pass.
	if p.parens == nil && p.scanned <= 2*len(s)+64 {
		hi, ok = scanDest(s, lo)
		p.scanned += hi - lo
		return lo, hi, ok
	}
	if p.parens == nil {
		p.parens = newParenTable(s)
	}
	hi, ok = p.parens.dest(j)
	return lo, hi, ok
}

// scanDest scans a URL starting at s[lo] for its closing ')'. It returns the
// position of that ')' and true, or where the scan stopped and false.
func scanDest(s string, lo int) (int, bool) {
	depth := 0
	for k := lo; k < len(s); {
		c := s[k]
		switch {
		case c == ')':
			if depth == 0 {
				return k, k > lo
			}
			depth--
		case c == '(':
			depth++
		case c < utf8.RuneSelf:
			if badURLByte(c) {
				return k, false
			}
		default:
			r, size := utf8.DecodeRuneInString(s[k:])
			if unicode.IsSpace(r) {
				return k, false
			}
			k += size
			continue
		}
		k++
	}
	return len(s), false
}

// badURLByte reports whether an ASCII byte cannot appear in a URL: spaces
// and control characters.
func badURLByte(c byte) bool { return c <= ' ' || c == 0x7f }

// parenTable answers scanDest's question for every '(' at once.
type parenTable struct {
	match   []int // for a '(' the index of its ')', else -1
	nextBad []int // index of the first byte at or after i that ends a URL
}

func newParenTable(s string) *parenTable {
	t := &parenTable{match: make([]int, len(s)), nextBad: make([]int, len(s)+1)}
	var open []int
	for i := 0; i < len(s); i++ {
		t.match[i] = -1
		switch s[i] {
		case '(':
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				t.match[open[n-1]] = i
				open = open[:n-1]
			}
		}
	}
	bad := len(s)
	t.nextBad[len(s)] = bad
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if badURLByte(c) {
				bad = i
			}
		case utf8.RuneStart(c):
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				bad = i
			}
		}
		t.nextBad[i] = bad
	}
	return t
}

// dest is scanDest for the URL after the '(' at j.
func (t *parenTable) dest(j int) (int, bool) {
	m := t.match[j]
	if m < 0 {
		return 0, false
	}
	return m, m > j+1 && t.nextBad[j+1] >= m
}
