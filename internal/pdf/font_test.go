package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"testing"
)

// Fonts the writer cannot embed are refused with a message that says why.
func TestParseFontRefuses(t *testing.T) {
	good := regular(t).data
	badLoca := bytes.Clone(good)
	// make head say the loca table is long: it then runs past its end or
	// out of order
	head := tableOffset(t, badLoca, "head")
	binary.BigEndian.PutUint16(badLoca[head+50:], 1-binary.BigEndian.Uint16(badLoca[head+50:]))
	cases := map[string]struct {
		data []byte
		want string
	}{
		"collection":  {[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0c"), "collections"},
		"CFF":         {append([]byte("OTTO"), make([]byte, 20)...), "CFF"},
		"garbage":     {[]byte("hello, this is not a font at all"), "not a TrueType font"},
		"empty":       {nil, "too short"},
		"cut":         {good[:200], "past the end"},
		"loca format": {badLoca, "loca"},
	}
	for name, c := range cases {
		_, err := ParseFont(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one mentioning %q", name, err, c.want)
		}
	}
}

func tableOffset(t testing.TB, font []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		if string(font[12+16*i:][:4]) == tag {
			return int(binary.BigEndian.Uint32(font[12+16*i+8:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return 0
}

// compositeGlyph finds a glyph built from components.
func compositeGlyph(t testing.TB, p *FontProgram) uint16 {
	for g := 1; g < p.numGlyphs; g++ {
		if d := p.glyph(uint16(g)); len(d) >= 10 && int16(binary.BigEndian.Uint16(d)) < 0 {
			return uint16(g)
		}
	}
	t.Fatal("the font has no composite glyph")
	return 0
}

// A subset holds the glyphs used plus the components of composite glyphs,
// renumbered, with the components' indices rewritten to match.
func TestSubsetKeepsComponents(t *testing.T) {
	p := regular(t)
	comp := compositeGlyph(t, p)
	f := newFont(p, "F1", Ref{1})
	f.Use(comp, "x")
	if err := f.addComponents(); err != nil {
		t.Fatal(err)
	}
	if len(f.olds) < 3 {
		t.Fatalf("subset has %d glyphs; a composite needs its components too", len(f.olds))
	}
	data, err := p.subset(f.olds, f.newID)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := ParseFont(data)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.numGlyphs != len(f.olds) {
		t.Errorf("subset has %d glyphs, want %d", sub.numGlyphs, len(f.olds))
	}
	var parts []uint16
	g := sub.glyph(1)
	if err := components(g, func(at int) error { parts = append(parts, binary.BigEndian.Uint16(g[at:])); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, c := range parts {
		if int(c) >= sub.numGlyphs || !bytes.Equal(sub.glyph(c), p.glyph(f.olds[c])) {
			t.Errorf("component %d does not point at the original component's outline", c)
		}
	}
	for id, old := range f.olds {
		if sub.Advance(uint16(id)) != p.Advance(old) {
			t.Errorf("glyph %d: advance %d, want %d", id, sub.Advance(uint16(id)), p.Advance(old))
		}
	}
	// and it draws
	path, _ := writePDF(t, func(d *Document) {
		df := d.Font(p)
		df.Use(comp, "x")
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(df, 40, 10, 30, []Glyph{{ID: comp, XAdvance: 20}})
	})
	checkValid(t, path)
}

// The subset's tag follows from its contents: the same glyphs give the same
// name in any document, other glyphs another name.
func TestSubsetTag(t *testing.T) {
	name := func(text string) string {
		_, pdf := writePDF(t, func(d *Document) {
			f := d.Font(regular(t))
			d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(f, 10, 0, 50, shapeSimple(t, f, 10, text))
		})
		i := bytes.Index(pdf, []byte("+NotoSans-Regular"))
		return string(pdf[i-6 : i])
	}
	a, b, c := name("abc"), name("abc"), name("abd")
	if a != b || a == c {
		t.Errorf("tags %s, %s for the same glyphs and %s for others", a, b, c)
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			t.Errorf("tag %q is not six capital letters", a)
		}
	}
}

// A handout's worth of text makes a small font: only the glyphs used.
func TestSubsetIsSmall(t *testing.T) {
	_, pdf := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		d.AddPage(PageSpec{Width: 600, Height: 100}).Content().
			Glyphs(f, 10, 0, 50, shapeSimple(t, f, 10, "The quick brown fox jumps over the lazy dog. 0123456789 ÁÉÍÓÚñ"))
	})
	if len(pdf) > 30000 {
		t.Errorf("a one-line document is %d bytes", len(pdf))
	}
}

// /W gives every glyph its width from hmtx, in thousandths of an em.
func TestWidths(t *testing.T) {
	_, pdf := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(f, 10, 0, 50, shapeSimple(t, f, 10, "Wi"))
	})
	p := regular(t)
	want := "/W [0 [" + string(Real(p.width(0)).appendTo(nil)) + " " + string(Real(p.width(cmap(t, p, 'W'))).appendTo(nil)) + " " +
		string(Real(p.width(cmap(t, p, 'i'))).appendTo(nil)) + "]]"
	if !bytes.Contains(pdf, []byte(want)) {
		t.Errorf("the file lacks %s", want)
	}
}

// A glyph ID the font does not have draws .notdef instead of breaking the
// file.
func TestUnknownGlyph(t *testing.T) {
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(regular(t))
		f.Use(65000, "?")
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(f, 10, 0, 50, []Glyph{{ID: 65000, XAdvance: 5}})
	})
	checkValid(t, path)
}

// subsetDocument parses data as a font and, if that works, embeds a subset
// of its first glyphs: the whole path a hostile font can take.
func subsetDocument(data []byte) error {
	p, err := ParseFont(data)
	if err != nil {
		return err
	}
	d := NewDocument(io.Discard, Options{})
	f := d.Font(p)
	var gs []Glyph
	for g := 0; g < min(p.NumGlyphs(), 64); g++ {
		f.Use(uint16(g), "a")
		gs = append(gs, Glyph{ID: uint16(g), XAdvance: 3})
	}
	d.AddPage(PageSpec{Width: 10, Height: 10}).Content().Glyphs(f, 10, 0, 0, gs)
	return d.Close()
}

// A subset taken from the cache is the same as one made afresh, so output
// never depends on what a process rendered before.
func TestSubsetCacheChangesNothing(t *testing.T) {
	doc := func(c *Compressors) []byte {
		var buf bytes.Buffer
		d := NewDocument(&buf, Options{Compressors: c})
		f := d.Font(regular(t))
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(f, 10, 0, 50, shapeSimple(t, f, 10, "cached é"))
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	c := NewCompressors()
	first, second := doc(c), doc(c)
	off := NewCompressors()
	off.SetSubsetCache(0)
	if !bytes.Equal(first, second) || !bytes.Equal(first, doc(off)) {
		t.Error("the cached subset changed the output")
	}
	if len(c.subsets) != 1 || len(off.subsets) != 0 {
		t.Errorf("cache holds %d and %d subsets, want 1 and 0", len(c.subsets), len(off.subsets))
	}
}

// A glyph drawn for other text than it first stood for is drawn through a
// copy whose ToUnicode entry is that text, so readers of ToUnicode alone
// get the text of each use; asking again for the same text reuses the copy,
// and the glyph's own entry is unchanged. The copy draws the same outline.
func TestAliasGivesEachUseItsText(t *testing.T) {
	p := regular(t)
	a, b := cmap(t, p, 'a'), cmap(t, p, 'b')
	path, _ := writePDF(t, func(d *Document) {
		f := d.Font(p)
		own := f.Alias(a, "a")
		swapped := f.Alias(a, "b")
		if own == swapped || f.Alias(a, "b") != swapped || f.Alias(a, "a") != own {
			t.Errorf("ids: own %d, swapped %d, again %d, %d", own, swapped, f.Alias(a, "b"), f.Alias(a, "a"))
		}
		gs := []Glyph{{ID: a, XAdvance: 6, Alias: swapped}, {ID: b, XAdvance: 6, Alias: f.Alias(b, "a")}, {ID: a, XAdvance: 6}}
		d.AddPage(PageSpec{Width: 100, Height: 100}).Content().Glyphs(f, 10, 10, 50, gs)
	})
	checkValid(t, path)
	if got := strings.TrimSpace(pdfText(t, path)); got != "baa" {
		t.Errorf("pdftotext reads %q, want %q", got, "baa")
	}
}

// Hostile text can ask for more copies of glyphs than a font can number.
// The copies stop while every glyph of the program could still get an ID,
// so a glyph first drawn after them, and the components of a composite
// one (added only when the font is written), are still in the subset and
// draw as themselves, not as .notdef.
func TestAliasesLeaveRoomForGlyphs(t *testing.T) {
	p := regular(t)
	a, b := cmap(t, p, 'a'), cmap(t, p, 'b')
	comp := compositeGlyph(t, p)
	f := newFont(p, "F1", Ref{1})
	f.Alias(a, "a")
	for i := 0; len(f.olds) < maxSubsetGlyphs && i < 2*maxSubsetGlyphs; i++ {
		f.Alias(a, fmt.Sprint(i))
	}
	if id := f.id(b); id == 0 {
		t.Fatalf("after %d copies of a glyph, a new glyph is .notdef", len(f.aliases))
	}
	if id := f.id(comp); id == 0 {
		t.Fatal("a composite glyph is .notdef")
	}
	if err := f.addComponents(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.subset(f.olds, f.newID); err != nil {
		t.Fatalf("the subset cannot be built: %v", err)
	}
	if len(f.olds) > maxSubsetGlyphs {
		t.Errorf("subset has %d glyphs, more than a font can hold", len(f.olds))
	}
}
