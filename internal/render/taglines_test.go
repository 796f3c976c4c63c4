package render

import (
	"cmp"
	"handout/internal/typeset"
	"os"
	"path/filepath"
	"slices"
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
			if words.RightToLeft() {
				if w := missingWord(text, line); w != "" {
					t.Errorf("%s: the %s tagline's word %q is not on page %d:\n%s", layout, tag, w, page, text)
				}
				continue
			}
			if !strings.Contains(flat, squash(line)) {
				t.Errorf("%s: the %s tagline %q is not on page %d:\n%s", layout, tag, line, page, text)
			}
		}
		for _, script := range []*unicode.RangeTable{unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Cyrillic, unicode.Arabic} {
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

// missingWord returns the first word of a right-to-left line whose letters
// do not come back, in order, from a page's text, or "". pdftotext gives
// a right-to-left line's stretches between punctuation and numbers in
// visual order, and splits a letter from a mark drawn over it, so a
// whole line cannot be compared; its words' letters can (TestTaglinesSetRightToLeft
// checks the line's order where it is set).
func missingWord(page, line string) string {
	letters := lettersOnly(bidiControls.Replace(page))
	words := strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) })
	for _, w := range words {
		if !strings.Contains(letters, lettersOnly(w)) {
			return w
		}
	}
	return ""
}

// taglineSite writes a site asking for the given taglines and returns
// its path.
func taglineSite(t *testing.T, taglines string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "site.yaml")
	src := "name: Lake Clinic\ndepartment: Family Medicine\naddress: 1 Lake Road\nwebsite: https://lake.example.org\nphone: (503) 555-0199\ntty: \"711\"\ntaglines: " + taglines + "\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// taglineRows groups a language's text items by line, top to bottom.
func taglineRows(doc *typeset.Document, lang string) [][]*typeset.Text {
	var rows [][]*typeset.Text
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			tx, ok := it.(*typeset.Text)
			if !ok || tx.Lang != lang || tx.Role.Block == 0 || doc.Nodes[tx.Role.Block-1].Lang != lang {
				continue
			}
			if n := len(rows); n > 0 && rows[n-1][0].Y == tx.Y {
				rows[n-1] = append(rows[n-1], tx)
			} else {
				rows = append(rows, []*typeset.Text{tx})
			}
		}
	}
	return rows
}

// TestTaglinesSetRightToLeft: Arabic, Farsi and Urdu lines are set right
// to left, flush right, each in its language's font (Urdu in Nastaliq),
// with the phone number reading left to right; read from the right their
// runs give the line back. In an Arabic handout a Spanish line stays left
// to right and flush left.
func TestTaglinesSetRightToLeft(t *testing.T) {
	r := newRenderer(t)
	words := func(tag string) string {
		w, _ := i18n.For(tag)
		return w.Tagline("(503) 555-0199", "711")
	}
	doc, _, err := r.Typeset(Job{Leaflet: sample("newborn-jaundice"), Site: taglineSite(t, "[ur, ar, fa, es]"), Layout: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	lay, _ := load.Layout("letter")
	right := lay.PageWidth - lay.MarginOutside
	fonts := map[string]string{"ur": "Noto Nastaliq Urdu", "ar": "Noto Naskh Arabic", "fa": "Noto Naskh Arabic"}
	for tag, face := range fonts {
		rows := taglineRows(doc, tag)
		if len(rows) == 0 {
			t.Fatalf("no %s tagline", tag)
		}
		var read strings.Builder
		phone := false
		for _, row := range rows {
			edge := 0.0
			sorted := slices.Clone(row)
			slices.SortFunc(sorted, func(a, b *typeset.Text) int { return cmp.Compare(b.X, a.X) })
			for _, tx := range sorted {
				edge = max(edge, tx.X+tx.Width)
				read.WriteString(tx.Text)
				if strings.ContainsFunc(tx.Text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) && tx.Face.Name() != face {
					t.Errorf("%s: %q is set in %s, want %s", tag, tx.Text, tx.Face.Name(), face)
				}
				if squash(tx.Text) == squash("(503) 555-0199") {
					phone = !tx.RTL
				}
			}
			if d := right - edge; d > 0.5 || d < -0.5 {
				t.Errorf("%s: a line ends %.1f pt from the column's right edge", tag, d)
			}
		}
		if got, want := squash(read.String()), squash(words(tag)); got != want {
			t.Errorf("%s: read from the right the line gives\n%q, want\n%q", tag, got, want)
		}
		if !phone {
			t.Errorf("%s: the phone number is not one left-to-right run", tag)
		}
	}

	doc, _, err = r.Typeset(Job{Leaflet: sample("ar-engorgement"), Site: taglineSite(t, "[es, ar]"), Layout: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	rows := taglineRows(doc, "es")
	if len(rows) < 2 {
		t.Fatalf("want the Spanish tagline on two lines or more, got %d", len(rows))
	}
	var read strings.Builder
	for _, row := range rows {
		if d := row[0].X - rows[0][0].X; d > 0.5 || d < -0.5 || row[0].RTL {
			t.Errorf("the Spanish tagline in an Arabic handout is not flush left, left to right: %q at x=%.1f", row[0].Text, row[0].X)
		}
		for _, tx := range row {
			read.WriteString(tx.Text)
		}
	}
	if got, want := squash(read.String()), squash(words("es")); got != want {
		t.Errorf("the Spanish line in an Arabic handout reads %q, want %q", got, want)
	}
}

// TestTaglinesDefaultList: `taglines: true`, which lists Arabic and
// Persian, renders, with a line in each language.
func TestTaglinesDefaultList(t *testing.T) {
	r := newRenderer(t)
	path := taglineSite(t, "true")
	s, err := load.Site(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.Taglines.Langs, "ar") || !slices.Contains(s.Taglines.Langs, "fa") {
		t.Fatalf("the default list should hold Arabic and Persian: %v", s.Taglines.Langs)
	}
	doc, _, err := r.Typeset(Job{Leaflet: sample("newborn-jaundice"), Site: path, Layout: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range s.Taglines.Langs {
		if len(taglineRows(doc, tag)) == 0 {
			t.Errorf("no %s tagline", tag)
		}
	}
}
