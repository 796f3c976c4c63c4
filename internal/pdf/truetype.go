package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// FontProgram is a parsed TrueType font, prepared once and shared read-only
// by every document that embeds subsets of it.
type FontProgram struct {
	data       []byte
	tables     map[string][]byte // read-only after ParseFont
	unitsPerEm int
	numGlyphs  int
	longLoca   bool
	loca       []uint32 // numGlyphs+1 offsets into glyf
	advances   []uint16 // per glyph, from hmtx
	// for the font descriptor, in font units
	bbox                       [4]int16
	ascent, descent, capHeight int16
	italicAngle                float64
	fixedPitch, bold, italic   bool
	weight                     uint16
	psName                     string
}

var errNotTrueType = errors.New("not a TrueType font")

// ParseFont reads a TrueType (glyf) font. Collections (TTC) and CFF-based
// OpenType (OTTO) are refused with a clear error; a damaged file gives an
// error, never a panic.
func ParseFont(data []byte) (*FontProgram, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("font: %w: file too short", errNotTrueType)
	}
	switch string(data[:4]) {
	case "ttcf":
		return nil, fmt.Errorf("font: TrueType collections (.ttc) are not supported; extract one face")
	case "OTTO":
		return nil, fmt.Errorf("font: CFF-based OpenType (.otf with PostScript outlines) is not supported; use a TrueType (glyf) font")
	case "\x00\x01\x00\x00", "true":
	default:
		return nil, fmt.Errorf("font: %w", errNotTrueType)
	}
	p := &FontProgram{data: data, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, fmt.Errorf("font: table directory runs past the end of the file")
	}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("font: table %q runs past the end of the file", tag)
		}
		p.tables[tag] = data[off : off+length]
	}
	for _, step := range []func() error{p.parseHead, p.parseMaxp, p.parseHmtx, p.parseLoca, p.parseMetrics} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
	}
	return p, nil
}

// table returns a required table, at least min bytes long.
func (p *FontProgram) table(tag string, min int) ([]byte, error) {
	t, ok := p.tables[tag]
	if !ok {
		if tag == "glyf" || tag == "loca" {
			return nil, fmt.Errorf("%w: no %s table (only glyf outlines are supported)", errNotTrueType, tag)
		}
		return nil, fmt.Errorf("missing %s table", tag)
	}
	if len(t) < min {
		return nil, fmt.Errorf("%s table too short", tag)
	}
	return t, nil
}

func (p *FontProgram) parseHead() error {
	head, err := p.table("head", 54)
	if err != nil {
		return err
	}
	p.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	if p.unitsPerEm < 16 || p.unitsPerEm > 16384 {
		return fmt.Errorf("unitsPerEm %d out of range", p.unitsPerEm)
	}
	for i := range p.bbox {
		p.bbox[i] = int16(binary.BigEndian.Uint16(head[36+2*i:]))
	}
	mac := binary.BigEndian.Uint16(head[44:])
	p.bold, p.italic = mac&1 != 0, mac&2 != 0
	p.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	return nil
}

func (p *FontProgram) parseMaxp() error {
	maxp, err := p.table("maxp", 6)
	if err != nil {
		return err
	}
	p.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	if p.numGlyphs == 0 {
		return errors.New("font has no glyphs")
	}
	return nil
}

func (p *FontProgram) parseHmtx() error {
	hhea, err := p.table("hhea", 36)
	if err != nil {
		return err
	}
	p.ascent = int16(binary.BigEndian.Uint16(hhea[4:]))
	p.descent = int16(binary.BigEndian.Uint16(hhea[6:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || nh > p.numGlyphs {
		return fmt.Errorf("hhea numberOfHMetrics %d out of range", nh)
	}
	hmtx, err := p.table("hmtx", 4*nh)
	if err != nil {
		return err
	}
	p.advances = make([]uint16, p.numGlyphs)
	for g := range p.advances {
		// glyphs past the long metrics repeat the last advance
		p.advances[g] = binary.BigEndian.Uint16(hmtx[4*min(g, nh-1):])
	}
	return nil
}

func (p *FontProgram) parseLoca() error {
	size := 2
	if p.longLoca {
		size = 4
	}
	loca, err := p.table("loca", size*(p.numGlyphs+1))
	if err != nil {
		return err
	}
	glyf, err := p.table("glyf", 0)
	if err != nil {
		return err
	}
	p.loca = make([]uint32, p.numGlyphs+1)
	for i := range p.loca {
		if p.longLoca {
			p.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			p.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if i > 0 && p.loca[i] < p.loca[i-1] || p.loca[i] > uint32(len(glyf)) {
			return fmt.Errorf("loca entry %d out of order or past the glyf table", i)
		}
	}
	return nil
}

// parseMetrics reads what the font descriptor needs; OS/2 and post are
// optional, with sensible stand-ins.
func (p *FontProgram) parseMetrics() error {
	p.capHeight = p.ascent
	p.weight = 400
	if p.bold {
		p.weight = 700
	}
	if os2 := p.tables["OS/2"]; len(os2) >= 78 {
		p.weight = binary.BigEndian.Uint16(os2[4:])
		if binary.BigEndian.Uint16(os2[0:]) >= 2 && len(os2) >= 90 {
			p.capHeight = int16(binary.BigEndian.Uint16(os2[88:]))
		}
	}
	if post := p.tables["post"]; len(post) >= 16 {
		p.italicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		p.fixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
	p.psName = postScriptName(p.tables["name"])
	if p.psName == "" {
		p.psName = "Font"
	}
	return nil
}

// postScriptName reads name ID 6, keeping only the characters a PDF font
// name may hold.
func postScriptName(name []byte) string {
	if len(name) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strOff := int(binary.BigEndian.Uint16(name[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
		rec := name[6+12*i:]
		platform, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		length, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if id != 6 || strOff+off+length > len(name) {
			continue
		}
		raw := name[strOff+off : strOff+off+length]
		var out []byte
		step := 1
		if platform == 0 || platform == 3 {
			step = 2 // UTF-16BE; PostScript names are ASCII
		}
		for j := step - 1; j < len(raw); j += step {
			if c := raw[j]; c > ' ' && c < 0x7f && c != '/' && c != '%' && c != '(' && c != ')' && c != '<' && c != '>' && c != '[' && c != ']' && c != '{' && c != '}' {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			return string(out[:min(len(out), 63)])
		}
	}
	return ""
}

// NumGlyphs is the number of glyphs in the font.
func (p *FontProgram) NumGlyphs() int { return p.numGlyphs }

// UnitsPerEm is the font's design grid.
func (p *FontProgram) UnitsPerEm() int { return p.unitsPerEm }

// Advance is glyph gid's advance width in font units (0 for a glyph the
// font does not have).
func (p *FontProgram) Advance(gid uint16) int {
	if int(gid) >= len(p.advances) {
		return 0
	}
	return int(p.advances[gid])
}

// width is glyph gid's advance in PDF glyph space (thousandths of an em).
func (p *FontProgram) width(gid uint16) float64 {
	return float64(p.Advance(gid)) * 1000 / float64(p.unitsPerEm)
}

// glyph returns the outline bytes of gid (empty for a blank glyph).
func (p *FontProgram) glyph(gid uint16) []byte {
	if int(gid) >= p.numGlyphs {
		return nil
	}
	return p.tables["glyf"][p.loca[gid]:p.loca[gid+1]]
}
