package font

import (
	"bytes"
	"encoding/binary"
	"fmt"

	gofont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	ottables "github.com/go-text/typesetting/font/opentype/tables"
)

// span is where one table lies in the font file.
type span struct {
	off, size int
	ok        bool
}

// tables holds the directory entries Parse checks itself before handing
// the file to go-text: the ones a PDF embedding of the file relies on.
type tables struct {
	head, hhea, maxp, hmtx, cmap, glyf, loca, os2, cff span
}

// Parse reads a TrueType font. name is used in errors and returned by Name.
// data is kept, not copied, and must not be modified afterwards. Parse never
// panics: malformed, truncated, CFF-flavoured (OTTO) and collection (ttcf)
// files are errors, as are fonts that forbid embedding, because the PDF
// embeds the file's glyf outlines as they are.
func Parse(name string, data []byte) (face *Face, err error) {
	p := parser{name: name, data: data}
	defer func() {
		if r := recover(); r != nil {
			face, err = nil, p.errorf("malformed font: %v", r)
		}
	}()
	return p.parse()
}

type parser struct {
	name string
	data []byte
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("font %s: %s", p.name, fmt.Sprintf(format, args...))
}

// u16 and u32 read big-endian values at a file offset the caller has
// already bounds-checked. u32 stays unsigned 64-bit so that offsets cannot
// wrap negative on 32-bit platforms before they are checked.
func (p *parser) u16(off int) int    { return int(binary.BigEndian.Uint16(p.data[off:])) }
func (p *parser) i16(off int) int16  { return int16(binary.BigEndian.Uint16(p.data[off:])) }
func (p *parser) u32(off int) uint64 { return uint64(binary.BigEndian.Uint32(p.data[off:])) }

func (p *parser) parse() (*Face, error) {
	t, err := p.check()
	if err != nil {
		return nil, err
	}
	raw, _, err := ottables.ParseCmap(p.data[t.cmap.off : t.cmap.off+t.cmap.size])
	if err != nil {
		return nil, p.errorf("cmap: %v", err)
	}
	cmap, _, err := gofont.ProcessCmap(raw, 0)
	if err != nil {
		return nil, p.errorf("cmap: %v", err)
	}
	f := &Face{name: p.name, data: p.data, cmap: cmap, upem: float64(p.u16(t.head.off + 18))}
	if err := p.vertical(f, t); err != nil {
		return nil, err
	}
	if err := p.glyphs(f, t); err != nil {
		return nil, err
	}
	if f.xHeight == 0 {
		f.xHeight = f.capHeight * 2 / 3
		if g, ok := f.cmap.Lookup('x'); ok {
			if top, ok := p.glyphTop(t, int(g)); ok && top > 0 {
				f.xHeight = float64(top)
			}
		}
	}
	return f, nil
}

