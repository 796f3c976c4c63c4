// Package suggest finds the name an author probably meant, for "did you
// mean" hints on misspelled fields, block types, layouts and placeholders.
package suggest

// Closest returns the name in names nearest to name, or "" when none is
// near enough to be a plausible typo. Ties go to the alphabetically first
// name so hints do not depend on the order the names are listed in.
func Closest(name string, names []string) string {
	limit := max(1, (len(name)+2)/3)
	best, bestD := "", limit+1
	for _, n := range names {
		d := Distance(name, n)
		if d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	if bestD > limit || bestD >= len(name) {
		return ""
	}
	return best
}

// Distance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one, because a
// swap ("phnoe") is the commonest typo and plain Levenshtein charges it two.
func Distance(a, b string) int {
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
