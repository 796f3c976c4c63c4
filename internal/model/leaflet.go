package model

import (
	"time"

	"handout/internal/inline"
	"handout/internal/source"
)

// Text is a string of inline markup, already parsed into styled spans.
// Placeholders stay as spans until the typesetter knows the site.
type Text struct {
	Raw   string
	Spans []inline.Span
	Pos   source.Pos
	// Exact is true when Raw stands on one line of the file as written,
	// so a byte offset into it maps to a column.
	Exact bool
}

// IsZero reports whether the text was absent or empty.
func (t Text) IsZero() bool { return len(t.Spans) == 0 }

// Leaflet is one patient-education leaflet.
type Leaflet struct {
	File     string // path as given, used in messages
	Dir      string // folder that relative paths resolve against
	Title    Text
	Subtitle Text
	Language string
	LangPos  source.Pos
	// StraightQuotes keeps ' and " as typed (smart_quotes: false) instead
	// of the language's typographic apostrophe and quotation marks.
	StraightQuotes bool
	Sections       []Section
	Credits        Credits
	Disclaimer     Text
	Copyright      Text
	// URL is the online version of the handout, printed as a QR code
	// with the address beside it; it may use placeholders.
	URL Text
	// Translations are the files of this leaflet in other languages
	// (resolved paths), for bilingual handouts; TranslationsPos says where
	// each is named.
	Translations    []string
	TranslationsPos []source.Pos
}

// Section is a heading (optional on the first section) and its blocks.
type Section struct {
	Heading Text
	Body    []Block
	Pos     source.Pos
}

// Credits is the optional authorship block printed at the end.
type Credits struct {
	WrittenBy    Text
	ReviewedBy   Text
	PublishedBy  Text
	LastModified Date
	LastReviewed Date
}

// IsZero reports whether no credit field was given.
func (c Credits) IsZero() bool {
	return c.WrittenBy.IsZero() && c.ReviewedBy.IsZero() && c.PublishedBy.IsZero() &&
		c.LastModified.IsZero() && c.LastReviewed.IsZero()
}

// Date is a calendar date from the leaflet (no time of day).
type Date struct {
	Time time.Time
	Pos  source.Pos
}

// IsZero reports whether the date was absent.
func (d Date) IsZero() bool { return d.Time.IsZero() }
