package pdf

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Object is any PDF object the writer can serialise.
type Object interface {
	appendTo(b []byte) []byte
}

// Name is a PDF name, written with a leading slash.
type Name string

// Int is a PDF integer.
type Int int64

// Real is a PDF real number, written with at most four decimals.
type Real float64

// Bool is a PDF boolean.
type Bool bool

// String is a PDF text string: written in PDFDocEncoding when every
// character allows it, otherwise as UTF-16BE with a byte order mark.
type String string

// Bytes is a PDF byte string, written in hex (identifiers, binary keys).
type Bytes []byte

// Array is a PDF array.
type Array []Object

// Refs is an array of references, kept without boxing each in an Object:
// a ParentTree holds one per marked-content sequence.
type Refs []Ref

func (a Refs) appendTo(b []byte) []byte {
	b = append(b, '[')
	for i, r := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		b = r.appendTo(b)
	}
	return append(b, ']')
}

// Dict is a PDF dictionary; its keys are written in sorted order.
type Dict map[Name]Object

// Ref is an indirect reference to object Num (generation 0).
type Ref struct{ Num int }

// Null is the PDF null object.
type Null struct{}

// Raw is pre-serialised PDF syntax, written as it is. It is for the writer's
// own fixed fragments; callers should prefer the typed objects.
type Raw string

func (n Name) appendTo(b []byte) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		// regular characters go as they are; delimiters, whitespace and
		// anything outside printable ASCII as #xx
		if !regularName(c) {
			b = append(b, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// regularName reports whether a byte may stand in a name as itself: not a
// delimiter, whitespace, '#' or anything outside printable ASCII. A switch,
// not a search of a string, because structure trees write many names.
func regularName(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#':
		return false
	}
	return c >= '!' && c <= '~'
}

func (i Int) appendTo(b []byte) []byte { return strconv.AppendInt(b, int64(i), 10) }

func (r Real) appendTo(b []byte) []byte { return appendReal(b, float64(r)) }

func (v Bool) appendTo(b []byte) []byte { return strconv.AppendBool(b, bool(v)) }

func (Null) appendTo(b []byte) []byte { return append(b, "null"...) }

func (r Raw) appendTo(b []byte) []byte { return append(b, r...) }

func (r Ref) appendTo(b []byte) []byte {
	b = strconv.AppendInt(b, int64(r.Num), 10)
	return append(b, " 0 R"...)
}

func (s String) appendTo(b []byte) []byte {
	if enc, ok := pdfDocEncode(string(s)); ok {
		return appendLiteral(b, enc)
	}
	return appendLiteral(b, utf16BE(string(s), true))
}

func (s Bytes) appendTo(b []byte) []byte {
	b = append(b, '<')
	for _, c := range s {
		b = append(b, hexDigits[c>>4], hexDigits[c&15])
	}
	return append(b, '>')
}

func (a Array) appendTo(b []byte) []byte {
	b = append(b, '[')
	for i, o := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendObject(b, o)
	}
	return append(b, ']')
}

func (d Dict) appendTo(b []byte) []byte {
	var small [8]Name // most dictionaries: no allocation for their keys
	keys := small[:0]
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys) // determinism: never the map's order
	b = append(b, "<<"...)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ' ')
		}
		b = k.appendTo(b)
		b = append(b, ' ')
		b = appendObject(b, d[k])
	}
	return append(b, ">>"...)
}

// appendObject writes o, with null for a missing (nil) object.
func appendObject(b []byte, o Object) []byte {
	if o == nil {
		return append(b, "null"...)
	}
	return o.appendTo(b)
}

const hexDigits = "0123456789ABCDEF"

// appendReal writes v with up to four decimals and no trailing zeros, and
// never in exponent form, which PDF does not allow.
func appendReal(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0 // a broken coordinate must not break the file's syntax
	}
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		return append(b, '0')
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', 4, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if b[start] == '-' && len(b)-start == 2 && b[start+1] == '0' {
		b = append(b[:start], '0')
	}
	return b
}

// appendLiteral writes a literal string, escaping only what must be: the
// parentheses, the backslash, and CR, which readers would turn into LF.
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// pdfDocEncode returns s in PDFDocEncoding when it can be written so: ASCII
// and the Latin-1 range where the two encodings agree.
func pdfDocEncode(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f {
				return "", false
			}
		}
		return s, true
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f, r == '\n', r == '\t':
			out = append(out, byte(r))
		case r >= 0xa1 && r <= 0xff && r != 0xad:
			out = append(out, byte(r))
		default:
			return "", false
		}
	}
	return string(out), true
}

// utf16BE encodes s as UTF-16 big-endian, with a byte order mark if asked.
func utf16BE(s string, bom bool) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u)+2)
	if bom {
		b = append(b, 0xfe, 0xff)
	}
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return string(b)
}
