package typeset

import (
	"math"
	"testing"

	"handout/internal/i18n"
	"handout/internal/load"
)

const biFirst = `title: Jaundice
language: en
sections:
  - heading: What is it?
    body:
      - Babies may turn yellow.
      - bullets: [One, Two]
  - heading: When to call
    body:
      - Call if your baby is very sleepy and does not wake up for feeds at all during the day or the night, or if the yellow color spreads to the legs.
credits:
  written_by: Nurses
`

const biSecond = `title: Ictericia
language: es
sections:
  - heading: ¿Qué es?
    body:
      - Los bebés pueden ponerse amarillos y esto es muy común en la primera semana de vida, sobre todo en los bebés que nacen antes de tiempo.
      - bullets: [Uno, Dos]
  - heading: Cuándo llamar
    body:
      - Llame si su bebé tiene mucho sueño.
credits:
  written_by: Nurses
`

func setBilingual(t *testing.T, layout string) *Document {
	t.Helper()
	a, err := load.ParseLeaflet("en.yaml", []byte(biFirst))
	if err != nil {
		t.Fatal(err)
	}
	b, err := load.ParseLeaflet("es.yaml", []byte(biSecond))
	if err != nil {
		t.Fatal(err)
	}
	lay, err := load.Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	sa, _ := i18n.For("en")
	sb, _ := i18n.For("es")
	doc, err := Typeset(Input{Leaflet: a, Second: b, Site: qrSite(), Layout: lay, Fonts: testFonts(t), Strings: sa, SecondStrings: sb,
		ImageSize: func(string) (int, int, bool) { return 1200, 800, true }})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns the first text item that reads s, and its page.
func find(doc *Document, s string) (*Text, int) {
	for i, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Text == s {
				return tx, i
			}
		}
	}
	return nil, -1
}

// TestSideBySideLevel: in a two-column layout each section's headings in
// both languages start level, the translation in the right column, and
// blocks that pair start level too.
func TestSideBySideLevel(t *testing.T) {
	doc := setBilingual(t, "letter-2col")
	for _, pair := range [][2]string{{"What is it?", "¿Qué es?"}, {"When to call", "Cuándo llamar"}, {"One", "Uno"}} {
		a, pa := find(doc, pair[0])
		b, pb := find(doc, pair[1])
		if a == nil || b == nil {
			t.Fatalf("missing %q or %q", pair[0], pair[1])
		}
		if pa != pb || math.Abs(a.Y-b.Y) > 0.01 {
			t.Errorf("%q (page %d, y %.2f) and %q (page %d, y %.2f) are not level", pair[0], pa+1, a.Y, pair[1], pb+1, b.Y)
		}
		if b.X <= a.X {
			t.Errorf("%q at x %.0f is not right of %q at x %.0f", pair[1], b.X, pair[0], a.X)
		}
		if b.Lang != "es" || doc.Nodes[b.Role.Block-1].Lang != "es" || a.Lang != "en" || doc.Nodes[a.Role.Block-1].Lang != "" {
			t.Errorf("languages: %q %q (node %q), %q %q", pair[1], b.Lang, doc.Nodes[b.Role.Block-1].Lang, pair[0], a.Lang)
		}
	}
	// the English section after a long Spanish paragraph waits for it
	call, _ := find(doc, "When to call")
	sleepy, _ := find(doc, "Llame si su bebé tiene mucho sueño.")
	if sleepy == nil || call == nil || sleepy.Y <= call.Y {
		t.Fatalf("second section not laid out below the first")
	}
	// both credit lines are the same: one line with both labels
	n := 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Text == "Written by / Escrito por: " {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("%d merged credit labels, want 1", n)
	}
}

// TestSequentialBilingual: a one-column layout prints the translation after
// the leaflet, from a new page, with its own title.
func TestSequentialBilingual(t *testing.T) {
	for _, layout := range []string{"a5", "trifold"} {
		doc := setBilingual(t, layout)
		_, pe := find(doc, "When to call")
		title, ps := findKind(doc, "Ictericia", H1)
		if title == nil {
			t.Fatalf("%s: no Spanish title", layout)
		}
		if layout == "a5" && ps <= pe {
			t.Errorf("%s: Spanish part starts on page %d, the English ends on page %d", layout, ps+1, pe+1)
		}
		if title.Lang != "es" {
			t.Errorf("%s: Spanish title tagged %q", layout, title.Lang)
		}
	}
}

// findKind is find for a text of a given structure role.
func findKind(doc *Document, s string, kind RoleKind) (*Text, int) {
	for i, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*Text); ok && tx.Text == s && tx.Role.Kind == kind {
				return tx, i
			}
		}
	}
	return nil, -1
}
