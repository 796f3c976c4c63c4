package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"handout/internal/inline"
	"handout/internal/model"
	"handout/internal/source"
)

// plain is a text as it prints, with a map back to the source string.
type plain struct {
	s    string
	segs []segment
}

// segment maps a run of the printed text to where it was written.
type segment struct {
	at     int // offset in the printed text
	raw    int // offset in the source string (Text.Raw)
	fixed  bool
	style  inline.Style
	length int
}

// printed renders a text's spans with placeholders filled by value.
func printed(t model.Text, value func(string) string) plain {
	var b strings.Builder
	var segs []segment
	for _, sp := range t.Spans {
		s := sp.Text
		fixed := false
		if sp.Placeholder != "" {
			s, fixed = value(sp.Placeholder), true
		}
		segs = append(segs, segment{at: b.Len(), raw: sp.Offset, fixed: fixed, style: sp.Style, length: len(s)})
		b.WriteString(s)
	}
	return plain{s: b.String(), segs: segs}
}

// rawOffset maps an offset in the printed text to the source string.
// Inside a filled placeholder it points at the placeholder.
func (p plain) rawOffset(at int) int {
	for i := len(p.segs) - 1; i >= 0; i-- {
		sg := p.segs[i]
		if at >= sg.at {
			if sg.fixed {
				return sg.raw
			}
			return sg.raw + at - sg.at
		}
	}
	return 0
}

// locator maps offsets in a text back to line and column in its file.
type locator struct {
	lines []string
}

func newLocator(src []byte) *locator {
	return &locator{lines: strings.Split(string(src), "\n")}
}

// pos returns where the byte at rawOff of t's source string was written.
// For a text on one line that is exact. A text folded over several lines
// (a > block or a plain multi-line scalar) keeps its words in order, so
// the n-th word of the value is the n-th word in the file from where the
// value starts; if the file does not read that way (escapes in a quoted
// string), the text's own start is returned.
func (lc *locator) pos(t model.Text, rawOff int) source.Pos {
	rawOff = min(max(rawOff, 0), len(t.Raw))
	if t.Exact {
		p := t.Pos
		p.Col += utf8.RuneCountInString(t.Raw[:rawOff])
		return p
	}
	if lc == nil || t.Pos.Line < 1 || t.Pos.Line > len(lc.lines) {
		return t.Pos
	}
	// the word of the value that rawOff falls in, counted from 0
	target := len(strings.Fields(t.Raw[:rawOff]))
	if rawOff < len(t.Raw) && rawOff > 0 && !isSpaceByte(t.Raw[rawOff]) && !isSpaceByte(t.Raw[rawOff-1]) {
		target-- // inside a word, not at its start
	}
	want := strings.Fields(t.Raw)
	if target < 0 || target >= len(want) {
		return t.Pos
	}
	n := 0
	for ln := t.Pos.Line; ln <= len(lc.lines); ln++ {
		line := lc.lines[ln-1]
		startCol := 0
		if ln == t.Pos.Line {
			startCol = max(t.Pos.Col-1, 0)
			rest := runeSlice(line, startCol)
			if trimmed := strings.TrimSpace(rest); strings.HasPrefix(trimmed, ">") || strings.HasPrefix(trimmed, "|") {
				continue // a block scalar starts on the next line
			}
		}
		for _, f := range fieldsWithCols(line, startCol) {
			if n == target {
				if !strings.Contains(f.text, strings.Trim(want[n], `"'`)) && !strings.Contains(want[n], strings.Trim(f.text, `"'`)) {
					return t.Pos
				}
				return source.Pos{File: t.Pos.File, Line: ln, Col: f.col + 1 + leadingQuote(f.text, n)}
			}
			n++
		}
	}
	return t.Pos
}

// leadingQuote skips the opening quote of a quoted scalar's first word.
func leadingQuote(s string, n int) int {
	if n == 0 && (strings.HasPrefix(s, `"`) || strings.HasPrefix(s, `'`)) {
		return 1
	}
	return 0
}

type field struct {
	text string
	col  int // 0-based column in runes
}

// fieldsWithCols splits a line into words from rune column start on.
func fieldsWithCols(line string, start int) []field {
	var out []field
	col := 0
	begin, beginCol := -1, 0
	for i, r := range line {
		if col >= start {
			if unicode.IsSpace(r) {
				if begin >= 0 {
					out = append(out, field{line[begin:i], beginCol})
					begin = -1
				}
			} else if begin < 0 {
				begin, beginCol = i, col
			}
		}
		col++
	}
	if begin >= 0 {
		out = append(out, field{line[begin:], beginCol})
	}
	return out
}

func runeSlice(s string, from int) string {
	i := 0
	for off := range s {
		if i == from {
			return s[off:]
		}
		i++
	}
	return ""
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
