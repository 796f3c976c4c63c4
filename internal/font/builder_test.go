package font

import (
	"encoding/binary"
	"sort"
)

// testFont describes a tiny synthetic TrueType font, so tests can reach the
// corners of the font tables that real fonts never touch.
type testFont struct {
	sfnt       string   // sfnt version tag, "\x00\x01\x00\x00" if empty
	upem       uint16   // units per em
	asc, desc  int16    // hhea ascender and descender
	bbox       [4]int16 // head xMin, yMin, xMax, yMax
	advances   []uint16 // hmtx long metrics; numberOfHMetrics = len
	numGlyphs  uint16   // maxp
	segs       []testSeg
	preRecords bool // add non-Unicode cmap records before the Unicode one
	unicodeCM  bool // use a platform 0 record instead of platform 3 encoding 1
	noOS2      bool
	os2Version uint16
	fsType     uint16
	typoAsc    int16
	typoDesc   int16
	xHeight    int16
	capHeight  int16
	longLoca   bool
	xTop       int16 // yMax of every glyph outline
}

// testSeg is one cmap format 4 segment; a non-nil glyphs uses the
// idRangeOffset form, one entry per code.
type testSeg struct {
	start, end uint16
	delta      int16
	glyphs     []uint16
}

func be16(b []byte, v uint16) []byte { return binary.BigEndian.AppendUint16(b, v) }
func be32(b []byte, v uint32) []byte { return binary.BigEndian.AppendUint32(b, v) }

// build returns the font file for tf.
func (tf testFont) build() []byte {
	tabs := map[string][]byte{}

	head := make([]byte, 54)
	binary.BigEndian.PutUint32(head[0:], 0x00010000)
	binary.BigEndian.PutUint32(head[12:], 0x5F0F3CF5)
	binary.BigEndian.PutUint16(head[18:], tf.upem)
	for i, v := range tf.bbox {
		binary.BigEndian.PutUint16(head[36+2*i:], uint16(v))
	}
	if tf.longLoca {
		head[51] = 1
	}
	tabs["head"] = head

	hhea := make([]byte, 36)
	binary.BigEndian.PutUint32(hhea[0:], 0x00010000)
	binary.BigEndian.PutUint16(hhea[4:], uint16(tf.asc))
	binary.BigEndian.PutUint16(hhea[6:], uint16(tf.desc))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(tf.advances)))
	tabs["hhea"] = hhea

	tabs["maxp"] = be16(be32(nil, 0x00005000), tf.numGlyphs)

	var hmtx []byte
	for _, a := range tf.advances {
		hmtx = be16(be16(hmtx, a), 0)
	}
	for i := len(tf.advances); i < int(tf.numGlyphs); i++ {
		hmtx = be16(hmtx, 0) // left side bearings of the glyphs sharing the last advance
	}
	tabs["hmtx"] = hmtx

	var glyf, loca []byte
	for g := range int(tf.numGlyphs) + 1 {
		if tf.longLoca {
			loca = be32(loca, uint32(12*g))
		} else {
			loca = be16(loca, uint16(6*g))
		}
	}
	for range tf.numGlyphs {
		g := make([]byte, 12) // zero contours, bounding box only
		binary.BigEndian.PutUint16(g[8:], uint16(tf.xTop))
		glyf = append(glyf, g...)
	}
	tabs["glyf"], tabs["loca"] = glyf, loca

	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000)
	tabs["post"] = post
	tabs["name"] = []byte{0, 0, 0, 0, 0, 6}

	if !tf.noOS2 {
		size := 78
		if tf.os2Version > 1 {
			size = 96
		}
		os2 := make([]byte, size)
		binary.BigEndian.PutUint16(os2[0:], tf.os2Version)
		binary.BigEndian.PutUint16(os2[4:], 400)
		binary.BigEndian.PutUint16(os2[8:], tf.fsType)
		binary.BigEndian.PutUint16(os2[68:], uint16(tf.typoAsc))
		binary.BigEndian.PutUint16(os2[70:], uint16(tf.typoDesc))
		if tf.os2Version > 1 {
			binary.BigEndian.PutUint16(os2[86:], uint16(tf.xHeight))
			binary.BigEndian.PutUint16(os2[88:], uint16(tf.capHeight))
		}
		tabs["OS/2"] = os2
	}
	tabs["cmap"] = tf.cmap()
	return assemble(tf.sfnt, tabs)
}

