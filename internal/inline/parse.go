package inline

import (
	"slices"

	"handout/internal/suggest"
)

// Parse splits s into styled spans. known decides which placeholder names
// exist; a nil known accepts every well-formed name. The first problem found
// is returned as an *Error and no spans.
func Parse(s string, known func(name string) bool) ([]Span, error) {
	p := parser{s: s, known: known}
	return p.parse()
}

// ParseNames is Parse with the known placeholders given as a list, which
// lets an unknown name's error suggest the closest known one. An empty list
// means no placeholder is known.
func ParseNames(s string, names []string) ([]Span, error) {
	p := parser{s: s, names: names, haveNames: true}
	return p.parse()
}

// nodeKind tells what a node of the parse list stands for.
type nodeKind uint8

const (
	textNode        nodeKind = iota // literal text s[lo:hi]
	starNode                        // a run of '*' s[lo:hi]; what no emphasis used prints
	bracketNode                     // a '[' that has not (yet) opened a link; prints as "["
	linkStartNode                   // a '[' that opened a link to s[lo:hi]
	linkEndNode                     // the "](url)" that closed a link
	placeholderNode                 // a placeholder named s[lo:hi]
)

// node is one element of the flat list the scanner builds. Emphasis never
// restructures the list: a match only records where a style starts and
// stops, and the spans are read off in one pass at the end.
type node struct {
	kind   nodeKind
	lo, hi int // the node's bytes in s, as described by kind
	off    int // where the node starts in s (before an escape's backslash)

	// For a starNode: lead delimiters were used from the front as a closer
	// and n are still unused; the unused ones print at s[lo+lead:][:n].
	lead, n int

	// Style depth changes taking effect at this node: an emphasis covering
	// nodes [a, b) adds one at a and removes one at b.
	bold, italic int32
}

// delim is an entry of the delimiter stack, a linked list (indices into
// parser.delims, -1 for none) of the '*' runs that may still open or close.
// Indices grow with position in s, which the emphasis search relies on.
type delim struct {
	node       int
	prev, next int
	orig       int // length of the run as written, for the rule of three
	canOpen    bool
	canClose   bool
}

// bracket is an entry of the stack of '[' that may still open a link.
type bracket struct {
	node   int // the bracketNode
	bottom int // last delimiter below the '[', which bounds its emphasis
}

// parser holds the state of one Parse call.
type parser struct {
	s         string
	known     func(string) bool
	names     []string
	haveNames bool

	nodes      []node
	delims     []delim
	head, tail int

	brackets []bracket
	// Brackets below floor are inactive: a link closed above them, and
	// links do not nest.
	floor int

	// Links normally find their ")" by a direct scan; scanned counts the
	// bytes those scans read, and parens takes over once that count shows
	// an input built to make the scans quadratic.
	scanned int
	parens  *parenTable
}

func (p *parser) isKnown(name string) bool {
	if p.haveNames {
		return slices.Contains(p.names, name)
	}
	return p.known == nil || p.known(name)
}

func (p *parser) parse() ([]Span, error) {
	p.head, p.tail = -1, -1
	p.reserve()
	if err := p.scan(); err != nil {
		return nil, err
	}
	p.processEmphasis(-1)
	return p.spans(), nil
}

// reserve sizes the working lists from a count of the markup bytes, so a
// typical paragraph allocates each list once instead of growing it.
func (p *parser) reserve() {
	specials, runs, opens := 0, 0, 0
	prev := byte(0)
	for i := 0; i < len(p.s); i++ {
		c := p.s[i]
		if special(c) {
			specials++
			switch {
			case c == '*' && prev != '*':
				runs++
			case c == '[':
				opens++
			}
		}
		prev = c
	}
	// Each markup byte adds at most one node and ends at most one text node.
	p.nodes = make([]node, 0, 2*specials+1)
	if runs > 0 {
		p.delims = make([]delim, 0, runs)
	}
	if opens > 0 {
		p.brackets = make([]bracket, 0, opens)
	}
}

// special reports whether c may start markup.
func special(c byte) bool {
	switch c {
	case '*', '[', ']', '\\', '{', '}':
		return true
	}
	return false
}

// escapable reports whether a backslash before c makes c literal: exactly
// the markup bytes, so any of them can be written literally.
func escapable(c byte) bool { return special(c) }

// scan walks s once, turning it into nodes while pairing brackets into links
// as each ']' arrives, as CommonMark does; emphasis is settled inside each
// link when it closes and over the whole string at the end.
func (p *parser) scan() error {
	s := p.s
	start := 0 // first byte of the pending plain text
	i := 0
	for i < len(s) {
		c := s[i]
		if !special(c) || c == '\\' && (i+1 == len(s) || !escapable(s[i+1])) {
			i++
			continue
		}
		p.addText(start, i, start)
		switch c {
		case '*':
			j := i + 1
			for j < len(s) && s[j] == '*' {
				j++
			}
			p.addStars(i, j)
			i = j
		case '[':
			p.openBracket(i)
			i++
		case ']':
			i = p.closeBracket(i)
		case '\\':
			p.addText(i+1, i+2, i)
			i += 2
		case '{':
			j, err := p.openBrace(i)
			if err != nil {
				return err
			}
			i = j
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				p.addText(i, i+1, i)
				i += 2
				break
			}
			return &Error{Offset: i, Msg: msgUnmatchedClose}
		}
		start = i
	}
	p.addText(start, len(s), start)
	return nil
}

// addText appends the literal text s[lo:hi], which the source spells from off.
func (p *parser) addText(lo, hi, off int) {
	if lo < hi {
		p.nodes = append(p.nodes, node{kind: textNode, lo: lo, hi: hi, off: off})
	}
}

// openBrace handles the '{' at i: a doubled brace or a placeholder. It
// returns where scanning resumes.
func (p *parser) openBrace(i int) (int, error) {
	s := p.s
	if i+1 < len(s) && s[i+1] == '{' {
		p.addText(i, i+1, i)
		return i + 2, nil
	}
	j := i + 1
	if j < len(s) && isLower(s[j]) {
		for j++; j < len(s) && isNameByte(s[j]); j++ {
		}
		if j < len(s) && s[j] == '}' {
			name := s[i+1 : j]
			if !p.isKnown(name) {
				e := &Error{Offset: i, Msg: "unknown placeholder {" + name + "}"}
				if p.haveNames {
					e.Hint = unknownHint(name, p.names)
				}
				return 0, e
			}
			p.nodes = append(p.nodes, node{kind: placeholderNode, lo: i + 1, hi: j, off: i})
			return j + 1, nil
		}
	}
	return 0, &Error{Offset: i, Msg: msgUnmatchedOpen, Hint: p.openHint(i)}
}

// maxGuess bounds how far past a bad '{' the hint looks for its '}'.
const maxGuess = 40

// openHint explains a '{' that starts no placeholder when it looks like an
// attempt at one ("{Phone}", "{first name}"); otherwise the message says it all.
func (p *parser) openHint(i int) string {
	s := p.s
	end := min(len(s), i+1+maxGuess)
	for k := i + 1; k < end; k++ {
		switch s[k] {
		case '{', '\n':
			return ""
		case '}':
			g := guessName(s[i+1 : k])
			switch {
			case g == "":
			case p.isKnown(g):
				return "did you mean {" + g + "}?"
			case p.haveNames:
				if best := suggest.Closest(g, p.names); best != "" {
					return "did you mean {" + best + "}?"
				}
			}
			return hintNameForm
		}
	}
	return ""
}
