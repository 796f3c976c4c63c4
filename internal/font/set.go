package font

import "strings"

// Set is the fonts a document is set in: a primary family, then fallback
// families tried in order for the characters it has no glyph for (a
// family for another script, say). The typesetter picks a face per
// character through it, so a document is never limited to one font.
type Set struct {
	families []*Family
}

// NewSet makes a set from a primary family and its fallbacks.
func NewSet(primary *Family, fallbacks ...*Family) *Set {
	return &Set{families: append([]*Family{primary}, fallbacks...)}
}

// Face returns the primary family's face of a style: the face for spaces,
// markers and measurements that belong to no character in particular.
func (s *Set) Face(style Style) *Face { return s.families[0].Face(style) }

// FaceFor returns the face of the first family that can draw r, or nil
// when none can.
func (s *Set) FaceFor(style Style, r rune) *Face {
	for _, fam := range s.families {
		if f := fam.Face(style); f.Has(r) {
			return f
		}
	}
	return nil
}

// Name lists the families, for messages.
func (s *Set) Name() string {
	names := make([]string, len(s.families))
	for i, f := range s.families {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}
