package font

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
)

// span is where one table lies in the font file.
type span struct {
	off, size int
	ok        bool
}

// tables holds the directory entries Parse looks at. As in fpdf, a later
// entry with the same tag replaces an earlier one.
type tables struct {
	head, hhea, maxp, hmtx, cmap, glyf, loca, post, name, os2, cff span
}

// Parse reads a TrueType font for measurement. name is used in errors and
// returned by Name. data is kept, not copied, and must not be modified
// afterwards. Parse never panics: malformed, truncated, CFF-flavoured
// (OTTO) and collection (ttcf) files are errors, as are fonts that forbid
// embedding or that fpdf could not measure consistently.
func Parse(name string, data []byte) (*Face, error) {
	p := parser{name: name, data: data}
	return p.parse()
}

type parser struct {
	name string
	data []byte
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("font %s: %s", p.name, fmt.Sprintf(format, args...))
}

// u16, i16 and u32 read big-endian values at a file offset the caller has
// already bounds-checked. u32 stays unsigned 64-bit so that offsets cannot
// wrap negative on 32-bit platforms before they are checked.
func (p *parser) u16(off int) int    { return int(binary.BigEndian.Uint16(p.data[off:])) }
func (p *parser) i16(off int) int16  { return int16(binary.BigEndian.Uint16(p.data[off:])) }
func (p *parser) u32(off int) uint64 { return uint64(binary.BigEndian.Uint32(p.data[off:])) }

func (p *parser) parse() (*Face, error) {
	if len(p.data) < 12 {
		return nil, p.errorf("%d bytes is too short for a font file", len(p.data))
	}
	switch tag := string(p.data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, p.errorf("CFF-flavoured OpenType (OTTO) is not supported; use a TrueType build with glyf outlines")
	case "ttcf":
		return nil, p.errorf("TrueType collections (ttcf) are not supported; extract a single font from the collection")
	default:
		return nil, p.errorf("not a TrueType font (file starts with %+q)", tag)
	}
	t, err := p.directory()
	if err != nil {
		return nil, err
	}
	if !t.glyf.ok {
		if t.cff.ok {
			return nil, p.errorf("has CFF outlines and no glyf table; use a TrueType build")
		}
		return nil, p.errorf("no glyf table (TrueType outlines)")
	}
	for _, req := range []struct {
		tag string
		s   span
		min int
	}{
		{"head", t.head, 54}, {"hhea", t.hhea, 36}, {"maxp", t.maxp, 6},
		{"hmtx", t.hmtx, 0}, {"cmap", t.cmap, 4}, {"loca", t.loca, 0},
		{"post", t.post, 16}, {"name", t.name, 0},
	} {
		if !req.s.ok {
			return nil, p.errorf("missing required %q table", req.tag)
		}
		if req.s.size < req.min {
			return nil, p.errorf("%q table is %d bytes, need at least %d", req.tag, req.s.size, req.min)
		}
	}

	f := &Face{name: p.name, data: p.data}

	head := t.head.off
	upem := p.u16(head + 18)
	if upem < 16 || upem > 16384 {
		return nil, p.errorf("unitsPerEm %d outside 16..16384", upem)
	}
	scale := 1000.0 / float64(upem) // fpdf's factor to 1/1000 em; keep its exact expression
	locaFormat := p.u16(head + 50)

	hhea := t.hhea.off
	if p.u16(hhea+32) != 0 {
		return nil, p.errorf("unknown hhea metricDataFormat %d", p.u16(hhea+32))
	}
	numHMetrics := p.u16(hhea + 34)
	if numHMetrics == 0 {
		return nil, p.errorf("hhea numberOfHMetrics is 0")
	}
	if t.hmtx.size < 4*numHMetrics {
		return nil, p.errorf("hmtx table is %d bytes, too short for %d metrics", t.hmtx.size, numHMetrics)
	}
	numGlyphs := p.u16(t.maxp.off + 4)
	if numGlyphs == 0 {
		return nil, p.errorf("maxp says the font has no glyphs")
	}
	if err := p.checkLoca(t, locaFormat, numGlyphs); err != nil {
		return nil, err
	}
	if err := p.vertical(f, t, scale); err != nil {
		return nil, err
	}
	gidX, err := p.cmap(f, t.cmap)
	if err != nil {
		return nil, err
	}
	if err := p.widths(f, t.hmtx.off, numHMetrics, numGlyphs, scale); err != nil {
		return nil, err
	}
	if f.xHeight == 0 {
		f.xHeight = f.capHeight * 2 / 3
		if yMax, ok := p.glyphTop(t, locaFormat, gidX, numGlyphs); ok && yMax > 0 {
			f.xHeight = int(float64(yMax) * scale)
		}
	}
	return f, nil
}

