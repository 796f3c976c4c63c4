package model

import "handout/internal/source"

// Layout is the page geometry and type scale. All lengths are in points.
type Layout struct {
	Name        string
	Description string
	File        string

	PageWidth, PageHeight float64
	Duplex                bool

	MarginTop, MarginBottom     float64
	MarginInside, MarginOutside float64
	HeaderHeight, FooterHeight  float64
	// HeaderGap is the air between the header image and the text below
	// it, taken from the header band.
	HeaderGap float64
	// FooterPos is where footer_height is written (or the file's start),
	// for messages about a footer band that is too short.
	FooterPos source.Pos

	BodySize  float64
	Leading   float64 // line height as a multiple of the font size
	SmallSize float64 // footer, captions, credits
	Justify   bool
	// MaxLine caps the length of a line of text (0: the column decides).
	MaxLine float64
	// NumberedBullets numbers bulleted lists too, for readers who follow
	// along by number (large print).
	NumberedBullets bool

	TitleSize, SubtitleSize, HeadingSize, SubheadingSize float64

	// Columns and Gutter split the text area into columns (1 by default).
	Columns int
	Gutter  float64

	// Panels, when set, make the layout a folded leaflet: the widths of
	// the panels on the outside of the sheet, left to right. The inside
	// mirrors them. See typeset for which panel holds what.
	Panels []float64
	// PanelMargin is the text's distance from each fold.
	PanelMargin float64

	// Booklet imposes pages two-up on sheets of SheetWidth x SheetHeight
	// for saddle stitching.
	Booklet                 bool
	SheetWidth, SheetHeight float64

	// Fonts is a folder of font files whose families join the
	// document's fonts (fonts:, resolved against the layout file's
	// folder); "" for none.
	Fonts string

	// Print production.
	Bleed     float64
	CropMarks bool
	SafeZone  float64 // text keeps at least this far from the trim
}

// Folded reports whether the layout is a folded leaflet of panels.
func (l *Layout) Folded() bool { return len(l.Panels) > 0 }

// Clone returns a copy that shares nothing with l.
func (l *Layout) Clone() *Layout {
	c := *l
	c.Panels = append([]float64(nil), l.Panels...)
	return &c
}
