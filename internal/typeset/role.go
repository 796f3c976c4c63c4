package typeset

// RoleKind is the structure role of an item, for tagging the PDF later:
// what a reader's assistive technology should announce it as.
type RoleKind uint8

// The roles. Artifact, the zero value, is page furniture that is not part
// of the content (headers, footers, rules, backgrounds, crop marks).
const (
	Artifact  RoleKind = iota
	H1                 // the leaflet's title
	H2                 // a section heading
	H3                 // a subheading
	P                  // a paragraph (also a subtitle or a line of contact details)
	L                  // a list
	LI                 // one item of a list
	Lbl                // a list item's marker
	LBody              // a list item's text
	Note               // a call-out box
	NoteTitle          // a call-out's title line
	Table              // a table
	TR                 // a table row
	TH                 // a header cell
	TD                 // a body cell
	Figure             // an image in the content
	Caption            // an image's caption
	LinkArea           // a clickable link area
	Credits            // a credit line (written by, last reviewed...)
)

var roleNames = [...]string{
	Artifact: "Artifact", H1: "H1", H2: "H2", H3: "H3", P: "P", L: "L", LI: "LI", Lbl: "Lbl",
	LBody: "LBody", Note: "Note", NoteTitle: "NoteTitle", Table: "Table", TR: "TR", TH: "TH",
	TD: "TD", Figure: "Figure", Caption: "Caption", LinkArea: "Link", Credits: "Credits",
}

// String names the role as in the PDF standard structure types where one
// exists ("H1", "LBody", "Link"...).
func (k RoleKind) String() string {
	if int(k) < len(roleNames) {
		return roleNames[k]
	}
	return "Role?"
}

// Role is an item's place in the document's structure. Block identifies the
// structure element the item belongs to: every piece of a paragraph split
// across lines, columns or pages has the same Block. Parent is the enclosing
// element (the list item around a label, the row around a cell). Block and
// Parent are ids into Document.Nodes; 0 means none.
type Role struct {
	Kind   RoleKind
	Block  int
	Parent int
}

// Node is one element of the structure tree, listed in Document.Nodes in
// reading order (a parent before its children), so that a tagger can build
// the tree including elements that own no item of their own (a list, a row).
type Node struct {
	ID     int
	Kind   RoleKind
	Parent int
	// Alt is the element's alternate description (a Figure drawn from
	// shapes, such as a QR code, has no Picture to carry one).
	Alt string
	// Lang is the element's language (BCP 47) when it differs from the
	// document's, as in a language-assistance tagline.
	Lang string
}

// open starts a structure element inside the current one and returns its
// role; the typesetter hands it to everything the element draws.
func (ts *typesetter) open(kind RoleKind) Role {
	id := len(ts.nodes) + 1
	ts.nodes = append(ts.nodes, Node{ID: id, Kind: kind, Parent: ts.parent, Lang: ts.otherLang})
	return Role{Kind: kind, Block: id, Parent: ts.parent}
}

// openFirst starts a top-level structure element read before everything
// else (the header image's Figure on the first page), however late it is
// laid out.
func (ts *typesetter) openFirst(kind RoleKind) Role {
	saved := ts.parent
	ts.parent = 0
	r := ts.open(kind)
	ts.parent = saved
	ts.first = append(ts.first, r.Block)
	return r
}

// readFirst puts the nodes whose ids are in first (a trifold's cover, the
// header image's Figure) before the others, keeping the order within each
// group. While the typesetter works, a node's index is its id minus one;
// only the finished Document.Nodes is in reading order.
func readFirst(nodes []Node, first []int) []Node {
	if len(first) == 0 {
		return nodes
	}
	lead := make(map[int]bool, len(first))
	for _, id := range first {
		lead[id] = true
	}
	out := make([]Node, 0, len(nodes))
	for _, n := range nodes {
		if lead[n.ID] {
			out = append(out, n)
		}
	}
	for _, n := range nodes {
		if !lead[n.ID] {
			out = append(out, n)
		}
	}
	return out
}

// headerFigure makes the first page's header image a Figure when the site
// describes it (header_alt); otherwise it stays an artifact. open makes
// its element: openFirst for running chrome laid out after the body.
func (ts *typesetter) headerFigure(items []Item, first bool, open func(RoleKind) Role) {
	alt := ts.in.Site.HeaderAlt
	if !first || alt == "" || len(items) == 0 {
		return
	}
	if pic, ok := items[0].(*Picture); ok {
		pic.Alt = alt
		pic.Role = open(Figure)
	}
}

// within runs fn with r as the enclosing element of what fn opens.
func (ts *typesetter) within(r Role, fn func()) {
	saved := ts.parent
	ts.parent = r.Block
	defer func() { ts.parent = saved }()
	fn()
}

// stamp gives every item of the lines the role r: text takes r itself, a
// link area becomes a Link element inside r, and link underlines are
// artifacts of r.
func (ts *typesetter) stamp(lines []line, r Role) []line {
	for _, l := range lines {
		for _, it := range l.items {
			switch v := it.(type) {
			case *Text:
				v.Role = r
			case *Link:
				if v.prev != nil && v.prev.Role.Block != 0 {
					v.Role = v.prev.Role // the same link, on the line before
				} else {
					v.Role = ts.childOf(r, LinkArea)
				}
			case *Rule:
				v.Role = Role{Kind: Artifact, Parent: r.Block}
			}
		}
	}
	return lines
}

// childOf opens an element of the given kind directly inside r.
func (ts *typesetter) childOf(r Role, kind RoleKind) Role {
	var out Role
	ts.within(r, func() { out = ts.open(kind) })
	return out
}

// artifact is the role of decoration belonging to element r (a note's
// background, a table's rules).
func artifact(r Role) Role { return Role{Kind: Artifact, Parent: r.Block} }

// roleOf returns a pointer to the item's role, for renumbering.
func roleOf(it Item) *Role {
	switch v := it.(type) {
	case *Text:
		return &v.Role
	case *Rect:
		return &v.Role
	case *Rule:
		return &v.Role
	case *Picture:
		return &v.Role
	case *Link:
		return &v.Role
	}
	return nil
}
