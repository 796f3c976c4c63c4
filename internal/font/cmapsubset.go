package font

import (
	"encoding/binary"
	"slices"
)

// WithCmap returns a copy of the font file whose character map holds only
// the given runes; every other table is kept byte for byte.
//
// fpdf parses the whole character map of a font for every document and
// builds per-character tables from it (its font ID alone JSON-encodes a
// 65,536-entry width array), which costs more than everything else a
// handout needs. Handing it a font that maps only the characters the
// document uses makes that work proportional to the document, while the
// glyphs, their widths and so the output stay the same. Runes the face does
// not have are left out.
func (f *Face) WithCmap(runes []rune) []byte {
	var rs []rune
	for _, r := range runes {
		if r < 1<<16 && f.Has(r) { // fpdf's two-byte codes stop at the BMP
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	cmap := buildCmap4(rs, f)
	return replaceTable(f.data, "cmap", cmap)
}

// buildCmap4 writes a cmap table with one Unicode BMP format 4 subtable.
// Runs of consecutive runes whose glyphs are consecutive share a segment.
func buildCmap4(rs []rune, f *Face) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, r := range rs {
		g := f.gid[r]
		if n := len(segs); n > 0 && rune(segs[n-1].end)+1 == r && uint16(r)+segs[n-1].delta == g {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1}) // the required final segment
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	search, selector := 2, 0
	for search*2 <= n {
		search *= 2
		selector++
	}
	be.PutUint16(sub[8:], uint16(2*search))
	be.PutUint16(sub[10:], uint16(selector))
	be.PutUint16(sub[12:], uint16(2*n-2*search))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], s.end)
		be.PutUint16(sub[16+2*n+2*i:], s.start)
		be.PutUint16(sub[16+4*n+2*i:], s.delta)
		// idRangeOffset stays 0: glyph = rune + delta
	}
	out := make([]byte, 12, 12+len(sub))
	be.PutUint16(out[2:], 1)  // one encoding record
	be.PutUint16(out[4:], 3)  // Windows
	be.PutUint16(out[6:], 1)  // Unicode BMP
	be.PutUint32(out[8:], 12) // subtable offset
	return append(out, sub...)
}

// sfntTable is one entry of a font file's table directory.
type sfntTable struct {
	tag  string
	sum  uint32
	data []byte
}

// readTables lists the tables of a font file whose directory Parse has
// checked.
func readTables(font []byte) []sfntTable {
	be := binary.BigEndian
	num := int(be.Uint16(font[4:]))
	recs := make([]sfntTable, num)
	for i := range num {
		r := font[12+16*i:]
		off, size := be.Uint32(r[8:]), be.Uint32(r[12:])
		recs[i] = sfntTable{string(r[:4]), be.Uint32(r[4:]), font[off : off+size]}
	}
	return recs
}

// replaceTable rebuilds an sfnt file with one table's data replaced.
func replaceTable(font []byte, tag string, data []byte) []byte {
	recs := readTables(font)
	for i := range recs {
		if recs[i].tag == tag {
			recs[i].data, recs[i].sum = data, checksum(data)
		}
	}
	return writeTables(font[:4], recs)
}

// keepTables rebuilds an sfnt file with only the tables keep accepts.
func keepTables(font []byte, keep func(tag string) bool) []byte {
	var recs []sfntTable
	for _, r := range readTables(font) {
		if keep(r.tag) {
			recs = append(recs, r)
		}
	}
	return writeTables(font[:4], recs)
}

// writeTables writes an sfnt file of the given version tag and tables.
func writeTables(version []byte, recs []sfntTable) []byte {
	be := binary.BigEndian
	num := len(recs)
	total := 12 + 16*num
	for _, r := range recs {
		total += (len(r.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*num, total)
	copy(out, version)
	be.PutUint16(out[4:], uint16(num))
	search, selector := 1, 0
	for search*2 <= num {
		search *= 2
		selector++
	}
	be.PutUint16(out[6:], uint16(16*search))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(16*(num-search)))
	for i, r := range recs {
		at := 12 + 16*i
		copy(out[at:], r.tag)
		be.PutUint32(out[at+4:], r.sum) // unchanged tables keep theirs
		be.PutUint32(out[at+8:], uint32(len(out)))
		be.PutUint32(out[at+12:], uint32(len(r.data)))
		out = append(out, r.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
