package inline

import (
	"slices"
	"strings"
)

// maxListed caps the names a hint lists, so a site with many values does
// not turn one typo into a wall of text.
const maxListed = 10

// unknownHint suggests what an unknown placeholder name was meant to be: the
// closest known name when one is close, otherwise the list of known names.
func unknownHint(name string, names []string) string {
	if best := closest(name, names); best != "" {
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

// closest returns the name in names nearest to name, or "" when none is near
// enough to be a plausible typo. Ties go to the alphabetically first name so
// hints do not depend on the order a site lists its values in.
func closest(name string, names []string) string {
	limit := max(1, (len(name)+2)/3)
	best, bestD := "", limit+1
	for _, n := range names {
		d := distance(name, n)
		if d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	if bestD > limit || bestD >= len(name) {
		return ""
	}
	return best
}

// distance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one, because a
// swap ("phnoe") is the commonest typo and plain Levenshtein charges it two.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
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
