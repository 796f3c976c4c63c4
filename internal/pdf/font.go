package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
)

// Font is one document's subset of a FontProgram. Glyphs are renumbered in
// the order they are first used (0 stays .notdef), so the embedded font
// holds only what the document draws and the content stream's two-byte
// codes are the subset's glyph IDs (CIDToGIDMap /Identity).
type Font struct {
	prog *FontProgram
	res  Name     // resource name, /F1...
	ref  Ref      // the Type0 font dictionary
	ids  []uint16 // glyph in the program -> new ID + 1; 0 = not used yet
	olds []uint16 // new ID -> glyph in the program
	text []string // new ID -> the text the glyph stands for
	// copies of glyphs drawn for other text than their first: a glyph's
	// copy for a text, whose ToUnicode entry is that text
	aliases map[alias]uint16
}

type alias struct {
	gid  uint16
	text string
}

func newFont(p *FontProgram, res Name, ref Ref) *Font {
	// a flat table, not a map: it is looked up for every glyph drawn
	ids := make([]uint16, p.numGlyphs)
	ids[0] = 1
	return &Font{prog: p, res: res, ref: ref, ids: ids, olds: []uint16{0}, text: []string{""}}
}

// Use records that glyph gid is drawn and stands for text, for the
// ToUnicode map: a ligature's text is all its letters. The first non-empty
// text given for a glyph wins; Use reports whether the map gives back text
// for this glyph, and when it does not (the glyph stood for other text
// before, or text is empty) the caller covers it with ActualText. Glyphs
// the font does not have become .notdef.
func (f *Font) Use(gid uint16, text string) bool {
	id := f.id(gid)
	if len(text) > maxGlyphText {
		return false // a ToUnicode entry holds at most 512 bytes
	}
	if f.text[id] == "" && id != 0 {
		f.text[id] = text
	}
	return text != "" && f.text[id] == text
}

// Alias returns the subset ID to draw glyph gid with so that it stands for
// text: the glyph's own ID when its ToUnicode entry is text (or is free,
// and takes text), else a copy of the glyph, made once per text, whose
// entry is text. A cluster drawn in another order than its characters (a
// Devanagari vowel sign before its consonant) can so give back its text,
// glyph by glyph in drawing order, to readers that take no ActualText
// (poppler's structure-tree text, MuPDF). A glyph gid the font lacks is
// .notdef (0).
func (f *Font) Alias(gid uint16, text string) uint16 {
	id := f.id(gid)
	if id == 0 || text == "" || len(text) > maxGlyphText {
		return id
	}
	if f.text[id] == "" {
		f.text[id] = text
	}
	if f.text[id] == text {
		return id
	}
	k := alias{gid, text}
	if a, ok := f.aliases[k]; ok {
		return a
	}
	// a font has at most 65,535 glyphs: copies stop while every glyph of
	// the program, a composite's components included, can still get an ID
	if len(f.aliases)+f.prog.numGlyphs >= maxSubsetGlyphs {
		return id
	}
	if f.aliases == nil {
		f.aliases = map[alias]uint16{}
	}
	a := uint16(len(f.olds))
	f.olds = append(f.olds, gid)
	f.text = append(f.text, text)
	f.aliases[k] = a
	return a
}

// maxSubsetGlyphs is the most glyphs a subset may hold.
const maxSubsetGlyphs = 0xFFFF

// maxGlyphText bounds the text one glyph can map to.
const maxGlyphText = 100

// id returns the subset's ID for gid, adding it on first use.
func (f *Font) id(gid uint16) uint16 {
	if int(gid) >= len(f.ids) {
		return 0
	}
	if id := f.ids[gid]; id != 0 {
		return id - 1
	}
	if len(f.olds) >= maxSubsetGlyphs {
		return 0
	}
	id := uint16(len(f.olds))
	f.ids[gid] = id + 1
	f.olds = append(f.olds, gid)
	f.text = append(f.text, "")
	return id
}

// newID returns the subset's ID for a glyph of the program, if it has one.
func (f *Font) newID(old uint16) (uint16, bool) {
	if int(old) >= len(f.ids) || f.ids[old] == 0 {
		return 0, false
	}
	return f.ids[old] - 1, true
}

// Program is the font this subset is cut from.
func (f *Font) Program() *FontProgram { return f.prog }

