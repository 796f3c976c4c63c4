package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"handout/internal/inline"
	"handout/internal/load"
	"handout/internal/model"
)

// tokens splits text into lower-case words of letters and digits, so a
// word broken at a hyphen or carrying punctuation compares equal.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// leafletWords counts the words of everything a leaflet prints, with the
// site's values in its placeholders.
func leafletWords(t *testing.T, path string, s *model.Site, count map[string]int) {
	t.Helper()
	l, err := load.Leaflet(path)
	if err != nil {
		t.Fatal(err)
	}
	model.Walk(l, model.Visitor{Text: func(tx model.Text, _ model.Role, _ model.Place) {
		for _, w := range tokens(inline.Plain(tx.Spans, s.Value)) {
			count[w]++
		}
	}})
}

// TestBilingualSideBySide renders the jaundice pair on a two-column
// layout and reads it back: each section's headings start level, and
// every word of both leaflets is in the PDF.
func TestBilingualSideBySide(t *testing.T) {
	r, err := New("test")
	if err != nil {
		t.Fatal(err)
	}
	en, es := sample("newborn-jaundice"), sample("ictericia-del-recien-nacido")
	pdf := renderTo(t, r, Job{Leaflet: en, With: es, Site: site("riverside"), Layout: "letter-2col"})
	ws, _, _ := words(t, pdf)
	at := func(w string) *word {
		for i := range ws {
			if ws[i].text == w {
				return &ws[i]
			}
		}
		t.Fatalf("no word %q in the PDF", w)
		return nil
	}
	for _, pair := range [][2]string{{"What", "¿Qué"}, {"How", "¿Cómo"}, {"When", "¿Cuándo"}} {
		a, b := at(pair[0]), at(pair[1])
		if a.page != b.page || a.yMin-b.yMin > 0.5 || b.yMin-a.yMin > 0.5 {
			t.Errorf("headings %q (page %d, y %.1f) and %q (page %d, y %.1f) are not level", pair[0], a.page, a.yMin, pair[1], b.page, b.yMin)
		}
		if b.xMin < a.xMax {
			t.Errorf("%q is not in the right-hand column", pair[1])
		}
	}
	site, err := load.Site(site("riverside"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	leafletWords(t, en, site, want)
	leafletWords(t, es, site, want)
	got := map[string]int{}
	for _, w := range ws {
		for _, tok := range tokens(w.text) {
			got[tok]++
		}
	}
	for w, n := range want {
		if got[w] < n {
			t.Errorf("%q: %d in the leaflets, %d in the PDF", w, n, got[w])
		}
	}
	out := output(t, "pdftotext", pdf, "-")
	if !regexp.MustCompile(`Page 1 of (\d+) · Página 1 de (\d+)`).MatchString(out) {
		t.Errorf("footer not in both languages:\n%s", out)
	}
}

// TestBilingualSectionCount: translations must have the same sections; the
// error names both files.
func TestBilingualSectionCount(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte("title: A\nlanguage: en\nsections:\n  - body: [One.]\n  - heading: Two\n    body: [Two.]\n"), 0o644)
	os.WriteFile(b, []byte("title: B\nlanguage: es\nsections:\n  - body: [Uno.]\n"), 0o644)
	r, err := New("test")
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Render(Job{Leaflet: a, With: b})
	if err == nil || !strings.Contains(err.Error(), a+":4:5: 2 sections here, but 1 in the translation "+b+":4:5") {
		t.Errorf("want an error naming both files, got %v", err)
	}
}
