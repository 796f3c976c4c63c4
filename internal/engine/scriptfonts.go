package engine

import (
	"github.com/go-text/typesetting/language"

	"handout/fonts"
	"handout/internal/font"
)

// family returns the parsed family of the catalog's entry, through the
// engine's cache of parsed families.
func (e *Engine) family(f fonts.Family) (*font.Family, error) { return e.sets.fams.get(f.Name) }

// fontsFor returns a document's font set (base) with the catalog's families for
// the scripts of langs tried first for their characters: the fonts a
// document that prints lines in those languages (its taglines) is set in.
// The set shares the engine's shaping cache.
func (e *Engine) fontsFor(base *font.Set, langs []string) (*font.Set, error) {
	set := base
	var fallbacks []*font.Family
	seen := map[*font.Family]bool{}
	for _, lang := range langs {
		for _, code := range fonts.Scripts(lang) {
			if code == "Latn" || code == "Cyrl" || code == "Grek" {
				continue // Noto Sans draws these
			}
			f, ok := e.catalog.Choose(lang, code)
			if !ok {
				continue
			}
			sc, err := language.ParseScript(code)
			if err != nil {
				continue
			}
			fam, err := e.family(f)
			if err != nil {
				return nil, err
			}
			set = set.WithScript(sc, fam)
			if !seen[fam] {
				seen[fam] = true
				fallbacks = append(fallbacks, fam)
			}
		}
	}
	if len(fallbacks) > 0 {
		set = set.WithFallbacks(fallbacks...) // for the scripts' punctuation
	}
	return set, nil
}
