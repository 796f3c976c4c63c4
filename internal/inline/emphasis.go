package inline

import (
	"unicode"
	"unicode/utf8"
)

// addStars records the run of '*' at s[i:j] as a node and, when it can open
// or close emphasis, as a delimiter.
func (p *parser) addStars(i, j int) {
	s := p.s
	// The start and end of the string count as whitespace, as in CommonMark.
	canClose := false
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		canClose = !unicode.IsSpace(r)
	}
	canOpen := false
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		canOpen = !unicode.IsSpace(r)
	}
	p.nodes = append(p.nodes, node{kind: starNode, lo: i, hi: j, off: i, n: j - i})
	if !canOpen && !canClose {
		return
	}
	p.delims = append(p.delims, delim{
		node: len(p.nodes) - 1, prev: p.tail, next: -1,
		orig: j - i, canOpen: canOpen, canClose: canClose,
	})
	d := len(p.delims) - 1
	if p.tail >= 0 {
		p.delims[p.tail].next = d
	} else {
		p.head = d
	}
	p.tail = d
}

// processEmphasis pairs the delimiters above bottom (a delimiter index, or -1
// for all) following CommonMark's "process emphasis" procedure, then drops
// them from the stack: whatever did not pair prints as written.
func (p *parser) processEmphasis(bottom int) {
	// openersBottom[k] is the delimiter at or below which no opener exists
	// for closers of kind k (run length mod 3, and whether the closer can
	// also open). It keeps the search linear on long runs of unmatched
	// delimiters. Delimiter indices grow with position, so comparing them
	// stays right even after the remembered delimiter is removed.
	var openersBottom [6]int
	for k := range openersBottom {
		openersBottom[k] = bottom
	}
	cur := p.head
	if bottom >= 0 {
		cur = p.delims[bottom].next
	}
	for cur >= 0 {
		c := &p.delims[cur]
		if !c.canClose {
			cur = c.next
			continue
		}
		key := c.orig % 3
		if c.canOpen {
			key += 3
		}
		o := c.prev
		for o > openersBottom[key] {
			od := &p.delims[o]
			if od.canOpen && !oddMatch(od, c) {
				break
			}
			o = od.prev
		}
		if o <= openersBottom[key] {
			openersBottom[key] = c.prev
			next := c.next
			if !c.canOpen {
				p.remove(cur)
			}
			cur = next
			continue
		}
		p.match(o, cur)
		if p.nodes[c.node].n == 0 {
			next := c.next
			p.remove(cur)
			cur = next
		}
	}
	if bottom < 0 {
		p.head, p.tail = -1, -1
	} else {
		p.delims[bottom].next = -1
		p.tail = bottom
	}
	// Every delimiter above bottom was pushed after it, so its index is
	// higher: the slice can shrink, and later delimiters reuse the room.
	p.delims = p.delims[:bottom+1]
}

// oddMatch is CommonMark's rule of three: when either run could both open
// and close, a pair whose lengths sum to a multiple of three does not match
// unless both are multiples of three. It is what keeps "*a**b*" one italic
// run instead of two.
func oddMatch(o, c *delim) bool {
	return (o.canClose || c.canOpen) &&
		(o.orig+c.orig)%3 == 0 &&
		(o.orig%3 != 0 || c.orig%3 != 0)
}

// match pairs opener o with closer c: strong when both have two delimiters
// left, otherwise emphasis. The opener gives up its innermost delimiters and
// the closer its first ones, so leftovers print outside the emphasis.
func (p *parser) match(o, c int) {
	od, cd := &p.delims[o], &p.delims[c]
	on, cn := &p.nodes[od.node], &p.nodes[cd.node]
	use := 1
	if on.n >= 2 && cn.n >= 2 {
		use = 2
	}
	on.n -= use
	cn.n -= use
	cn.lead += use
	from, to := od.node+1, cd.node
	if use == 2 {
		p.nodes[from].bold++
		p.nodes[to].bold--
	} else {
		p.nodes[from].italic++
		p.nodes[to].italic--
	}
	// Delimiters between the pair could only match across it: drop them.
	od.next = c
	cd.prev = o
	if on.n == 0 {
		p.remove(o)
	}
}

// remove unlinks delimiter d from the stack.
func (p *parser) remove(d int) {
	dd := &p.delims[d]
	if dd.prev >= 0 {
		p.delims[dd.prev].next = dd.next
	} else {
		p.head = dd.next
	}
	if dd.next >= 0 {
		p.delims[dd.next].prev = dd.prev
	} else {
		p.tail = dd.prev
	}
}
