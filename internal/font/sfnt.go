package font

import "encoding/binary"

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
