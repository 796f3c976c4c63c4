package font

import (
	"strings"

	"github.com/go-text/typesetting/language"
)

// Set is the fonts a document is set in: a primary family, then fallback
// families tried in order for the characters it has no glyph for, and
// optionally families preferred for a script (a Japanese face for Han
// text, say) and a resolver that finds, and loads, a family for a script
// only when a document first uses it. The typesetter picks a face per
// character through it, so a document is never limited to one font. A set
// also holds the shaper and its cache: make one per process and share it,
// read-only, between documents.
type Set struct {
	families []*Family
	byScript map[language.Script][]*Family
	resolver Resolver
	shaper   *Shaper
}

// Resolver finds the families for a script that none of a set's own
// families draw: Common (digits, punctuation) and Inherited (combining
// marks) ask for the families of the document's language. It is called
// only on a miss, so an implementation may load fonts lazily; it must be
// safe for concurrent use and should remember its answers, since a
// Chinese document asks once per character.
type Resolver interface {
	Families(script language.Script) []*Family
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

// WithResolver returns a copy of the set that asks r for a script's
// families when none of its own has a character. The copy shares the
// shaper's cache.
func (s *Set) WithResolver(r Resolver) *Set {
	c := *s
	c.resolver = r
	return &c
}

// WithFamilies returns a copy of the set whose families are fams followed
// by the set's own: fams come first for every character they have. The
// copy shares the shaper's cache.
func (s *Set) WithFamilies(fams ...*Family) *Set {
	c := *s
	c.families = append(append([]*Family{}, fams...), s.families...)
	return &c
}

// Face returns the primary family's face of a style: the face for spaces,
// markers and measurements that belong to no character in particular.
func (s *Set) Face(style Style) *Face { return s.families[0].Face(style) }

// FaceFor returns the face that draws r: the first family preferred for
// r's script that has it, else the first of the set's families that has
// it, else the first the resolver gives for r's script, or nil when none
// can.
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
	if s.resolver != nil {
		for _, fam := range s.resolver.Families(language.LookupScript(r)) {
			if f := fam.Face(style); f != nil && f.Has(r) {
				return f
			}
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
