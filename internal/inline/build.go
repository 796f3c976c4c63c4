package inline

// spans reads the final spans off the node list, applying the style depth
// changes emphasis recorded and merging neighbours that look alike.
func (p *parser) spans() []Span {
	// Spans are fewer than nodes; a guess near a paragraph's count saves
	// regrowth without holding much spare room for long strings.
	b := spanBuilder{s: p.s, spans: make([]Span, 0, min(len(p.nodes)/2+4, 64))}
	var bold, italic int32
	link := ""
	for i := range p.nodes {
		n := &p.nodes[i]
		bold += n.bold
		italic += n.italic
		var st Style
		if bold > 0 {
			st |= Bold
		}
		if italic > 0 {
			st |= Italic
		}
		switch n.kind {
		case textNode, bracketNode:
			b.text(n.lo, n.hi, n.off, st, link)
		case starNode:
			if n.n > 0 {
				lo := n.lo + n.lead
				b.text(lo, lo+n.n, lo, st, link)
			}
		case linkStartNode:
			link = p.s[n.lo:n.hi]
		case linkEndNode:
			link = ""
		case placeholderNode:
			b.flush()
			b.spans = append(b.spans, Span{Placeholder: p.s[n.lo:n.hi], Style: st, Link: link, Offset: n.off})
		}
	}
	b.flush()
	return b.spans
}

// spanBuilder merges consecutive text of one style and link into a span.
// Text that is contiguous in the source stays a substring of it; only text
// split by escapes or doubled braces is copied.
type spanBuilder struct {
	s       string
	spans   []Span
	pending bool
	cur     Span
	lo, hi  int    // the pending text while it is contiguous in s
	buf     []byte // the pending text once it is not
	inBuf   bool
}

func (b *spanBuilder) text(lo, hi, off int, st Style, link string) {
	if b.pending && b.cur.Style == st && b.cur.Link == link {
		switch {
		case b.inBuf:
			b.buf = append(b.buf, b.s[lo:hi]...)
		case lo == b.hi:
			b.hi = hi
		default:
			b.buf = append(append(b.buf[:0], b.s[b.lo:b.hi]...), b.s[lo:hi]...)
			b.inBuf = true
		}
		return
	}
	b.flush()
	b.pending = true
	b.cur = Span{Style: st, Link: link, Offset: off}
	b.lo, b.hi = lo, hi
}

func (b *spanBuilder) flush() {
	if !b.pending {
		return
	}
	if b.inBuf {
		b.cur.Text = string(b.buf)
	} else {
		b.cur.Text = b.s[b.lo:b.hi]
	}
	b.spans = append(b.spans, b.cur)
	b.pending, b.inBuf = false, false
}