func (tf testFont) cmap() []byte {
	segs := append(append([]testSeg{}, tf.segs...), testSeg{start: 0xFFFF, end: 0xFFFF, delta: 1})
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].start < segs[j].start })
	n := len(segs)
	var sub []byte
	sub = be16(sub, 4)
	sub = be16(sub, 0) // length, patched below
	sub = be16(sub, 0)
	sub = be16(sub, uint16(2*n))
	sub = append(sub, 0, 0, 0, 0, 0, 0) // search fields, unused by the parser
	for _, s := range segs {
		sub = be16(sub, s.end)
	}
	sub = be16(sub, 0)
	for _, s := range segs {
		sub = be16(sub, s.start)
	}
	for _, s := range segs {
		sub = be16(sub, uint16(s.delta))
	}
	var ids []uint16
	for i, s := range segs {
		if s.glyphs == nil {
			sub = be16(sub, 0)
			continue
		}
		sub = be16(sub, uint16(2*(n-i)+2*len(ids)))
		ids = append(ids, s.glyphs...)
	}
	for _, g := range ids {
		sub = be16(sub, g)
	}
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))

	type rec struct{ platform, encoding uint16 }
	var recs []rec
	if tf.preRecords {
		recs = append(recs, rec{1, 0}, rec{3, 0})
	}
	if tf.unicodeCM {
		recs = append(recs, rec{0, 3})
	} else {
		recs = append(recs, rec{3, 1})
	}
	cm := be16(be16(nil, 0), uint16(len(recs)))
	subOff := 4 + 8*len(recs)
	// Non-Unicode records point at a format 0 subtable after the format 4 one.
	fmt0 := subOff + len(sub)
	for _, r := range recs {
		off := subOff
		if r != recs[len(recs)-1] {
			off = fmt0
		}
		cm = be32(be16(be16(cm, r.platform), r.encoding), uint32(off))
	}
	cm = append(cm, sub...)
	cm = be16(be16(be16(cm, 0), 262), 0)
	return append(cm, make([]byte, 256)...)
}

// assemble lays out an sfnt file from its tables.
func assemble(sfnt string, tabs map[string][]byte) []byte {
	if sfnt == "" {
		sfnt = "\x00\x01\x00\x00"
	}
	tags := make([]string, 0, len(tabs))
	for tag := range tabs {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	out := append([]byte(sfnt), 0, byte(len(tags)), 0, 0, 0, 0, 0, 0)
	off := 12 + 16*len(tags)
	var body []byte
	for _, tag := range tags {
		data := tabs[tag]
		out = append(out, tag...)
		out = be32(out, 0)
		out = be32(out, uint32(off+len(body)))
		out = be32(out, uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	return append(out, body...)
}

// basicTestFont exercises most width rules: shared trailing advances, a zero
// width, glyph ids past the glyph count, idRangeOffset segments, U+0000.
func basicTestFont() testFont {
	return testFont{
		upem: 1000, asc: 800, desc: -200, bbox: [4]int16{-50, -250, 900, 950},
		advances:  []uint16{600, 500, 0, 700},
		numGlyphs: 6,
		segs: []testSeg{
			{start: 0, end: 0, delta: 1},                                     // U+0000 -> glyph 1
			{start: 9, end: 10, delta: -8},                                   // tab, LF -> glyphs 1, 2
			{start: ' ', end: ' ', delta: 3 - ' '},                           // space -> glyph 3
			{start: 'A', end: 'F', delta: 1 - 'A'},                           // A..F -> glyphs 1..6 (6 is past numGlyphs)
			{start: 'a', end: 'd', glyphs: []uint16{2, 0, 5, 4}},             // b unmapped
			{start: 'x', end: 'x', delta: 4 - 'x'},                           // x -> glyph 4
			{start: 0x2014, end: 0x2014, glyphs: []uint16{5}, delta: -1},     // em dash -> glyph 4
			{start: 0xD800, end: 0xD800, delta: 0x2801},                      // surrogate -> glyph 1
			{start: 0xFFF0, end: 0xFFF0, glyphs: []uint16{0xFFF0}, delta: 0}, // bogus glyph id
		},
		os2Version: 4, typoAsc: 750, typoDesc: -250, xHeight: 480, capHeight: 680,
		xTop: 510,
	}
}