// addComponents appends the components of composite glyphs, recursively,
// so every composite in the subset can be drawn.
func (f *Font) addComponents() error {
	for i := 0; i < len(f.olds); i++ {
		g := f.prog.glyph(f.olds[i])
		err := components(g, func(at int) error {
			c := binary.BigEndian.Uint16(g[at:])
			if int(c) >= f.prog.numGlyphs {
				return fmt.Errorf("glyph %d: component %d is not in the font", f.olds[i], c)
			}
			f.id(c)
			return nil
		})
		if err != nil {
			return fmt.Errorf("font %s: %w", f.prog.psName, err)
		}
	}
	return nil
}

// write puts the subset font and its dictionaries into the document.
func (f *Font) write(d *Document) error {
	if err := f.addComponents(); err != nil {
		return err
	}
	file, err := f.file(d.comp)
	if err != nil {
		return fmt.Errorf("font %s: %w", f.prog.psName, err)
	}
	base := Name(file.tag + "+" + f.prog.psName)
	p := f.prog
	scale := func(v int16) Real { return Real(float64(v) * 1000 / float64(p.unitsPerEm)) }
	fileRef, descRef, cidRef, cmapRef := d.Alloc(), d.Alloc(), d.Alloc(), d.Alloc()
	d.w.stream(fileRef, Dict{"Length1": Int(file.length), "Filter": Name("FlateDecode")}, file.z)
	flags := 4 // symbolic: glyphs are addressed by ID, not by a standard encoding
	if p.fixedPitch {
		flags |= 1
	}
	if p.italic || p.italicAngle != 0 {
		flags |= 64
	}
	d.Put(descRef, Dict{
		"Type": Name("FontDescriptor"), "FontName": base, "Flags": Int(flags),
		"FontBBox":    Array{scale(p.bbox[0]), scale(p.bbox[1]), scale(p.bbox[2]), scale(p.bbox[3])},
		"ItalicAngle": Real(p.italicAngle), "Ascent": scale(p.ascent), "Descent": scale(p.descent),
		"CapHeight": scale(p.capHeight), "StemV": Int(stemV(p.weight)), "FontFile2": fileRef,
	})
	widths := make(Array, len(f.olds))
	for i, old := range f.olds {
		widths[i] = Real(p.width(old))
	}
	d.Put(cidRef, Dict{
		"Type": Name("Font"), "Subtype": Name("CIDFontType2"), "BaseFont": base,
		"CIDSystemInfo":  Dict{"Registry": String("Adobe"), "Ordering": String("Identity"), "Supplement": Int(0)},
		"FontDescriptor": descRef, "W": Array{Int(0), widths}, "CIDToGIDMap": Name("Identity"),
	})
	d.putStream(cmapRef, Dict{}, []byte(f.toUnicode()), true)
	d.Put(f.ref, Dict{
		"Type": Name("Font"), "Subtype": Name("Type0"), "BaseFont": base, "Encoding": Name("Identity-H"),
		"DescendantFonts": Array{cidRef}, "ToUnicode": cmapRef,
	})
	return nil
}

// file returns the compressed subset font, from the cache when the same
// glyphs of the same program were embedded before.
func (f *Font) file(c *Compressors) (*subsetFile, error) {
	key := subsetKey{prog: f.prog}
	h := sha256.New()
	for _, g := range f.olds {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	h.Sum(key.sum[:0])
	if file := c.subset(key); file != nil {
		return file, nil
	}
	data, err := f.prog.subset(f.olds, f.newID)
	if err != nil {
		return nil, err
	}
	file := &subsetFile{tag: subsetTag(data), length: len(data), z: c.Deflate(data)}
	c.keep(key, file)
	return file, nil
}

// stemV guesses the dominant stem width from the weight class, as
// PDF writers commonly do; viewers only use it for substitution.
func stemV(weight uint16) int {
	return 50 + int(weight)*int(weight)/(65*65)
}

// subsetTag derives the six capital letters before a subset font's name
// from its contents, so the same subset always gets the same name and
// different subsets almost never share one.
func subsetTag(data []byte) string {
	sum := sha256.Sum256(data)
	var b strings.Builder
	for _, c := range sum[:6] {
		b.WriteByte('A' + c%26)
	}
	return b.String()
}

// toUnicode writes the CMap that maps each glyph back to its text.
func (f *Font) toUnicode() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	for id, t := range f.text {
		if t == "" {
			continue
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%X>\n", id, utf16BE(t, false)))
	}
	for len(entries) > 0 {
		n := min(len(entries), 100) // the CMap syntax allows 100 per block
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, e := range entries[:n] {
			b.WriteString(e)
		}
		b.WriteString("endbfchar\n")
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}
