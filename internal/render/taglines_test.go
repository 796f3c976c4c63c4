package render

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"handout/internal/i18n"
	"handout/internal/load"
)

// squash drops white space, so a line broken anywhere compares equal.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestTaglinesPrinted renders a sample with the sample site that asks for
// taglines and reads the last page (the outside of a trifold) back: every
// language's line is there whole, in its own script, with the phone and
// TTY numbers, and the English sentence after them.
func TestTaglinesPrinted(t *testing.T) {
	r, err := New("test")
	if err != nil {
		t.Fatal(err)
	}
	site := site("westlake")
	s, err := load.Site(site)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Taglines.Langs) < 6 {
		t.Fatalf("the westlake sample site should list taglines, has %v", s.Taglines.Langs)
	}
	for _, layout := range []string{"letter", "trifold", "booklet"} {
		res, err := r.Render(Job{Leaflet: sample("newborn-jaundice"), Site: site, Layout: layout})
		if err != nil {
			t.Fatalf("%s: %v", layout, err)
		}
		pdf := filepath.Join(t.TempDir(), layout+".pdf")
		if err := os.WriteFile(pdf, res.PDF, 0o644); err != nil {
			t.Fatal(err)
		}
		page := res.Pages // the last page holds the notice
		if layout != "letter" {
			page = 1 // a trifold's back panel and a booklet's back cover are on the first side
		}
		text := output(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf, "-")
		flat := squash(text)
		for _, tag := range s.Taglines.Langs {
			words, ok := i18n.For(tag)
			if !ok {
				t.Fatalf("no words for %s", tag)
			}
			line := words.Tagline(s.Phone, s.TTY)
			if !strings.Contains(flat, squash(line)) {
				t.Errorf("%s: the %s tagline %q is not on page %d:\n%s", layout, tag, line, page, text)
			}
		}
		for _, script := range []*unicode.RangeTable{unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Cyrillic} {
			if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(script, r) }) {
				t.Errorf("%s: no letters of one of the taglines' scripts on page %d:\n%s", layout, page, text)
			}
		}
		if !strings.Contains(flat, squash("Westlake Community Health follows federal civil rights laws.")) {
			t.Errorf("%s: no nondiscrimination sentence", layout)
		}
		if n := strings.Count(flat, squash(s.Phone)); n < len(s.Taglines.Langs) {
			t.Errorf("%s: the phone number is printed %d times on the notice's page, want one per language (%d)", layout, n, len(s.Taglines.Langs))
		}
	}
}
