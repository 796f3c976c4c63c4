package typeset

import (
	"strings"
	"testing"
)

// A link broken across lines is one Link element: its areas share one
// role, and each area's annotation reads the whole link's words, with the
// space the break dropped between words and none inside an address or
// after a hyphen.
func TestLinkBrokenAcrossLinesIsOneLink(t *testing.T) {
	cases := []struct{ name, lang, words, link, url string }{
		{"words", "en", strings.Repeat("word ", 14), "call the breastfeeding support nurse line today or tomorrow", "https://example.org/a"},
		{"address", "en", strings.Repeat("word ", 14), "example.org/handouts/a-rather-long-address-that-breaks-somewhere-in-the-middle", "https://example.org/handouts/x"},
		{"right to left", "ar", strings.Repeat("كلمة ", 12), "اتصلي بفريق دعم الرضاعة في أي وقت من النهار أو الليل إذا احتجت إلى مساعدة", "https://example.org/ar"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "language: " + c.lang + "\ntitle: T\nsections:\n  - body:\n      - \"" + c.words + "[" + c.link + "](" + c.url + ") " + c.words + "\"\n"
			doc, _, err := trySetInput(t, src, "letter-2col", func(in *Input) {
				if c.lang != "en" {
					in.Fonts = scriptFonts(t)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			var areas []*Link
			for _, p := range doc.Pages {
				for _, it := range p.Items {
					if l, ok := it.(*Link); ok && l.URL == c.url {
						areas = append(areas, l)
					}
				}
			}
			if len(areas) < 2 {
				t.Fatalf("%d areas: the link should break across lines here", len(areas))
			}
			for _, a := range areas {
				if a.Role.Block != areas[0].Role.Block || a.Role.Block == 0 {
					t.Errorf("areas in elements %d and %d, want one Link", areas[0].Role.Block, a.Role.Block)
				}
				if a.Text != c.link {
					t.Errorf("an area reads %q, want the whole link %q", a.Text, c.link)
				}
			}
		})
	}
}
