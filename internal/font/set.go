package font

import (
	"strings"

	"github.com/go-text/typesetting/language"
)

// Set is the fonts a document is set in: a primary family, then fallback
// families tried in order for the characters it has no glyph for, and
// optionally families preferred for a script (a Japanese face for Han
// text, say). The typesetter picks a face per character through it, so a
// document is never limited to one font. A set also holds the shaper and
// its cache: make one per process and share it, read-only, between
// documents.
type Set struct {
	families []*Family
	byScript map[language.Script][]*Family
	shaper   *Shaper
}

// shapeCacheSize is how many shaped runs a set keeps: a few batches' worth
// of distinct words, a few megabytes.
const shapeCacheSize = 32768

// NewSet makes a set from a primary family and its fallbacks.
func NewSet(primary *Family, fallbacks ...*Family) *Set {
	return &Set{families: append([]*Family{primary}, fallbacks...), shaper: NewShaper(shapeCacheSize)}
}

// WithScript returns a copy of the set that tries fams, in order, for the
// characters of script before its other families. The copy shares the
// shaper's cache.
func (s *Set) WithScript(script language.Script, fams ...*Family) *Set {
	c := *s
	c.byScript = make(map[language.Script][]*Family, len(s.byScript)+1)
	for k, v := range s.byScript {
		c.byScript[k] = v
	}
	c.byScript[script] = fams
	return &c
}

// Face returns the primary family's face of a style: the face for spaces,
// markers and measurements that belong to no character in particular.
func (s *Set) Face(style Style) *Face { return s.families[0].Face(style) }

// FaceFor returns the face that draws r: the first family preferred for
// r's script that has it, else the first of the set's families that has
// it, or nil when none can.
func (s *Set) FaceFor(style Style, r rune) *Face {
	if len(s.byScript) > 0 {
		for _, fam := range s.byScript[language.LookupScript(r)] {
			if f := fam.Face(style); f.Has(r) {
				return f
			}
		}
	}
	for _, fam := range s.families {
		if f := fam.Face(style); f.Has(r) {
			return f
		}
	}
	return nil
}

// Shape shapes a run through the set's shared, cached shaper.
func (s *Set) Shape(r Run) *Shaped { return s.shaper.Shape(r) }

// Name lists the families, for messages.
func (s *Set) Name() string {
	names := make([]string, len(s.families))
	for i, f := range s.families {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}
