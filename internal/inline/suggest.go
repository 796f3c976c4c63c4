package inline

import (
	"slices"
	"strings"

	"handout/internal/suggest"
)

// maxListed caps the names a hint lists, so a site with many values does
// not turn one typo into a wall of text.
const maxListed = 10

// unknownHint suggests what an unknown placeholder name was meant to be: the
// closest known name when one is close, otherwise the list of known names.
func unknownHint(name string, names []string) string {
	if best := suggest.Closest(name, names); best != "" {
		return "did you mean {" + best + "}?"
	}
	return knownList(names)
}

// knownList renders the known names as "known placeholders: {a}, {b}, ...".
func knownList(names []string) string {
	if len(names) == 0 {
		return "no placeholders are defined"
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var b strings.Builder
	b.WriteString("known placeholders: ")
	for i, n := range sorted {
		if i == maxListed {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('{')
		b.WriteString(n)
		b.WriteByte('}')
	}
	return b.String()
}

// guessName turns what an author wrote between braces ("Phone", "first name")
// into the placeholder name they probably meant, or "" when it is too far
// from the name form to guess.
func guessName(inner string) string {
	inner = strings.TrimSpace(inner)
	b := make([]byte, 0, len(inner))
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ' || c == '-':
			c = '_'
		}
		b = append(b, c)
	}
	g := string(b)
	if !validName(g) {
		return ""
	}
	return g
}

// validName reports whether s is a well-formed placeholder name.
func validName(s string) bool {
	if s == "" || !isLower(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

func isLower(c byte) bool    { return 'a' <= c && c <= 'z' }
func isNameByte(c byte) bool { return isLower(c) || '0' <= c && c <= '9' || c == '_' }
