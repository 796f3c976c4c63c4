package typeset

import (
	"strings"
	"testing"
)

func TestCheckDrawnInside(t *testing.T) {
	page := func(items ...Item) *Document {
		return &Document{Pages: []*Page{{Number: 1, Width: 612, Height: 792, Items: items}}}
	}
	ok := &Text{X: 72, Y: 100, Size: 12, Text: "fine", Width: 30}
	if err := checkDrawnInside(page(ok), "l.yaml"); err != nil {
		t.Fatal(err)
	}
	for want, it := range map[string]*Text{
		"outside the page":     {X: 600, Y: 100, Size: 12, Text: "off the right edge", Width: 100},
		"outside the page ":    {X: 72, Y: 900, Size: 12, Text: "below", Width: 10},
		"at a size of zero":    {X: 72, Y: 100, Size: 0, Text: "invisible", Width: 0},
		"larger than the page": {X: 0, Y: 700, Size: 700, Text: "x", Width: 10},
		"outside the page  ":   {X: -40, Y: 100, Size: 12, Text: "left", Width: 10},
	} {
		err := checkDrawnInside(page(ok, it), "l.yaml")
		if err == nil || !strings.Contains(err.Error(), strings.TrimSpace(want)) || !strings.HasPrefix(err.Error(), "l.yaml: ") {
			t.Errorf("%+v: %v", it, err)
		}
	}
}
