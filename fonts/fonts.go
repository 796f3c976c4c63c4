// Package fonts embeds the Noto Sans faces that handout measures text with
// and writes into its PDFs, together with their license (SIL OFL 1.1).
//
// The files are embedded as strings, which Go keeps immutable, and handed out
// as copies, so no caller can change what another one sees.
package fonts

import _ "embed" // for go:embed

// File names of the embedded faces, as they sit in this directory.
const (
	RegularFile    = "NotoSans-Regular.ttf"
	BoldFile       = "NotoSans-Bold.ttf"
	ItalicFile     = "NotoSans-Italic.ttf"
	BoldItalicFile = "NotoSans-BoldItalic.ttf"
)

var (
	//go:embed NotoSans-Regular.ttf
	notoRegular string
	//go:embed NotoSans-Bold.ttf
	notoBold string
	//go:embed NotoSans-Italic.ttf
	notoItalic string
	//go:embed NotoSans-BoldItalic.ttf
	notoBoldItalic string
	//go:embed OFL.txt
	license string
)

// NotoSans returns the TrueType bytes of the four Noto Sans faces. Each call
// returns fresh copies (about 2 MB in all), so call it once per process and
// share the result.
func NotoSans() (regular, bold, italic, boldItalic []byte) {
	return []byte(notoRegular), []byte(notoBold), []byte(notoItalic), []byte(notoBoldItalic)
}

// License returns the SIL Open Font License text that must accompany the
// fonts wherever they are redistributed.
func License() string {
	return license
}
