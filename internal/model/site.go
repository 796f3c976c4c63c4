package model

import "handout/internal/source"

// Site is a clinic's branding. Values fill the leaflet's placeholders.
type Site struct {
	File       string
	Dir        string
	Name       string
	Department string
	Phone      string
	// TTY is the number deaf and hard-of-hearing callers use, printed in
	// the language-assistance taglines.
	TTY         string
	Address     string
	Website     string
	HeaderImage string // resolved path, "" for none
	FooterImage string
	Accent      Color
	FooterText  Text
	// Words replaces renderer words per language: language tag -> word
	// key (as in internal/i18n's locale files) -> text.
	Words    map[string]map[string]string
	Taglines Taglines
	Pos      source.Pos
	// FieldPos holds where each field was written, for messages about
	// its value.
	FieldPos map[string]source.Pos
	Builtin  bool // the plain unbranded look used without --site
}

// PosOf returns where a field was written, or the site's own position.
func (s *Site) PosOf(field string) source.Pos {
	if p, ok := s.FieldPos[field]; ok {
		return p
	}
	return s.Pos
}

// PlaceholderNames lists the placeholders a leaflet may use, in the order
// they are documented.
var PlaceholderNames = []string{"name", "department", "phone", "address", "website"}

// Value returns the site's value for a placeholder name, "" when unset.
func (s *Site) Value(name string) string {
	switch name {
	case "name":
		return s.Name
	case "department":
		return s.Department
	case "phone":
		return s.Phone
	case "address":
		return s.Address
	case "website":
		return s.Website
	}
	return ""
}

// Color is an sRGB color.
type Color struct{ R, G, B uint8 }

// Hex formats the color as #rrggbb.
func (c Color) Hex() string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i] = digits[v>>4]
		b[2+2*i] = digits[v&15]
	}
	return string(b)
}
