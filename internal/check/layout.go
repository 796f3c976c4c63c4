package check

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/engine"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/safeio"
	"handout/internal/source"
	"handout/layouts"
)

// MinBodySize is the smallest body text, in points, for patient handouts:
// many readers are older or have low vision.
const MinBodySize = engine.MinBodySize

// layoutFile loads and checks a layout given as a file to check.
func (c *checker) layoutFile(f *File) {
	l, err := load.Layout(f.Path)
	if err != nil {
		c.loadErrors(f, err)
		return
	}
	c.layoutChecks(f, l)
}

// layoutChecks checks a loaded layout: body text size, and a footer band
// too short for its text.
func (c *checker) layoutChecks(f *File, l *model.Layout) {
	if l.BodySize < MinBodySize && !builtinSmall(l) {
		c.add(f, smallText(l))
	}
	c.footerFits(f, l)
}

// isBuiltin reports whether the layout is one of handout's own.
func isBuiltin(l *model.Layout) bool { return l.File == load.BuiltinLayoutFile(l.Name) }

// builtinSmall reports whether small body text is a built-in layout's
// design (see engine.SmallText).
func builtinSmall(l *model.Layout) bool { return engine.BuiltinSmall(l) }

// smallText is the warning for body text under MinBodySize.
func smallText(l *model.Layout) Finding {
	w, _ := engine.SmallText(l, fieldPos(l.File, layoutSource(l), "text", "size"))
	return Finding{Severity: Warning, Pos: w.Pos, Code: CodeSmallText, Message: w.Message, Hint: w.Hint}
}

// footerFits lays a one-line leaflet out with the layout, as render would
// without a site, and reports what the typesetter refuses: a footer band
// too short for the page number, whose text would run into the bottom
// margin and so toward the trim. The loader has already kept the margins
// out of the safe zone.
func (c *checker) footerFits(f *File, l *model.Layout) {
	probe, err := load.ParseLeaflet(f.Path, []byte("title: T\nsections:\n  - body: [x]\n"))
	if err != nil {
		return
	}
	_, err = c.typeset(probe, engine.PlainSite(), l)
	for _, e := range source.Flatten(err) {
		c.add(f, errorFinding(f.Path, e, CodeSafeZone))
	}
}

// layoutSource returns a layout's YAML: the built-in one it was loaded
// from, or its file.
func layoutSource(l *model.Layout) []byte {
	if isBuiltin(l) {
		if src, ok := layouts.Open(l.Name); ok {
			return src
		}
	}
	b, err := safeio.ReadFile(l.File, safeio.TextLimit)
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