// directory reads the table directory, checking every table lies inside the
// file: fpdf copies several tables whole when it subsets the font.
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
		case "post":
			t.post = s
		case "name":
			t.name = s
		case "OS/2":
			t.os2 = s
		case "CFF ", "CFF2":
			t.cff = s
		}
	}
	return t, nil
}

// checkLoca makes sure every glyph's outline lies inside glyf, in order:
// fpdf slices glyf by these offsets when it subsets and would panic
// otherwise.
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
func (p *parser) glyphTop(t tables, format, g, numGlyphs int) (int16, bool) {
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

// vertical sets ascent, descent, cap height and x-height in 1/1000 em,
// following fpdf's parseHHEATable and parseOS2Table so that our values
// equal the FontDescriptor fpdf writes.
func (p *parser) vertical(f *Face, t tables, scale float64) error {
	hhea := t.hhea.off
	f.ascent = int(float64(p.i16(hhea+4)) * scale)
	f.descent = int(float64(p.i16(hhea+6)) * scale)
	if !t.os2.ok {
		// fpdf scales the already scaled bounding box a second time here.
		head := t.head.off
		yMin := int(float64(p.i16(head+38)) * scale)
		yMax := int(float64(p.i16(head+42)) * scale)
		if f.ascent == 0 {
			f.ascent = int(float64(yMax) * scale)
		}
		if f.descent == 0 {
			f.descent = int(float64(yMin) * scale)
		}
		f.capHeight = f.ascent
		return nil
	}
	os2 := t.os2.off
	if t.os2.size < 72 {
		return p.errorf("OS/2 table is %d bytes, need at least 72", t.os2.size)
	}
	version := p.u16(os2)
	if fsType := p.u16(os2 + 8); fsType == 0x0002 || fsType&0x0300 != 0 {
		return p.errorf("OS/2 fsType %#04x forbids embedding or subsetting the font", fsType)
	}
	if f.ascent == 0 {
		f.ascent = int(float64(p.i16(os2+68)) * scale)
	}
	if f.descent == 0 {
		f.descent = int(float64(p.i16(os2+70)) * scale)
	}
	f.capHeight = f.ascent
	if version > 1 {
		if t.os2.size < 90 {
			return p.errorf("OS/2 version %d table is %d bytes, need at least 90", version, t.os2.size)
		}
		f.capHeight = int(float64(p.i16(os2+88)) * scale)
		f.xHeight = max(0, int(float64(p.i16(os2+86))*scale))
	}
	return nil
}

// cmap finds the subtable fpdf uses (the first platform 3 encoding 1 or
// platform 0 record whose subtable has format 4) and records, for each
// mapped BMP rune, its glyph id in f.adv and a bit in f.has. widths turns
// both into their final meaning. It returns the glyph for 'x'.
func (p *parser) cmap(f *Face, cm span) (int, error) {
	n := p.u16(cm.off + 2)
	if 4+8*n > cm.size {
		return 0, p.errorf("cmap table is truncated")
	}
	sub := -1
	for i := range n {
		rec := cm.off + 4 + 8*i
		platform, encoding := p.u16(rec), p.u16(rec+2)
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		at := uint64(cm.off) + p.u32(rec+4)
		if at+2 > uint64(len(p.data)) {
			return 0, p.errorf("cmap subtable offset %d is past the end of the file", at)
		}
		if p.u16(int(at)) == 4 {
			sub = int(at)
			break
		}
	}
	if sub < 0 {
		return 0, p.errorf("no Unicode cmap subtable of format 4 (platform 3 encoding 1, or platform 0)")
	}
	cmEnd := cm.off + cm.size
	if sub+16 > cmEnd {
		return 0, p.errorf("cmap format 4 subtable is truncated")
	}
	rim := sub + p.u16(sub+2) // fpdf's limit for glyph index reads, from the subtable length
	segs := p.u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, rangeOffs := sub+16+4*segs, sub+16+6*segs
	if rangeOffs+2*segs > cmEnd || rim > cmEnd {
		return 0, p.errorf("cmap format 4 subtable with %d segments runs past the cmap table", segs)
	}
	prevEnd := -1
	for i := range segs {
		start, end := p.u16(starts+2*i), p.u16(ends+2*i)
		if start > end {
			continue // fpdf maps nothing for such a segment
		}
		// Overlapping segments would give a rune two glyphs, and fpdf picks
		// its width and its glyph by different rules.
		if start <= prevEnd {
			return 0, p.errorf("cmap format 4 segments overlap or are out of order at U+%04X", start)
		}
		prevEnd = end
		delta := int(p.i16(deltas + 2*i))
		ro := p.u16(rangeOffs + 2*i)
		for c := start; c <= end; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if at := rangeOffs + 2*i + ro + 2*(c-start); at < rim {
				if at+2 > len(p.data) {
					return 0, p.errorf("cmap glyph index for U+%04X is past the end of the file", c)
				}
				if g = p.u16(at); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			f.adv[c] = uint16(g)
			f.gid[c] = uint16(g)
			f.has[c>>6] |= 1 << (c & 63)
		}
	}
	gidX := 0
	if f.has['x'>>6]&(1<<('x'&63)) != 0 {
		gidX = int(f.adv['x'])
	}
	return gidX, nil
}

// widths replaces the glyph ids cmap left in f.adv by what fpdf's
// GetStringWidth adds for each rune, following parseHMTXTable:
//   - glyphs below numberOfHMetrics take their own advance (0 if >= 32768),
//     later glyphs below numGlyphs the last advance;
//   - widths are math.Round(advance*1000/unitsPerEm); a zero width is
//     stored as 65535, which GetStringWidth counts as 0;
//   - runes without such a width (unmapped, glyph 0, U+0000, U+FFFF, glyph
//     ids past both counts) cost the missing width: glyph 0's advance, or
//     500 when that is zero;
//   - U+0000 is special: fpdf stores the number of widths it set there.
//
// It also clears the has bits of runes that are not real, showable glyphs.
func (p *parser) widths(f *Face, hmtx, numHMetrics, numGlyphs int, scale float64) error {
	advance := func(g int) int { return p.u16(hmtx + 4*g) }

	// fpdf clamps the last advance only if that glyph is mapped or is glyph 0.
	last := advance(numHMetrics - 1)
	lastMapped := numHMetrics-1 == 0
	for w, word := range f.has {
		for word != 0 && !lastMapped {
			c := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			lastMapped = int(f.adv[c]) == numHMetrics-1
		}
	}
	if lastMapped && last >= 1<<15 {
		last = 0
	}

	notdef := advance(0)
	if notdef >= 1<<15 {
		notdef = 0
	}
	missing := int(math.Floor(scale*float64(notdef) + 0.5)) // fpdf's round()
	if missing == 0 {
		missing = 500
	}
	if missing > math.MaxUint16 {
		return p.errorf("glyph 0 advance of %d units is implausibly wide", notdef)
	}
	f.missing = missing

	limit := max(numHMetrics, numGlyphs)
	count := 0
	for w := range f.has {
		word := f.has[w]
		base := w * 64
		if word == 0 {
			for i := range 64 {
				f.adv[base+i] = uint16(missing)
			}
			continue
		}
		for i := range 64 {
			c := base + i
			if word&(1<<i) == 0 {
				f.adv[c] = uint16(missing)
				continue
			}
			g := int(f.adv[c])
			if c == 0 || c == 0xFFFF || g == 0 || g >= limit {
				f.adv[c] = uint16(missing)
				f.has[w] &^= 1 << i
				continue
			}
			a := last
			if g < numHMetrics {
				if a = advance(g); a >= 1<<15 {
					a = 0
				}
			}
			width := int(math.Round(scale * float64(a)))
			switch {
			case width == math.MaxUint16:
				width = 0 // fpdf's marker for "zero width"
			case width > math.MaxUint16:
				return p.errorf("glyph %d advance of %d units is implausibly wide", g, a)
			}
			f.adv[c] = uint16(width)
			count++
			if g >= numGlyphs || !showable(rune(c)) {
				f.has[w] &^= 1 << i
			}
		}
	}
	// GetStringWidth reads fpdf's count of widths as the width of U+0000.
	switch {
	case count == 0:
		f.adv[0] = uint16(missing)
	case count == math.MaxUint16:
		f.adv[0] = 0
	default:
		f.adv[0] = uint16(count) // at most 65534 runes get widths
	}
	return nil
}
