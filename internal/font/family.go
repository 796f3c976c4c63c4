package font

import "handout/fonts"

// Family groups the regular, bold, italic and bold italic faces of one
// typeface. It is read-only after NewFamily and safe to share.
type Family struct {
	Name  string
	faces [4]*Face
}

// NewFamily builds a family from its faces. A nil face falls back to the
// nearest one given (bold italic to bold, then italic; bold and italic to
// regular; regular to any), so Face only returns nil when all four are nil.
func NewFamily(name string, regular, bold, italic, boldItalic *Face) *Family {
	fam := &Family{Name: name, faces: [4]*Face{regular, bold, italic, boldItalic}}
	fallbacks := [4][]Style{
		Regular:    {Bold, Italic, BoldItalic},
		Bold:       {Regular, BoldItalic, Italic},
		Italic:     {Regular, BoldItalic, Bold},
		BoldItalic: {Bold, Italic, Regular},
	}
	given := [4]*Face{regular, bold, italic, boldItalic}
	for s, order := range fallbacks {
		for _, alt := range order {
			if fam.faces[s] != nil {
				break
			}
			fam.faces[s] = given[alt]
		}
	}
	return fam
}

// Face returns the face for style s (only its Bold and Italic bits count).
func (fam *Family) Face(s Style) *Face {
	return fam.faces[s&BoldItalic]
}

// LoadNotoSans parses the four Noto Sans faces embedded in package fonts.
// It takes about a millisecond (the layout tables are read when a face
// first shapes text); call it once per process and share the family, which
// is read-only.
func LoadNotoSans() (*Family, error) {
	data := [4][]byte{}
	data[Regular], data[Bold], data[Italic], data[BoldItalic] = fonts.NotoSans()
	names := [4]string{fonts.RegularFile, fonts.BoldFile, fonts.ItalicFile, fonts.BoldItalicFile}
	var faces [4]*Face
	for s := range faces {
		f, err := Parse(names[s], data[s])
		if err != nil {
			return nil, err
		}
		faces[s] = f
	}
	return NewFamily("NotoSans", faces[Regular], faces[Bold], faces[Italic], faces[BoldItalic]), nil
}
