package paint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"handout/internal/pdf"
	"handout/internal/typeset"
)

// tagger makes the PDF a tagged one while the pages are painted: every
// item goes into a marked-content sequence, either content of a structure
// element (with an MCID) or an artifact, and what each element owns is
// recorded so that finish can write the structure tree.
type tagger struct {
	doc     *pdf.Document
	nodes   []typeset.Node
	pos     []int     // node id -> index into nodes plus one; 0 for none
	refs    []pdf.Ref // each node's StructElem, by index
	marks   []mark    // every element's content, in painting order
	owned   [][]mark  // each node's content, by index: marks sorted out by finish
	alt     []string  // a Figure's alt text, by index
	lang    []string  // an element's language where it differs from the document's
	label   []string  // a list's first label text, by index of the L
	docLang string    // the language of this handout's elements unless they say otherwise
	doc1    *docTags
	elem    pdf.StructElem // the element being written, reused

	// the page being painted
	pageRef  pdf.Ref
	pageKey  int
	pageIdx  int
	mcids    pdf.Refs // the page's ParentTree array: the element of each MCID
	from     []typeset.Origin
	open     seqKey // the marked-content sequence now open
	thPage   map[int]int
	links    []*typeset.Link // the page's link areas, whose text is read inside them
	logical  int             // the logical page of the current item
	fromLeft int             // items left in the current stretch of from
}

// mark is one piece of an element's content: an MCID on a page, or a
// link annotation (OBJR).
type mark struct {
	node    int // the element's index into nodes
	order   int // logical page, then painting order
	seq     int
	page    pdf.Ref
	mcid    int
	annot   pdf.Ref
	isAnnot bool
}

// seqKey says what a marked-content sequence is for, so consecutive items
// of the same element share one sequence.
type seqKey struct {
	node     int    // node id, 0 for an artifact
	artifact string // the artifact's kind ("Header", "Footer", "Layout", "Page")
}

// docTags is what the tagging of one PDF shares across the handouts of a
// print job: the ParentTree and the top of the structure tree.
type docTags struct {
	doc     *pdf.Document
	nums    []parentEntry // ParentTree entries
	nextKey int
	seq     int       // painting order, to merge an element's content with its children
	top     pdf.Ref   // the Document element
	kids    pdf.Array // its kids: each handout's elements, or a Part per handout
}

func newDocTags(d *pdf.Document) *docTags { return &docTags{doc: d, top: d.Alloc()} }

func newTagger(shared *docTags, doc *typeset.Document, lang string) *tagger {
	d := shared.doc
	n := len(doc.Nodes)
	maxID := 0
	for _, nd := range doc.Nodes {
		maxID = max(maxID, nd.ID)
	}
	t := &tagger{doc: d, nodes: doc.Nodes, pos: make([]int, maxID+1), refs: make([]pdf.Ref, n),
		alt: make([]string, n), lang: make([]string, n), label: make([]string, n),
		docLang: lang, thPage: map[int]int{}, doc1: shared}
	for i, nd := range doc.Nodes {
		t.pos[nd.ID] = i + 1
		t.refs[i] = d.Alloc()
		// what the typesetter knows of an element without a picture or
		// text to carry it (a QR code's description, a tagline's language)
		t.alt[i] = nd.Alt
		if nd.Lang != "" && nd.Lang != lang {
			t.lang[i] = nd.Lang
		}
	}
	return t
}

// at is the index into nodes of the node with the given id.
func (t *tagger) at(id int) (int, bool) {
	if id <= 0 || id >= len(t.pos) || t.pos[id] == 0 {
		return 0, false
	}
	return t.pos[id] - 1, true
}

// beginPage starts tagging a page: its key in the ParentTree.
func (t *tagger) beginPage(pg *pdf.Page, tp *typeset.Page, idx int) {
	t.pageRef, t.pageIdx = pg.Ref(), idx
	t.mcids = nil
	t.open = seqKey{}
	t.from = tp.From
	t.fromLeft = 0
	t.logical = idx
	t.links = t.links[:0]
	for _, it := range tp.Items {
		if l, ok := it.(*typeset.Link); ok {
			t.links = append(t.links, l)
		}
	}
	t.pageKey = t.doc1.nextKey
	t.doc1.nextKey++
	pg.Set("StructParents", pdf.Int(t.pageKey))
}

// endPage closes what is open and records the page's MCIDs.
func (t *tagger) endPage(c *pdf.Content) {
	t.close(c)
	t.doc1.nums = append(t.doc1.nums, parentEntry{t.pageKey, t.mcids})
}