// check reads the table directory and the tables a PDF embedding relies
// on, for the errors a print room can act on.
func (p *parser) check() (tables, error) {
	var t tables
	if len(p.data) < 12 {
		return t, p.errorf("%d bytes is too short for a font file", len(p.data))
	}
	switch tag := string(p.data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return t, p.errorf("CFF-flavoured OpenType (OTTO) is not supported; use a TrueType build with glyf outlines")
	case "ttcf":
		return t, p.errorf("TrueType collections (ttcf) are not supported; extract a single font from the collection")
	default:
		return t, p.errorf("not a TrueType font (file starts with %+q)", tag)
	}
	t, err := p.directory()
	if err != nil {
		return t, err
	}
	if !t.glyf.ok {
		if t.cff.ok {
			return t, p.errorf("has CFF outlines and no glyf table; use a TrueType build")
		}
		return t, p.errorf("no glyf table (TrueType outlines)")
	}
	for _, req := range []struct {
		tag string
		s   span
		min int
	}{
		{"head", t.head, 54}, {"hhea", t.hhea, 36}, {"maxp", t.maxp, 6},
		{"hmtx", t.hmtx, 0}, {"cmap", t.cmap, 4}, {"loca", t.loca, 0},
	} {
		if !req.s.ok {
			return t, p.errorf("missing required %q table", req.tag)
		}
		if req.s.size < req.min {
			return t, p.errorf("%q table is %d bytes, need at least %d", req.tag, req.s.size, req.min)
		}
	}
	if upem := p.u16(t.head.off + 18); upem < 16 || upem > 16384 {
		return t, p.errorf("unitsPerEm %d outside 16..16384", upem)
	}
	if p.u16(t.hhea.off+34) == 0 {
		return t, p.errorf("hhea numberOfHMetrics is 0")
	}
	numGlyphs := p.u16(t.maxp.off + 4)
	if numGlyphs == 0 {
		return t, p.errorf("maxp says the font has no glyphs")
	}
	if t.os2.ok && t.os2.size >= 10 {
		if fsType := p.u16(t.os2.off + 8); fsType == 0x0002 || fsType&0x0300 != 0 {
			return t, p.errorf("OS/2 fsType %#04x forbids embedding or subsetting the font", fsType)
		}
	}
	return t, p.checkLoca(t, p.u16(t.head.off+50), numGlyphs)
}

// directory reads the table directory, checking every table lies inside the
// file: the PDF layer copies tables whole when it subsets the font.
func (p *parser) directory() (tables, error) {
	var t tables
	n := p.u16(4)
	if 12+16*n > len(p.data) {
		return t, p.errorf("table directory of %d tables is truncated", n)
	}
	for i := range n {
		rec := 12 + 16*i
		off, size := p.u32(rec+8), p.u32(rec+12)
		tag := string(p.data[rec : rec+4])
		if off+size > uint64(len(p.data)) {
			return t, p.errorf("table %q (offset %d, %d bytes) runs past the end of the file", tag, off, size)
		}
		s := span{off: int(off), size: int(size), ok: true}
		switch tag {
		case "head":
			t.head = s
		case "hhea":
			t.hhea = s
		case "maxp":
			t.maxp = s
		case "hmtx":
			t.hmtx = s
		case "cmap":
			t.cmap = s
		case "glyf":
			t.glyf = s
		case "loca":
			t.loca = s
		case "OS/2":
			t.os2 = s
		case "CFF ", "CFF2":
			t.cff = s
		}
	}
	return t, nil
}

// checkLoca makes sure every glyph's outline lies inside glyf, in order: a
// subsetter slices glyf by these offsets.
func (p *parser) checkLoca(t tables, format, numGlyphs int) error {
	if format > 1 {
		return p.errorf("unknown indexToLocFormat %d", format)
	}
	width := 2 << format
	if t.loca.size < (numGlyphs+1)*width {
		return p.errorf("loca table is %d bytes, too short for %d glyphs", t.loca.size, numGlyphs)
	}
	prev := uint64(0)
	for g := 0; g <= numGlyphs; g++ {
		off := p.locaEntry(t.loca.off, format, g)
		if off < prev || off > uint64(t.glyf.size) {
			return p.errorf("loca entry %d (%d) is out of order or past the glyf table", g, off)
		}
		prev = off
	}
	return nil
}

func (p *parser) locaEntry(loca, format, g int) uint64 {
	if format == 0 {
		return 2 * uint64(p.u16(loca+2*g))
	}
	return p.u32(loca + 4*g)
}

// glyphTop returns the yMax of glyph g's bounding box, if it has an outline.
func (p *parser) glyphTop(t tables, g int) (int16, bool) {
	format, numGlyphs := p.u16(t.head.off+50), p.u16(t.maxp.off+4)
	if g <= 0 || g >= numGlyphs {
		return 0, false
	}
	// checkLoca has made sure start <= end <= the glyf size.
	start := p.locaEntry(t.loca.off, format, g)
	end := p.locaEntry(t.loca.off, format, g+1)
	if end-start < 10 {
		return 0, false
	}
	return p.i16(t.glyf.off + int(start) + 8), true
}

