package check

import (
	"fmt"
	"math"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
	"handout/layouts"
)

// MinBodySize is the smallest body text, in points, for patient handouts:
// many readers are older or have low vision.
const MinBodySize = 12

// layoutFile loads and checks a layout given as a file to check.
func (c *checker) layoutFile(f *File) {
	l, err := load.Layout(f.Path)
	if err != nil {
		c.loadErrors(f, err)
		return
	}
	c.layoutChecks(f, l)
}

// layoutChecks checks a loaded layout: body text size, and footer text
// that would reach into the trim safe zone.
func (c *checker) layoutChecks(f *File, l *model.Layout) {
	src := layoutSource(l)
	if l.BodySize < MinBodySize {
		c.add(f, Finding{Severity: Warning, Pos: fieldPos(l.File, src, "text", "size"), Code: CodeSmallText,
			Message: fmt.Sprintf("body text is %g pt; patient handouts need %d pt or more, as many readers have low vision", l.BodySize, MinBodySize),
			Hint:    fmt.Sprintf("set text: size: %dpt", MinBodySize)})
	}
	for _, x := range layoutErrors(l, src) {
		c.add(f, x)
	}
}

// LayoutErrors returns the problems of a loaded layout that the checks
// treat as errors beyond what the loader finds: footer text inside the
// trim safe zone. The loader already rejects margins inside it. The
// renderer can refuse a layout on these too (Finding.Err makes each an
// error).
func LayoutErrors(l *model.Layout) []Finding { return layoutErrors(l, layoutSource(l)) }

func layoutErrors(l *model.Layout, src []byte) []Finding {
	// The footer band holds a rule, then a line of small text with the
	// page number (internal/typeset/chrome.go). If the band is too short
	// for that line, the text runs down into the bottom margin. Folded
	// leaflets have panels instead, and no footer.
	if l.Folded() {
		return nil
	}
	pad := l.SmallSize * 0.6
	textBottom := l.PageHeight - l.MarginBottom - l.FooterHeight + pad*1.6 + l.SmallSize*1.35
	room := l.PageHeight - textBottom
	if l.SafeZone <= 0 || room+0.001 >= l.SafeZone {
		return nil
	}
	pos := fieldPos(l.File, src, "footer_height")
	if pos.Line == 0 {
		pos = fieldPos(l.File, src, "margins", "bottom")
	}
	msg := fmt.Sprintf("the footer text and page number end %s from the bottom edge, inside the %s safe zone from the trim",
		inches(room), inches(l.SafeZone))
	if room <= 0 {
		msg = "the footer band is too short for the footer text and page number, which would run off the bottom of the page"
	}
	need := math.Ceil((l.FooterHeight+l.SafeZone-room)/72*100) * 72 / 100
	return []Finding{{Severity: Error, Pos: pos, Code: CodeSafeZone, Message: msg,
		Hint: fmt.Sprintf("make footer_height at least %s, or margins.bottom larger", inches(need))}}
}

// layoutSource returns a layout's YAML: the built-in one it was loaded
// from, or its file.
func layoutSource(l *model.Layout) []byte {
	if l.File == "layouts/"+l.Name+".yaml" {
		if src, ok := layouts.Open(l.Name); ok {
			return src
		}
	}
	b, err := os.ReadFile(l.File)
	if err != nil {
		return nil
	}
	return b
}

// fieldPos finds where a field is written, following keys from the top
// of the file; a zero line when it is not written (the default applies).
func fieldPos(file string, src []byte, keys ...string) source.Pos {
	none := source.Pos{File: file}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return none
	}
	n := doc.Content[0]
	for _, k := range keys {
		if n.Kind != yaml.MappingNode {
			return none
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return none
		}
		n = next
	}
	return source.Pos{File: file, Line: n.Line, Col: n.Column}
}

// inches formats points as inches for messages.
func inches(pt float64) string {
	s := fmt.Sprintf("%.2f", pt/72)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + " in"
}
