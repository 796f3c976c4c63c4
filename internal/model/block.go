package model

import "handout/internal/source"

// Block is one entry of a section's or a note's body. The concrete types
// below are the whole set; the typesetter switches over them.
type Block interface {
	Position() source.Pos
}

// Paragraph is running text.
type Paragraph struct {
	Text Text
}

// Subheading is a smaller heading inside a section.
type Subheading struct {
	Text Text
}

// List is a bulleted list, or a numbered one when Ordered (steps).
type List struct {
	Ordered bool
	Items   []ListItem
	Pos     source.Pos
}

// ListItem is one entry of a list; Children holds nested lists.
type ListItem struct {
	Text     Text
	Children []Block
	Pos      source.Pos
}

// NoteStyle says how strongly a note calls for attention.
type NoteStyle int

// Note styles, from calm to alarming.
const (
	NoteInfo NoteStyle = iota
	NoteWarning
	NoteUrgent
)

// NoteStyleNames maps the YAML words to styles.
var NoteStyleNames = map[string]NoteStyle{"info": NoteInfo, "warning": NoteWarning, "urgent": NoteUrgent}

func (s NoteStyle) String() string {
	switch s {
	case NoteWarning:
		return "warning"
	case NoteUrgent:
		return "urgent"
	}
	return "info"
}

// Note is a call-out box with an optional title.
type Note struct {
	Style NoteStyle
	Title Text
	Body  []Block
	Pos   source.Pos
}

// Image is a picture with its required description.
type Image struct {
	Path    string // resolved against the leaflet's folder
	Alt     string
	Caption Text
	Width   Width
	Pos     source.Pos
}

// Width is an image width: a share of the column, or an absolute length.
// Both zero means "natural size, at most the column".
type Width struct {
	Percent float64 // 0 < Percent <= 100
	Points  float64
}

// Table is a grid of text with an optional header row.
type Table struct {
	Header []Text
	Rows   [][]Text
	Pos    source.Pos
}

// Position implements Block.
func (p *Paragraph) Position() source.Pos { return p.Text.Pos }

// Position implements Block.
func (s *Subheading) Position() source.Pos { return s.Text.Pos }

// Position implements Block.
func (l *List) Position() source.Pos { return l.Pos }

// Position implements Block.
func (n *Note) Position() source.Pos { return n.Pos }

// Position implements Block.
func (i *Image) Position() source.Pos { return i.Pos }

// Position implements Block.
func (t *Table) Position() source.Pos { return t.Pos }
