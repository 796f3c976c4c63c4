package model

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

	BodySize  float64
	Leading   float64 // line height as a multiple of the font size
	SmallSize float64 // footer, captions, credits
	Justify   bool

	TitleSize, SubtitleSize, HeadingSize, SubheadingSize float64
}
