package model

// Role says what part a text plays in a leaflet.
type Role int

// The roles of a leaflet's texts.
const (
	RoleTitle Role = iota
	RoleSubtitle
	RoleHeading    // a section's heading
	RoleSubheading // a subheading block
	RoleParagraph
	RoleListItem
	RoleNoteTitle
	RoleCaption     // an image's caption
	RoleTableHeader // a cell of a table's header row
	RoleTableCell   // a cell of a table's body
	RoleCredit      // written by, reviewed by, published by
	RoleDisclaimer
	RoleCopyright
)

// Place is where Walk found a block or a text.
type Place struct {
	// Section is the index of the section in Leaflet.Sections; -1 for the
	// title, the subtitle and the end matter.
	Section int
	// In is the innermost block around it: for a text, the block it
	// belongs to (a list for its items, a table for its cells); for a
	// block, the block whose body holds it. Nil at a section's top level
	// and outside sections.
	In Block
	// Depth is how many blocks enclose it: 0 for a section's own blocks
	// and their texts, 1 inside a note or a sub-list, and so on.
	Depth int
}

// Visitor is what Walk calls; either function may be nil.
type Visitor struct {
	// Block is called for every block, before its texts and inner blocks.
	Block func(b Block, at Place)
	// Text is called for every text that was given; absent texts are
	// skipped.
	Text func(t Text, role Role, at Place)
}

// Walk visits every block and text of a leaflet in document order: the
// title and subtitle, each section's heading and body, then the credits,
// the disclaimer and the copyright line. Inside the body it goes into
// every block: list items and their sub-lists, a note's title and body,
// an image's caption, a table's header and body cells. Every stage that
// looks through a leaflet walks it with this, so none can skip a kind of
// block the others see.
func Walk(l *Leaflet, v Visitor) {
	outside := Place{Section: -1}
	v.text(l.Title, RoleTitle, outside)
	v.text(l.Subtitle, RoleSubtitle, outside)
	for i, s := range l.Sections {
		v.text(s.Heading, RoleHeading, Place{Section: i})
		WalkBlocks(s.Body, Place{Section: i}, v)
	}
	for _, t := range []Text{l.Credits.WrittenBy, l.Credits.ReviewedBy, l.Credits.PublishedBy} {
		v.text(t, RoleCredit, outside)
	}
	v.text(l.Disclaimer, RoleDisclaimer, outside)
	v.text(l.Copyright, RoleCopyright, outside)
}

// WalkBlocks visits blocks as Walk does, each at the place given: the
// section they are in, the block whose body they are and its depth.
func WalkBlocks(blocks []Block, at Place, v Visitor) {
	for _, b := range blocks {
		if v.Block != nil {
			v.Block(b, at)
		}
		own := Place{Section: at.Section, In: b, Depth: at.Depth}
		inner := Place{Section: at.Section, In: b, Depth: at.Depth + 1}
		switch b := b.(type) {
		case *Paragraph:
			v.text(b.Text, RoleParagraph, own)
		case *Subheading:
			v.text(b.Text, RoleSubheading, own)
		case *List:
			for _, it := range b.Items {
				v.text(it.Text, RoleListItem, own)
				WalkBlocks(it.Children, inner, v)
			}
		case *Note:
			v.text(b.Title, RoleNoteTitle, own)
			WalkBlocks(b.Body, inner, v)
		case *Image:
			v.text(b.Caption, RoleCaption, own)
		case *Table:
			for _, c := range b.Header {
				v.text(c, RoleTableHeader, own)
			}
			for _, r := range b.Rows {
				for _, c := range r {
					v.text(c, RoleTableCell, own)
				}
			}
		}
	}
}

func (v Visitor) text(t Text, role Role, at Place) {
	if v.Text != nil && !t.IsZero() {
		v.Text(t, role, at)
	}
}
