package load

import "handout/internal/suggest"

// closest returns the candidate an author most likely meant, if any.
func closest(s string, candidates []string) (string, bool) {
	c := suggest.Closest(s, candidates)
	return c, c != ""
}