// parentEntry is one entry of the ParentTree: a page's elements by MCID,
// or an annotation's element.
type parentEntry struct {
	key int
	val pdf.Object
}

// advance keeps track of the logical page an imposed sheet's item comes
// from.
func (t *tagger) advance() {
	for t.fromLeft == 0 && len(t.from) > 0 {
		t.logical, t.fromLeft = t.from[0].Page, t.from[0].Items
		t.from = t.from[1:]
	}
	if t.fromLeft > 0 {
		t.fromLeft--
	}
}

// enter opens the marked-content sequence item it belongs in, unless it
// is already open. Items that paint nothing must not come here.
func (t *tagger) enter(c *pdf.Content, it typeset.Item, tp *typeset.Page) {
	t.begin(c, t.keyOf(it, tp))
}

// begin opens the marked-content sequence of key, unless it is open.
func (t *tagger) begin(c *pdf.Content, key seqKey) {
	if key == t.open {
		return
	}
	t.close(c)
	t.open = key
	if key.node == 0 {
		beginArtifact(c, key.artifact)
		return
	}
	i, _ := t.at(key.node)
	c.BeginMCID(tagName(t.nodes[i].Kind), t.newMCID(i))
}

// newMCID gives the element at index i one more piece of content on
// this page.
func (t *tagger) newMCID(i int) int {
	mcid := len(t.mcids)
	t.mcids = append(t.mcids, t.refs[i])
	t.doc1.seq++
	t.marks = append(t.marks, mark{node: i, order: t.logical, seq: t.doc1.seq, page: t.pageRef, mcid: mcid})
	return mcid
}

// spans tags a text run whose glyphs carry ActualText spans (see
// extract.go) and returns how to mark up its n glyphs: every stretch of
// the run becomes a marked-content sequence of the element's own, each
// span a Span with ActualText, all inside the run's text object. The
// element's sequence is not opened around the run: a structure sequence
// must not hold another (PDF 32000-1, 14.7.4.2), and poppler's reading of
// an element stops at the first EMC inside it, nested or not.
func (t *tagger) spans(c *pdf.Content, key seqKey, actual []pdf.ActualText, n int, out []pdf.ActualText) []pdf.ActualText {
	i, _ := t.at(key.node)
	tag := tagName(t.nodes[i].Kind)
	t.close(c)
	at := 0
	for _, a := range actual {
		if a.From > at {
			out = append(out, pdf.ActualText{From: at, To: a.From, Tag: tag, MCID: t.newMCID(i)})
		}
		out = append(out, pdf.ActualText{From: a.From, To: a.To, Text: a.Text, Tag: "Span", MCID: t.newMCID(i)})
		at = a.To
	}
	if at < n {
		out = append(out, pdf.ActualText{From: at, To: n, Tag: tag, MCID: t.newMCID(i)})
	}
	return out
}

// close ends the open marked-content sequence, if any.
func (t *tagger) close(c *pdf.Content) {
	if t.open != (seqKey{}) {
		c.EndMarked()
		t.open = seqKey{}
	}
}

func beginArtifact(c *pdf.Content, kind string) {
	switch kind {
	case "Header", "Footer":
		c.BeginArtifact("Pagination", pdf.Name(kind))
	case "Page":
		c.BeginArtifact("Page", "")
	default:
		c.BeginArtifact("Layout", "")
	}
}

// keyOf decides where an item's content belongs and records what the
// structure tree needs from it (alt text, language, list labels).
func (t *tagger) keyOf(it typeset.Item, tp *typeset.Page) seqKey {
	var r typeset.Role
	var y float64
	switch v := it.(type) {
	case *typeset.Text:
		r, y = v.Role, v.Y
		if i, ok := t.at(r.Block); ok {
			if v.Lang != "" && v.Lang != t.docLang && t.lang[i] == "" {
				t.lang[i] = v.Lang
			}
			if r.Kind == typeset.Lbl {
				t.noteLabel(r, v.Text)
			}
		}
	case *typeset.Picture:
		r, y = v.Role, v.Y+v.H/2
		if i, ok := t.at(r.Block); ok && r.Kind == typeset.Figure && v.Alt != "" {
			t.alt[i] = v.Alt
		}
	case *typeset.Rect:
		r, y = v.Role, v.Y+v.H/2
	case *typeset.Rule:
		r, y = v.Role, (v.Y1+v.Y2)/2
		if outsideTrim(v, tp) {
			return seqKey{artifact: "Page"}
		}
	}
	if _, ok := t.at(r.Block); !ok || r.Kind == typeset.Artifact {
		if r.Parent != 0 {
			return seqKey{artifact: "Layout"}
		}
		return seqKey{artifact: chromeKind(y, tp)}
	}
	if r.Kind == typeset.TH {
		// a header row repeated on a later page is read once, where it
		// first appears
		if first, seen := t.thPage[r.Block]; seen && first != t.pageIdx {
			return seqKey{artifact: "Layout"}
		}
		t.thPage[r.Block] = t.pageIdx
	}
	if v, ok := it.(*typeset.Text); ok {
		if l := t.linkOver(v); l != 0 {
			return seqKey{node: l}
		}
	}
	return seqKey{node: r.Block}
}

