package check

import "handout/internal/model"

// unitKind is what role a piece of text plays on the page.
type unitKind int

const (
	unitHeading   unitKind = iota // title, subtitle, headings, note titles
	unitParagraph                 // running text
	unitItem                      // a list item
	unitCaption                   // an image caption
	unitCell                      // a table cell, header or body
)

// unit is one piece of text that ends a sentence wherever it ends: a
// heading, a paragraph, a list item, a caption, a table cell.
type unit struct {
	text    model.Text
	kind    unitKind
	section int // index of the section, -1 for the title and subtitle
}

// walker collects a leaflet's text units, images and notes in document
// order, through model.Walk, so it sees every block render prints. Sizes
// are not its business: what is measured on the page is measured on the
// typeset document (laidOut), never recomputed here.
type walker struct {
	units  []unit
	images []*model.Image
	notes  []*model.Note
}

// unitKinds maps the roles of the texts a patient reads to units; the end
// matter (credits, disclaimer, copyright) is boilerplate and left out.
var unitKinds = map[model.Role]unitKind{
	model.RoleTitle: unitHeading, model.RoleSubtitle: unitHeading, model.RoleHeading: unitHeading,
	model.RoleSubheading: unitHeading, model.RoleNoteTitle: unitHeading,
	model.RoleParagraph: unitParagraph, model.RoleListItem: unitItem, model.RoleCaption: unitCaption,
	model.RoleTableHeader: unitCell, model.RoleTableCell: unitCell,
}

func walk(l *model.Leaflet) *walker {
	w := &walker{}
	model.Walk(l, model.Visitor{
		Block: func(b model.Block, _ model.Place) {
			switch b := b.(type) {
			case *model.Image:
				w.images = append(w.images, b)
			case *model.Note:
				w.notes = append(w.notes, b)
			}
		},
		Text: func(t model.Text, role model.Role, at model.Place) {
			if kind, ok := unitKinds[role]; ok {
				w.units = append(w.units, unit{text: t, kind: kind, section: at.Section})
			}
		},
	})
	return w
}