// vertical sets ascent, descent, cap height and x-height in font units:
// hhea's ascender and descender (OS/2's typographic ones, then the bounding
// box, where hhea has zero), and OS/2's cap and x heights.
func (p *parser) vertical(f *Face, t tables) error {
	hhea := t.hhea.off
	f.ascent, f.descent = float64(p.i16(hhea+4)), float64(p.i16(hhea+6))
	if !t.os2.ok {
		head := t.head.off
		if f.ascent == 0 {
			f.ascent = float64(p.i16(head + 42))
		}
		if f.descent == 0 {
			f.descent = float64(p.i16(head + 38))
		}
		f.capHeight = f.ascent
		return nil
	}
	os2 := t.os2.off
	if t.os2.size < 72 {
		return p.errorf("OS/2 table is %d bytes, need at least 72", t.os2.size)
	}
	if f.ascent == 0 {
		f.ascent = float64(p.i16(os2 + 68))
	}
	if f.descent == 0 {
		f.descent = float64(p.i16(os2 + 70))
	}
	f.capHeight = f.ascent
	f.weight = p.u16(os2 + 4)
	if version := p.u16(os2); version > 1 {
		if t.os2.size < 90 {
			return p.errorf("OS/2 version %d table is %d bytes, need at least 90", version, t.os2.size)
		}
		f.capHeight = float64(p.i16(os2 + 88))
		f.xHeight = max(0, float64(p.i16(os2+86)))
	}
	return nil
}

// glyphs reads the character map go-text chose (any format, format 12
// included, so characters beyond the BMP are reachable) into the face's
// flat BMP table.
func (p *parser) glyphs(f *Face, t tables) error {
	numGlyphs := p.u16(t.maxp.off + 4)
	f.numGlyphs = numGlyphs
	if f.cmap == nil {
		return p.errorf("no Unicode cmap subtable")
	}
	mapped := 0
	for it := f.cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if g == 0 || int(g) >= numGlyphs || !showable(r) {
			continue // a glyph the font does not have draws nothing
		}
		mapped++
		if uint32(r) < 1<<16 {
			f.gid[r] = uint16(g)
		}
	}
	if mapped == 0 {
		return p.errorf("the cmap maps no character to a glyph")
	}
	return nil
}

// shapingFont parses the font for shaping, once, when the face first
// shapes text: a process that never sets a word in bold italic never pays
// for reading its layout tables. go-text treats every table but cmap, head
// and maxp as optional, and Parse has checked those, so this does not fail;
// should it all the same, the face shapes without its layout tables (no
// kerning or ligatures) rather than not at all.
func (f *Face) shapingFont() *gofont.Font {
	f.shapeOnce.Do(func() {
		f.shaping = loadGoText(shapingTables(f.data))
		if f.shaping == nil {
			f.shaping = loadGoText(keepTables(f.data, func(tag string) bool {
				return tag == "cmap" || tag == "head" || tag == "hhea" || tag == "hmtx" || tag == "maxp"
			}))
		}
	})
	return f.shaping
}

// loadGoText parses a font file with go-text, or returns nil.
func loadGoText(data []byte) (gf *gofont.Font) {
	defer func() {
		if recover() != nil {
			gf = nil
		}
	}()
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	gf, err = gofont.NewFont(ld)
	if err != nil {
		return nil
	}
	return gf
}

// shapingTables returns the font file with only the tables shaping reads.
// go-text parses every table it is given, the outlines and the glyph names
// too, which would cost more than shaping a whole leaflet; the outlines go
// to the PDF from the original file.
func shapingTables(font []byte) []byte {
	return keepTables(font, func(tag string) bool {
		switch tag {
		case "cmap", "head", "hhea", "hmtx", "maxp", "OS/2", "GDEF", "GSUB", "GPOS", "kern", "morx", "kerx", "trak":
			return true
		}
		return false
	})
}
