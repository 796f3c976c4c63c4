package typeset

import (
	"strings"
	"testing"
)

// A link of several words on a line set with the bidi algorithm is one
// area, whose annotation reads the link's words in order, not one area
// and one one-word description per word.
func TestBidiLinkIsOneAreaWithItsWords(t *testing.T) {
	cases := []struct{ name, src, url, want string }{
		{"right to left", "language: ar\ntitle: ت\nsections:\n  - body:\n      - \"في الأيام [اتصلي بفريق دعم الرضاعة](https://example.org/ar) يزداد الحليب\"\n",
			"https://example.org/ar", "اتصلي بفريق دعم الرضاعة"},
		{"English inside Arabic", "language: ar\ntitle: ت\nsections:\n  - body:\n      - \"نص مع رابط [Call the nurse line](https://example.org/en) في الوسط\"\n",
			"https://example.org/en", "Call the nurse line"},
		{"Arabic inside English", "title: T\nsections:\n  - body:\n      - \"Mixed: the words مرحبا بكم and a link [اتصل بنا الآن](https://example.org/x) inside English.\"\n",
			"https://example.org/x", "اتصل بنا الآن"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _, err := trySetInput(t, c.src, "letter", func(in *Input) { in.Fonts = scriptFonts(t) })
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var area *Link
			for _, it := range doc.Pages[0].Items {
				if l, ok := it.(*Link); ok && l.URL == c.url {
					got = append(got, l.Text)
					area = l
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("link areas %q, want one reading %q", got, c.want)
			}
			// and its words are one run, spaces and all, so that the Link
			// element's text reads as words too
			var runs []string
			for _, tx := range texts(doc.Pages[0]) {
				inside := area != nil && tx.Y > area.Y && tx.Y < area.Y+area.H && tx.X >= area.X-0.5 && tx.X+tx.Width <= area.X+area.W+0.5
				if inside {
					runs = append(runs, tx.Text)
				}
			}
			if len(runs) != 1 || strings.TrimSpace(runs[0]) != c.want {
				t.Errorf("the link's words are set as runs %q, want one %q", runs, c.want)
			}
		})
	}
}
