package typeset

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"handout/internal/font"
	"handout/internal/i18n"
	"handout/internal/load"
	"handout/internal/model"
)

var (
	familyOnce sync.Once
	family     *font.Set
)

func testFonts(t testing.TB) *font.Set {
	familyOnce.Do(func() {
		fam, err := font.LoadNotoSans()
		if err != nil {
			panic(err)
		}
		family = font.NewSet(fam)
	})
	return family
}

// setDoc typesets leaflet source with a layout and an unbranded site.
func setDoc(t testing.TB, src, layout string) (*Document, *model.Layout) {
	t.Helper()
	doc, l, err := trySet(t, src, layout, &model.Site{Builtin: true, Accent: load.DefaultAccent})
	if err != nil {
		t.Fatal(err)
	}
	return doc, l
}

func trySet(t testing.TB, src, layout string, site *model.Site) (*Document, *model.Layout, error) {
	return trySetInput(t, src, layout, func(in *Input) { in.Site = site })
}

// trySetInput typesets src in a layout with the test fonts, a site-less
// look and 1200 x 800 images, after edit has changed the input.
func trySetInput(t testing.TB, src, layout string, edit func(*Input)) (*Document, *model.Layout, error) {
	t.Helper()
	leaf, err := load.ParseLeaflet("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lay, err := load.Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	strs, _ := i18n.For(leaf.Language)
	in := Input{Leaflet: leaf, Site: &model.Site{Builtin: true, Accent: load.DefaultAccent}, Layout: lay, Fonts: testFonts(t), Strings: strs,
		ImageSize: func(string) (int, int, bool) { return 1200, 800, true }}
	edit(&in)
	doc, err := Typeset(in)
	return doc, lay, err
}

// texts returns the page's text items in order.
func texts(p *Page) []*Text {
	var out []*Text
	for _, it := range p.Items {
		if t, ok := it.(*Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// words makes n words tagged with id, so a test can tell which block a line
// of output came from.
func tagged(id string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%sw%d", id, i)
		if i%4 == 3 {
			w[i] = "and"
		}
	}
	return strings.Join(w, " ")
}

func testSite() *model.Site {
	return &model.Site{Builtin: true, Accent: load.DefaultAccent}
}