// linkOver is the Link element whose area holds the text run (all of it
// but a trailing space, which the area leaves out), so that a link's words
// are read inside the Link; 0 when none does.
func (t *tagger) linkOver(v *typeset.Text) int {
	const slack = 0.5
	for _, l := range t.links {
		overlap := min(v.X+v.Width, l.X+l.W) - max(v.X, l.X)
		if l.Role.Parent == v.Role.Block && v.X >= l.X-slack && overlap >= 0.8*v.Width &&
			v.Y >= l.Y-slack && v.Y <= l.Y+l.H+slack {
			if _, ok := t.at(l.Role.Block); ok {
				return l.Role.Block
			}
		}
	}
	return 0
}

// noteLabel keeps the first label of a list, which says how it is numbered.
func (t *tagger) noteLabel(r typeset.Role, text string) {
	li, ok := t.at(r.Parent)
	if !ok {
		return
	}
	l, ok := t.at(t.nodes[li].Parent)
	if ok && t.label[l] == "" {
		t.label[l] = text
	}
}

// chromeKind tells a running header from a footer by where it sits.
func chromeKind(y float64, tp *typeset.Page) string {
	top, h := 0.0, tp.Height
	if !tp.Trim.IsZero() {
		top, h = tp.Trim.Y, tp.Trim.H
	}
	switch {
	case y < top+h/3:
		return "Header"
	case y > top+2*h/3:
		return "Footer"
	}
	return "Layout"
}

// outsideTrim reports whether a rule lies wholly outside the trim box: a
// crop mark.
func outsideTrim(v *typeset.Rule, tp *typeset.Page) bool {
	b := tp.Trim
	if b.IsZero() {
		return false
	}
	in := func(x, y float64) bool { return x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H }
	return !in(v.X1, v.Y1) && !in(v.X2, v.Y2)
}

// link adds a link annotation as the content of its Link element.
func (t *tagger) link(pg *pdf.Page, v *typeset.Link, r pdf.Rect) {
	i, ok := t.at(v.Role.Block)
	if !ok {
		pg.Link(r, v.URL, linkContents(v))
		return
	}
	key := t.doc1.nextKey
	t.doc1.nextKey++
	ref := pg.TaggedLink(r, v.URL, linkContents(v), key)
	t.doc1.nums = append(t.doc1.nums, parentEntry{key, t.refs[i]})
	t.doc1.seq++
	t.marks = append(t.marks, mark{node: i, order: t.logical, seq: t.doc1.seq, page: t.pageRef, annot: ref, isAnnot: true})
}

// tagName is the standard structure type a role is tagged as.
func tagName(k typeset.RoleKind) pdf.Name {
	switch k {
	case typeset.Note:
		return "Div"
	case typeset.NoteTitle:
		return "Strong"
	case typeset.Credits:
		return "P"
	case typeset.LinkArea:
		return "Link"
	}
	return pdf.Name(k.String())
}

// numbering is a list's /ListNumbering from its first label.
func numbering(label string) pdf.Name {
	r, _ := utf8.DecodeRuneInString(label)
	switch {
	case label == "":
		return ""
	case unicode.IsDigit(r):
		return "Decimal"
	case unicode.IsLower(r):
		return "LowerAlpha"
	case unicode.IsUpper(r):
		return "UpperAlpha"
	}
	return "Disc"
}

// linkContents is a link annotation's /Contents, its description for
// screen readers and for a viewer's tooltip: the words the link covers on
// this line, or its address where the words are not known.
func linkContents(v *typeset.Link) string {
	t := strings.TrimSpace(v.Text)
	if t == "" {
		return v.URL
	}
	if len(t) > maxLinkContents {
		// every area of a link carries its words: a link of a thousand
		// lines must not write its text a thousand times over
		cut := maxLinkContents
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut] + "…"
	}
	return t
}

// maxLinkContents bounds a link annotation's description, in bytes: a
// few sentences, more than any link's words that a reader would want
// announced.
const maxLinkContents = 400
