package check

import (
	"fmt"
	"strings"

	"handout/internal/model"
	"handout/internal/source"
)

// accessibility warns about what would make the tagged PDF hard to use with
// a screen reader: a table without a header row (its cells are read with
// nothing to name their column), a skipped heading level (a subheading in
// a section without a heading sits two levels under the title), and links
// whose text is the bare address (read out letter by letter).
func (c *checker) accessibility(f *File, l *model.Leaflet) {
	model.Walk(l, model.Visitor{
		Block: func(b model.Block, at model.Place) {
			switch b := b.(type) {
			case *model.Table:
				if len(b.Header) == 0 {
					c.add(f, Finding{Severity: Warning, Pos: b.Pos, Code: CodeTableHeader,
						Message: "the table has no header row, so a screen reader cannot name each cell's column",
						Hint:    "add header: [...] with a short name for each column"})
				}
			case *model.Subheading:
				if at.Section >= 0 && l.Sections[at.Section].Heading.IsZero() {
					c.add(f, Finding{Severity: Warning, Pos: b.Text.Pos, Code: CodeHeadingSkip,
						Message: "a subheading in a section without a heading skips a level (title, then subheading)",
						Hint:    "give the section a heading, or make the subheading the section's heading"})
				}
			}
		},
		Text: func(t model.Text, _ model.Role, _ model.Place) {
			for _, s := range t.Spans {
				if s.Link != "" && bareURL(s.Text, s.Link) {
					c.add(f, Finding{Severity: Warning, Pos: spanPos(t, s.Offset), Code: CodeBareLink,
						Message: fmt.Sprintf("the link text %q is the address itself, which a screen reader spells out", s.Text),
						Hint:    "say where the link goes: [our feeding clinic](" + s.Link + ")"})
				}
			}
		},
	})
}

// bareURL reports whether a link's text is its address (or any address).
func bareURL(text, link string) bool {
	t := strings.TrimSpace(strings.ToLower(text))
	if t == "" {
		return false
	}
	trim := func(s string) string {
		for _, p := range []string{"https://", "http://", "mailto:", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return trim(t) == trim(strings.ToLower(link)) || strings.HasPrefix(t, "http://") ||
		strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")
}

// spanPos is where a span starts, when the text stands on one line.
func spanPos(t model.Text, off int) source.Pos {
	p := t.Pos
	if t.Exact && p.Line > 0 {
		p.Col += off
	}
	return p
}
