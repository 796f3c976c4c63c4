package font

// WithFallbacks returns a copy of the set that tries fams, in order, after
// its own families, for characters none of them has (the full-width
// punctuation of a Chinese line, say). The copy shares the shaper's cache.
func (s *Set) WithFallbacks(fams ...*Family) *Set {
	c := *s
	c.families = append(append([]*Family(nil), s.families...), fams...)
	return &c
}
