package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/fonts"
	"handout/internal/load"
)

func newEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestLayoutsAreCopies checks that a built-in layout is parsed once but
// handed out as copies: one caller's bleed never reaches another.
func TestLayoutsAreCopies(t *testing.T) {
	e := newEngine(t)
	a, err := e.Layout("trifold")
	if err != nil {
		t.Fatal(err)
	}
	a.Bleed, a.CropMarks = 9, true
	a.Panels[0] = 1
	b, err := e.Layout("trifold")
	if err != nil {
		t.Fatal(err)
	}
	if b == a || b.Bleed == 9 || b.CropMarks || b.Panels[0] == 1 {
		t.Errorf("a change to one copy shows in the next: %+v", b)
	}
	if l, err := e.Layout(""); err != nil || l.Name != "letter" {
		t.Errorf("the default layout is %v (%v), want letter", l, err)
	}
	if _, err := e.Layout("tabloid"); err == nil || !strings.Contains(err.Error(), `unknown layout "tabloid"`) {
		t.Errorf("unknown layout: %v", err)
	}
}

// TestLayoutFilesAreReadEachTime checks that a layout file is not cached:
// a long-running process sees it change.
func TestLayoutFilesAreReadEachTime(t *testing.T) {
	e := newEngine(t)
	p := filepath.Join(t.TempDir(), "mine.yaml")
	for _, size := range []float64{12, 14} {
		if err := os.WriteFile(p, []byte(fmt.Sprintf("text: {size: %gpt}\n", size)), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := e.Layout(p)
		if err != nil {
			t.Fatal(err)
		}
		if l.BodySize != size {
			t.Errorf("body size %g after writing %g pt", l.BodySize, size)
		}
	}
}

// TestTypesetAndValidate lays a leaflet out through the engine and
// refuses one the validator rejects.
func TestTypesetAndValidate(t *testing.T) {
	e := newEngine(t)
	l, err := load.ParseLeaflet("l.yaml", []byte("title: T\nlanguage: es\nsections:\n  - body: [Hola.]\n"))
	if err != nil {
		t.Fatal(err)
	}
	layout, err := e.Layout("a5")
	if err != nil {
		t.Fatal(err)
	}
	site, _ := e.Site("")
	if !site.Builtin {
		t.Fatal("no site must give the plain one")
	}
	if ps := e.Validate(l, site, time.Now()); len(ps) != 0 {
		t.Fatalf("refused: %v", ps)
	}
	doc, err := e.Typeset(Doc{Leaflet: l, Site: site, Layout: layout, PadDuplex: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 2 {
		t.Errorf("%d pages, want 2 (one padded for duplex)", len(doc.Pages))
	}
	bad, err := load.ParseLeaflet("bad.yaml", []byte("title: T\nsections:\n  - body:\n      - image: {file: gone.png, alt: A map.}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ps := e.Validate(bad, site, time.Time{}); len(ps) != 1 || ps[0].Rule != "image" {
		t.Errorf("a missing image: %v", ps)
	}
}

func TestEngineHoldsALazyCatalog(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fam, ok := e.Catalog().Choose("ur", "Arab")
	if !ok || fam.Name != fonts.NastaliqUrduName {
		t.Fatalf("Choose(ur, Arab) = %q, %v", fam.Name, ok)
	}
}
