package engine

import (
	"fmt"
	"math"

	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
	"handout/internal/typeset"
)

// The print thresholds that render and check warn about alike.
const (
	MinPPI         = 150 // below this print looks soft
	RecommendedPPI = 300
	// MinBodySize is the smallest body text, in points, for patient
	// handouts: many readers are older or have low vision.
	MinBodySize = 12
)

// Warning is a problem worth telling but not worth refusing a render for.
type Warning struct {
	Pos           source.Pos
	Message, Hint string
}

// String is the line render prints: path:line:col: warning: message (hint).
func (w Warning) String() string {
	s := fmt.Sprintf("%s: warning: %s", w.Pos, w.Message)
	if w.Hint != "" {
		s += " (" + w.Hint + ")"
	}
	return s
}

// Resolution is the warning for an image whose pixels spread over its
// printed width give less than MinPPI; ok is false when they do not.
func Resolution(pos source.Pos, pixels int, widthPt float64, what string) (Warning, bool) {
	if widthPt <= 0 || pixels <= 0 {
		return Warning{}, false
	}
	inches := widthPt / 72
	ppi := float64(pixels) / inches
	if ppi >= MinPPI {
		return Warning{}, false
	}
	return Warning{Pos: pos,
		Message: fmt.Sprintf("%s prints %.1f in wide, so its %d pixels give %.0f ppi; under %d ppi print looks blurred",
			what, inches, pixels, math.Floor(ppi), MinPPI),
		Hint: fmt.Sprintf("use a version at least %d pixels wide, or %d for the recommended %d ppi",
			int(math.Ceil(inches*MinPPI)), int(math.Ceil(inches*RecommendedPPI)), RecommendedPPI)}, true
}

// BuiltinSmall reports whether small body text is a built-in layout's
// design: the folded, booklet, two-column and A5 layouts set 10.5 to
// 11.5 pt because their panels, pages and columns are narrow, and the
// docs say so; the warning is for layouts a clinic writes.
func BuiltinSmall(l *model.Layout) bool {
	return l.File == load.BuiltinLayoutFile(l.Name) && l.BodySize >= 10
}

// SmallText is the warning for a layout's body text under MinBodySize, at
// pos (where text: size: is written).
func SmallText(l *model.Layout, pos source.Pos) (Warning, bool) {
	if l.BodySize >= MinBodySize || BuiltinSmall(l) {
		return Warning{}, false
	}
	return Warning{Pos: pos,
		Message: fmt.Sprintf("body text is %g pt; patient handouts need %d pt or more, as many readers have low vision", l.BodySize, MinBodySize),
		Hint:    fmt.Sprintf("set text: size: %dpt", MinBodySize)}, true
}

// Warnings returns what handout check would warn about one laid-out
// handout, so that render prints it too: the leaflet's pictures printed
// under MinPPI (each at its widest), and a layout's small body text.
func (e *Engine) Warnings(doc *typeset.Document, leafFile string, l *model.Layout) []Warning {
	var out []Warning
	if w, ok := SmallText(l, source.Pos{File: l.File}); ok {
		out = append(out, w)
	}
	widest := map[source.Pos]*typeset.Picture{}
	var order []source.Pos
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			pic, ok := it.(*typeset.Picture)
			if !ok || pic.Pos.File != leafFile {
				continue
			}
			if prev := widest[pic.Pos]; prev == nil {
				order = append(order, pic.Pos)
				widest[pic.Pos] = pic
			} else if pic.W > prev.W {
				widest[pic.Pos] = pic
			}
		}
	}
	for _, pos := range order {
		pic := widest[pos]
		if px, _, ok := e.ImageSize(pic.Path); ok {
			if w, ok := Resolution(pic.Pos, px, pic.W, "the image"); ok {
				out = append(out, w)
			}
		}
	}
	return out
}
