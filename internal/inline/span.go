package inline

import "strings"

// Style is a set of emphasis flags.
type Style uint8

// The emphasis flags; a span may carry both.
const (
	Bold Style = 1 << iota
	Italic
)

// Span is a run of text with one style; exactly one of Text or Placeholder is set.
type Span struct {
	Text        string // literal text, escapes already resolved
	Placeholder string // placeholder name, e.g. "phone"
	Style       Style
	Link        string // target URL when the span is inside [..](..), else ""
	Offset      int    // byte offset in the source string where the span's text starts
}

// Plain returns the text of spans with markup removed and each placeholder
// replaced by value(name), for bookmarks, PDF metadata and readability
// checks. A nil value renders placeholders as "{name}".
func Plain(spans []Span, value func(name string) string) string {
	var b strings.Builder
	for _, sp := range spans {
		switch {
		case sp.Placeholder == "":
			b.WriteString(sp.Text)
		case value != nil:
			b.WriteString(value(sp.Placeholder))
		default:
			b.WriteByte('{')
			b.WriteString(sp.Placeholder)
			b.WriteByte('}')
		}
	}
	return b.String()
}
