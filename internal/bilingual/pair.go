// Package bilingual pairs a leaflet with its translation for a handout
// printed in two languages: sections pair by position, and blocks within
// a section pair when the two sections are built the same way.
package bilingual

import (
	"fmt"
	"reflect"

	"handout/internal/model"
	"handout/internal/source"
)

// Pair checks that two leaflets can be printed together. A different
// number of sections is an error naming both files and where their
// sections start; warnings name each section whose blocks do not match
// one to one (that section is aligned as a whole).
func Pair(first, second *model.Leaflet) (warnings []*source.Error, err error) {
	a, b := first.Sections, second.Sections
	if len(a) != len(b) {
		return nil, source.Errorf(sectionsPos(first), "%d sections here, but %d in the translation %s; a bilingual handout pairs sections by position",
			len(a), len(b), sectionsPos(second)).
			WithHint("give both the same sections in the same order")
	}
	if first.Language == second.Language {
		pos := second.LangPos
		if pos.Line == 0 {
			pos = source.Pos{File: second.File}
		}
		return nil, source.Errorf(pos, "%s and %s are both in %q; a bilingual handout needs two languages",
			first.File, second.File, first.Language)
	}
	for i := range a {
		if !SameShape(a[i].Body, b[i].Body) {
			warnings = append(warnings, source.Errorf(b[i].Pos,
				"section %d of %s is not built like section %d of %s (%s against %s): it is aligned as a whole, not block by block",
				i+1, second.File, i+1, first.File, shape(b[i].Body), shape(a[i].Body)).
				WithHint("give both the same blocks in the same order to line them up"))
		}
	}
	return warnings, nil
}

// SameShape reports whether two bodies have the same blocks in the same
// order: paragraphs against paragraphs, a list of n items against a list
// of n items, a note against a note with the same shape inside.
func SameShape(a, b []model.Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if reflect.TypeOf(a[i]) != reflect.TypeOf(b[i]) {
			return false
		}
		switch x := a[i].(type) {
		case *model.List:
			y := b[i].(*model.List)
			if len(x.Items) != len(y.Items) || x.Ordered != y.Ordered {
				return false
			}
		case *model.Note:
			if !SameShape(x.Body, b[i].(*model.Note).Body) {
				return false
			}
		case *model.Table:
			if len(x.Rows) != len(b[i].(*model.Table).Rows) {
				return false
			}
		}
	}
	return true
}

// shape describes a body's blocks for a message: "3 blocks".
func shape(body []model.Block) string {
	if len(body) == 1 {
		return "1 block"
	}
	return fmt.Sprintf("%d blocks", len(body))
}

// sectionsPos is where a leaflet's sections start, or the file itself.
func sectionsPos(l *model.Leaflet) source.Pos {
	if len(l.Sections) > 0 {
		return l.Sections[0].Pos
	}
	return source.Pos{File: l.File}
}
