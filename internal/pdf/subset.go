package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// composite glyph flags (TrueType 'glyf')
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10
)

// components calls fn with the byte offset of each component's glyph index
// in a composite glyph's data; simple glyphs have none. A damaged record
// gives an error.
func components(g []byte, fn func(at int) error) error {
	if len(g) < compositeHeader || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil // empty or simple glyph
	}
	at := compositeHeader
	for {
		if at+4 > len(g) {
			return fmt.Errorf("composite glyph record runs past its end")
		}
		flags := binary.BigEndian.Uint16(g[at:])
		if err := fn(at + 2); err != nil {
			return err
		}
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			if at > len(g) {
				return fmt.Errorf("composite glyph record runs past its end")
			}
			return nil
		}
	}
}

// subset builds a TrueType font holding the glyphs olds[0], olds[1], ...
// renumbered 0, 1, ...; composite glyphs have their component indices
// rewritten through newID. Hinting programs are kept so small sizes print as
// the font's designer meant.
func (p *FontProgram) subset(olds []uint16, newID func(old uint16) (uint16, bool)) ([]byte, error) {
	n := len(olds)
	var glyf []byte
	offsets := make([]uint32, n+1)
	for i, old := range olds {
		g := p.glyph(old)
		start := len(glyf)
		glyf = append(glyf, g...)
		err := components(g, func(at int) error {
			id, ok := newID(binary.BigEndian.Uint16(g[at:]))
			if !ok {
				return fmt.Errorf("glyph %d: component missing from the subset", old)
			}
			binary.BigEndian.PutUint16(glyf[start+at:], id)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		offsets[i+1] = uint32(len(glyf))
	}
	long := offsets[n] > 0x1FFFF
	var loca []byte
	for _, o := range offsets {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, o)
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		}
	}
	hmtx := make([]byte, 0, 4*n)
	for _, old := range olds {
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(p.Advance(old)))
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(p.lsb(old)))
	}
	head := slices.Clone(p.tables["head"][:54])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 0)
	if long {
		binary.BigEndian.PutUint16(head[50:], 1)
	}
	hhea := slices.Clone(p.tables["hhea"][:36])
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(p.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf,
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} {
		if t, ok := p.tables[tag]; ok {
			tables[tag] = t
		}
	}
	if post := p.tables["post"]; len(post) >= 32 {
		// version 3: metrics only, no glyph names
		v3 := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(v3, 0x00030000)
		tables["post"] = v3
	}
	return assemble(tables), nil
}

// lsb is glyph gid's left side bearing from hmtx.
func (p *FontProgram) lsb(gid uint16) int16 {
	hmtx := p.tables["hmtx"]
	nh := int(binary.BigEndian.Uint16(p.tables["hhea"][34:]))
	at := 4*int(gid) + 2
	if int(gid) >= nh {
		at = 4*nh + 2*(int(gid)-nh)
	}
	if at+2 > len(hmtx) {
		return 0
	}
	return int16(binary.BigEndian.Uint16(hmtx[at:]))
}

// assemble writes an sfnt file: the table directory in tag order, each
// table padded to four bytes, with checksums and head's adjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := []byte{0, 1, 0, 0}
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySelector))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-searchRange))
	off := 12 + 16*n
	headAt := 0
	for _, t := range tags {
		data := tables[t]
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(data))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		if t == "head" {
			headAt = off
		}
		off += (len(data) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
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
