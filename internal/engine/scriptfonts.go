package engine

import (
	"fmt"
	"sync"

	"github.com/go-text/typesetting/language"

	"handout/fonts"
	"handout/internal/font"
)

// scriptFonts parses the catalog's families when a document first needs
// them, once per engine, and is safe for concurrent use.
type scriptFonts struct {
	mu       sync.Mutex
	families map[string]*font.Family
}

// family returns the parsed family of the catalog's entry.
func (e *Engine) family(f fonts.Family) (*font.Family, error) {
	e.script.mu.Lock()
	defer e.script.mu.Unlock()
	if fam, ok := e.script.families[f.Name]; ok {
		return fam, nil
	}
	data, err := e.catalog.Faces(f.Name)
	if err != nil {
		return nil, err
	}
	parse := func(file string, b []byte) (*font.Face, error) {
		if b == nil {
			return nil, nil
		}
		return font.Parse(file, b)
	}
	reg, err := parse(f.Regular, data.Regular)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name, err)
	}
	bold, err := parse(f.Bold, data.Bold)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name, err)
	}
	fam := font.NewFamily(f.Name, reg, bold, nil, nil)
	if e.script.families == nil {
		e.script.families = map[string]*font.Family{}
	}
	e.script.families[f.Name] = fam
	return fam, nil
}

// fontsFor returns the engine's font set with the catalog's families for
// the scripts of langs tried first for their characters: the fonts a
// document that prints lines in those languages (its taglines) is set in.
// The set shares the engine's shaping cache.
func (e *Engine) fontsFor(langs []string) (*font.Set, error) {
	set := e.fonts
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
