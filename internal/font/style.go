package font

// Style selects a face within a Family. Bold and Italic are bit flags, so
// Bold|Italic is the bold italic face.
type Style uint8

// The four styles a Family holds.
const (
	Regular    Style = 0
	Bold       Style = 1
	Italic     Style = 2
	BoldItalic       = Bold | Italic
)

// String names the style for messages: "Regular", "Bold", "Italic" or
// "BoldItalic".
func (s Style) String() string {
	switch s & BoldItalic {
	case Bold:
		return "Bold"
	case Italic:
		return "Italic"
	case BoldItalic:
		return "BoldItalic"
	}
	return "Regular"
}
